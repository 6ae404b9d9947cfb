package io.easnet.core.model;

import io.easnet.core.model.ResourceId.NatGatewayId;
import org.immutables.value.Value;

/** One route: destination block and next hop ({@code NextHopType} such as {@code NatGateway}, and its id). */
@Value.Immutable
public abstract class RouteEntry {
  /** {@code NextHopType} of a route to a NAT gateway. */
  public static final String NAT_GATEWAY = "NatGateway";

  RouteEntry() {}

  public abstract Cidr destination();

  public abstract String nextHopType();

  public abstract String nextHopId();

  /** True when the next hop is the NAT gateway {@code id}. */
  public final boolean pointsTo(NatGatewayId id) {
    return NAT_GATEWAY.equalsIgnoreCase(nextHopType()) && id.value().equals(nextHopId());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A route to a NAT gateway. */
  public static RouteEntry toNat(String destination, NatGatewayId nat) {
    return builder().destination(Cidr.parse(destination)).nextHopType(NAT_GATEWAY).nextHopId(nat.value()).build();
  }

  /** Builds a {@link RouteEntry}. */
  public static final class Builder extends ImmutableRouteEntry.Builder {
    Builder() {}

    public Builder destination(String cidr) {
      return destination(Cidr.parse(cidr));
    }
  }
}
