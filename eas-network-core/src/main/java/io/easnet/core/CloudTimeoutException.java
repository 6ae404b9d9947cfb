package io.easnet.core;

import java.time.Duration;

/**
 * The client gave up waiting: for an HTTP answer (a read or call timeout), or for an asynchronous resource to reach
 * a state (a SNAT entry to become {@code Available}) within a deadline. The message says what was awaited and for
 * how long.
 */
public final class CloudTimeoutException extends ClientException {
  private static final long serialVersionUID = 1L;

  private final Duration waited;

  private CloudTimeoutException(String action, String awaited, Duration waited, Throwable cause) {
    super(action, prefix(action) + "gave up waiting for " + awaited + " after " + waited.toMillis() + " ms", cause);
    this.waited = waited;
  }

  /**
   * A timeout.
   *
   * @param action the action
   * @param awaited what was awaited, e.g. {@code "the HTTP response"} or {@code "SNAT entry snat-… to be Available"}
   * @param waited how long the client waited
   */
  public static CloudTimeoutException of(String action, String awaited, Duration waited, Throwable cause) {
    if (waited == null || waited.isNegative()) {
      throw new IllegalArgumentException("waited must be a duration >= 0, was " + waited);
    }
    return new CloudTimeoutException(require(action, "action"), require(awaited, "awaited"), waited, cause);
  }

  /** How long the client waited. */
  public Duration waited() {
    return waited;
  }
}
