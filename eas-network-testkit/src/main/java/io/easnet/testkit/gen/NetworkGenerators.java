package io.easnet.testkit.gen;

import io.easnet.core.model.Cidr;
import io.easnet.core.model.SecurityGroupRule.Direction;
import io.easnet.core.model.SecurityGroupRule.Policy;
import io.easnet.core.model.PortRange;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.SecurityGroupRule.RulePeer;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Generators of addresses, port ranges and security-group rules. */
public final class NetworkGenerators {
  private static final char[] ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private NetworkGenerators() {}

  /** A valid IPv4 block with any prefix length (0 to 32), host bits clear. */
  public static Cidr ipv4Cidr(RandomGenerator r) {
    return ipv4Cidr(r, 0, 32);
  }

  /**
   * A valid IPv4 block with a prefix length in {@code [minPrefix, maxPrefix]}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= minPrefix <= maxPrefix <= 32}
   */
  public static Cidr ipv4Cidr(RandomGenerator r, int minPrefix, int maxPrefix) {
    if (minPrefix < 0 || maxPrefix > 32 || minPrefix > maxPrefix) {
      throw new IllegalArgumentException(
          "prefix bounds must satisfy 0 <= min <= max <= 32, were " + minPrefix + " and " + maxPrefix);
    }
    int prefix = r.nextInt(minPrefix, maxPrefix + 1);
    long address = r.nextLong(0, 1L << 32);
    long mask = prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
    return Cidr.ofIpv4(address & mask, prefix);
  }

  /** A valid IPv6 block with any prefix length (0 to 128), host bits clear. */
  public static Cidr ipv6Cidr(RandomGenerator r) {
    int prefix = r.nextInt(0, 129);
    BigInteger value = new BigInteger(1, bytes(r, 16));
    BigInteger all = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    BigInteger mask = prefix == 0 ? BigInteger.ZERO : all.shiftLeft(128 - prefix).and(all);
    return Cidr.parse(formatV6(value.and(mask)) + "/" + prefix);
  }

  /**
   * A block of length {@code prefix} inside an IPv4 {@code parent}.
   *
   * @throws IllegalArgumentException when the parent is not IPv4 or is longer than {@code prefix}
   */
  public static Cidr ipv4Subnet(RandomGenerator r, Cidr parent, int prefix) {
    if (!parent.isIpv4() || prefix < parent.prefixLength() || prefix > 32) {
      throw new IllegalArgumentException("cannot carve a /" + prefix + " out of " + parent);
    }
    long count = 1L << (prefix - parent.prefixLength());
    long index = r.nextLong(0, count);
    return Cidr.ofIpv4(parent.firstIpv4() + (index << (32 - prefix)), prefix);
  }

  /** A single IPv4 address (as a {@code /32}) inside an IPv4 block. */
  public static Cidr ipv4AddressIn(RandomGenerator r, Cidr block) {
    return Cidr.ofIpv4(r.nextLong(block.firstIpv4(), block.lastIpv4() + 1));
  }

  /**
   * Text that a strict CIDR parser must reject: host bits set, prefix out of range, octets above 255, leading zeros,
   * the short {@code inet_aton} forms, stray characters, empty text.
   */
  public static String invalidCidrText(RandomGenerator r) {
    Cidr base = ipv4Cidr(r, 8, 30);
    String address = base.address();
    return switch (r.nextInt(12)) {
      case 0 -> formatV4(base.firstIpv4() | 1) + "/" + base.prefixLength(); // host bits set
      case 1 -> address + "/" + r.nextInt(33, 100);
      case 2 -> r.nextInt(256, 1000) + "." + r.nextInt(256) + "." + r.nextInt(256) + ".0/24";
      case 3 -> "0" + r.nextInt(1, 10) + "." + r.nextInt(256) + ".0.0/16";
      case 4 -> r.nextInt(1, 224) + "." + r.nextInt(256) + "/16"; // inet_aton short form
      case 5 -> address + "/" + base.prefixLength() + (char) ('a' + r.nextInt(26));
      case 6 -> address + "/";
      case 7 -> address + "/-" + r.nextInt(1, 33);
      case 8 -> r.nextBoolean() ? "" : " ";
      case 9 -> "2001:db8::" + Integer.toHexString(r.nextInt(1, 0xFFFF)) + "/" + r.nextInt(16, 112);
      case 10 -> address.replace('.', ',') + "/" + base.prefixLength();
      default -> "a.b.c.d/" + base.prefixLength();
    };
  }

