package io.easnet.core.analysis;

import io.easnet.core.model.Cidr;
import java.util.ArrayList;
import java.util.List;

/**
 * The public IPv4 space as CIDR blocks: everything but the ranges that are never on the internet (this network,
 * RFC 1918 private, shared address space, loopback, link-local, multicast and reserved). "Any internet address"
 * means every one of these blocks, so an egress drop for a private range does not cut the internet.
 */
final class PublicIpv4 {
  private static final List<Cidr> NOT_INTERNET = List.of(
      Cidr.parse("0.0.0.0/8"), Cidr.parse("10.0.0.0/8"), Cidr.parse("100.64.0.0/10"), Cidr.parse("127.0.0.0/8"),
      Cidr.parse("169.254.0.0/16"), Cidr.parse("172.16.0.0/12"), Cidr.parse("192.168.0.0/16"),
      Cidr.parse("224.0.0.0/3"));

  /** The public blocks, in address order. */
  static final List<Cidr> BLOCKS = complement();

  private PublicIpv4() {}

  /** True when some address of {@code block} is a public (internet) address. */
  static boolean isPublic(Cidr block) {
    return block.isIpv4() && BLOCKS.stream().anyMatch(b -> b.overlaps(block));
  }

  private static List<Cidr> complement() {
    List<Cidr> out = new ArrayList<>();
    long next = 0;
    for (Cidr c : NOT_INTERNET) {
      addRange(out, next, c.firstIpv4() - 1);
      next = c.lastIpv4() + 1;
    }
    addRange(out, next, 0xFFFF_FFFFL);
    return List.copyOf(out);
  }

  /** Adds the fewest aligned blocks that cover {@code [from, to]} exactly. */
  private static void addRange(List<Cidr> out, long from, long to) {
    long at = from;
    while (at <= to) {
      int prefix = 32;
      while (prefix > 0) {
        long size = 1L << (33 - prefix);
        if (at % size != 0 || at + size - 1 > to) {
          break;
        }
        prefix--;
      }
      out.add(Cidr.ofIpv4(at, prefix));
      at += 1L << (32 - prefix);
    }
  }
}
