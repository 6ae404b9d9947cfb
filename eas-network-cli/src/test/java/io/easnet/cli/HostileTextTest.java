package io.easnet.cli;

import static io.easnet.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A hostile value (a service name, a cloud error, a log line, an argument) holding terminal escape
 * sequences never reaches standard output or standard error raw, whatever path carries it; machine formats keep the
 * value exact, validly escaped.
 */
class HostileTextTest {
  /** Sets the window title, rings the bell and clears the screen when printed raw. */
  static final String EVIL = "evil\u001b]0;owned\u0007\u001b[2J\u009b31m\u202e";

  @TempDir static Path dir;
  static Path estate;
  static Path service;
  static Path intents;
  static Path log;
  static MockWebServer cloud;

  @BeforeAll
  static void files() throws IOException {
    String estateText = Files.readString(Path.of(example("mistakes/estate.json")));
    estate = dir.resolve("estate.json");
    Files.writeString(estate, estateText.replace("\"chat_inference\"", json(EVIL)));
    service = dir.resolve("svc.json");
    Files.writeString(service, Files.readString(Path.of(example("mistakes/no-snat-entry.json")))
        .replace("\"batch_loader\"", json(EVIL)));
    intents = dir.resolve("intents.json");
    Files.writeString(intents, "{\"version\": 1, \"services\": [{\"file\": \"svc.json\", \"intents\": [\"internet\"]}]}");
    log = dir.resolve("instance.log");
    Files.writeString(log, "EASNET-PROBE step=start url=https://" + EVIL + " host=" + EVIL + "\n"
        + "EASNET-PROBE step=curl exit=7 http_status=000\n"
        + "EASNET-PROBE step=error curl: (7) Failed to connect to " + EVIL + "\n");
    cloud = new MockWebServer();
    cloud.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
            .body("{\"Code\": " + json("Forbidden." + EVIL) + ", \"Message\": " + json("denied " + EVIL)
                + ", \"RequestId\": " + json("req-" + EVIL) + "}").build();
      }
    });
    cloud.start();
  }

  @AfterAll
  static void stop() {
    cloud.close();
  }

  private static String json(String s) {
    try {
      return new ObjectMapper().writeValueAsString(s);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<List<String>> paths() {
    String e = "{estate}";
    String s = "{service}";
    return Stream.of(
        List.of("resolve", "--snapshot", e),
        List.of("resolve", "--snapshot", e, "--service", s),
        List.of("plan", "--snapshot", e, "--intents", "{intents}"),
        List.of("lint", "--snapshot", e, "--service", s),
        List.of("lint", "--snapshot", e, "--service", s, "--format", "markdown"),
        List.of("lint", "--snapshot", e, "--service", s, "--format", "html"),
        List.of("doctor", "--snapshot", e, "--service", s, "--to", "internet"),
        List.of("doctor", "--snapshot", e, "--service", s, "--to", "internet", "--format", "markdown"),
        List.of("doctor", "--snapshot", e, "--intents", "{intents}"),
        List.of("doctor", "--snapshot", e, "--name", EVIL, "--to", "internet"),
        List.of("doctor", "--snapshot", e, "--service", s, "--to", EVIL),
        List.of("lint", "--endpoint", "{cloud}", "--vpc", "vpc-bp1kjr3rfyhx01q8z2m5n", "--service", s),
        List.of("lint", "--endpoint", "{cloud}", "--debug", "--vpc", "vpc-bp1kjr3rfyhx01q8z2m5n", "--service", s),
        List.of("probe", "--log", "{log}"),
        List.of("probe", "--url", EVIL),
        List.of("probe", "--image", EVIL),
        List.of("snapshot", "--replay", e, "--vpc", EVIL),
        List.of("lint", "--live", "--region", "cn-hangzhou", "--vpc", EVIL, "--service", s),
        List.of("lint", "--snapshot", e, "--format", EVIL),
        List.of("rules", "--format", EVIL),
        List.of("rules", "explain", EVIL),
        List.of("lint", "--snapshot", e, "--" + EVIL),
        List.of(EVIL),
        List.of("lint", "--snapshot", e, "--service", s, "-o", "{estate}/" + EVIL),
        List.of("lint", "--snapshot", EVIL),
        List.of("lint", "--endpoint", EVIL, "--vpc", "vpc-bp1kjr3rfyhx01q8z2m5n"),
        List.of("apply", "--snapshot", e, EVIL));
  }

  @ParameterizedTest
  @MethodSource("paths")
  void noControlCharacterReachesTheTerminal(List<String> template) throws Exception {
    List<String> args = new ArrayList<>();
    for (String a : template) {
      args.add(a.replace("{estate}", estate.toString()).replace("{service}", service.toString())
          .replace("{intents}", intents.toString()).replace("{log}", log.toString())
          .replace("{cloud}", "http://127.0.0.1:" + cloud.getPort()));
    }
    Cli.Result r = Cli.run(Terminal.none(), Cli.SOME_CREDENTIALS, args.toArray(String[]::new));

    assertThat(r.out() + r.err()).as("the hostile value reached the output: %s", r).contains("owned");
    assertSafe(r.out(), "stdout of " + r);
    assertSafe(r.err(), "stderr of " + r);
  }

  @Test
  void anInteractiveTerminalGetsColourButNoOtherSequence() {
    Cli.Result r = Cli.run(() -> true, Map.of(), "lint", "--snapshot", estate.toString(), "--service",
        service.toString());
    // the report's own colour (a foreground SGR of the severity: the estate's finding is a note or a warning)
    assertThat(r.out()).contains("owned").containsPattern("\u001b\\[3[0-7]m");
    assertThat(r.out()).doesNotContain("\u001b]").doesNotContain("\u001b[2J").doesNotContain("\u0007");
  }

  @Test
  void jsonAndSarifOnStandardOutputKeepTheValueExact() throws Exception {
    Cli.Result json = Cli.run("resolve", "--snapshot", estate.toString(), "--format", "json");
    assertSafe(json.out(), json.toString());
    JsonNode tree = new ObjectMapper().readTree(json.out());
    assertThat(tree.get("services").findValuesAsText("service")).contains(EVIL);

    Cli.Result sarif = Cli.run("lint", "--snapshot", estate.toString(), "--service", service.toString(),
        "--format", "sarif");
    assertSafe(sarif.out(), sarif.toString());
    assertThat(texts(new ObjectMapper().readTree(sarif.out()))).anyMatch(t -> t.contains(EVIL));

    Cli.Result lint = Cli.run("lint", "--snapshot", estate.toString(), "--service", service.toString(),
        "--format", "json");
    assertSafe(lint.out(), lint.toString());
    assertThat(new ObjectMapper().readTree(lint.out()).findValuesAsText("service")).contains(EVIL);
  }

  /** Every string value in a JSON tree. */
  private static List<String> texts(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isTextual()) {
      out.add(node.asText());
    }
    node.forEach(child -> out.addAll(texts(child)));
    return out;
  }

  /** The standalone emulator's echo of its arguments goes through the printer too (out of process: it exits). */
  @Test
  void theEmulatorsArgumentEchoIsEscaped() throws Exception {
    for (List<String> args : List.of(List.of("emulator", "--snapshot", "/nonexistent/" + EVIL),
        List.of("emulator", "--port", EVIL))) {
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), EasNet.class.getName()));
      cmd.addAll(args);
      Path out = dir.resolve("emulator.out");
      Path err = dir.resolve("emulator.err");
      Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String text = Files.readString(out) + Files.readString(err);
      assertThat(p.exitValue()).as(text).isEqualTo(2);
      assertThat(text).contains("owned");
      assertSafe(text, text);
    }
  }

  static void assertSafe(String text, String what) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
          || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
      assertThat(control).as("control character U+%04X at %d in %s", (int) c, i, what).isFalse();
    }
  }
}
