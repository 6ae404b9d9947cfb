package io.easnet.core.rules;

import static io.easnet.core.rules.Estate.input;
import static io.easnet.core.rules.Estate.inventory;
import static io.easnet.core.rules.Estate.of;
import static io.easnet.core.rules.Estate.run;
import static io.easnet.core.rules.Estate.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.model.Inventory;
import io.easnet.core.model.ServiceSpec.RollingStrategy;
import io.easnet.core.model.VSwitch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The capacity rules at their exact boundaries, on vsw-a1 with 250 usable addresses (a /24 with two reserved): 200
 * needed is exactly 80 % (no warning), 201 is above (EASNET-011), 250 fits exactly (no EASNET-010), 251 is short.
 */
class CapacityThresholdBoundaryTest {

  private static Inventory.Builder estate() {
    List<VSwitch> vs = new ArrayList<>();
    for (VSwitch v : inventory().build().vSwitches()) {
      vs.add(v.id().value().equals("vsw-a1") ? v.toBuilder().addReservedCidrBlock("192.168.1.64/31").build() : v);
    }
    return inventory().vSwitches(vs);
  }

  private static List<Finding> findings(int instances, int surge, String rule) {
    return run(of(estate(), input(service("svc").instanceCount(instances)
        .rollingStrategy(RollingStrategy.builder().maxSurge(String.valueOf(surge)).build()))), rule);
  }

  @Test
  void theFixtureHas250UsableAddresses() {
    assertThat(estate().build().vSwitches().stream().filter(v -> v.id().value().equals("vsw-a1")).findFirst()
        .orElseThrow().usableIpCount()).isEqualTo(250);
  }

  @Test
  void exactlyEightyPercentIsNotAWarningAndOneMoreIs() {
    assertThat(findings(160, 40, "EASNET-011")).isEmpty();
    List<Finding> f = findings(160, 41, "EASNET-011");
    assertThat(f).hasSize(1);
    // the figure is exact, 80.4 %: rounded to "80 %" it would read oddly next to "above 80 %"
    assertThat(f.get(0).message()).isEqualTo("vSwitch vsw-a1 (192.168.1.0/24) would be 80.4 % used at scale: 0 in use"
        + " + 201 needed (svc 201) of 250 usable");
  }

  @Test
  void demandEqualToTheFreeAddressesFitsAndOneMoreIsShort() {
    assertThat(findings(200, 50, "EASNET-010")).isEmpty();
    List<Finding> f = findings(200, 51, "EASNET-010");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).startsWith("vSwitch vsw-a1 (192.168.1.0/24) has 250 free addresses but needs 251");
  }
}
