package io.easnet.testkit.assertions;

import io.easnet.core.analysis.Explanation;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import io.easnet.core.analysis.PathResult;
import io.easnet.core.analysis.PathResult.Verdict;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link PathResult}.
 *
 * <pre>{@code
 * assertThat(path).isUnreachable().hasExplanation(ExplanationCode.SNAT_NO_ENTRY_FOR_SOURCE);
 * }</pre>
 */
public final class PathResultAssert extends AbstractAssert<PathResultAssert, PathResult> {
  PathResultAssert(PathResult actual) {
    super(actual, PathResultAssert.class);
  }

  /** The verdict is this one. */
  public PathResultAssert hasVerdict(Verdict verdict) {
    isNotNull();
    if (actual.verdict() != verdict) {
      failWithMessage("Expected %s to be %s, but it is %s with %s", actual.description(), verdict, actual.verdict(),
          actual.codes());
    }
    return this;
  }

  /** The path is reachable. */
  public PathResultAssert isReachable() {
    return hasVerdict(Verdict.REACHABLE);
  }

  /** The path is unreachable. */
  public PathResultAssert isUnreachable() {
    return hasVerdict(Verdict.UNREACHABLE);
  }

  /** One of the blockers has this code. */
  public PathResultAssert hasExplanation(ExplanationCode code) {
    isNotNull();
    if (!actual.has(code)) {
      failWithMessage("Expected %s to explain %s, but its explanations are %s", actual.description(), code,
          actual.codes());
    }
    return this;
  }

  /** None of the blockers has this code. */
  public PathResultAssert hasNoExplanation(ExplanationCode code) {
    isNotNull();
    if (actual.has(code)) {
      Explanation e = actual.explanations().stream().filter(x -> x.code() == code).findFirst().orElseThrow();
      failWithMessage("Expected %s not to explain %s, but it does: on %s, expected %s, actual %s",
          actual.description(), code, e.component(), e.expected(), e.actual());
    }
    return this;
  }
}
