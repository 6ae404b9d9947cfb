package io.easnet.core.analysis;

import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.Eip;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.RouteTable.RouteEntry;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.resolve.EffectiveNetwork;
import io.easnet.core.resolve.EffectiveNetwork.Provenance;
import java.util.List;

/**
 * A working estate: service {@code svc} in vpc-a on vsw-a (192.168.1.0/24) and vsw-b (192.168.2.0/24) with group
 * sg-eas; RDS rm-1 and Redis r-1 allowlisting both vSwitch blocks; ECS i-db (sg-db admits sg-eas on 5432); ECS client
 * i-client (sg-client) which sg-eas admits on 8000; internet NAT ngw-1 with EIP 47.0.0.1, SNAT for vsw-a by id and
 * for the VPC block by CIDR, and the system route 0.0.0.0/0 → ngw-1. Each test breaks one thing.
 */
final class Estates {
  static final NatGatewayId NGW = NatGatewayId.of("ngw-1");

  private Estates() {}

  static Vpc.Builder vpcA() {
    return Vpc.builder().id("vpc-a").cidrBlock("192.168.0.0/16");
  }

  static VSwitch.Builder vswA() {
    return VSwitch.builder().id("vsw-a").vpcId("vpc-a").cidrBlock("192.168.1.0/24").zoneId("cn-hangzhou-h");
  }

  static VSwitch.Builder vswB() {
    return VSwitch.builder().id("vsw-b").vpcId("vpc-a").cidrBlock("192.168.2.0/24").zoneId("cn-hangzhou-i");
  }

  static SecurityGroup.Builder sgEas() {
    return SecurityGroup.builder().id("sg-eas").vpcId("vpc-a").type(SecurityGroupType.BASIC)
        .addRule(SecurityGroupRule.ingress().tcp(8000).peer("sg-client"));
  }

  static SecurityGroup.Builder sgDb() {
    return SecurityGroup.builder().id("sg-db").vpcId("vpc-a").type(SecurityGroupType.ENTERPRISE)
        .addRule(SecurityGroupRule.ingress().tcp(5432).peer("sg-eas"));
  }

  static SecurityGroup.Builder sgClient() {
    return SecurityGroup.builder().id("sg-client").vpcId("vpc-a").type(SecurityGroupType.BASIC);
  }

  static RdsInstance.Builder rds() {
    return RdsInstance.builder().id("rm-1").vpcId("vpc-a").vSwitchId("vsw-db").privateIp("192.168.10.5")
        .addAllowlist(AllowlistGroup.builder().name("default").addEntry("192.168.1.0/24")
            .addEntry("192.168.2.0/24"));
  }

  static RedisInstance.Builder redis() {
    return RedisInstance.builder().id("r-1").vpcId("vpc-a").privateIp("192.168.10.6")
        .addAllowlist(AllowlistGroup.builder().name("default").addEntry("192.168.0.0/16"));
  }

  static EcsInstance.Builder ecsDb() {
    return EcsInstance.builder().id("i-db").vpcId("vpc-a").vSwitchId("vsw-db").addPrivateIp("192.168.10.20")
        .addSecurityGroupId("sg-db");
  }

  static EcsInstance.Builder ecsClient() {
    return EcsInstance.builder().id("i-client").vpcId("vpc-a").vSwitchId("vsw-db").addPrivateIp("192.168.10.30")
        .addSecurityGroupId("sg-client");
  }

  static NatGateway.Builder nat() {
    return NatGateway.builder().id("ngw-1").vpcId("vpc-a").addEipId("eip-1").addSnatTableId("stb-1");
  }

  static Eip.Builder eip() {
    return Eip.builder().id("eip-1").ipAddress("47.0.0.1").instanceId("ngw-1").instanceType("Nat");
  }

  static SnatEntry.Builder snatA() {
    return SnatEntry.builder().id("snat-a").snatTableId("stb-1").natGatewayId("ngw-1").sourceVSwitchId("vsw-a")
        .addSnatIp("47.0.0.1");
  }

