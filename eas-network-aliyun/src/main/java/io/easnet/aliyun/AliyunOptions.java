package io.easnet.aliyun;

import io.easnet.aliyun.internal.EndpointResolver;
import io.easnet.core.spi.RequestListener;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How the adapter reaches Alibaba Cloud: region, credentials, endpoints, timeouts, retries and the request
 * listener. Each setter checks its value and says what is wrong.
 *
 * <pre>{@code
 * AliyunOptions options = AliyunOptions.builder("cn-hangzhou")
 *     .credentials(CredentialsProviders.defaultChain())
 *     .vpcEndpoints(true)                     // from inside a VPC: vpc-vpc.cn-hangzhou.aliyuncs.com, …
 *     .readTimeout(Duration.ofSeconds(20))
 *     .build();
 * }</pre>
 *
 * <p>Defaults: the default credentials chain, public endpoints, connect timeout 5 s, read timeout 30 s, call timeout
 * 60 s (the whole HTTP exchange of one attempt), {@link RetryPolicy#defaults()}, a circuit breaker per endpoint that
 * opens after 5 failed requests in a row (I/O errors, timeouts, server errors) and fails fast for 30 s, client-side
 * rate limits of 20 requests per second over all actions and 10 requests per second per action (Alibaba Cloud's
 * quotas are per API and region: set a tighter one per action with {@link Builder#actionRateLimit(String, int,
 * Duration)}), response bodies of at most 16 MiB, up to 4 requests of one call in flight together
 * ({@link Builder#concurrency(int)}), no listener.
 *
 * <p>A rate limit is a sliding window: in no interval of one period are more than its number of requests sent (a
 * request over the limit waits, up to the call timeout, for the oldest request of the window to leave it).
 */
public final class AliyunOptions {
  private static final Pattern REGION = Pattern.compile("[a-z]{2,4}(-[a-z0-9]+){1,4}");
  private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]{0,30}:[A-Z][A-Za-z0-9]{0,100}");
  /** The default of {@link #maxBodyBytes()}: 16 MiB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;
  /** The default of {@link #concurrency()}. */
  public static final int DEFAULT_CONCURRENCY = 4;
  /** The most {@link Builder#concurrency(int)} accepts. */
  public static final int MAX_CONCURRENCY = 32;

  private final String regionId;
  private final CredentialsProvider credentials;
  private final boolean vpcEndpoints;
  private final Map<AliyunProduct, URI> endpointOverrides;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final RetryPolicy retryPolicy;
  private final RequestListener requestListener;
  private final Duration callTimeout;
  private final int circuitBreakerFailures;
  private final Duration circuitBreakerOpenFor;
  private final int rateLimitRequests;
  private final Duration rateLimitPeriod;
  private final RateLimit actionRateLimit;
  private final Map<String, RateLimit> actionRateLimits;
  private final long maxBodyBytes;
  private final int concurrency;

  private AliyunOptions(Builder b) {
    this.regionId = b.regionId;
    this.credentials = b.credentials == null ? CredentialsProviders.defaultChain() : b.credentials;
    this.vpcEndpoints = b.vpcEndpoints;
    this.endpointOverrides = Collections.unmodifiableMap(new EnumMap<>(b.endpointOverrides));
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.retryPolicy = b.retryPolicy;
    this.requestListener = b.requestListener;
    this.callTimeout = b.callTimeout;
    this.circuitBreakerFailures = b.circuitBreakerFailures;
    this.circuitBreakerOpenFor = b.circuitBreakerOpenFor;
    this.rateLimitRequests = b.rateLimitRequests;
    this.rateLimitPeriod = b.rateLimitPeriod;
    this.actionRateLimit = b.actionRateLimit;
    this.actionRateLimits = Collections.unmodifiableMap(new TreeMap<>(b.actionRateLimits));
    this.maxBodyBytes = b.maxBodyBytes;
    this.concurrency = b.concurrency;
  }

  /**
   * A client-side rate limit: at most {@code requests} requests in any interval of {@code period}.
   *
   * @param requests at least 1
   * @param period from 1 ms to 10 minutes
   */
  public record RateLimit(int requests, Duration period) {
    public RateLimit {
      if (requests < 1) {
        throw new IllegalArgumentException("a rate limit's requests must be greater than or equal to 1, was "
            + requests);
      }
      Objects.requireNonNull(period, "a rate limit's period must not be null");
      if (period.toMillis() < 1 || period.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new IllegalArgumentException("a rate limit's period must be between 1 ms and 10 minutes, was "
            + period);
      }
    }

    @Override
    public String toString() {
      return requests + " per " + period;
    }
  }

  /** Options for the region, for example {@code cn-hangzhou}; everything else at its default. */
  public static Builder builder(String regionId) {
    return new Builder(regionId);
  }

  public String regionId() {
    return regionId;
  }

  public CredentialsProvider credentials() {
    return credentials;
  }

  /** True when requests go to the VPC-internal endpoints ({@code <product>-vpc.<region>.aliyuncs.com}). */
  public boolean vpcEndpoints() {
    return vpcEndpoints;
  }

  /** Explicit endpoints by product; they win over every rule. */
  public Map<AliyunProduct, URI> endpointOverrides() {
    return endpointOverrides;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration readTimeout() {
    return readTimeout;
  }

  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  public RequestListener requestListener() {
    return requestListener;
  }

  /** The longest one HTTP attempt may take as a whole (connect, send, wait, read). */
  public Duration callTimeout() {
    return callTimeout;
  }

  /** How many failed requests in a row to one endpoint open its circuit breaker. */
  public int circuitBreakerFailures() {
    return circuitBreakerFailures;
  }

  /** How long an open circuit breaker fails requests fast before it lets one through to probe the endpoint. */
  public Duration circuitBreakerOpenFor() {
    return circuitBreakerOpenFor;
  }

  /** How many requests the client sends in any interval of {@link #rateLimitPeriod()} at most, over all actions. */
  public int rateLimitRequests() {
    return rateLimitRequests;
  }

  /** The period of the client-side rate limit. */
  public Duration rateLimitPeriod() {
    return rateLimitPeriod;
  }

  /** The limit of each action that has none of its own ({@link #actionRateLimits()}): 10 per second by default. */
  public RateLimit actionRateLimit() {
    return actionRateLimit;
  }

  /** The limits of single actions ({@code vpc:DescribeVpcs}), by action. */
  public Map<String, RateLimit> actionRateLimits() {
    return actionRateLimits;
  }

  /** The limit of one action ({@code vpc:DescribeVpcs}): its own, else {@link #actionRateLimit()}. */
  public RateLimit actionRateLimit(String action) {
    return actionRateLimits.getOrDefault(action, actionRateLimit);
  }

  /**
   * The most bytes of one response body the adapter reads (16 MiB by default); a longer answer fails as an I/O
   * failure naming the action and this limit, before it can exhaust the heap.
   */
  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * The most requests of one port call in flight together (4 by default; 1 sends them one after the other): the
   * reads of one call that do not depend on each other, such as the attribute, addresses, allowlists and bound
   * groups of an RDS instance, go out together (docs/adapter-concurrency.md).
   */
  public int concurrency() {
    return concurrency;
  }

  @Override
  public String toString() {
    return "AliyunOptions{regionId=" + regionId + ", credentials=" + credentials.description() + ", vpcEndpoints="
        + vpcEndpoints + ", endpointOverrides=" + endpointOverrides + ", connectTimeout=" + connectTimeout
        + ", readTimeout=" + readTimeout + ", callTimeout=" + callTimeout + ", retryPolicy=" + retryPolicy
        + ", circuitBreaker=" + circuitBreakerFailures + " failures, open for " + circuitBreakerOpenFor
        + ", rateLimit=" + rateLimitRequests + " per " + rateLimitPeriod + ", actionRateLimit=" + actionRateLimit
        + (actionRateLimits.isEmpty() ? "" : ", actionRateLimits=" + actionRateLimits) + ", maxBodyBytes="
        + maxBodyBytes + ", concurrency=" + concurrency + "}";
  }

  /** Builds {@link AliyunOptions}. */
  public static final class Builder {
    private final String regionId;
    private CredentialsProvider credentials;
    private boolean vpcEndpoints;
    private final Map<AliyunProduct, URI> endpointOverrides = new EnumMap<>(AliyunProduct.class);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(30);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private RequestListener requestListener = RequestListener.none();
    private Duration callTimeout = Duration.ofSeconds(60);
    private int circuitBreakerFailures = 5;
    private Duration circuitBreakerOpenFor = Duration.ofSeconds(30);
    private int rateLimitRequests = 20;
    private Duration rateLimitPeriod = Duration.ofSeconds(1);
    private RateLimit actionRateLimit = new RateLimit(10, Duration.ofSeconds(1));
    private final Map<String, RateLimit> actionRateLimits = new TreeMap<>();
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private int concurrency = DEFAULT_CONCURRENCY;

    private Builder(String regionId) {
      if (regionId == null || !REGION.matcher(regionId).matches()) {
        throw new IllegalArgumentException("regionId must be an Alibaba Cloud region id such as cn-hangzhou or "
            + "ap-southeast-1, was " + (regionId == null ? "null" : "\"" + regionId + "\""));
      }
      this.regionId = regionId;
    }

    public Builder credentials(CredentialsProvider credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials must not be null");
      return this;
    }

    public Builder vpcEndpoints(boolean vpcEndpoints) {
      this.vpcEndpoints = vpcEndpoints;
      return this;
    }

    /**
     * Sends every request of {@code product} to {@code endpoint}: {@code https://host[:port]}, or
     * {@code http://} to a loopback address (a local emulator).
     */
    public Builder endpointOverride(AliyunProduct product, URI endpoint) {
      endpointOverrides.put(Objects.requireNonNull(product, "product must not be null"),
          EndpointResolver.checkOverride(product, endpoint));
      return this;
    }

    /**
     * Sends every request of every product to {@code endpoint} (a local emulator, {@code http://127.0.0.1:8080}):
     * RPC calls as {@code POST /} with their {@code x-acs-action} and {@code x-acs-version} headers, EAS calls on
     * their {@code /api/v2/...} paths; the {@code host} header is the override's {@code host:port}.
     */
    public Builder endpointOverride(URI endpoint) {
      for (AliyunProduct product : AliyunProduct.values()) {
        if (product != AliyunProduct.STS) {
          endpointOverride(product, endpoint);
        }
      }
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = timeout(connectTimeout, "connectTimeout");
      return this;
    }

    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = timeout(readTimeout, "readTimeout");
      return this;
    }

    /** The longest one HTTP attempt may take as a whole; at least the read timeout makes sense. */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = timeout(callTimeout, "callTimeout");
      return this;
    }

    /**
     * Opens an endpoint's circuit breaker after {@code failuresInARow} failed requests (I/O errors, timeouts, server
     * errors; refusals such as bad parameters do not count) and fails fast for {@code openFor}, then lets one request
     * through to probe.
     */
    public Builder circuitBreaker(int failuresInARow, Duration openFor) {
      if (failuresInARow < 1 || failuresInARow > 100) {
        throw new IllegalArgumentException("circuitBreaker failuresInARow must be between 1 and 100, was "
            + failuresInARow);
      }
      this.circuitBreakerOpenFor = timeout(openFor, "circuitBreaker openFor");
      this.circuitBreakerFailures = failuresInARow;
      return this;
    }

    /**
     * Sends at most {@code requests} requests in any interval of {@code period} (all products and actions together;
     * a sliding window, so no burst of twice the limit around a period boundary); a request over the limit waits for
     * the oldest request of the window to leave it, up to the call timeout, and then fails naming the limit.
     */
    public Builder rateLimit(int requests, Duration period) {
      if (requests < 1) {
        throw new IllegalArgumentException("rateLimit requests must be greater than or equal to 1, was " + requests);
      }
      Duration p = timeout(period, "rateLimit period");
      if (p.toMillis() < 1) {
        throw new IllegalArgumentException("rateLimit period must be at least 1 ms, was " + period);
      }
      this.rateLimitPeriod = p;
      this.rateLimitRequests = requests;
      return this;
    }

    /** The limit of every action that has none of its own: at most {@code requests} per {@code period} each. */
    public Builder actionRateLimit(int requests, Duration period) {
      this.actionRateLimit = new RateLimit(requests, period);
      return this;
    }

    /**
     * The limit of one action, as Alibaba Cloud's Quota Center shows it ("Request Rate: 30/60(s)" is
     * {@code actionRateLimit("vpc:DescribeRouteTableList", 30, Duration.ofMinutes(1))}).
     *
     * @param action {@code product:Action}, e.g. {@code vpc:DescribeVpcs}
     */
    public Builder actionRateLimit(String action, int requests, Duration period) {
      if (action == null || !ACTION.matcher(action).matches()) {
        throw new IllegalArgumentException("action must be product:Action such as vpc:DescribeVpcs, was "
            + (action == null ? "null" : "\"" + action + "\""));
      }
      actionRateLimits.put(action, new RateLimit(requests, period));
      return this;
    }

    /**
     * The most bytes of one response body the adapter reads: from 64 KiB to 256 MiB (the default, 16 MiB, holds the
     * largest page the adapter asks for many times over).
     */
    public Builder maxBodyBytes(long maxBodyBytes) {
      if (maxBodyBytes < 64 * 1024 || maxBodyBytes > 256L * 1024 * 1024) {
        throw new IllegalArgumentException("maxBodyBytes must be between 65536 (64 KiB) and 268435456 (256 MiB), "
            + "was " + maxBodyBytes);
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /**
     * The most requests of one port call in flight together: from 1 (one after the other, as the calls were
     * before) to {@value #MAX_CONCURRENCY}; {@value #DEFAULT_CONCURRENCY} by default. The results, and the failure a
     * call reports, are the same either way; the rate limits apply to every request.
     */
    public Builder concurrency(int concurrency) {
      if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
        throw new IllegalArgumentException("concurrency must be between 1 (one request at a time) and "
            + MAX_CONCURRENCY + ", was " + concurrency);
      }
      this.concurrency = concurrency;
      return this;
    }

    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy must not be null");
      return this;
    }

    public Builder requestListener(RequestListener requestListener) {
      this.requestListener = Objects.requireNonNull(requestListener, "requestListener must not be null");
      return this;
    }

    public AliyunOptions build() {
      if (callTimeout.compareTo(readTimeout) < 0) {
        throw new IllegalArgumentException("callTimeout (" + callTimeout + ") must be greater than or equal to "
            + "readTimeout (" + readTimeout + "): a call that may not outlast its read would always time out first");
      }
      return new AliyunOptions(this);
    }

    private static Duration timeout(Duration d, String name) {
      Objects.requireNonNull(d, () -> name + " must not be null");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      if (d.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new IllegalArgumentException(name + " must be at most 10 minutes, was " + d);
      }
      return d;
    }
  }
}
