package io.easnet.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.benchmarks.EstateGenerator.Estate;
import io.easnet.benchmarks.EstateGenerator.Size;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.json.ServiceDocument;
import io.easnet.core.json.Snapshot;
import io.easnet.core.json.SnapshotJson;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleCatalog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EstateGeneratorTest {
  private static final Size SMALL = new Size(400, 40, 60, 12);

  @Test
  void estateHasTheRequestedSize() {
    Estate e = EstateGenerator.generate(SMALL, 1);

    assertThat(e.services()).hasSize(400);
    assertThat(e.inventory().vSwitches()).hasSize(40);
    assertThat(e.inventory().vpcs()).hasSize(1);
    assertThat(e.inventory().securityGroups()).hasSize(60)
        .allSatisfy(g -> assertThat(g.rules()).hasSize(12));
    assertThat(e.inventory().natGateways()).isNotEmpty();
    assertThat(e.inventory().snatEntries()).isNotEmpty();
    assertThat(e.inventory().eips()).isNotEmpty();
    assertThat(e.inventory().routeTables()).isNotEmpty();
    assertThat(e.inventory().ecsInstances()).hasSize(40);
    assertThat(e.inventory().rdsInstances()).hasSize(20);
    assertThat(e.inventory().redisInstances()).hasSize(10);
    assertThat(e.inventory().resourceGroups()).hasSize(8);
  }

  @Test
  void servicesMixNetworkingResourceGroupsAndIntents() {
    List<ServiceInput> services = EstateGenerator.generate(SMALL, 1).services();

    long serviceLevel = services.stream().filter(s -> s.spec().networking().map(n -> n.isComplete()).orElse(false))
        .count();
    assertThat(serviceLevel).isEqualTo(200); // half
    assertThat(services).filteredOn(s -> s.spec().resourceGroupId().isPresent()).hasSizeGreaterThan(100);
    assertThat(services).filteredOn(ServiceInput::wantsInternetEgress).hasSizeGreaterThan(100);
    assertThat(services).filteredOn(s -> !s.privateTargets().isEmpty()).hasSizeGreaterThan(100);
  }

  @Test
  void snapshotBytesReadBackToTheSameEstate() {
    Estate e = EstateGenerator.generate(SMALL, 1);

    Snapshot read = SnapshotJson.parse(new String(e.snapshotJson(), StandardCharsets.UTF_8), "snapshot.json");

    assertThat(read.inventory()).isEqualTo(e.inventory());
    assertThat(read.services()).map(ServiceDocument::spec)
        .containsExactlyElementsOf(e.services().stream().map(ServiceInput::spec).toList());
  }

  @Test
  void sameSeedGivesSameBytesAndAnotherSeedOthers() {
    Size size = new Size(100, 10, 20, 6);

    byte[] a = EstateGenerator.generate(size, 42).snapshotJson();

    assertThat(EstateGenerator.generate(size, 42).snapshotJson()).isEqualTo(a);
    assertThat(EstateGenerator.generate(size, 43).snapshotJson()).isNotEqualTo(a);
  }

  @Test
  void estateGivesTheBenchmarkedRulesSomethingToFind() {
    Estate e = EstateGenerator.generate(new Size(1_000, 250, 200, 10), 7);

    Set<String> ids = RuleCatalog.standard().run(e.analysisInput()).stream().map(Finding::ruleId)
        .collect(Collectors.toSet());

    assertThat(ids).containsAll(List.of(EstateLintBenchmark.RuleState.RULES));
    assertThat(ids).contains("EASNET-012", "EASNET-024", "EASNET-025", "EASNET-026", "EASNET-027", "EASNET-028");
  }

  @Test
  void proportionalSizeAtTenThousandIsTheReferenceEstate() {
    assertThat(Size.proportional(10_000)).isEqualTo(Size.REFERENCE);
    assertThat(Size.proportional(20_000)).isEqualTo(new Size(20_000, 2_000, 4_000, 50));
    assertThat(Size.REFERENCE.vpcs()).isEqualTo(10);
  }

  @Test
  void groupsOfAVpcOnlyNameGroupsOfTheirVpc() {
    Estate e = EstateGenerator.generate(new Size(300, 300, 30, 20), 3);

    for (SecurityGroup g : e.inventory().securityGroups()) {
      assertThat(g.rules()).allSatisfy(r -> {
        if (r.peer() instanceof io.easnet.core.model.SecurityGroupRule.RulePeer.GroupPeer p) {
          assertThat(e.inventory().securityGroup(p.groupId())).get().extracting(SecurityGroup::vpcId)
              .isEqualTo(g.vpcId());
        }
      });
    }
  }

  @Test
  void impossibleSizesAreRejectedWithTheLimit() {
    assertThatThrownBy(() -> new Size(0, 1, 1, 4)).hasMessageContaining("services must be at least 1");
    assertThatThrownBy(() -> new Size(1, 30_000, 300, 4)).hasMessageContaining("vSwitches must be 1 to 25000");
    assertThatThrownBy(() -> new Size(1, 300, 2, 4))
        .hasMessageContaining("groups must be at least the number of VPCs (3 for 300 vSwitches)");
    assertThatThrownBy(() -> new Size(1, 1, 1, 3)).hasMessageContaining("rulesPerGroup must be at least 4");
  }
}
