package io.easnet.cli;

import static io.easnet.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Suppression scopes match what findings carry, on the real findings of {@code examples/}: a test per scope kind,
 * every rule page's documented scope on every finding of that rule the examples produce, and an unknown rule id is
 * an input error naming the file, the pointer and the known ids (docs/rules/README.md, Suppressions).
 */
class SuppressionScopesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SHARED_GROUP = "sg-bp1brugkivv3hq9x6t2e";

  @Test
  void eachScopeKindSuppressesTheRealFindingsThatCarryIt(@TempDir Path dir) throws Exception {
    String[] shared = {"lint", "--snapshot", example("mistakes/estate.json"), "--service",
        example("mistakes/shared-security-group.json"), "--format", "json"};
    assertThat(findings(Cli.run(shared), "EASNET-014")).isNotEmpty();
    // resource:ID on a finding about a security group
    JsonNode byResource = lint(shared, dir, "EASNET-014", "resource:" + SHARED_GROUP);
    assertThat(findings(byResource, "EASNET-014")).isEmpty();
    assertThat(findings(byResource, "EASNET-901")).isEmpty();
    // * on every finding of the rule
    JsonNode any = lint(shared, dir, "EASNET-014", "*");
    assertThat(findings(any, "EASNET-014")).isEmpty();
    assertThat(findings(any, "EASNET-901")).isEmpty();
    // service:NAME on a finding about one service (a public OSS endpoint in its JSON)
    String[] oss = {"lint", "--snapshot", example("mistakes/estate.json"), "--service",
        example("mistakes/public-oss-endpoint.json"), "--format", "json"};
    List<JsonNode> ossFindings = findings(Cli.run(oss), "EASNET-021");
    assertThat(ossFindings).isNotEmpty();
    String service = ossFindings.get(0).path("service").asText();
    assertThat(service).isNotBlank();
    JsonNode byService = lint(oss, dir, "EASNET-021", "service:" + service);
    assertThat(findings(byService, "EASNET-021")).isEmpty();
    assertThat(findings(byService, "EASNET-901")).isEmpty();
    // service:NAME on a path finding (from an intents file)
    String[] path = {"lint", "--snapshot", example("mistakes/estate.json"), "--intents",
        example("mistakes/no-snat-entry.intents.json"), "--format", "json"};
    String pathService = findings(Cli.run(path), "EASNET-019").get(0).path("service").asText();
    assertThat(findings(lint(path, dir, "EASNET-019", "service:" + pathService), "EASNET-019")).isEmpty();
  }

  /**
   * The example the issue names: EASNET-014 with a service scope. It cannot match (the finding is about a group that
   * services of several environments share), so the finding stays, and EASNET-901 says the scope is wrong and which
   * scopes the findings carry, not that "the problem it accepted is gone".
   */
  @Test
  void aScopeOfTheWrongKindIsNamedAsSuch(@TempDir Path dir) throws Exception {
    String[] shared = {"lint", "--snapshot", example("mistakes/estate.json"), "--service",
        example("mistakes/shared-security-group.json"), "--format", "json"};
    JsonNode report = lint(shared, dir, "EASNET-014", "service:chat_inference_dev");
    assertThat(findings(report, "EASNET-014")).isNotEmpty();
    JsonNode note = findings(report, "EASNET-901").get(0);
    assertThat(note.path("message").asText()).contains("yet EASNET-014 is reported")
        .contains("resource:" + SHARED_GROUP);
    assertThat(note.path("remediation").asText()).contains("resource:" + SHARED_GROUP).doesNotContain("gone");
    assertThat(note.path("location").path("pointer").asText()).isEqualTo("/suppressions/0/scope");
  }

  /** Every finding the examples produce is suppressed by the scope its rule's page documents. */
  @Test
  void everyRulePageDocumentsAScopeItsFindingsCarry(@TempDir Path dir) throws Exception {
    List<JsonNode> all = new ArrayList<>();
    for (List<String> run : exampleRuns()) {
      all.addAll(findings(Cli.run(run.toArray(String[]::new)), null));
    }
    assertThat(all).hasSizeGreaterThan(10);
    List<String> seen = new ArrayList<>();
    for (JsonNode f : all) {
      String id = f.path("ruleId").asText();
      String scope = documentedScope(id);
      String kind = scope.contains(":") ? scope.substring(0, scope.indexOf(':')) : scope;
      boolean carried = switch (kind) {
        case "*" -> true;
        case "service" -> !f.path("service").asText("").isEmpty();
        case "resource" -> f.path("resourceIds").size() > 0;
        default -> false;
      };
      assertThat(carried).as(id + "'s page documents " + scope + " but this finding carries "
          + f.path("service") + " " + f.path("resourceIds") + ": " + f.path("message")).isTrue();
      seen.add(id);
    }
    assertThat(seen).contains("EASNET-014", "EASNET-019", "EASNET-021", "EASNET-010", "EASNET-028");
  }

  /** The highest id below the suppression rules (EASNET-9xx): the end of the first range the message lists. */
  private static String lastPathRuleId() {
    return io.easnet.core.rules.RuleCatalog.standard().rules().stream().map(io.easnet.core.rules.Rule::id)
        .filter(id -> !id.startsWith("EASNET-9")).max(String::compareTo).orElseThrow();
  }

  @Test
  void anUnknownRuleIdIsAnInputErrorNamingFilePointerAndTheKnownIds(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("suppressions.json");
    Files.writeString(file, "{\"suppressions\": [{\"id\": \"EASNET-999\", \"scope\": \"*\", \"reason\": \"r\","
        + " \"expires\": \"2027-01-31\"}]}");
    Cli.Result r = Cli.run("lint", "--snapshot", example("snapshot.json"), "--suppressions", file.toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("suppressions.json at /suppressions/0/id").contains("EASNET-999")
        .contains("did you mean").contains("EASNET-001\u2026" + lastPathRuleId()).contains("eas-net rules")
        .doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();
  }

  /** Lints {@code base} with one suppression of {@code id} for {@code scope}; the JSON report. */
  private static JsonNode lint(String[] base, Path dir, String id, String scope) throws Exception {
    Path file = Files.createTempFile(dir, "suppressions", ".json");
    Files.writeString(file, "{\"suppressions\": [{\"id\": \"" + id + "\", \"scope\": \"" + scope + "\", \"reason\":"
        + " \"accepted\", \"expires\": \"2999-12-31\"}]}");
    List<String> args = new ArrayList<>(List.of(base));
    args.add("--suppressions");
    args.add(file.toString());
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    assertThat(r.code()).as(r.toString()).isIn(0, 1);
    return JSON.readTree(r.out());
  }

  private static List<JsonNode> findings(Cli.Result r, String id) throws Exception {
    assertThat(r.code()).as(r.toString()).isIn(0, 1);
    return findings(JSON.readTree(r.out()), id);
  }

  private static List<JsonNode> findings(JsonNode report, String id) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode f : report.path("findings")) {
      if (id == null || f.path("ruleId").asText().equals(id)) {
        out.add(f);
      }
    }
    return out;
  }

  /** The scope of the example suppression on {@code docs/rules/ID.md}. */
  private static String documentedScope(String id) throws Exception {
    String page = Files.readString(Cli.root().resolve("docs/rules/" + id + ".md"));
    Matcher m = Pattern.compile("\"id\": \"" + id + "\", \"scope\": \"([^\"]+)\"").matcher(page);
    assertThat(m.find()).as(id + " page has a suppression example").isTrue();
    return m.group(1);
  }

  /** Lint of every example: the healthy estate, each mistake alone, each intents file. */
  private static List<List<String>> exampleRuns() throws Exception {
    List<List<String>> out = new ArrayList<>();
    out.add(List.of("lint", "--snapshot", example("snapshot.json"), "--intents", example("intents.json"),
        "--format", "json"));
    out.add(List.of("lint", "--snapshot", example("mistakes/estate.json"), "--format", "json"));
    try (Stream<Path> files = Files.list(Cli.root().resolve("examples/mistakes"))) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.equals("estate.json")) {
          continue;
        }
        out.add(List.of("lint", "--snapshot", example("mistakes/estate.json"),
            name.endsWith(".intents.json") ? "--intents" : "--service", f.toString(), "--format", "json"));
      }
    }
    return out;
  }
}
