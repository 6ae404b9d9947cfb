package io.easnet.core.analysis;

import io.easnet.core.model.ResourceId.EcsInstanceId;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import io.easnet.core.model.ResourceId;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import io.easnet.core.model.Cidr;
import java.util.List;

/**
 * A private target of EAS traffic: an RDS or Redis instance (port from the inventory unless given), an ECS instance
 * on a port, or a plain address, port and protocol.
 */
public final class Target {
  /** What kind of target. */
  public enum Kind {
    RDS,
    REDIS,
    ECS,
    ADDRESS
  }

  private final Kind kind;
  private final ResourceId resourceId;
  private final IpAddress address;
  private final int port;
  private final Protocol protocol;

  private Target(Kind kind, ResourceId resourceId, IpAddress address, int port, Protocol protocol) {
    if (port != -1 && (port < 1 || port > 65535)) {
      throw new IllegalArgumentException("target port must be 1 to 65535, was " + port);
    }
    this.kind = kind;
    this.resourceId = resourceId;
    this.address = address;
    this.port = port;
    this.protocol = Objects.requireNonNull(protocol, "protocol");
  }

  /** An RDS instance on the port the inventory records for it (3306 by default). */
  public static Target rds(RdsInstanceId id) {
    return new Target(Kind.RDS, Objects.requireNonNull(id, "id"), null, -1, Protocol.TCP);
  }

  /** An RDS instance on an explicit port. */
  public static Target rds(RdsInstanceId id, int port) {
    return new Target(Kind.RDS, Objects.requireNonNull(id, "id"), null, port, Protocol.TCP);
  }

  /** A Redis instance on the port the inventory records for it (6379 by default). */
  public static Target redis(RedisInstanceId id) {
    return new Target(Kind.REDIS, Objects.requireNonNull(id, "id"), null, -1, Protocol.TCP);
  }

  /** A Redis instance on an explicit port. */
  public static Target redis(RedisInstanceId id, int port) {
    return new Target(Kind.REDIS, Objects.requireNonNull(id, "id"), null, port, Protocol.TCP);
  }

  /** An ECS instance on a TCP port. */
  public static Target ecs(EcsInstanceId id, int port) {
    return new Target(Kind.ECS, Objects.requireNonNull(id, "id"), null, port, Protocol.TCP);
  }

  /** A plain private address on a port; for ICMP and GRE the port is ignored. */
  public static Target address(IpAddress address, int port, Protocol protocol) {
    return new Target(Kind.ADDRESS, null, Objects.requireNonNull(address, "address"),
        protocol.hasPorts() ? port : -1, protocol);
  }

  /** What kind of target. */
  public Kind kind() {
    return kind;
  }

  /** The instance id, for RDS, Redis and ECS targets. */
  public Optional<ResourceId> resourceId() {
    return Optional.ofNullable(resourceId);
  }

  /** The address, for address targets. */
  public Optional<IpAddress> address() {
    return Optional.ofNullable(address);
  }

  /** The explicit port; empty when it comes from the inventory (RDS, Redis) or the protocol has none. */
  public OptionalInt port() {
    return port == -1 ? OptionalInt.empty() : OptionalInt.of(port);
  }

  /** The protocol; TCP for instances. */
  public Protocol protocol() {
    return protocol;
  }

