package io.github.resilience4j.archfixture;

/**
 * A stand-in in Resilience4j's package, because Resilience4j is not on the cli test classpath: the architecture rule
 * matches packages, so a dependency on this class is a dependency on "Resilience4j".
 */
public final class RetryStandIn {
  /** Does nothing. */
  public static void retry() {}
}
