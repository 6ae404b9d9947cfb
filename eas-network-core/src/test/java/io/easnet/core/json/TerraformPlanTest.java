package io.easnet.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.InvalidInputException;
import io.easnet.core.analysis.Assumption.AssumptionKey;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import io.easnet.core.analysis.Explanation.Missing;
import io.easnet.core.analysis.PathResult.PathKind;
import io.easnet.core.analysis.PathResult;
import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.check.NetworkCheck;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.report.Report;
import io.easnet.core.rules.Finding;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.rules.Finding.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TerraformPlan} on the fixtures of {@code examples/terraform} (see its README) and on hostile plans. */
class TerraformPlanTest {
  static final Path DIR = Path.of("..", "examples", "terraform");
  static final Path SNAPSHOT = Path.of("..", "examples", "snapshot.json");

  static final String VPC = "vpc-known-after-apply-module-network-alicloud-vpc-main";
  static final String EAS_VSW = "vsw-known-after-apply-module-network-alicloud-vswitch-eas";
  static final String SG = "sg-known-after-apply-alicloud-security-group-eas";
  static final String NAT = "ngw-known-after-apply-alicloud-nat-gateway-egress";
  static final String REDIS = "r-known-after-apply-alicloud-kvstore-instance-cache";
  static final String SERVICE = "known_after_apply_alicloud_pai_service_chat";

  static Snapshot newEstate() {
    return TerraformPlan.read(DIR.resolve("new-estate.plan.json")).alone();
  }

  static Report check(Snapshot estate, String source, ServiceInput service) {
    return NetworkCheck.builder().inventory(estate.inventory(), source).addService(service).build().run();
  }

  static PathResult path(Report r, PathKind kind) {
    return r.pathResults().stream().filter(p -> p.kind() == kind).findFirst().orElseThrow();
  }

  @Test
  void newEstateResolvesIdsKnownAfterApplyThroughReferencesAndModules() {
    Snapshot s = newEstate();
    Inventory inv = s.inventory();
    assertThat(inv.vpc(VpcId.of(VPC))).hasValueSatisfying(v -> assertThat(v.cidrBlock()).hasToString("10.20.0.0/16"));
    // the vSwitch's vpc_id is unknown in the plan; its configuration references alicloud_vpc.main in the module
    assertThat(inv.vSwitch(VSwitchId.of(EAS_VSW))).hasValueSatisfying(v -> {
      assertThat(v.vpcId()).isEqualTo(VpcId.of(VPC));
      assertThat(v.cidrBlock()).hasToString("10.20.1.0/24");
    });
    SecurityGroup g = inv.securityGroup(SecurityGroupId.of(SG)).orElseThrow();
    assertThat(g.vpcId()).isEqualTo(VpcId.of(VPC)); // through the module output vpc_id
    assertThat(g.type().name()).isEqualTo("ENTERPRISE");
    assertThat(g.innerAccessPolicy().name()).isEqualTo("DROP");
    assertThat(g.rules()).singleElement().satisfies(r -> {
      assertThat(r.direction().name()).isEqualTo("EGRESS");
      assertThat(r.portRange()).hasToString("443/443");
    });
    assertThat(inv.natGateway(NatGatewayId.of(NAT)).orElseThrow().eipIds()).extracting(Object::toString)
        .containsExactly("eip-known-after-apply-alicloud-eip-address-egress");
    // the EIP's address is known after apply: it is not in the inventory, and the SNAT entry has no address yet
    assertThat(inv.eips()).isEmpty();
    SnatEntry snat = inv.snatEntries().get(0);
    assertThat(snat.natGatewayId()).isEqualTo(NatGatewayId.of(NAT));
    assertThat(snat.sourceVSwitchId()).contains(VSwitchId.of(EAS_VSW));
    assertThat(snat.snatIps()).isEmpty();
    // service_config is unknown as a whole: its references still place the service
    ServiceDocument svc = s.service(SERVICE).orElseThrow();
    assertThat(svc.spec().networking().orElseThrow().vSwitchId()).contains(VSwitchId.of(EAS_VSW));
    assertThat(svc.spec().networking().orElseThrow().securityGroupId()).contains(SecurityGroupId.of(SG));
    assertThat(inv.redisInstances()).singleElement().satisfies(r -> {
      assertThat(r.id().value()).isEqualTo(REDIS);
      assertThat(r.vpcId()).contains(VpcId.of(VPC)); // from its vSwitch: the plan leaves vpc_id unknown
      assertThat(r.allowlists().get(0).entries()).extracting(Object::toString).containsExactly("10.20.1.0/24");
    });
  }

