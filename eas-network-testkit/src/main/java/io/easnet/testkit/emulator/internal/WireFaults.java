package io.easnet.testkit.emulator.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Faults on the wire, per operation ({@code vpc:DescribeVpcs}) or for every operation ({@code *}): latency before
 * the answer, a connection closed before any response byte (the handler does not run, so a write is not applied),
 * and a body cut in half (the handler runs, so a write is applied but its answer is lost). Each fault applies to the
 * next {@code times} matching calls, or to all when {@code times} is negative. Thread-safe.
 */
final class WireFaults {
  /** Every operation. */
  static final String ANY = "*";

  enum Kind { LATENCY, RESET, TRUNCATE }

  private static final class Rule {
    final String operation;
    final Kind kind;
    final Duration latency;
    int remaining;

    Rule(String operation, Kind kind, Duration latency, int remaining) {
      this.operation = operation;
      this.kind = kind;
      this.latency = latency;
      this.remaining = remaining;
    }
  }

  /** What to do to one call. */
  record Decision(Duration latency, boolean reset, boolean truncate) {
    static final Decision NONE = new Decision(Duration.ZERO, false, false);
  }

  private final List<Rule> rules = new ArrayList<>();

  synchronized WireFaults add(String operation, Kind kind, Duration latency, int times) {
    if (operation == null || operation.isBlank()) {
      throw new IllegalArgumentException("operation must be product:Action (e.g. vpc:DescribeVpcs) or *");
    }
    if (!operation.equals(ANY)) {
      OperationTable.byName(operation);
    }
    if (times == 0) {
      throw new IllegalArgumentException("times must be positive, or negative for every call; was 0");
    }
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must be >= 0, was " + latency);
    }
    rules.add(new Rule(operation, kind, latency, times));
    return this;
  }

  synchronized Decision next(String operation) {
    Duration latency = Duration.ZERO;
    boolean reset = false;
    boolean truncate = false;
    for (Rule r : rules) {
      if (r.remaining == 0 || !(r.operation.equals(ANY) || r.operation.equals(operation))) {
        continue;
      }
      switch (r.kind) {
        case LATENCY -> latency = latency.plus(r.latency);
        case RESET -> reset = true;
        case TRUNCATE -> truncate = true;
        default -> throw new IllegalStateException(r.kind.toString());
      }
      if (r.remaining > 0) {
        r.remaining--;
      }
    }
    return latency.isZero() && !reset && !truncate ? Decision.NONE : new Decision(latency, reset, truncate);
  }
}
