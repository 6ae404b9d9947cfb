package io.easnet.core.analysis;

import io.easnet.core.change.Change;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One reason a path is blocked or undetermined: a stable {@link ExplanationCode}, the {@link Component} it sits on,
 * the deciding rule where there is one, what was expected and what was found (sentences), what is {@link Missing}
 * (data), and the fix: a typed {@link Change} when a change can remove the blocker, advice otherwise.
 * {@link #fix()} is rendered from them.
 */
@Value.Immutable
public abstract class Explanation {
  Explanation() {}

  /** The stable code. */
  public abstract ExplanationCode code();

  /** The component the blocker sits on: security group {@code sg-eas}, allowlist group {@code eas} of {@code rm-1}, … */
  public abstract Component component();

  /** The rule, default, allowlist, route or SNAT entry that decided, when there is one. */
  public abstract Optional<DecidingRule> decidingRule();

  /** What the path needs, as a sentence. */
  public abstract String expected();

  /** What the inventory holds, as a sentence. */
  public abstract String actual();

  /** What is missing, as data, when it can be said as data. */
  public abstract Optional<Missing> missing();

  /** The change that removes this blocker, when a change can. */
  public abstract Optional<Change> remedy();

  /** What to do when no single change can (wait, check an id, decide between alternatives), or a note beside it. */
  public abstract Optional<String> advice();

  /** A near miss for an id that was not found: the inventory id closest to the one written. */
  public abstract Optional<String> didYouMean();

  /** What to change, as a sentence: the remedy's description, then the advice. */
  @Value.Derived
  public String fix() {
    String r = remedy().map(Change::describe).orElse("");
    String a = advice().orElse("");
    return r.isEmpty() ? a : a.isEmpty() ? r : r + "; " + a;
  }

  @Value.Check
  final void check() {
    if (remedy().isEmpty() && advice().isEmpty()) {
      throw new IllegalStateException("explanation " + code() + " on " + component() + " needs a remedy or advice");
    }
  }

  /** {@code CODE on component: actual (expected: …) Fix: …}. */
  @Override
  public String toString() {
    return code() + " on " + component() + ": " + actual() + " (expected: " + expected() + ") Fix: " + fix();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Explanation}. */
  public static final class Builder extends ImmutableExplanation.Builder {
    Builder() {}
  }
}
