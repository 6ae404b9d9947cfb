package io.easnet.core.analysis;

import io.easnet.core.analysis.CapacityReport.ServiceDemand;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import io.easnet.core.analysis.CapacityReport.VSwitchCapacity;
import io.easnet.core.analysis.Assumption.AssumptionKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.analysis.internal.CidrAllocator;
import io.easnet.core.model.ServiceSpec.Autoscaler;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ServiceSpec.RollingStrategy;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.Vpc;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapacityAnalyzerTest {
  private static final VSwitchId VSW_A = VSwitchId.of("vsw-a");

  private static ServiceSpec spec(String name, int instances) {
    return ServiceSpec.builder().name(name).instanceCount(instances).build();
  }

  private static ServiceSpec spec(String name, int instances, String maxSurge) {
    return ServiceSpec.builder().name(name).instanceCount(instances)
        .rollingStrategy(RollingStrategy.builder().maxSurge(maxSurge).build()).build();
  }

  private static Inventory estate(VSwitch.Builder... vSwitches) {
    Inventory.Builder b = Inventory.builder().addVpc(Vpc.builder().id("vpc-a").cidrBlock("192.168.0.0/16"));
    for (VSwitch.Builder v : vSwitches) {
      b.addVSwitch(v);
    }
    return b.build();
  }

  private static VSwitch.Builder vsw(String id, String cidr) {
    return VSwitch.builder().id(id).vpcId("vpc-a").cidrBlock(cidr);
  }

  private static CapacityReport plan(Inventory inv, ServiceDemand... demands) {
    return CapacityAnalyzer.of(inv).analyze(List.of(demands));
  }

  @Test
  void demandIsPeakInstancesPlusSurge() {
    assertThat(CapacityAnalyzer.demandOf(spec("a", 10))).isEqualTo(13); // 25 % of 10, rounded up
    assertThat(CapacityAnalyzer.demandOf(spec("a", 1))).isEqualTo(2); // at least one
    assertThat(CapacityAnalyzer.demandOf(spec("a", 10, "2"))).isEqualTo(12);
    assertThat(CapacityAnalyzer.demandOf(spec("a", 10, "0"))).isEqualTo(10);
    assertThat(CapacityAnalyzer.demandOf(spec("a", 10, "20%"))).isEqualTo(12);
    ServiceSpec scaled = spec("a", 2, "1").toBuilder().autoscaler(Autoscaler.of(2, 20)).build();
    assertThat(CapacityAnalyzer.demandOf(scaled)).isEqualTo(21);
  }

  @Test
  void smallVSwitchIsShortAtScaleAndGetsAProposal() {
    Inventory inv = estate(vsw("vsw-a", "192.168.0.0/29"), vsw("vsw-b", "192.168.0.8/29"));
    CapacityReport r = plan(inv, ServiceDemand.of(spec("svc", 4, "1"), Estates.network("vsw-a")));
    VSwitchCapacity c = r.vSwitch(VSW_A).orElseThrow();
    assertThat(c.usable()).isEqualTo(4);
    assertThat(c.free()).isEqualTo(4);
    assertThat(c.totalDemand()).isEqualTo(5);
    assertThat(c.shortfall()).isEqualTo(1);
    assertThat(c.isShort()).isTrue();
    assertThat(c.peakUtilisationPercent()).isEqualTo(125.0);
    // 5 addresses need a /28, but one proposal serves both rules: the recommended /24 (issue 17 item 6)
    assertThat(c.proposedCidr()).contains(Cidr.parse("192.168.1.0/24"));
    assertThat(r.hasShortfall()).isTrue();
    Explanation e = r.explanations().get(0);
    assertThat(e.code()).isEqualTo(ExplanationCode.VSWITCH_IP_EXHAUSTED_AT_SCALE);
    assertThat(e.component().id()).isEqualTo("vsw-a");
    assertThat(e.actual()).contains("1 short");
    assertThat(e.fix()).contains("192.168.1.0/24").doesNotContain("(or as a DLink auxiliary vSwitch)");
  }

  @Test
  void largeEnoughVSwitchHasNoExplanation() {
    Inventory inv = estate(vsw("vsw-a", "192.168.0.0/24").availableIpAddressCount(200));
    CapacityReport r = plan(inv, ServiceDemand.of(spec("svc", 40, "10"), Estates.network("vsw-a")));
    VSwitchCapacity c = r.vSwitch(VSW_A).orElseThrow();
    assertThat(c.usable()).isEqualTo(252);
    assertThat(c.inUse()).isEqualTo(52);
    assertThat(c.totalDemand()).isEqualTo(50);
    assertThat(c.peakUtilisationPercent()).isEqualTo(40.5);
    assertThat(c.shortfall()).isZero();
    assertThat(c.proposedCidr()).isEmpty();
    assertThat(r.explanations()).extracting(Explanation::code)
        .doesNotContain(ExplanationCode.VSWITCH_IP_EXHAUSTED_AT_SCALE);
  }

  @Test
  void reservedBlocksReduceUsableAddresses() {
    Inventory inv = estate(vsw("vsw-a", "192.168.0.0/24").addReservedCidrBlock("192.168.0.0/26"));
    CapacityReport r = plan(inv, ServiceDemand.of(spec("svc", 1, "0"), Estates.network("vsw-a")));
    // 256 − 64 reserved − the last three (the first address is inside the reserved block)
    assertThat(r.vSwitch(VSW_A).orElseThrow().usable()).isEqualTo(189);
  }

  @Test
  void servicesSharingAVSwitchAddUp() {
    Inventory inv = estate(vsw("vsw-a", "192.168.0.0/26").availableIpAddressCount(30));
    CapacityReport r = plan(inv,
        ServiceDemand.of(spec("one", 10, "2"), Estates.network("vsw-a")),
        ServiceDemand.of(spec("two", 15, "5"), Estates.network("vsw-a")));
    VSwitchCapacity c = r.vSwitch(VSW_A).orElseThrow();
    assertThat(c.demandByService()).containsExactly(Map.entry("one", 12L), Map.entry("two", 20L));
    assertThat(c.totalDemand()).isEqualTo(32);
    assertThat(c.shortfall()).isEqualTo(2);
    assertThat(r.explanations().get(0).expected()).contains("one: 12").contains("two: 20");
  }

  @Test
  void missingSurgeIsAnAssumption() {
    Inventory inv = estate(vsw("vsw-a", "192.168.0.0/24"));
    CapacityReport r = plan(inv, ServiceDemand.of(spec("svc", 8), Estates.network("vsw-a")));
    assertThat(r.assumptions()).extracting(Assumption::key).contains(AssumptionKey.DEFAULT_SURGE);
    assertThat(r.assumptions()).filteredOn(a -> a.key() == AssumptionKey.DEFAULT_SURGE).singleElement()
        .extracting(Assumption::sentence).asString().contains("25 %").contains("2 extra");
  }

  @Test
  void proposalAvoidsEveryExistingVSwitchAndFitsTheDemand() {
    Inventory inv = estate(vsw("vsw-a", "192.168.0.0/27").availableIpAddressCount(2),
        vsw("vsw-b", "192.168.1.0/24"), vsw("vsw-c", "192.168.0.128/25"));
    CapacityReport r = plan(inv, ServiceDemand.of(spec("svc", 100, "0"), Estates.network("vsw-a")));
    Cidr proposal = r.vSwitch(VSW_A).orElseThrow().proposedCidr().orElseThrow();
    assertThat(proposal.prefixLength()).isEqualTo(VSwitchCapacity.RECOMMENDED_PREFIX);
    for (VSwitch v : inv.vSwitches()) {
      assertThat(proposal.overlaps(v.cidrBlock())).as(v.id().value()).isFalse();
    }
    assertThat(Cidr.parse("192.168.0.0/16").contains(proposal)).isTrue();
    assertThat(proposal).isEqualTo(Cidr.parse("192.168.2.0/24"));
  }

  @Test
  void proposalUsesASecondaryBlockWhenThePrimaryIsFull() {
    Inventory inv = Inventory.builder()
        .addVpc(Vpc.builder().id("vpc-a").cidrBlock("192.168.0.0/24").addSecondaryCidrBlock("172.16.0.0/16"))
        .addVSwitch(vsw("vsw-a", "192.168.0.0/24").availableIpAddressCount(0)).build();
    CapacityReport r = plan(inv, ServiceDemand.of(spec("svc", 2, "0"), Estates.network("vsw-a")));
    assertThat(r.vSwitch(VSW_A).orElseThrow().proposedCidr()).contains(Cidr.parse("172.16.0.0/24"));
  }

  @Test
  void withNoFreeSlash24TheProposalIsTheSmallestBlockThatFits() {
    Inventory inv = estate(vsw("vsw-a", "192.168.0.0/29"), vsw("vsw-b", "192.168.0.8/29"));
    Inventory tight = Inventory.builder().addVpc(Vpc.builder().id("vpc-a").cidrBlock("192.168.0.0/24"))
        .addAllVSwitches(inv.vSwitches()).build();
    CapacityReport r = plan(tight, ServiceDemand.of(spec("svc", 4, "1"), Estates.network("vsw-a")));
    assertThat(r.vSwitch(VSW_A).orElseThrow().proposedCidr()).contains(Cidr.parse("192.168.0.16/28"));
  }

  @Test
  void twoShortVSwitchesGetDistinctProposals() {
    Inventory inv = estate(vsw("vsw-a", "192.168.0.0/29"), vsw("vsw-b", "192.168.0.8/29"));
    CapacityReport r = plan(inv, ServiceDemand.of(spec("one", 10, "0"), Estates.network("vsw-a")),
        ServiceDemand.of(spec("two", 10, "0"), Estates.network("vsw-b")));
    assertThat(r.vSwitches()).extracting(v -> v.proposedCidr().orElseThrow()).doesNotHaveDuplicates();
    assertThat(r.explanations()).hasSize(2);
  }

  @Test
  void serviceWithoutVpcTakesNoAddresses() {
    CapacityReport r = plan(estate(), ServiceDemand.of(spec("svc", 3), Estates.none()));
    assertThat(r.vSwitches()).isEmpty();
    assertThat(r.assumptions()).extracting(Assumption::key).containsExactly(AssumptionKey.NO_VPC);
  }

  @Test
  void unknownVSwitchIsReported() {
    CapacityReport r = plan(estate(), ServiceDemand.of(spec("svc", 3), Estates.network("vsw-gone")));
    assertThat(r.explanations()).extracting(Explanation::code).containsExactly(ExplanationCode.VSWITCH_NOT_FOUND);
  }

  @Test
  void demandBeyondTheLargestVSwitchGetsNoProposal() {
    Inventory inv = estate(vsw("vsw-a", "192.168.0.0/24"));
    CapacityReport r = plan(inv, ServiceDemand.of(spec("svc", 70_000, "0"), Estates.network("vsw-a")));
    assertThat(r.vSwitch(VSW_A).orElseThrow().proposedCidr()).isEmpty();
    assertThat(r.assumptions()).extracting(Assumption::key).contains(AssumptionKey.DEMAND_TOO_LARGE);
  }

  @Test
  void allocatorSkipsTheSharedAddressSpace() {
    CidrAllocator a = new CidrAllocator(List.of(Cidr.parse("100.64.0.0/10"), Cidr.parse("100.128.0.0/16")), List.of());
    assertThat(a.allocate(16)).contains(Cidr.parse("100.128.0.0/16"));
  }

  @Test
  void allocatorReturnsNothingWhenFull() {
    CidrAllocator a = new CidrAllocator(List.of(Cidr.parse("10.0.0.0/28")), List.of(Cidr.parse("10.0.0.0/29")));
    assertThat(a.allocate(29)).contains(Cidr.parse("10.0.0.8/29"));
    assertThat(a.allocate(29)).isEmpty();
    assertThat(a.allocate(16)).isEmpty();
  }

  @Test
  void smallestPrefixFitsTheDemand() {
    assertThat(CidrAllocator.prefixFor(4)).contains(29);
    assertThat(CidrAllocator.prefixFor(5)).contains(28);
    assertThat(CidrAllocator.prefixFor(65_532)).contains(16);
    assertThat(CidrAllocator.prefixFor(65_533)).isEmpty();
  }

  @Test
  void theAllocatorSizesBlocksWithTheVSwitchsOwnCountOfReservedAddresses() {
    for (int p = 16; p <= 29; p++) {
      VSwitch v = VSwitch.builder().id("vsw-p").vpcId("vpc-a").cidrBlock("10.0.0.0/" + p).zoneId("z").build();
      assertThat(v.usableIpCount()).as("/%d", p).isEqualTo(v.assignableIpCount())
          .isEqualTo(VSwitch.assignableIpCount(p)).isEqualTo((1L << (32 - p)) - 4);
      assertThat(CidrAllocator.prefixFor(v.assignableIpCount())).as("/%d", p).contains(p);
      if (p > 16) {
        assertThat(CidrAllocator.prefixFor(v.assignableIpCount() + 1)).as("/%d", p).contains(p - 1);
      } else {
        assertThat(CidrAllocator.prefixFor(v.assignableIpCount() + 1)).isEmpty();
      }
    }
  }
}
