package io.easnet.core.model;


/**
 * A security-group port range as the ECS API spells it: {@code 22/22}, {@code 1/65535}, or {@code -1/-1} for "all
 * ports" (the only value allowed with protocols that have no ports: ICMP, GRE and ALL).
 */
public final class PortRange {
  /** {@code -1/-1}: every port. */
  public static final PortRange ALL = new PortRange(-1, -1);

  private final int from;
  private final int to;

  private PortRange(int from, int to) {
    this.from = from;
    this.to = to;
  }

  /**
   * Parses {@code a/b}.
   *
   * @throws IllegalArgumentException when the syntax is wrong, a port is outside 1–65535, or {@code a > b}
   */
  public static PortRange parse(String s) {
    if (s == null) {
      throw new IllegalArgumentException("port range must not be null");
    }
    String t = s.trim();
    int slash = t.indexOf('/');
    int from = slash < 0 ? Integer.MIN_VALUE : port(t, 0, slash);
    int to = slash < 0 ? Integer.MIN_VALUE : port(t, slash + 1, t.length());
    if (from == Integer.MIN_VALUE || to == Integer.MIN_VALUE) {
      throw new IllegalArgumentException(
          "\"" + s + "\" is not a port range: write start/end, e.g. 22/22, 1/65535, or -1/-1 for all ports");
    }
    return of(from, to);
  }

  /** {@code -1} or one to five decimal digits between {@code from} and {@code to}; {@code MIN_VALUE} otherwise. */
  private static int port(String s, int from, int to) {
    int n = to - from;
    if (n == 2 && s.charAt(from) == '-' && s.charAt(from + 1) == '1') {
      return -1;
    }
    if (n < 1 || n > 5) {
      return Integer.MIN_VALUE;
    }
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return Integer.MIN_VALUE;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** A range from {@code from} to {@code to} inclusive; {@code of(-1, -1)} is {@link #ALL}. */
  public static PortRange of(int from, int to) {
    if (from == -1 && to == -1) {
      return ALL;
    }
    if (from < 1 || from > 65535 || to < 1 || to > 65535) {
      throw new IllegalArgumentException(
          "port range " + from + "/" + to + " is out of range: ports are 1 to 65535, or -1/-1 for all");
    }
    if (from > to) {
      throw new IllegalArgumentException("port range " + from + "/" + to + " starts after it ends");
    }
    return new PortRange(from, to);
  }

  /** A single port, {@code p/p}. */
  public static PortRange single(int port) {
    return of(port, port);
  }

  public boolean isAll() {
    return from == -1;
  }

  /** The first port; 1 for {@link #ALL}. */
  public int from() {
    return isAll() ? 1 : from;
  }

  /** The last port; 65535 for {@link #ALL}. */
  public int to() {
    return isAll() ? 65535 : to;
  }

  /** True when {@code port} is in the range; {@link #ALL} contains every port. */
  public boolean contains(int port) {
    return isAll() || (from <= port && port <= to);
  }

  /** True when the range covers 1–65535, either as {@code -1/-1} or spelled out. */
  public boolean coversAllPorts() {
    return from() == 1 && to() == 65535;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PortRange p && p.from == from && p.to == to;
  }

  @Override
  public int hashCode() {
    return from * 65537 + to;
  }

  @Override
  public String toString() {
    return from + "/" + to;
  }
}
