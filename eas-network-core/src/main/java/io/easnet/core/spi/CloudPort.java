package io.easnet.core.spi;

import java.util.Optional;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything the library reads from and writes to Alibaba Cloud, grouped by product. See the package documentation
 * for the contract: thread-safe, idempotent writes, every list complete, typed
 * {@link io.easnet.core.CloudServiceException} failures.
 */
public interface CloudPort {
  /**
   * The region this port reads and writes (for example {@code cn-hangzhou}); empty when it has none (a fake built
   * without one). A loaded inventory carries it as {@link io.easnet.core.model.Inventory#regionId()}.
   */
  Optional<String> regionId();

  /** VPC, vSwitches, NAT gateways, SNAT entries, EIPs and route tables. */
  VpcApi vpc();

  /** Security groups and their rules, ECS instances. */
  EcsApi ecs();

  /** ApsaraDB RDS instances and their IP allowlists. */
  RdsApi rds();

  /** Tair (Redis OSS-compatible) instances and their IP allowlists. */
  RedisApi redis();

  /** EAS services and the VPC direct connection of resource groups. */
  EasApi eas();

  /**
   * A view of this port that tells {@code listener} about every HTTP request made through the view: one event per
   * page of a list, one per attempt of a retried call. The view shares everything else (connections, credentials,
   * state) with this port; this port's own listeners, if any, are told too. Cheap: create one per unit of work.
   */
  CloudPort withRequestListener(RequestListener listener);

  /**
   * The idempotency token of a VPC or ECS write ({@code ClientToken}): the cloud acts on a token once, and answers a
   * repeat of the same token with the first answer. Keep one request object for all retries of one intent, so that
   * every retry carries the same token; build a new request (a new token) for a new intent.
   *
   * <p>At most 64 characters, printable ASCII only, as Alibaba Cloud requires.
   */
  public static final class ClientToken {
    /** The longest token the cloud accepts. */
    public static final int MAX_LENGTH = 64;

    private final String value;

    private ClientToken(String value) {
      this.value = value;
    }

    /**
     * A token from text.
     *
     * @throws IllegalArgumentException when the text is empty, longer than 64 characters or not printable ASCII
     */
    public static ClientToken of(String value) {
      Objects.requireNonNull(value, "clientToken must not be null");
      if (value.isEmpty() || value.length() > MAX_LENGTH) {
        throw new IllegalArgumentException(
            "clientToken must be 1 to " + MAX_LENGTH + " characters long, was " + value.length());
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c < 0x21 || c > 0x7e) {
          throw new IllegalArgumentException("clientToken must hold printable ASCII characters only, found U+"
              + String.format("%04X", (int) c) + " at index " + i);
        }
      }
      return new ClientToken(value);
    }

    /** A fresh random token (a UUID, 36 characters). */
    public static ClientToken random() {
      return new ClientToken(UUID.randomUUID().toString());
    }

    /** The token as sent in {@code ClientToken}. */
    public String value() {
      return value;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ClientToken t && t.value.equals(value);
    }

    @Override
    public int hashCode() {
      return value.hashCode();
    }

    @Override
    public String toString() {
      return value;
    }
  }
}
