package io.easnet.cli;

import io.easnet.core.analysis.Intent.IntentsFile;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.check.EstateDiff;
import io.easnet.core.check.NetworkCheck;
import io.easnet.core.json.Snapshot;
import io.easnet.core.json.SnapshotJson;
import io.easnet.core.internal.SourceNames;
import io.easnet.core.json.TerraformPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "diff", mixinStandardHelpOptions = true,
    description = {"What a change breaks: analyses every intent and every service path in two estates, before and"
        + " after the change, and lists the verdicts that changed (with the security-group rule, route or SNAT entry"
        + " that changed), the findings that appear and disappear, and the vSwitches that cross a capacity threshold.",
        "The after estate is a snapshot file (--after), the snapshot with a Terraform plan applied (--terraform), or"
            + " the live estate (--after-live --region R, or --endpoint URL). See docs/pull-requests.md."},
    footerHeading = "%nExamples:%n",
    footer = {"  eas-net diff --before examples/snapshot.json \\",
        "      --terraform examples/terraform/remove-egress.plan.json --intents examples/intents.json",
        "  eas-net diff --before current.json --after proposed.json --intents intents.json",
        "  eas-net diff --before current.json --terraform plan.json --intents intents.json \\",
        "      --format markdown -o comment.md",
        "  eas-net diff --before last-week.json --after-live --region cn-hangzhou",
        "",
        "Exit codes: 0 the change breaks nothing, 1 it breaks a path or brings a new error finding, 2 bad input,"
            + " 3 cloud or I/O failure."})
final class DiffCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Mixin ReportOptions report;

  @Option(names = "--before", paramLabel = "FILE", required = true,
      description = "The estate before the change: a snapshot file (eas-net snapshot -o FILE).")
  Path before;

  @Option(names = "--after", paramLabel = "FILE", description = "The estate after the change: a snapshot file.")
  Path after;

  @Option(names = "--terraform", paramLabel = "PLAN_JSON", description = "Instead of --after: a Terraform plan"
      + " (terraform show -json PLANFILE) applied to --before; see docs/terraform.md.")
  Path terraform;

  @Option(names = "--after-live", description = "Instead of --after: the live estate (the whole region, as eas-net"
      + " snapshot captures it), with --region or --endpoint.")
  boolean afterLive;

  /** {@code --region} and {@code --endpoint} of {@code --after-live}: the live options of every command. */
  @Mixin LiveOptions live;

  @Option(names = "--intents", paramLabel = "FILE", description = "The intents file (the one eas-net plan and doctor"
      + " read): every intent of every service in it is analysed on both sides.")
  Path intents;

  @Option(names = {"-s", "--service"}, paramLabel = "FILE",
      description = "A service JSON file checked on both sides without intents (repeatable).")
  List<Path> services = new ArrayList<>();

  /** What a diff without {@code --intents} compares (docs/cli.md): no path has a verdict to compare. */
  static final String FINDINGS_ONLY = "eas-net diff: no --intents FILE, so no path is compared: this diff compares"
      + " findings and vSwitch capacity only; pass --intents FILE to compare what each service must reach.";

  @Override
  public Integer call() {
    report.refuseInputs(before, after, terraform, intents, services);
    EstateDiff diff = run();
    if (intents == null) {
      // on standard error, so that a JSON, SARIF or JUnit report on standard output stays one document
      root.spec.commandLine().getErr().println(FINDINGS_ONLY);
      root.spec.commandLine().getErr().flush();
    }
    report.write(diff.toReport(), root.spec.commandLine().getOut(), root.terminal, root.env);
    return diff.breaks() ? EasNet.EXIT_BLOCKING : EasNet.EXIT_OK;
  }

  EstateDiff run() {
    boolean isLive = afterLive || live.endpoint != null;
    int faces = (after != null ? 1 : 0) + (terraform != null ? 1 : 0) + (isLive ? 1 : 0);
    if (faces != 1) {
      throw CliFailure.usage("name the after estate once: --after FILE, --terraform PLAN_JSON (applied to --before)"
          + " or --after-live --region REGION" + (faces > 1 ? " (" + faces + " given)" : ""));
    }
    if (isLive) {
      live.requireRegion("--after-live");
    }
    if (!isLive && (live.region != null || live.endpoint != null)) {
      throw CliFailure.usage("--region and --endpoint are for --after-live");
    }
    List<ServiceInput> inputs = new ArrayList<>();
    if (intents != null) {
      inputs.addAll(IntentsFile.read(intents).services());
    }
    services.forEach(p -> inputs.add(ServiceInput.fromFile(p).build()));
    Snapshot b = SnapshotJson.read(before);
    String beforeName = SourceNames.of(before);
    Snapshot a;
    String afterName;
    if (after != null) {
      a = SnapshotJson.read(after);
      afterName = SourceNames.of(after);
    } else if (terraform != null) {
      a = TerraformPlan.read(terraform).overlay(b);
      afterName = beforeName + "+" + SourceNames.of(terraform);
    } else {
      afterName = live.liveName();
      try (Estate e = Estate.live(afterName, live.openPort(root), Progress.of(root))) {
        a = e.forLint(inputs.stream().map(ServiceInput::spec).toList(), Optional.empty());
      }
    }
    return EstateDiff.compare(check(b, beforeName, inputs), check(a, afterName, inputs));
  }

  private static NetworkCheck check(Snapshot snapshot, String name, List<ServiceInput> inputs) {
    NetworkCheck.Builder check = NetworkCheck.builder().snapshot(snapshot, name);
    inputs.forEach(check::addService);
    return check.build();
  }
}
