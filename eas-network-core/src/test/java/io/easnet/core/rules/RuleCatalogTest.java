package io.easnet.core.rules;

import io.easnet.core.rules.Finding.Severity;
import static io.easnet.core.rules.Estate.input;
import static io.easnet.core.rules.Estate.inventory;
import static io.easnet.core.rules.Estate.of;
import static io.easnet.core.rules.Estate.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.analysis.EstateAnalysis.AnalysisInput;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleCatalogTest {

  @Test
  void standardCatalogHasAtLeast25RulesSortedWithUniqueWellFormedIds() {
    List<Rule> rules = RuleCatalog.standard().rules();
    assertThat(rules.size()).isGreaterThanOrEqualTo(25);
    assertThat(rules).extracting(Rule::id).isSorted().doesNotHaveDuplicates()
        .allMatch(id -> id.matches("EASNET-\\d{3}"));
    assertThat(rules).allSatisfy(r -> {
      assertThat(r.summary()).isNotBlank();
      assertThat(r.docUrl()).isEqualTo(Rule.DOC_BASE_URL + r.id() + ".md");
    });
  }

  @Test
  void everyRuleHasItsDocumentationPage() {
    Path docs = Path.of("..", "docs", "rules");
    for (Rule r : RuleCatalog.standard().rules()) {
      Path page = docs.resolve(r.id() + ".md");
      assertThat(page).as("documentation of " + r.id()).exists();
    }
    assertThat(docs.resolve("README.md")).exists();
  }

  @Test
  void everyDocumentationPageStartsWithTheIdAndSummary() throws Exception {
    for (Rule r : RuleCatalog.standard().rules()) {
      String text = Files.readString(Path.of("..", "docs", "rules", r.id() + ".md"));
      assertThat(text).startsWith("# " + r.id() + ": " + r.summary());
    }
  }

  @Test
  void ruleLookupByIdAndWithout() {
    assertThat(RuleCatalog.standard().rule("EASNET-008")).get().extracting(Rule::summary)
        .isEqualTo("vSwitch not in the configured VPC");
    assertThat(RuleCatalog.standard().rule("EASNET-999")).isEmpty();
    assertThat(RuleCatalog.standard().without("EASNET-008").rule("EASNET-008")).isEmpty();
  }

  @Test
  void duplicateOrMalformedIdsAreRejected() {
    Rule r = RuleCatalog.standard().rules().get(0);
    assertThatThrownBy(() -> RuleCatalog.of(List.of(r, r)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two rules use the id EASNET-001");
    Rule bad = new Rule() {
      @Override
      public String id() {
        return "EAS-1";
      }

      @Override
      public Severity severity() {
        return Severity.INFO;
      }

      @Override
      public String summary() {
        return "bad";
      }

      @Override
      public List<Finding> check(RuleContext context) {
        return List.of();
      }
    };
    assertThatThrownBy(() -> RuleCatalog.of(List.of(bad)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must look like EASNET-012");
  }

  @Test
  void findingsAreSortedErrorsFirstThenById() {
    // an idle NAT gateway (no SNAT entry, no route to it) for an INFO finding
    List<Finding> f = RuleCatalog.standard().run(of(inventory().snatEntries(List.of()).routeTables(List.of()),
        input(service("svc").networking(ServiceNetworking.of("vpc-a", "vsw-b1", "sg-b")))));
    assertThat(f).extracting(Finding::ruleId).contains("EASNET-008", "EASNET-009", "EASNET-020");
    assertThat(f).isSortedAccordingTo(Finding.ORDER);
    assertThat(f.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(f.get(f.size() - 1).severity()).isEqualTo(Severity.INFO);
  }

  @Test
  void partialBlockIsAFindingNotACrash() {
    List<Finding> f = RuleCatalog.standard().run(of(inventory(),
        input(service("svc").networking(ServiceNetworking.builder().vpcId("vpc-a")))));
    assertThat(f).extracting(Finding::ruleId).contains("EASNET-001");
  }

  @Test
  void emptyInputHasNoFindings() {
    assertThat(RuleCatalog.standard().run(AnalysisInput.builder()
        .inventory(io.easnet.core.model.Inventory.empty()).build())).isEmpty();
  }
}
