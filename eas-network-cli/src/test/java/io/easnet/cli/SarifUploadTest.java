package io.easnet.cli;

import static io.easnet.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 item 10: a SARIF upload of a lint of {@code examples/} validates against the SARIF 2.1.0 schema (the OASIS
 * copy in eas-network-core's test resources, see SarifReportTest for its source) and meets what GitHub code scanning
 * requires of an upload (docs/cli.md, "SARIF for GitHub code scanning"): repository-relative URIs under
 * {@code %SRCROOT%}, a line and column region, a rule id the driver lists, a message, partial fingerprints, within
 * the size and count limits. Suppressed findings stay, with a {@code suppressions} entry.
 */
class SarifUploadTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws Exception {
    Path file = Cli.root().resolve("eas-network-core/src/test/resources/report/sarif-schema-2.1.0.json");
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(JSON.readTree(file.toFile()),
        config);
  }

  /** Every service file of examples/ (the healthy one and each mistake) against its estate, as one CI gate would. */
  private static List<String> lintOfExamples(String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("lint", "--snapshot", example("mistakes/estate.json"),
        "--base-dir", Cli.root().toString(), "--format", "sarif"));
    try (var files = Files.list(Cli.root().resolve("examples/mistakes"))) {
      for (Path p : files.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.endsWith(".json") && !name.endsWith(".intents.json") && !name.equals("estate.json")) {
          args.add("--service");
          args.add(p.toString());
        }
      }
    }
    args.addAll(List.of(extra));
    return args;
  }

  @Test
  void aLintOfTheExamplesValidatesAndCarriesRegions() throws Exception {
    Cli.Result r = Cli.run(lintOfExamples().toArray(String[]::new));
    assertThat(r.err()).as(r.toString()).isEmpty();
    JsonNode log = JSON.readTree(r.out());
    assertThat(schema.validate(log)).as(r.out()).isEmpty();
    JsonNode results = log.path("runs").get(0).path("results");
    assertThat(results.size()).isGreaterThan(5);
    Set<String> uris = new HashSet<>();
    for (JsonNode result : results) {
      JsonNode physical = result.path("locations").get(0).path("physicalLocation");
      JsonNode artifact = physical.path("artifactLocation");
      String uri = artifact.path("uri").asText();
      assertThat(uri).as(result.toString()).startsWith("examples/mistakes/").doesNotContain("..");
      assertThat(artifact.path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
      assertThat(physical.path("region").path("startLine").asInt()).as(result.toString()).isPositive();
      assertThat(physical.path("region").path("startColumn").asInt()).as(result.toString()).isPositive();
      uris.add(uri);
    }
    assertThat(uris).contains("examples/mistakes/estate.json", "examples/mistakes/public-oss-endpoint.json",
        "examples/mistakes/vswitch-too-small.json");
  }

  @Test
  void eachRegionIsWhereItsPointerSitsInTheFile() throws Exception {
    JsonNode results = JSON.readTree(Cli.run(lintOfExamples().toArray(String[]::new)).out()).path("runs").get(0)
        .path("results");
    int checked = 0;
    for (JsonNode result : results) {
      JsonNode location = result.path("locations").get(0);
      JsonNode physical = location.path("physicalLocation");
      Path file = Cli.root().resolve(physical.path("artifactLocation").path("uri").asText());
      String pointer = location.path("properties").path("jsonPointer").asText();
      if (pointer.isEmpty() || JSON.readTree(file.toFile()).at(pointer).isMissingNode()) {
        continue; // a key the file lacks: its region is its nearest ancestor's
      }
      List<String> lines = Files.readAllLines(file);
      int line = physical.path("region").path("startLine").asInt();
      int column = physical.path("region").path("startColumn").asInt();
      String at = lines.get(line - 1).substring(column - 1);
      String last = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
      if (last.matches("\\d+")) {
        assertThat(at).as(pointer + " in " + file).matches("^[\\[{\"0-9tfn-].*");
      } else {
        assertThat(at).as(pointer + " in " + file).startsWith("\"" + last + "\"");
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(3);
  }

  @Test
  void meetsWhatGithubCodeScanningRequiresOfAnUpload() throws Exception {
    Cli.Result r = Cli.run(lintOfExamples().toArray(String[]::new));
    JsonNode log = JSON.readTree(r.out());
    assertThat(log.path("version").asText()).isEqualTo("2.1.0");
    assertThat(log.path("runs").size()).isBetween(1, 20);
    JsonNode run = log.path("runs").get(0);
    assertThat(run.path("tool").path("driver").path("name").asText()).isNotBlank();
    Set<String> ruleIds = new HashSet<>();
    run.path("tool").path("driver").path("rules").forEach(rule -> ruleIds.add(rule.path("id").asText()));
    assertThat(ruleIds.size()).isLessThanOrEqualTo(25_000);
    assertThat(run.path("results").size()).isLessThanOrEqualTo(25_000);
    for (JsonNode result : run.path("results")) {
      assertThat(ruleIds).contains(result.path("ruleId").asText());
      assertThat(result.path("message").path("text").asText()).isNotBlank();
      assertThat(result.path("locations").size()).isBetween(1, 1000);
      assertThat(result.path("partialFingerprints").size()).isPositive();
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(r.out().getBytes(StandardCharsets.UTF_8));
    }
    assertThat(gz.size()).isLessThan(10 * 1024 * 1024);
  }

  @Test
  void twoFilesOfOneNameInTwoFoldersAreTwoUris(@TempDir Path dir) throws Exception {
    Path a = Files.createDirectories(dir.resolve("team-a")).resolve("service.json");
    Path b = Files.createDirectories(dir.resolve("team-b")).resolve("service.json");
    Files.copy(Path.of(example("mistakes/public-oss-endpoint.json")), a);
    Files.writeString(b, Files.readString(a).replace("\"name\": \"", "\"name\": \"b"));
    Cli.Result r = Cli.run("lint", "--snapshot", example("mistakes/estate.json"), "--service", a.toString(),
        "--service", b.toString(), "--base-dir", dir.toString(), "--format", "sarif");
    Set<String> uris = new HashSet<>();
    JSON.readTree(r.out()).path("runs").get(0).path("results").forEach(res -> uris.add(
        res.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText()));
    assertThat(uris).as(r.out()).contains("team-a/service.json", "team-b/service.json");
    Cli.Result text = Cli.run("lint", "--snapshot", example("mistakes/estate.json"), "--service", a.toString(),
        "--service", b.toString(), "--base-dir", dir.toString());
    assertThat(text.out()).contains("at team-a/service.json:").contains("at team-b/service.json:");
    for (String format : List.of("junit", "markdown")) {
      Cli.Result other = Cli.run("lint", "--snapshot", example("mistakes/estate.json"), "--service", a.toString(),
          "--service", b.toString(), "--base-dir", dir.toString(), "--format", format);
      assertThat(other.out()).as(format).contains("team-a/service.json").contains("team-b/service.json");
    }
  }

  @Test
  void suppressedFindingsAreResultsWithASuppression(@TempDir Path dir) throws Exception {
    Path s = dir.resolve("suppressions.json");
    Files.writeString(s, "{\"suppressions\": [{\"id\": \"EASNET-021\", \"scope\": \"*\", \"reason\": \"models are"
        + " public\", \"expires\": \"2999-01-01\"}]}");
    Cli.Result r = Cli.run("lint", "--snapshot", example("mistakes/estate.json"), "--service",
        example("mistakes/public-oss-endpoint.json"), "--suppressions", s.toString(), "--base-dir",
        Cli.root().toString(), "--format", "sarif");
    JsonNode log = JSON.readTree(r.out());
    assertThat(schema.validate(log)).isEmpty();
    List<JsonNode> suppressed = new ArrayList<>();
    log.path("runs").get(0).path("results").forEach(res -> {
      if (res.path("ruleId").asText().equals("EASNET-021")) {
        suppressed.add(res);
      }
    });
    assertThat(suppressed).as(r.out()).isNotEmpty();
    for (JsonNode res : suppressed) {
      JsonNode sup = res.path("suppressions").get(0);
      assertThat(sup.path("kind").asText()).isEqualTo("external");
      assertThat(sup.path("justification").asText()).contains("models are public");
    }
    assertThat(r.code()).isZero();
  }

  @Test
  void aBaseDirThatIsNoDirectoryIsAUsageError(@TempDir Path dir) {
    Cli.Result r = Cli.run("lint", "--snapshot", example("mistakes/estate.json"), "--base-dir",
        dir.resolve("missing").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--base-dir").contains("not a directory");
  }
}
