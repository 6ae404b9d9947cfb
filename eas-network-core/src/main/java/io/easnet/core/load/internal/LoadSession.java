package io.easnet.core.load.internal;

import io.easnet.core.CloudIoException;
import io.easnet.core.CloudServiceException;
import io.easnet.core.CloudTimeoutException;
import io.easnet.core.spi.CloudPort;
import io.easnet.core.spi.Sleeper;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One load run: a cache of port calls keyed by action and argument, so that the same call reaches the port once,
 * even when two branches of the plan ask for it at the same time. The port is the listening view of the run, so
 * each HTTP request is reported by the port itself.
 *
 * <p>A read that fails transiently is retried here, above the adapter's own retries, so that one bad spell does not
 * abort a whole capture: the reads already done stay in the cache and are not repeated, only the failed read is.
 * Transient: throttling, a busy resource and server errors ({@link CloudServiceException#retryable()}, honouring the
 * server's retry-after), and I/O failures and timeouts (an open circuit breaker included) once the endpoint has
 * answered a read in this session (before that, an I/O failure means a wrong endpoint or no network, and fails at
 * once). The budget ({@link Retry#DEFAULT}): at most 4 retries of one read, waits of 1, 2, 4, 8 s (or the server's
 * retry-after when longer), no single wait over 30 s, and at most 60 s of waiting in the whole session. When the
 * budget is spent the read's first failure is thrown, the later ones attached as suppressed.
 */
public final class LoadSession {
  /**
   * How a session retries a failed read.
   *
   * @param retriesPerCall retries of one read after its first failure (0 = none)
   * @param firstBackoff the wait before the first retry; each further wait doubles
   * @param maxWait the longest single wait (a retry-after above it is not waited for: the read fails)
   * @param totalWait the most waiting in one session, over all reads
   * @param sleeper how the session waits before a retry (tests pass one that records, so that they do not sleep)
   */
  public record Retry(int retriesPerCall, Duration firstBackoff, Duration maxWait, Duration totalWait,
      Sleeper sleeper) {
    /** 4 retries, 1 s doubling, at most 30 s a wait and 60 s a session, real sleeping. */
    public static final Retry DEFAULT = new Retry(4, Duration.ofSeconds(1), Duration.ofSeconds(30),
        Duration.ofSeconds(60), Sleeper.system());
    /** No retries. */
    public static final Retry NONE = new Retry(0, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO,
        wait -> { });

    public Retry {
      if (retriesPerCall < 0 || retriesPerCall > 10) {
        throw new IllegalArgumentException("retriesPerCall must be between 0 and 10, was " + retriesPerCall);
      }
      Objects.requireNonNull(firstBackoff, "firstBackoff");
      Objects.requireNonNull(maxWait, "maxWait");
      Objects.requireNonNull(totalWait, "totalWait");
      Objects.requireNonNull(sleeper, "sleeper");
      if (firstBackoff.isNegative() || maxWait.isNegative() || totalWait.isNegative()) {
        throw new IllegalArgumentException("the waits of a retry must not be negative");
      }
    }

    /** These retries, waited out by {@code sleeper}. */
    public Retry withSleeper(Sleeper sleeper) {
      return new Retry(retriesPerCall, firstBackoff, maxWait, totalWait, sleeper);
    }
  }

  private final CloudPort port;
  private final Executor executor;
  private final Retry retry;
  private final Map<String, CompletableFuture<?>> cache = new ConcurrentHashMap<>();
  private final AtomicBoolean answered = new AtomicBoolean();
  private final AtomicLong waitedNanos = new AtomicLong();

  /** A new, empty session with the {@link Retry#DEFAULT} retries. */
  public LoadSession(CloudPort port, Executor executor) {
    this(port, executor, Retry.DEFAULT);
  }

  /** A new, empty session with the given retries. */
  public LoadSession(CloudPort port, Executor executor, Retry retry) {
    this.port = port;
    this.executor = executor;
    this.retry = Objects.requireNonNull(retry, "retry");
  }

  /** The port of the run. */
  CloudPort port() {
    return port;
  }

  /** The region of the port ({@link CloudPort#regionId()}: known to the port, no call). */
  java.util.Optional<String> regionId() {
    return port.regionId();
  }

  /** Calls the port once per (action, argument) in this session, asynchronously; transient failures are retried. */
  @SuppressWarnings("unchecked")
  <A, T> CompletableFuture<T> call(String action, A argument, Function<CloudPort, T> call) {
    String key = action + '|' + argument;
    return (CompletableFuture<T>) cache.computeIfAbsent(
        key, k -> CompletableFuture.supplyAsync(() -> withRetries(call), executor));
  }

  /** How long this session has waited to retry so far. */
  Duration waited() {
    return Duration.ofNanos(waitedNanos.get());
  }

  private <T> T withRetries(Function<CloudPort, T> call) {
    RuntimeException first = null;
    for (int retryNumber = 0; ; retryNumber++) {
      try {
        T result = call.apply(port);
        answered.set(true);
        return result;
      } catch (RuntimeException e) {
        if (e instanceof CloudServiceException) {
          answered.set(true); // the endpoint answered, if with an error
        }
        if (first == null) {
          first = e;
        } else if (first != e) {
          first.addSuppressed(e);
        }
        Duration wait = retryNumber < retry.retriesPerCall() ? waitFor(e, retryNumber) : null;
        if (wait == null || !reserve(wait)) {
          throw first;
        }
        try {
          retry.sleeper().sleep(wait);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw first;
        }
      }
    }
  }

  /** The wait before retry {@code retryNumber + 1} of a read that failed with {@code e}; null: not transient. */
  private Duration waitFor(RuntimeException e, int retryNumber) {
    Duration backoff = retry.firstBackoff().multipliedBy(1L << Math.min(retryNumber, 20));
    if (e instanceof CloudServiceException s) {
      if (!s.retryable()) {
        return null;
      }
      Duration asked = s.retryAfterSeconds().map(Duration::ofSeconds).orElse(Duration.ZERO);
      Duration wait = asked.compareTo(backoff) > 0 ? asked : backoff;
      return wait.compareTo(retry.maxWait()) > 0 ? asked.compareTo(retry.maxWait()) > 0 ? null : retry.maxWait()
          : wait;
    }
    if ((e instanceof CloudIoException || e instanceof CloudTimeoutException) && answered.get()) {
      return backoff.compareTo(retry.maxWait()) > 0 ? retry.maxWait() : backoff;
    }
    return null; // bad input, a refusal, a wrong endpoint, a bug: retrying would not help
  }

  /** Takes {@code wait} from the session's budget; false when the budget does not hold it. */
  private boolean reserve(Duration wait) {
    long w = wait.toNanos();
    long limit = retry.totalWait().toNanos();
    while (true) {
      long used = waitedNanos.get();
      if (used + w > limit) {
        return false;
      }
      if (waitedNanos.compareAndSet(used, used + w)) {
        return true;
      }
    }
  }
}
