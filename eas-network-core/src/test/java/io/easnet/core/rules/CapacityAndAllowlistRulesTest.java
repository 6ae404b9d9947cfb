package io.easnet.core.rules;

import io.easnet.core.rules.Finding.Severity;
import static io.easnet.core.rules.Estate.input;
import static io.easnet.core.rules.Estate.inventory;
import static io.easnet.core.rules.Estate.of;
import static io.easnet.core.rules.Estate.run;
import static io.easnet.core.rules.Estate.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.VSwitch;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityAndAllowlistRulesTest {

  private static Inventory.Builder withRdsAllowlist(AllowlistGroup.Builder group) {
    return inventory().rdsInstances(List.of(RdsInstance.builder().id("rm-db").vpcId("vpc-a").vSwitchId("vsw-a2")
        .privateIp("192.168.2.10").addAllowlist(group).build()));
  }

  private static AllowlistGroup.Builder entries(int n) {
    AllowlistGroup.Builder g = AllowlistGroup.builder().name("big");
    for (int i = 0; i < n; i++) {
      g.addEntry("10." + (i / 250) + "." + (i % 250) + ".1");
    }
    return g;
  }

  @Test
  void demandAboveFreeAddressesIsAnErrorWithTheShortfall() {
    List<Finding> f = run(of(inventory(), input(service("svc").instanceCount(240))), "EASNET-010");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("vSwitch vsw-a1 (192.168.1.0/24) has 252 free addresses but needs 300"
        + " at scale including rolling-update surge (svc 300): short by 48");
    assertThat(f.get(0).pointer()).isEqualTo("/cloud/networking/vswitch_id");
  }

  @Test
  void smallDemandFits() {
    assertThat(run(of(inventory(), input(service("svc"))), "EASNET-010")).isEmpty();
  }

  @Test
  void utilisationAbove80PercentAtScaleIsAWarning() {
    List<Finding> f = run(of(inventory(), input(service("svc").instanceCount(170))), "EASNET-011");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("vSwitch vsw-a1 (192.168.1.0/24) would be 84.5 % used at scale: 0 in use"
        + " + 213 needed (svc 213) of 252 usable");
  }

  @Test
  void utilisationBelow80PercentIsFineAndAShortageIsNotAlsoAWarning() {
    assertThat(run(of(inventory(), input(service("svc").instanceCount(100))), "EASNET-011")).isEmpty();
    assertThat(run(of(inventory(), input(service("svc").instanceCount(240))), "EASNET-011")).isEmpty();
  }

  @Test
  void slash29VSwitchIsTooSmall() {
    List<Finding> f = run(of(inventory().addVSwitch(VSwitch.builder().id("vsw-t").vpcId("vpc-a")
            .cidrBlock("192.168.3.0/29")),
        input(service("svc").networking(ServiceNetworking.of("vpc-a", "vsw-t", "sg-eas")))), "EASNET-025");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("vSwitch vsw-t of service svc is a /29 (192.168.3.0/29): only 4 usable"
        + " addresses after the 4 the cloud reserves");
    assertThat(f.get(0).location()).isEqualTo("snapshot.json:/vSwitches/3/cidrBlock");
  }

  @Test
  void slash24VSwitchIsLargeEnough() {
    assertThat(run(of(inventory(), input(service("svc"))), "EASNET-025")).isEmpty();
  }

  @Test
  void singleEasInstanceAddressInAnAllowlistIsAWarning() {
    List<Finding> f = run(of(withRdsAllowlist(AllowlistGroup.builder().name("default").addEntry("192.168.1.23")),
        input(service("svc"))), "EASNET-015");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("allowlist \"default\" of RDS instance rm-db admits 192.168.1.23, a"
        + " single address in EAS vSwitch vsw-a1 (192.168.1.0/24, service svc); EAS instances get new addresses on"
        + " restart, scale-out and rolling updates");
    assertThat(f.get(0).remediation()).isEqualTo("add the vSwitch CIDR 192.168.1.0/24 to the allowlist (ModifyMode"
        + " Append) and remove 192.168.1.23");
    assertThat(f.get(0).location()).isEqualTo("snapshot.json:/rdsInstances/0/allowlists/0/entries/0");
  }

  @Test
  void singleEasInstanceAddressBesideTheVSwitchCidrOnlySuggestsItsRemoval() {
    // the fixed state of examples/mistakes/allowlist-one-instance-ip: the /24 is there, the old address too
    List<Finding> f = run(of(withRdsAllowlist(AllowlistGroup.builder().name("default").addEntry("192.168.1.23")
            .addEntry("192.168.1.0/24")),
        input(service("svc"))), "EASNET-015");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).severity()).isEqualTo(Severity.INFO);
    assertThat(f.get(0).message()).isEqualTo("allowlist \"default\" of RDS instance rm-db admits 192.168.1.23, a"
        + " single address in EAS vSwitch vsw-a1 (192.168.1.0/24, service svc); allowlist \"default\" already"
        + " admits 192.168.1.0/24, which covers the vSwitch, so this entry is a leftover");
    assertThat(f.get(0).remediation()).isEqualTo("remove 192.168.1.23 from allowlist \"default\" (ModifyMode"
        + " Delete) when nothing else needs it").doesNotContain("add");
    assertThat(f.get(0).location()).isEqualTo("snapshot.json:/rdsInstances/0/allowlists/0/entries/0");
  }

  @Test
  void singleAddressOutsideEasVSwitchesIsNotAnEasInstance() {
    assertThat(run(of(withRdsAllowlist(AllowlistGroup.builder().name("default").addEntry("192.168.9.23")),
        input(service("svc"))), "EASNET-015")).isEmpty();
  }

  @Test
  void allowlistWithTheWholeInternetIsAnError() {
    List<Finding> f = run(of(inventory().addRedisInstance(RedisInstance.builder().id("r-cache").vpcId("vpc-a")
        .addAllowlist(AllowlistGroup.builder().name("default").addEntry("0.0.0.0/0").build()))), "EASNET-016");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("allowlist \"default\" of Redis instance r-cache contains 0.0.0.0/0,"
        + " which admits every address");
  }

  @Test
  void allowlistWhoseHalvesCoverTheWholeInternetIsAnErrorToo() {
    List<Finding> f = run(of(inventory().addRedisInstance(RedisInstance.builder().id("r-cache").vpcId("vpc-a")
        .addAllowlist(AllowlistGroup.builder().name("default").addEntry("0.0.0.0/1").addEntry("128.0.0.0/1")
            .build()))), "EASNET-016");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("allowlist \"default\" of Redis instance r-cache admits every address:"
        + " its entries [0.0.0.0/1, 128.0.0.0/1] together cover 0.0.0.0/0");
    assertThat(f.get(0).pointer()).endsWith("/allowlists/0/entries");
  }

  @Test
  void allowlistWithOneHalfOfTheInternetIsNotEverybody() {
    assertThat(run(of(inventory().addRedisInstance(RedisInstance.builder().id("r-cache").vpcId("vpc-a")
        .addAllowlist(AllowlistGroup.builder().name("default").addEntry("0.0.0.0/1").build()))), "EASNET-016"))
        .isEmpty();
  }

  @Test
  void allowlistOfVSwitchBlocksAdmitsNotEverybody() {
    assertThat(run(of(inventory()), "EASNET-016")).isEmpty();
  }

  @Test
  void moreThan1000EntriesIsAnError() {
    List<Finding> f = run(of(withRdsAllowlist(entries(1001))), "EASNET-017");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("RDS instance rm-db has 1001 allowlist entries, above the quota of 1000"
        + " per instance; the cloud rejects further changes");
    assertThat(run(of(withRdsAllowlist(entries(1001))), "EASNET-018")).isEmpty();
  }

  @Test
  void exactly1000EntriesIsNotAboveTheQuota() {
    assertThat(run(of(withRdsAllowlist(entries(1000))), "EASNET-017")).isEmpty();
  }

  @Test
  void entriesCloseToTheQuotaAreAWarning() {
    List<Finding> f = run(of(withRdsAllowlist(entries(950))), "EASNET-018");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("RDS instance rm-db has 950 allowlist entries; the quota is 1000 per"
        + " instance, so only 50 more fit");
  }

  @Test
  void fewEntriesAreFarFromTheQuota() {
    assertThat(run(of(withRdsAllowlist(entries(899))), "EASNET-018")).isEmpty();
  }

  @Test
  void targetAllowlistWithoutTheEasVSwitchIsAnError() {
    List<Finding> f = run(of(withRdsAllowlist(AllowlistGroup.builder().name("default").addEntry("127.0.0.1")),
        input(service("svc")).addPrivateTarget("rm-db")), "EASNET-029");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("service svc cannot reach RDS rm-db (UNREACHABLE): RDS instance rm-db:"
        + " the allowlist holds only 127.0.0.1, which admits nobody");
    assertThat(f.get(0).remediation()).isEqualTo("append 192.168.1.0/24 to allowlist group eas of rm-db"
        + " (ModifySecurityIps with ModifyMode Append)");
    assertThat(f.get(0).location()).isEqualTo("snapshot.json:/rdsInstances/0/allowlists");
  }

  @Test
  void aBoundSecurityGroupAdmitsItsMembersNotWhatItsRulesAllow() {
    // docs/semantics.md: a group bound to RDS or Redis is an allowlist of its member instances; its rules are not
    // enforced for the database, so rules admitting the EAS vSwitch do not open the allowlist
    Inventory.Builder byRules = inventory()
        .rdsInstances(List.of(RdsInstance.builder().id("rm-db").vpcId("vpc-a").vSwitchId("vsw-a2")
            .privateIp("192.168.2.10").addSecurityGroupId("sg-data")
            .addAllowlist(AllowlistGroup.builder().name("default").addEntry("127.0.0.1")).build()))
        .addSecurityGroup(io.easnet.core.model.SecurityGroup.builder().id("sg-data").vpcId("vpc-a")
            .addRule(io.easnet.core.model.SecurityGroupRule.ingress().tcp(3306).peer("192.168.1.0/24")));
    assertThat(run(of(byRules, input(service("svc")).addPrivateTarget("rm-db")), "EASNET-029")).hasSize(1);
    Inventory.Builder byMembership = inventory()
        .rdsInstances(List.of(RdsInstance.builder().id("rm-db").vpcId("vpc-a").vSwitchId("vsw-a2")
            .privateIp("192.168.2.10").addSecurityGroupId("sg-eas")
            .addAllowlist(AllowlistGroup.builder().name("default").addEntry("127.0.0.1")).build()));
    assertThat(run(of(byMembership, input(service("svc")).addPrivateTarget("rm-db")), "EASNET-029")).isEmpty();
  }

  @Test
  void targetAllowlistWithTheVSwitchCidrIsFine() {
    assertThat(run(of(inventory(), input(service("svc")).addPrivateTarget("rm-db")), "EASNET-029")).isEmpty();
  }
}
