package io.easnet.aliyun;

import java.time.Duration;
import java.util.Objects;

/**
 * How the adapter retries a failed HTTP request: exponential backoff with jitter, on throttling
 * ({@code Throttling*} codes or the {@code x-acs-retry-after} header, whose wait is honoured), server errors (5xx,
 * {@code InternalError}, {@code ServiceUnavailable}) and I/O errors (connection refused, timeouts). Other errors
 * (bad parameters, permissions, not found) are never retried.
 *
 * <p>A request that is not safe to repeat (an EAS write: EAS has no {@code ClientToken}) is retried only when it was
 * throttled, which means it was not executed.
 *
 * <p>Defaults ({@link #defaults()}): 3 attempts, 200 ms initial backoff, multiplier 2.0, at most 10 s between
 * attempts, jitter 0.5 (each wait is drawn from ±50 % of the computed backoff). A retry-after longer than the
 * maximum backoff is not waited for: the throttling error is thrown at once, carrying the wait.
 */
public final class RetryPolicy {
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final double multiplier;
  private final Duration maxBackoff;
  private final double jitter;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.multiplier = b.multiplier;
    this.maxBackoff = b.maxBackoff;
    this.jitter = b.jitter;
  }

  /** The documented defaults. */
  public static RetryPolicy defaults() {
    return builder().build();
  }

  /** One attempt, no retries. */
  public static RetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Attempts in all, the first included (1 = no retry). */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The wait before the second attempt, before jitter. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** The factor by which each further wait grows. */
  public double multiplier() {
    return multiplier;
  }

  /** The longest wait between two attempts, and the longest {@code x-acs-retry-after} that is waited for. */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** The fraction by which a wait is randomised in both directions (0 = none). */
  public double jitter() {
    return jitter;
  }

  /**
   * The wait before retry number {@code retry} (1 for the wait before the second attempt), given a random draw in
   * [0, 1): {@code min(maxBackoff, initialBackoff × multiplier^(retry−1))}, randomised by ±{@code jitter}, never
   * above {@code maxBackoff}.
   */
  public Duration backoff(int retry, double random) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be greater than or equal to 1, was " + retry);
    }
    if (!(random >= 0.0 && random < 1.0)) {
      throw new IllegalArgumentException("random must be in [0, 1), was " + random);
    }
    double base = Math.min((double) maxBackoff.toMillis(), (double) initialBackoff.toMillis() * Math.pow(multiplier, retry - 1));
    double jittered = base * (1.0 - jitter + 2.0 * jitter * random);
    return Duration.ofMillis(Math.round(Math.min((double) maxBackoff.toMillis(), Math.max(0.0, jittered))));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RetryPolicy)) {
      return false;
    }
    RetryPolicy p = (RetryPolicy) o;
    return maxAttempts == p.maxAttempts && initialBackoff.equals(p.initialBackoff) && multiplier == p.multiplier
        && maxBackoff.equals(p.maxBackoff) && jitter == p.jitter;
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, initialBackoff, multiplier, maxBackoff, jitter);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", multiplier="
        + multiplier + ", maxBackoff=" + maxBackoff + ", jitter=" + jitter + "}";
  }

  /** Builds a {@link RetryPolicy}; each setter checks its value, {@link #build()} checks them together. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(200);
    private double multiplier = 2.0;
    private Duration maxBackoff = Duration.ofSeconds(10);
    private double jitter = 0.5;

    private Builder() {}

    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be greater than or equal to 1, was " + maxAttempts);
      }
      if (maxAttempts > 20) {
        throw new IllegalArgumentException("maxAttempts must be at most 20, was " + maxAttempts
            + " (the cloud's throttling is per account: hammering it hurts every caller)");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = positive(initialBackoff, "initialBackoff");
      return this;
    }

    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
        throw new IllegalArgumentException("multiplier must be greater than or equal to 1.0, was " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = positive(maxBackoff, "maxBackoff");
      return this;
    }

    public Builder jitter(double jitter) {
      if (!(jitter >= 0.0 && jitter <= 1.0)) {
        throw new IllegalArgumentException("jitter must be between 0.0 and 1.0 (inclusive), was " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") must be greater than or equal to "
            + "initialBackoff (" + initialBackoff + ")");
      }
      return new RetryPolicy(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, () -> name + " must not be null");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      if (d.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new IllegalArgumentException(name + " must be at most 10 minutes, was " + d);
      }
      return d;
    }
  }
}
