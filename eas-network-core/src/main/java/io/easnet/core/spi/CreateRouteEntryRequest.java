package io.easnet.core.spi;

import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.ResourceId.RouteTableId;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The arguments of {@link VpcApi#createRouteEntry} ({@code CreateRouteEntry} with {@code NextHopType}
 * {@code NatGateway}): a route in a route table that sends a destination block to a NAT gateway.
 * Every build without {@code clientToken} draws a fresh {@link ClientToken}: retry with the same object.
 *
 * <pre>{@code
 * CreateRouteEntryRequest.toNat(table, Cidr.parse("0.0.0.0/0"), nat);
 * }</pre>
 */
@Value.Immutable
public abstract class CreateRouteEntryRequest {
  CreateRouteEntryRequest() {}

  /** The route table ({@code RouteTableId}). */
  public abstract RouteTableId routeTableId();

  /** The destination block ({@code DestinationCidrBlock}). */
  public abstract Cidr destination();

  /** The next hop ({@code NextHopId}, of type {@code NatGateway}). */
  public abstract NatGatewayId natGatewayId();

  /** An optional name ({@code RouteEntryName}, 1 to 128 characters). */
  public abstract Optional<String> name();

  /** The idempotency token ({@code ClientToken}); a fresh random one unless set. */
  @Value.Default
  public ClientToken clientToken() {
    return ClientToken.random();
  }

  @Value.Check
  final void check() {
    name().ifPresent(n -> {
      if (n.isEmpty() || n.length() > 128) {
        throw new IllegalArgumentException("name must be 1 to 128 characters long, was " + n.length());
      }
    });
  }

  /** A route of {@code destination} to a NAT gateway, with a fresh token. */
  public static CreateRouteEntryRequest toNat(RouteTableId table, Cidr destination, NatGatewayId nat) {
    return builder().routeTableId(table).destination(destination).natGatewayId(nat).build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CreateRouteEntryRequest}. */
  public static final class Builder extends ImmutableCreateRouteEntryRequest.Builder {
    Builder() {}

    /** Sets the idempotency token from text (at most 64 ASCII characters). */
    public Builder clientToken(String token) {
      return clientToken(ClientToken.of(token));
    }

    /** Sets the destination from CIDR text. */
    public Builder destination(String cidr) {
      return destination(Cidr.parse(cidr));
    }
  }
}
