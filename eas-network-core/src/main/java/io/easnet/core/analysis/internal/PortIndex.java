package io.easnet.core.analysis.internal;

import io.easnet.core.model.Protocol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The rules of one direction that can match a flow of one protocol, per port segment: between two consecutive
 * boundaries (a rule's first port, or the port after its last) the set of matching rules is constant, so each
 * segment holds exactly the rules that {@link CompiledRule#matchesProtocolAndPort} accepts for any port in it, in
 * evaluation order. A verdict then binary-searches its port and scans only those rules instead of every rule of the
 * group set. Immutable.
 */
final class PortIndex {
  /**
   * Above this many rule references over all segments the index keeps one segment of every protocol-matching rule
   * (the scan): a merged set of several 200-rule groups with disjoint ports would otherwise take memory quadratic in
   * its rules.
   */
  static final int MAX_REFERENCES = 1 << 18;

  /** Segment {@code i} starts at {@code starts[i]}; segment 0 starts at {@link Integer#MIN_VALUE}. */
  private final int[] starts;
  private final CompiledRule[][] segments;

  /** True when every rule of a segment matches the protocol and every port of the segment (no check left). */
  private final boolean exact;

  private PortIndex(int[] starts, CompiledRule[][] segments, boolean exact) {
    this.starts = starts;
    this.segments = segments;
    this.exact = exact;
  }

  static PortIndex of(CompiledRule[] rules, Protocol protocol) {
    List<CompiledRule> byProtocol = new ArrayList<>();
    for (CompiledRule r : rules) {
      if (r.protocol.covers(protocol)) {
        byProtocol.add(r);
      }
    }
    CompiledRule[] all = byProtocol.toArray(new CompiledRule[0]);
    if (!protocol.hasPorts()) {
      return new PortIndex(new int[] {Integer.MIN_VALUE}, new CompiledRule[][] {all}, true);
    }
    TreeSet<Integer> bounds = new TreeSet<>();
    bounds.add(Integer.MIN_VALUE);
    for (CompiledRule r : all) {
      bounds.add(r.portFrom);
      if (r.portTo != Integer.MAX_VALUE) {
        bounds.add(r.portTo + 1);
      }
    }
    if ((long) bounds.size() * all.length > MAX_REFERENCES) {
      return new PortIndex(new int[] {Integer.MIN_VALUE}, new CompiledRule[][] {all}, false); // ports still to check
    }
    int[] starts = bounds.stream().mapToInt(Integer::intValue).toArray();
    CompiledRule[][] segments = new CompiledRule[starts.length][];
    List<CompiledRule> in = new ArrayList<>();
    for (int i = 0; i < starts.length; i++) {
      in.clear();
      for (CompiledRule r : all) {
        if (r.matchesProtocolAndPort(protocol, starts[i])) {
          in.add(r);
        }
      }
      // consecutive segments often hold the same rules: share the array
      CompiledRule[] segment = in.toArray(new CompiledRule[0]);
      segments[i] = i > 0 && Arrays.equals(segments[i - 1], segment) ? segments[i - 1] : segment;
    }
    return new PortIndex(starts, segments, true);
  }

  /** True when {@link #candidates} all match the protocol and port asked (else their ports must still be checked). */
  boolean exact() {
    return exact;
  }

  /** The rules, in evaluation order, that match the protocol of this index at {@code port} (see {@link #exact}). */
  CompiledRule[] candidates(int port) {
    int i = Arrays.binarySearch(starts, port);
    return segments[i >= 0 ? i : -i - 2];
  }
}
