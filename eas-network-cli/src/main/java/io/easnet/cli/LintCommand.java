package io.easnet.cli;

import io.easnet.core.analysis.ServiceInput;
import io.easnet.core.check.NetworkCheck;
import io.easnet.core.json.Snapshot;
import io.easnet.core.report.Report;
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
            + " VPCs the --service files need). Same estate, same output."},
    footerHeading = "%nExamples:%n",
    footer = {"  eas-net lint --snapshot examples/snapshot.json",
        "  eas-net lint --snapshot examples/snapshot.json --service examples/service-vpc.json \\",
        "      --format sarif --output eas-net.sarif",
        "  eas-net lint --snapshot examples/mistakes/estate.json \\",
        "      --service examples/mistakes/vswitch-too-small.json --format html -o report.html",
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

  @Override
  public Integer call() {
    report.refuseInputs(estate.snapshot, services, suppressions);
    return report.emit(run(), root);
  }

  Report run() {
    List<ServiceInput> inputs = new ArrayList<>();
    for (Path p : services) {
      inputs.add(ServiceInput.fromFile(p).build());
    }
    NetworkCheck.Builder check = NetworkCheck.builder();
    try (Estate e = estate.open(root)) {
      Snapshot s = e.forLint(inputs.stream().map(ServiceInput::spec).toList(), estate.vpcOption());
      check.snapshot(s, e.sourceName());
    }
    inputs.forEach(check::addService);
    if (suppressions != null) {
      check.suppressions(suppressions);
    }
    return check.build().run();
  }
}
