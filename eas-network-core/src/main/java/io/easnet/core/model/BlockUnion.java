package io.easnet.core.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Coverage by a union of blocks: several entries together may cover a block none of them covers alone. */
final class BlockUnion {
  private BlockUnion() {}

  /** True when every address of {@code target} is in at least one of {@code blocks} (other families ignored). */
  static boolean covers(Collection<Cidr> blocks, Cidr target) {
    List<Cidr> relevant = new ArrayList<>();
    for (Cidr b : blocks) {
      if (b.contains(target)) {
        return true;
      }
      if (b.overlaps(target)) {
        relevant.add(b);
      }
    }
    relevant.sort(Comparator.comparing(Cidr::first));
    BigInteger next = target.first();
    for (Cidr b : relevant) {
      if (b.first().compareTo(next) > 0) {
        return false;
      }
      BigInteger after = b.last().add(BigInteger.ONE);
      if (after.compareTo(next) > 0) {
        next = after;
      }
      if (next.compareTo(target.last()) > 0) {
        return true;
      }
    }
    return next.compareTo(target.last()) > 0;
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
