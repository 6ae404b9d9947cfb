package io.easnet.core.analysis.internal;

import io.easnet.core.model.Cidr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A mutable set of disjoint address intervals of one family: start from a block, subtract blocks, ask what is left.
 * Serves both the security-group coverage queries (accepted blocks minus drops) and union coverage (allowlist
 * entries, split default routes).
 */
public final class IntervalSet {
  private final boolean ipv4;
  private final List<BigInteger[]> intervals = new ArrayList<>(4);

  private IntervalSet(boolean ipv4) {
    this.ipv4 = ipv4;
  }

  /** The set holding exactly the addresses of {@code block}. */
  public static IntervalSet of(Cidr block) {
    IntervalSet s = new IntervalSet(block.isIpv4());
    s.intervals.add(new BigInteger[] {block.first(), block.last()});
    return s;
  }

  /** True when no address is left. */
  public boolean isEmpty() {
    return intervals.isEmpty();
  }

  /** True when some address of {@code block} is in the set. */
  public boolean overlaps(Cidr block) {
    if (block.isIpv4() != ipv4) {
      return false;
    }
    BigInteger lo = block.first();
    BigInteger hi = block.last();
    for (BigInteger[] iv : intervals) {
      if (iv[0].compareTo(hi) <= 0 && lo.compareTo(iv[1]) <= 0) {
        return true;
      }
    }
    return false;
  }

  /** Removes the addresses of {@code block}. */
  public void subtract(Cidr block) {
    if (block.isIpv4() != ipv4) {
      return;
    }
    BigInteger lo = block.first();
    BigInteger hi = block.last();
    List<BigInteger[]> out = new ArrayList<>(intervals.size() + 1);
    for (BigInteger[] iv : intervals) {
      if (iv[1].compareTo(lo) < 0 || iv[0].compareTo(hi) > 0) {
        out.add(iv);
        continue;
      }
      if (iv[0].compareTo(lo) < 0) {
        out.add(new BigInteger[] {iv[0], lo.subtract(BigInteger.ONE)});
      }
      if (iv[1].compareTo(hi) > 0) {
        out.add(new BigInteger[] {hi.add(BigInteger.ONE), iv[1]});
      }
    }
    intervals.clear();
    intervals.addAll(out);
  }
}
