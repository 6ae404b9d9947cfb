package io.easnet.cli;

import io.easnet.core.json.Snapshot;
import io.easnet.core.json.SnapshotJson;
import io.easnet.core.load.InventoryLoader;
import io.easnet.core.load.Question;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.VpcId;
import io.easnet.core.spi.CloudPort;
import io.easnet.core.spi.RequestListener;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the estate comes from: a snapshot file (offline, the default) or the cloud ({@code --live}, or
 * {@code --endpoint} for the emulator).
 */
final class EstateOptions {
  @Option(names = "--snapshot", paramLabel = "FILE",
      description = "The estate snapshot (JSON, schema version 1) to check against, offline.")
  Path snapshot;

  @Option(names = "--live", description = "Read the estate from Alibaba Cloud through the credential chain.")
  boolean live;

  @Option(names = "--region", paramLabel = "REGION", description = "The region for --live, e.g. cn-hangzhou.")
  String region;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "Send live calls to this endpoint instead, e.g. the emulator's (implies --live).")
  String endpoint;

  boolean isLive() {
    return live || endpoint != null;
  }

  /** Checks that exactly one source is named. */
  void validate() {
    if (isLive() && snapshot != null) {
      throw CliFailure.usage("give either --snapshot FILE (offline) or --live/--endpoint, not both");
    }
    if (!isLive() && snapshot == null) {
      throw CliFailure.usage("no estate: pass --snapshot FILE (for example --snapshot examples/snapshot.json),"
          + " or --live --region REGION");
    }
    if (isLive() && endpoint == null && (region == null || region.isBlank())) {
      throw CliFailure.usage("--live needs --region REGION, for example --region cn-hangzhou");
    }
  }

  /** The snapshot, offline; empty when live. */
  Optional<Snapshot> readSnapshot() {
    validate();
    return isLive() ? Optional.empty() : Optional.of(SnapshotJson.read(snapshot));
  }

  /** The name of the estate in finding locations. */
  String sourceName() {
    return isLive() ? "live:" + (endpoint != null ? endpoint : region)
        : snapshot.getFileName().toString();
  }

  @Option(names = "--vpc", paramLabel = "VPC_ID",
      description = "With --live: the VPC to read (by default the VPC the service's cloud.networking names).")
  String vpc;

  /** Reads, live, everything in one VPC through the port and the inventory loader. */
  Inventory loadLive(VpcId vpcId, RequestListener listener, Map<String, String> env) {
    CloudPort port = LivePort.open(region, endpoint, env);
    try (InventoryLoader loader = InventoryLoader.builder().port(port).listener(listener).build()) {
      return loader.load(Question.everything(vpcId));
    }
  }

  /** The VPC to read live: {@code --vpc}, else {@code fallback}. */
  VpcId liveVpc(Optional<VpcId> fallback) {
    if (vpc != null) {
      try {
        return VpcId.of(vpc);
      } catch (IllegalArgumentException e) {
        throw CliFailure.usage("--vpc " + vpc + ": " + e.getMessage());
      }
    }
    return fallback.orElseThrow(() -> CliFailure.usage("--live needs --vpc VPC_ID: the service does not name"
        + " its VPC in cloud.networking.vpc_id"));
  }
}
