package io.easnet.aliyun;

import io.easnet.aliyun.internal.EndpointResolver;
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
 * <p>Defaults: the default credentials chain, public endpoints, connect timeout 5 s, read timeout 30 s,
 * {@link RetryPolicy#defaults()}, no listener.
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

  private AliyunOptions(Builder b) {
    this.regionId = b.regionId;
    this.credentials = b.credentials == null ? CredentialsProviders.defaultChain() : b.credentials;
    this.vpcEndpoints = b.vpcEndpoints;
    this.endpointOverrides = Collections.unmodifiableMap(new EnumMap<>(b.endpointOverrides));
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.retryPolicy = b.retryPolicy;
    this.requestListener = b.requestListener;
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

  @Override
  public String toString() {
    return "AliyunOptions{regionId=" + regionId + ", credentials=" + credentials.description() + ", vpcEndpoints="
        + vpcEndpoints + ", endpointOverrides=" + endpointOverrides + ", connectTimeout=" + connectTimeout
        + ", readTimeout=" + readTimeout + ", retryPolicy=" + retryPolicy + "}";
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

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = timeout(connectTimeout, "connectTimeout");
      return this;
    }

    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = timeout(readTimeout, "readTimeout");
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
