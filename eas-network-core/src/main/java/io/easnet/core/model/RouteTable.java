package io.easnet.core.model;

import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.model.ResourceId.RouteTableId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import io.easnet.core.model.ResourceId.NatGatewayId;

/** A route table of a VPC: the system table (used by every vSwitch without a custom one) or a custom table. */
@Value.Immutable
public abstract class RouteTable {
  /** Whether the table is the VPC's system table or a custom one. */
  public enum Type {
    SYSTEM,
    CUSTOM;

    public static Type parse(String s) {
      return Enums.parse(Type.class, s, "route table type");
    }
  }

  RouteTable() {}

  public abstract RouteTableId id();

  public abstract VpcId vpcId();

  @Value.Default
  public Type type() {
    return Type.SYSTEM;
  }

  public abstract List<RouteEntry> entries();

  @Value.Check
  final void check() {
    Set<Cidr> seen = new HashSet<>();
    for (RouteEntry e : entries()) {
      if (!seen.add(e.destination())) {
        throw new IllegalArgumentException("route table " + id() + " has two routes to " + e.destination()
            + "; a table holds one route per destination");
      }
    }
  }

  /** The entry with the longest prefix containing {@code destination}, if any. */
  public final Optional<RouteEntry> longestMatch(Cidr destination) {
    RouteEntry best = null;
    for (RouteEntry e : entries()) {
      if (e.destination().contains(destination)
          && (best == null || e.destination().prefixLength() > best.destination().prefixLength())) {
        best = e;
      }
    }
    return Optional.ofNullable(best);
  }

  public static Builder builder() {
    return new Builder();
  }

  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link RouteTable}. */
  public static final class Builder extends ImmutableRouteTable.Builder {
    Builder() {}

    public Builder id(String id) {
      return id(RouteTableId.of(id));
    }

    public Builder vpcId(String id) {
      return vpcId(VpcId.of(id));
    }
  }

  /** One route: destination block and next hop ({@code NextHopType} such as {@code NatGateway}, and its id). */
  @Value.Immutable
  public static abstract class RouteEntry {
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
}
