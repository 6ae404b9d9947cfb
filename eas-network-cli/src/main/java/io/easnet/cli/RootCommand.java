package io.easnet.cli;

import java.util.List;
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
  /**
   * The commands under the root, in the order its help lists them ({@code help} follows): the one list both the full
   * command line and the one-command start-up of {@link EasNet#commandLine(String[], Terminal, Map, LivePort.Opener)}
   * are built from. They are added by {@link #command} rather than named in {@code @Command(subcommands = …)}, so
   * that running one command loads (and picocli reflects over) that command's classes only: an offline {@code lint}
   * never loads the emulator's, the adapter's or OkHttp's (BENCHMARKS.md, budget 3).
   */
  static final List<String> COMMANDS = List.of("lint", "resolve", "doctor", "diff", "plan", "apply", "rules", "probe",
      "snapshot", "emulator", "completion");

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

  /**
   * A new instance of the command {@code name} of {@link #COMMANDS}: only this command's class is loaded.
   *
   * @throws IllegalArgumentException for a name not in {@link #COMMANDS}
   */
  static Object command(String name) {
    return switch (name) {
      case "lint" -> new LintCommand();
      case "resolve" -> new ResolveCommand();
      case "doctor" -> new DoctorCommand();
      case "diff" -> new DiffCommand();
      case "plan" -> new PlanCommand();
      case "apply" -> new ApplyCommand();
      case "rules" -> new RulesCommand();
      case "probe" -> new ProbeCommand();
      case "snapshot" -> new SnapshotCommand();
      case "emulator" -> new EmulatorCommand();
      case "completion" -> new CompletionCommand();
      default -> throw new IllegalArgumentException("no command " + name);
    };
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
