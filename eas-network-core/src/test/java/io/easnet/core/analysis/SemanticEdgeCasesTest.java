package io.easnet.core.analysis;

import io.easnet.core.analysis.CapacityReport.ServiceDemand;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import io.easnet.core.analysis.SecurityGroupVerdict.SecurityGroupDecision;
import io.easnet.core.analysis.Assumption.AssumptionKey;
import io.easnet.core.change.UpdateDLink;
import static io.easnet.core.analysis.Estates.good;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.SecurityGroupRule.Direction;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.PortRange;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.Vpc;
import io.easnet.core.resolve.EffectiveNetwork;
import io.easnet.core.resolve.NetworkResolver;
import io.easnet.core.resolve.EffectiveNetwork.Provenance;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Alibaba Cloud's semantics at their edges: odd but legal inputs a demanding user builds (IPv6-only groups, default
 * rules of basic and enterprise groups, the internet split in blocks, equivalent port spellings, priorities, a /29
 * vSwitch, reserved blocks, a DLink client vSwitch in another VPC), each with the answer those semantics give.
 */
class SemanticEdgeCasesTest {
  private static final SecurityGroupId SG = SecurityGroupId.of("sg-x");
  private static final Inventory EMPTY = Inventory.empty();

  private static SecurityGroupVerdict ingress(SecurityGroup g, String peer, Protocol protocol, int port) {
    return SecurityGroupEvaluator.of(EMPTY).evaluate(g, Direction.INGRESS, protocol, Cidr.parse(peer), List.of(),
        port);
  }

  private static SecurityGroup.Builder group(SecurityGroupType type) {
    return SecurityGroup.builder().id("sg-x").vpcId("vpc-a").type(type);
  }

  @Test
  void ipv6OnlyGroupAdmitsIpv6PeersAndNeverAnIpv4One() {
    SecurityGroup g = group(SecurityGroupType.ENTERPRISE)
        .addRule(SecurityGroupRule.ingress().tcp(443).peer("::/0")).build();
    assertThat(ingress(g, "2408:4002:10c4:4e03::7", Protocol.TCP, 443).decision()).isEqualTo(SecurityGroupDecision.ALLOW);
    assertThat(ingress(g, "8.8.8.8", Protocol.TCP, 443).decision()).isEqualTo(SecurityGroupDecision.DENY);
    SecurityGroupEvaluator ev = SecurityGroupEvaluator.of(EMPTY);
    assertThat(ev.openToInternet(g, Direction.INGRESS, Protocol.TCP, 443)).isTrue();
    assertThat(ev.openToInternet(g, Direction.INGRESS, Protocol.TCP, 22)).isFalse();
    // an IPv4 drop of everything does not close the IPv6 side
    SecurityGroup withV4Drop = g.toBuilder()
        .addRules(SecurityGroupRule.ingress().tcp(443).peer("0.0.0.0/0").drop().build()).build();
    assertThat(ev.openToInternet(withV4Drop, Direction.INGRESS, Protocol.TCP, 443)).isTrue();
    assertThat(ingress(withV4Drop, "2408:4002:10c4:4e03::7", Protocol.TCP, 443).decision())
        .isEqualTo(SecurityGroupDecision.ALLOW);
  }

  @Test
  void enterpriseGroupWithNoRulesDeniesBothDirectionsByDefault() {
    SecurityGroup g = group(SecurityGroupType.ENTERPRISE).build();
    SecurityGroupEvaluator ev = SecurityGroupEvaluator.of(EMPTY);
    SecurityGroupVerdict in = ev.evaluate(g, Direction.INGRESS, Protocol.TCP, Cidr.parse("10.0.0.1"), List.of(SG), 80);
    SecurityGroupVerdict out = ev.evaluate(g, Direction.EGRESS, Protocol.TCP, Cidr.parse("10.0.0.1"), List.of(), 80);
    assertThat(in.decision()).isEqualTo(SecurityGroupDecision.DENY);
    assertThat(in.defaultOf()).contains(SecurityGroupType.ENTERPRISE);
    assertThat(in.decidingRule()).isEmpty();
    assertThat(out.decision()).isEqualTo(SecurityGroupDecision.DENY);
    assertThat(out.reason()).contains("enterprise groups deny outbound traffic by default");
    // even members of the same group: the enterprise default has no inner access
    assertThat(ev.openToInternet(g, Direction.EGRESS, Protocol.TCP, 443)).isFalse();
  }

