package io.easnet.core.rules;

import io.easnet.core.rules.Finding.Severity;
import static io.easnet.core.rules.Estate.ingress;
import static io.easnet.core.rules.Estate.input;
import static io.easnet.core.rules.Estate.inventory;
import static io.easnet.core.rules.Estate.of;
import static io.easnet.core.rules.Estate.run;
import static io.easnet.core.rules.Estate.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.InvalidInputException;
import io.easnet.core.analysis.EstateAnalysis.AnalysisInput;
import io.easnet.core.analysis.EstateAnalysis;
import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.Vpc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Suppressions are read strictly, services of one name in two files kept apart, and states the cloud cannot
 * produce reported as findings when a partial or stitched snapshot can hold them.
 */
class HostileInputRulesTest {

  // ---------------------------------------------------------------- 2: suppressions read strictly

  private static final String ENTRY = "{\"id\": \"EASNET-014\", \"scope\": \"*\", \"reason\": \"r\", ";

  @Test
  void suppressionWithADuplicateKeyIsRejected() {
    assertThatThrownBy(() -> Suppressions.parse("{\"suppressions\": [" + ENTRY
        + "\"expires\": \"2026-01-31\", \"expires\": \"2099-12-31\"}]}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("/suppressions/0/expires")
        .hasMessageContaining("twice");
  }

  @Test
  void suppressionsWithTrailingContentAreRejected() {
    assertThatThrownBy(() -> Suppressions.parse("{\"suppressions\": []} {\"suppressions\": []}"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("after the end");
    assertThatThrownBy(() -> Suppressions.parse("{\"suppressions\": []}]"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void suppressionsFileInAnotherEncodingIsNamedAsInvalidUtf8(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("suppressions.json");
    Files.write(f, ("{\"suppressions\": [" + ENTRY + "\"expires\": \"2027-01-31\", \"note\": \"caf\u00e9\"}]}")
        .getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> Suppressions.parse(f)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not valid UTF-8")
        .hasMessageNotContaining("Input length");
    assertThatThrownBy(() -> Suppressions.parse(dir.resolve("absent.json"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void suppressionWithANullValueSaysNull() {
    assertThatThrownBy(() -> Suppressions.parse("{\"suppressions\": [" + ENTRY + "\"expires\": null}]}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("null")
        .hasMessageNotContaining("missing");
  }

  // ---------------------------------------------------------------- 3: one name, two files

  @Test
  void servicesOfOneNameInTwoFilesKeepTheirFindingsApartAndAreReported() {
    ServiceNetworking partial = ServiceNetworking.builder().vpcId("vpc-a").build();
    AnalysisInput in = of(inventory(),
        input(service("ranker").networking(partial)).sourceName("a.json"),
        input(service("ranker").networking(partial)).sourceName("b.json"));
    List<Finding> partialBlocks = run(in, "EASNET-001");
    assertThat(partialBlocks).extracting(f -> f.source().orElse("")).containsExactly("a.json", "b.json");
    List<Finding> duplicates = run(in, "EASNET-040");
    assertThat(duplicates).hasSize(1);
    assertThat(duplicates.get(0).message()).isEqualTo("service ranker is defined in 2 files (a.json, b.json);"
        + " EAS service names are unique in a region, so deploying them would replace one with the other");
    assertThat(duplicates.get(0).source()).contains("b.json");
    assertThat(duplicates.get(0).pointer()).isEqualTo("/metadata/name");
    assertThat(duplicates.get(0).severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void servicesOfDistinctNamesAreNotDuplicates() {
    assertThat(run(of(inventory(), input(service("a")), input(service("b"))), "EASNET-040")).isEmpty();
  }

  // ---------------------------------------------------------------- 7: findings for impossible cross-object states

  @Test
  void aConsistentEstateHasNoImpossibleStateFindings() {
    List<Finding> all = RuleCatalog.standard().run(of(inventory()
        .addEcsInstance(EcsInstance.builder().id("i-a").vpcId("vpc-a").vSwitchId("vsw-a1").addPrivateIp("192.168.1.5")),
        input(service("s"))));
    assertThat(all).extracting(Finding::ruleId).doesNotContain("EASNET-040", "EASNET-041", "EASNET-042",
        "EASNET-043", "EASNET-044", "EASNET-045", "EASNET-046", "EASNET-047");
  }

  @Test
  void vSwitchOutsideEveryCidrOfItsVpcIsAnError() {
    List<Finding> f = run(of(inventory()
        .addVSwitch(VSwitch.builder().id("vsw-x").vpcId("vpc-a").cidrBlock("172.16.1.0/24")),
        input(service("s"))), "EASNET-041");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("vSwitch vsw-x (172.16.1.0/24) lies outside every CIDR block of its"
        + " VPC vpc-a (192.168.0.0/16); the cloud never creates such a vSwitch, so the snapshot is incomplete or"
        + " edited and path verdicts through it cannot be trusted");
    assertThat(f.get(0).pointer()).isEqualTo("/vSwitches/3/cidrBlock");
    assertThat(f.get(0).severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void vSwitchInASecondaryCidrOfItsVpcIsFine() {
    assertThat(run(of(inventory()
        .vpcs(List.of(Vpc.builder().id("vpc-a").cidrBlock("192.168.0.0/16").addSecondaryCidrBlock("172.16.0.0/16")
            .build(), Vpc.builder().id("vpc-b").cidrBlock("10.0.0.0/16").build()))
        .addVSwitch(VSwitch.builder().id("vsw-x").vpcId("vpc-a").cidrBlock("172.16.1.0/24")),
        input(service("s"))), "EASNET-041")).isEmpty();
  }

  @Test
  void overlappingVSwitchesOfOneVpcAreAnError() {
    List<Finding> f = run(of(inventory()
        .addVSwitch(VSwitch.builder().id("vsw-x").vpcId("vpc-a").cidrBlock("192.168.1.128/25"))
        .addVSwitch(VSwitch.builder().id("vsw-y").vpcId("vpc-b").cidrBlock("192.168.1.0/24")),
        input(service("s"))), "EASNET-042");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("vSwitches vsw-a1 (192.168.1.0/24) and vsw-x (192.168.1.128/25) of VPC"
        + " vpc-a overlap; the cloud never creates overlapping vSwitches in one VPC");
    assertThat(f.get(0).resourceIds()).containsExactly("vsw-a1", "vsw-x");
  }

  @Test
  void groupAboveTheRuleQuotaIsReported() {
    SecurityGroup.Builder g = SecurityGroup.builder().id("sg-big").vpcId("vpc-a");
    for (int i = 0; i < 201; i++) {
      g.addRule(ingress().tcp(1000 + i).peer("10.0.0.0/8"));
    }
    List<Finding> f = run(of(inventory().addSecurityGroup(g), input(service("s"))), "EASNET-043");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("security group sg-big holds 201 rules; a security group holds at most"
        + " 200");
    assertThat(f.get(0).pointer()).isEqualTo("/securityGroups/2/rules/200");
    SecurityGroup.Builder full = SecurityGroup.builder().id("sg-full").vpcId("vpc-a");
    for (int i = 0; i < 200; i++) {
      full.addRule(ingress().tcp(1000 + i).peer("10.0.0.0/8"));
    }
    assertThat(run(of(inventory().addSecurityGroup(full), input(service("s"))), "EASNET-043")).isEmpty();
  }

  @Test
  void vSwitchInTwoSnatEntriesIsAnError() {
    List<Finding> f = run(of(inventory().addSnatEntry(SnatEntry.builder().id("snat-b").snatTableId("stb-a")
        .natGatewayId("ngw-a").sourceVSwitchId("vsw-a1").addSnatIp("47.96.1.1")), input(service("s"))),
        "EASNET-044");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("vSwitch vsw-a1 is the source of 2 SNAT entries (snat-a, snat-b);"
        + " the cloud allows a vSwitch in one SNAT entry only");
    assertThat(f.get(0).pointer()).isEqualTo("/snatEntries/1/sourceVSwitchId");
  }

  @Test
  void snatEntryWhoseVSwitchAndCidrDisagreeIsAnError() {
    List<Finding> f = run(of(inventory().snatEntries(List.of(SnatEntry.builder().id("snat-a").snatTableId("stb-a")
        .natGatewayId("ngw-a").sourceVSwitchId("vsw-a1").sourceCidr("192.168.2.0/24").addSnatIp("47.96.1.1")
        .build())), input(service("s"))), "EASNET-045");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("SNAT entry snat-a names vSwitch vsw-a1 (192.168.1.0/24) and source"
        + " CIDR 192.168.2.0/24; the cloud reports the vSwitch's own CIDR next to its id, so one of them is wrong");
    assertThat(f.get(0).pointer()).isEqualTo("/snatEntries/0/sourceCidr");
    assertThat(run(of(inventory().snatEntries(List.of(SnatEntry.builder().id("snat-a").snatTableId("stb-a")
        .natGatewayId("ngw-a").sourceVSwitchId("vsw-a1").sourceCidr("192.168.1.0/24").addSnatIp("47.96.1.1")
        .build())), input(service("s"))), "EASNET-045")).isEmpty();
  }

  @Test
  void snatIpThatIsNoEipOfItsGatewayIsAnError() {
    List<Finding> f = run(of(inventory().snatEntries(List.of(SnatEntry.builder().id("snat-a").snatTableId("stb-a")
        .natGatewayId("ngw-a").sourceVSwitchId("vsw-a1").addSnatIp("47.96.1.1").addSnatIp("47.96.9.9").build())),
        input(service("s"))), "EASNET-046");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("SNAT entry snat-a translates to 47.96.9.9, which is not an EIP of NAT"
        + " gateway ngw-a (its EIPs: 47.96.1.1)");
    assertThat(f.get(0).pointer()).isEqualTo("/snatEntries/0/snatIps/1");
  }

  @Test
  void snatIpOfAGatewayWhoseEipsAreNotAllInTheSnapshotIsNotJudged() {
    assertThat(run(of(inventory().natGateways(List.of(NatGateway.builder().id("ngw-a").vpcId("vpc-a")
        .addEipId("eip-a").addEipId("eip-unknown").addSnatTableId("stb-a").build()))
        .snatEntries(List.of(SnatEntry.builder().id("snat-a").snatTableId("stb-a").natGatewayId("ngw-a")
            .sourceVSwitchId("vsw-a1").addSnatIp("47.96.9.9").build())), input(service("s"))), "EASNET-046"))
        .isEmpty();
  }

  @Test
  void ecsAddressOutsideItsVSwitchIsAnError() {
    List<Finding> f = run(of(inventory().addEcsInstance(EcsInstance.builder().id("i-a").vpcId("vpc-a")
        .vSwitchId("vsw-a1").addPrivateIp("192.168.1.5").addPrivateIp("192.168.7.5")), input(service("s"))),
        "EASNET-047");
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).isEqualTo("ECS instance i-a has address 192.168.7.5 outside its vSwitch vsw-a1"
        + " (192.168.1.0/24); the cloud assigns addresses from the instance's vSwitch only");
    assertThat(f.get(0).pointer()).isEqualTo("/ecsInstances/0/privateIps/1");
  }

  // ---------------------------------------------------------------- 9: messages

  @Test
  void resolverErrorsNameTheServiceFile() {
    AnalysisInput in = of(inventory(), input(service("s").networking(ServiceNetworking.builder().vpcId("vpc-a")))
        .sourceName("svc.json"));
    ResolvedService r = EstateAnalysis.of(in).services().get(0);
    assertThat(r.resolutionProblem()).hasValueSatisfying(p -> assertThat(p).startsWith("svc.json at /cloud/networking"));
  }

  @Test
  void renderedFindingsEscapeControlCharacters() {
    Finding f = Finding.builder().ruleId("EASNET-001").severity(Severity.ERROR).summary("s")
        .message("service \u001b[2Jevil").remediation("fix \u009b").docUrl("u").build();
    assertThat(f.render()).doesNotContain("\u001b").doesNotContain("\u009b").contains("\\u001b[2J");
    assertThat(f.toString()).doesNotContain("\u001b");
  }
}
