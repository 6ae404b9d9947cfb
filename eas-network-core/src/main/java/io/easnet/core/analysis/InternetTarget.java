package io.easnet.core.analysis;

import io.easnet.core.model.Cidr;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.Protocol;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A destination on the internet: one address, a block of addresses, a host name or any address, a port and
 * protocol, and optionally the external target's own allowlist (which must then contain one of the SNAT EIPs). A host
 * name is not resolved (the analysis is offline): the route for {@code 0.0.0.0/0} is checked, as for any address,
 * and the name is kept for reports and for rules about well-known hosts.
 */
public final class InternetTarget {
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
  boolean specific() {
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
