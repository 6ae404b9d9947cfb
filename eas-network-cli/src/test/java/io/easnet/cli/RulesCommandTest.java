package io.easnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.easnet.core.rules.Rule;
import io.easnet.core.rules.RuleCatalog;
import org.junit.jupiter.api.Test;

class RulesCommandTest {
  @Test
  void listsEveryRuleOfTheCatalogue() {
    Cli.Result r = Cli.run("rules");
    assertThat(r.code()).isZero();
    for (Rule rule : RuleCatalog.standard().rules()) {
      assertThat(r.out()).contains(rule.id()).contains(rule.summary());
    }
    assertThat(r.out()).contains(RuleCatalog.standard().rules().size() + " rules");
  }

  @Test
  void listsAsJson() throws Exception {
    Cli.Result r = Cli.run("rules", "--format", "json");
    assertThat(new ObjectMapper().readTree(r.out()).size()).isEqualTo(RuleCatalog.standard().rules().size());
  }

  @Test
  void explainPrintsTheRulePageFromTheJar() {
    Cli.Result r = Cli.run("rules", "explain", "EASNET-033");
    assertThat(r.code()).as(r.toString()).isZero();
    Rule rule = RuleCatalog.standard().rule("EASNET-033").orElseThrow();
    assertThat(r.out()).startsWith("EASNET-033 " + rule.severity().name() + ": " + rule.summary())
        .contains("Documentation: " + rule.docUrl());
    // the page packaged from docs/rules says more than the summary
    assertThat(r.out().lines().count()).isGreaterThan(5);
    assertThat(Cli.run("rules", "explain", "33").out()).isEqualTo(r.out());
  }

  @Test
  void explainAnUnknownRuleIsAUsageError() {
    Cli.Result r = Cli.run("rules", "explain", "EASNET-999");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no rule EASNET-999");
    assertThat(Cli.run("rules", "--format", "xml").code()).isEqualTo(2);
  }
}
