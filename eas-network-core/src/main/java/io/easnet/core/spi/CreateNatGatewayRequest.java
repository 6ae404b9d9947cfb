package io.easnet.core.spi;

import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The arguments of {@link VpcApi#createNatGateway} ({@code CreateNatGateway}, {@code NatType} {@code Enhanced},
 * {@code NetworkType} {@code internet}, pay-as-you-go). <b>A NAT gateway is billed</b> by the hour and by the
 * traffic it carries, from its creation until it is deleted. Every build without {@code clientToken} draws a fresh
 * {@link ClientToken}: retry with the same object.
 */
@Value.Immutable
public abstract class CreateNatGatewayRequest {
  CreateNatGatewayRequest() {}

  /** The VPC ({@code VpcId}). */
  public abstract VpcId vpcId();

  /** The vSwitch the gateway lives in ({@code VSwitchId}); it must be in the VPC. */
  public abstract VSwitchId vSwitchId();

  /** An optional name ({@code Name}, 2 to 128 characters). */
  public abstract Optional<String> name();

  /** The idempotency token ({@code ClientToken}); a fresh random one unless set. */
  @Value.Default
  public ClientToken clientToken() {
    return ClientToken.random();
  }

  @Value.Check
  final void check() {
    name().ifPresent(n -> {
      if (n.length() < 2 || n.length() > 128) {
        throw new IllegalArgumentException("name must be 2 to 128 characters long, was " + n.length());
      }
    });
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CreateNatGatewayRequest}. */
  public static final class Builder extends ImmutableCreateNatGatewayRequest.Builder {
    Builder() {}

    /** Sets the idempotency token from text (at most 64 ASCII characters). */
    public Builder clientToken(String token) {
      return clientToken(ClientToken.of(token));
    }
  }
}
