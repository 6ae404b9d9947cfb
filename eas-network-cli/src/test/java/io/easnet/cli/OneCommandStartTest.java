package io.easnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The two start-ups of {@link EasNet#commandLine(String[], Terminal, Map, LivePort.Opener)} are one command line:
 * the root with only the named command (what {@code eas-net lint …} builds, BENCHMARKS.md budget 3) prints the same
 * help and the same errors, with the same exit codes, as the whole command line.
 */
class OneCommandStartTest {
  private static CommandLine whole() {
    return EasNet.commandLine(Terminal.none(), Map.of(), LivePort::open);
  }

  private static CommandLine forArgs(String... args) {
    return EasNet.commandLine(args, Terminal.none(), Map.of(), LivePort::open);
  }

  @Test
  void theWholeCommandLineHasEveryCommandInTheListedOrderThenHelp() {
    List<String> expected = new ArrayList<>(RootCommand.COMMANDS);
    expected.add("help");
    assertThat(whole().getSubcommands().keySet()).containsExactlyElementsOf(expected);
  }

  @Test
  void aNamedCommandStartsAloneWithTheSameHelp() {
    for (String name : RootCommand.COMMANDS) {
      if (name.equals("completion")) {
        continue; // its script describes every command: it gets the whole command line (below)
      }
      CommandLine one = forArgs(name, "--snapshot", "x.json");
      assertThat(one.getSubcommands().keySet()).as(name).containsExactly(name);
      assertThat(one.getSubcommands().get(name).getUsageMessage()).as(name + " --help")
          .isEqualTo(whole().getSubcommands().get(name).getUsageMessage());
      assertThat(forArgs("--debug", name).getSubcommands().keySet()).as("--debug " + name).containsExactly(name);
    }
  }

  @Test
  void anythingElseGetsTheWholeCommandLine() {
    for (String[] args : List.of(new String[0], new String[] {"help", "lint"}, new String[] {"--help", "lint"},
        new String[] {"-V"}, new String[] {"lnt"}, new String[] {"@args.txt"}, new String[] {"--", "lint"},
        new String[] {"--debug", "--help", "lint"}, new String[] {"completion"})) {
      assertThat(forArgs(args).getSubcommands()).as(String.join(" ", args)).hasSize(RootCommand.COMMANDS.size() + 1);
    }
  }

  @Test
  void aCommandRunsAndFailsTheSameEitherWay() {
    String[][] runs = {{"lint", "--no-such-option"}, {"lint"}, {"doctor", "--to"}, {"rules", "list"},
        {"rules", "explain", "EASNET-999"}, {"emulator", "--port", "70000"}, {"diff", "--before"},
        {"completion"}, {"lint", "--snapshot", Cli.example("snapshot.json"), "-s", Cli.example("service-vpc.json")},
        {"resolve", "--snapshot", Cli.example("snapshot.json"), "-s", Cli.example("service-vpc.json")}};
    for (String[] args : runs) {
      String[] one = run(forArgs(args), args);
      assertThat(one).as(String.join(" ", args)).containsExactly(run(whole(), args));
      assertThat(one[2]).as(String.join(" ", args) + " writes something").isNotEmpty();
    }
  }

  /** Exit code, standard output and standard error of {@code args} on {@code cmd}. */
  private static String[] run(CommandLine cmd, String[] args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = EasNet.execute(cmd, args, new PrintWriter(out, true), new PrintWriter(err, true), Terminal.none());
    return new String[] {String.valueOf(code), out.toString(), err.toString() + out};
  }
}