  /** e.g. {@code RDS rm-1}, {@code ECS i-1:8080}, {@code 10.0.0.7:443/tcp}. */
  @Override
  public String toString() {
    String p = port == -1 ? "" : ":" + port;
    return switch (kind) {
      case RDS -> "RDS " + resourceId + p;
      case REDIS -> "Redis " + resourceId + p;
      case ECS -> "ECS " + resourceId + p;
      case ADDRESS -> address + p + "/" + protocol.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** Equal when every field is equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Target t && t.kind == kind && Objects.equals(t.resourceId, resourceId)
        && Objects.equals(t.address, address) && t.port == port && t.protocol == protocol;
  }

  /** Consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    return Objects.hash(kind, resourceId, address, port, protocol);
  }

  /**
   * A destination on the internet: one address, a block of addresses, a host name or any address, a port and
   * protocol, and optionally the external target's own allowlist (which must then contain one of the SNAT EIPs). A host
   * name is not resolved (the analysis is offline): the route for {@code 0.0.0.0/0} is checked, as for any address,
   * and the name is kept for reports and for rules about well-known hosts.
   */
  public static final class InternetTarget {
    private final Cidr destination;
    private final String host;
    private final int port;
    private final Protocol protocol;
    private final List<Cidr> allowlist;

    private InternetTarget(Cidr destination, int port, Protocol protocol, List<Cidr> allowlist) {
      this(destination, null, port, protocol, allowlist);
    }

    private InternetTarget(Cidr destination, String host, int port, Protocol protocol, List<Cidr> allowlist) {
      if (protocol.hasPorts() && (port < 1 || port > 65535)) {
        throw new IllegalArgumentException("internet target port must be 1 to 65535, was " + port);
      }
      this.destination = destination;
      this.host = host;
      this.port = protocol.hasPorts() ? port : -1;
      this.protocol = protocol;
      this.allowlist = allowlist == null ? null : List.copyOf(allowlist);
    }

    /** Any internet address on a TCP port (the route for {@code 0.0.0.0/0} is checked). */
    public static InternetTarget any(int port) {
      return new InternetTarget(null, port, Protocol.TCP, null);
    }

    /** One internet address on a TCP port. */
    public static InternetTarget to(IpAddress destination, int port) {
      return new InternetTarget(Objects.requireNonNull(destination, "destination").asCidr(), port, Protocol.TCP, null);
    }

    /**
     * A block of internet addresses on a TCP port, e.g. a partner's {@code 203.0.113.0/24}: security groups and routes
     * are checked for the whole block.
     */
    public static InternetTarget to(Cidr destination, int port) {
      return new InternetTarget(Objects.requireNonNull(destination, "destination"), port, Protocol.TCP, null);
    }

    /** One internet address on a port and protocol. */
    public static InternetTarget to(IpAddress destination, int port, Protocol protocol) {
      return new InternetTarget(Objects.requireNonNull(destination, "destination").asCidr(), port,
          Objects.requireNonNull(protocol, "protocol"), null);
    }

    /**
     * A host on the internet, by name, on a TCP port. The name is not resolved: the path to any address is analysed.
     *
     * @throws IllegalArgumentException when {@code host} is not a DNS name (letters, digits, hyphens and dots; labels
     *     of 1 to 63 characters; at most 253 characters)
     */
    public static InternetTarget host(String host, int port) {
      Objects.requireNonNull(host, "host");
      if (!isHostName(host)) {
        throw new IllegalArgumentException("\"" + host + "\" is not a host name (letters, digits, hyphens and dots)");
      }
      return new InternetTarget(null, host.toLowerCase(java.util.Locale.ROOT), port, Protocol.TCP, null);
    }

    /** Whether {@code s} is a DNS host name: labels of letters, digits and inner hyphens, not all digits. */
    static boolean isHostName(String s) {
      if (s.isEmpty() || s.length() > 253 || s.chars().allMatch(c -> c >= '0' && c <= '9' || c == '.')) {
        return false;
      }
      for (String label : s.split("\\.", -1)) {
        if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
          return false;
        }
        for (int i = 0; i < label.length(); i++) {
          char c = label.charAt(i);
          if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
            return false;
          }
        }
      }
      return true;
    }

    /** A copy whose external target admits only {@code allowlist}; a SNAT EIP must be in it. */
    public InternetTarget withAllowlist(List<Cidr> allowlist) {
      return new InternetTarget(destination, host, port, protocol, Objects.requireNonNull(allowlist, "allowlist"));
    }

    /** The host name the user gave; empty for an address or any address. */
    public Optional<String> host() {
      return Optional.ofNullable(host);
    }

    /** The destination address; empty for any address, a host name or a block of several addresses. */
    public Optional<IpAddress> destination() {
      return destination != null && destination.isSingleAddress()
          ? Optional.of(IpAddress.parse(destination.toString()))
          : Optional.empty();
    }

    /** The destination as a block: the address as /32, the block, or {@code 0.0.0.0/0} for any address or a host. */
    public Cidr destinationBlock() {
      return destination == null ? Cidr.ANY_IPV4 : destination;
    }

    /** True when the target is one address or one block, not any address (nor a host name, which is not resolved). */
    public boolean specific() {
      return destination != null;
    }

    /** The destination as written: the host name, the address, the block; empty for any address. */
    Optional<String> destinationText() {
      if (host != null) {
        return Optional.of(host);
      }
      return destination == null ? Optional.empty()
          : Optional.of(destination.isSingleAddress() ? destination().orElseThrow().toString() : destination.toString());
    }

    /** The port; -1 for protocols without ports. */
    public int port() {
      return port;
    }

    /** The protocol. */
    public Protocol protocol() {
      return protocol;
    }

    /** The external target's allowlist, when it has one. */
    public Optional<List<Cidr>> allowlist() {
      return Optional.ofNullable(allowlist);
    }

    /** e.g. {@code internet 0.0.0.0/0:443/tcp}. */
    @Override
    public String toString() {
      return "internet " + destinationText().orElse("0.0.0.0/0")
          + (port == -1 ? "" : ":" + port) + "/" + protocol.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Equal when every field is equal. */
    @Override
    public boolean equals(Object o) {
      return o instanceof InternetTarget t && Objects.equals(t.destination, destination) && Objects.equals(t.host, host)
          && t.port == port && t.protocol == protocol && Objects.equals(t.allowlist, allowlist);
    }

    /** Consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
      return Objects.hash(destination, host, port, protocol, allowlist);
    }
  }
}
