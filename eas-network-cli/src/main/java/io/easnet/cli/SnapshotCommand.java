package io.easnet.cli;

import io.easnet.core.json.Snapshot;
import io.easnet.core.json.SnapshotJson;
import io.easnet.core.load.InventoryLoader;
import io.easnet.core.load.InventoryLoader.Question;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.CloudPort;
import io.easnet.testkit.FakeCloud;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "snapshot", mixinStandardHelpOptions = true,
    description = "Captures an estate (everything in one VPC, or in every VPC of the region without --vpc:"
        + " vSwitches, security groups, NAT, SNAT, EIPs, routes, RDS and Redis allowlists, ECS instances, resource"
        + " groups, the region id and the EAS services (with --vpc, those in that VPC)) into a snapshot file,"
        + " through the cloud port and the inventory loader, so that any command given --snapshot FILE then answers"
        + " as it does live. Progress goes to standard error when it is a terminal.",
    footerHeading = "%nExamples:%n",
    footer = {"  eas-net snapshot --live --region cn-hangzhou -o region.json",
        "  eas-net snapshot --live --region cn-hangzhou --vpc vpc-bp1kjr3rfyhx01q8z2m5n -o estate.json",
        "  eas-net snapshot --endpoint http://127.0.0.1:8080 --vpc vpc-bp1kjr3rfyhx01q8z2m5n -o estate.json",
        "  eas-net snapshot --replay examples/mistakes/estate.json --vpc vpc-bp1stgz3x6c9v2b5n8m4l \\",
        "      -o staging.json",
        "",
        "Exit codes: 0 written, 2 bad input or usage, 3 cloud or I/O failure."})
final class SnapshotCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;

  @Option(names = "--live", description = "Read from Alibaba Cloud through the credential chain.")
  boolean live;

  /** {@code --region} and {@code --endpoint}: the live options of every command. */
  @Mixin LiveOptions where;

  @Option(names = "--replay", paramLabel = "FILE", description = "Offline: read from a fake cloud holding this"
      + " snapshot (to cut one VPC out of a larger estate, or to try the command).")
  Path replay;

  @Option(names = "--vpc", paramLabel = "VPC_ID", description = "The VPC to capture; without it, every VPC of the"
      + " region.")
  String vpc;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the snapshot here instead of"
      + " standard output.")
  Path output;

  @Override
  public Integer call() {
    boolean isLive = live || where.endpoint != null;
    if (isLive == (replay != null)) {
      throw CliFailure.usage("name one source: --live --region REGION, --endpoint URL, or --replay FILE");
    }
    if (isLive) {
      where.requireRegion("--live");
    }
    Outputs.refuseInputs("--output", output, Outputs.inputs(replay));
    CloudPort port;
    FakeCloud fake = null;
    if (isLive) {
      port = where.openPort(root);
    } else {
      Snapshot replayed = SnapshotJson.read(replay);
      fake = FakeCloud.create().load(replayed);
      port = fake;
    }
    try (InventoryLoader loader = InventoryLoader.builder().port(port).listener(Progress.of(root)).build()) {
      Optional<VpcId> vpcId = vpc();
      Snapshot captured = loader.loadSnapshot(vpcId.map(Question::everything).orElseGet(Question::region));
      Inventory inventory = captured.inventory();
      String json = SnapshotJson.toJson(captured);
      ReportOptions.writeTo(output, json, root.spec.commandLine().getOut());
      if (output != null) {
        root.spec.commandLine().getErr().println("eas-net: wrote " + output + " ("
            + vpcId.map(v -> "VPC " + v).orElse(inventory.vpcs().size() + " VPCs") + ", "
            + inventory.vSwitches().size() + " vSwitches, " + inventory.securityGroups().size()
            + " security groups, " + captured.services().size() + " services)");
      }
      return EasNet.EXIT_OK;
    } finally {
      if (fake != null) {
        fake.close();
      }
    }
  }

  private Optional<VpcId> vpc() {
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