  static SnatEntry.Builder snatVpc() {
    return SnatEntry.builder().id("snat-vpc").snatTableId("stb-1").natGatewayId("ngw-1")
        .sourceCidr("192.168.0.0/16").addSnatIp("47.0.0.1");
  }

  static RouteTable.Builder routes() {
    return RouteTable.builder().id("vtb-1").vpcId("vpc-a").type(RouteTable.Type.SYSTEM)
        .addEntry(RouteEntry.toNat("0.0.0.0/0", NGW));
  }

  static VSwitch.Builder vswDb() {
    return VSwitch.builder().id("vsw-db").vpcId("vpc-a").cidrBlock("192.168.10.0/24");
  }

  /** The working estate as a builder, so tests can replace parts. */
  static Inventory.Builder good() {
    return Inventory.builder()
        .addVpc(vpcA())
        .addVSwitch(vswA()).addVSwitch(vswB()).addVSwitch(vswDb())
        .addSecurityGroup(sgEas()).addSecurityGroup(sgDb()).addSecurityGroup(sgClient())
        .addRdsInstance(rds()).addRedisInstance(redis())
        .addEcsInstance(ecsDb()).addEcsInstance(ecsClient())
        .addNatGateway(nat()).addEip(eip()).addSnatEntry(snatA()).addSnatEntry(snatVpc())
        .addRouteTable(routes());
  }

  /** The working estate with one list replaced (pass only what a test changes). */
  static Inventory with(java.util.function.UnaryOperator<Inventory> change) {
    return change.apply(good().build());
  }

  /** Supplies the security groups of a variant estate. */
  @FunctionalInterface
  interface GroupChange {
    List<SecurityGroup> groups();
  }

  /** The service's network: vsw-a in vpc-a, guarded by sg-eas. */
  static EffectiveNetwork service() {
    return network("vsw-a");
  }

  static EffectiveNetwork network(String vSwitch) {
    return network("vpc-a", vSwitch, "sg-eas");
  }

  static EffectiveNetwork network(String vpc, String vSwitch, String group) {
    return EffectiveNetwork.builder().serviceName("svc").provenance(Provenance.SERVICE).vpcId(VpcId.of(vpc))
        .vSwitchId(VSwitchId.of(vSwitch)).securityGroupId(SecurityGroupId.of(group)).build();
  }

  /** The resource group eas-r-1 whose DLink puts instances in vsw-a, with sg-eas and the given client vSwitches. */
  static io.easnet.core.model.ResourceGroup.Builder group(String... clientVSwitches) {
    io.easnet.core.model.ResourceGroup.DLink.Builder d = io.easnet.core.model.ResourceGroup.DLink.builder().vpcId("vpc-a").vSwitchId("vsw-a")
        .securityGroupId("sg-eas");
    for (String v : clientVSwitches) {
      d.addAuxVSwitchId(v);
    }
    return io.easnet.core.model.ResourceGroup.builder().id("eas-r-1").dlink(d.build());
  }

  /** The network of a service in {@link #group}: resolved as the resolver does. */
  static EffectiveNetwork groupNetwork(String... clientVSwitches) {
    return io.easnet.core.resolve.NetworkResolver.create().resolve(
        io.easnet.core.model.ServiceSpec.builder().name("svc").resourceGroupId("eas-r-1").build(),
        group(clientVSwitches).build());
  }

  /** A service naming resource group eas-r-1 that is not known. */
  static EffectiveNetwork unknownGroup() {
    return io.easnet.core.resolve.NetworkResolver.create().resolve(
        io.easnet.core.model.ServiceSpec.builder().name("svc").resourceGroupId("eas-r-1").build());
  }

  static EffectiveNetwork none() {
    return EffectiveNetwork.builder().serviceName("svc").provenance(Provenance.NONE).build();
  }
}
