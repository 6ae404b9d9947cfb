package io.easnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Help that is wrong is a bug. This walks EVERY command's {@code --help} as a user reads it (the printed text, not
 * the model behind it) and checks that each listed option is accepted, each listed format or image value works on
 * the command's own example, {@code -V} prints the version, and no command's summary in the root list is cut
 * mid-sentence.
 */
class HelpWalkTest {
  /** An option line of a help: {@code "  -f, --format=FORMAT   text, json ..."}. */
  private static final Pattern OPTION = Pattern.compile("^  (?:(-\\w), |    )(--[\\w-]+)(?:=(\\S+))?(?:\\s{2,}(.*))?$");
  /** A list of values in a description: {@code text, json, sarif or html} or {@code text or json}. */
  private static final Pattern VALUES = Pattern.compile("\\b([a-z]+(?:, [a-z]+)* or [a-z]+)\\b");

  /** Every command path under the root, the root's own ({@code []}) first. */
  static List<List<String>> commands() {
    List<List<String>> out = new ArrayList<>();
    walk(EasNet.commandLine(Terminal.none(), Map.of()), new ArrayList<>(), out);
    return out;
  }

  private static void walk(CommandLine cmd, List<String> path, List<List<String>> out) {
    out.add(List.copyOf(path));
    for (Map.Entry<String, CommandLine> e : cmd.getSubcommands().entrySet()) {
      if (e.getValue().getCommandSpec().aliases().length > 0 && !e.getKey().equals(e.getValue().getCommandName())) {
        continue;
      }
      List<String> sub = new ArrayList<>(path);
      sub.add(e.getKey());
      walk(e.getValue(), sub, out);
    }
  }

  /** The options a help text lists, by long name, with their parameter label and joined description. */
  static Map<String, String[]> listedOptions(String help) {
    Map<String, String[]> out = new LinkedHashMap<>();
    String current = null;
    for (String line : help.lines().toList()) {
      if (line.isBlank() || !line.startsWith(" ")) {
        current = null;
        continue;
      }
      Matcher m = OPTION.matcher(line);
      if (m.matches()) {
        current = m.group(2);
        out.put(current, new String[] {m.group(3), m.group(4) == null ? "" : m.group(4).strip()});
      } else if (current != null && line.startsWith("          ")) {
        String[] o = out.get(current);
        o[1] = (o[1] + " " + line.strip()).strip();
      } else {
        current = null;
      }
    }
    return out;
  }

  @Test
  void everyListedOptionIsAcceptedAndEveryListedValueWorks(@TempDir Path dir) throws Exception {
    int checkedValues = 0;
    for (List<String> path : commands()) {
      String name = path.isEmpty() ? "eas-net" : "eas-net " + String.join(" ", path);
      Cli.Result help = Cli.run(args(path, "--help"));
      assertThat(help.code()).as(name + " --help: " + help).isZero();
      Map<String, String[]> options = listedOptions(help.out());
      assertThat(options).as(name + " lists --help").containsKey("--help");
      if (!path.equals(List.of("help"))) { // picocli's help command takes a command name, not -V
        assertThat(options).as(name + " lists --version").containsKey("--version");
      }
      for (Map.Entry<String, String[]> o : options.entrySet()) {
        String option = o.getKey();
        String label = o.getValue()[0];
        String description = o.getValue()[1];
        assertThat(description).as(name + " " + option + " has a description").isNotBlank();
        if (label == null) {
          assertParses(path, name, option);
          continue;
        }
        List<String> values = label.equals("FORMAT") || label.equals("IMAGE") ? values(description) : List.of();
        if (values.isEmpty()) {
          assertThat(label).as(name + " " + option + ": an enumerated option lists its values")
              .isNotIn("FORMAT", "IMAGE");
          assertParses(path, name, option, sample(label));
          continue;
        }
        for (String v : values) {
          assertParses(path, name, option, v);
          runsTheExampleWith(path, name, help.out(), option, v, dir);
          checkedValues++;
        }
      }
    }
    // lint, doctor (6 formats each), resolve and rules (2 each), probe (4 images)
    assertThat(checkedValues).isGreaterThanOrEqualTo(6 * 2 + 2 + 2 + 4);
  }

  @Test
  void dashCapitalVPrintsTheVersionOnEveryCommand() {
    for (List<String> path : commands()) {
      if (path.equals(List.of("help"))) {
        continue;
      }
      Cli.Result r = Cli.run(args(path, "-V"));
      assertThat(r.code()).as(path + " -V: " + r).isZero();
      assertThat(r.out()).as(path + " -V").startsWith("eas-net ").contains("Java ");
      assertThat(Cli.run(args(path, "--version")).out()).as(path + " --version").isEqualTo(r.out());
    }
  }

