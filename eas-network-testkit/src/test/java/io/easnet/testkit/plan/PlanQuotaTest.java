package io.easnet.testkit.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.change.Change.ChangeKind;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.Eip;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.RouteTable.RouteEntry;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.plan.Applier.ApplyResult;
import io.easnet.core.plan.Applier.ChangeResult;
import io.easnet.core.plan.Plan;
import io.easnet.testkit.FakeCloud;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The checks before the first write refuse a plan that would exceed a documented limit visible from the estate (issue
 * 17, item 8; docs/plan-safety.md, "Quotas"): rules per security group, allowlist entries per RDS instance, SNAT
 * entries and EIPs per NAT gateway, custom route entries per route table. For each: a plan that reaches the limit
 * passes, one that goes over it is refused naming the resource, the limit, the count and the fix; the dry run and the
 * apply agree, and a refused apply writes nothing.
 */
class PlanQuotaTest {
  /** An estate with {@code n} items on the resource of one limit. */
  private record Limit(String name, int limit, IntFunction<Inventory> estate, String change, String expected) {}

  private static final List<Limit> LIMITS = List.of(
      new Limit("rules per security group", 200, n -> PlanFitsEstateTest.estate().toBuilder()
          .securityGroups(replaceGroup(n)).build(),
          """
          {"id": "change-1", "kind": "AuthorizeSecurityGroupRule", "parameters": {"securityGroupId": "sg-z",
            "direction": "ingress", "protocol": "TCP", "portRange": "443/443", "peer": "192.168.0.0/16",
            "policy": "accept", "priority": 1}}""",
          "security group sg-z would hold 201 rules (200 now, 1 added by this plan up to this change), over the"
              + " limit of 200 rules per security group: revoke rules"),
      new Limit("allowlist entries per RDS instance", 1000, n -> PlanFitsEstateTest.estate().toBuilder()
          .rdsInstances(List.of(RdsInstance.builder().from(PlanFitsEstateTest.estate().rdsInstances().get(0))
              .allowlists(List.of(AllowlistGroup.builder().name("default").entries(addresses(n)).build())).build()))
          .build(),
          """
          {"id": "change-1", "kind": "AppendAllowlistEntries", "parameters": {"product": "rds", "instanceId": "rm-1",
            "group": "eas", "entries": ["192.168.1.0/24"]}}""",
          "RDS instance rm-1 would hold 1001 allowlist entries (1000 now, 1 added by this plan up to this change),"
              + " over the limit of 1000 allowlist entries per RDS instance: remove entries"),
      new Limit("SNAT entries per NAT gateway", 40, n -> withSnatEntries(n),
          """
          {"id": "change-1", "kind": "CreateSnatEntry", "parameters": {"natGatewayId": "ngw-z",
            "snatTableId": "stb-z", "sourceVSwitchId": "vsw-z", "snatIps": ["47.0.0.9"]}}""",
          "NAT gateway ngw-z would hold 41 SNAT entries (40 now, 1 added by this plan up to this change), over the"
              + " limit of 40 SNAT entries per NAT gateway: delete SNAT entries"),
      new Limit("custom route entries per route table", 200, n -> withRoutes(n),
          """
          {"id": "change-1", "kind": "CreateRouteEntry", "parameters": {"vpcId": "vpc-z", "routeTableId": "vtb-z",
            "destinationCidrBlock": "0.0.0.0/0", "nextHopType": "NatGateway", "natGatewayId": "ngw-z"}}""",
          "route table vtb-z would hold 201 custom route entries (200 now, 1 added by this plan up to this change),"
              + " over the limit of 200 custom route entries per route table: delete custom route entries"),
      new Limit("EIPs per NAT gateway", 20, n -> withEips(n),
          """
          {"id": "change-1", "kind": "AssociateEipAddress", "parameters": {"eipId": "eip-free",
            "natGatewayId": "ngw-z"}}""",
          "NAT gateway ngw-z would hold 21 EIPs (20 now, 1 added by this plan up to this change), over the limit of"
              + " 20 EIPs per NAT gateway: unbind EIPs"));

  @Test
  void aPlanAtTheLimitPassesAndOneOverItIsRefusedOnTheDryRunAsOnTheApply() {
    for (Limit l : LIMITS) {
      Plan plan = Plan.parse("{\"version\": 3, \"allowBilled\": false, \"changes\": [" + l.change() + "]}",
          "plan.json");
      // at the limit: the plan adds the last one allowed
      Outcome at = run(l.estate().apply(l.limit() - 1), plan);
      assertThat(at.dry().succeeded()).as("%s at the limit: %s", l.name(), at.dry()).isTrue();
      assertThat(at.apply().succeeded()).as("%s at the limit: %s", l.name(), at.apply()).isTrue();
      assertThat(at.apply().count(ChangeResult.Status.APPLIED)).as(l.name()).isEqualTo(1);
      // over it: refused before the first write, the same on both
      Outcome over = run(l.estate().apply(l.limit()), plan);
      ChangeResult dry = over.dry().results().get(0);
      ChangeResult apply = over.apply().results().get(0);
      assertThat(dry.status()).as(l.name()).isEqualTo(ChangeResult.Status.FAILED);
      assertThat(apply.status()).as(l.name()).isEqualTo(ChangeResult.Status.FAILED);
      assertThat(dry.error()).as(l.name()).contains("QuotaExceeded");
      assertThat(apply.error()).isEqualTo(dry.error());
      assertThat(dry.message()).as(l.name()).contains(l.expected());
      assertThat(apply.message()).as(l.name()).contains(l.expected()).contains("nothing was changed");
      assertThat(over.written()).as("%s: a refused apply writes nothing", l.name()).isFalse();
    }
  }

