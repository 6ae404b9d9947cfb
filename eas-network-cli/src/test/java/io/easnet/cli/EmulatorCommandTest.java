package io.easnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.testkit.FakeCloud;
import io.easnet.testkit.FaultPlan;
import io.easnet.testkit.emulator.Emulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code eas-net emulator}: every option of the standalone emulator is a picocli option listed by {@code --help} and
 * does what the help says; the secret is never an argument (environment or file); bad values are refused with the
 * option named and exit code 2, a port in use with 3; and the emulator it starts serves the Aliyun adapter.
 */
class EmulatorCommandTest {
  private static final String AK = "LTAI-emulator-command";
  private static final String SECRET = "emulator-command-secret";
  private static final Map<String, String> ENV = Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", AK,
      "ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET, "ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");

  private final List<Emulator> started = new ArrayList<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @AfterEach
  void stop() {
    started.forEach(Emulator::close);
  }

  /** The command as picocli parses {@code eas-net emulator ARGS}, not yet run. */
  private static EmulatorCommand parse(String... args) {
    CommandLine cmd = EasNet.commandLine(Terminal.none(), ENV);
    CommandLine.ParseResult parsed = cmd.parseArgs(Stream.concat(Stream.of("emulator"), Stream.of(args))
        .toArray(String[]::new));
    return (EmulatorCommand) parsed.subcommand().commandSpec().userObject();
  }

  private Emulator start(Map<String, String> env, String... args) {
    Emulator e = parse(args).start(env, new PrintWriter(out, true), new PrintWriter(err, true));
    started.add(e);
    return e;
  }

  /** The message of the refusal of {@code args}, which must be a usage failure (exit 2). */
  private String refusal(String... args) {
    Throwable t = catchThrowable(() -> start(ENV, args));
    assertThat(t).as("refused: %s", String.join(" ", args)).isInstanceOf(CliFailure.class);
    assertThat(((CliFailure) t).exitCode()).isEqualTo(EasNet.EXIT_USAGE);
    return t.getMessage();
  }

  private static String plan(String text) {
    return FaultPlan.parse(text).toString();
  }

  /** The long options the help lists (the option list, not the description or the examples). */
  private static Set<String> optionsInHelp(String help) {
    Set<String> options = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^\\s+(?:-\\w, )?(--[a-z][a-z-]*)").matcher(help);
    while (m.find()) {
      options.add(m.group(1));
    }
    return options;
  }

  @Test
  void theHelpListsEveryOptionAndEachOneIsAcceptedAndTakesEffect(@TempDir Path dir) throws IOException {
    Cli.Result help = Cli.run("emulator", "--help");
    assertThat(help.code()).isZero();
    FakeCloud source = FakeCloud.create();
    source.estate().vpc("prod", "192.168.0.0/16").vSwitch("eas", "192.168.1.0/24");
    Path snapshot = dir.resolve("estate.json");
    source.save(snapshot);
    String vpcId = source.id(VpcId.class, "prod").value();
    Path secretFile = Files.writeString(dir.resolve("secret.txt"), "file-secret-value\n");
    int freePort;
    try (ServerSocket s = new ServerSocket(0)) {
      freePort = s.getLocalPort();
    }

    // each option: the arguments that try it, and what it must have done
    Map<String, List<String>> tries = new LinkedHashMap<>();
    Map<String, BiConsumer<Emulator, String>> effects = new LinkedHashMap<>();
    tries.put("--port", List.of("--port", Integer.toString(freePort)));
    effects.put("--port", (e, printed) -> assertThat(e.url()).contains(":" + freePort));
    tries.put("--snapshot", List.of("--snapshot", snapshot.toString()));
    effects.put("--snapshot", (e, printed) -> assertThat(e.fake().inventory().vpcs())
        .anyMatch(v -> v.id().value().equals(vpcId)));
    tries.put("--access-key-id", List.of("--access-key-id", "LTAI-given"));
    effects.put("--access-key-id", (e, printed) -> assertThat(printed).contains("access key id: LTAI-given"));
    tries.put("--access-key-secret-file", List.of("--access-key-secret-file", secretFile.toString()));
    effects.put("--access-key-secret-file", (e, printed) -> assertThat(printed)
        .contains("access key secret: the one you gave").doesNotContain("file-secret-value"));
    tries.put("--seed", List.of("--seed", "7"));
    effects.put("--seed", (e, printed) -> assertThat(e.fake().seed()).isEqualTo(7));
    tries.put("--throttling", List.of("--throttling", "0.3"));
    effects.put("--throttling", (e, printed) -> assertThat(e.fake().faults()).hasToString(plan("throttling=0.3")));
    tries.put("--throttling-retry-after", List.of("--throttling", "0.3", "--throttling-retry-after", "2s"));
    effects.put("--throttling-retry-after", (e, printed) -> assertThat(e.fake().faults())
        .hasToString(plan("throttling=0.3/2s")));
    tries.put("--server-errors", List.of("--server-errors", "0.2"));
    effects.put("--server-errors", (e, printed) -> assertThat(e.fake().faults())
        .hasToString(plan("server-error=0.2")));
    tries.put("--conflicts", List.of("--conflicts", "0.1"));
    effects.put("--conflicts", (e, printed) -> assertThat(e.fake().faults()).hasToString(plan("conflict=0.1")));
    tries.put("--latency", List.of("--latency", "250ms"));
    effects.put("--latency", (e, printed) -> assertThat(e.fake().faults()).hasToString(plan("latency=250ms")));
    tries.put("--latency-ms", List.of("--latency-ms", "50"));
    effects.put("--latency-ms", (e, printed) -> assertThat(e.fake().faults()).hasToString(plan("latency=50ms")));
    tries.put("--faults", List.of("--faults", "throttling@vpc:DescribeVpcs=0.3/2s,error:InternalError=0.01"));
    effects.put("--faults", (e, printed) -> assertThat(e.fake().faults())
        .hasToString(plan("throttling@vpc:DescribeVpcs=0.3/2s,error:InternalError=0.01")));
    tries.put("--wire-drop", List.of("--wire-drop", "0.5"));
    effects.put("--wire-drop", (e, printed) -> assertThat(printed).contains("wire drop 0.5"));
    tries.put("--wire-cut", List.of("--wire-cut", "0.25"));
    effects.put("--wire-cut", (e, printed) -> assertThat(printed).contains("wire cut 0.25"));
    tries.put("--max-body-bytes", List.of("--max-body-bytes", "1024"));
    effects.put("--max-body-bytes", (e, printed) -> assertThat(e.url()).isNotBlank());

    Set<String> expected = new TreeSet<>(tries.keySet());
    expected.addAll(List.of("--help", "--version", "--debug")); // standard, and the root's inherited --debug
    assertThat(optionsInHelp(help.out())).as("the options --help lists; each new one needs a try here")
        .isEqualTo(expected);

    for (Map.Entry<String, List<String>> t : tries.entrySet()) {
      out.getBuffer().setLength(0);
      Emulator e = start(ENV, t.getValue().toArray(String[]::new));
      String printed = out.toString();
      assertThat(printed).as(t.getKey()).contains("listening on " + e.url());
      effects.get(t.getKey()).accept(e, printed);
      e.close();
    }
  }

