package io.easnet.testkit.internal.wire;

import java.util.Objects;

/**
 * An error answered the way Alibaba Cloud answers it: an HTTP status, a {@code Code}, a {@code Message} and, for
 * throttling, a retry-after in milliseconds (header {@code x-acs-retry-after}). Handlers throw it; the dispatcher
 * renders it as {@code {RequestId, HostId, Code, Message, Recommend}}.
 */
public final class AlibabaError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final long retryAfterMillis;

  AlibabaError(int status, String code, String message, long retryAfterMillis) {
    super(message, null, false, false);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an error status is 400 to 599, was " + status);
    }
    if (retryAfterMillis < 0) {
      throw new IllegalArgumentException("retryAfterMillis must be >= 0, was " + retryAfterMillis);
    }
    this.status = status;
    this.code = Objects.requireNonNull(code, "code");
    this.retryAfterMillis = retryAfterMillis;
  }

  /** Any error; {@code status} 400–599. */
  public static AlibabaError of(int status, String code, String message) {
    return new AlibabaError(status, code, message, 0);
  }

  /** Flow control: HTTP 400 with {@code x-acs-retry-after} (milliseconds, as darabonba-openapi reads it). */
  public static AlibabaError throttling(String code, long retryAfterMillis) {
    if (retryAfterMillis <= 0) {
      throw new IllegalArgumentException("a throttling answer carries a positive retry-after, was " + retryAfterMillis);
    }
    return new AlibabaError(400, code, "Request was denied due to user flow control.", retryAfterMillis);
  }

  /** The fake's refusal as the wire answers it; a status outside 400–599 becomes 400. */
  public static AlibabaError refused(String code, String message, int httpStatus, long retryAfterMillis) {
    int status = httpStatus >= 400 && httpStatus <= 599 ? httpStatus : 400;
    return new AlibabaError(status, code, message == null ? "" : message, retryAfterMillis);
  }

  public static AlibabaError missingParameter(String name) {
    return of(400, "MissingParameter",
        "The input parameter \"" + name + "\" that is mandatory for processing this request is not supplied.");
  }

  public static AlibabaError invalidParameter(String message) {
    return of(400, "InvalidParameter", message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public long retryAfterMillis() {
    return retryAfterMillis;
  }

  @Override
  @SuppressWarnings("OverrideThrowableToString") // the message is Alibaba's text; this line adds status and code for logs
  public String toString() {
    return status + " " + code + ": " + getMessage();
  }
}
