package io.easnet.core.load.internal;

import io.easnet.core.load.LoadListener;
import io.easnet.core.spi.CloudPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * One load run: a cache of port calls keyed by action and argument, so that the same call reaches the port once,
 * even when two branches of the plan ask for it at the same time.
 */
public final class LoadSession {
  private final CloudPort port;
  private final Executor executor;
  private final LoadListener listener;
  private final Clock clock;
  private final Map<String, CompletableFuture<?>> cache = new ConcurrentHashMap<>();

  /** A new, empty session. */
  public LoadSession(CloudPort port, Executor executor, LoadListener listener, Clock clock) {
    this.port = port;
    this.executor = executor;
    this.listener = listener;
    this.clock = clock;
  }

  /** Calls the port once per (action, argument) in this session, asynchronously. */
  @SuppressWarnings("unchecked")
  <A, T> CompletableFuture<T> call(String action, A argument, Function<CloudPort, T> call) {
    String key = action + '|' + argument;
    return (CompletableFuture<T>) cache.computeIfAbsent(
        key, k -> CompletableFuture.supplyAsync(() -> timed(action, call), executor));
  }

  private <T> T timed(String action, Function<CloudPort, T> call) {
    Instant start = clock.instant();
    boolean ok = false;
    try {
      T result = call.apply(port);
      ok = true;
      return result;
    } finally {
      listener.onCall(action, Duration.between(start, clock.instant()), ok);
    }
  }
}