  @Test
  void basicGroupWithNoRulesAllowsEgressAndOnlySameGroupIngress() {
    SecurityGroup g = group(SecurityGroupType.BASIC).build();
    SecurityGroupEvaluator ev = SecurityGroupEvaluator.of(EMPTY);
    assertThat(ev.evaluate(g, Direction.INGRESS, Protocol.TCP, Cidr.parse("10.0.0.1"), List.of(SG), 80).decision())
        .isEqualTo(SecurityGroupDecision.ALLOW);
    assertThat(ev.evaluate(g, Direction.INGRESS, Protocol.TCP, Cidr.parse("10.0.0.1"), List.of(), 80).decision())
        .isEqualTo(SecurityGroupDecision.DENY);
    assertThat(ev.openToInternet(g, Direction.EGRESS, Protocol.UDP, 53)).isTrue();
  }

  @Test
  void theInternetSplitInFourSlash2BlocksIsTheWholeInternet() {
    SecurityGroup.Builder b = group(SecurityGroupType.BASIC);
    for (String q : List.of("0.0.0.0/2", "64.0.0.0/2", "128.0.0.0/2", "192.0.0.0/2")) {
      b.addRule(SecurityGroupRule.ingress().tcp(3306).peer(q));
    }
    SecurityGroup g = b.build();
    SecurityGroupEvaluator ev = SecurityGroupEvaluator.of(EMPTY);
    assertThat(ev.openToInternet(g, Direction.INGRESS, Protocol.TCP, 3306)).isTrue();
    assertThat(ev.openToInternet(g, Direction.INGRESS, Protocol.TCP, 3307)).isFalse();
    assertThat(ev.coversAll(g, Direction.INGRESS, Protocol.TCP, PortRange.single(3306), Cidr.ANY_IPV4)).isTrue();
    // three quarters are not the internet
    SecurityGroup three = group(SecurityGroupType.BASIC)
        .rules(g.rules().subList(0, 3)).build();
    assertThat(ev.openToInternet(three, Direction.INGRESS, Protocol.TCP, 3306)).isFalse();
    // a /32 drop at a higher priority inside one quarter closes "the whole internet"
    SecurityGroup holed = g.toBuilder().addRules(SecurityGroupRule.ingress().tcp(3306).peer("200.1.2.3").drop()
        .build()).build();
    assertThat(ev.openToInternet(holed, Direction.INGRESS, Protocol.TCP, 3306)).isFalse();
  }

  @Test
  void portsOneTo65535AndMinusOneAreTheSameCoverage() {
    SecurityGroupEvaluator ev = SecurityGroupEvaluator.of(EMPTY);
    SecurityGroup spelled = group(SecurityGroupType.BASIC)
        .addRule(SecurityGroupRule.ingress().protocol(Protocol.TCP).ports("1/65535").peer("0.0.0.0/0")).build();
    SecurityGroup minusOne = group(SecurityGroupType.BASIC)
        .addRule(SecurityGroupRule.ingress().protocol(Protocol.TCP).ports("-1/-1").peer("0.0.0.0/0")).build();
    for (SecurityGroup g : List.of(spelled, minusOne)) {
      assertThat(ev.openToInternetOnAllPorts(g, Direction.INGRESS, Protocol.TCP)).as(g.rules().toString()).isTrue();
      assertThat(ingress(g, "8.8.8.8", Protocol.TCP, 1).decision()).isEqualTo(SecurityGroupDecision.ALLOW);
      assertThat(ingress(g, "8.8.8.8", Protocol.TCP, 65535).decision()).isEqualTo(SecurityGroupDecision.ALLOW);
      assertThat(ingress(g, "8.8.8.8", Protocol.UDP, 53).decision()).isEqualTo(SecurityGroupDecision.DENY);
    }
    SecurityGroup oneShort = group(SecurityGroupType.BASIC)
        .addRule(SecurityGroupRule.ingress().protocol(Protocol.TCP).ports("1/65534").peer("0.0.0.0/0")).build();
    assertThat(ev.openToInternetOnAllPorts(oneShort, Direction.INGRESS, Protocol.TCP)).isFalse();
    assertThat(PortRange.parse("1/65535").coversAllPorts()).isTrue();
    assertThat(PortRange.parse("-1/-1").coversAllPorts()).isTrue();
    assertThat(PortRange.parse("1/65535")).isNotEqualTo(PortRange.ALL);
  }

