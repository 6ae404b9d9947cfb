package io.easnet.core.plan;

import io.easnet.core.plan.Planner.PlanOptions;
import io.easnet.core.plan.Planner.PlanResult;
import io.easnet.core.change.Change.ChangeKind;
import static io.easnet.core.plan.PlanEstates.bare;
import static io.easnet.core.plan.PlanEstates.list;
import static io.easnet.core.plan.PlanEstates.service;
import static io.easnet.core.plan.PlanEstates.svc;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.analysis.PathResult;
import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.RouteTable.RouteEntry;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.Vpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlannerTest {
  private static final PlanOptions BILLED = PlanOptions.defaults().allowBilled(true);

  private static Plan works(Inventory inv, List<ServiceInput> services, PlanOptions options) {
    PlanResult r = Planner.of(inv).plan(services, options);
    assertThat(r.unfixable()).as("unfixable").isEmpty();
    assertThat(r.works()).isTrue();
    return r.plan().orElseThrow();
  }

  private static String compact(Plan p) {
    return p.toJson().replaceAll("\\s+", "");
  }

  private static List<ChangeKind> kinds(Plan p) {
    return p.changes().stream().map(PlannedChange::kind).toList();
  }

  private static PlannedChange of(Plan p, ChangeKind kind) {
    return p.changes().stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
  }

  private static List<PathResult> pathsAfter(Inventory inv, List<ServiceInput> services, Plan plan) {
    PlanState s = Planner.apply(PlanState.of(inv, services), plan);
    List<PathResult> out = new ArrayList<>();
    for (ResolvedService rs : Planner.analyse(s).services()) {
      out.addAll(rs.paths());
    }
    return out;
  }

  @Test
  void everyRemedyKindOfABareEstateIsPlannedOnceAndTheProofHolds() {
    Inventory inv = bare().build();
    List<ServiceInput> services = list(svc("rds:rm-1", "redis:r-1", "ecs:i-db:5432", "internet",
        "from:ecs:i-client"));
    Plan plan = works(inv, services, BILLED);

    // billed allocations and what depends on them last (docs/plan-safety.md, "Billed changes come last")
    assertThat(kinds(plan)).containsExactly(ChangeKind.AUTHORIZE_SECURITY_GROUP_RULE,
        ChangeKind.AUTHORIZE_SECURITY_GROUP_RULE, ChangeKind.AUTHORIZE_SECURITY_GROUP_RULE,
        ChangeKind.AUTHORIZE_SECURITY_GROUP_RULE, ChangeKind.AUTHORIZE_SECURITY_GROUP_RULE,
        ChangeKind.AUTHORIZE_SECURITY_GROUP_RULE, ChangeKind.APPEND_ALLOWLIST_ENTRIES,
        ChangeKind.APPEND_ALLOWLIST_ENTRIES, ChangeKind.CREATE_NAT_GATEWAY, ChangeKind.ADD_ROUTE_ENTRY,
        ChangeKind.ALLOCATE_EIP, ChangeKind.BIND_EIP, ChangeKind.CREATE_SNAT_ENTRY);
    List<PathResult> before = pathsAfter(inv, services, new Plan(true, List.of()));
    assertThat(before).extracting(PathResult::verdict).doesNotContain(Verdict.REACHABLE);
    assertThat(pathsAfter(inv, services, plan)).hasSize(5).extracting(PathResult::verdict)
        .containsOnly(Verdict.REACHABLE);
  }

  @Test
  void theIngressRuleNamesTheEasGroupAndTheAllowlistAppendsTheVSwitchBlock() {
    Inventory inv = bare().securityGroups(List.of()).addSecurityGroup(io.easnet.core.model.SecurityGroup.builder()
        .id("sg-eas").vpcId("vpc-a").type(io.easnet.core.model.SecurityGroup.SecurityGroupType.ENTERPRISE))
        .addSecurityGroup(io.easnet.core.model.SecurityGroup.builder().id("sg-db").vpcId("vpc-a")
            .type(io.easnet.core.model.SecurityGroup.SecurityGroupType.BASIC)).build();
    Plan plan = works(inv, list(svc("rds:rm-1", "ecs:i-db:5432")), BILLED);
    assertThat(compact(plan)).contains("\"securityGroupId\":\"sg-db\",\"direction\":\"ingress\",\"protocol\":\"TCP\","
        + "\"portRange\":\"5432/5432\",\"peer\":\"sg-eas\"").contains("\"entries\":[\"192.168.1.0/24\"]");
    Plan enterprise = works(bare().build(), list(svc("ecs:i-db:5432")), BILLED);
    assertThat(compact(enterprise)).contains("\"securityGroupId\":\"sg-db\",\"direction\":\"ingress\","
        + "\"protocol\":\"TCP\",\"portRange\":\"5432/5432\",\"peer\":\"192.168.1.0/24\"");
    PlannedChange allowlist = plan.changes().stream().filter(c -> c.kind() == ChangeKind.APPEND_ALLOWLIST_ENTRIES)
        .findFirst().orElseThrow();
    assertThat(allowlist.targets()).containsExactly("rm-1");
    assertThat(allowlist.description()).contains("append 192.168.1.0/24 to allowlist group eas of rm-1");
    assertThat(plan.billed()).isFalse();
  }

  @Test
  void newResourcesAreReferencedSymbolicallyAndDependOnlyOnEarlierChanges() {
    Plan plan = works(bare().build(), list(svc("internet")), BILLED);
    // the billed allocations and their dependants come last, in dependency order; the route needs only the gateway,
    // so it comes before the EIP is allocated
    assertThat(kinds(plan)).endsWith(ChangeKind.CREATE_NAT_GATEWAY, ChangeKind.ADD_ROUTE_ENTRY,
        ChangeKind.ALLOCATE_EIP, ChangeKind.BIND_EIP, ChangeKind.CREATE_SNAT_ENTRY);
    String nat = of(plan, ChangeKind.CREATE_NAT_GATEWAY).id();
    String eip = of(plan, ChangeKind.ALLOCATE_EIP).id();
    PlannedChange snat = of(plan, ChangeKind.CREATE_SNAT_ENTRY);
    assertThat(snat.targets()).containsExactly("${" + nat + ".natGatewayId}", "vsw-a");
    assertThat(snat.dependsOn()).containsExactly(nat, eip, of(plan, ChangeKind.BIND_EIP).id());
    assertThat(compact(plan)).contains("\"snatIps\":[\"${" + eip + ".ipAddress}\"]");
    List<String> seen = new ArrayList<>();
    for (PlannedChange c : plan.changes()) {
      assertThat(seen).as(c.id()).containsAll(c.dependsOn());
      seen.add(c.id());
    }
    assertThat(plan.billing()).hasSize(2).allMatch(b -> b.contains("billed"));
  }

  @Test
  void noChangeCanBeLeftOut() {
    Inventory inv = bare().build();
    List<ServiceInput> services = list(svc("rds:rm-1", "redis:r-1", "ecs:i-db:5432", "internet",
        "from:ecs:i-client"), service("b", "vsw-b", "rds:rm-1", "internet"));
    Plan plan = works(inv, services, BILLED);
    for (PlannedChange left : plan.changes()) {
      boolean needed = plan.changes().stream().anyMatch(c -> c.dependsOn().contains(left.id()));
      if (needed) {
        continue;
      }
      List<PlannedChange> rest = plan.changes().stream().filter(c -> c != left).toList();
      assertThat(pathsAfter(inv, services, new Plan(true, rest))).as("without %s", left)
          .extracting(PathResult::verdict).isNotEqualTo(List.of()).anyMatch(v -> v != Verdict.REACHABLE);
    }
  }

  @Test
  void aChangeAnotherOneCoversIsLeftOut() {
    // an egress rule and a route for one address are covered by the rule and route for every address
    Inventory inv = bare().build();
    List<ServiceInput> services = list(service("a", "vsw-a", "internet:47.1.2.3"), service("b", "vsw-a",
        "internet"));
    Plan plan = works(inv, services, BILLED);
    assertThat(plan.changes()).filteredOn(c -> c.kind() == ChangeKind.ADD_ROUTE_ENTRY).singleElement()
        .satisfies(c -> assertThat(c.description()).contains("0.0.0.0/0"));
    assertThat(plan.changes()).filteredOn(c -> c.kind() == ChangeKind.AUTHORIZE_SECURITY_GROUP_RULE)
        .singleElement().satisfies(c -> assertThat(c.description()).contains("to 0.0.0.0/0"));
    assertThat(compact(plan)).doesNotContain("47.1.2.3/32");
    assertThat(pathsAfter(inv, services, plan)).extracting(PathResult::verdict).containsOnly(Verdict.REACHABLE);
  }

  @Test
  void billedChangesAreNotPlannedUnlessAllowed() {
    PlanResult r = Planner.of(bare().build()).plan(list(svc("internet", "rds:rm-1")), PlanOptions.defaults());
    assertThat(r.works()).isFalse();
    assertThat(r.plan()).isEmpty();
    assertThat(r.unfixable()).hasSize(1);
    PlanResult.Unfixable u = r.unfixable().get(0);
    assertThat(u.service()).isEqualTo("svc");
    assertThat(u.intentText()).isEqualTo("internet");
    assertThat(u.verdict()).isEqualTo(Verdict.UNREACHABLE);
    assertThat(u.reasons()).anyMatch(s -> s.contains("CreateNatGateway") && s.contains("allow billed changes"));
  }

  @Test
  void anExistingGatewayWithAFreeEipNeedsNoBilledChange() {
    Inventory inv = bare().addNatGateway(PlanEstates.natWithoutEip()).addEip(PlanEstates.freeEip()).build();
    Plan plan = works(inv, list(svc("internet")), PlanOptions.defaults());
    assertThat(kinds(plan)).containsExactly(ChangeKind.BIND_EIP, ChangeKind.CREATE_SNAT_ENTRY,
        ChangeKind.ADD_ROUTE_ENTRY, ChangeKind.AUTHORIZE_SECURITY_GROUP_RULE);
    assertThat(plan.billed()).isFalse();
    String json = plan.toJson();
    assertThat(json).contains("\"eipId\": \"eip-free\"").contains("\"snatTableId\": \"stb-1\"")
        .contains("\"47.0.0.9\"").doesNotContain("${");
  }

  @Test
  void changesAreDedupedAcrossServicesAndIntents() {
    Inventory inv = bare().build();
    List<ServiceInput> services = list(service("a", "vsw-a", "rds:rm-1", "internet"),
        service("b", "vsw-b", "rds:rm-1", "internet", "internet:pypi.org"));
    Plan plan = works(inv, services, BILLED);
    Map<ChangeKind, Long> count = plan.changes().stream()
        .collect(Collectors.groupingBy(PlannedChange::kind, Collectors.counting()));
    assertThat(count).containsEntry(ChangeKind.CREATE_NAT_GATEWAY, 1L).containsEntry(ChangeKind.ALLOCATE_EIP, 1L)
        .containsEntry(ChangeKind.BIND_EIP, 1L).containsEntry(ChangeKind.CREATE_SNAT_ENTRY, 2L)
        .containsEntry(ChangeKind.ADD_ROUTE_ENTRY, 1L).containsEntry(ChangeKind.APPEND_ALLOWLIST_ENTRIES, 1L)
        .containsEntry(ChangeKind.AUTHORIZE_SECURITY_GROUP_RULE, 2L);
    PlannedChange allowlist = plan.changes().stream().filter(c -> c.kind() == ChangeKind.APPEND_ALLOWLIST_ENTRIES)
        .findFirst().orElseThrow();
    assertThat(allowlist.description()).contains("192.168.1.0/24, 192.168.2.0/24");
    assertThat(allowlist.serves()).containsExactly("a: rds:rm-1", "b: rds:rm-1");
    PlannedChange nat = of(plan, ChangeKind.CREATE_NAT_GATEWAY);
    assertThat(nat.serves()).contains("a: internet", "b: internet", "b: internet:pypi.org");
    assertThat(pathsAfter(inv, services, plan)).extracting(PathResult::verdict).containsOnly(Verdict.REACHABLE);
  }

  @Test
  void planningAgainAfterThePlanGivesAnEmptyPlan() {
    Inventory inv = bare().build();
    List<ServiceInput> services = list(svc("rds:rm-1", "redis:r-1", "ecs:i-db:5432", "internet",
        "from:ecs:i-client"));
    Plan plan = works(inv, services, BILLED);
    PlanState after = Planner.apply(PlanState.of(inv, services), plan);
    Plan again = works(after.inventory(), after.services(), BILLED);
    assertThat(again.isEmpty()).isTrue();
    assertThat(again.toJson()).contains("\"changes\": []");
  }

  @Test
  void theSamePlanIsWrittenByteForByteTwice() {
    List<ServiceInput> services = list(svc("rds:rm-1", "internet", "from:ecs:i-client"),
        service("b", "vsw-b", "redis:r-1"));
    String first = works(bare().build(), services, BILLED).toJson();
    String second = works(bare().build(), services, BILLED).toJson();
    assertThat(second).isEqualTo(first);
    assertThat(Plan.parse(first, "plan.json").toJson()).isEqualTo(first);
  }

  @Test
  void aBlockerNoChangeCanFixIsReportedWithItsReason() {
    RouteTable elsewhere = RouteTable.builder().id("vtb-1").vpcId("vpc-a").type(RouteTable.Type.SYSTEM)
        .addEntry(RouteEntry.builder().destination("0.0.0.0/0").nextHopType("Instance").nextHopId("i-proxy").build())
        .build();
    Inventory inv = bare().routeTables(List.of(elsewhere)).build();
    PlanResult r = Planner.of(inv).plan(list(svc("internet", "rds:rm-1")), BILLED);
    assertThat(r.works()).isFalse();
    assertThat(r.unfixable()).singleElement().satisfies(u -> {
      assertThat(u.intentText()).isEqualTo("internet");
      assertThat(u.reasons()).anyMatch(s -> s.contains("i-proxy") && s.contains("replacing the entry"));
    });
  }

  @Test
  void anUnknownFactLeavesTheIntentUndetermined() {
    Inventory inv = bare().vSwitches(List.of()).addVSwitch(io.easnet.core.model.VSwitch.builder().id("vsw-a")
        .vpcId("vpc-a").cidrBlock("192.168.1.0/24").routeTableId("vtb-custom")).build();
    PlanResult r = Planner.of(inv).plan(list(svc("internet")), BILLED);
    assertThat(r.works()).isFalse();
    assertThat(r.unfixable()).singleElement().satisfies(u -> {
      assertThat(u.verdict()).isEqualTo(Verdict.UNDETERMINED);
      assertThat(u.reasons()).anyMatch(s -> s.contains("vtb-custom"));
    });
  }

  @Test
  void aVSwitchInAnotherVpcIsFixedInTheServiceNetworking() {
    Inventory inv = bare().addVpc(Vpc.builder().id("vpc-b").cidrBlock("10.0.0.0/16")).build();
    ServiceSpec spec = ServiceSpec.builder().name("svc")
        .networking(ServiceNetworking.of("vpc-b", "vsw-a", "sg-eas")).build();
    List<ServiceInput> services = list(ServiceInput.builder().spec(spec).addIntent(
        io.easnet.core.analysis.internal.IntentSyntax.parse("rds:rm-1")).build());
    Plan plan = works(inv, services, BILLED);
    // the blockers found against vpc-b in the first round need no change once the service is in vpc-a
    assertThat(kinds(plan)).containsExactly(ChangeKind.SET_SERVICE_NETWORKING,
        ChangeKind.AUTHORIZE_SECURITY_GROUP_RULE, ChangeKind.APPEND_ALLOWLIST_ENTRIES);
    assertThat(plan.changes().get(0).description()).contains("vpc_id vpc-a, vswitch_id vsw-a");
    assertThat(pathsAfter(inv, services, plan)).extracting(PathResult::verdict).containsOnly(Verdict.REACHABLE);
  }

  @Test
  void aTargetOutsideTheDirectConnectionIsFixedInTheResourceGroup() {
    ResourceGroup group = ResourceGroup.builder().id("eas-r-1").dlink(DLink.builder().vpcId("vpc-a")
        .vSwitchId("vsw-a").securityGroupId("sg-eas").build()).build();
    Inventory inv = bare().addResourceGroup(group).build();
    ServiceSpec spec = ServiceSpec.builder().name("svc").resourceGroupId("eas-r-1").build();
    List<ServiceInput> services = list(ServiceInput.builder().spec(spec)
        .addIntent(io.easnet.core.analysis.internal.IntentSyntax.parse("rds:rm-1")).build());
    Plan plan = works(inv, services, BILLED);
    assertThat(kinds(plan)).contains(ChangeKind.UPDATE_DLINK);
    assertThat(compact(plan)).contains("\"auxVSwitchIds\":[\"vsw-db\"]");
    assertThat(pathsAfter(inv, services, plan)).extracting(PathResult::verdict).containsOnly(Verdict.REACHABLE);
  }
}
