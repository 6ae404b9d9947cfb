package io.easnet.core.analysis;

import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import static io.easnet.core.analysis.Estates.good;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Allowlists are evaluated semantically, like security groups: entries (of one group or of several) add up, so two
 * halves of the EAS vSwitch admit it.
 */
class AllowlistUnionTest {
  @Test
  void anAllowlistCoveringTheVSwitchWithTwoHalvesAdmitsIt() {
    Inventory inv = good().rdsInstances(List.of(Estates.rds().allowlists(List.of(
        AllowlistGroup.builder().name("a").addEntry("192.168.1.0/25").build(),
        AllowlistGroup.builder().name("b").addEntry("192.168.1.128/25").addEntry("192.168.2.0/24").build()))
        .build())).build();
    PathResult r = PathAnalyzer.of(inv).privateTarget(Estates.service(), Target.rds(RdsInstanceId.of("rm-1")));
    assertThat(r.codes()).doesNotContain(ExplanationCode.TARGET_ALLOWLIST_MISSING_SOURCE);
    assertThat(r.verdict()).isEqualTo(Verdict.REACHABLE);
  }

  @Test
  void anAllowlistWithOnlyOneHalfOfTheVSwitchStillMissesIt() {
    Inventory inv = good().rdsInstances(List.of(Estates.rds().allowlists(List.of(
        AllowlistGroup.builder().name("a").addEntry("192.168.1.0/25").addEntry("192.168.2.0/24").build()))
        .build())).build();
    PathResult r = PathAnalyzer.of(inv).privateTarget(Estates.service(), Target.rds(RdsInstanceId.of("rm-1")));
    assertThat(r.verdict()).isEqualTo(Verdict.UNREACHABLE);
    assertThat(r.codes()).contains(ExplanationCode.TARGET_ALLOWLIST_MISSING_SOURCE);
  }

  @Test
  void entriesOfOneGroupAddUpAndAGapIsFound() {
    AllowlistGroup halves = AllowlistGroup.builder().name("g").addEntry("10.0.0.0/25").addEntry("10.0.0.128/26")
        .addEntry("10.0.0.192/26").build();
    assertThat(halves.admits(Cidr.parse("10.0.0.0/24"))).isTrue();
    AllowlistGroup gap = AllowlistGroup.builder().name("g").addEntry("10.0.0.0/25").addEntry("10.0.0.192/26")
        .build();
    assertThat(gap.admits(Cidr.parse("10.0.0.0/24"))).isFalse();
    assertThat(gap.admits(Cidr.parse("10.0.0.200"))).isTrue();
    assertThat(gap.admits(Cidr.parse("10.0.0.130"))).isFalse();
  }

  @Test
  void overlappingAndUnsortedEntriesAndOtherFamiliesAreHandled() {
    AllowlistGroup g = AllowlistGroup.builder().name("g").addEntry("10.0.1.0/24").addEntry("::/0")
        .addEntry("10.0.0.0/25").addEntry("10.0.0.64/26").addEntry("10.0.0.128/25").build();
    assertThat(g.admits(Cidr.parse("10.0.0.0/23"))).isTrue();
    assertThat(g.admits(Cidr.parse("10.0.0.0/22"))).isFalse();
    assertThat(AllowlistGroup.builder().name("g").build().admits(Cidr.parse("10.0.0.1"))).isFalse();
  }

  @Test
  void theDefault127001AdmitsNobody() {
    Inventory inv = good().rdsInstances(List.of(Estates.rds().allowlists(List.of(
        AllowlistGroup.builder().name("default").addEntry("127.0.0.1").build())).build())).build();
    assertThat(inv.rdsInstance(RdsInstanceId.of("rm-1")).orElseThrow().admits(Cidr.parse("192.168.1.0/24")))
        .isFalse();
  }
}
