package io.easnet.core.model;

/** A single IPv4 or IPv6 address, parsed as strictly as {@link Cidr}. */
public final class IpAddress implements Comparable<IpAddress> {
  private final Cidr block;

  private IpAddress(Cidr block) {
    this.block = block;
  }

  /**
   * Parses an address such as {@code 10.0.0.7} or {@code 2001:db8::1}.
   *
   * @throws IllegalArgumentException when it is not a single address
   */
  public static IpAddress parse(String s) {
    Cidr c = Cidr.parse(s);
    if (!c.isSingleAddress()) {
      throw new IllegalArgumentException("\"" + s + "\" is not a single IP address");
    }
    return new IpAddress(c);
  }

  /** The address as a single-address block, {@code /32} or {@code /128}. */
  public Cidr asCidr() {
    return block;
  }

  public boolean isIpv4() {
    return block.isIpv4();
  }

  /** True when {@code cidr} contains this address. */
  public boolean isIn(Cidr cidr) {
    return cidr.contains(block);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpAddress a && a.block.equals(block);
  }

  @Override
  public int hashCode() {
    return block.hashCode();
  }

  @Override
  public int compareTo(IpAddress o) {
    return block.compareTo(o.block);
  }

  @Override
  public String toString() {
    return block.address();
  }
}
