package io.easnet.testkit.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@link WireCloud#serve} came to: a value, or the fake's refusal (Alibaba's code, message, HTTP status and,
 * for throttling, a retry-after); the fake's request id either way.
 *
 * @param <T> the value type
 */
public final class Served<T> {
  private final T value;
  private final String code;
  private final String message;
  private final int httpStatus;
  private final long retryAfterMillis;
  private final String requestId;
  private final Duration latency;

  private Served(T value, String code, String message, int httpStatus, long retryAfterMillis, String requestId,
      Duration latency) {
    this.value = value;
    this.code = code;
    this.message = message;
    this.httpStatus = httpStatus;
    this.retryAfterMillis = retryAfterMillis;
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.latency = Objects.requireNonNull(latency, "latency");
  }

  /** A success. */
  public static <T> Served<T> ok(T value, String requestId) {
    return new Served<>(value, null, null, 200, 0, requestId, Duration.ZERO);
  }

  /** A refusal. */
  public static <T> Served<T> refused(String code, String message, int httpStatus, long retryAfterMillis,
      String requestId) {
    return new Served<>(null, Objects.requireNonNull(code, "code"), Objects.requireNonNull(message, "message"),
        httpStatus, retryAfterMillis, requestId, Duration.ZERO);
  }

  /** This answer with the latency the fake's fault plan injected (its clock moved by it). */
  public Served<T> withLatency(Duration injected) {
    return new Served<>(value, code, message, httpStatus, retryAfterMillis, requestId, injected);
  }

  /** The latency the fake's fault plan injected; zero when none. A wire face waits it out too. */
  public Duration latency() {
    return latency;
  }

  /** True when the request succeeded. */
  public boolean succeeded() {
    return code == null;
  }

  /**
   * The value of a success.
   *
   * @throws IllegalStateException for a refusal
   */
  public T value() {
    if (code != null) {
      throw new IllegalStateException("the request was refused with " + code + "; check succeeded() first");
    }
    return value;
  }

  /** The refusal's code, when refused. */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  /** The refusal's message; empty for a success. */
  public String message() {
    return message == null ? "" : message;
  }

  /** 200 for a success, else the refusal's status. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The retry-after of a throttling refusal in milliseconds; 0 when none. */
  public long retryAfterMillis() {
    return retryAfterMillis;
  }

  /** The request id the fake recorded. */
  public String requestId() {
    return requestId;
  }

  @Override
  public String toString() {
    return code == null ? "Served[ok, " + requestId + "]" : "Served[" + httpStatus + " " + code + ", " + requestId + "]";
  }
}
