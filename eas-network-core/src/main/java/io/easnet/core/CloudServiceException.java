package io.easnet.core;

import java.util.Optional;

/**
 * An error returned by the cloud (or by a fake or emulator of it) for one API action. Carries the action, the error
 * code, the HTTP status, the request id and a {@link Kind} so that callers branch on meaning, not on strings.
 */
public final class CloudServiceException extends EasNetworkException {
  private static final long serialVersionUID = 1L;

  /** What kind of failure the cloud reported. */
  public enum Kind {
    /** The resource does not exist (for example {@code InvalidVSwitchId.NotFound}). */
    NOT_FOUND,
    /** The resource exists already and may not be created twice. */
    ALREADY_EXISTS,
    /** A quota or limit would be exceeded (200 rules per group, 1,000 allowlist entries, …). */
    QUOTA_EXCEEDED,
    /** The request was throttled; retry later, honouring {@link #retryAfterSeconds()} when present. */
    THROTTLED,
    /** The caller lacks permission or the signature was rejected. */
    FORBIDDEN,
    /**
     * The resource is busy: another operation on it is in progress, it is in a transitional state
     * ({@code OperationConflict}, {@code IncorrectStatus.*}, {@code LastTokenProcessing}, …). Retry after a
     * back-off; the request itself is fine.
     */
    CONFLICT,
    /** A parameter was invalid or missing, or the call can never succeed in the resource's current configuration. */
    INVALID_PARAMETER,
    /** A server-side failure ({@code InternalError}, {@code ServiceUnavailable}); retrying may help. */
    SERVER_ERROR
  }

  private final String action;
  private final String code;
  private final Kind kind;
  private final int httpStatus;
  private final String requestId;
  private final Integer retryAfterSeconds;
  private final String recommend;
  private final String hostId;

  private CloudServiceException(Builder b) {
    super(render(b));
    this.action = b.action;
    this.code = b.code;
    this.kind = b.kind;
    this.httpStatus = b.httpStatus;
    this.requestId = b.requestId;
    this.retryAfterSeconds = b.retryAfterSeconds;
    this.recommend = b.recommend;
    this.hostId = b.hostId;
  }

  public static Builder builder(String action, String code, Kind kind) {
    return new Builder(action, code, kind);
  }

  /** The API action that failed, for example {@code AuthorizeSecurityGroup}. */
  public String action() {
    return action;
  }

  /** The cloud's error code, for example {@code InvalidSecurityGroupId.NotFound}. */
  public String code() {
    return code;
  }

  public Kind kind() {
    return kind;
  }

  /**
   * The HTTP status, or 0 when the failure did not come over HTTP. The testkit's fake reports the status the real
   * cloud answers with, so that its in-memory and wire faces agree.
   */
  public int httpStatus() {
    return httpStatus;
  }

  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  public Optional<Integer> retryAfterSeconds() {
    return Optional.ofNullable(retryAfterSeconds);
  }

  /** The error body's {@code Recommend}: a diagnosis URL of Alibaba Cloud's troubleshooting site, when present. */
  public Optional<String> recommend() {
    return Optional.ofNullable(recommend);
  }

  /** The error body's {@code HostId}: the endpoint that answered, when present. */
  public Optional<String> hostId() {
    return Optional.ofNullable(hostId);
  }

  /** True for throttling, conflicts ("busy, try again") and server errors: the failures a retry can cure. */
  public boolean retryable() {
    return kind == Kind.THROTTLED || kind == Kind.CONFLICT || kind == Kind.SERVER_ERROR;
  }

  private static String render(Builder b) {
    StringBuilder sb = new StringBuilder();
    sb.append(b.action).append(" failed: ").append(b.code);
    if (b.message != null && !b.message.isEmpty()) {
      sb.append(": ").append(b.message);
    }
    if (b.httpStatus > 0) {
      sb.append(" (HTTP ").append(b.httpStatus).append(')');
    }
    if (b.requestId != null) {
      sb.append(" [RequestId ").append(b.requestId).append(']');
    }
    if (b.recommend != null) {
      sb.append(" (diagnosis: ").append(b.recommend).append(')');
    }
    return sb.toString();
  }

  /** Builds a {@link CloudServiceException}. */
  public static final class Builder {
    private final String action;
    private final String code;
    private final Kind kind;
    private String message;
    private int httpStatus;
    private String requestId;
    private Integer retryAfterSeconds;
    private String recommend;
    private String hostId;

    private Builder(String action, String code, Kind kind) {
      if (action == null || action.isEmpty()) {
        throw new IllegalArgumentException("action must not be empty");
      }
      if (code == null || code.isEmpty()) {
        throw new IllegalArgumentException("code must not be empty");
      }
      if (kind == null) {
        throw new IllegalArgumentException("kind must not be null");
      }
      this.action = action;
      this.code = code;
      this.kind = kind;
    }

    public Builder message(String message) {
      this.message = message;
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
      this.requestId = requestId;
      return this;
    }

    public Builder retryAfterSeconds(int seconds) {
      if (seconds < 0) {
        throw new IllegalArgumentException("retryAfterSeconds must be >= 0, was " + seconds);
      }
      this.retryAfterSeconds = seconds;
      return this;
    }

    /** The error body's {@code Recommend} (a diagnosis URL); blank values are ignored. */
    public Builder recommend(String recommend) {
      this.recommend = recommend == null || recommend.isBlank() ? null : recommend;
      return this;
    }

    /** The error body's {@code HostId}; blank values are ignored. */
    public Builder hostId(String hostId) {
      this.hostId = hostId == null || hostId.isBlank() ? null : hostId;
      return this;
    }

    public CloudServiceException build() {
      return new CloudServiceException(this);
    }
  }
}
