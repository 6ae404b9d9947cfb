package io.easnet.cli;

import io.easnet.core.json.Snapshot;
import io.easnet.core.json.SnapshotJson;
import io.easnet.core.plan.Applier;
import io.easnet.core.plan.ApplyResult;
import io.easnet.core.plan.ChangeResult;
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
        "Exit codes: 0 every change applied or already in place, 2 bad input, 3 a change failed in the cloud"
            + " (the others that depend on it are skipped; run apply again once fixed)."})
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
    ReportOptions.writeTo(null, sb.toString(), root.spec.commandLine().getOut());
    return result.succeeded() ? EasNet.EXIT_OK : EasNet.EXIT_CLOUD;
  }

  private ApplyResult run(Applier.Builder b, Plan plan) {
    serviceFiles.forEach(b::serviceFile);
    Applier applier = b.build();
    return dryRun ? applier.dryRun(plan) : applier.apply(plan);
  }
}
