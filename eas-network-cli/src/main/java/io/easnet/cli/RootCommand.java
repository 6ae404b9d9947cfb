package io.easnet.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(name = "eas-net", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
    description = "Checks, explains and fixes the network of PAI-EAS services: VPC, security groups, NAT/SNAT,"
        + " allowlists and vSwitch capacity. Offline against a snapshot by default; --live asks the cloud.",
    subcommands = {LintCommand.class, ResolveCommand.class, DoctorCommand.class, DiffCommand.class, PlanCommand.class,
        ApplyCommand.class, RulesCommand.class,
        ProbeCommand.class, SnapshotCommand.class, EmulatorCommand.class, CompletionCommand.class,
        CommandLine.HelpCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {"  eas-net doctor --snapshot examples/snapshot.json --service examples/service-vpc.json \\",
        "      --to rds:rm-bp1x7y2z9a4b6c8d3e5f --to internet",
        "  eas-net lint --snapshot examples/snapshot.json --service examples/service-vpc.json \\",
        "      --format html --output report.html",
        "  eas-net rules explain EASNET-033",
        "",
        "Exit codes: 0 no blocking finding, 1 blocking findings or an unreachable path, 2 bad input or usage,"
            + " 3 cloud or I/O failure.",
        "No stack trace is printed unless --debug is given.",
        "Any command that takes --snapshot FILE takes --live --region R or --endpoint URL instead, with the same"
            + " output."})
final class RootCommand implements Runnable {
  final Terminal terminal;
  final Map<String, String> env;

  @Spec CommandSpec spec;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print the stack trace of a failure.")
  boolean debug;

  /** How the commands open a live port (one place: {@link LivePort#open}). */
  final LivePort.Opener ports;

  RootCommand(Terminal terminal, Map<String, String> env) {
    this(terminal, env, LivePort::open);
  }

  RootCommand(Terminal terminal, Map<String, String> env, LivePort.Opener ports) {
    this.terminal = terminal;
    this.env = env;
    this.ports = ports;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command: lint, resolve, doctor, plan, apply,"
        + " rules, probe, snapshot, emulator or completion");
  }

  /** The version from the jar's manifest, as the reports print it. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = java.util.Optional.ofNullable(EasNet.class.getPackage().getImplementationVersion())
          .orElse("development");
      return new String[] {"eas-net " + v, "Java " + System.getProperty("java.version")};
    }
  }
}
