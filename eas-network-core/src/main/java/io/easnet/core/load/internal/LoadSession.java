package io.easnet.core.load.internal;

import io.easnet.core.spi.CloudPort;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * One load run: a cache of port calls keyed by action and argument, so that the same call reaches the port once,
 * even when two branches of the plan ask for it at the same time. The port is the listening view of the run, so
 * each HTTP request is reported by the port itself.
 */
public final class LoadSession {
  private final CloudPort port;
  private final Executor executor;
  private final Map<String, CompletableFuture<?>> cache = new ConcurrentHashMap<>();

  /** A new, empty session. */
  public LoadSession(CloudPort port, Executor executor) {
    this.port = port;
    this.executor = executor;
  }

  /** The region of the port ({@link CloudPort#regionId()}: known to the port, no call). */
  java.util.Optional<String> regionId() {
    return port.regionId();
  }

  /** Calls the port once per (action, argument) in this session, asynchronously. */
  @SuppressWarnings("unchecked")
  <A, T> CompletableFuture<T> call(String action, A argument, Function<CloudPort, T> call) {
    String key = action + '|' + argument;
    return (CompletableFuture<T>) cache.computeIfAbsent(
        key, k -> CompletableFuture.supplyAsync(() -> call.apply(port), executor));
  }
}
