package io.easnet.core.analysis;

import io.easnet.core.model.Cidr;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.Protocol;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A destination on the internet: one address or any address, a port and protocol, and optionally the external
 * target's own allowlist (which must then contain one of the SNAT EIPs).
 */
public final class InternetTarget {
  private final IpAddress destination;
  private final int port;
  private final Protocol protocol;
  private final List<Cidr> allowlist;

  private InternetTarget(IpAddress destination, int port, Protocol protocol, List<Cidr> allowlist) {
    if (protocol.hasPorts() && (port < 1 || port > 65535)) {
      throw new IllegalArgumentException("internet target port must be 1 to 65535, was " + port);
    }
    this.destination = destination;
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
    return new InternetTarget(Objects.requireNonNull(destination, "destination"), port, Protocol.TCP, null);
  }

  /** One internet address on a port and protocol. */
  public static InternetTarget to(IpAddress destination, int port, Protocol protocol) {
    return new InternetTarget(Objects.requireNonNull(destination, "destination"), port,
        Objects.requireNonNull(protocol, "protocol"), null);
  }

  /** A copy whose external target admits only {@code allowlist}; a SNAT EIP must be in it. */
  public InternetTarget withAllowlist(List<Cidr> allowlist) {
    return new InternetTarget(destination, port, protocol, Objects.requireNonNull(allowlist, "allowlist"));
  }

  /** The destination address; empty for any address. */
  public Optional<IpAddress> destination() {
    return Optional.ofNullable(destination);
  }

  /** The destination as a block: the address as /32, or {@code 0.0.0.0/0} for any. */
  public Cidr destinationBlock() {
    return destination == null ? Cidr.ANY_IPV4 : destination.asCidr();
  }

  /** The port; -1 for protocols without ports. */
  public int port() {
    return port;
  }

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
    return "internet " + (destination == null ? "0.0.0.0/0" : destination.toString())
        + (port == -1 ? "" : ":" + port) + "/" + protocol.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InternetTarget t && Objects.equals(t.destination, destination) && t.port == port
        && t.protocol == protocol && Objects.equals(t.allowlist, allowlist);
  }

  @Override
  public int hashCode() {
    return Objects.hash(destination, port, protocol, allowlist);
  }
}
