package io.easnet.cli;

import static io.easnet.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code lint --intents FILE} and {@code lint --service F --to T}: a CI gate built on lint catches the path mistakes
 * of {@code examples/mistakes} (before, all five passed lint with exit 0), and reports each path exactly as doctor
 * does, since both read intents through the one {@link IntentOptions}.
 */
class LintIntentsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The five path mistakes, their intents file's target and the rule that reports each. */
  private static final Map<String, String> PATH_MISTAKES = Map.of(
      "wrong-vpc", "EASNET-028",
      "egress-rule-missing", "EASNET-030",
      "allowlist-one-instance-ip", "EASNET-029",
      "no-snat-entry", "EASNET-019",
      "nat-without-eip", "EASNET-019");

  @Test
  void everyPathMistakeFailsLintWithItsIntents() throws Exception {
    for (Map.Entry<String, String> m : PATH_MISTAKES.entrySet()) {
      String intents = example("mistakes/" + m.getKey() + ".intents.json");
      Cli.Result without = Cli.run("lint", "--snapshot", example("mistakes/estate.json"), "--service",
          example("mistakes/" + m.getKey() + ".json"), "--format", "json");
      assertThat(ruleIds(without)).as(m.getKey() + " without intents").doesNotContain(m.getValue());
      Cli.Result lint = Cli.run("lint", "--snapshot", example("mistakes/estate.json"), "--intents", intents,
          "--format", "json");
      assertThat(lint.code()).as(m.getKey() + ": " + lint).isEqualTo(1);
      assertThat(ruleIds(lint)).as(m.getKey()).contains(m.getValue());
      // the path findings are doctor's, finding for finding (one place reads intents and checks paths)
      Cli.Result doctor = Cli.run("doctor", "--snapshot", example("mistakes/estate.json"), "--intents", intents,
          "--format", "json");
      assertThat(findings(lint)).as(m.getKey()).containsAll(findings(doctor));
    }
  }

  @Test
  void toChecksThePathsOfOneServiceWithDoctorsGrammar() throws Exception {
    Cli.Result r = Cli.run("lint", "--snapshot", example("mistakes/estate.json"), "--service",
        example("mistakes/wrong-vpc.json"), "--to", Cli.RDS, "--format", "json");
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(ruleIds(r)).contains("EASNET-028");
    Cli.Result doctor = Cli.run("doctor", "--snapshot", example("mistakes/estate.json"), "--service",
        example("mistakes/wrong-vpc.json"), "--to", Cli.RDS, "--format", "json");
    assertThat(findings(r)).containsAll(findings(doctor));
    // the healthy estate with every intent of the root example stays clean
    Cli.Result healthy = Cli.run("lint", "--snapshot", example("snapshot.json"), "--service",
        example("service-vpc.json"), "--to", Cli.RDS, "--to", Cli.REDIS, "--to", "internet", "--from", Cli.CLIENT);
    assertThat(healthy.code()).as(healthy.toString()).isZero();
    assertThat(Cli.run("lint", "--snapshot", example("snapshot.json"), "--intents", example("intents.json"))
        .code()).isZero();
  }

  @Test
  void ambiguousIntentOptionsAreUsageErrorsThatSayWhatToDo() {
    Cli.Result two = Cli.run("lint", "--snapshot", example("mistakes/estate.json"), "-s",
        example("mistakes/wrong-vpc.json"), "-s", example("mistakes/no-snat-entry.json"), "--to", "internet");
    assertThat(two.code()).isEqualTo(2);
    assertThat(two.err()).contains("exactly one --service FILE (2 given)").contains("--intents FILE");
    Cli.Result none = Cli.run("lint", "--snapshot", example("mistakes/estate.json"), "--to", "internet");
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("(0 given)");
    Cli.Result both = Cli.run("lint", "--snapshot", example("mistakes/estate.json"), "--intents",
        example("mistakes/wrong-vpc.intents.json"), "-s", example("mistakes/wrong-vpc.json"));
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("--intents FILE names the services and their intents: leave out --service");
    Cli.Result bad = Cli.run("lint", "--snapshot", example("mistakes/estate.json"), "-s",
        example("mistakes/wrong-vpc.json"), "--to", "rds");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--to");
    Cli.Result client = Cli.run("lint", "--snapshot", example("mistakes/estate.json"), "-s",
        example("mistakes/wrong-vpc.json"), "--to", "from:" + Cli.CLIENT);
    assertThat(client.code()).isEqualTo(2);
    assertThat(client.err()).contains("pass it as --from");
  }

  private static List<String> ruleIds(Cli.Result r) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode f : JSON.readTree(r.out()).path("findings")) {
      if (!f.path("message").asText().matches("service \\S+ cannot .*")) {
        continue; // not a path's finding: its wording may count the other services lint analyses
      }
      out.add(f.path("ruleId").asText());
    }
    return out;
  }

  /** The paths' findings as rule, fingerprint, message and location: doctor's must be lint's, word for word. */
  private static TreeSet<String> findings(Cli.Result r) throws Exception {
    TreeSet<String> out = new TreeSet<>();
    for (JsonNode f : JSON.readTree(r.out()).path("findings")) {
      if (!f.path("message").asText().matches("service \\S+ cannot .*")) {
        continue; // not a path's finding: its wording may count the other services lint analyses
      }
      out.add(f.path("ruleId").asText() + " " + f.path("fingerprint").asText() + " " + f.path("message").asText()
          + " " + f.path("location"));
    }
    assertThat(out).as(r.toString()).isNotEmpty();
    return out;
  }
}
