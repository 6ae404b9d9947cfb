package io.easnet.core.analysis;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * One reason a path is blocked or undetermined: a stable {@link ExplanationCode}, the component it sits on, the
 * deciding rule where there is one, what was expected, what was found, and how to fix it.
 */
@Value.Immutable
public abstract class Explanation {
  Explanation() {}

  public abstract ExplanationCode code();

  /** The resource the blocker sits on, e.g. {@code sg-eas}, {@code rm-1}, {@code ngw-1}, {@code vsw-1}. */
  public abstract String component();

  /** The rule, default, allowlist, route or SNAT entry that decided, when there is one. */
  public abstract Optional<DecidingRule> decidingRule();

  /** What the path needs, as a sentence. */
  public abstract String expected();

  /** What the inventory holds, as a sentence. */
  public abstract String actual();

  /** What to change, as a sentence. */
  public abstract String fix();

  /** {@code CODE on component: actual (expected: …) Fix: …}. */
  @Override
  public String toString() {
    return code() + " on " + component() + ": " + actual() + " (expected: " + expected() + ") Fix: " + fix();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Explanation}. */
  public static final class Builder extends ImmutableExplanation.Builder {
    Builder() {}
  }
}