  @Test
  void priorityOneBeatsPriorityHundredWhateverThePolicyOrDeclarationOrder() {
    SecurityGroupRule acceptAt1 = SecurityGroupRule.ingress().tcp(22).peer("0.0.0.0/0").priority(1).build();
    SecurityGroupRule dropAt100 = SecurityGroupRule.ingress().tcp(22).peer("0.0.0.0/0").drop().priority(100).build();
    SecurityGroupRule dropAt1 = SecurityGroupRule.ingress().tcp(22).peer("0.0.0.0/0").drop().priority(1).build();
    SecurityGroupRule acceptAt100 = SecurityGroupRule.ingress().tcp(22).peer("0.0.0.0/0").priority(100).build();
    for (List<SecurityGroupRule> rules : List.of(List.of(acceptAt1, dropAt100), List.of(dropAt100, acceptAt1))) {
      SecurityGroupVerdict v = ingress(group(SecurityGroupType.BASIC).rules(rules).build(), "1.2.3.4", Protocol.TCP, 22);
      assertThat(v.decision()).isEqualTo(SecurityGroupDecision.ALLOW);
      assertThat(v.decidingRule()).contains(acceptAt1);
    }
    for (List<SecurityGroupRule> rules : List.of(List.of(dropAt1, acceptAt100), List.of(acceptAt100, dropAt1))) {
      SecurityGroupVerdict v = ingress(group(SecurityGroupType.BASIC).rules(rules).build(), "1.2.3.4", Protocol.TCP, 22);
      assertThat(v.decision()).isEqualTo(SecurityGroupDecision.DENY);
      assertThat(v.decidingRule()).contains(dropAt1);
    }
  }

  @Test
  void icmpAndGreRulesMatchWhateverPortTheCallerPasses() {
    SecurityGroup g = group(SecurityGroupType.ENTERPRISE)
        .addRule(SecurityGroupRule.ingress().protocol(Protocol.ICMP).peer("10.0.0.0/8"))
        .addRule(SecurityGroupRule.ingress().protocol(Protocol.GRE).peer("10.0.0.0/8")).build();
    assertThat(ingress(g, "10.1.1.1", Protocol.ICMP, -1).decision()).isEqualTo(SecurityGroupDecision.ALLOW);
    assertThat(ingress(g, "10.1.1.1", Protocol.GRE, 12345).decision()).isEqualTo(SecurityGroupDecision.ALLOW);
    assertThat(ingress(g, "10.1.1.1", Protocol.TCP, 22).decision()).isEqualTo(SecurityGroupDecision.DENY);
  }

