package io.easnet.core.model;

import io.easnet.core.model.ResourceId.EipAllocationId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
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

  /**
   * Blocks no EIP can hold: private (RFC 1918), shared (100.64.0.0/10, which Alibaba uses for its internal
   * services), loopback, link-local, "this network", documentation, benchmarking, multicast and reserved addresses.
   */
  static final List<Cidr> NOT_PUBLIC = Stream.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
      "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15",
      "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/3").map(Cidr::parse).toList();

  @Value.Check
  final void check() {
    if (!ipAddress().isIpv4()) {
      throw new IllegalArgumentException("EIP " + id() + ": " + ipAddress() + " is not an IPv4 address; EIPs are"
          + " public IPv4 addresses");
    }
    for (Cidr block : NOT_PUBLIC) {
      if (ipAddress().isIn(block)) {
        throw new IllegalArgumentException("EIP " + id() + ": " + ipAddress() + " is not a public address (it is in "
            + block + "); the cloud allocates EIPs from public address space only");
      }
    }
  }

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
