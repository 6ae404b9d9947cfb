package io.easnet.core.model;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv6.IPv6Address;
import java.math.BigInteger;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 CIDR block such as {@code 172.16.0.0/24} or {@code 2408:4002:10c4:4e03::/64}.
 *
 * <p>Parsing is strict: dotted-quad IPv4 with exactly four decimal octets and no leading zeros ({@code 1.1.3},
 * {@code 010.0.0.1} and {@code 0x0a.0.0.1} are rejected), a prefix length in range, and no host bits set
 * ({@code 10.0.0.1/24} is rejected; {@link #parseNormalizing(String)} accepts it and clears the host bits, as the
 * cloud does for allowlist entries). A bare address is a single-address block ({@code /32} or {@code /128}).
 *
 * <p>The bounds are computed once at parse time, so {@link #contains(Cidr)} and {@link #overlaps(Cidr)} are a few
 * integer comparisons: analysis code never re-parses.
 */
public final class Cidr implements Comparable<Cidr> {
  private static final Pattern V6_PREFIX = Pattern.compile("0|[1-9]\\d{0,2}");
  private static final BigInteger V6_ALL_ONES = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

  /** {@code 0.0.0.0/0}: every IPv4 address. */
  public static final Cidr ANY_IPV4 = parse("0.0.0.0/0");
  /** {@code ::/0}: every IPv6 address. */
  public static final Cidr ANY_IPV6 = parse("::/0");

  private final boolean ipv4;
  private final int prefix;
  // IPv4 bounds, inclusive, as unsigned 32-bit values in a long
  private final long lo4;
  private final long hi4;
  // IPv6 bounds, inclusive
  private final BigInteger lo6;
  private final BigInteger hi6;
  private final String text;

  private Cidr(long lo4, int prefix) {
    this(lo4, prefix, formatV4(lo4) + "/" + prefix);
  }

  /** {@code text} must be the canonical text of the block. */
  private Cidr(long lo4, int prefix, String text) {
    this.ipv4 = true;
    this.prefix = prefix;
    this.lo4 = lo4;
    this.hi4 = lo4 | (prefix == 0 ? 0xFFFF_FFFFL : (1L << (32 - prefix)) - 1);
    this.lo6 = null;
    this.hi6 = null;
    this.text = text;
  }

  private Cidr(BigInteger lo6, int prefix, String text) {
    this.ipv4 = false;
    this.prefix = prefix;
    this.lo4 = 0;
    this.hi4 = 0;
    this.lo6 = lo6;
    this.hi6 = lo6.or(BigInteger.ONE.shiftLeft(128 - prefix).subtract(BigInteger.ONE));
    this.text = text;
  }

  /**
   * Parses a CIDR block or a bare address, strictly.
   *
   * @throws IllegalArgumentException naming the problem (bad syntax, prefix out of range, host bits set)
   */
  public static Cidr parse(String s) {
    return parse(s, false);
  }

  /** As {@link #parse(String)}, but host bits are cleared instead of rejected: {@code 10.0.0.1/24} → {@code 10.0.0.0/24}. */
  public static Cidr parseNormalizing(String s) {
    return parse(s, true);
  }

  /** A single IPv4 address as a {@code /32} block. */
  public static Cidr ofIpv4(long address) {
    if (address < 0 || address > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("not an IPv4 address: " + address);
    }
    return new Cidr(address, 32);
  }

  /** An IPv4 block from its first address and prefix length; host bits must be clear. */
  public static Cidr ofIpv4(long first, int prefix) {
    if (prefix < 0 || prefix > 32) {
      throw new IllegalArgumentException("IPv4 prefix length must be 0 to 32, was " + prefix);
    }
    long mask = prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
    if ((first & ~mask & 0xFFFF_FFFFL) != 0 || first < 0 || first > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(formatV4(first & 0xFFFF_FFFFL) + "/" + prefix + " has host bits set");
    }
    return new Cidr(first, prefix);
  }

  private static Cidr parse(String s, boolean normalize) {
    if (s == null) {
      throw new IllegalArgumentException("CIDR must not be null");
    }
    String in = trimSpaces(s);
    if (in.isEmpty()) {
      throw new IllegalArgumentException("CIDR must not be empty");
    }
    for (int i = 0; i < in.length(); i++) {
      char c = in.charAt(i);
      if (c <= ' ' || c >= 0x7F) {
        throw new IllegalArgumentException("\"" + printable(s) + "\" contains the character U+"
            + String.format("%04X", (int) c) + (Character.isISOControl(c) ? " (a control character)" : "")
            + ", which no address or CIDR block holds");
      }
    }
    if (in.indexOf(':') < 0) {
      return parseV4(in, s, normalize);
    }
    return parseV6(in, s, normalize);
  }

  /** Leading and trailing ASCII spaces only: control characters are never trimmed (they are rejected). */
  private static String trimSpaces(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && s.charAt(a) == ' ') {
      a++;
    }
    while (b > a && s.charAt(b - 1) == ' ') {
      b--;
    }
    return s.substring(a, b);
  }

  /** The text with characters outside printable ASCII as {@code \\uXXXX}, for messages. */
  private static String printable(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < ' ' || c >= 0x7F) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static Cidr parseV4(String in, String original, boolean normalize) {
    // by hand rather than with a regex: snapshots hold many thousands of blocks
    int[] ends = new int[5]; // end of each of the four octets, then of the prefix (or -1)
    int pos = 0;
    int n = in.length();
    for (int k = 0; k < 4; k++) {
      int start = pos;
      while (pos < n && pos - start < 4 && in.charAt(pos) >= '0' && in.charAt(pos) <= '9') {
        pos++;
      }
      int len = pos - start;
      boolean sepOk = k < 3 ? pos < n && in.charAt(pos) == '.' : pos == n || in.charAt(pos) == '/';
      if (len < 1 || len > 3 || !sepOk) {
        throw notIpv4(original);
      }
      ends[k] = pos;
      pos++;
    }
    ends[4] = -1;
    if (ends[3] < n) {
      int start = ends[3] + 1;
      int len = n - start;
      if (len < 1 || len > 2) {
        throw notIpv4(original);
      }
      for (int i = start; i < n; i++) {
        if (in.charAt(i) < '0' || in.charAt(i) > '9') {
          throw notIpv4(original);
        }
      }
      ends[4] = n;
    }
    long value = 0;
    int start = 0;
    for (int k = 0; k < 4; k++) {
      int end = ends[k];
      if (end - start > 1 && in.charAt(start) == '0') {
        throw new IllegalArgumentException("\"" + original + "\" has an octet with a leading zero ("
            + in.substring(start, end) + "); write it in plain decimal");
      }
      int v = digits(in, start, end);
      if (v > 255) {
        throw new IllegalArgumentException(
            "\"" + original + "\" has an octet above 255 (" + in.substring(start, end) + ")");
      }
      value = (value << 8) | v;
      start = end + 1;
    }
    int prefix = 32;
    if (ends[4] > 0) {
      int from = ends[3] + 1;
      if (n - from > 1 && in.charAt(from) == '0') {
        throw new IllegalArgumentException("\"" + original + "\" has a prefix length with a leading zero");
      }
      prefix = digits(in, from, n);
      if (prefix > 32) {
        throw new IllegalArgumentException(
            "\"" + original + "\" has prefix length " + prefix + "; IPv4 allows 0 to 32");
      }
    }
    long mask = prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
    if ((value & ~mask & 0xFFFF_FFFFL) != 0) {
      if (!normalize) {
        throw new IllegalArgumentException(
            "\"" + original + "\" has host bits set; the block is " + formatV4(value & mask) + "/" + prefix);
      }
      value &= mask;
      return new Cidr(value, prefix);
    }
    // the text as read is canonical when it carries its prefix: keep it instead of formatting it again
    return ends[4] > 0 ? new Cidr(value, prefix, in) : new Cidr(value, prefix);
  }

  private static IllegalArgumentException notIpv4(String original) {
    return new IllegalArgumentException(
        "\"" + original + "\" is not an IPv4 address or CIDR block: expected four decimal octets like"
            + " 192.168.1.0/24");
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }

  private static Cidr parseV6(String in, String original, boolean normalize) {
    if (in.indexOf('.') >= 0) {
      throw new IllegalArgumentException("\"" + original + "\" writes an IPv4 address inside an IPv6 block (dotted"
          + " notation), which the cloud's APIs do not accept" + hexForm(in).map(h -> "; write it in hex groups: " + h)
              .orElse(""));
    }
    int slashAt = in.indexOf('/');
    for (String group : (slashAt < 0 ? in : in.substring(0, slashAt)).split(":", -1)) {
      if (group.length() > 4) {
        throw new IllegalArgumentException("\"" + original + "\" has the group \"" + group + "\" of more than four"
            + " hex digits; an IPv6 group holds at most four (16 bits)");
      }
    }
    if (in.indexOf('*') >= 0 || in.indexOf('-') >= 0 || in.indexOf('%') >= 0 || in.indexOf('.') >= 0
        || in.indexOf(',') >= 0 || in.indexOf('_') >= 0) {
      throw new IllegalArgumentException("\"" + original + "\" is not an IPv6 address or CIDR block");
    }
    int slash = in.indexOf('/');
    if (slash >= 0 && !V6_PREFIX.matcher(in.substring(slash + 1)).matches()) {
      throw new IllegalArgumentException("\"" + original + "\" needs a decimal prefix length 0 to 128 without"
          + " leading zeros after the slash, e.g. 2001:db8::/64");
    }
    IPAddress address;
    try {
      address = new IPAddressString(in).toAddress();
    } catch (AddressStringException | RuntimeException e) {
      throw new IllegalArgumentException(
          "\"" + original + "\" is not an IPv6 address or CIDR block: " + e.getMessage(), e);
    }
    if (address == null || !address.isIPv6()) {
      throw new IllegalArgumentException("\"" + original + "\" is not an IPv6 address or CIDR block");
    }
    Integer p = address.getNetworkPrefixLength();
    int prefix = p == null ? 128 : p;
    BigInteger value = address.getLower().getValue();
    BigInteger mask = prefix == 0 ? BigInteger.ZERO : V6_ALL_ONES.shiftLeft(128 - prefix).and(V6_ALL_ONES);
    if (!value.and(mask).equals(value)) {
      if (!normalize) {
        throw new IllegalArgumentException("\"" + original + "\" has host bits set");
      }
      value = value.and(mask);
    }
    byte[] raw = value.toByteArray();
    byte[] bytes = new byte[16];
    int n = Math.min(raw.length, 16);
    System.arraycopy(raw, raw.length - n, bytes, 16 - n, n);
    String text = new IPv6Address(bytes).toCanonicalString();
    return new Cidr(value, prefix, text + "/" + prefix);
  }

  /** The block written with hex groups only, when the text with an embedded IPv4 address parses at all. */
  private static java.util.Optional<String> hexForm(String in) {
    try {
      IPAddress a = new IPAddressString(in).toAddress();
      if (a == null || !a.isIPv6()) {
        return java.util.Optional.empty();
      }
      Integer p = a.getNetworkPrefixLength();
      byte[] bytes = a.getLower().getBytes();
      String text = new IPv6Address(bytes).toCanonicalString();
      return java.util.Optional.of(p == null ? text : text + "/" + p);
    } catch (AddressStringException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  private static String formatV4(long v) {
    return ((v >>> 24) & 0xFF) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "." + (v & 0xFF);
  }

  public boolean isIpv4() {
    return ipv4;
  }

  public boolean isIpv6() {
    return !ipv4;
  }

  public int prefixLength() {
    return prefix;
  }

  /** True for a {@code /32} (IPv4) or {@code /128} (IPv6) block: a single address. */
  public boolean isSingleAddress() {
    return prefix == (ipv4 ? 32 : 128);
  }

  /** True for {@code 0.0.0.0/0} or {@code ::/0}. */
  public boolean isAny() {
    return prefix == 0;
  }

  /** The number of addresses in the block. */
  public BigInteger size() {
    return BigInteger.ONE.shiftLeft((ipv4 ? 32 : 128) - prefix);
  }

  /** For IPv4 blocks, the first address as an unsigned 32-bit value. */
  public long firstIpv4() {
    requireV4();
    return lo4;
  }

  /** For IPv4 blocks, the last address as an unsigned 32-bit value. */
  public long lastIpv4() {
    requireV4();
    return hi4;
  }

  private void requireV4() {
    if (!ipv4) {
      throw new IllegalStateException(text + " is not an IPv4 block");
    }
  }

  /** The first address as an unsigned integer (32 or 128 bits). */
  public BigInteger first() {
    return ipv4 ? BigInteger.valueOf(lo4) : lo6;
  }

  /** The last address as an unsigned integer (32 or 128 bits). */
  public BigInteger last() {
    return ipv4 ? BigInteger.valueOf(hi4) : hi6;
  }

  /** True when every address of {@code other} is in this block. Blocks of different families never contain each other. */
  public boolean contains(Cidr other) {
    if (ipv4 != other.ipv4) {
      return false;
    }
    if (ipv4) {
      return lo4 <= other.lo4 && other.hi4 <= hi4;
    }
    return lo6.compareTo(other.lo6) <= 0 && other.hi6.compareTo(hi6) <= 0;
  }

  /** True when the blocks share at least one address. */
  public boolean overlaps(Cidr other) {
    if (ipv4 != other.ipv4) {
      return false;
    }
    if (ipv4) {
      return lo4 <= other.hi4 && other.lo4 <= hi4;
    }
    return lo6.compareTo(other.hi6) <= 0 && other.lo6.compareTo(hi6) <= 0;
  }

  /** The address part without the prefix length, e.g. {@code 10.0.0.0}. */
  public String address() {
    return text.substring(0, text.indexOf('/'));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr c && c.ipv4 == ipv4 && c.prefix == prefix && Objects.equals(c.text, text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** IPv4 before IPv6, then by first address, then shorter prefix first. */
  @Override
  public int compareTo(Cidr o) {
    if (ipv4 != o.ipv4) {
      return ipv4 ? -1 : 1;
    }
    int c = ipv4 ? Long.compare(lo4, o.lo4) : lo6.compareTo(o.lo6);
    return c != 0 ? c : Integer.compare(prefix, o.prefix);
  }

  /** The canonical text, always with a prefix length: {@code 10.0.0.0/24}, {@code 10.0.0.7/32}, {@code 2001:db8::/32}. */
  @Override
  public String toString() {
    return text;
  }
}
