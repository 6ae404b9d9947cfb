package io.easnet.core.model;

import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.RouteTable.RouteEntry;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ServiceSpec.RollingStrategy;
import io.easnet.core.model.ServiceSpec.Autoscaler;
import io.easnet.core.model.ServiceSpec.Container;
import io.easnet.core.model.SecurityGroupRule.RulePeer;
import io.easnet.core.model.SecurityGroupRule.Policy;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ResourceId.RouteTableId;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelBuildersTest {

  static Inventory estate() {
    return Inventory.builder()
        .regionId("cn-hangzhou")
        .addVpc(Vpc.builder().id("vpc-prod").cidrBlock("192.168.0.0/16").addSecondaryCidrBlock("10.10.0.0/16"))
        .addVSwitch(VSwitch.builder().id("vsw-eas").vpcId("vpc-prod").zoneId("cn-hangzhou-h")
            .cidrBlock("192.168.1.0/24").availableIpAddressCount(200).routeTableId("vtb-custom"))
        .addVSwitch(VSwitch.builder().id("vsw-db").vpcId("vpc-prod").cidrBlock("192.168.2.0/24"))
        .addSecurityGroup(SecurityGroup.builder().id("sg-eas").vpcId("vpc-prod").name("eas-prod")
            .addRule(SecurityGroupRule.egress().tcp(3306).peer("192.168.2.0/24"))
            .addRule(SecurityGroupRule.ingress().tcp(8000).peer("sg-client").priority(10)))
        .addRdsInstance(RdsInstance.builder().id("rm-orders").vpcId("vpc-prod").vSwitchId("vsw-db")
            .addAllowlist(AllowlistGroup.builder().name("Default").addEntry("192.168.1.0/24")))
        .addEcsInstance(EcsInstance.builder().id("i-client").vpcId("vpc-prod").vSwitchId("vsw-db")
            .addPrivateIp("192.168.2.10").addSecurityGroupId("sg-client"))
        .addNatGateway(NatGateway.builder().id("ngw-1").vpcId("vpc-prod").addEipId("eip-1").addSnatTableId("stb-1"))
        .addEip(Eip.builder().id("eip-1").ipAddress("47.96.1.2").instanceId("ngw-1").instanceType("Nat"))
        .addSnatEntry(SnatEntry.builder().id("snat-1").snatTableId("stb-1").natGatewayId("ngw-1")
            .sourceVSwitchId("vsw-eas").addSnatIp("47.96.1.2"))
        .addRouteTable(RouteTable.builder().id("vtb-sys").vpcId("vpc-prod"))
        .addRouteTable(RouteTable.builder().id("vtb-custom").vpcId("vpc-prod").type(RouteTable.Type.CUSTOM)
            .addEntry(RouteEntry.toNat("0.0.0.0/0", NatGatewayId.of("ngw-1"))))
        .addResourceGroup(ResourceGroup.builder().id("eas-r-group").dlink(DLink.builder()
            .vSwitchId("vsw-eas").securityGroupId("sg-eas").addAuxVSwitchId("vsw-db")))
        .build();
  }

  @Test
  void aWholeEstateReadsInAFewLinesAndIsIndexed() {
    Inventory inv = estate();
    assertThat(inv.vpc(VpcId.of("vpc-prod")).orElseThrow().ipv4CidrBlocks()).hasSize(2);
    assertThat(inv.vSwitchesIn(VpcId.of("vpc-prod"))).extracting(VSwitch::id)
        .containsExactly(VSwitchId.of("vsw-eas"), VSwitchId.of("vsw-db"));
    assertThat(inv.membersOf(SecurityGroupId.of("sg-client"))).extracting(EcsInstance::id)
        .containsExactly(EcsInstanceId.of("i-client"));
    VSwitch eas = inv.vSwitch(VSwitchId.of("vsw-eas")).orElseThrow();
    assertThat(inv.routeTableFor(eas).orElseThrow().id()).isEqualTo(RouteTableId.of("vtb-custom"));
    VSwitch db = inv.vSwitch(VSwitchId.of("vsw-db")).orElseThrow();
    assertThat(inv.routeTableFor(db).orElseThrow().id()).isEqualTo(RouteTableId.of("vtb-sys"));
    assertThat(inv.eipsOf(inv.natGateway(NatGatewayId.of("ngw-1")).orElseThrow()))
        .extracting(e -> e.ipAddress().toString()).containsExactly("47.96.1.2");
    assertThat(inv.snatEntriesOf(NatGatewayId.of("ngw-1"))).hasSize(1);
    assertThat(inv.rdsInstance(RdsInstanceId.of("rm-orders")).orElseThrow().admits(Cidr.parse("192.168.1.0/24")))
        .isTrue();
    assertThat(inv.resourceGroup(ResourceGroupId.of("eas-r-group")).orElseThrow().dlink().orElseThrow()
        .allVSwitchIds()).containsExactly(VSwitchId.of("vsw-eas"), VSwitchId.of("vsw-db"));
  }

  @Test
  void duplicateIdsAreRejected() {
    assertThatThrownBy(() -> Inventory.builder()
            .addVpc(Vpc.builder().id("vpc-a").cidrBlock("10.0.0.0/8"))
            .addVpc(Vpc.builder().id("vpc-a").cidrBlock("172.16.0.0/12"))
            .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two VPCs with id vpc-a");
  }

  @Test
  void vSwitchUsableAddressesFollowAlibabasReservation() {
    VSwitch v24 = VSwitch.builder().id("vsw-a").vpcId("vpc-a").cidrBlock("192.168.1.0/24").build();
    assertThat(v24.usableIpCount()).isEqualTo(252);
    assertThat(v24.availableIpAddressCount()).isEqualTo(252);
    VSwitch v29 = VSwitch.builder().id("vsw-b").vpcId("vpc-a").cidrBlock("192.168.1.0/29").build();
    assertThat(v29.usableIpCount()).isEqualTo(4);
    VSwitch reserved = VSwitch.builder().id("vsw-c").vpcId("vpc-a").cidrBlock("192.168.1.0/24")
        .addReservedCidrBlock("192.168.1.0/28").build();
    // the reserved /28 holds the first address, which the system reserves already: counted once
    assertThat(reserved.usableIpCount()).isEqualTo(237);
  }

  @Test
  void vSwitchMaskOutsideSixteenToTwentyNineIsRejected() {
    assertThatThrownBy(() -> VSwitch.builder().id("vsw-a").vpcId("vpc-a").cidrBlock("10.0.0.0/30").build())
        .hasMessageContaining("vSwitch masks are /16 to /29");
    assertThatThrownBy(() -> VSwitch.builder().id("vsw-a").vpcId("vpc-a").cidrBlock("10.0.0.0/8").build())
        .hasMessageContaining("/8");
  }

  @Test
  void ruleChecksPriorityAndPortlessProtocols() {
    assertThatThrownBy(() -> SecurityGroupRule.ingress().tcp(22).peer("0.0.0.0/0").priority(101).build())
        .hasMessageContaining("priority must be 1 to 100");
    assertThatThrownBy(() -> SecurityGroupRule.ingress().protocol(Protocol.ICMP).ports("22/22")
            .peer("0.0.0.0/0").build())
        .hasMessageContaining("must use port range -1/-1");
    SecurityGroupRule r = SecurityGroupRule.ingress().peer("sg-other").build();
    assertThat(r.protocol()).isEqualTo(Protocol.ALL);
    assertThat(r.portRange().isAll()).isTrue();
    assertThat(r.policy()).isEqualTo(Policy.ACCEPT);
    assertThat(r.priority()).isEqualTo(1);
    assertThat(r.peer()).isEqualTo(RulePeer.group("sg-other"));
  }

  @Test
  void snatEntryNeedsASourceAndMayNotKnowItsIpsYet() {
    assertThatThrownBy(() -> SnatEntry.builder().id("snat-1").snatTableId("stb-1").natGatewayId("ngw-1")
            .addSnatIp("1.2.3.4").build())
        .hasMessageContaining("needs a source");
    // a planned entry whose EIP is allocated by the same Terraform plan (docs/terraform.md)
    assertThat(SnatEntry.builder().id("snat-1").snatTableId("stb-1").natGatewayId("ngw-1")
        .sourceCidr("10.0.0.0/8").build().snatIps()).isEmpty();
  }

  @Test
  void serviceNetworkingReportsMissingKeysInDocumentedOrder() {
    ServiceNetworking partial = ServiceNetworking.builder().vpcId("vpc-a").build();
    assertThat(partial.isComplete()).isFalse();
    assertThat(partial.missingKeys()).containsExactly("vswitch_id", "security_group_id");
    assertThat(ServiceNetworking.of("vpc-a", "vsw-a", "sg-a").isComplete()).isTrue();
  }

  @Test
  void thePortOfAServiceIsItsFirstContainerPort() {
    ServiceSpec s = ServiceSpec.builder().name("svc")
        .addContainer(Container.builder().image("sidecar").build())
        .addContainer(Container.builder().image("app").port(8000).build())
        .addContainer(Container.builder().image("other").port(9000).build())
        .build();
    assertThat(s.port()).hasValue(8000);
    assertThat(ServiceSpec.builder().name("svc").build().port()).isEmpty();
  }

  @Test
  void peakInstancesTakesTheAutoscalerMaximum() {
    ServiceSpec s = ServiceSpec.builder().name("svc").instanceCount(2).autoscaler(Autoscaler.of(1, 10)).build();
    assertThat(s.peakInstances()).isEqualTo(10);
    assertThat(ServiceSpec.builder().name("svc").build().peakInstances()).isEqualTo(1);
    assertThatThrownBy(() -> Autoscaler.of(5, 2)).hasMessageContaining("max (2) must be >= min (5)");
  }

  @Test
  void rollingSurgeAcceptsCountsAndPercentages() {
    assertThat(RollingStrategy.builder().maxSurge("2").build().surgeFor(10)).contains(2);
    assertThat(RollingStrategy.builder().maxSurge("25%").build().surgeFor(10)).contains(3);
    assertThat(RollingStrategy.builder().build().surgeFor(10)).isEmpty();
    assertThatThrownBy(() -> RollingStrategy.builder().maxSurge("lots").build())
        .hasMessageContaining("neither a count (2) nor a percentage (20%)");
  }

  @Test
  void toBuilderCopiesEverything() {
    Inventory inv = estate();
    assertThat(inv.toBuilder().build()).isEqualTo(inv);
    SecurityGroup g = inv.securityGroup(SecurityGroupId.of("sg-eas")).orElseThrow();
    assertThat(g.toBuilder().name("other").build().rules()).isEqualTo(g.rules());
  }
}
