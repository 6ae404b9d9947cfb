package io.easnet.aliyun.internal;

import io.easnet.aliyun.AliyunOptions;
import io.easnet.aliyun.Credentials;
import io.easnet.aliyun.RetryPolicy;
import io.easnet.core.CloudServiceException;
import io.easnet.core.CloudIoException;
import io.easnet.core.CloudTimeoutException;
import io.easnet.core.EasNetworkException;
import io.easnet.core.SigningException;
import io.easnet.core.spi.RequestListener.RequestEvent;
import io.easnet.core.spi.RequestListener;
import io.easnet.core.spi.Sleeper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
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
 * <p>Behind the retries: client-side sliding-window rate limits, one over every action and one per action
 * ({@link SlidingWindowLimiter}; their waits are this instance's sleeper too), one {@link CircuitBreaker} per endpoint
 * (I/O errors, timeouts and server errors count as failures; an open breaker fails fast with a
 * {@link CloudIoException} naming the endpoint and the failure that opened it, without sending), OkHttp's call
 * timeout per attempt ({@link CloudTimeoutException}) and a limit on every response body
 * ({@link AliyunOptions#maxBodyBytes()}). An I/O failure says what happened first ("connection refused at
 * 127.0.0.1:18299"); no message carries a header value (OkHttp's header checks quote the value: they are rewrapped).
 *
 * <p>The query string goes on the wire exactly as it was signed (sorted, RFC 3986 encoded). OkHttp neither follows
 * redirects (a signed request must not wander) nor retries silently (retries are the policy's). Thread safe.
 * {@link #withListener} makes a cheap view sharing connections, credentials, breakers and the rate limiter.
 */
public final class HttpTransport {
  private static final System.Logger LOG = System.getLogger(HttpTransport.class.getName());
  static final String USER_AGENT = "eas-network (Java " + Runtime.version().feature() + ")";
  /** The body of a POST without parameters in its body (RPC): empty, immutable, shared. */
  private static final RequestBody EMPTY_BODY = RequestBody.create(new byte[0], null);

  private final AliyunOptions options;
  private final OkHttpClient client;
  private final EndpointResolver endpoints;
  private final Acs3Signer signer;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final LongSupplier nanoTime;
  private final Retry retry;
  private final Object rateLock;
  private final SlidingWindowLimiter rateLimiter;
  private final ConcurrentMap<String, SlidingWindowLimiter> actionLimiters;
  private final CircuitBreakerConfig breakerConfig;
  private final ConcurrentMap<String, CircuitBreaker> breakers;
  /** The last failure counted by each endpoint's breaker, for the message of an open breaker. */
  private final ConcurrentMap<String, String> lastFailures;
  private final RequestListener listener;
  /** The parsed base URL of each endpoint, by its URI: parsed once, not per request. */
  private final ConcurrentMap<String, HttpUrl> baseUrls;
  /** The pool that sends the independent requests of one call together; shared by the views. */
  private final FanOut fanOut;
  /** False for a view: closing a view closes nothing it shares. */
  private final boolean owner;

  public HttpTransport(AliyunOptions options, OkHttpClient client, Acs3Signer signer, Sleeper sleeper,
      DoubleSupplier random, LongSupplier nanoTime) {
    this(options, client, signer, sleeper, random, nanoTime, Clock.systemUTC());
  }

  /** As above, with the clock the circuit breakers measure their open state by. */
  public HttpTransport(AliyunOptions options, OkHttpClient client, Acs3Signer signer, Sleeper sleeper,
      DoubleSupplier random, LongSupplier nanoTime, Clock clock) {
    this.options = Objects.requireNonNull(options, "options");
    this.client = client.newBuilder()
        .connectTimeout(options.connectTimeout())
        .readTimeout(options.readTimeout())
        .writeTimeout(options.readTimeout())
        .callTimeout(options.callTimeout())
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
    this.rateLock = new Object();
    this.rateLimiter = new SlidingWindowLimiter(options.rateLimitRequests(), options.rateLimitPeriod(), nanoTime);
    this.actionLimiters = new ConcurrentHashMap<>();
    int failures = options.circuitBreakerFailures();
    this.breakerConfig = CircuitBreakerConfig.custom()
        .slidingWindow(failures, failures, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .failureRateThreshold(100.0f)
        .waitDurationInOpenState(options.circuitBreakerOpenFor())
        .permittedNumberOfCallsInHalfOpenState(1)
        .clock(Objects.requireNonNull(clock, "clock"))
        .build();
    this.breakers = new ConcurrentHashMap<>();
    this.lastFailures = new ConcurrentHashMap<>();
    this.listener = options.requestListener();
    this.baseUrls = new ConcurrentHashMap<>();
    // no wait for a request may go longer than one attempt can take without some request finishing
    this.fanOut = new FanOut(options.concurrency(), options.callTimeout().multipliedBy(3)
        .plus(policy.maxBackoff()));
    this.owner = true;
  }

  private HttpTransport(HttpTransport base, RequestListener listener) {
    this.options = base.options;
    this.client = base.client;
    this.endpoints = base.endpoints;
    this.signer = base.signer;
    this.sleeper = base.sleeper;
    this.random = base.random;
    this.nanoTime = base.nanoTime;
    this.retry = base.retry;
    this.rateLock = base.rateLock;
    this.rateLimiter = base.rateLimiter;
    this.actionLimiters = base.actionLimiters;
    this.breakerConfig = base.breakerConfig;
    this.breakers = base.breakers;
    this.lastFailures = base.lastFailures;
    this.listener = listener;
    this.baseUrls = base.baseUrls;
    this.fanOut = base.fanOut;
    this.owner = false;
  }

  /** A transport on the system clock, a fresh OkHttp client, random nonces and jitter, and real sleeping. */
  public static HttpTransport create(AliyunOptions options) {
    Random jitter = new SecureRandom();
    return new HttpTransport(options, new OkHttpClient(), Acs3Signer.system(), Sleeper.system(), jitter::nextDouble,
        System::nanoTime);
  }

  /**
   * A view that tells {@code extra} about every request too (after this transport's own listener); shares the
   * connection pool, credentials, circuit breakers and rate limiter.
   */
  public HttpTransport withListener(RequestListener extra) {
    Objects.requireNonNull(extra, "listener must not be null");
    RequestListener mine = listener;
    return new HttpTransport(this, event -> {
      notify(mine, event);
      notify(extra, event);
    });
  }

  /** The options this transport was made with. */
  public AliyunOptions options() {
    return options;
  }

  /**
   * The results of independent tasks (each sends its own requests through this transport), in their order; the
   * first failure in that order is thrown ({@link FanOut}).
   *
   * @param what the call, for the message of a stalled wait
   */
  <T> List<T> all(String what, List<? extends Supplier<? extends T>> tasks) {
    return fanOut.all(what, tasks);
  }

  FanOut fanOut() {
    return fanOut;
  }

  /**
   * Ends the threads that send a call's independent requests together (running calls finish first, bounded) and
   * closes idle connections. Calls made afterwards send their requests one after the other. A view
   * ({@link #withListener}) closes nothing: its base owns what it shares.
   */
  public void close() {
    if (owner) {
      fanOut.close();
      client.connectionPool().evictAll();
    }
  }

  /** The configured OkHttp client (for tests: timeouts, no redirects, default host name verification). */
  OkHttpClient client() {
    return client;
  }

  /** Sends the request, retrying as the policy allows; the last failure is thrown. */
  public ApiResponse call(ApiRequest request) {
    return call(request, 1);
  }

  /**
   * Sends the request as attempt {@code firstAttempt} and on (a caller that retries by itself, such as the EAS
   * writes, numbers its attempts through), retrying as the policy allows.
   */
  public ApiResponse call(ApiRequest request, int firstAttempt) {
    Retry.AsyncContext<ApiResponse> context = retry.asyncContext();
    for (int attempt = firstAttempt; ; attempt++) {
      try {
        ApiResponse response = once(request, attempt);
        fanOut.progressed();
        context.onComplete();
        return response;
      } catch (AttemptFailure failure) {
        fanOut.progressed();
        long waitMillis = context.onError(failure);
        if (waitMillis < 0) {
          throw failure.toThrow(attempt);
        }
        pause(request.qualifiedAction(), Duration.ofMillis(waitMillis));
      }
    }
  }

  /** The policy's wait before retry number {@code retry} (1 for the wait before the second attempt). */
  public Duration backoff(int retry) {
    return options.retryPolicy().backoff(retry, random.getAsDouble());
  }

  /** Waits on this transport's sleeper; an interrupt fails naming the action. */
  public void pause(String action, Duration wait) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EasNetworkException(action + " was interrupted while waiting " + wait.toMillis()
          + " ms to retry", e);
    }
  }

  /** The policy's backoff for this retry, or the server's {@code x-acs-retry-after} when that is longer. */
  private static long waitMillis(RetryPolicy policy, int retryNumber, Throwable failure) {
    AttemptFailure f = (AttemptFailure) failure; // the retry predicate admits nothing else
    long backoff = policy.backoff(retryNumber, f.jitterDraw).toMillis();
    return f.retryAfterMillis == null ? backoff : Math.max(backoff, f.retryAfterMillis);
  }

  private CircuitBreaker breaker(EndpointResolver.Endpoint endpoint) {
    String key = endpoint.baseUri().toString();
    return breakers.computeIfAbsent(key, k -> CircuitBreaker.of(k, breakerConfig));
  }

  private void acquireRatePermit(String action) {
    AliyunOptions.RateLimit own = options.actionRateLimit(action);
    SlidingWindowLimiter perAction = actionLimiters.computeIfAbsent(action,
        a -> new SlidingWindowLimiter(own.requests(), own.period(), nanoTime));
    long waitNanos = SlidingWindowLimiter.reserveAll(rateLock, nanoTime, options.callTimeout().toNanos(), perAction,
        rateLimiter);
    if (waitNanos < 0) {
      throw CloudTimeoutException.of(action, "a permit of the client-side rate limits (" + own.requests()
          + " requests of " + action + " per " + own.period().toMillis() + " ms, " + options.rateLimitRequests()
          + " requests in all per " + options.rateLimitPeriod().toMillis() + " ms; raise them with "
          + "AliyunOptions.actionRateLimit or AliyunOptions.rateLimit)", options.callTimeout(), null);
    }
    if (waitNanos > 0) {
      pause(action, Duration.ofNanos(waitNanos));
    }
  }

  private ApiResponse once(ApiRequest request, int attempt) {
    String action = request.qualifiedAction();
    Credentials credentials = options.credentials().credentials();
    String region = request.regionId() == null ? options.regionId() : request.regionId();
    EndpointResolver.Endpoint endpoint = endpoints.resolve(request.product(), region);
    CircuitBreaker breaker = breaker(endpoint);
    if (!breaker.tryAcquirePermission()) {
      // fails fast: nothing is sent, no event (no HTTP request was made), no retry
      String last = lastFailures.getOrDefault(breaker.getName(), "failed requests");
      throw new AttemptFailure(CloudIoException.of(action, endpoint.baseUri().toString(), attempt,
          // what happened first (the failure that opened the breaker), then why this request was not sent
          last + "; not sent: the circuit breaker of this endpoint opened after " + options.circuitBreakerFailures()
              + " failures in a row. Requests fail fast for "
              + options.circuitBreakerOpenFor().toSeconds() + " s before one probes the endpoint again; check the "
              + "endpoint and the network (AliyunOptions.circuitBreaker tunes the breaker)", null),
          false, null, 0.0, "circuit open");
    }
    Request httpRequest;
    try {
      acquireRatePermit(action);

      Map<String, String> query = request.formBody() ? Map.of() : request.parameters();
      byte[] body = request.formBody() ? formEncode(request.parameters()) : request.body();
      String contentType = request.formBody() ? (body.length == 0 ? null : ApiRequest.FORM) : request.contentType();
      Acs3Signer.Signed signed = signer.sign(new Acs3Signer.Request(request.method(), endpoint.hostHeader(),
          request.encodedPath(), query, request.action(), request.product().apiVersion(), contentType, body),
          credentials);

      String encodedQuery = signed.canonicalRequest().canonicalQueryString();
      HttpUrl url = baseUrls.computeIfAbsent(endpoint.baseUri().toString(), HttpUrl::get).newBuilder()
          .encodedPath(request.encodedPath())
          .encodedQuery(encodedQuery.isEmpty() ? null : encodedQuery)
          .build();
      RequestBody requestBody = body.length > 0 ? RequestBody.create(body, MediaType.get(contentType))
          : request.method().equals("POST") || request.method().equals("PUT") ? EMPTY_BODY : null;
      // addHeader: the names are distinct (header() would search and remove each name first)
      Request.Builder http = new Request.Builder().url(url).method(request.method(), requestBody)
          .addHeader("accept", "application/json")
          .addHeader("user-agent", USER_AGENT);
      // host comes from the URL and content-type from the body, with the very values that were signed
      for (Map.Entry<String, String> h : signed.headers().entrySet()) {
        if (!h.getKey().equals("host") && !h.getKey().equals("content-type")) {
          try {
            http.addHeader(h.getKey(), h.getValue());
          } catch (IllegalArgumentException badHeader) {
            // OkHttp's header check quotes the value, which may be a security token: never pass its message on
            throw SigningException.of(action, Acs3Signer.ALGORITHM, "the request header " + h.getKey() + " holds a "
                + "character HTTP does not allow at position " + HeaderValues.firstBadIndex(h.getValue())
                + "; the value is withheld from this message. Check the credentials' access key id and security "
                + "token for stray characters", null);
          }
        }
      }
      httpRequest = http.build();
    } catch (RuntimeException notSent) {
      breaker.releasePermission();
      throw notSent;
    }

    RequestEvent.Builder event = RequestEvent.builder().action(action).page(request.page()).attempt(attempt);
    long start = nanoTime.getAsLong();
    int status;
    byte[] responseBody;
    String retryAfter;
    String requestIdHeader;
    try (Response response = client.newCall(httpRequest).execute()) {
      status = response.code();
      responseBody = BoundedBodies.read(response.body(), options.maxBodyBytes(), "the answer (HTTP " + status + ")");
      retryAfter = response.header("x-acs-retry-after");
      requestIdHeader = response.header("x-acs-request-id");
    } catch (BoundedBodies.TooLarge e) {
      // the endpoint answered, but more than any answer may be: not retried (it would answer the same)
      Duration took = since(start);
      breaker.onError(took.toNanos(), TimeUnit.NANOSECONDS, e);
      emit(event.errorCode("BodyTooLarge").httpStatus(0).duration(took));
      String problem = e.getMessage() + " (AliyunOptions.maxBodyBytes); nothing of it was used";
      lastFailures.put(breaker.getName(), problem + " (" + action + ")");
      throw new AttemptFailure(CloudIoException.of(action, endpoint.baseUri().toString(), attempt, problem, null),
          false, null, 0.0, action + " body too large");
    } catch (IOException e) {
      Duration took = since(start);
      breaker.onError(took.toNanos(), TimeUnit.NANOSECONDS, e);
      boolean timeout = e instanceof InterruptedIOException && !(e instanceof java.net.SocketTimeoutException
          && String.valueOf(e.getMessage()).startsWith("connect timed out"));
      emit(event.errorCode(timeout ? "Timeout" : "IoError").httpStatus(0).duration(took));
      String where = endpoint.baseUri().toString();
      String what = IoFailures.describe(e, endpoint.baseUri());
      lastFailures.put(breaker.getName(), what + " (" + action + ")");
      java.util.function.IntFunction<EasNetworkException> failure = timeout
          ? attempts -> CloudTimeoutException.of(action, "the HTTP response from " + where + " (call timeout "
              + options.callTimeout().toMillis() + " ms, read timeout " + options.readTimeout().toMillis()
              + " ms; " + attempts + (attempts == 1 ? " attempt" : " attempts") + ")", took, e)
          : attempts -> CloudIoException.of(action, where, attempts, what, e);
      throw new AttemptFailure(failure, request.retrySafe(), null, random.getAsDouble(), action + " I/O failure");
    }
    Duration took = since(start);
    event.httpStatus(status).duration(took);
    if (status >= 200 && status <= 299) {
      breaker.onSuccess(took.toNanos(), TimeUnit.NANOSECONDS);
      // parsed once: for the request id here, and for the caller (ApiResponse.json)
      com.fasterxml.jackson.databind.JsonNode tree = ApiResponse.parse(responseBody);
      String requestId = ApiResponse.requestIdOf(tree, requestIdHeader);
      if (requestId != null) {
        event.requestId(requestId);
      }
      emit(event);
      return new ApiResponse(action, endpoint.baseUri().toString(), status, requestId, responseBody, tree);
    }
    CloudServiceException error = ErrorResponses.toException(action, status, responseBody, retryAfter,
        requestIdHeader);
    error.requestId().ifPresent(event::requestId);
    event.errorCode(error.code());
    emit(event);
    Long retryAfterMillis = ErrorResponses.retryAfterMillis(retryAfter).orElse(null);
    boolean retryable;
    switch (error.kind()) {
      case THROTTLED:
        breaker.onSuccess(took.toNanos(), TimeUnit.NANOSECONDS);
        // a throttled request was not executed: safe to repeat; a wait longer than the policy allows is not waited
        retryable = retryAfterMillis == null || retryAfterMillis <= options.retryPolicy().maxBackoff().toMillis();
        break;
      case CONFLICT:
        breaker.onSuccess(took.toNanos(), TimeUnit.NANOSECONDS);
        // the resource was busy (IncorrectStatus.*, TaskConflict): the request was refused, not executed, so a
        // repeat after a backoff is safe for every request, EAS writes included
        retryable = true;
        break;
      case SERVER_ERROR:
        breaker.onError(took.toNanos(), TimeUnit.NANOSECONDS, error);
        lastFailures.put(breaker.getName(), "HTTP " + status + " " + error.code() + " (" + action + ")");
        retryable = request.retrySafe();
        break;
      default:
        // the endpoint answered: a refusal is no sign of an unhealthy endpoint
        breaker.onSuccess(took.toNanos(), TimeUnit.NANOSECONDS);
        retryable = false;
    }
    throw new AttemptFailure(error, retryable, retryAfterMillis, random.getAsDouble(), error.getMessage());
  }

  private Duration since(long start) {
    return Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - start));
  }

  private void emit(RequestEvent.Builder event) {
    notify(listener, event.build());
  }

  private static void notify(RequestListener listener, RequestEvent e) {
    try {
      listener.onRequest(e);
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
    /** The failure to throw, given how many attempts were made in all. */
    final transient java.util.function.IntFunction<EasNetworkException> failure;
    final boolean retryable;
    final Long retryAfterMillis;
    final double jitterDraw;

    AttemptFailure(EasNetworkException failure, boolean retryable, Long retryAfterMillis, double jitterDraw,
        String message) {
      this(attempts -> failure, retryable, retryAfterMillis, jitterDraw, message);
    }

    AttemptFailure(java.util.function.IntFunction<EasNetworkException> failure, boolean retryable,
        Long retryAfterMillis, double jitterDraw, String message) {
      super(message, null, false, false);
      this.failure = failure;
      this.retryable = retryable;
      this.retryAfterMillis = retryAfterMillis;
      this.jitterDraw = jitterDraw;
    }

    EasNetworkException toThrow(int attempts) {
      return failure.apply(attempts);
    }
  }
}
