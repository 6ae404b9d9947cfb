package io.easnet.aliyun;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request to Alibaba Cloud, reported after it completed: one event per attempt, so a call retried twice
 * gives three events. Carries no secret: no header, no body, no credentials.
 */
public final class RequestEvent {
  /** How the HTTP request ended. */
  public enum Outcome {
    /** 2xx. */
    SUCCESS,
    /** Throttled: a {@code Throttling*} code or an {@code x-acs-retry-after} header. */
    THROTTLED,
    /** Any other 4xx error (bad parameters, permissions, not found, …). */
    CLIENT_ERROR,
    /** A server error (5xx, {@code InternalError}, {@code ServiceUnavailable}, …). */
    SERVER_ERROR,
    /** No HTTP response: connection refused or reset, timeout, TLS failure. */
    IO_ERROR
  }

  private final AliyunProduct product;
  private final String action;
  private final int attempt;
  private final Outcome outcome;
  private final int httpStatus;
  private final String requestId;
  private final String errorCode;
  private final Duration duration;

  private RequestEvent(Builder b) {
    this.product = b.product;
    this.action = b.action;
    this.attempt = b.attempt;
    this.outcome = b.outcome;
    this.httpStatus = b.httpStatus;
    this.requestId = b.requestId;
    this.errorCode = b.errorCode;
    this.duration = b.duration;
  }

  public static Builder builder(AliyunProduct product, String action) {
    return new Builder(product, action);
  }

  public AliyunProduct product() {
    return product;
  }

  /** The action as in RAM policies, for example {@code vpc:DescribeVpcs}. */
  public String action() {
    return action;
  }

  /** 1 for the first attempt, 2 for the first retry, … */
  public int attempt() {
    return attempt;
  }

  public Outcome outcome() {
    return outcome;
  }

  /** The HTTP status, or 0 for {@link Outcome#IO_ERROR}. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The cloud's request id, when the response carried one. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** The error code of a failed request, for example {@code Throttling.User}. */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** From sending the request to reading the whole response (or failing). */
  public Duration duration() {
    return duration;
  }

  @Override
  public String toString() {
    return "RequestEvent{" + action + " attempt " + attempt + ": " + outcome
        + (httpStatus == 0 ? "" : " HTTP " + httpStatus) + (errorCode == null ? "" : " " + errorCode)
        + (requestId == null ? "" : " [RequestId " + requestId + "]") + " in " + duration.toMillis() + " ms}";
  }

  /** Builds a {@link RequestEvent}. */
  public static final class Builder {
    private final AliyunProduct product;
    private final String action;
    private int attempt = 1;
    private Outcome outcome = Outcome.SUCCESS;
    private int httpStatus;
    private String requestId;
    private String errorCode;
    private Duration duration = Duration.ZERO;

    private Builder(AliyunProduct product, String action) {
      this.product = Objects.requireNonNull(product, "product must not be null");
      if (action == null || action.isBlank()) {
        throw new IllegalArgumentException("action must not be blank");
      }
      this.action = action;
    }

    public Builder attempt(int attempt) {
      if (attempt < 1) {
        throw new IllegalArgumentException("attempt must be greater than or equal to 1, was " + attempt);
      }
      this.attempt = attempt;
      return this;
    }

    public Builder outcome(Outcome outcome) {
      this.outcome = Objects.requireNonNull(outcome, "outcome must not be null");
      return this;
    }

    public Builder httpStatus(int httpStatus) {
      if (httpStatus < 0 || httpStatus > 599) {
        throw new IllegalArgumentException("httpStatus must be between 0 and 599, was " + httpStatus);
      }
      this.httpStatus = httpStatus;
      return this;
    }

    public Builder requestId(String requestId) {
      this.requestId = Objects.requireNonNull(requestId, "requestId must not be null");
      return this;
    }

    public Builder errorCode(String errorCode) {
      this.errorCode = Objects.requireNonNull(errorCode, "errorCode must not be null");
      return this;
    }

    public Builder duration(Duration duration) {
      Objects.requireNonNull(duration, "duration must not be null");
      if (duration.isNegative()) {
        throw new IllegalArgumentException("duration must not be negative, was " + duration);
      }
      this.duration = duration;
      return this;
    }

    public RequestEvent build() {
      return new RequestEvent(this);
    }
  }
}
