package io.easnet.core.model;

import java.util.Optional;
import org.immutables.value.Value;

/** An elastic IP address and what it is bound to ({@code InstanceType} {@code Nat} and {@code InstanceId} {@code ngw-…} for a NAT gateway). */
@Value.Immutable
public abstract class Eip {
  Eip() {}

  public abstract EipAllocationId id();

  public abstract IpAddress ipAddress();

  /** {@code Available} (unbound), {@code InUse}, {@code Associating}, … */
  @Value.Default
  public String status() {
    return "InUse";
  }

  /** The id of the bound instance, e.g. {@code ngw-…}. */
  public abstract Optional<String> instanceId();

  /** The type of the bound instance, e.g. {@code Nat}. */
  public abstract Optional<String> instanceType();

  public abstract Optional<String> name();

  public static Builder builder() {
    return new Builder();
  }

  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds an {@link Eip}. */
  public static final class Builder extends ImmutableEip.Builder {
    Builder() {}

    public Builder id(String id) {
      return id(EipAllocationId.of(id));
    }

    public Builder ipAddress(String ip) {
      return ipAddress(IpAddress.parse(ip));
    }
  }
}
