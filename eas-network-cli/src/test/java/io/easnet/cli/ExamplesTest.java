package io.easnet.cli;

import static io.easnet.cli.Cli.CLIENT;
import static io.easnet.cli.Cli.RDS;
import static io.easnet.cli.Cli.REDIS;
import static io.easnet.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every example under {@code examples/} does what {@code examples/README.md} says: the healthy estate is clean, and
 * each file under {@code examples/mistakes/} is reported with its rule id, its analysis code (for path mistakes)
 * and a fix.
 */
class ExamplesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void healthyExampleIsCleanAndExitsZero() throws Exception {
    Cli.Result r = Cli.run("doctor", "--snapshot", example("snapshot.json"), "--service",
        example("service-vpc.json"), "--to", RDS, "--to", REDIS, "--to", "internet", "--from", CLIENT,
        "--format", "json");
    assertThat(r.code()).as(r.toString()).isZero();
    JsonNode tree = JSON.readTree(r.out());
    assertThat(tree.path("findings").size()).as(r.out()).isZero();
    Cli.Result lint = Cli.run("lint", "--snapshot", example("snapshot.json"), "--service",
        example("service-vpc.json"));
    assertThat(lint.code()).as(lint.toString()).isZero();
  }

  static Stream<Arguments> mistakes() {
    String rdsOneIp = "rds:rm-bp1oneip3g6j9m2p5s8v1";
    return Stream.of(
        Arguments.of("wrong-vpc", List.of("doctor", "--to", RDS), "EASNET-028", "VPC_MISMATCH", 1),
        Arguments.of("egress-rule-missing", List.of("doctor", "--to", RDS), "EASNET-030", "SG_EGRESS_DENIES", 1),
        Arguments.of("allowlist-one-instance-ip", List.of("doctor", "--to", rdsOneIp), "EASNET-029",
            "TARGET_ALLOWLIST_SINGLE_INSTANCE_IP", 1),
        Arguments.of("no-snat-entry", List.of("doctor", "--to", "internet"), "EASNET-019",
            "SNAT_NO_ENTRY_FOR_SOURCE", 1),
        Arguments.of("nat-without-eip", List.of("doctor", "--to", "internet"), "EASNET-019", "NAT_NO_EIP", 1),
        Arguments.of("vswitch-too-small", List.of("lint"), "EASNET-010", null, 1),
        Arguments.of("shared-security-group", List.of("lint"), "EASNET-014", null, 0),
        Arguments.of("public-oss-endpoint", List.of("lint"), "EASNET-021", null, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void eachMistakeIsReportedWithItsRuleCodeAndFix(String name, List<String> command, String ruleId, String code,
      int exit) throws Exception {
    List<String> args = new ArrayList<>(List.of(command.get(0), "--snapshot", example("mistakes/estate.json"),
        "--service", example("mistakes/" + name + ".json"), "--format", "json"));
    args.addAll(command.subList(1, command.size()));
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    assertThat(r.code()).as(r.toString()).isEqualTo(exit);
    JsonNode tree = JSON.readTree(r.out());
    JsonNode finding = null;
    for (JsonNode f : tree.path("findings")) {
      if (f.path("ruleId").asText().equals(ruleId)) {
        finding = f;
      }
    }
    assertThat(finding).as(ruleId + " in " + r.out()).isNotNull();
    assertThat(finding.path("remediation").asText()).as("fix").isNotBlank();
    if (code != null) {
      assertThat(tree.findValuesAsText("code")).as(r.out()).contains(code);
      // the intents file of the example says the same
      Cli.Result viaIntents = Cli.run("doctor", "--snapshot", example("mistakes/estate.json"), "--intents",
          example("mistakes/" + name + ".intents.json"), "--format", "json");
      assertThat(viaIntents.code()).as(viaIntents.toString()).isEqualTo(exit);
      assertThat(JSON.readTree(viaIntents.out()).findValuesAsText("code")).contains(code);
    }
  }

  @Test
  void everyMistakeFileIsCoveredAndDocumented() throws IOException {
    List<String> tested = mistakes().map(a -> (String) a.get()[0]).toList();
    String readme = Files.readString(Cli.root().resolve("examples/README.md"));
    try (Stream<Path> files = Files.list(Cli.root().resolve("examples/mistakes"))) {
      for (Path f : files.toList()) {
        String n = f.getFileName().toString().replace(".intents.json", "").replace(".json", "");
        if (!n.equals("estate")) {
          assertThat(tested).as("a test for examples/mistakes/" + n + ".json").contains(n);
        }
        assertThat(readme).as("examples/README.md documents " + f.getFileName())
            .contains("mistakes/" + f.getFileName());
      }
    }
  }
}
