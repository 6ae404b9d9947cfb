package io.easnet.aliyun.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * What the credentials providers share: the environment, the HTTP client, the clock, the nonce source, where
 * warnings go, and (for tests) the ECS metadata address and an STS endpoint override.
 *
 * @param metadataEndpoint the ECS instance metadata service, {@code http://100.100.100.200} in production
 * @param stsEndpointOverride an STS endpoint that replaces the one credentials-java's rules give, or null
 * @param refreshAhead how long before expiry temporary credentials are refreshed at most (15 minutes, the
 *     credentials-java {@code STALE_TIME}); never more than half their lifetime
 */
public record CredentialsContext(Environment environment, OkHttpClient http, Clock clock, Supplier<String> nonces,
    Consumer<String> warnings, URI metadataEndpoint, URI stsEndpointOverride, Duration refreshAhead) {
  public static final URI ECS_METADATA = URI.create("http://100.100.100.200");

  public CredentialsContext {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(nonces, "nonces");
    Objects.requireNonNull(warnings, "warnings");
    Objects.requireNonNull(metadataEndpoint, "metadataEndpoint");
    Objects.requireNonNull(refreshAhead, "refreshAhead");
  }

  Acs3Signer signer() {
    return new Acs3Signer(clock, nonces);
  }

  /** The STS client for a region (credentials-java rules) unless an override is set. */
  StsClient sts(String stsRegion, boolean vpc) {
    URI endpoint = stsEndpointOverride != null ? stsEndpointOverride : StsClient.endpoint(stsRegion, vpc);
    OkHttpClient client = http.newBuilder().connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(10))
        .build();
    return new StsClient(client, endpoint, signer(), clock, nonces);
  }

  /** A session name when none is configured: {@code eas-network-<epoch millis>} (credentials-java uses its name). */
  String defaultSessionName() {
    return environment.variable("ALIBABA_CLOUD_ROLE_SESSION_NAME").orElse("eas-network-" + clock.millis());
  }

  RefreshingCredentialsProvider refreshing(String description, Supplier<io.easnet.aliyun.Credentials> fetch) {
    return new RefreshingCredentialsProvider(description, fetch, clock, refreshAhead);
  }
}
