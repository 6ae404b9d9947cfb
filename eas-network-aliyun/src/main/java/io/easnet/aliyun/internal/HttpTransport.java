package io.easnet.aliyun.internal;

import io.easnet.aliyun.AliyunOptions;
import io.easnet.aliyun.Credentials;
import io.easnet.aliyun.RequestEvent;
import io.easnet.aliyun.RetryPolicy;
import io.easnet.core.CloudServiceException;
import io.easnet.core.EasNetworkException;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends {@link ApiRequest}s: resolves the endpoint, signs every attempt afresh (new date and nonce), reads
 * Alibaba's error JSON into {@link CloudServiceException}, retries per the {@link RetryPolicy} through a
 * Resilience4j {@link Retry} whose context only computes the waits (the sleeping is this instance's
 * {@link Sleeper}, never Resilience4j's static one), and reports one {@link RequestEvent} per HTTP request.
 *
 * <p>The query string goes on the wire exactly as it was signed (sorted, RFC 3986 encoded). OkHttp neither follows
 * redirects (a signed request must not wander) nor retries silently (retries are the policy's). Thread safe.
 */
public final class HttpTransport {
  private static final System.Logger LOG = System.getLogger(HttpTransport.class.getName());
  static final String USER_AGENT = "eas-network (Java " + Runtime.version().feature() + ")";

  private final AliyunOptions options;
  private final OkHttpClient client;
  private final EndpointResolver endpoints;
  private final Acs3Signer signer;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final LongSupplier nanoTime;
  private final Retry retry;

  public HttpTransport(AliyunOptions options, OkHttpClient client, Acs3Signer signer, Sleeper sleeper,
      DoubleSupplier random, LongSupplier nanoTime) {
    this.options = Objects.requireNonNull(options, "options");
    this.client = client.newBuilder()
        .connectTimeout(options.connectTimeout())
        .readTimeout(options.readTimeout())
        .writeTimeout(options.readTimeout())
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(false)
        .build();
    this.endpoints = new EndpointResolver(options.vpcEndpoints(), options.endpointOverrides());
    this.signer = Objects.requireNonNull(signer, "signer");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.random = Objects.requireNonNull(random, "random");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    RetryPolicy policy = options.retryPolicy();
    this.retry = Retry.of("eas-network", RetryConfig.<ApiResponse>custom()
        .maxAttempts(policy.maxAttempts())
        .retryOnException(t -> t instanceof AttemptFailure f && f.retryable)
        .intervalBiFunction((retryNumber, outcome) -> waitMillis(policy, retryNumber, outcome.getLeft()))
        .failAfterMaxAttempts(false)
        .build());
  }

  /** A transport on the system clock, a fresh OkHttp client, random nonces and jitter, and real sleeping. */
  public static HttpTransport create(AliyunOptions options) {
    Random jitter = new SecureRandom();
    return new HttpTransport(options, new OkHttpClient(), Acs3Signer.system(), Sleeper.system(), jitter::nextDouble,
        System::nanoTime);
  }

  /** The configured OkHttp client (for tests: timeouts, no redirects, default host name verification). */
  OkHttpClient client() {
    return client;
  }

  /** Sends the request, retrying as the policy allows; the last failure is thrown. */
  public ApiResponse call(ApiRequest request) {
    Retry.AsyncContext<ApiResponse> context = retry.asyncContext();
    for (int attempt = 1; ; attempt++) {
      try {
        ApiResponse response = once(request, attempt);
        context.onComplete();
        return response;
      } catch (AttemptFailure failure) {
        long waitMillis = context.onError(failure);
        if (waitMillis < 0) {
          throw failure.toThrow(attempt);
        }
        try {
          sleeper.sleep(Duration.ofMillis(waitMillis));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new EasNetworkException(request.qualifiedAction() + " was interrupted while waiting "
              + waitMillis + " ms to retry", e);
        }
      }
    }
  }

  /** The policy's backoff for this retry, or the server's {@code x-acs-retry-after} when that is longer. */
  private static long waitMillis(RetryPolicy policy, int retryNumber, Throwable failure) {
    AttemptFailure f = (AttemptFailure) failure; // the retry predicate admits nothing else
    long backoff = policy.backoff(retryNumber, f.jitterDraw).toMillis();
    return f.retryAfterMillis == null ? backoff : Math.max(backoff, f.retryAfterMillis);
  }

  private ApiResponse once(ApiRequest request, int attempt) {
    String action = request.qualifiedAction();
    Credentials credentials = options.credentials().credentials();
    String region = request.regionId() == null ? options.regionId() : request.regionId();
    EndpointResolver.Endpoint endpoint = endpoints.resolve(request.product(), region);

    Map<String, String> query = request.formBody() ? Map.of() : request.parameters();
    byte[] body = request.formBody() ? formEncode(request.parameters()) : request.body();
    String contentType = request.formBody() ? (body.length == 0 ? null : ApiRequest.FORM) : request.contentType();
    Acs3Signer.Signed signed = signer.sign(new Acs3Signer.Request(request.method(), endpoint.hostHeader(),
        request.encodedPath(), query, request.action(), request.product().apiVersion(), contentType, body),
        credentials);

    String encodedQuery = signed.canonicalRequest().canonicalQueryString();
    HttpUrl url = HttpUrl.get(endpoint.baseUri().toString()).newBuilder()
        .encodedPath(request.encodedPath())
        .encodedQuery(encodedQuery.isEmpty() ? null : encodedQuery)
        .build();
    RequestBody requestBody = body.length > 0 ? RequestBody.create(body, MediaType.get(contentType))
        : request.method().equals("POST") || request.method().equals("PUT") ? RequestBody.create(new byte[0], null)
        : null;
    Request.Builder http = new Request.Builder().url(url).method(request.method(), requestBody)
        .header("accept", "application/json")
        .header("user-agent", USER_AGENT);
    // host comes from the URL and content-type from the body, with the very values that were signed
    signed.headers().forEach((name, value) -> {
      if (!name.equals("host") && !name.equals("content-type")) {
        http.header(name, value);
      }
    });

    RequestEvent.Builder event = RequestEvent.builder(request.product(), action).attempt(attempt);
    long start = nanoTime.getAsLong();
    int status;
    byte[] responseBody;
    String retryAfter;
    String requestIdHeader;
    try (Response response = client.newCall(http.build()).execute()) {
      status = response.code();
      responseBody = response.body().bytes();
      retryAfter = response.header("x-acs-retry-after");
      requestIdHeader = response.header("x-acs-request-id");
    } catch (IOException e) {
      emit(event.outcome(RequestEvent.Outcome.IO_ERROR).duration(since(start)));
      String message = action + " to " + endpoint.baseUri() + " failed: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage());
      throw new AttemptFailure(new EasNetworkException(message, e), request.retrySafe(), null, random.getAsDouble(),
          message);
    }
    event.httpStatus(status).duration(since(start));
    if (status >= 200 && status <= 299) {
      String requestId = ApiResponse.requestIdOf(responseBody, requestIdHeader);
      if (requestId != null) {
        event.requestId(requestId);
      }
      emit(event.outcome(RequestEvent.Outcome.SUCCESS));
      return new ApiResponse(action, status, requestId, responseBody);
    }
    CloudServiceException error = ErrorResponses.toException(action, status, responseBody, retryAfter,
        requestIdHeader);
    error.requestId().ifPresent(event::requestId);
    event.errorCode(error.code());
    Long retryAfterMillis = ErrorResponses.retryAfterMillis(retryAfter).orElse(null);
    boolean retryable;
    switch (error.kind()) {
      case THROTTLED:
        emit(event.outcome(RequestEvent.Outcome.THROTTLED));
        // a throttled request was not executed: safe to repeat; a wait longer than the policy allows is not waited
        retryable = retryAfterMillis == null || retryAfterMillis <= options.retryPolicy().maxBackoff().toMillis();
        break;
      case SERVER_ERROR:
        emit(event.outcome(RequestEvent.Outcome.SERVER_ERROR));
        retryable = request.retrySafe();
        break;
      default:
        emit(event.outcome(RequestEvent.Outcome.CLIENT_ERROR));
        retryable = false;
    }
    throw new AttemptFailure(error, retryable, retryAfterMillis, random.getAsDouble(), error.getMessage());
  }

  private Duration since(long start) {
    return Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - start));
  }

  private void emit(RequestEvent.Builder event) {
    RequestEvent e = event.build();
    try {
      options.requestListener().onRequest(e);
    } catch (RuntimeException listenerFailure) {
      LOG.log(System.Logger.Level.WARNING, "the request listener failed on " + e + ": " + listenerFailure);
    }
  }

  /** {@code application/x-www-form-urlencoded} with RFC 3986 encoding (space as %20, as darabonba's toForm). */
  static byte[] formEncode(Map<String, String> parameters) {
    StringBuilder sb = new StringBuilder();
    parameters.forEach((k, v) -> {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(CanonicalRequest.percentEncode(k)).append('=').append(CanonicalRequest.percentEncode(v));
    });
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One failed attempt, carried through Resilience4j's retry context. */
  static final class AttemptFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient EasNetworkException failure;
    final boolean retryable;
    final Long retryAfterMillis;
    final double jitterDraw;

    AttemptFailure(EasNetworkException failure, boolean retryable, Long retryAfterMillis, double jitterDraw,
        String message) {
      super(message, null, false, false);
      this.failure = failure;
      this.retryable = retryable;
      this.retryAfterMillis = retryAfterMillis;
      this.jitterDraw = jitterDraw;
    }

    EasNetworkException toThrow(int attempts) {
      if (failure instanceof CloudServiceException || attempts == 1) {
        return failure;
      }
      return new EasNetworkException(failure.getMessage() + " (after " + attempts + " attempts)", failure.getCause());
    }
  }
}
