package io.easnet.testkit.plan;

import io.easnet.core.analysis.internal.IntentSyntax;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.Protocol;
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
import io.easnet.core.plan.Applier;
import io.easnet.core.spi.CloudPort;
import io.easnet.testkit.FakeCloud;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A bare estate for plan-and-apply tests: services on vsw-a and vsw-b of vpc-a with group sg-eas (enterprise: no
 * egress allowed); RDS rm-1 and Redis r-1 admitting nothing of the services; ECS i-db (sg-db, admits nothing) and a
 * client i-client; no NAT gateway; a system route table with no routes. Every intent needs changes.
 */
final class PlanFixtures {
  private PlanFixtures() {}

  static Inventory bare() {
    return Inventory.builder().regionId("cn-hangzhou")
        .addVpc(Vpc.builder().id("vpc-a").cidrBlock("192.168.0.0/16"))
        .addVSwitch(VSwitch.builder().id("vsw-a").vpcId("vpc-a").cidrBlock("192.168.1.0/24").zoneId("cn-hangzhou-h"))
        .addVSwitch(VSwitch.builder().id("vsw-b").vpcId("vpc-a").cidrBlock("192.168.2.0/24").zoneId("cn-hangzhou-i"))
        .addVSwitch(VSwitch.builder().id("vsw-db").vpcId("vpc-a").cidrBlock("192.168.10.0/24")
            .zoneId("cn-hangzhou-h"))
        .addSecurityGroup(SecurityGroup.builder().id("sg-eas").vpcId("vpc-a").type(SecurityGroupType.ENTERPRISE))
        .addSecurityGroup(SecurityGroup.builder().id("sg-db").vpcId("vpc-a").type(SecurityGroupType.ENTERPRISE))
        .addSecurityGroup(SecurityGroup.builder().id("sg-client").vpcId("vpc-a").type(SecurityGroupType.BASIC)
            .addRule(SecurityGroupRule.egress().protocol(Protocol.TCP).ports("1/65535").peer("0.0.0.0/0")))
        .addRdsInstance(RdsInstance.builder().id("rm-1").vpcId("vpc-a").vSwitchId("vsw-db").privateIp("192.168.10.5")
            .addAllowlist(AllowlistGroup.builder().name("default").addEntry("127.0.0.1")))
        .addRedisInstance(RedisInstance.builder().id("r-1").vpcId("vpc-a").vSwitchId("vsw-db")
            .privateIp("192.168.10.6").addAllowlist(AllowlistGroup.builder().name("default").addEntry("127.0.0.1")))
        .addEcsInstance(EcsInstance.builder().id("i-db").vpcId("vpc-a").vSwitchId("vsw-db")
            .addPrivateIp("192.168.10.20").addSecurityGroupId("sg-db"))
        .addEcsInstance(EcsInstance.builder().id("i-client").vpcId("vpc-a").vSwitchId("vsw-db")
            .addPrivateIp("192.168.10.30").addSecurityGroupId("sg-client"))
        .addRouteTable(RouteTable.builder().id("vtb-1").vpcId("vpc-a").type(RouteTable.Type.SYSTEM))
        .build();
  }

  static ServiceInput service(String name, String vSwitch, String... intents) {
    ServiceInput.Builder b = ServiceInput.builder().spec(ServiceSpec.builder().name(name)
        .networking(ServiceNetworking.of("vpc-a", vSwitch, "sg-eas")).build()).sourceName(name + ".json");
    for (String i : intents) {
      b.addIntent(IntentSyntax.parse(i));
    }
    return b.build();
  }

  /** Two services wanting every kind of path. */
  static List<ServiceInput> services() {
    return List.of(service("svc", "vsw-a", "rds:rm-1", "redis:r-1", "ecs:i-db:5432", "internet", "from:ecs:i-client"),
        service("other", "vsw-b", "rds:rm-1", "internet"));
  }

  static FakeCloud fake(Inventory inv) {
    return FakeCloud.builder().inventory(inv).build();
  }

  /** An applier over {@code port} on the fake's clock; waiting moves the fake's clock. */
  static Applier applier(CloudPort port, FakeCloud fake) {
    return Applier.builder(port).clock(fake.clock()).sleeper(fake::advance).build();
  }

  /**
   * What a plan changes, counted, independent of the ids the fake draws: rules per group, NAT gateways, EIPs and
   * their bindings, SNAT entries per source, routes per table, allowlist entries per instance and group.
   */
  static Map<String, Object> summary(Inventory inv) {
    Map<String, Object> out = new TreeMap<>();
    inv.securityGroups().forEach(g -> out.put("rules " + g.id(), g.rules().stream()
        .map(r -> r.direction() + " " + r.protocol() + " " + r.portRange() + " " + r.peer() + " " + r.policy()
            + " " + r.priority()).sorted().toList()));
    out.put("nat gateways", inv.natGateways().stream().map(n -> n.vpcId() + " " + n.status() + " eips "
        + n.eipIds().size()).sorted().toList());
    out.put("eips", inv.eips().stream().map(e -> e.status() + " " + e.instanceId().isPresent()).sorted().toList());
    out.put("snat entries", inv.snatEntries().stream().map(e -> e.sourceVSwitchId().map(Object::toString)
        .orElse("?") + " " + e.status() + " " + e.snatIps().size()).sorted().toList());
    inv.routeTables().forEach(t -> out.put("routes " + t.id(), t.entries().stream()
        .map(e -> e.destination() + " " + e.nextHopType()).sorted().toList()));
    inv.rdsInstances().forEach(i -> out.put("allowlist " + i.id(), i.allowlists().stream()
        .map(g -> g.name() + " " + g.entries()).sorted().toList()));
    inv.redisInstances().forEach(i -> out.put("allowlist " + i.id(), i.allowlists().stream()
        .map(g -> g.name() + " " + g.entries()).sorted().toList()));
    return out;
  }
}
