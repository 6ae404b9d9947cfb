package io.easnet.core.spi;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The arguments of {@link VpcApi#allocateEip} ({@code AllocateEipAddress}, BGP, pay-as-you-go). <b>An EIP is
 * billed</b> from its allocation until it is released, bound or not. Every build without {@code clientToken} draws a
 * fresh {@link ClientToken}: retry with the same object.
 */
@Value.Immutable
public abstract class AllocateEipRequest {
  AllocateEipRequest() {}

  /** The peak bandwidth in Mbit/s ({@code Bandwidth}), 1 to 200; default 5. */
  @Value.Default
  public int bandwidthMbps() {
    return 5;
  }

  /**
   * How the traffic is billed ({@code InternetChargeType}): {@code PayByTraffic} (default) or {@code PayByBandwidth}.
   */
  @Value.Default
  public String internetChargeType() {
    return "PayByTraffic";
  }

  /** An optional name ({@code Name}, 1 to 128 characters). */
  public abstract Optional<String> name();

  /** The idempotency token ({@code ClientToken}); a fresh random one unless set. */
  @Value.Default
  public ClientToken clientToken() {
    return ClientToken.random();
  }

  @Value.Check
  final void check() {
    if (bandwidthMbps() < 1 || bandwidthMbps() > 200) {
      throw new IllegalArgumentException("bandwidthMbps must be between 1 and 200, was " + bandwidthMbps());
    }
    if (!internetChargeType().equals("PayByTraffic") && !internetChargeType().equals("PayByBandwidth")) {
      throw new IllegalArgumentException(
          "internetChargeType must be PayByTraffic or PayByBandwidth, was " + internetChargeType());
    }
    name().ifPresent(n -> {
      if (n.isEmpty() || n.length() > 128) {
        throw new IllegalArgumentException("name must be 1 to 128 characters long, was " + n.length());
      }
    });
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link AllocateEipRequest}. */
  public static final class Builder extends ImmutableAllocateEipRequest.Builder {
    Builder() {}

    /** Sets the idempotency token from text (at most 64 ASCII characters). */
    public Builder clientToken(String token) {
      return clientToken(ClientToken.of(token));
    }
  }
}
