package io.easnet.core.rules;

import static io.easnet.core.rules.Estate.inventory;
import static io.easnet.core.rules.Estate.of;
import static io.easnet.core.rules.Estate.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.RdsInstance;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The allowlist quota rules at their exact boundaries: EASNET-018 covers 900 to 1,000 entries inclusive, EASNET-017
 * starts at 1,001; entries of several groups count together. (Moving the lower bound of EASNET-018 survived the
 * existing tests.)
 */
class AllowlistQuotaBoundaryTest {

  private static Inventory.Builder withEntries(int... perGroup) {
    RdsInstance.Builder rds = RdsInstance.builder().id("rm-db").vpcId("vpc-a").vSwitchId("vsw-a2")
        .privateIp("192.168.2.10");
    int next = 0;
    for (int g = 0; g < perGroup.length; g++) {
      AllowlistGroup.Builder group = AllowlistGroup.builder().name("g" + g);
      for (int i = 0; i < perGroup[g]; i++, next++) {
        group.addEntry("10." + (next / 250) + "." + (next % 250) + ".1");
      }
      rds.addAllowlist(group);
    }
    return inventory().rdsInstances(List.of(rds.build()));
  }

  @Test
  void exactly900EntriesIsNearTheQuota() {
    assertThat(run(of(withEntries(900)), "EASNET-018")).hasSize(1);
    assertThat(run(of(withEntries(899)), "EASNET-018")).isEmpty();
  }

  @Test
  void exactly1000EntriesIsNearButNotAbove() {
    assertThat(run(of(withEntries(1000)), "EASNET-018")).hasSize(1);
    assertThat(run(of(withEntries(1000)), "EASNET-017")).isEmpty();
  }

  @Test
  void entriesOfSeveralGroupsCountTogether() {
    assertThat(run(of(withEntries(600, 401)), "EASNET-017")).singleElement()
        .extracting(Finding::message).asString().startsWith("RDS instance rm-db has 1001 allowlist entries");
    assertThat(run(of(withEntries(450, 450)), "EASNET-018")).hasSize(1);
  }
}
