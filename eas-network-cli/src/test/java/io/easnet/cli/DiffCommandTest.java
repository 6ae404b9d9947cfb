package io.easnet.cli;

import static io.easnet.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eas-net diff} on the examples: one security-group rule removed, the reverse, and a Terraform plan. */
class DiffCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GROUP = "sg-bp1brugkivv3hq9x6t2e";
  private static final String INTENTS = example("intents.json");

  /** The intent each rule of the EAS group carries in examples/snapshot.json (its description says which). */
  private static final Map<String, String> CARRIES = Map.of(
      "EAS to RDS", "reach RDS rm-bp1x7y2z9a4b6c8d3e5f",
      "EAS to Redis", "reach Redis r-bp1c4e6g8i0k2m4o6q",
      "EAS to HTTPS APIs on the internet through the NAT", "reach the internet",
      "direct calls from the client ECS", "accept ECS client i-bp1h6f8k2m4n7q9s3t5v");

  @TempDir Path dir;

  @Test
  void removingOneRuleBreaksExactlyTheIntentsItCarriedAndNamesTheRuleAndTheReverseFixesThem() throws IOException {
    JsonNode snapshot = JSON.readTree(Path.of(example("snapshot.json")).toFile());
    JsonNode rules = group(snapshot).path("rules");
    assertThat(rules.size()).isEqualTo(CARRIES.size());
    for (int i = 0; i < rules.size(); i++) {
      String description = rules.get(i).path("description").asText();
      String expected = CARRIES.get(description);
      ObjectNode copy = snapshot.deepCopy();
      ((ArrayNode) group(copy).path("rules")).remove(i);
      Path after = dir.resolve("after-" + i + ".json");
      JSON.writeValue(after.toFile(), copy);

      Cli.Result r = Cli.run("diff", "--before", example("snapshot.json"), "--after", after.toString(),
          "--intents", INTENTS, "--format", "json");
      assertThat(r.code()).as(description + ": " + r.out() + r.err()).isEqualTo(1);
      List<JsonNode> broken = findings(r.out(), "EASNET-DIFF-BROKEN");
      assertThat(broken).as(description).hasSize(1);
      String message = broken.get(0).path("message").asText();
      assertThat(message).as(description).contains("can no longer " + expected)
          .contains("security-group rule removed: " + GROUP)
          .contains(rules.get(i).path("portRange").asText());
      assertThat(findings(r.out(), "EASNET-DIFF-FIXED")).isEmpty();

      Cli.Result back = Cli.run("diff", "--before", after.toString(), "--after", example("snapshot.json"),
          "--intents", INTENTS, "--format", "json");
      assertThat(back.code()).as(description + " reversed: " + back.out() + back.err()).isZero();
      assertThat(findings(back.out(), "EASNET-DIFF-BROKEN")).isEmpty();
      List<JsonNode> fixed = findings(back.out(), "EASNET-DIFF-FIXED");
      assertThat(fixed).as(description).hasSize(1);
      assertThat(fixed.get(0).path("message").asText()).contains("can now " + expected)
          .contains("security-group rule added: " + GROUP);
    }
  }

  @Test
  void aTerraformPlanThatRemovesAnEgressRuleTheServiceNeedsIsCaughtWithExit1() {
    Cli.Result r = Cli.run("diff", "--before", example("snapshot.json"), "--terraform",
        example("terraform/remove-egress.plan.json"), "--intents", INTENTS, "--format", "json");
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    List<JsonNode> broken = findings(r.out(), "EASNET-DIFF-BROKEN");
    assertThat(broken).hasSize(1);
    assertThat(broken.get(0).path("message").asText()).contains("can no longer reach the internet")
        .contains("security-group rule removed: " + GROUP + " egress priority 10 accept tcp 443/443 to 0.0.0.0/0");
  }

  @Test
  void anEstateAgainstItselfIsEmptyAndExits0InEveryFormat() {
    for (String format : List.of("text", "json", "sarif", "junit", "markdown")) {
      Cli.Result r = Cli.run("diff", "--before", example("snapshot.json"), "--after", example("snapshot.json"),
          "--intents", INTENTS, "--format", format);
      assertThat(r.code()).as(format + ": " + r.out() + r.err()).isZero();
      assertThat(r.out()).as(format).doesNotContain("EASNET-DIFF");
    }
  }

  @Test
  void theMarkdownOfABreakingChangeFitsAPullRequestComment() {
    Cli.Result r = Cli.run("diff", "--before", example("snapshot.json"), "--terraform",
        example("terraform/remove-egress.plan.json"), "--intents", INTENTS, "--format", "markdown");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("EASNET-DIFF-BROKEN").contains("443/443");
    // GitHub rejects comments above 65536 characters
    assertThat(r.out().length()).isLessThan(65_536);
  }

  @Test
  void theAfterEstateIsNamedExactlyOnce() {
    Cli.Result none = Cli.run("diff", "--before", example("snapshot.json"));
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("--after FILE, --terraform PLAN_JSON");
    Cli.Result two = Cli.run("diff", "--before", example("snapshot.json"), "--after", example("snapshot.json"),
        "--terraform", example("terraform/remove-egress.plan.json"));
    assertThat(two.code()).isEqualTo(2);
    assertThat(two.err()).contains("(2 given)");
  }

  @Test
  void withoutIntentsItSaysOnceOnStandardErrorThatItComparesFindingsOnly() {
    // one rule removed: with the intents a path breaks; without them no path is compared, and the diff says so
    Cli.Result without = Cli.run("diff", "--before", example("snapshot.json"), "--terraform",
        example("terraform/remove-egress.plan.json"), "--service", example("service-vpc.json"), "--format", "json");
    assertThat(without.err()).as(without.toString()).isEqualTo(DiffCommand.FINDINGS_ONLY + "\n");
    assertThat(findings(without.out(), "EASNET-DIFF-BROKEN")).as("the JSON report is whole").isEmpty();
    Cli.Result with = Cli.run("diff", "--before", example("snapshot.json"), "--terraform",
        example("terraform/remove-egress.plan.json"), "--intents", INTENTS, "--format", "json");
    assertThat(with.err()).as(with.toString()).doesNotContain("--intents").isEmpty();
    assertThat(findings(with.out(), "EASNET-DIFF-BROKEN")).hasSize(1);
  }

  @Test
  void theLiveAfterEstateNeedsItsRegionAndTheLiveOptionsNeedTheLiveAfterEstate() {
    Cli.Result noRegion = Cli.run("diff", "--before", example("snapshot.json"), "--after-live");
    assertThat(noRegion.code()).isEqualTo(2);
    assertThat(noRegion.err()).contains("--after-live needs --region REGION");
    Cli.Result stray = Cli.run("diff", "--before", example("snapshot.json"), "--after", example("snapshot.json"),
        "--region", "cn-hangzhou");
    assertThat(stray.code()).isEqualTo(2);
    assertThat(stray.err()).contains("--region and --endpoint are for --after-live");
  }

  private static JsonNode group(JsonNode snapshot) {
    for (JsonNode g : snapshot.path("securityGroups")) {
      if (g.path("id").asText().equals(GROUP)) {
        return g;
      }
    }
    throw new AssertionError("no " + GROUP + " in examples/snapshot.json");
  }

  private static List<JsonNode> findings(String json, String ruleId) {
    try {
      List<JsonNode> out = new ArrayList<>();
      Set<String> seen = new TreeSet<>();
      for (JsonNode f : JSON.readTree(json).path("findings")) {
        if (f.path("ruleId").asText().equals(ruleId) && seen.add(f.toString())) {
          out.add(f);
        }
      }
      return out;
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
