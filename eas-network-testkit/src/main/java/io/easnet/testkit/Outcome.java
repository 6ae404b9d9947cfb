package io.easnet.testkit;

import java.util.Optional;

/**
 * What one request to the fake came to: a result, or a refusal with Alibaba's code, message and HTTP status, and the
 * request id either way. The in-memory face throws the refusal as a {@code CloudServiceException}; a wire face
 * serves either as Alibaba's JSON.
 *
 * @param <T> the result type
 */
final class Outcome<T> {
  private final T result;
  private final Refusal refusal;
  private final String requestId;
  private final java.time.Duration latency;

  private Outcome(T result, Refusal refusal, String requestId, java.time.Duration latency) {
    this.result = result;
    this.refusal = refusal;
    this.requestId = requestId;
    this.latency = latency;
  }

  static <T> Outcome<T> success(T result, String requestId) {
    return new Outcome<>(result, null, requestId, java.time.Duration.ZERO);
  }

  static <T> Outcome<T> refused(Refusal refusal, String requestId) {
    return new Outcome<>(null, refusal, requestId, java.time.Duration.ZERO);
  }

  /** The refusal, when the request was refused. */
  Optional<Refusal> refusal() {
    return Optional.ofNullable(refusal);
  }

  String requestId() {
    return requestId;
  }

  /** This outcome with the latency the fault plan injected (the fake's clock moved by it). */
  Outcome<T> withLatency(java.time.Duration injected) {
    return new Outcome<>(result, refusal, requestId, injected);
  }

  /** The latency the fault plan injected; zero when none. */
  java.time.Duration latency() {
    return latency;
  }

  /** The result of a success; null for a refusal. */
  T result() {
    return result;
  }

  /** The result, or the refusal thrown as the in-memory face throws it. */
  T resultOrThrow(String action) {
    if (refusal != null) {
      throw refusal.toException(action, requestId);
    }
    return result;
  }
}
