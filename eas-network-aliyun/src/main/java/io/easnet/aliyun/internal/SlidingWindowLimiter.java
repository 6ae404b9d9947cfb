package io.easnet.aliyun.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * At most {@code limit} permits in any interval of one period: a true sliding window. Each permit is granted at a
 * time (now, or later when the window is full); a permit is granted no earlier than one period after the permit
 * {@code limit} places before it, so no half-open interval of one period ever holds more than {@code limit} grants,
 * across period boundaries included (a fixed window, as Resilience4j's refreshing limiter, lets {@code 2 × limit}
 * through around a boundary). Thread safe; the caller waits for the granted time itself.
 */
final class SlidingWindowLimiter {
  private final int limit;
  private final long periodNanos;
  private final LongSupplier nanoTime;
  /** The times of the last {@code limit} grants, oldest first (non-decreasing). */
  private final ArrayDeque<Long> grants;

  SlidingWindowLimiter(int limit, Duration period, LongSupplier nanoTime) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    this.limit = limit;
    this.periodNanos = period.toNanos();
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.grants = new ArrayDeque<>(limit);
  }

  /**
   * Reserves a permit if it can be granted within {@code maxWaitNanos}: returns how long the caller must wait
   * (0 for now), or -1 (nothing reserved) when the permit would come later than that.
   */
  synchronized long reserve(long maxWaitNanos) {
    long now = nanoTime.getAsLong();
    long at = earliest(now);
    if (at - now > maxWaitNanos) {
      return -1;
    }
    grant(at);
    return at - now;
  }

  /**
   * Reserves one permit of every limiter at the same time, the earliest all of them allow, if that is within
   * {@code maxWaitNanos}: the wait, or -1 (nothing reserved). Every limiter must share {@code lock}.
   */
  static long reserveAll(Object lock, LongSupplier nanoTime, long maxWaitNanos, SlidingWindowLimiter... limiters) {
    synchronized (lock) {
      long now = nanoTime.getAsLong();
      long at = now;
      for (SlidingWindowLimiter l : limiters) {
        at = Math.max(at, l.earliest(now));
      }
      if (at - now > maxWaitNanos) {
        return -1;
      }
      for (SlidingWindowLimiter l : limiters) {
        l.grant(at);
      }
      return at - now;
    }
  }

  /** The earliest time at or after {@code now} a new permit may be granted. */
  private long earliest(long now) {
    long at = now;
    if (grants.size() == limit) {
      // one period after the oldest of the last `limit` grants
      at = Math.max(at, grants.peekFirst() + periodNanos);
    }
    if (!grants.isEmpty()) {
      at = Math.max(at, grants.peekLast()); // the grants stay ordered
    }
    return at;
  }

  private void grant(long at) {
    if (grants.size() == limit) {
      grants.pollFirst();
    }
    grants.addLast(at);
  }

  int limit() {
    return limit;
  }

  Duration period() {
    return Duration.ofNanos(periodNanos);
  }
}
