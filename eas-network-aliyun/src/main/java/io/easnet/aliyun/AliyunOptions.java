package io.easnet.aliyun;

import io.easnet.aliyun.internal.EndpointResolver;
import io.easnet.core.spi.RequestListener;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
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
 * opens after 5 failed requests in a row (I/O errors, timeouts, server errors) and fails fast for 30 s, a client-side
 * rate limit of 20 requests per second (shared by every product; throttling is per account), no listener.
 */
public final class AliyunOptions {
  private static final Pattern REGION = Pattern.compile("[a-z]{2,4}(-[a-z0-9]+){1,4}");

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

  /** How many requests the client sends per {@link #rateLimitPeriod()} at most, over all products. */
  public int rateLimitRequests() {
    return rateLimitRequests;
  }

  /** The period of the client-side rate limit. */
  public Duration rateLimitPeriod() {
    return rateLimitPeriod;
  }

  @Override
  public String toString() {
    return "AliyunOptions{regionId=" + regionId + ", credentials=" + credentials.description() + ", vpcEndpoints="
        + vpcEndpoints + ", endpointOverrides=" + endpointOverrides + ", connectTimeout=" + connectTimeout
        + ", readTimeout=" + readTimeout + ", callTimeout=" + callTimeout + ", retryPolicy=" + retryPolicy
        + ", circuitBreaker=" + circuitBreakerFailures + " failures, open for " + circuitBreakerOpenFor
        + ", rateLimit=" + rateLimitRequests + " per " + rateLimitPeriod + "}";
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
     * Sends at most {@code requests} requests per {@code period} (all products together); a request over the limit
     * waits for the next period, up to the call timeout, and then fails naming the limit.
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
