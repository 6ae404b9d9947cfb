package io.easnet.core.spi;

import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

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

  /**
   * One HTTP request a port implementation made (or, for an in-memory implementation, one request it emulated): a
   * port method that reads three pages makes three requests, and a retried write one request per attempt.
   */
  @Value.Immutable
  public static abstract class RequestEvent {
    RequestEvent() {}

    /** The action, one of {@link CloudActions}. */
    public abstract String action();

    /** The page this request read, from 1; 1 for requests that are not paged. */
    @Value.Default
    public int page() {
      return 1;
    }

    /**
     * The attempt this request was, from 1: a call retried twice reports attempts 1, 2 and 3 (each page of a list
     * counts its own attempts). 1 for requests that were not retried.
     */
    @Value.Default
    public int attempt() {
      return 1;
    }

    /** The {@code RequestId} the cloud answered with, when an answer came. */
    public abstract Optional<String> requestId();

    /** How long the request took. */
    public abstract Duration duration();

    /**
     * The error code of a failed request; empty when it succeeded. A request that got no answer reports a code of the
     * client's: {@code IoError} (connection refused or reset) or {@code Timeout}, with HTTP status 0.
     */
    public abstract Optional<String> errorCode();

    /** The HTTP status, or 0 when no answer came. */
    @Value.Default
    public int httpStatus() {
      return 200;
    }

    /** True when the request succeeded. */
    public final boolean succeeded() {
      return errorCode().isEmpty();
    }

    @Value.Check
    final void check() {
      if (page() < 1) {
        throw new IllegalArgumentException("page must be greater than or equal to 1, was " + page());
      }
      if (attempt() < 1) {
        throw new IllegalArgumentException("attempt must be greater than or equal to 1, was " + attempt());
      }
      if (httpStatus() < 0 || httpStatus() > 599) {
        throw new IllegalArgumentException("httpStatus must be between 0 and 599, was " + httpStatus());
      }
      if (duration().isNegative()) {
        throw new IllegalArgumentException("duration must be >= 0, was " + duration());
      }
    }

    /** A new builder. */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link RequestEvent}. */
    public static final class Builder extends ImmutableRequestEvent.Builder {
      Builder() {}
    }
  }
}
