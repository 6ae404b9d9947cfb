package io.easnet.cli;

import io.easnet.core.json.Snapshot;
import io.easnet.core.json.SnapshotJson;
import io.easnet.core.json.TerraformPlan;
import io.easnet.core.model.ResourceId.VpcId;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the estate comes from: a snapshot file (offline, the default) or the cloud ({@code --live}, or
 * {@code --endpoint} for the emulator); {@code --region} and {@code --endpoint} are {@link LiveOptions}, shared with
 * {@code diff} and {@code snapshot}.
 */
final class EstateOptions extends LiveOptions {
  @Option(names = "--snapshot", paramLabel = "FILE",
      description = "The estate snapshot (JSON, schema version 1) to check against, offline.")
  Path snapshot;

  @Option(names = "--terraform", paramLabel = "PLAN_JSON", description = "A Terraform plan (terraform show -json"
      + " PLANFILE) overlaid on --snapshot, or alone for a new estate: the estate as it will be after apply. Ids known"
      + " only after apply appear as stand-ins (vsw-known-after-apply-…); see docs/terraform.md.")
  Path terraform;

  @Option(names = "--live", description = "Read the estate from Alibaba Cloud through the credential chain, instead"
      + " of --snapshot: the same meaning and the same output (only finding locations name live:REGION).")
  boolean live;

  boolean isLive() {
    return live || endpoint != null;
  }

  /** Checks that exactly one source is named. */
  void validate() {
    if (isLive() && terraform != null) {
      throw CliFailure.usage("--terraform overlays a plan on a snapshot file (or on nothing, for a new estate):"
          + " capture the live estate first with eas-net snapshot -o current.json, then pass --snapshot current.json");
    }
    if (isLive() && snapshot != null) {
      throw CliFailure.usage("give either --snapshot FILE (offline) or --live/--endpoint, not both");
    }
    if (!isLive() && snapshot == null && terraform == null) {
      throw CliFailure.usage("no estate: pass --snapshot FILE (for example --snapshot examples/snapshot.json),"
          + " or --live --region REGION");
    }
    if (isLive()) {
      requireRegion("--live");
    }
  }

  /** The snapshot, offline; empty when live. */
  Optional<Snapshot> readSnapshot() {
    validate();
    if (isLive()) {
      return Optional.empty();
    }
    if (terraform == null) {
      return Optional.of(SnapshotJson.read(snapshot));
    }
    TerraformPlan plan = TerraformPlan.read(terraform);
    return Optional.of(snapshot == null ? plan.alone() : plan.overlay(SnapshotJson.read(snapshot)));
  }

  /** The name of the estate in finding locations, files named relative to the working directory. */
  String sourceName() {
    return sourceName(Path.of(""));
  }

  /** The name of the estate in finding locations, files named relative to {@code base}. */
  String sourceName(Path base) {
    if (isLive()) {
      return liveName();
    }
    if (terraform == null) {
      return io.easnet.core.internal.SourceNames.of(snapshot, base);
    }
    String plan = io.easnet.core.internal.SourceNames.of(terraform, base);
    return snapshot == null ? plan : io.easnet.core.internal.SourceNames.of(snapshot, base) + "+" + plan;
  }

  @Option(names = "--vpc", paramLabel = "VPC_ID",
      description = "Live: read only this VPC (and the VPCs the given services need) instead of the whole region.")
  String vpc;

  /**
   * The estate the options name, offline or live: the one place both faces come from (see {@link Estate}).
   *
   * @throws CliFailure when no source, or two, are named
   */
  Estate open(RootCommand root) {
    Optional<Snapshot> file = readSnapshot();
    if (file.isPresent() && vpc != null) {
      throw CliFailure.usage("--vpc narrows what is read live; offline the snapshot file is the estate (cut a VPC"
          + " out of it with eas-net snapshot --replay FILE --vpc " + vpc + " -o vpc.json)");
    }
    if (file.isPresent()) {
      return Estate.offline(sourceName(), file.get());
    }
    return Estate.live(sourceName(), openPort(root), Progress.of(root));
  }

  /** The VPC of {@code --vpc}, when given. */
  Optional<VpcId> vpcOption() {
    if (vpc == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(VpcId.of(vpc));
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage("--vpc " + vpc + ": " + e.getMessage());
    }
  }
}