  @Test
  void theChangesOfOnePlanOnOneResourceCountTogether() {
    // 199 rules: the first of two new rules reaches the limit, the second goes over it, so the plan is refused
    Plan two = Plan.parse("""
        {"version": 3, "allowBilled": false, "changes": [
          {"id": "change-1", "kind": "AuthorizeSecurityGroupRule", "parameters": {"securityGroupId": "sg-z",
            "direction": "ingress", "protocol": "TCP", "portRange": "443/443", "peer": "192.168.0.0/16",
            "policy": "accept", "priority": 1}},
          {"id": "change-2", "kind": "AuthorizeSecurityGroupRule", "parameters": {"securityGroupId": "sg-z",
            "direction": "ingress", "protocol": "TCP", "portRange": "8443/8443", "peer": "192.168.0.0/16",
            "policy": "accept", "priority": 1}}]}""", "plan.json");
    Outcome r = run(PlanFitsEstateTest.estate().toBuilder().securityGroups(replaceGroup(199)).build(), two);
    assertThat(r.apply().results()).extracting(ChangeResult::status).containsExactly(ChangeResult.Status.SKIPPED,
        ChangeResult.Status.FAILED);
    assertThat(r.apply().results().get(1).message()).contains("would hold 201 rules (199 now, 2 added by this plan");
    assertThat(r.dry().results()).extracting(ChangeResult::status)
        .containsExactlyElementsOf(r.apply().results().stream().map(ChangeResult::status).toList());
    assertThat(r.written()).isFalse();
  }

  private record Outcome(ApplyResult dry, ApplyResult apply, boolean written) {}

  private static Outcome run(Inventory estate, Plan plan) {
    ApplyResult dry;
    try (FakeCloud fake = PlanFixtures.fake(estate)) {
      dry = PlanFixtures.applier(fake, fake).dryRun(plan);
    }
    try (FakeCloud fake = PlanFixtures.fake(estate)) {
      Inventory before = fake.inventory();
      ApplyResult apply = PlanFixtures.applier(fake, fake).apply(plan);
      return new Outcome(dry, apply, !fake.inventory().equals(before));
    }
  }

  private static List<SecurityGroup> replaceGroup(int rules) {
    List<SecurityGroup> out = new ArrayList<>();
    for (SecurityGroup g : PlanFitsEstateTest.estate().securityGroups()) {
      if (!g.id().value().equals("sg-z")) {
        out.add(g);
      }
    }
    SecurityGroup.Builder z = SecurityGroup.builder().id("sg-z").vpcId("vpc-z").type(SecurityGroupType.BASIC);
    for (int i = 0; i < rules; i++) {
      z.addRule(SecurityGroupRule.ingress().tcp(10000 + i).peer("10.0.0.0/8").build());
    }
    out.add(z.build());
    return out;
  }

  private static List<Cidr> addresses(int n) {
    List<Cidr> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Cidr.parse("172.16." + (i / 250) + "." + (i % 250 + 1)));
    }
    return out;
  }

  private static Inventory withSnatEntries(int n) {
    Inventory.Builder b = PlanFitsEstateTest.estate().toBuilder();
    for (int i = 0; i < n; i++) {
      b.addSnatEntry(SnatEntry.builder().id("snat-q" + i).snatTableId("stb-z").natGatewayId("ngw-z")
          .sourceCidr("10.0." + (100 + i) + ".0/24").addSnatIp(IpAddress.parse("47.0.0.9")).status("Available"));
    }
    return b.build();
  }

  private static Inventory withRoutes(int n) {
    Inventory base = PlanFitsEstateTest.estate();
    RouteTable.Builder t = RouteTable.builder().from(base.routeTables().stream()
        .filter(r -> r.id().value().equals("vtb-z")).findFirst().orElseThrow());
    for (int i = 0; i < n; i++) {
      t.addEntry(RouteEntry.builder().destination("172.16." + i + ".0/24").nextHopType("NatGateway")
          .nextHopId("ngw-z").build());
    }
    List<RouteTable> tables = new ArrayList<>(base.routeTables().stream()
        .filter(r -> !r.id().value().equals("vtb-z")).toList());
    tables.add(t.build());
    return base.toBuilder().routeTables(tables).build();
  }

  private static Inventory withEips(int n) {
    Inventory base = PlanFitsEstateTest.estate();
    NatGateway.Builder g = NatGateway.builder().id("ngw-z").vpcId("vpc-z").vSwitchId("vsw-z").addSnatTableId("stb-z")
        .status("Available");
    Inventory.Builder b = base.toBuilder().natGateways(base.natGateways().stream()
        .filter(x -> !x.id().value().equals("ngw-z")).toList());
    List<Eip> eips = new ArrayList<>(base.eips().stream().filter(e -> !e.instanceId().equals(
        java.util.Optional.of("ngw-z"))).toList());
    for (int i = 0; i < n; i++) {
      String id = i == 0 ? "eip-z" : "eip-q" + i;
      g.addEipId(id);
      eips.add(Eip.builder().id(id).ipAddress(i == 0 ? "47.0.0.9" : "47.0.1." + i).instanceId("ngw-z")
          .instanceType("Nat").status("InUse").build());
    }
    return b.addNatGateway(g).eips(eips).build();
  }
}
