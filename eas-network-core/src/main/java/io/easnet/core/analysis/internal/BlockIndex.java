package io.easnet.core.analysis.internal;

import io.easnet.core.model.Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Values keyed by CIDR blocks, answering "which blocks contain this address or block" in logarithmic time for IPv4:
 * blocks are kept by their first address, and only blocks that start at most 2^(32 − widest prefix) addresses before
 * the query can contain it. IPv6 blocks are scanned. Not thread safe: build it, then query it.
 *
 * @param <T> the value stored with each block
 */
public final class BlockIndex<T> {
  private final TreeMap<Long, List<Entry<T>>> ipv4 = new TreeMap<>();
  private final List<Entry<T>> ipv6 = new ArrayList<>();
  private int widestIpv4Prefix = 32;

  private record Entry<T>(Cidr block, T value) {}

  /** Adds {@code value} under {@code block}. */
  public void add(Cidr block, T value) {
    Entry<T> e = new Entry<>(block, value);
    if (block.isIpv4()) {
      ipv4.computeIfAbsent(block.firstIpv4(), k -> new ArrayList<>(1)).add(e);
      widestIpv4Prefix = Math.min(widestIpv4Prefix, block.prefixLength());
    } else {
      ipv6.add(e);
    }
  }

  /** The values of every block that contains {@code query}, nearest start first (IPv4), in insertion order (IPv6). */
  public List<T> containing(Cidr query) {
    List<T> out = new ArrayList<>(1);
    if (!query.isIpv4()) {
      ipv6.stream().filter(e -> e.block().contains(query)).forEach(e -> out.add(e.value()));
      return out;
    }
    long span = widestIpv4Prefix == 0 ? Long.MAX_VALUE : 1L << (32 - widestIpv4Prefix);
    long from = Math.max(0, query.firstIpv4() - span);
    for (Map.Entry<Long, List<Entry<T>>> bucket : ipv4.subMap(from, true, query.firstIpv4(), true).descendingMap()
        .entrySet()) {
      for (Entry<T> e : bucket.getValue()) {
        if (e.block().contains(query)) {
          out.add(e.value());
        }
      }
    }
    return out;
  }
}
