package io.easnet.testkit.internal.wire;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Faults on the wire, per operation ({@code vpc:DescribeVpcs}) or for every operation ({@code *}): latency before
 * the answer, a connection closed before any response byte (the handler does not run, so a write is not applied),
 * and a body cut in half (the handler runs, so a write is applied but its answer is lost). Each fault applies to the
 * next {@code times} matching calls, or to all when {@code times} is negative; or, given as a rate, to a share of the
 * calls drawn from a seeded generator (one draw per rate rule per matching call, so a seed replays). Thread-safe.
 */
final class WireFaults {
  /** Every operation. */
  static final String ANY = "*";

  enum Kind { LATENCY, RESET, TRUNCATE }

  private static final class Rule {
    final String operation;
    final Kind kind;
    final Duration latency;
    final double probability;
    int remaining;

    Rule(String operation, Kind kind, Duration latency, int remaining, double probability) {
      this.operation = operation;
      this.kind = kind;
      this.latency = latency;
      this.remaining = remaining;
      this.probability = probability;
    }
  }

  /** What to do to one call. */
  record Decision(Duration latency, boolean reset, boolean truncate) {
    static final Decision NONE = new Decision(Duration.ZERO, false, false);
  }

  private final List<Rule> rules = new ArrayList<>();
  private SplittableRandom random = new SplittableRandom(0);

  synchronized void seed(long seed) {
    random = new SplittableRandom(seed);
  }

  /** A fault on a share {@code probability} of the matching calls. */
  synchronized WireFaults addRate(String operation, Kind kind, double probability) {
    if (!(probability >= 0.0 && probability <= 1.0)) {
      throw new IllegalArgumentException("a wire fault rate is a probability from 0 to 1, was " + probability);
    }
    if (kind == Kind.LATENCY) {
      throw new IllegalArgumentException("latency is not given as a rate");
    }
    checkOperation(operation);
    rules.add(new Rule(operation, kind, Duration.ZERO, -1, probability));
    return this;
  }

  private static void checkOperation(String operation) {
    if (operation == null || operation.isBlank()) {
      throw new IllegalArgumentException("operation must be product:Action (e.g. vpc:DescribeVpcs) or *");
    }
    if (!operation.equals(ANY)) {
      OperationTable.byName(operation);
    }
  }

  synchronized WireFaults add(String operation, Kind kind, Duration latency, int times) {
    checkOperation(operation);
    if (times == 0) {
      throw new IllegalArgumentException("times must be positive, or negative for every call; was 0");
    }
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must be >= 0, was " + latency);
    }
    rules.add(new Rule(operation, kind, latency, times, 1.0));
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
      if (r.probability < 1.0 && !(random.nextDouble() < r.probability)) {
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
