package io.easnet.core.analysis;

import org.immutables.value.Value;

/** An assumption the analysis had to make, reported next to the verdict: a stable key and a sentence. */
@Value.Immutable
public abstract class Assumption {
  Assumption() {}

  /** A stable, code-like key such as {@code PREFIX_LIST_UNKNOWN} or {@code DEFAULT_SURGE}. */
  @Value.Parameter
  public abstract String key();

  /** The assumption as a sentence. */
  @Value.Parameter
  public abstract String sentence();

  public static Assumption of(String key, String sentence) {
    return ImmutableAssumption.of(key, sentence);
  }

  @Override
  public String toString() {
    return key() + ": " + sentence();
  }
}
