package io.easnet.core.rules;

import io.easnet.core.rules.Finding.Severity;
import static io.easnet.core.rules.Estate.input;
import static io.easnet.core.rules.Estate.inventory;
import static io.easnet.core.rules.Estate.of;
import static io.easnet.core.rules.Estate.run;
import static io.easnet.core.rules.Estate.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkingRulesTest {

  @Test
  void partialBlockIsAnErrorNamingTheMissingKeys() {
    List<Finding> f = run(of(inventory(),
        input(service("svc").networking(ServiceNetworking.builder().vpcId("vpc-a")))), "EASNET-001");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("service svc sets vpc_id in cloud.networking but not vswitch_id,"
        + " security_group_id; EAS needs all of vpc_id, vswitch_id and security_group_id and never fills the gap"
        + " from the resource group");
    assertThat(f.get(0).pointer()).isEqualTo("/cloud/networking");
    assertThat(f.get(0).source()).contains("service.json");
    assertThat(f.get(0).severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void completeBlockIsNotReportedAsPartial() {
    assertThat(run(of(inventory(), input(service("svc"))), "EASNET-001")).isEmpty();
  }

  @Test
  void placeholderIdIsReportedWithTheOnlyMatchingInventoryIdAsSuggestion() {
    List<Finding> f = run(of(inventory().addVpc(io.easnet.core.model.Vpc.builder().id("vpc-bp1uepgqtar0123")
            .cidrBlock("172.16.0.0/12")),
        input(service("svc").networking(ServiceNetworking.of("vpc-bp1uepgqtar*****", "vsw-a1", "sg-eas")))),
        "EASNET-002");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("service svc: vpc_id \"vpc-bp1uepgqtar*****\" is a masked"
        + " placeholder from the documentation, not the id of a real resource");
    assertThat(f.get(0).pointer()).isEqualTo("/cloud/networking/vpc_id");
    assertThat(f.get(0).didYouMean()).contains("vpc-bp1uepgqtar0123");
    assertThat(f.get(0).render()).contains("Did you mean vpc-bp1uepgqtar0123?");
  }

  @Test
  void realIdsAreNotPlaceholders() {
    assertThat(run(of(inventory(), input(service("svc"))), "EASNET-002")).isEmpty();
  }

  @Test
  void partialBlockInAResourceGroupWithDLinkSaysNothingIsMerged() {
    List<Finding> f = run(of(inventory(), input(service("svc").resourceGroupId("eas-r-1")
        .networking(ServiceNetworking.builder().vSwitchId("vsw-a1")))), "EASNET-003");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("service svc sets a partial cloud.networking block (missing vpc_id,"
        + " security_group_id) while resource group eas-r-1 has a VPC direct connection (vSwitch vsw-a1, security"
        + " group sg-eas); EAS does not take the missing keys from the resource group");
  }

  @Test
  void partialBlockWithoutResourceGroupIsNotTheMergeMistake() {
    assertThat(run(of(inventory(), input(service("svc").networking(ServiceNetworking.builder().vSwitchId("vsw-a1")))),
        "EASNET-003")).isEmpty();
  }

  @Test
  void serviceBlockShadowingTheResourceGroupIsInfo() {
    List<Finding> f = run(of(inventory(), input(service("svc").resourceGroupId("eas-r-1"))), "EASNET-004");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).severity()).isEqualTo(Severity.INFO);
    assertThat(f.get(0).message()).isEqualTo("service svc uses its own cloud.networking (vSwitch vsw-a1, security"
        + " group sg-eas); the VPC direct connection of eas-r-1 (vSwitch vsw-a1, security group sg-eas) is not used"
        + " by this service");
  }

  @Test
  void serviceUsingTheResourceGroupConnectionShadowsNothing() {
    assertThat(run(of(inventory(), input(service("svc").resourceGroupId("eas-r-1")
        .networking(java.util.Optional.empty()))), "EASNET-004")).isEmpty();
  }

  @Test
  void unknownVpcIsReportedWithANearMiss() {
    List<Finding> f = run(of(inventory(),
        input(service("svc").networking(ServiceNetworking.of("vpc-aa", "vsw-a1", "sg-eas")))), "EASNET-005");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("service svc: VPC vpc-aa is not in the inventory (2 VPCs known)");
    assertThat(f.get(0).didYouMean()).contains("vpc-a");
  }

  @Test
  void knownVpcIsNotReported() {
    assertThat(run(of(inventory(), input(service("svc"))), "EASNET-005")).isEmpty();
  }

  @Test
  void unknownVSwitchIsReportedWithANearMiss() {
    List<Finding> f = run(of(inventory(),
        input(service("svc").networking(ServiceNetworking.of("vpc-a", "vsw-a3", "sg-eas")))), "EASNET-006");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("service svc: vSwitch vsw-a3 is not in the inventory");
    assertThat(f.get(0).pointer()).isEqualTo("/cloud/networking/vswitch_id");
    assertThat(f.get(0).didYouMean()).contains("vsw-a1");
  }

  @Test
  void unknownClientVSwitchOfTheResourceGroupHoldsNoInstancesButLeavesARouteUndetermined() {
    io.easnet.core.model.Inventory.Builder inv = inventory().resourceGroups(List.of(ResourceGroup.builder().id("eas-r-1")
        .dlink(DLink.builder().vSwitchId("vsw-a1").securityGroupId("sg-eas").addAuxVSwitchId("vsw-zz")).build()));
    io.easnet.core.model.ServiceSpec.Builder svc = service("svc").resourceGroupId("eas-r-1").networking(java.util.Optional.empty());
    // the listed vSwitch is a client vSwitch of the return route, not one the instances live in
    assertThat(run(of(inv, input(svc)), "EASNET-006")).isEmpty();
    List<Finding> f = run(of(inv, input(svc).addPrivateTarget("rm-db")), "EASNET-038");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("service svc cannot reach RDS rm-db (UNDETERMINED): resource group"
        + " eas-r-1: the return-route vSwitches [vsw-zz] are not in the inventory");
    assertThat(f.get(0).location()).isEqualTo("snapshot.json:/resourceGroups/0/dlink");
  }

  @Test
  void knownVSwitchIsNotReported() {
    assertThat(run(of(inventory(), input(service("svc"))), "EASNET-006")).isEmpty();
  }

  @Test
  void unknownSecurityGroupIsReported() {
    List<Finding> f = run(of(inventory(),
        input(service("svc").networking(ServiceNetworking.of("vpc-a", "vsw-a1", "sg-ea")))), "EASNET-007");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("service svc: security group sg-ea is not in the inventory");
    assertThat(f.get(0).didYouMean()).contains("sg-eas");
  }

  @Test
  void knownSecurityGroupIsNotReported() {
    assertThat(run(of(inventory(), input(service("svc"))), "EASNET-007")).isEmpty();
  }

  @Test
  void vSwitchOfAnotherVpcIsAnError() {
    List<Finding> f = run(of(inventory(),
        input(service("svc").networking(ServiceNetworking.of("vpc-a", "vsw-b1", "sg-eas")))), "EASNET-008");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message())
        .isEqualTo("service svc: vSwitch vsw-b1 is in VPC vpc-b, not in the configured VPC vpc-a");
    assertThat(f.get(0).remediation()).isEqualTo("use a vSwitch of vpc-a (vsw-a1, vsw-a2), or set vpc_id to vpc-b");
  }

  @Test
  void vSwitchOfTheConfiguredVpcIsFine() {
    assertThat(run(of(inventory(), input(service("svc"))), "EASNET-008")).isEmpty();
  }

  @Test
  void securityGroupOfAnotherVpcIsAnError() {
    List<Finding> f = run(of(inventory(),
        input(service("svc").networking(ServiceNetworking.of("vpc-a", "vsw-a1", "sg-b")))), "EASNET-009");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("service svc: security group sg-b is in VPC vpc-b, not in the"
        + " configured VPC vpc-a; EAS cannot attach it to the instances' network interfaces");
    assertThat(f.get(0).didYouMean()).contains("sg-eas");
  }

  @Test
  void securityGroupOfTheConfiguredVpcIsFine() {
    assertThat(run(of(inventory(), input(service("svc"))), "EASNET-009")).isEmpty();
  }

  @Test
  void unknownResourceGroupIsAWarning() {
    List<Finding> f = run(of(inventory(), input(service("svc").resourceGroupId("eas-r-2"))), "EASNET-032");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("service svc runs in resource group eas-r-2, which is not in the"
        + " inventory; its VPC direct connection could not be checked");
    assertThat(f.get(0).didYouMean()).contains("eas-r-1");
    assertThat(f.get(0).pointer()).isEqualTo("/metadata/resource");
  }

  @Test
  void knownResourceGroupIsFine() {
    assertThat(run(of(inventory(), input(service("svc").resourceGroupId("eas-r-1"))), "EASNET-032")).isEmpty();
  }
}
