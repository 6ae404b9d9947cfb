package io.easnet.testkit.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.InvalidInputException;
import io.easnet.core.model.Eip;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.Vpc;
import io.easnet.core.plan.Applier;
import io.easnet.core.plan.Applier.ApplyResult;
import io.easnet.core.change.Change.ChangeKind;
import io.easnet.core.plan.Applier.ChangeResult;
import io.easnet.core.plan.Plan;
import io.easnet.core.plan.Planner.PlanOptions;
import io.easnet.core.plan.Planner;
import io.easnet.testkit.FakeCloud;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A plan that does not fit the estate (a hand-edited id, a SNAT table of another gateway, a bound EIP) fails before
 * the first write, on a dry run exactly as on the apply; and a plan that records its estate is refused when a fact
 * it depends on changed (docs/changes.md, "Validation before the first write").
 */
class PlanFitsEstateTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The bare estate plus a second VPC with a working NAT gateway (ngw-z, SNAT table stb-z, EIP 47.0.0.9). */
  static Inventory estate() {
    return PlanFixtures.bare().toBuilder()
        .addVpc(Vpc.builder().id("vpc-z").cidrBlock("10.0.0.0/16"))
        .addVSwitch(VSwitch.builder().id("vsw-z").vpcId("vpc-z").cidrBlock("10.0.1.0/24").zoneId("cn-hangzhou-h"))
        // a group at its quota (200 rules, docs/plan-safety.md "Quotas"): a rule moved onto it is refused
        .addSecurityGroup(atQuota(SecurityGroup.builder().id("sg-z").vpcId("vpc-z").type(SecurityGroupType.BASIC)))
        .addRouteTable(RouteTable.builder().id("vtb-z").vpcId("vpc-z").type(RouteTable.Type.SYSTEM))
        .addNatGateway(NatGateway.builder().id("ngw-z").vpcId("vpc-z").vSwitchId("vsw-z").addEipId("eip-z")
            .addSnatTableId("stb-z").status("Available"))
        .addEip(Eip.builder().id("eip-z").ipAddress("47.0.0.9").instanceId("ngw-z").instanceType("Nat")
            .status("InUse"))
        .addEip(Eip.builder().id("eip-free").ipAddress("47.0.0.10").status("Available"))
        .build();
  }

  private static SecurityGroup.Builder atQuota(SecurityGroup.Builder g) {
    for (int i = 0; i < 200; i++) {
      g.addRule(io.easnet.core.model.SecurityGroupRule.ingress().tcp(20000 + i).peer("10.0.0.0/8").build());
    }
    return g;
  }

  /** The plan for every intent of the fixtures' services, billed changes allowed. */
  static Plan fullPlan() {
    return Planner.of(estate()).plan(PlanFixtures.services(), PlanOptions.defaults().allowBilled(true)).plan()
        .orElseThrow();
  }

  static String edit(Plan plan, java.util.function.Consumer<ObjectNode> edit) throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(plan.toJson());
    edit.accept(root);
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }

  static ObjectNode params(ObjectNode root, ChangeKind kind) {
    for (JsonNode c : root.get("changes")) {
      if (c.get("kind").asText().equals(kind.jsonName())) {
        return (ObjectNode) c.get("parameters");
      }
    }
    throw new AssertionError("no " + kind + " change");
  }

  private static ApplyResult run(Plan plan, boolean dry, FakeCloud fake) {
    Applier a = PlanFixtures.applier(fake, fake);
    return dry ? a.dryRun(plan) : a.apply(plan);
  }

  private static List<String> verdicts(ApplyResult r) {
    return r.results().stream().map(c -> c.changeId() + " " + (c.status() == ChangeResult.Status.FAILED ? "FAILED "
        + c.error().orElse("") : c.ok() ? "ok" : c.status().name())).toList();
  }

  @Test
  void aNonexistentSourceVSwitchFailsTheDryRunAndTheApplyAllocatesNothing() throws Exception {
    Plan plan = Plan.parse(edit(fullPlan(), root -> params(root, ChangeKind.CREATE_SNAT_ENTRY)
        .put("sourceVSwitchId", "vsw-gone")), "plan.json");
    assertThat(plan.billed()).isTrue();

    ApplyResult dry;
    try (FakeCloud fake = PlanFixtures.fake(estate())) {
      dry = run(plan, true, fake);
    }
    try (FakeCloud fake = PlanFixtures.fake(estate())) {
      Inventory before = fake.inventory();
      ApplyResult apply = run(plan, false, fake);

      assertThat(dry.succeeded()).isFalse();
      assertThat(verdicts(apply)).isEqualTo(verdicts(dry));
      ChangeResult snat = apply.results().stream().filter(r -> r.kind() == ChangeKind.CREATE_SNAT_ENTRY)
          .findFirst().orElseThrow();
      assertThat(snat.status()).isEqualTo(ChangeResult.Status.FAILED);
      assertThat(snat.message()).contains("source vSwitch vsw-gone does not exist").contains("nothing was changed");
      assertThat(apply.count(ChangeResult.Status.APPLIED)).isZero();
      assertThat(fake.inventory().eips()).isEqualTo(before.eips());
      assertThat(fake.inventory().natGateways()).isEqualTo(before.natGateways());
      assertThat(PlanFixtures.summary(fake.inventory())).isEqualTo(PlanFixtures.summary(before));
    }
  }

  @Test
  void aSnatTableOfAnotherGatewayIsRefusedBeforeTheEntryLandsThere() {
    String json = """
        {"version": 3, "allowBilled": false, "changes": [{"id": "change-1", "kind": "CreateSnatEntry",
          "parameters": {"natGatewayId": "ngw-z", "snatTableId": "stb-other", "sourceVSwitchId": "vsw-z",
          "snatIps": ["47.0.0.9"]}}]}
        """;
    Inventory inv = estate().toBuilder().addNatGateway(NatGateway.builder().id("ngw-y").vpcId("vpc-z")
        .addSnatTableId("stb-other").status("Available")).build();
    Plan plan = Plan.parse(json, "plan.json");
    try (FakeCloud fake = PlanFixtures.fake(inv)) {
      ApplyResult dry = run(plan, true, fake);
      ApplyResult apply = run(plan, false, fake);
      assertThat(verdicts(dry)).containsExactly("change-1 FAILED SnatTableMismatch");
      assertThat(verdicts(apply)).isEqualTo(verdicts(dry));
      assertThat(apply.results().get(0).message()).contains("SNAT table stb-other is not NAT gateway ngw-z's"
          + " (its SNAT tables: stb-z)");
      assertThat(fake.inventory().snatEntries()).isEmpty();
    }
    // the same entry on the gateway's own table is made
    try (FakeCloud fake = PlanFixtures.fake(inv)) {
      ApplyResult ok = run(Plan.parse(json.replace("stb-other", "stb-z"), "plan.json"), false, fake);
      assertThat(ok.succeeded()).as(ok.toString()).isTrue();
      assertThat(fake.inventory().snatEntries()).singleElement()
          .satisfies(e -> assertThat(e.natGatewayId()).hasToString("ngw-z"));
    }
  }

  @Test
  void anEipBoundElsewhereOrASnatIpTheGatewayDoesNotHoldIsRefused() {
    String bind = """
        {"version": 3, "allowBilled": false, "changes": [{"id": "change-1", "kind": "AssociateEipAddress",
          "parameters": {"eipId": "eip-z", "natGatewayId": "ngw-y"}}]}
        """;
    Inventory inv = estate().toBuilder().addNatGateway(NatGateway.builder().id("ngw-y").vpcId("vpc-z")
        .addSnatTableId("stb-y").status("Available")).build();
    try (FakeCloud fake = PlanFixtures.fake(inv)) {
      assertThat(verdicts(run(Plan.parse(bind, "p"), true, fake))).containsExactly("change-1 FAILED EipInUse");
      assertThat(verdicts(run(Plan.parse(bind.replace("eip-z", "eip-free"), "p"), true, fake)))
          .containsExactly("change-1 ok");
      String snat = """
          {"version": 3, "allowBilled": false, "changes": [{"id": "change-1", "kind": "CreateSnatEntry",
            "parameters": {"natGatewayId": "ngw-y", "sourceVSwitchId": "vsw-z", "snatIps": ["47.0.0.9"]}}]}
          """;
      assertThat(verdicts(run(Plan.parse(snat, "p"), false, fake))).containsExactly(
          "change-1 FAILED SnatIpNotOfGateway");
      assertThat(fake.inventory().snatEntries()).isEmpty();
    }
  }

  /**
   * Differential: hand-edited plans (one id of one change replaced by a missing id or by another id of the estate)
   * get the same verdict from the dry run as from the apply on a fresh fake, and a plan the dry run fails writes
   * nothing when applied.
   */
  @Test
  void theDryRunVerdictOfAMutatedPlanIsTheApplyOutcome() throws Exception {
    Plan base = fullPlan();
    List<String> pool = List.of("vsw-a", "vsw-b", "vsw-db", "vsw-z", "vsw-gone", "sg-eas", "sg-db", "sg-z",
        "sg-gone", "vtb-1", "vtb-z", "vtb-gone", "vpc-a", "vpc-z", "vpc-gone", "ngw-z", "ngw-gone", "stb-z",
        "stb-gone", "eip-z", "eip-free", "eip-gone", "rm-1", "rm-gone", "r-1", "r-gone");
    Random random = new Random(17);
    int failedBoth = 0;
    int succeededBoth = 0;
    int quotaRefused = 0;
    for (int n = 0; n < 120; n++) {
      ObjectNode root = (ObjectNode) JSON.readTree(base.toJson());
      List<ObjectNode> changes = new ArrayList<>();
      root.get("changes").forEach(c -> changes.add((ObjectNode) c.get("parameters")));
      ObjectNode p = changes.get(random.nextInt(changes.size()));
      List<String> keys = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isTextual() && !e.getValue().asText().startsWith("${")
            && e.getValue().asText().matches("[a-z]+-.*")) {
          keys.add(e.getKey());
        }
      }
      if (keys.isEmpty()) {
        continue;
      }
      String key = keys.get(random.nextInt(keys.size()));
      String prefix = p.get(key).asText().substring(0, p.get(key).asText().indexOf('-') + 1);
      List<String> same = pool.stream().filter(i -> i.startsWith(prefix)).toList();
      if (same.isEmpty()) {
        continue;
      }
      p.put(key, same.get(random.nextInt(same.size())));
      Plan plan;
      try {
        plan = Plan.parse(JSON.writeValueAsString(root), "mutant-" + n + ".json");
      } catch (InvalidInputException e) {
        continue;
      }
      ApplyResult dry;
      try (FakeCloud fake = PlanFixtures.fake(estate())) {
        dry = run(plan, true, fake);
      }
      try (FakeCloud fake = PlanFixtures.fake(estate())) {
        Map<String, Object> before = PlanFixtures.summary(fake.inventory());
        List<Eip> eips = fake.inventory().eips();
        ApplyResult apply = run(plan, false, fake);
        String what = "mutant " + n + ": " + key + "=" + p.get(key).asText() + "\ndry: " + verdicts(dry)
            + "\napply: " + verdicts(apply);
        assertThat(apply.succeeded()).as(what).isEqualTo(dry.succeeded());
        if (!dry.succeeded()) {
          failedBoth++;
          if (verdicts(dry).stream().anyMatch(v -> v.contains("QuotaExceeded"))) {
            quotaRefused++;
          }
          assertThat(verdicts(apply)).as(what).isEqualTo(verdicts(dry));
          assertThat(PlanFixtures.summary(fake.inventory())).as(what).isEqualTo(before);
          assertThat(fake.inventory().eips()).as(what).isEqualTo(eips);
        } else {
          succeededBoth++;
        }
      }
    }
    assertThat(failedBoth).as("mutants the dry run refused").isGreaterThan(10);
    assertThat(succeededBoth).as("mutants that still fit").isGreaterThan(3);
    // a rule moved onto sg-z, which is at its quota: refused by the dry run exactly as by the apply
    assertThat(quotaRefused).as("mutants refused for a quota").isPositive();
  }

  @Test
  void aPlanThatRecordsItsEstateIsRefusedWhenAFactItDependsOnChangedNamingIt() {
    Plan plan;
    try (FakeCloud fake = PlanFixtures.fake(estate())) {
      plan = PlanFixtures.applier(fake, fake).recordEstate(fullPlan());
    }
    assertThat(plan.recordsEstate()).isTrue();
    assertThat(plan.toJson()).contains("\"region\": \"cn-hangzhou\"").contains("\"vSwitch vsw-a\": \"vpc=vpc-a"
        + " cidr=192.168.1.0/24\"");
    Plan read = Plan.parse(plan.toJson(), "plan.json");
    assertThat(read).isEqualTo(plan);

    // unrelated drift (another VPC's vSwitch) does not refuse the plan
    Inventory unrelated = estate().toBuilder().vSwitches(estate().vSwitches().stream().map(v -> v.id().value()
        .equals("vsw-z") ? v.toBuilder().cidrBlock("10.0.9.0/24").build() : v).toList()).build();
    try (FakeCloud fake = PlanFixtures.fake(unrelated)) {
      assertThat(PlanFixtures.applier(fake, fake).dryRun(read).succeeded()).isTrue();
    }
    // a fact the plan depends on changed: refused, naming it; --force applies
    Inventory drifted = estate().toBuilder().vSwitches(estate().vSwitches().stream().map(v -> v.id().value()
        .equals("vsw-a") ? v.toBuilder().cidrBlock("192.168.3.0/24").build() : v).toList()).build();
    try (FakeCloud fake = PlanFixtures.fake(drifted)) {
      Map<String, Object> before = PlanFixtures.summary(fake.inventory());
      assertThatThrownBy(() -> PlanFixtures.applier(fake, fake).apply(read))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("vSwitch vsw-a: was vpc=vpc-a cidr=192.168.1.0/24, now vpc=vpc-a cidr=192.168.3.0/24")
          .hasMessageContaining("--force");
      assertThat(PlanFixtures.summary(fake.inventory())).isEqualTo(before);
      ApplyResult forced = Applier.builder(fake).clock(fake.clock()).sleeper(fake::advance).force(true).build()
          .apply(read);
      assertThat(forced.succeeded()).as(forced.toString()).isTrue();
    }
    // a re-run of an applied plan compares equal: its own changes alter none of the facts it records
    try (FakeCloud fake = PlanFixtures.fake(estate())) {
      assertThat(PlanFixtures.applier(fake, fake).apply(read).succeeded()).isTrue();
      ApplyResult again = PlanFixtures.applier(fake, fake).apply(read);
      assertThat(again.count(ChangeResult.Status.ALREADY_IN_PLACE)).as(verdicts(again) + "\n"
          + again.results()).isEqualTo(read.changes().size());
    }
  }

  @Test
  void aVersion2PlanWithoutEstateStillReadsAndIsStillChecked() throws Exception {
    String v2 = edit(fullPlan(), root -> root.put("version", 2));
    Plan plan = Plan.parse(v2, "old.json");
    assertThat(plan.recordsEstate()).isFalse();
    try (FakeCloud fake = PlanFixtures.fake(estate())) {
      assertThat(PlanFixtures.applier(fake, fake).dryRun(plan).succeeded()).isTrue();
    }
    assertThatThrownBy(() -> Plan.parse(v2.replace("\"changes\"", "\"estate\": {\"facts\": {}}, \"changes\""),
        "old.json")).isInstanceOf(InvalidInputException.class).hasMessageContaining("plan version 3");
  }
}