  @Test
  void slash29VSwitchHasFourUsableAddressesAndTwoInstancesPlusSurgeFit() {
    VSwitch tiny = VSwitch.builder().id("vsw-t").vpcId("vpc-a").cidrBlock("192.168.3.0/29").build();
    assertThat(tiny.usableIpCount()).isEqualTo(4);
    Inventory inv = good().addVSwitch(tiny).build();
    EffectiveNetwork net = Estates.network("vsw-t");
    CapacityReport fits = CapacityAnalyzer.of(inv).analyze(List.of(ServiceDemand.of(
        ServiceSpec.builder().name("svc").instanceCount(3).build(), net)));
    // 3 instances + 1 surge (25 %, at least one) = 4 = usable
    assertThat(fits.explanations()).isEmpty();
    assertThat(fits.vSwitches().get(0).totalDemand()).isEqualTo(4);
    CapacityReport short1 = CapacityAnalyzer.of(inv).analyze(List.of(ServiceDemand.of(
        ServiceSpec.builder().name("svc").instanceCount(4).build(), net)));
    assertThat(short1.explanations()).extracting(Explanation::code)
        .containsExactly(ExplanationCode.VSWITCH_IP_EXHAUSTED_AT_SCALE);
    assertThat(short1.vSwitches().get(0).shortfall()).isEqualTo(1);
    // the proposal is a free /29 inside the VPC that overlaps no existing vSwitch
    Cidr proposed = short1.vSwitches().get(0).proposedCidr().orElseThrow();
    assertThat(Cidr.parse("192.168.0.0/16").contains(proposed)).isTrue();
    assertThat(inv.vSwitches()).noneMatch(v -> v.cidrBlock().overlaps(proposed));
  }

  @Test
  void reservedBlocksShrinkTheUsableAddressesAndTheCapacity() {
    VSwitch v = VSwitch.builder().id("vsw-r").vpcId("vpc-a").cidrBlock("192.168.4.0/24")
        .addReservedCidrBlock("192.168.4.64/26").addReservedCidrBlock("192.168.4.128/28").build();
    assertThat(v.usableIpCount()).isEqualTo(256 - 4 - 64 - 16);
    assertThat(v.availableIpAddressCount()).isEqualTo(172);
    Inventory inv = good().addVSwitch(v).build();
    CapacityReport r = CapacityAnalyzer.of(inv).analyze(List.of(ServiceDemand.of(
        ServiceSpec.builder().name("svc").instanceCount(160).build(), Estates.network("vsw-r"))));
    // 160 + 40 surge = 200 > 172
    assertThat(r.vSwitches().get(0).usable()).isEqualTo(172);
    assertThat(r.vSwitches().get(0).shortfall()).isEqualTo(28);
  }

  @Test
  void dlinkClientVSwitchInAnotherVpcHoldsNoInstancesAndDoesNotRouteToTheTarget() {
    Inventory inv = good()
        .addVpc(Vpc.builder().id("vpc-b").cidrBlock("10.0.0.0/16"))
        .addVSwitch(VSwitch.builder().id("vsw-other").vpcId("vpc-b").cidrBlock("10.0.1.0/24"))
        .addResourceGroup(ResourceGroup.builder().id("eas-r-1").dlink(DLink.builder().vSwitchId("vsw-a")
            .securityGroupId("sg-eas").addAuxVSwitchId("vsw-other")))
        .build();
    ServiceSpec spec = ServiceSpec.builder().name("svc").resourceGroupId("eas-r-1").instanceCount(2).build();
    EffectiveNetwork net = NetworkResolver.create().resolve(spec, inv);
    assertThat(net.provenance()).isEqualTo(Provenance.RESOURCE_GROUP);
    assertThat(net.vSwitchId()).map(Object::toString).contains("vsw-a");
    assertThat(net.returnRouteVSwitchIds()).extracting(Object::toString).containsExactly("vsw-other");
    assertThat(net.vpcId()).map(Object::toString).contains("vpc-a");
    PathResult r = PathAnalyzer.of(inv).privateTarget(net, Target.rds(RdsInstanceId.of("rm-1")));
    // one path, from the primary vSwitch; the RDS address is in none of the return routes
    assertThat(r.vSwitchPaths()).extracting(p -> p.vSwitchId().value() + "=" + p.verdict())
        .containsExactly("vsw-a=UNREACHABLE");
    assertThat(r.codes()).containsExactly(ExplanationCode.DLINK_DESTINATION_OUTSIDE_RETURN_ROUTES);
    UpdateDLink fix = (UpdateDLink) r.explanations().get(0).remedy().orElseThrow();
    assertThat(fix.dlink().auxVSwitchIds()).extracting(Object::toString).containsExactly("vsw-other", "vsw-db");
    assertThat(r.assumptions()).extracting(Assumption::key).contains(AssumptionKey.DLINK_RETURN_ROUTE_INFERRED);
  }
}