  @Test
  void theHelpNeverOffersTheSecretOnTheCommandLineAndTheCommandRefusesIt() {
    String help = Cli.run("emulator", "--help").out();
    assertThat(help).contains("--access-key-secret-file").contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET")
        .doesNotContainPattern("--access-key-secret(?!-file)");
    Cli.Result given = Cli.run("emulator", "--access-key-secret", SECRET);
    assertThat(given.code()).as(given.toString()).isEqualTo(EasNet.EXIT_USAGE);
    assertThat(given.err()).contains("not taken on the command line").contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET")
        .contains("--access-key-secret-file").doesNotContain(SECRET);
    assertThat(given.out()).doesNotContain(SECRET);
  }

  @Test
  void theEmulatorServesTheAdapterWithTheKeyPairFromTheEnvironmentOrAFile(@TempDir Path dir) throws IOException {
    FakeCloud source = FakeCloud.create();
    source.estate().vpc("prod", "192.168.0.0/16").vSwitch("eas", "192.168.1.0/24");
    Path snapshot = dir.resolve("estate.json");
    source.save(snapshot);
    String vpcId = source.id(VpcId.class, "prod").value();

    Emulator fromEnv = start(ENV, "--snapshot", snapshot.toString());
    Cli.Result read = Cli.run(Terminal.none(), ENV, "snapshot", "--endpoint", fromEnv.endpoint(), "--vpc", vpcId);
    assertThat(read.code()).as(read.toString()).isZero();
    assertThat(read.out()).contains(vpcId);
    assertThat(out.toString()).contains("access key id: " + AK).doesNotContain(SECRET);

    Path secretFile = Files.writeString(dir.resolve("secret"), "from-a-file\n");
    Emulator fromFile = start(ENV, "--snapshot", snapshot.toString(), "--access-key-secret-file",
        secretFile.toString());
    Cli.Result wrongSecret = Cli.run(Terminal.none(), ENV, "snapshot", "--endpoint", fromFile.endpoint(), "--vpc",
        vpcId);
    assertThat(wrongSecret.code()).as("the file's secret, not the environment's, is accepted: %s", wrongSecret)
        .isEqualTo(EasNet.EXIT_CLOUD);
    Map<String, String> fileEnv = new LinkedHashMap<>(ENV);
    fileEnv.put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "from-a-file");
    Cli.Result right = Cli.run(Terminal.none(), fileEnv, "snapshot", "--endpoint", fromFile.endpoint(), "--vpc",
        vpcId);
    assertThat(right.code()).as(right.toString()).isZero();
  }

  @Test
  void withoutASecretOneIsGeneratedAndPrintedOnce() {
    Emulator e = start(Map.of());
    String printed = out.toString();
    assertThat(printed).contains("access key id: " + EmulatorCommand.DEFAULT_ACCESS_KEY_ID);
    String secret = printed.lines().filter(l -> l.trim().startsWith("access key secret: ")).findFirst().orElseThrow()
        .trim().substring("access key secret: ".length()).split(" ")[0];
    assertThat(secret).hasSize(32);
    assertThat(printed.split(secret, -1)).as("printed once").hasSize(2);
    assertThat(String.join("\n", e.log()) + e + err).doesNotContain(secret);
  }

  @Test
  void aFaultFreeEmulatorHasNoFaults() {
    Emulator e = start(ENV);
    assertThat(e.fake().faults().isEmpty()).isTrue();
    assertThat(out.toString()).doesNotContain("faults (seed");
  }

  @Test
  void everyOptionValueIsCheckedNamingTheOptionAndTheAcceptedForm(@TempDir Path dir) throws IOException {
    assertThat(refusal("--throttling", "1.5")).contains("--throttling").contains("probability from 0 to 1");
    assertThat(refusal("--server-errors", "lots")).contains("--server-errors").contains("\"lots\"");
    assertThat(refusal("--conflicts", "-0.1")).contains("--conflicts");
    assertThat(refusal("--wire-drop", "NaN")).contains("--wire-drop");
    assertThat(refusal("--wire-cut", "1e400")).contains("--wire-cut");
    assertThat(refusal("--latency", "5 parsecs")).contains("latency").contains("250ms");
    assertThat(refusal("--latency-ms", "-5")).contains("--latency-ms").contains("0 to 600000");
    assertThat(refusal("--latency", "5ms", "--latency-ms", "5")).contains("not both");
    assertThat(refusal("--throttling-retry-after", "2s")).contains("needs --throttling");
    assertThat(refusal("--throttling", "0.1", "--throttling-retry-after", "0ms")).contains("at least 1 ms");
    assertThat(refusal("--faults", "throttling@vpc:DescribeVcps=0.1")).contains("vpc:DescribeVcps")
        .contains("vpc:DescribeVpcs");
    assertThat(refusal("--faults", "meteor=0.1")).contains("meteor").contains("throttling, server-error");
    assertThat(refusal("--faults", "error:\u001b[2J=0.1")).doesNotContain("\u001b");
    // the three whole-number options share one check (EmulatorCommand.inRange) and one wording
    assertThat(refusal("--max-body-bytes", "-1")).contains("--max-body-bytes takes a number of bytes from 0 to "
        + (Integer.MAX_VALUE - 1) + ", was -1");
    assertThat(refusal("--max-body-bytes", "2147483647")).contains("was 2147483647");
    assertThat(refusal("--port", "70000")).contains("--port takes a number from 0 to 65535, was 70000");
    assertThat(refusal("--port", "-1")).contains("--port takes a number from 0 to 65535, was -1");
    assertThat(refusal("--latency-ms", "600001")).contains("--latency-ms takes a number of milliseconds from 0 to"
        + " 600000, was 600001");
    // a value cannot smuggle in another fault item
    assertThat(refusal("--latency", "5ms,throttling=1")).contains("--latency").contains("one duration");
    assertThat(refusal("--throttling", "0.1", "--throttling-retry-after", "1s/2s"))
        .contains("--throttling-retry-after");
    Path missing = dir.resolve("missing.json");
    assertThat(refusal("--snapshot", missing.toString())).contains(missing.toString()).contains("no such file");
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"schemaVersion\": 1, \"vpcz\": []}");
    assertThat(refusal("--snapshot", bad.toString())).contains(bad.toString()).contains("not a valid snapshot")
        .contains("/vpcz").contains("did you mean");
    Path empty = Files.writeString(dir.resolve("empty-secret"), "  \n");
    assertThat(refusal("--access-key-secret-file", empty.toString())).contains("is empty");
    assertThat(refusal("--access-key-secret-file", dir.resolve("none").toString())).contains("cannot read");

    // what picocli refuses before the command runs: exit 2, the option named, the help pointed at
    for (String[] args : List.of(new String[] {"emulator", "--port", "http"}, new String[] {"emulator", "--port"},
        new String[] {"emulator", "--seed", "seven"}, new String[] {"emulator", "--snapshots", "x.json"})) {
      Cli.Result r = Cli.run(Terminal.none(), ENV, args);
      assertThat(r.code()).as(r.toString()).isEqualTo(EasNet.EXIT_USAGE);
      assertThat(r.err()).contains(args[1]).contains("eas-net emulator --help").doesNotContain(SECRET);
    }
  }

  @Test
  void aPortInUseIsExitCodeThreeNamingThePort() {
    Emulator first = start(ENV);
    int port = Integer.parseInt(first.url().replaceAll(".*:(\\d+)/?$", "$1"));
    Throwable t = catchThrowable(() -> start(ENV, "--port", Integer.toString(port)));
    assertThat(t).isInstanceOf(CliFailure.class).hasMessageContaining("port " + port).hasMessageContaining("--port");
    assertThat(((CliFailure) t).exitCode()).isEqualTo(EasNet.EXIT_CLOUD);
  }
}
