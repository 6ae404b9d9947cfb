package io.easnet.cli;

import io.easnet.core.analysis.Intent;
import io.easnet.core.analysis.internal.IntentSyntax;
import io.easnet.core.analysis.Intent.IntentsFile;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.check.NetworkCheck;
import io.easnet.core.model.Inventory;
import io.easnet.core.report.Report;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "doctor", mixinStandardHelpOptions = true,
    description = {"Checks what one service must do on the network: reach RDS, Redis, ECS or an address, reach the"
        + " internet, accept direct calls from ECS clients. Lists every blocker with its code and its fix.",
        "Against a snapshot file, or live (--live --region R, --endpoint URL): live it reads only what each intent"
            + " needs, each resource once."},
    footerHeading = "%nIntents (--to, --from):%n",
    footer = {"  rds:ID[:PORT]  redis:ID[:PORT]  ecs:ID:PORT  ip:ADDR:PORT  internet[:HOST][:PORT]  (--to)",
        "  HOST is a name, an address or a block (203.0.113.0/24); add ?allowlist=A,B when the target admits only",
        "  those addresses (one of the SNAT EIPs must be among them)",
        "  ecs:ID or from:ecs:ID  (--from: an ECS client that calls the service directly)",
        "",
        "Examples:",
        "  eas-net doctor --snapshot examples/snapshot.json --service examples/service-vpc.json \\",
        "      --to rds:rm-bp1x7y2z9a4b6c8d3e5f --to internet",
        "  eas-net doctor --snapshot examples/snapshot.json --name chat_inference \\",
        "      --from ecs:i-bp1h6f8k2m4n7q9s3t5v",
        "  eas-net doctor --snapshot examples/mistakes/estate.json \\",
        "      --service examples/mistakes/no-snat-entry.json --to internet --format html -o doctor.html",
        "  eas-net doctor --snapshot examples/mistakes/estate.json \\",
        "      --intents examples/mistakes/no-snat-entry.intents.json",
        "  eas-net doctor --live --region cn-hangzhou --name chat_inference --to internet",
        "",
        "Exit codes: 0 every path reachable, 1 a blocker or an unreachable path, 2 bad input, 3 cloud or I/O"
            + " failure."})
final class DoctorCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Mixin EstateOptions estate;
  @Mixin ReportOptions report;

  @Option(names = {"-s", "--service"}, paramLabel = "FILE", description = "The service JSON file.")
  Path service;

  @Option(names = "--name", paramLabel = "SERVICE",
      description = "Instead of --service: a service the estate holds, by name (the snapshot's, or live one the"
          + " region runs).")
  String name;

  @Mixin IntentOptions targets;

  @Option(names = "--suppressions", paramLabel = "FILE", description = "A suppressions file.")
  Path suppressions;

  @Override
  public Integer call() {
    report.refuseInputs(estate.snapshot, estate.terraform, service, suppressions, targets.inputs(report.output));
    return report.emit(run(), root);
  }

  Report run() {
    List<ServiceInput> services = new ArrayList<>();
    Path intentsFile = targets.file;
    if (intentsFile != null) {
      services.addAll(targets.fileServices(service != null || name != null, "--service, --name"));
    }
    List<Intent> intents = intentsFile == null ? intents() : List.of();
    if (intentsFile == null && service != null && name != null) {
      throw CliFailure.usage("give either --service FILE or --name SERVICE, not both");
    }
    if (intentsFile == null && service == null && name == null) {
      throw CliFailure.usage("name the service: --service FILE (its service JSON) or --name SERVICE (a service"
          + " the estate holds)");
    }
    Inventory inventory;
    String source;
    try (Estate e = estate.open(root)) {
      source = e.sourceName();
      if (intentsFile == null) {
        ServiceInput.Builder input = service != null ? ServiceInput.fromFile(service)
            : ServiceInput.builder().spec(e.service(name).spec()).sourceName(source);
        intents.forEach(input::addIntent);
        services.add(input.build());
      }
      inventory = e.forIntents(services);
    }
    NetworkCheck.Builder check = NetworkCheck.builder().inventory(inventory, source);
    services.forEach(check::addService);
    if (suppressions != null) {
      check.suppressions(suppressions);
    }
    return check.build().run();
  }

  /** The intents of {@code --to} and {@code --from}: doctor needs at least one. */
  List<Intent> intents() {
    List<Intent> out = targets.intents();
    if (out.isEmpty()) {
      throw CliFailure.usage("say what to check: --to rds:ID, --to internet, --from ecs:ID, or"
          + " --intents FILE (see eas-net doctor --help)");
    }
    return out;
  }
}
