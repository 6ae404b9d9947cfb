package io.easnet.cli;

import io.easnet.core.spi.CloudPort;

/**
 * The one place that opens a live {@link CloudPort}: the Aliyun adapter with the default credential chain, or
 * pointed at {@code endpoint} (the emulator). Every command that talks to the cloud goes through here.
 */
final class LivePort {
  private LivePort() {}

  /**
   * Opens the port.
   *
   * @param region the region, e.g. {@code cn-hangzhou}; may be {@code null} with an endpoint
   * @param endpoint the endpoint for every product (the emulator's), or {@code null} for the regional ones
   * @throws CliFailure with exit code 3 while this build has no Aliyun cloud port
   */
  static CloudPort open(String region, String endpoint) {
    // The Aliyun CloudPort (io.easnet.aliyun.AliyunCloudPort) is wired here when it is merged.
    throw new CliFailure(EasNet.EXIT_CLOUD, "live access is not available in this build: the Aliyun cloud port"
        + " (io.easnet.aliyun.AliyunCloudPort) is not wired into eas-net yet"
        + (endpoint != null ? " (endpoint " + endpoint + ")" : region != null ? " (region " + region + ")" : "")
        + ". Use --snapshot FILE to check offline");
  }
}
