package io.easnet.core.analysis;

import org.immutables.value.Value;

/** An assumption the analysis had to make, reported next to the verdict: a stable {@link AssumptionKey} and a sentence. */
@Value.Immutable
public abstract class Assumption {
  Assumption() {}

  /** The stable key, such as {@link AssumptionKey#PREFIX_LIST_UNKNOWN}. */
  @Value.Parameter
  public abstract AssumptionKey key();

  /** The assumption as a sentence. */
  @Value.Parameter
  public abstract String sentence();

  /** An assumption from a key and a sentence. */
  public static Assumption of(AssumptionKey key, String sentence) {
    return ImmutableAssumption.of(key, sentence);
  }

  /** {@code KEY: sentence}. */
  @Override
  public String toString() {
    return key() + ": " + sentence();
  }
}
