package io.easnet.core.plan;

import io.easnet.core.analysis.internal.IntentSyntax;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.Eip;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.Vpc;
import java.util.List;

/**
 * Estates for the planner tests. {@link #bare()}: service {@code svc} in vpc-a on vsw-a (192.168.1.0/24) with group
 * sg-eas (enterprise: no egress unless a rule allows it); RDS rm-1 and Redis r-1 whose allowlists admit nothing of
 * vsw-a; ECS i-db (sg-db, admits nothing) and client i-client (sg-client); no NAT gateway; a system route table with
 * no routes. {@link #fixed()} is the same estate with every path open.
 */
final class PlanEstates {
  private PlanEstates() {}

  static Inventory.Builder bare() {
    return Inventory.builder()
        .addVpc(Vpc.builder().id("vpc-a").cidrBlock("192.168.0.0/16"))
        .addVSwitch(VSwitch.builder().id("vsw-a").vpcId("vpc-a").cidrBlock("192.168.1.0/24").zoneId("cn-hangzhou-h"))
        .addVSwitch(VSwitch.builder().id("vsw-b").vpcId("vpc-a").cidrBlock("192.168.2.0/24").zoneId("cn-hangzhou-i"))
        .addVSwitch(VSwitch.builder().id("vsw-db").vpcId("vpc-a").cidrBlock("192.168.10.0/24"))
        .addSecurityGroup(SecurityGroup.builder().id("sg-eas").vpcId("vpc-a").type(SecurityGroupType.ENTERPRISE))
        .addSecurityGroup(SecurityGroup.builder().id("sg-db").vpcId("vpc-a").type(SecurityGroupType.ENTERPRISE))
        .addSecurityGroup(SecurityGroup.builder().id("sg-client").vpcId("vpc-a").type(SecurityGroupType.BASIC)
            .addRule(SecurityGroupRule.egress().protocol(io.easnet.core.model.Protocol.TCP).ports("1/65535").peer("0.0.0.0/0")))
        .addRdsInstance(RdsInstance.builder().id("rm-1").vpcId("vpc-a").vSwitchId("vsw-db").privateIp("192.168.10.5")
            .addAllowlist(AllowlistGroup.builder().name("default").addEntry("127.0.0.1")))
        .addRedisInstance(RedisInstance.builder().id("r-1").vpcId("vpc-a").privateIp("192.168.10.6")
            .addAllowlist(AllowlistGroup.builder().name("default").addEntry("127.0.0.1")))
        .addEcsInstance(EcsInstance.builder().id("i-db").vpcId("vpc-a").vSwitchId("vsw-db")
            .addPrivateIp("192.168.10.20").addSecurityGroupId("sg-db"))
        .addEcsInstance(EcsInstance.builder().id("i-client").vpcId("vpc-a").vSwitchId("vsw-db")
            .addPrivateIp("192.168.10.30").addSecurityGroupId("sg-client"))
        .addRouteTable(RouteTable.builder().id("vtb-1").vpcId("vpc-a").type(RouteTable.Type.SYSTEM));
  }

  /** An internet NAT gateway ngw-1 in vpc-a with no EIP, no SNAT entry and no route. */
  static NatGateway.Builder natWithoutEip() {
    return NatGateway.builder().id("ngw-1").vpcId("vpc-a").vSwitchId("vsw-db").addSnatTableId("stb-1");
  }

  /** An unbound EIP. */
  static Eip.Builder freeEip() {
    return Eip.builder().id("eip-free").ipAddress("47.0.0.9").status("Available");
  }

  static ServiceSpec spec(String name, String vSwitch) {
    return ServiceSpec.builder().name(name).networking(ServiceNetworking.of("vpc-a", vSwitch, "sg-eas")).build();
  }

  /** Service {@code svc} on vsw-a with intents in their text form. */
  static ServiceInput svc(String... intents) {
    return service("svc", "vsw-a", intents);
  }

  static ServiceInput service(String name, String vSwitch, String... intents) {
    ServiceInput.Builder b = ServiceInput.builder().spec(spec(name, vSwitch)).sourceName(name + ".json");
    for (String i : intents) {
      b.addIntent(IntentSyntax.parse(i));
    }
    return b.build();
  }

  static List<ServiceInput> list(ServiceInput... s) {
    return List.of(s);
  }
}
