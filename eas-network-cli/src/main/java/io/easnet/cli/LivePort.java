package io.easnet.cli;

import io.easnet.aliyun.AliyunCloudPort;
import io.easnet.aliyun.AliyunOptions;
import io.easnet.aliyun.CredentialsProviders;
import io.easnet.core.spi.CloudPort;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * The one place that opens a live {@link CloudPort}: the Aliyun adapter with the default credential chain, or
 * pointed at {@code endpoint} (the emulator). Every command that talks to the cloud goes through here.
 */
final class LivePort {
  /** The region when only an endpoint is given (the emulator serves one estate, whatever the region). */
  static final String DEFAULT_REGION = "cn-hangzhou";

  private LivePort() {}

  /** Opens the live port of a command: {@link LivePort#open} in production, the fake's port face in tests. */
  @FunctionalInterface
  interface Opener {
    CloudPort open(String region, String endpoint, Map<String, String> env);
  }

  /**
   * Opens the port.
   *
   * @param region the region, e.g. {@code cn-hangzhou}; may be {@code null} with an endpoint
   * @param endpoint the endpoint for every product (the emulator's: {@code http://127.0.0.1:8080} or
   *     {@code 127.0.0.1:8080}), or {@code null} for the regional ones
   * @param env the environment variables the credentials chain reads ({@code ALIBABA_CLOUD_*})
   * @throws CliFailure with exit code 2 for a malformed endpoint or region
   */
  static CloudPort open(String region, String endpoint, Map<String, String> env) {
    String r = region == null || region.isBlank() ? DEFAULT_REGION : region.strip();
    AliyunOptions.Builder options;
    try {
      options = AliyunOptions.builder(r).credentials(CredentialsProviders.defaultChain(env));
      if (endpoint != null) {
        options.endpointOverride(uri(endpoint));
      }
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage((endpoint != null ? "--endpoint " + endpoint : "--region " + r) + ": "
          + e.getMessage());
    }
    return AliyunCloudPort.create(options.build());
  }

  /** {@code host:port} without a scheme is plain HTTP on a loopback address (the emulator), HTTPS otherwise. */
  static URI uri(String endpoint) {
    String e = endpoint.strip();
    if (!e.contains("://")) {
      String host = e.toLowerCase(Locale.ROOT);
      boolean loopback = host.startsWith("127.") || host.startsWith("localhost") || host.startsWith("[::1]");
      e = (loopback ? "http://" : "https://") + e;
    }
    try {
      return new URI(e);
    } catch (URISyntaxException ex) {
      throw new IllegalArgumentException("not a URL (" + ex.getReason() + "); write http://127.0.0.1:PORT for the"
          + " emulator or https://HOST for an endpoint", ex);
    }
  }
}
