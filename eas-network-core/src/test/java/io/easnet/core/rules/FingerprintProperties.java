package io.easnet.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.easnet.core.analysis.EstateAnalysis.AnalysisInput;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.VSwitch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Invariant: shuffling every list of the inventory and the order of the services never changes the findings, their
 * fingerprints or their order.
 */
class FingerprintProperties {

  private static AnalysisInput estate() {
    Inventory inv = Estate.inventory()
        .addVSwitch(VSwitch.builder().id("vsw-t").vpcId("vpc-a").cidrBlock("192.168.3.0/29"))
        .addSecurityGroup(SecurityGroup.builder().id("sg-web").vpcId("vpc-a")
            .addRule(SecurityGroupRule.ingress().tcp(22).peer("0.0.0.0/1"))
            .addRule(SecurityGroupRule.ingress().tcp(22).peer("128.0.0.0/1"))
            .addRule(SecurityGroupRule.ingress().tcp(3306).peer("0.0.0.0/0")))
        .addRdsInstance(RdsInstance.builder().id("rm-two").vpcId("vpc-a")
            .addAllowlist(AllowlistGroup.builder().name("a").addEntry("192.168.1.7").addEntry("0.0.0.0/0"))
            .addAllowlist(AllowlistGroup.builder().name("b").addEntry("192.168.3.2")))
        .build();
    return AnalysisInput.builder().inventory(inv).inventorySource("snapshot.json")
        .addService(Estate.input(Estate.service("ranker-prod")).addPrivateTarget("rm-dc").addPrivateTarget("rm-two"))
        .addService(Estate.input(Estate.service("ranker-dev").instanceCount(230)).wantsInternetEgress(true))
        .addService(Estate.input(Estate.service("tiny-test")
            .networking(ServiceNetworking.of("vpc-a", "vsw-t", "sg-web"))))
        .addService(Estate.input(Estate.service("half").networking(ServiceNetworking.builder().vpcId("vpc-a"))))
        .build();
  }

  private static <T> List<T> shuffled(List<T> list, Random r) {
    List<T> copy = new ArrayList<>(list);
    Collections.shuffle(copy, r);
    return copy;
  }

  static AnalysisInput shuffle(AnalysisInput in, Random r) {
    Inventory i = in.inventory();
    List<RdsInstance> rds = new ArrayList<>();
    for (RdsInstance x : i.rdsInstances()) {
      List<AllowlistGroup> groups = new ArrayList<>();
      for (AllowlistGroup g : x.allowlists()) {
        groups.add(g.toBuilder().entries(shuffled(g.entries(), r)).build());
      }
      rds.add(x.toBuilder().allowlists(shuffled(groups, r)).build());
    }
    List<SecurityGroup> sgs = new ArrayList<>();
    for (SecurityGroup g : i.securityGroups()) {
      sgs.add(g.toBuilder().rules(shuffled(g.rules(), r)).build());
    }
    Inventory inv = Inventory.builder().from(i)
        .vpcs(shuffled(i.vpcs(), r)).vSwitches(shuffled(i.vSwitches(), r)).securityGroups(shuffled(sgs, r))
        .natGateways(shuffled(i.natGateways(), r)).snatEntries(shuffled(i.snatEntries(), r))
        .eips(shuffled(i.eips(), r)).routeTables(shuffled(i.routeTables(), r))
        .rdsInstances(shuffled(rds, r)).resourceGroups(shuffled(i.resourceGroups(), r))
        .build();
    return AnalysisInput.builder().from(in).inventory(inv).services(shuffled(in.services(), r)).build();
  }

  @FuzzTest
  void reorderingTheInputKeepsFindingsAndFingerprints(FuzzedDataProvider data) {
    AnalysisInput base = estate();
    List<Finding> expected = RuleCatalog.standard().run(base);
    assertThat(expected).extracting(Finding::ruleId)
        .contains("EASNET-001", "EASNET-013", "EASNET-014", "EASNET-015", "EASNET-016", "EASNET-025", "EASNET-027");
    Random r = new Random(data.consumeLong());
    for (int i = 0; i < 25; i++) {
      List<Finding> actual = RuleCatalog.standard().run(shuffle(base, r));
      assertThat(actual).extracting(Finding::fingerprint)
          .containsExactlyElementsOf(expected.stream().map(Finding::fingerprint).toList());
      assertThat(actual).extracting(Finding::message)
          .containsExactlyElementsOf(expected.stream().map(Finding::message).toList());
    }
  }
}
