package io.easnet.core.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Coverage by a union of blocks: several entries together may cover a block none of them covers alone. */
final class BlockUnion {
  private BlockUnion() {}

  /**
   * True when every address of {@code target} is in at least one of {@code blocks} (other families ignored): the
   * blocks of its family that overlap it, sorted by first address, must leave no gap from its first to its last.
   */
  static boolean covers(Collection<Cidr> blocks, Cidr target) {
    BigInteger lo = target.first();
    BigInteger hi = target.last();
    List<Cidr> overlapping = new ArrayList<>();
    for (Cidr b : blocks) {
      if (b.isIpv4() == target.isIpv4() && b.first().compareTo(hi) <= 0 && b.last().compareTo(lo) >= 0) {
        overlapping.add(b);
      }
    }
    overlapping.sort(Comparator.comparing(Cidr::first));
    BigInteger next = lo;
    for (Cidr b : overlapping) {
      if (b.first().compareTo(next) > 0) {
        return false;
      }
      if (b.last().compareTo(next) >= 0) {
        next = b.last().add(BigInteger.ONE);
        if (next.compareTo(hi) > 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** The number of distinct values in the inclusive intervals {@code [lo, hi]}, each given as a pair. */
  static long distinctCount(List<long[]> intervals) {
    List<long[]> sorted = new ArrayList<>(intervals);
    sorted.sort(Comparator.comparingLong(iv -> iv[0]));
    long count = 0;
    long next = Long.MIN_VALUE;
    for (long[] iv : sorted) {
      long lo = Math.max(iv[0], next);
      if (iv[1] >= lo) {
        count += iv[1] - lo + 1;
        next = iv[1] + 1;
      }
    }
    return count;
  }
}
