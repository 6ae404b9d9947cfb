package io.easnet.core.spi;

/**
 * Told about every request a {@link CloudPort} makes, so that calls can be counted and timed per HTTP request
 * ({@link CloudPort#withRequestListener}). Called from the threads that make the requests: implementations must be
 * thread-safe and quick, and must not throw.
 */
@FunctionalInterface
public interface RequestListener {
  /** One request finished. */
  void onRequest(RequestEvent event);

  /** A listener that ignores every request. */
  static RequestListener none() {
    return event -> {};
  }
}
