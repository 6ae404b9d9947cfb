package io.easnet.cli;

import io.easnet.core.spi.CloudPort;
import picocli.CommandLine.Option;

/**
 * {@code --region} and {@code --endpoint}: where a live estate is read. The one declaration of the two options, their
 * check and the live estate's name, for every command that reads an estate live: {@link EstateOptions} (lint, doctor,
 * plan, apply, resolve) extends it, {@code diff} (its after estate) and {@code snapshot} mix it in.
 */
class LiveOptions {
  @Option(names = "--region", paramLabel = "REGION", description = "The region to read live, e.g. cn-hangzhou.")
  String region;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "Send live calls to this endpoint instead, e.g. the emulator's (it implies a live read).")
  String endpoint;

  /**
   * Checks that a live read without {@code --endpoint} names its region.
   *
   * @param liveOption the option that asked for the live read, for the message ({@code --live}, {@code --after-live})
   * @throws CliFailure exit 2 when the region is missing
   */
  void requireRegion(String liveOption) {
    if (endpoint == null && (region == null || region.isBlank())) {
      throw CliFailure.usage(liveOption + " needs --region REGION, for example --region cn-hangzhou");
    }
  }

  /** The name of the live estate in finding locations: {@code live:ENDPOINT}, else {@code live:REGION}. */
  String liveName() {
    return "live:" + (endpoint != null ? endpoint : region);
  }

  /** Opens the live port of the command of {@code root} (through its {@link LivePort.Opener}). */
  CloudPort openPort(RootCommand root) {
    return root.ports.open(region, endpoint, root.env);
  }
}
