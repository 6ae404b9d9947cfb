package io.easnet.cli;

import io.easnet.core.json.Snapshot;
import io.easnet.core.json.SnapshotJson;
import io.easnet.core.plan.Applier;
import io.easnet.core.plan.Applier.ApplyResult;
import io.easnet.core.plan.Applier.ChangeResult;
import io.easnet.core.plan.PlannedChange;
import io.easnet.core.plan.Plan;
import io.easnet.core.spi.CloudPort;
import io.easnet.testkit.FakeCloud;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "apply", mixinStandardHelpOptions = true,
    description = "Applies a plan written by eas-net plan, change by change, checking each against the cloud"
        + " first (so applying again after a failure is safe). Offline, --snapshot FILE loads a fake cloud with the"
        + " estate and --write-snapshot FILE saves the estate after the plan; --live or --endpoint changes the"
        + " real cloud (or the emulator).",
    footerHeading = "%nExamples:%n",
    footer = {"  eas-net apply --dry-run --snapshot examples/mistakes/estate.json plan.json",
        "  eas-net apply --snapshot examples/mistakes/estate.json --write-snapshot fixed.json plan.json",
        "  eas-net apply --live --region cn-hangzhou plan.json",
        "",
        "Every change is checked against the estate before the first write (ids exist, references agree), on a"
            + " dry run as on the apply; a plan that records its estate is refused when a fact it depends on"
            + " changed since it was made (--force applies it anyway). A live apply of a plan with billed changes"
            + " asks for confirmation on a terminal; without one it needs --yes.",
        "",
        "Exit codes: 0 every change applied or already in place, 2 bad input (also: the estate drifted from the"
            + " plan's, or billed changes without confirmation or --yes; nothing was changed), 3 a change failed"
            + " in the cloud or does not fit the estate (the others that depend on it are skipped; run apply again"
            + " once fixed)."})
