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

  private Outcome(T result, Refusal refusal, String requestId) {
    this.result = result;
    this.refusal = refusal;
    this.requestId = requestId;
  }

  static <T> Outcome<T> success(T result, String requestId) {
    return new Outcome<>(result, null, requestId);
  }

  static <T> Outcome<T> refused(Refusal refusal, String requestId) {
    return new Outcome<>(null, refusal, requestId);
  }

  /** The refusal, when the request was refused. */
  Optional<Refusal> refusal() {
    return Optional.ofNullable(refusal);
  }

  String requestId() {
    return requestId;
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
