package io.easnet.core.rules;

import io.easnet.core.rules.Suppressions.Suppression;
import static io.easnet.core.rules.Estate.inventory;
import static io.easnet.core.rules.Estate.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.analysis.EstateAnalysis.AnalysisInput;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The expiry date is the last day a suppression applies: on the next day it is expired and reported. (A mutation
 * that let suppressions live one day longer survived the existing tests.)
 */
class SuppressionExpiryBoundaryTest {
  private static final String FILE = "{\"suppressions\":[{\"id\":\"EASNET-014\",\"scope\":\"*\","
      + "\"reason\":\"split planned\",\"expires\":\"2027-01-31\"}]}";

  private static List<Finding> runOn(LocalDate today) {
    AnalysisInput in = AnalysisInput.builder().inventory(inventory().build()).inventorySource("snapshot.json")
        .addService(Estate.input(service("ranker-prod"))).addService(Estate.input(service("ranker-dev")))
        .today(today).build();
    return RuleCatalog.standard().run(in, Suppressions.parse(FILE));
  }

  @Test
  void theDayAfterTheExpiryDateTheSuppressionIsExpiredAndReported() {
    List<Finding> f = runOn(LocalDate.of(2027, 2, 1));
    assertThat(f).extracting(Finding::ruleId).contains("EASNET-014", "EASNET-900");
    assertThat(f).filteredOn(x -> x.ruleId().equals("EASNET-900")).extracting(Finding::message)
        .singleElement().asString().startsWith("the suppression of EASNET-014 for * expired on 2027-01-31 (today is"
            + " 2027-02-01)");
  }

  @Test
  void onTheExpiryDateItStillApplies() {
    assertThat(runOn(LocalDate.of(2027, 1, 31))).extracting(Finding::ruleId)
        .doesNotContain("EASNET-014", "EASNET-900");
  }

  @Test
  void suppressionIsExpiredOnlyAfterItsDate() {
    Suppression s = Suppression.of("EASNET-014", "*", "r", LocalDate.of(2027, 1, 31));
    assertThat(s.isExpiredOn(LocalDate.of(2027, 1, 31))).isFalse();
    assertThat(s.isExpiredOn(LocalDate.of(2027, 2, 1))).isTrue();
  }
}