  /**
   * The root help lists each command with the first paragraph of its description: that paragraph must be whole
   * sentences, not the start of one that the next paragraph continues ("...one marker line per step:").
   */
  @Test
  void noCommandSummaryIsCutMidSentence() {
    for (List<String> path : commands()) {
      String help = Cli.run(args(path, "--help")).out();
      Map<String, String> listed = listedCommands(help);
      CommandLine cmd = EasNet.commandLine(Terminal.none(), Map.of());
      for (String p : path) {
        cmd = cmd.getSubcommands().get(p);
      }
      assertThat(listed.keySet()).as(path + " lists its subcommands").containsAll(cmd.getSubcommands().keySet());
      for (Map.Entry<String, String> e : listed.entrySet()) {
        assertThat(e.getValue()).as(path + " lists " + e.getKey()).matches("(?s).*[.)]$");
      }
      String[] description = cmd.getCommandSpec().usageMessage().description();
      assertThat(description).as(path + " describes itself").isNotEmpty();
      assertThat(description[0].strip()).as(path + "'s first paragraph").matches("(?s).*[.)]$");
    }
  }

  private static Map<String, String> listedCommands(String help) {
    Map<String, String> out = new LinkedHashMap<>();
    boolean in = false;
    String current = null;
    for (String line : help.lines().toList()) {
      if (line.equals("Commands:")) {
        in = true;
        continue;
      }
      if (!in) {
        continue;
      }
      if (line.isBlank() || !line.startsWith("  ")) {
        break;
      }
      Matcher m = Pattern.compile("^  (\\w+)\\s{2,}(.*)$").matcher(line);
      if (m.matches()) {
        current = m.group(1);
        out.put(current, m.group(2).strip());
      } else if (current != null) {
        out.put(current, out.get(current) + " " + line.strip());
      }
    }
    return out;
  }

  private static List<String> values(String description) {
    Matcher m = VALUES.matcher(description);
    if (!m.find()) {
      return List.of();
    }
    return List.of(m.group(1).split(", | or "));
  }

  private static String sample(String label) {
    switch (label) {
      case "URL":
        return "https://example.com";
      case "REGION":
        return "cn-hangzhou";
      case "VPC_ID":
        return "vpc-bp1kjr3rfyhx01q8z2m5n";
      case "NAME=FILE":
        return "svc=service.json";
      case "N", "PORT", "SEED", "BYTES":
        return "1";
      case "RATE":
        return "0.1";
      case "DURATION":
        return "1s";
      default:
        return "x";
    }
  }

  /** The option parses on a fresh command line: picocli neither rejects it nor its value. */
  private static void assertParses(List<String> path, String name, String... option) {
    CommandLine cmd = EasNet.commandLine(Terminal.none(), Map.of());
    try {
      cmd.parseArgs(args(path, option));
    } catch (CommandLine.MissingParameterException e) {
      // a required parameter the walk does not give (rules explain ID): the option itself was accepted
    } catch (CommandLine.ParameterException e) {
      throw new AssertionError(name + " lists " + String.join(" ", option) + " but refuses it: " + e.getMessage(), e);
    }
  }

  /**
   * Runs the command's first example that reads a snapshot (or, for a command with no such example, the command
   * alone) with {@code option value}: a listed value must produce output, not "bad usage".
   */
  private static void runsTheExampleWith(List<String> path, String name, String help, String option, String value,
      Path dir) throws Exception {
    List<String> example = firstOfflineExample(path, help);
    List<String> run = new ArrayList<>(path);
    for (int i = path.size(); i < example.size(); i++) {
      String a = example.get(i);
      if (a.equals("-f") || a.equals("--format") || a.equals("-o") || a.equals("--output") || a.equals(option)) {
        i++;
        continue;
      }
      run.add(a.startsWith("examples/") ? Cli.root().resolve(a).toString() : a);
    }
    run.add(option);
    run.add(value);
    boolean writesFile = option.equals("--format") && help.contains("--output=");
    Path out = dir.resolve(String.join("-", path) + "." + value);
    if (writesFile) {
      run.add("--output");
      run.add(out.toString());
    }
    Cli.Result r = Cli.run(run.toArray(String[]::new));
    assertThat(r.code()).as(name + " lists " + option + " " + value + ": " + run + "\n" + r).isIn(0, 1);
    assertThat(writesFile ? Files.readString(out) : r.out()).as(run.toString()).isNotBlank();
  }

  private static List<String> firstOfflineExample(List<String> path, String help) {
    String prefix = "eas-net " + String.join(" ", path);
    List<String> lines = help.lines().map(String::strip).toList();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).startsWith(prefix + " ") && !lines.get(i).equals(prefix)) {
        continue;
      }
      StringBuilder sb = new StringBuilder(lines.get(i));
      while (sb.toString().endsWith("\\") && i + 1 < lines.size()) {
        sb.setLength(sb.length() - 1);
        sb.append(' ').append(lines.get(++i));
      }
      String text = sb.toString();
      boolean offline = text.contains("--snapshot") || !help.contains("--snapshot=");
      if (offline && !text.contains("--live") && !text.contains("--log") && !text.contains("--url")) {
        List<String> words = new ArrayList<>(List.of(text.split("\\s+")));
        words.remove(0); // eas-net
        return words;
      }
    }
    return path;
  }

  private static String[] args(List<String> path, String... more) {
    List<String> all = new ArrayList<>(path);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
