package io.easnet.aliyun;

/**
 * Receives one {@link RequestEvent} per HTTP request, for metrics and call counting. Called on the thread that made
 * the request; must be quick and thread safe. An exception it throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface RequestListener {
  void onRequest(RequestEvent event);

  /** A listener that ignores every event. */
  static RequestListener none() {
    return event -> { };
  }
}