  @Test
  void unknownFactsNameEachAddressAndAttribute() {
    List<String> facts = TerraformPlan.read(DIR.resolve("new-estate.plan.json")).unknownFacts();
    assertThat(facts).contains("alicloud_eip_address.egress: ip_address is known after apply",
        "module.network.alicloud_vswitch.eas: the id (stand-in " + EAS_VSW + ") is known after apply",
        "alicloud_pai_service.chat: service_config (only its references are known; the service is named " + SERVICE
            + ") is known after apply");
  }

  @Test
  void factsKnownOnlyAfterApplyAreUndeterminedNotFailures() {
    Report r = check(newEstate(), "new-estate.plan.json", ServiceInput.builder()
        .spec(newEstate().service(SERVICE).orElseThrow().spec()).wantsInternetEgress(true).build());
    PathResult internet = path(r, PathKind.INTERNET);
    assertThat(internet.verdict()).isEqualTo(Verdict.UNDETERMINED);
    assertThat(internet.isKnownAfterApply()).isTrue();
    assertThat(internet.explanations()).singleElement().satisfies(e -> {
      assertThat(e.code()).isEqualTo(ExplanationCode.ROUTE_TABLE_NOT_FOUND);
      assertThat(e.component().id()).isEqualTo(VPC);
    });
    // the hops whose facts are known pass: the egress rule, the NAT gateway with its EIP, the SNAT entry
    assertThat(internet.has(ExplanationCode.SG_EGRESS_DENIES)).isFalse();
    assertThat(internet.has(ExplanationCode.NAT_NO_EIP)).isFalse();
    assertThat(internet.has(ExplanationCode.SNAT_NO_ENTRY_FOR_SOURCE)).isFalse();
    assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("EASNET-038")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.message()).contains("UNDETERMINED, known after apply").contains(VPC);
    });
    assertThat(r.findings()).extracting(Finding::severity).doesNotContain(Severity.ERROR);
    assertThat(r.isBlocking()).isFalse();
  }

  @Test
  void factsKnownInThePlanGiveTheRightVerdicts() {
    Report r = check(newEstate(), "new-estate.plan.json", ServiceInput.builder()
        .spec(newEstate().service(SERVICE).orElseThrow().spec()).addPrivateTarget(REDIS).build());
    PathResult redis = path(r, PathKind.PRIVATE_TARGET);
    // the plan's enterprise group lets EAS out to 443 only: Redis on 6379 is denied, whatever the ids become
    assertThat(redis.verdict()).isEqualTo(Verdict.UNREACHABLE);
    assertThat(redis.isKnownAfterApply()).isFalse();
    assertThat(redis.explanations()).singleElement().satisfies(e -> {
      assertThat(e.code()).isEqualTo(ExplanationCode.SG_EGRESS_DENIES);
      assertThat(e.component().id()).isEqualTo(SG);
    });
    assertThat(r.isBlocking()).isTrue();
  }

  @Test
  void snatAddressesKnownAfterApplyLeaveAnExternalAllowlistUndetermined() {
    Snapshot s = newEstate();
    // a route to the NAT gateway, as an alicloud_route_entry would add, so the only unknown is the SNAT address
    Inventory inv = s.inventory().toBuilder().addRouteTable(io.easnet.core.model.RouteTable.builder()
        .id("vtb-1").vpcId(VPC).addEntries(io.easnet.core.model.RouteTable.RouteEntry.toNat("0.0.0.0/0",
            NatGatewayId.of(NAT)))).build();
    ServiceInput svc = ServiceInput.builder().spec(s.service(SERVICE).orElseThrow().spec())
        .addIntent(io.easnet.core.analysis.internal.IntentSyntax.parse("internet:203.0.113.7:443?allowlist=203.0.113.0/24",
            "test", ""))
        .build();
    Report r = NetworkCheck.builder().inventory(inv, "plan").addService(svc).build().run();
    PathResult p = path(r, PathKind.INTERNET);
    assertThat(p.verdict()).as(p.toString()).isEqualTo(Verdict.UNDETERMINED);
    assertThat(p.isKnownAfterApply()).isTrue();
    assertThat(p.explanations()).singleElement().satisfies(e ->
        assertThat(e.missing()).containsInstanceOf(Missing.FactUnknown.class)
            .hasValueSatisfying(m -> assertThat(((Missing.FactUnknown) m).assumption())
                .isEqualTo(AssumptionKey.SNAT_IP_UNKNOWN)));
  }

  @Test
  void removingAnEgressRuleAServiceNeedsIsCaught() {
    Snapshot current = SnapshotJson.read(SNAPSHOT);
    Snapshot after = TerraformPlan.read(DIR.resolve("remove-egress.plan.json")).overlay(current);
    SecurityGroupId eas = SecurityGroupId.of("sg-bp1brugkivv3hq9x6t2e");
    assertThat(current.inventory().securityGroup(eas).orElseThrow().rules()).hasSize(4);
    assertThat(after.inventory().securityGroup(eas).orElseThrow().rules()).hasSize(3)
        .noneMatch(rule -> rule.portRange().toString().equals("443/443"));
    ServiceInput svc = ServiceInput.builder().spec(current.service("chat_inference").orElseThrow().spec())
        .wantsInternetEgress(true).build();
    assertThat(path(check(current, "snapshot.json", svc), PathKind.INTERNET).verdict())
        .isEqualTo(Verdict.REACHABLE);
    PathResult broken = path(check(after, "snapshot.json+remove-egress.plan.json", svc), PathKind.INTERNET);
    assertThat(broken.verdict()).isEqualTo(Verdict.UNREACHABLE);
    assertThat(broken.explanations()).extracting(e -> e.code()).containsExactly(ExplanationCode.SG_EGRESS_DENIES);
    // everything else of the estate is untouched
    assertThat(after.inventory().toBuilder().securityGroups(List.of()).build())
        .isEqualTo(current.inventory().toBuilder().securityGroups(List.of()).build());
    assertThat(after.services()).isEqualTo(current.services());
  }

  @Test
  void anUpdateRewritesTheResourceAndKeepsWhatThePlanDoesNotSay() {
    String plan = """
        {"format_version":"1.2","resource_changes":[{"address":"alicloud_kvstore_instance.cache","mode":"managed",
         "type":"alicloud_kvstore_instance","name":"cache","change":{"actions":["update"],
         "before":{"id":"r-bp1c4e6g8i0k2m4o6q","security_ips":["192.168.1.0/24"]},
         "after":{"id":"r-bp1c4e6g8i0k2m4o6q","security_ips":["192.168.1.10"]},"after_unknown":{}}}]}
        """;
    Snapshot after = TerraformPlan.parse(plan, "narrow.plan.json").overlay(SnapshotJson.read(SNAPSHOT));
    var redis = after.inventory().redisInstances().get(0);
    assertThat(redis.allowlists()).singleElement().satisfies(g -> assertThat(g.entries())
        .extracting(Object::toString).containsExactly("192.168.1.10/32"));
    assertThat(redis.privateIp()).isPresent(); // kept from the snapshot
  }

  @Test
  void aDeletedResourceLeavesTheEstate() {
    String plan = """
        {"format_version":"1.2","resource_changes":[{"address":"alicloud_pai_service.chat","mode":"managed",
         "type":"alicloud_pai_service","name":"chat","change":{"actions":["delete"],
         "before":{"id":"chat_inference","service_config":"{\\"metadata\\":{\\"name\\":\\"chat_inference\\"}}"},
         "after":null,"after_unknown":{}}}]}
        """;
    Snapshot after = TerraformPlan.parse(plan, "p.json").overlay(SnapshotJson.read(SNAPSHOT));
    assertThat(after.service("chat_inference")).isEmpty();
    assertThat(after.services()).hasSize(SnapshotJson.read(SNAPSHOT).services().size() - 1);
  }

  @Test
  void standInIdsAreValidIdsAndStayWithinTheirLength() {
    String plan = """
        {"format_version":"1.2","resource_changes":[{"address":"module.a_very_long_module_name.module.another_long_one.alicloud_vpc.a_long_resource_name[\\"key\\"]",
         "module_address":"module.a_very_long_module_name.module.another_long_one","mode":"managed",
         "type":"alicloud_vpc","name":"x","change":{"actions":["create"],"before":null,
         "after":{"cidr_block":"10.0.0.0/8"},"after_unknown":{"id":true}}}]}
        """;
    Snapshot s = TerraformPlan.parse(plan, "p.json").alone();
    VpcId id = s.inventory().vpcs().get(0).id();
    assertThat(id.isKnownAfterApply()).isTrue();
    assertThat(id.value()).startsWith("vpc-known-after-apply-module-a-very-long").hasSizeLessThanOrEqualTo(67);
  }

  @Test
  void badInputNamesTheFileAndThePointer(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> TerraformPlan.parse("{\"format_version\":\"2.0\"}", "p.json"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("p.json")
        .hasMessageContaining("/format_version").hasMessageContaining("1.x");
    assertThatThrownBy(() -> TerraformPlan.parse("{\"planned_values\":{}}", "p.json"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("terraform show -json");
    assertThatThrownBy(() -> TerraformPlan.parse("""
        {"format_version":"1.2","resource_changes":[{"address":"alicloud_vswitch.a","mode":"managed",
         "type":"alicloud_vswitch","name":"a","change":{"actions":["create"],"before":null,
         "after":{"cidr_block":"10.0.0.0/33","vpc_id":"vpc-1"},"after_unknown":{"id":true}}}]}
        """, "p.json").alone())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("/resource_changes/0/change/after/cidr_block")
        .hasMessageContaining("alicloud_vswitch.a.cidr_block");
    assertThatThrownBy(() -> TerraformPlan.parse("""
        {"format_version":"1.2","resource_changes":[{"address":"alicloud_pai_service.s","mode":"managed",
         "type":"alicloud_pai_service","name":"s","change":{"actions":["create"],"before":null,
         "after":{"service_config":"{not json"},"after_unknown":{"id":true}}}]}
        """, "p.json").alone())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("/resource_changes/0/change/after/service_config")
        .hasMessageContaining("not a valid EAS service JSON");
    Path missing = dir.resolve("absent.json");
    assertThatThrownBy(() -> TerraformPlan.read(missing)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("absent.json");
    Path notJson = Files.writeString(dir.resolve("plan.json"), "Terraform will perform the following actions:");
    assertThatThrownBy(() -> TerraformPlan.read(notJson)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("plan.json");
  }

  @Test
  void resourcesOfOtherProvidersAndDataSourcesAreIgnored() {
    String plan = """
        {"format_version":"1.2","resource_changes":[
         {"address":"aws_vpc.a","mode":"managed","type":"aws_vpc","name":"a",
          "change":{"actions":["create"],"before":null,"after":{"cidr_block":"not a cidr"},"after_unknown":{}}},
         {"address":"data.alicloud_vpcs.a","mode":"data","type":"alicloud_vpc","name":"a",
          "change":{"actions":["read"],"before":null,"after":{"cidr_block":"bad"},"after_unknown":{}}}]}
        """;
    assertThat(TerraformPlan.parse(plan, "p.json").alone().inventory()).isEqualTo(Inventory.empty());
  }
}
