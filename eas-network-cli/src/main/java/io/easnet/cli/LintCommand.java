package io.easnet.cli;

import io.easnet.core.analysis.Intent;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.check.NetworkCheck;
import io.easnet.core.json.Snapshot;
import io.easnet.core.internal.SourceNames;
import io.easnet.core.report.Report;
import io.easnet.core.rules.Suppressions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "lint", mixinStandardHelpOptions = true,
    description = {"Runs the rule catalogue (EASNET-NNN) over an estate and service JSON files: wrong VPC,"
        + " missing egress or SNAT, allowlists, vSwitch capacity, shared security groups, public endpoints.",
        "The estate is a snapshot file, or the cloud (--live --region R, --endpoint URL) read as eas-net snapshot"
            + " captures it: the whole region with every EAS service in it (--vpc narrows it to that VPC and the"
            + " VPCs the --service files need). Same estate, same output.",
        "With --intents FILE (or --to/--from for one --service), the paths each service must reach are checked"
            + " too, as eas-net doctor checks them: a CI gate on lint then catches path mistakes."},
    footerHeading = "%nExamples:%n",
    footer = {"  eas-net lint --snapshot examples/snapshot.json",
        "  eas-net lint --snapshot examples/snapshot.json --service examples/service-vpc.json \\",
        "      --format sarif --output eas-net.sarif",
        "  eas-net lint --snapshot examples/mistakes/estate.json \\",
        "      --service examples/mistakes/vswitch-too-small.json --format html -o report.html",
        "  eas-net lint --snapshot examples/mistakes/estate.json \\",
        "      --intents examples/mistakes/no-snat-entry.intents.json",
        "  eas-net lint --snapshot examples/mistakes/estate.json \\",
        "      --service examples/mistakes/wrong-vpc.json --to rds:rm-bp1x7y2z9a4b6c8d3e5f",
        "  eas-net lint --live --region cn-hangzhou",
        "",
        "Exit codes: 0 no blocking finding, 1 blocking findings, 2 bad input, 3 cloud or I/O failure."})
final class LintCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Mixin EstateOptions estate;
  @Mixin ReportOptions report;

  @Option(names = {"-s", "--service"}, paramLabel = "FILE",
      description = "A service JSON file as eascmd create takes it (repeatable).")
  List<Path> services = new ArrayList<>();

  @Option(names = "--suppressions", paramLabel = "FILE", description = "A suppressions file (id, scope, reason,"
      + " expiry).")
  Path suppressions;

  /** What the services must reach, read as doctor reads it: the path rules then check those paths too. */
  @Mixin IntentOptions targets;

  @Option(names = "--base-dir", paramLabel = "DIR", description = "Name files in the report by their path relative"
      + " to DIR, the repository root for code scanning (default: the working directory). SARIF URIs are relative"
      + " to %%SRCROOT%%, which stands for DIR.")
  Path baseDir;

  @Override
  public Integer call() {
    report.refuseInputs(estate.snapshot, estate.terraform, services, suppressions, targets.inputs(report.output));
    return report.emit(run(), root);
  }

  Report run() {
    Path base = baseDir == null ? SourceNames.workingDirectory() : baseDir;
    if (baseDir != null && !Files.isDirectory(baseDir)) {
      throw CliFailure.usage("--base-dir " + baseDir + ": not a directory; pass the repository root");
    }
    List<ServiceInput> inputs = new ArrayList<>();
    if (targets.file != null) {
      inputs.addAll(targets.fileServices(!services.isEmpty(), "--service"));
    } else if (targets.hasTargets() && services.size() != 1) {
      throw CliFailure.usage("--to and --from are what one service must reach: give exactly one --service FILE"
          + " (" + services.size() + " given), or an intents file with --intents FILE for several");
    }
    List<Intent> intents = targets.intents();
    for (Path p : services) {
      ServiceInput.Builder input = ServiceInput.fromFile(p, base);
      intents.forEach(input::addIntent);
      inputs.add(input.build());
    }
    NetworkCheck.Builder check = NetworkCheck.builder();
    try (Estate e = estate.open(root)) {
      Snapshot s = e.forLint(inputs.stream().map(ServiceInput::spec).toList(), estate.vpcOption());
      check.snapshot(s, estate.isLive() ? e.sourceName() : estate.sourceName(base));
    }
    inputs.forEach(check::addService);
    if (suppressions != null) {
      check.suppressions(Suppressions.parse(suppressions, SourceNames.of(suppressions, base)));
    }
    return check.build().run();
  }
}
