package io.easnet.core.rules;

import io.easnet.core.analysis.EstateAnalysis.AnalysisInput;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.ServiceSpec.Container;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.Eip;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.RouteTable.RouteEntry;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.Vpc;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A small healthy estate for rule tests: VPC vpc-a with EAS vSwitch vsw-a1 (192.168.1.0/24), database vSwitch
 * vsw-a2, security group sg-eas, RDS rm-db admitting vsw-a1, an internet NAT ngw-a with EIP, SNAT and route; a
 * second VPC vpc-b with vsw-b1 and sg-b; resource group eas-r-1 with a DLink on vsw-a1.
 */
final class Estate {
  static final String SOURCE = "service.json";

  private Estate() {}

  static Inventory.Builder inventory() {
    return Inventory.builder()
        .regionId("cn-hangzhou")
        .addVpc(Vpc.builder().id("vpc-a").cidrBlock("192.168.0.0/16"))
        .addVpc(Vpc.builder().id("vpc-b").cidrBlock("10.0.0.0/16"))
        .addVSwitch(VSwitch.builder().id("vsw-a1").vpcId("vpc-a").cidrBlock("192.168.1.0/24"))
        .addVSwitch(VSwitch.builder().id("vsw-a2").vpcId("vpc-a").cidrBlock("192.168.2.0/24"))
        .addVSwitch(VSwitch.builder().id("vsw-b1").vpcId("vpc-b").cidrBlock("10.0.1.0/24"))
        .addSecurityGroup(SecurityGroup.builder().id("sg-eas").vpcId("vpc-a").name("eas"))
        .addSecurityGroup(SecurityGroup.builder().id("sg-b").vpcId("vpc-b"))
        .addRdsInstance(RdsInstance.builder().id("rm-db").vpcId("vpc-a").vSwitchId("vsw-a2")
            .privateIp("192.168.2.10")
            .addAllowlist(AllowlistGroup.builder().name("default").addEntry("192.168.1.0/24")))
        .addNatGateway(NatGateway.builder().id("ngw-a").vpcId("vpc-a").addEipId("eip-a").addSnatTableId("stb-a"))
        .addEip(Eip.builder().id("eip-a").ipAddress("47.96.1.1").instanceId("ngw-a").instanceType("Nat"))
        .addSnatEntry(SnatEntry.builder().id("snat-a").snatTableId("stb-a").natGatewayId("ngw-a")
            .sourceVSwitchId("vsw-a1").addSnatIp("47.96.1.1"))
        .addRouteTable(RouteTable.builder().id("vtb-a").vpcId("vpc-a")
            .addEntry(RouteEntry.toNat("0.0.0.0/0", NatGatewayId.of("ngw-a"))))
        .addResourceGroup(ResourceGroup.builder().id("eas-r-1")
            .dlink(DLink.builder().vSwitchId("vsw-a1").securityGroupId("sg-eas")));
  }

  static ServiceSpec.Builder service(String name) {
    return ServiceSpec.builder().name(name).instanceCount(2)
        .networking(ServiceNetworking.of("vpc-a", "vsw-a1", "sg-eas"));
  }

  static ServiceInput.Builder input(ServiceSpec.Builder spec) {
    return ServiceInput.builder().spec(spec.build()).sourceName(SOURCE);
  }

  static AnalysisInput of(Inventory.Builder inventory, ServiceInput.Builder... services) {
    AnalysisInput.Builder b = AnalysisInput.builder().inventory(inventory.build()).inventorySource("snapshot.json");
    for (ServiceInput.Builder s : services) {
      b.addService(s);
    }
    return b.build();
  }

  static List<Finding> run(AnalysisInput input, String ruleId) {
    return RuleCatalog.standard().run(input).stream().filter(f -> f.ruleId().equals(ruleId)).toList();
  }

  static String messages(List<Finding> findings) {
    return findings.stream().map(Finding::message).collect(Collectors.joining("\n"));
  }

  static Container image(String image) {
    return Container.builder().image(image).build();
  }

  static SecurityGroupRule.Builder ingress() {
    return SecurityGroupRule.ingress();
  }
}
