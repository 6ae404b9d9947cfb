package io.easnet.core.plan;

import io.easnet.core.analysis.Intent;
import io.easnet.core.analysis.Verdict;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link Planner} found: a working {@link Plan} (proved: applied to the estate in memory, every intent is
 * reachable), or the intents it cannot fix and why.
 */
public final class PlanResult {
  private final Plan plan;
  private final List<Unfixable> unfixable;

  PlanResult(Plan plan, List<Unfixable> unfixable) {
    this.plan = plan;
    this.unfixable = List.copyOf(unfixable);
  }

  /** True when the plan makes every intent reachable; {@link #plan()} is then present. */
  public boolean works() {
    return unfixable.isEmpty();
  }

  /** The plan, present only when it works (possibly empty: nothing to change). */
  public Optional<Plan> plan() {
    return works() ? Optional.of(plan) : Optional.empty();
  }

  /** The intents no plan fixes, each with its reasons; empty when the plan works. */
  public List<Unfixable> unfixable() {
    return unfixable;
  }

  /** An intent that the planned changes do not make reachable. */
  public static final class Unfixable {
    private final String service;
    private final Intent intent;
    private final String intentText;
    private final Verdict verdict;
    private final List<String> reasons;

    Unfixable(String service, Intent intent, String intentText, Verdict verdict, List<String> reasons) {
      this.service = Objects.requireNonNull(service, "service");
      this.intent = intent;
      this.intentText = Objects.requireNonNull(intentText, "intentText");
      this.verdict = Objects.requireNonNull(verdict, "verdict");
      this.reasons = List.copyOf(reasons);
    }

    /** The service. */
    public String service() {
      return service;
    }

    /** The intent; empty when the service itself could not be resolved. */
    public Optional<Intent> intent() {
      return Optional.ofNullable(intent);
    }

    /** The intent in its text form, or a description. */
    public String intentText() {
      return intentText;
    }

    /** The verdict with every change the planner could make applied. */
    public Verdict verdict() {
      return verdict;
    }

    /**
     * Why, one sentence each: e.g. {@code needs a NAT gateway in vpc-1 (billed): allow billed changes}, or an
     * unknown fact.
     */
    public List<String> reasons() {
      return reasons;
    }

    @Override
    public String toString() {
      return service + ": " + intentText + " stays " + verdict + ": " + String.join("; ", reasons);
    }
  }
}
