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
}
