package io.easnet.core.rules;

import static io.easnet.core.rules.Estate.input;
import static io.easnet.core.rules.Estate.inventory;
import static io.easnet.core.rules.Estate.of;
import static io.easnet.core.rules.Estate.run;
import static io.easnet.core.rules.Estate.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.analysis.EstateAnalysis.AnalysisInput;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.RdsInstance;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rules see allowlists semantically (entries of several groups add up) and suppressions by resource scope match
 * only that resource.
 */
class AllowlistUnionRulesTest {

  private static Inventory.Builder withRdsAllowlists(AllowlistGroup... groups) {
    RdsInstance.Builder rds = RdsInstance.builder().id("rm-db").vpcId("vpc-a").vSwitchId("vsw-a2")
        .privateIp("192.168.2.10");
    for (AllowlistGroup g : groups) {
      rds.addAllowlist(g);
    }
    return inventory().rdsInstances(List.of(rds.build()));
  }

  @Test
  void twoHalvesOfTheEasVSwitchInTwoGroupsAdmitIt() {
    List<Finding> f = run(of(withRdsAllowlists(
            AllowlistGroup.builder().name("a").addEntry("192.168.1.0/25").build(),
            AllowlistGroup.builder().name("b").addEntry("192.168.1.128/25").build()),
        input(service("svc")).addPrivateTarget("rm-db")), "EASNET-029");
    assertThat(f).isEmpty();
  }

  @Test
  void oneHalfOfTheEasVSwitchIsStillReported() {
    List<Finding> f = run(of(withRdsAllowlists(
            AllowlistGroup.builder().name("a").addEntry("192.168.1.0/25").build()),
        input(service("svc")).addPrivateTarget("rm-db")), "EASNET-029");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("service svc cannot reach RDS rm-db (UNREACHABLE): RDS instance rm-db:"
        + " the allowlist admits only part of 192.168.1.0/24 (192.168.1.0/25)");
  }

  @Test
  void aResourceScopedSuppressionSilencesOnlyThatResource() {
    LocalDate today = LocalDate.of(2026, 11, 27);
    AnalysisInput in = AnalysisInput.builder().inventory(inventory().build()).inventorySource("snapshot.json")
        .addService(input(service("ranker-prod"))).addService(input(service("ranker-dev")))
        .today(today).build();
    String other = "{\"suppressions\":[{\"id\":\"EASNET-014\",\"scope\":\"resource:sg-other\",\"reason\":\"r\","
        + "\"expires\":\"2027-01-31\"}]}";
    List<Finding> f = RuleCatalog.standard().run(in, Suppressions.parse(other));
    assertThat(f).extracting(Finding::ruleId).contains("EASNET-014", "EASNET-901");
    String same = other.replace("sg-other", "sg-eas");
    assertThat(RuleCatalog.standard().run(in, Suppressions.parse(same))).extracting(Finding::ruleId)
        .doesNotContain("EASNET-014", "EASNET-901");
  }
}
