package io.easnet.cli;

import io.easnet.core.EasNetworkException;
import io.easnet.core.analysis.Intent;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.check.NetworkCheck;
import io.easnet.core.model.Inventory;
import io.easnet.core.report.Report;
import io.easnet.core.resolve.NetworkResolver;
import io.easnet.core.rules.RuleCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "doctor", mixinStandardHelpOptions = true,
    description = {"Checks what one service must do on the network: reach RDS, Redis, ECS or an address, reach the"
        + " internet, accept direct calls from ECS clients. Lists every blocker with its code and its fix.",
        "Against a snapshot file, or live (--live --region R, --endpoint URL): live it reads the service's VPC and"
            + " what each intent needs beyond it, each resource once, and runs the rule catalogue as lint does.",
        "During an incident, --paths-only answers the path verdicts alone: live it reads only the resources the"
            + " paths need (a handful of requests, not the whole VPC) and runs no rules."},
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
        "  eas-net doctor --live --region cn-hangzhou --name chat_inference --to internet --paths-only",
        "",
        "Exit codes: 0 every path reachable, 1 a blocker or an unreachable path, 2 bad input, 3 cloud or I/O"
            + " failure. With --paths-only: 0 every path reachable, 1 a path not reachable (or a service whose"
            + " network cannot be placed), 2 and 3 the same."})
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

  @Option(names = "--paths-only", description = "Only the path verdicts, for an incident: live, read only the"
      + " resources each path needs (the minimal requests) instead of the service's whole VPC; run no rule and no"
      + " capacity check (run without it for those).")
  boolean pathsOnly;

  /** The one line {@code --paths-only} prints on standard error: what it left out and how to get it. */
  static final String PATHS_ONLY_NOTE = "eas-net doctor: --paths-only: path verdicts only; the rule catalogue and"
      + " the IP capacity were not checked (run the same command without --paths-only for every finding)";

  @Override
  public Integer call() {
    report.refuseInputs(estate.snapshot, estate.terraform, service, suppressions, targets.inputs(report.output));
    if (pathsOnly && suppressions != null) {
      throw CliFailure.usage("--suppressions applies to rule findings, and --paths-only runs no rule: drop one of"
          + " them");
    }
    Outcome outcome = run();
    int code = report.emit(outcome.report(), root);
    if (!pathsOnly) {
      return code;
    }
    PrintWriter err = root.spec.commandLine().getErr();
    outcome.unplaced().forEach(err::println);
    err.println(PATHS_ONLY_NOTE);
    err.flush();
    return outcome.unplaced().isEmpty() ? code : EasNet.EXIT_BLOCKING;
  }

  /** The report, and with {@code --paths-only} the lines of {@link #unplaced}. */
  private record Outcome(Report report, List<String> unplaced) {}

  /**
   * With {@code --paths-only}, one line for each service whose network cannot be placed (a partial
   * {@code cloud.networking} block): it has no path result, and no rule runs to report it (EASNET-001), so the
   * resolver's reason is printed and the command exits 1 as the full doctor does for that finding.
   */
  private static List<String> unplaced(List<ServiceInput> services, Inventory inventory, Report result) {
    List<String> out = new ArrayList<>();
    for (ServiceInput s : services) {
      boolean answered = result.pathResults().stream().anyMatch(p -> p.serviceName().equals(s.name()));
      if (s.intents().isEmpty() || answered) {
        continue;
      }
      try {
        NetworkResolver.create().resolve(s.spec(), inventory);
      } catch (EasNetworkException | IllegalArgumentException e) { // as EstateAnalysis keeps it
        out.add("eas-net doctor: service " + s.name() + " cannot be placed on the network, so none of its "
            + s.intents().size() + " path(s) was analysed: " + e.getMessage());
      }
    }
    return out;
  }

  private Outcome run() {
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
      inventory = pathsOnly ? e.forPaths(services) : e.forIntents(services);
    }
    NetworkCheck.Builder check = NetworkCheck.builder().inventory(inventory, source);
    services.forEach(check::addService);
    if (suppressions != null) {
      check.suppressions(suppressions);
    }
    if (!pathsOnly) {
      return new Outcome(check.build().run(), List.of());
    }
    // the same analysis of each intent as the full doctor (NetworkCheck), with no rule and no capacity plan
    Report paths = check.catalog(RuleCatalog.of(List.of())).build().run();
    return new Outcome(Report.builder().from(paths).capacity(Optional.empty()).build(),
        unplaced(services, inventory, paths));
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
