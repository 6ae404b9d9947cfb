package io.easnet.core.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A security-group port range as the ECS API spells it: {@code 22/22}, {@code 1/65535}, or {@code -1/-1} for "all
 * ports" (the only value allowed with protocols that have no ports: ICMP, GRE and ALL).
 */
public final class PortRange {
  private static final Pattern SYNTAX = Pattern.compile("(-1|\\d{1,5})/(-1|\\d{1,5})");

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
    Matcher m = SYNTAX.matcher(s.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "\"" + s + "\" is not a port range: write start/end, e.g. 22/22, 1/65535, or -1/-1 for all ports");
    }
    return of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
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
