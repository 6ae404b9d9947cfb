package io.easnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An offline {@code eas-net lint} in a fresh JVM loads none of the live side (the Aliyun adapter, OkHttp and
 * Kotlin, Resilience4j), none of the testkit (fake cloud, emulator, MockWebServer) and no other command: what a cold
 * start loads is what it pays for (BENCHMARKS.md, budget 3). It counts the classes the JVM logs as loaded
 * ({@code -Xlog:class+load}); nothing is timed.
 */
class ColdStartClassesTest {
  /** The packages an offline lint must not load. */
  private static final List<String> FORBIDDEN = List.of("io.easnet.aliyun.", "io.easnet.testkit.", "okhttp3.",
      "okio.", "kotlin.", "mockwebserver3.", "io.github.resilience4j.", "org.slf4j.");

  /** A line of {@code -Xlog:class+load}: {@code [0.123s][info][class,load] a.b.C source: …}. */
  private static final Pattern LOADED = Pattern.compile("\\[class,load\\s*\\] (\\S+) source: ");

  static List<Arguments> lints() {
    String estate = Cli.example("mistakes/estate.json");
    return List.of(
        Arguments.of(0, List.of("lint", "--snapshot", estate, "-s", Cli.example("mistakes/no-snat-entry.json"))),
        Arguments.of(0, List.of("lint", "--snapshot", Cli.example("snapshot.json"), "--service",
            Cli.example("service-vpc.json"))),
        Arguments.of(1, List.of("--debug", "lint", "--snapshot", estate, "--intents",
            Cli.example("mistakes/no-snat-entry.intents.json"), "--format", "json")));
  }

  @ParameterizedTest
  @MethodSource("lints")
  void anOfflineLintLoadsNoLiveSideNoTestkitAndNoOtherCommand(int exit, List<String> args, @TempDir Path dir)
      throws IOException, InterruptedException {
    Path log = dir.resolve("classes.log");
    Path out = dir.resolve("out.txt");
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:file=" + log, "-Xshare:auto",
        "-cp", System.getProperty("java.class.path"), EasNet.class.getName()));
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the lint finishes").isTrue();
    String printed = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(printed).isEqualTo(exit);

    List<String> loaded = Files.readAllLines(log, StandardCharsets.UTF_8).stream().map(LOADED::matcher)
        .filter(Matcher::find).map(m -> m.group(1)).toList();
    // the log is the one of this lint: it ran the rule catalogue and reported
    assertThat(loaded).contains("io.easnet.cli.LintCommand", "io.easnet.core.rules.RuleCatalog");
    assertThat(loaded).as("classes of the live side or the testkit")
        .filteredOn(c -> FORBIDDEN.stream().anyMatch(c::startsWith)).isEmpty();
    assertThat(loaded).as("the other commands")
        .filteredOn(c -> c.matches("io\\.easnet\\.cli\\.\\w+Command(\\$.*)?") && !c.startsWith("io.easnet.cli.Lint")
            && !c.startsWith("io.easnet.cli.RootCommand"))
        .isEmpty();
  }
}