  /**
   * A valid TCP/UDP port range: every port ({@code 1/65535}, as the cloud writes it) one time in ten, otherwise
   * {@code a/b} with 1 ≤ a ≤ b ≤ 65535. Never {@code -1/-1}: the ECS API takes that for ICMP, GRE and ALL only.
   */
  public static PortRange portRange(RandomGenerator r) {
    if (r.nextInt(10) == 0) {
      return PortRange.of(1, 65535);
    }
    int from = r.nextInt(1, 65536);
    int to = r.nextBoolean() ? from : r.nextInt(from, 65536);
    return PortRange.of(from, to);
  }

  /** Text a port-range parser must reject: zero, reversed, above 65535, half of {@code -1/-1}, wrong syntax. */
  public static String invalidPortRangeText(RandomGenerator r) {
    int p = r.nextInt(2, 65536);
    return switch (r.nextInt(8)) {
      case 0 -> "0/" + p;
      case 1 -> p + "/" + (p - 1);
      case 2 -> p + "/" + r.nextInt(65536, 99999);
      case 3 -> "-1/" + p;
      case 4 -> Integer.toString(p);
      case 5 -> p + "-" + p;
      case 6 -> "";
      default -> "a/b";
    };
  }

  /** A random resource id with this prefix, e.g. {@code randomId(r, "sg-")}. */
  public static String randomId(RandomGenerator r, String prefix) {
    StringBuilder sb = new StringBuilder(prefix);
    for (int i = 0; i < 17; i++) {
      sb.append(ID_CHARS[r.nextInt(ID_CHARS.length)]);
    }
    return sb.toString();
  }

  /**
   * A valid security-group rule: any direction, protocol and ports; a CIDR peer (mostly IPv4) or, rarely, a group
   * peer with a random id; any policy and priority.
   */
  public static SecurityGroupRule rule(RandomGenerator r) {
    int k = r.nextInt(20);
    RulePeer peer = k == 0
        ? RulePeer.group(SecurityGroupId.of(randomId(r, "sg-")))
        : k == 1 ? RulePeer.cidr(ipv6Cidr(r)) : RulePeer.cidr(ipv4Cidr(r, 0, 32));
    return rule(r, List.of(peer));
  }

  /** A valid rule whose peer is one of {@code peers}. */
  @SuppressWarnings("EnumOrdinal") // deliberate: a seed picks a constant by index, so the order is the contract
  public static SecurityGroupRule rule(RandomGenerator r, List<RulePeer> peers) {
    if (peers.isEmpty()) {
      throw new IllegalArgumentException("peers must not be empty");
    }
    Protocol protocol = Protocol.values()[r.nextInt(Protocol.values().length)];
    SecurityGroupRule.Builder b = SecurityGroupRule.builder()
        .direction(r.nextBoolean() ? Direction.INGRESS : Direction.EGRESS)
        .protocol(protocol)
        .peer(peers.get(r.nextInt(peers.size())))
        .policy(r.nextInt(4) == 0 ? Policy.DROP : Policy.ACCEPT)
        .priority(r.nextInt(1, 101));
    if (protocol.hasPorts()) {
      b.portRange(portRange(r));
    }
    return b.build();
  }

  /** Up to {@code maxSize} distinct rules (no two are {@link SecurityGroupRule#sameRuleAs the same rule}). */
  public static List<SecurityGroupRule> ruleSet(RandomGenerator r, int maxSize) {
    int n = r.nextInt(0, Math.max(0, maxSize) + 1);
    List<SecurityGroupRule> out = new ArrayList<>();
    while (out.size() < n) {
      SecurityGroupRule candidate = rule(r);
      if (out.stream().noneMatch(x -> x.sameRuleAs(candidate))) {
        out.add(candidate);
      }
    }
    return out;
  }

  static String formatV4(long v) {
    return ((v >>> 24) & 0xFF) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "." + (v & 0xFF);
  }

  private static String formatV6(BigInteger v) {
    StringBuilder sb = new StringBuilder();
    for (int i = 7; i >= 0; i--) {
      sb.append(Integer.toHexString(v.shiftRight(i * 16).intValue() & 0xFFFF));
      if (i > 0) {
        sb.append(':');
      }
    }
    return sb.toString();
  }

  private static byte[] bytes(RandomGenerator r, int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) r.nextInt(256);
    }
    return b;
  }
}
