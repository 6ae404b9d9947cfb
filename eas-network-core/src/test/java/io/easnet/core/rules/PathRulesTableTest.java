package io.easnet.core.rules;

import io.easnet.core.rules.Finding.Severity;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.analysis.Explanation.ExplanationCode;
import io.easnet.core.analysis.PathResult.PathKind;
import io.easnet.core.rules.internal.PathRules;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The one table from explanation codes to rules: every code, on every kind of path, has a blocking rule and a page. */
class PathRulesTableTest {
  @Test
  void everyBlockingCodeMapsToAnErrorRuleOfTheCatalogueWithADocumentationPage() {
    for (ExplanationCode code : ExplanationCode.values()) {
      for (PathKind kind : PathKind.values()) {
        for (boolean networkBlocker : new boolean[] {false, true}) {
          String id = PathRules.ruleIdFor(kind, code, networkBlocker);
          String what = code + " on a " + kind + " path" + (networkBlocker ? " (network blocker)" : "");
          Rule rule = RuleCatalog.standard().rule(id).orElseThrow(() -> new AssertionError(what + " → " + id
              + ", which is not in the catalogue"));
          assertThat(rule.severity()).as(what).isEqualTo(Severity.ERROR);
          assertThat(Files.exists(Path.of("..").resolve(rule.docPath()))).as("page of " + id).isTrue();
          assertThat(Files.exists(Path.of("..", "docs", "rules", "README.md"))).isTrue();
        }
      }
    }
  }

  @Test
  void theRulesIndexListsEveryCodeOfTheTable() throws Exception {
    String index = Files.readString(Path.of("..", "docs", "rules", "README.md"));
    for (ExplanationCode code : ExplanationCode.values()) {
      String name = code.name();
      boolean listed = index.contains("`" + name + "`")
          || (name.startsWith("NAT_") && index.contains("`NAT_*`"))
          || (name.startsWith("SNAT_") && index.contains("`SNAT_*`"));
      assertThat(listed).as(name + " in docs/rules/README.md").isTrue();
    }
  }
}
