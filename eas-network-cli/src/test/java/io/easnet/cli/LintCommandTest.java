package io.easnet.cli;

import static io.easnet.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void healthyEstateExitsZero() {
    Cli.Result r = Cli.run("lint", "--snapshot", example("snapshot.json"), "--service",
        example("service-vpc.json"));
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("0 errors").doesNotContain("\u001b[");
  }

  @Test
  void blockingFindingExitsOne() {
    Cli.Result r = Cli.run("lint", "--snapshot", example("mistakes/estate.json"), "--service",
        example("mistakes/vswitch-too-small.json"));
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).contains("[EASNET-010]").contains("Fix:");
  }

  @Test
  void everyFormatRendersTheSameFindings(@TempDir Path dir) throws Exception {
    String[] base = {"lint", "--snapshot", example("mistakes/estate.json"), "--service",
        example("mistakes/public-oss-endpoint.json")};
    Cli.Result json = Cli.run(concat(base, "--format", "json"));
    JsonNode tree = JSON.readTree(json.out());
    assertThat(tree.path("findings").findValuesAsText("ruleId")).contains("EASNET-021");
    Cli.Result sarif = Cli.run(concat(base, "--format", "sarif"));
    assertThat(JSON.readTree(sarif.out()).path("version").asText()).isEqualTo("2.1.0");
    assertThat(sarif.out()).contains("EASNET-021");
    Cli.Result junit = Cli.run(concat(base, "--format", "junit"));
    assertThat(junit.out()).startsWith("<?xml").contains("<testsuite").contains("EASNET-021");
    Cli.Result md = Cli.run(concat(base, "-f", "md"));
    assertThat(md.out()).startsWith("# ").contains("EASNET-021");
    Path html = dir.resolve("out/report.html");
    Cli.Result h = Cli.run(concat(base, "--format", "html", "--output", html.toString()));
    assertThat(h.out()).isEmpty();
    assertThat(Files.readString(html, StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>")
        .contains("data-rule=\"EASNET-021\"");
    for (Cli.Result r : new Cli.Result[] {json, sarif, junit, md, h}) {
      assertThat(r.code()).as(r.toString()).isZero(); // warnings only
    }
  }

  @Test
  void textIsColouredOnlyOnATerminalWithoutNoColor() {
    String[] args = {"lint", "--snapshot", example("mistakes/estate.json"), "--service",
        example("mistakes/vswitch-too-small.json")};
    assertThat(Cli.run(() -> true, Map.of(), args).out()).contains("\u001b[");
    assertThat(Cli.run(() -> true, Map.of("NO_COLOR", "1"), args).out()).doesNotContain("\u001b[");
  }

  @Test
  void suppressionsAreApplied(@TempDir Path dir) throws Exception {
    Path s = dir.resolve("suppressions.json");
    Files.writeString(s, "{\"suppressions\": [{\"id\": \"EASNET-021\", \"scope\": \"*\", \"reason\": \"models are public\","
        + " \"expires\": \"2999-01-01\"}]}");
    Cli.Result r = Cli.run("lint", "--snapshot", example("mistakes/estate.json"), "--service",
        example("mistakes/public-oss-endpoint.json"), "--suppressions", s.toString());
    assertThat(r.out()).as(r.toString()).doesNotContain("[EASNET-021]");
  }

  static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
