package io.easnet.core.spi;

import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.ResourceId.RouteTableId;
import org.immutables.value.Value;

/**
 * The arguments of {@link VpcApi#deleteRouteEntry} ({@code DeleteRouteEntry} by {@code RouteTableId},
 * {@code DestinationCidrBlock} and {@code NextHopId}). Every build without {@code clientToken} draws a fresh {@link
 * ClientToken}: retry with the same object.
 */
@Value.Immutable
public abstract class DeleteRouteEntryRequest {
  DeleteRouteEntryRequest() {}

  /** The route table ({@code RouteTableId}). */
  public abstract RouteTableId routeTableId();

  /** The destination block ({@code DestinationCidrBlock}). */
  public abstract Cidr destination();

  /** The next hop ({@code NextHopId}). */
  public abstract NatGatewayId natGatewayId();

  /** The idempotency token ({@code ClientToken}); a fresh random one unless set. */
  @Value.Default
  public ClientToken clientToken() {
    return ClientToken.random();
  }

  /** A request with a fresh token. */
  public static DeleteRouteEntryRequest of(RouteTableId table, Cidr destination, NatGatewayId nat) {
    return builder().routeTableId(table).destination(destination).natGatewayId(nat).build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DeleteRouteEntryRequest}. */
  public static final class Builder extends ImmutableDeleteRouteEntryRequest.Builder {
    Builder() {}

    /** Sets the idempotency token from text (at most 64 ASCII characters). */
    public Builder clientToken(String token) {
      return clientToken(ClientToken.of(token));
    }
  }
}
