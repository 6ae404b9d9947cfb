package io.easnet.core.model;

import io.easnet.core.internal.IntervalSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Coverage by a union of blocks: several entries together may cover a block none of them covers alone. */
final class BlockUnion {
  private BlockUnion() {}

  /** True when every address of {@code target} is in at least one of {@code blocks} (other families ignored). */
  static boolean covers(Collection<Cidr> blocks, Cidr target) {
    IntervalSet rest = IntervalSet.of(target);
    for (Cidr b : blocks) {
      rest.subtract(b);
      if (rest.isEmpty()) {
        return true;
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