final class ApplyCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Mixin EstateOptions estate;

  @Parameters(paramLabel = "PLAN", description = "The plan JSON file.")
  Path planFile;

  @Option(names = "--dry-run", description = "Say what each change would do; write nothing.")
  boolean dryRun;

  @Option(names = "--write-snapshot", paramLabel = "FILE",
      description = "Offline: write the estate after the plan to this snapshot file.")
  Path writeSnapshot;

  @Option(names = "--service-file", paramLabel = "NAME=FILE",
      description = "The service JSON file a networking change of service NAME writes, instead of the plan's (its"
          + " paths are relative to the plan file); its metadata.name must be NAME (repeatable).")
  Map<String, Path> serviceFiles = new java.util.LinkedHashMap<>();

  @Option(names = "--force", description = "Apply a plan even when the estate's facts it depends on changed since"
      + " it was made (every change is still checked against the estate before the first write).")
  boolean force;

  @Option(names = "--yes", description = "Confirm a live apply that creates billed resources (a NAT gateway, an"
      + " EIP) without asking; needed when there is no terminal to ask on.")
  boolean yes;

  @Override
  public Integer call() {
    Plan plan = Plan.read(planFile);
    if (estate.terraform != null) {
      throw CliFailure.usage("apply changes the estate itself, not a Terraform plan's: leave out --terraform (check"
          + " a plan with eas-net lint or doctor --terraform PLAN_JSON)");
    }
    estate.validate();
    Outputs.refuseInputs("--write-snapshot", writeSnapshot, Outputs.inputs(estate.snapshot, planFile,
        serviceFiles.values(), plan.serviceFiles()));
    if (estate.isLive() && writeSnapshot != null) {
      throw CliFailure.usage("--write-snapshot is for offline runs against --snapshot FILE; live, capture the"
          + " result with eas-net snapshot");
    }
    if (estate.isLive() && !dryRun && plan.billed() && !yes) {
      confirmBilled(plan);
    }
    ApplyResult result;
    if (estate.isLive()) {
      CloudPort port = root.ports.open(estate.region, estate.endpoint, root.env);
      result = run(Applier.builder(port), plan);
    } else {
      Snapshot before = SnapshotJson.read(estate.snapshot);
      try (FakeCloud fake = FakeCloud.create().load(before)) {
        Applier.Builder b = Applier.builder(fake).clock(fake.clock()).sleeper(fake::advance);
        result = run(b, plan);
        if (writeSnapshot != null && !dryRun) {
          SnapshotJson.write(fake.snapshot(), writeSnapshot);
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    for (ChangeResult r : result.results()) {
      sb.append(String.format(Locale.ROOT, "%-17s %s %s: %s", r.status().name(), r.changeId(),
          r.kind().jsonName(), r.message()));
      r.error().ifPresent(e -> sb.append(" [").append(e).append(']'));
      if (!r.outputs().isEmpty()) {
        sb.append(' ').append(r.outputs());
      }
      sb.append('\n');
    }
    sb.append(dryRun ? "Dry run: nothing was changed. " : "").append(result.count(ChangeResult.Status.APPLIED))
        .append(" applied, ").append(result.count(ChangeResult.Status.ALREADY_IN_PLACE)).append(" already in place, ")
        .append(result.count(ChangeResult.Status.WOULD_APPLY)).append(" would apply, ")
        .append(result.count(ChangeResult.Status.FAILED)).append(" failed, ")
        .append(result.count(ChangeResult.Status.SKIPPED)).append(" skipped.");
    if (writeSnapshot != null && !dryRun && estate.snapshot != null) {
      sb.append(" Wrote ").append(writeSnapshot).append('.');
    }
    if (!dryRun && !result.succeeded()) {
      sb.append(billedLeft(plan, result));
    }
    if (!plan.recordsEstate() && !plan.isEmpty()) {
      sb.append("\nNote: the plan records no estate (an older plan version, or made in code): every change was"
          + " checked against the estate, but what changed since planning cannot be named; plan again to record"
          + " it.");
    }
    ReportOptions.writeTo(null, sb.toString(), root.spec.commandLine().getOut());
    return result.succeeded() ? EasNet.EXIT_OK : EasNet.EXIT_CLOUD;
  }

  /**
   * Asks on the terminal before a live apply creates billed resources; refuses (exit 2, nothing changed) when the
   * answer is not yes or there is no terminal to ask on.
   */
  private void confirmBilled(Plan plan) {
    String billed = String.join("; ", plan.changes().stream().filter(PlannedChange::billed)
        .map(c -> c.id() + " " + c.description()).toList());
    if (!root.terminal.interactive()) {
      throw CliFailure.usage("the plan creates billed resources (" + billed + "), and there is no terminal to"
          + " confirm on: pass --yes to apply it; nothing was changed");
    }
    String answer = root.terminal.ask("The plan creates billed resources: " + billed + ". Apply it? [y/N] ");
    if (answer == null || !(answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"))) {
      throw CliFailure.usage("apply not confirmed; nothing was changed (pass --yes to confirm without asking)");
    }
  }

  /**
   * After a failed apply, the billed resources the plan's changes hold (created by this run or an earlier one of the
   * same plan), each with how to release it; empty when there are none.
   */
  private String billedLeft(Plan plan, ApplyResult result) {
    StringBuilder sb = new StringBuilder();
    String region = estate.region == null ? "" : " --RegionId " + estate.region;
    for (ChangeResult r : result.results()) {
      boolean billed = plan.change(r.changeId()).map(PlannedChange::billed).orElse(false);
      if (!billed || !(r.status() == ChangeResult.Status.APPLIED
          || r.status() == ChangeResult.Status.ALREADY_IN_PLACE)) {
        continue;
      }
      String eip = r.outputs().get("eipId");
      String nat = r.outputs().get("natGatewayId");
      if (eip != null) {
        sb.append("\n  EIP ").append(eip).append(" (").append(r.outputs().getOrDefault("ipAddress", "?"))
            .append(", ").append(r.changeId()).append("): release it with aliyun vpc ReleaseEipAddress")
            .append(region).append(" --AllocationId ").append(eip).append(" (unbind it first if bound: aliyun vpc")
            .append(" UnassociateEipAddress").append(region).append(" --AllocationId ").append(eip)
            .append(" --InstanceId ").append(boundTo(plan, result, r.changeId())).append(" --InstanceType Nat)");
      } else if (nat != null) {
        sb.append("\n  NAT gateway ").append(nat).append(" (").append(r.changeId()).append("): release it with")
            .append(" aliyun vpc DeleteNatGateway").append(region).append(" --NatGatewayId ").append(nat)
            .append(" --Force true");
      }
    }
    if (sb.length() == 0) {
      return "";
    }
    return "\nBilled resources the plan created stay billed until released. Run apply again once the failure is"
        + " fixed (it finds and reuses them), or release them:" + sb;
  }

  /** The NAT gateway the plan binds the EIP {@code allocation} allocates to, as applied; a placeholder if unknown. */
  private static String boundTo(Plan plan, ApplyResult result, String allocation) {
    Map<String, String> values = new java.util.HashMap<>();
    result.results().forEach(r -> r.outputs().forEach((k, v) -> values.put("${" + r.changeId() + "." + k + "}", v)));
    for (PlannedChange c : plan.changes()) {
      if (c.kind() == io.easnet.core.change.Change.ChangeKind.BIND_EIP && c.targets().size() == 2
          && c.targets().get(1).equals("${" + allocation + ".eipId}")) {
        String nat = c.targets().get(0);
        return values.getOrDefault(nat, nat.startsWith("${") ? "NAT_GATEWAY_ID" : nat);
      }
    }
    return "NAT_GATEWAY_ID";
  }

  private ApplyResult run(Applier.Builder b, Plan plan) {
    b.force(force);
    serviceFiles.forEach(b::serviceFile);
    Applier applier = b.build();
    return dryRun ? applier.dryRun(plan) : applier.apply(plan);
  }
}
