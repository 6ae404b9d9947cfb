package io.easnet.core.analysis;

import io.easnet.core.analysis.SecurityGroupVerdict.SecurityGroupDecision;
import io.easnet.core.analysis.Assumption.AssumptionKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.model.Cidr;
import io.easnet.core.model.SecurityGroupRule.Direction;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.SecurityGroupRule.Policy;
import io.easnet.core.model.PortRange;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityGroupEvaluatorTest {
  private static final SecurityGroupId SG = SecurityGroupId.of("sg-a");
  private static final SecurityGroupId OTHER = SecurityGroupId.of("sg-b");
  private static final Cidr INTERNET_HOST = Cidr.parse("203.0.113.9");

  private static SecurityGroup group(SecurityGroupType type, SecurityGroupRule.Builder... rules) {
    SecurityGroup.Builder b = SecurityGroup.builder().id("sg-a").vpcId("vpc-a").type(type);
    for (SecurityGroupRule.Builder r : rules) {
      b.addRule(r);
    }
    return b.build();
  }

  private static SecurityGroupEvaluator evaluatorOf(SecurityGroup... groups) {
    Inventory.Builder b = Inventory.builder();
    for (SecurityGroup g : groups) {
      b.addSecurityGroup(g);
    }
    return SecurityGroupEvaluator.of(b.build());
  }

  private static SecurityGroupVerdict ingressTcp(SecurityGroup g, Cidr from, int port) {
    return evaluatorOf(g).evaluate(List.of(g.id()), Direction.INGRESS, Protocol.TCP, from, List.of(), port);
  }

  @Test
  void allPortsRangeCountsAsPort22() {
    SecurityGroup g = group(SecurityGroupType.ENTERPRISE,
        SecurityGroupRule.ingress().protocol(Protocol.TCP).ports("-1/-1").peer("0.0.0.0/0"));
    SecurityGroupVerdict v = ingressTcp(g, INTERNET_HOST, 22);
    assertThat(v.decision()).isEqualTo(SecurityGroupDecision.ALLOW);
    assertThat(v.decidingRule()).isPresent();
    assertThat(evaluatorOf(g).openToInternet(g, Direction.INGRESS, Protocol.TCP, 22)).isTrue();
  }

  @Test
  void protocolAllCoversTcpAndUdpAndIcmp() {
    SecurityGroup g = group(SecurityGroupType.ENTERPRISE, SecurityGroupRule.ingress().peer("10.0.0.0/8"));
    SecurityGroupEvaluator e = evaluatorOf(g);
    for (Protocol p : List.of(Protocol.TCP, Protocol.UDP, Protocol.ICMP, Protocol.GRE)) {
      assertThat(e.evaluate(List.of(SG), Direction.INGRESS, p, Cidr.parse("10.1.2.3"), List.of(), 53).decision())
          .as(p.name()).isEqualTo(SecurityGroupDecision.ALLOW);
    }
  }

  @Test
  void icmpRuleMatchesWhateverPortIsPassed() {
    SecurityGroup g = group(SecurityGroupType.ENTERPRISE,
        SecurityGroupRule.ingress().protocol(Protocol.ICMP).peer("10.0.0.0/8"));
    assertThat(evaluatorOf(g).evaluate(List.of(SG), Direction.INGRESS, Protocol.ICMP, Cidr.parse("10.0.0.1"),
        List.of(), -1).decision()).isEqualTo(SecurityGroupDecision.ALLOW);
    assertThat(ingressTcp(g, Cidr.parse("10.0.0.1"), 22).decision()).isEqualTo(SecurityGroupDecision.DENY);
  }

  @Test
  void priorityOneDropBeatsPriorityFiveAccept() {
    SecurityGroup g = group(SecurityGroupType.BASIC,
        SecurityGroupRule.ingress().tcp(22).peer("0.0.0.0/0").priority(5),
        SecurityGroupRule.ingress().tcp(22).peer("0.0.0.0/0").priority(1).drop());
    SecurityGroupVerdict v = ingressTcp(g, INTERNET_HOST, 22);
    assertThat(v.decision()).isEqualTo(SecurityGroupDecision.DENY);
    assertThat(v.decidingRule().orElseThrow().priority()).isEqualTo(1);
    assertThat(v.decidingRule().orElseThrow().policy()).isEqualTo(Policy.DROP);
    assertThat(evaluatorOf(g).openToInternet(g, Direction.INGRESS, Protocol.TCP, 22)).isFalse();
  }

  @Test
  void higherPriorityAcceptBeatsLowerPriorityDrop() {
    SecurityGroup g = group(SecurityGroupType.ENTERPRISE,
        SecurityGroupRule.ingress().tcp(22).peer("0.0.0.0/0").priority(1),
        SecurityGroupRule.ingress().tcp(22).peer("0.0.0.0/0").priority(5).drop());
    assertThat(ingressTcp(g, INTERNET_HOST, 22).decision()).isEqualTo(SecurityGroupDecision.ALLOW);
  }

  @Test
  void atEqualPriorityDropWins() {
    SecurityGroup g = group(SecurityGroupType.BASIC,
        SecurityGroupRule.ingress().tcp(22).peer("0.0.0.0/0").priority(3),
        SecurityGroupRule.ingress().tcp(22).peer("203.0.113.0/24").priority(3).drop());
    SecurityGroupVerdict v = ingressTcp(g, INTERNET_HOST, 22);
    assertThat(v.decision()).isEqualTo(SecurityGroupDecision.DENY);
    assertThat(v.reason()).contains("denies");
    assertThat(ingressTcp(g, Cidr.parse("198.51.100.1"), 22).decision()).isEqualTo(SecurityGroupDecision.ALLOW);
  }

  @Test
  void twoHalvesOfTheAddressSpaceAreTheWholeInternet() {
    SecurityGroup g = group(SecurityGroupType.ENTERPRISE,
        SecurityGroupRule.ingress().tcp(3389).peer("0.0.0.0/1"),
        SecurityGroupRule.ingress().tcp(3389).peer("128.0.0.0/1"));
    SecurityGroupEvaluator e = evaluatorOf(g);
    assertThat(e.openToInternet(g, Direction.INGRESS, Protocol.TCP, 3389)).isTrue();
    assertThat(e.evaluate(List.of(SG), Direction.INGRESS, Protocol.TCP, Cidr.ANY_IPV4, List.of(), 3389).decision())
        .isEqualTo(SecurityGroupDecision.ALLOW);
    assertThat(e.openToInternet(g, Direction.INGRESS, Protocol.TCP, 22)).isFalse();
  }

  @Test
  void oneHalfIsNotTheWholeInternet() {
    SecurityGroup g = group(SecurityGroupType.ENTERPRISE, SecurityGroupRule.ingress().tcp(22).peer("0.0.0.0/1"));
    assertThat(evaluatorOf(g).openToInternet(g, Direction.INGRESS, Protocol.TCP, 22)).isFalse();
  }

  @Test
  void halvesWithADropCarvedOutAreNotTheWholeInternet() {
    SecurityGroup g = group(SecurityGroupType.ENTERPRISE,
        SecurityGroupRule.ingress().tcp(22).peer("0.0.0.0/1").priority(2),
        SecurityGroupRule.ingress().tcp(22).peer("128.0.0.0/1").priority(2),
        SecurityGroupRule.ingress().tcp(22).peer("192.0.2.0/24").priority(2).drop());
    assertThat(evaluatorOf(g).openToInternet(g, Direction.INGRESS, Protocol.TCP, 22)).isFalse();
  }

  @Test
  void lowerPriorityDropDoesNotCloseAnOpenGroup() {
    SecurityGroup g = group(SecurityGroupType.ENTERPRISE,
        SecurityGroupRule.ingress().tcp(22).peer("0.0.0.0/0").priority(1),
        SecurityGroupRule.ingress().tcp(22).peer("192.0.2.0/24").priority(2).drop());
    assertThat(evaluatorOf(g).openToInternet(g, Direction.INGRESS, Protocol.TCP, 22)).isTrue();
  }

  @Test
  void ipv6AnyIsOpenToTheInternetAndNeverMatchesIpv4Peers() {
    SecurityGroup g = group(SecurityGroupType.ENTERPRISE, SecurityGroupRule.ingress().tcp(6379).peer("::/0"));
    SecurityGroupEvaluator e = evaluatorOf(g);
    assertThat(e.openToInternet(g, Direction.INGRESS, Protocol.TCP, 6379)).isTrue();
    assertThat(ingressTcp(g, Cidr.parse("2001:db8::1"), 6379).decision()).isEqualTo(SecurityGroupDecision.ALLOW);
    assertThat(ingressTcp(g, INTERNET_HOST, 6379).decision()).isEqualTo(SecurityGroupDecision.DENY);
  }

  @Test
  void ipv4AnyNeverMatchesIpv6Peers() {
    SecurityGroup g = group(SecurityGroupType.ENTERPRISE, SecurityGroupRule.ingress().tcp(80).peer("0.0.0.0/0"));
    assertThat(ingressTcp(g, Cidr.parse("2001:db8::1"), 80).decision()).isEqualTo(SecurityGroupDecision.DENY);
  }

  @Test
  void spelledOutFullPortRangeIsAllPorts() {
    SecurityGroup g = group(SecurityGroupType.ENTERPRISE,
        SecurityGroupRule.ingress().protocol(Protocol.TCP).ports("1/65535").peer("0.0.0.0/0"));
    SecurityGroupEvaluator e = evaluatorOf(g);
    assertThat(e.openToInternetOnAllPorts(g, Direction.INGRESS, Protocol.TCP)).isTrue();
    assertThat(e.coversAll(g, Direction.INGRESS, Protocol.TCP, PortRange.ALL, Cidr.ANY_IPV4)).isTrue();
  }

  @Test
  void splitPortRangesCoverAllPortsOnlyWithoutAGap() {
    SecurityGroup full = group(SecurityGroupType.ENTERPRISE,
        SecurityGroupRule.ingress().protocol(Protocol.TCP).ports("1/1000").peer("0.0.0.0/0"),
        SecurityGroupRule.ingress().protocol(Protocol.TCP).ports("1001/65535").peer("0.0.0.0/0"));
    SecurityGroup gap = group(SecurityGroupType.ENTERPRISE,
        SecurityGroupRule.ingress().protocol(Protocol.TCP).ports("1/1000").peer("0.0.0.0/0"),
        SecurityGroupRule.ingress().protocol(Protocol.TCP).ports("1002/65535").peer("0.0.0.0/0"));
    assertThat(evaluatorOf(full).openToInternetOnAllPorts(full, Direction.INGRESS, Protocol.TCP)).isTrue();
    assertThat(evaluatorOf(gap).openToInternetOnAllPorts(gap, Direction.INGRESS, Protocol.TCP)).isFalse();
  }

  @Test
  void basicGroupAllowsAllEgressByDefault() {
    SecurityGroup g = group(SecurityGroupType.BASIC);
    SecurityGroupVerdict v = evaluatorOf(g).evaluate(List.of(SG), Direction.EGRESS, Protocol.TCP, INTERNET_HOST, List.of(), 443);
    assertThat(v.decision()).isEqualTo(SecurityGroupDecision.ALLOW);
    assertThat(v.defaultOf()).contains(SecurityGroupType.BASIC);
    assertThat(v.decidingRule()).isEmpty();
    assertThat(v.reason()).contains("basic groups allow all outbound");
  }

  @Test
  void basicGroupAllowsIngressFromItsOwnMembersOnlyWithInnerAccessAccept() {
    SecurityGroup accept = group(SecurityGroupType.BASIC);
    SecurityGroupEvaluator e = evaluatorOf(accept);
    Cidr peer = Cidr.parse("10.0.0.5");
    assertThat(e.evaluate(List.of(SG), Direction.INGRESS, Protocol.TCP, peer, List.of(SG), 80).decision())
        .isEqualTo(SecurityGroupDecision.ALLOW);
    assertThat(e.evaluate(List.of(SG), Direction.INGRESS, Protocol.TCP, peer, List.of(OTHER), 80).decision())
        .isEqualTo(SecurityGroupDecision.DENY);
    SecurityGroup drop = accept.toBuilder().innerAccessPolicy(Policy.DROP).build();
    assertThat(evaluatorOf(drop).evaluate(List.of(SG), Direction.INGRESS, Protocol.TCP, peer, List.of(SG), 80)
        .decision()).isEqualTo(SecurityGroupDecision.DENY);
  }

  @Test
  void enterpriseGroupDeniesBothDirectionsByDefault() {
    SecurityGroup g = group(SecurityGroupType.ENTERPRISE);
    SecurityGroupEvaluator e = evaluatorOf(g);
    SecurityGroupVerdict out = e.evaluate(List.of(SG), Direction.EGRESS, Protocol.TCP, INTERNET_HOST, List.of(), 443);
    SecurityGroupVerdict in = e.evaluate(List.of(SG), Direction.INGRESS, Protocol.TCP, INTERNET_HOST, List.of(SG), 443);
    assertThat(out.decision()).isEqualTo(SecurityGroupDecision.DENY);
    assertThat(in.decision()).isEqualTo(SecurityGroupDecision.DENY);
    assertThat(out.defaultOf()).contains(SecurityGroupType.ENTERPRISE);
    assertThat(out.asDecidingRule().orElseThrow().text()).contains("enterprise");
  }

  @Test
  void groupPeerMatchesWhenThePeerIsAMember() {
    SecurityGroup g = group(SecurityGroupType.ENTERPRISE, SecurityGroupRule.ingress().tcp(3306).peer("sg-b"));
    SecurityGroupEvaluator e = evaluatorOf(g);
    Cidr peer = Cidr.parse("10.0.0.0/24");
    assertThat(e.evaluate(List.of(SG), Direction.INGRESS, Protocol.TCP, peer, List.of(OTHER), 3306).decision())
        .isEqualTo(SecurityGroupDecision.ALLOW);
    assertThat(e.evaluate(List.of(SG), Direction.INGRESS, Protocol.TCP, peer, List.of(), 3306).decision())
        .isEqualTo(SecurityGroupDecision.DENY);
  }

  @Test
  void blockPeerIsAllowedOnlyWhenEveryAddressIs() {
    SecurityGroup g = group(SecurityGroupType.ENTERPRISE,
        SecurityGroupRule.ingress().tcp(3306).peer("10.0.0.0/25"));
    assertThat(ingressTcp(g, Cidr.parse("10.0.0.0/24"), 3306).decision()).isEqualTo(SecurityGroupDecision.DENY);
    SecurityGroup both = group(SecurityGroupType.ENTERPRISE,
        SecurityGroupRule.ingress().tcp(3306).peer("10.0.0.0/25"),
        SecurityGroupRule.ingress().tcp(3306).peer("10.0.0.128/25"));
    SecurityGroupVerdict v = ingressTcp(both, Cidr.parse("10.0.0.0/24"), 3306);
    assertThat(v.decision()).isEqualTo(SecurityGroupDecision.ALLOW);
  }

  @Test
  void unknownPrefixListThatCouldDecideIsUndeterminedWithAssumption() {
    SecurityGroup g = group(SecurityGroupType.ENTERPRISE,
        SecurityGroupRule.ingress().tcp(443).peer("pl-office"));
    SecurityGroupVerdict v = ingressTcp(g, INTERNET_HOST, 443);
    assertThat(v.decision()).isEqualTo(SecurityGroupDecision.UNDETERMINED);
    assertThat(v.assumptions()).extracting(Assumption::key).contains(AssumptionKey.PREFIX_LIST_UNKNOWN);
    assertThat(v.assumptions().get(0).sentence()).contains("pl-office");
  }

  @Test
  void unknownPrefixListThatCannotChangeTheResultIsIgnored() {
    SecurityGroup g = group(SecurityGroupType.ENTERPRISE,
        SecurityGroupRule.ingress().tcp(443).peer("0.0.0.0/0").priority(1),
        SecurityGroupRule.ingress().tcp(443).peer("pl-office").priority(2).drop());
    SecurityGroupVerdict v = ingressTcp(g, INTERNET_HOST, 443);
    assertThat(v.decision()).isEqualTo(SecurityGroupDecision.ALLOW);
    assertThat(v.assumptions()).isEmpty();
  }

  @Test
  void severalGroupsAreEvaluatedAsOneRuleSet() {
    SecurityGroup a = group(SecurityGroupType.ENTERPRISE,
        SecurityGroupRule.ingress().tcp(22).peer("0.0.0.0/0").priority(10));
    SecurityGroup b = SecurityGroup.builder().id("sg-b").vpcId("vpc-a").type(SecurityGroupType.ENTERPRISE)
        .addRule(SecurityGroupRule.ingress().tcp(22).peer("203.0.113.0/24").priority(1).drop()).build();
    SecurityGroupEvaluator e = evaluatorOf(a, b);
    SecurityGroupVerdict v = e.evaluate(List.of(SG, OTHER), Direction.INGRESS, Protocol.TCP, INTERNET_HOST, List.of(), 22);
    assertThat(v.decision()).isEqualTo(SecurityGroupDecision.DENY);
    assertThat(v.decidingGroup()).contains(OTHER);
    assertThat(e.evaluate(List.of(SG), Direction.INGRESS, Protocol.TCP, INTERNET_HOST, List.of(), 22).decision())
        .isEqualTo(SecurityGroupDecision.ALLOW);
  }

  @Test
  void mixedGroupTypesAreReportedAsAnAssumption() {
    SecurityGroup a = group(SecurityGroupType.BASIC);
    SecurityGroup b = SecurityGroup.builder().id("sg-b").vpcId("vpc-a").type(SecurityGroupType.ENTERPRISE).build();
    SecurityGroupVerdict v = evaluatorOf(a, b).evaluate(List.of(SG, OTHER), Direction.EGRESS, Protocol.TCP, INTERNET_HOST,
        List.of(), 443);
    assertThat(v.decision()).isEqualTo(SecurityGroupDecision.DENY);
    assertThat(v.assumptions()).extracting(Assumption::key).contains(AssumptionKey.MIXED_GROUP_TYPES);
  }

  @Test
  void groupMissingFromTheInventoryIsUndetermined() {
    SecurityGroupVerdict v = SecurityGroupEvaluator.of(Inventory.empty())
        .evaluate(List.of(SG), Direction.EGRESS, Protocol.TCP, INTERNET_HOST, List.of(), 443);
    assertThat(v.decision()).isEqualTo(SecurityGroupDecision.UNDETERMINED);
    assertThat(v.reason()).contains("sg-a");
  }

  @Test
  void basicGroupWithoutEgressRulesIsOpenForEgressButNotIngress() {
    SecurityGroup g = group(SecurityGroupType.BASIC);
    SecurityGroupEvaluator e = evaluatorOf(g);
    assertThat(e.openToInternet(g, Direction.EGRESS, Protocol.TCP, 443)).isTrue();
    assertThat(e.openToInternet(g, Direction.INGRESS, Protocol.TCP, 443)).isFalse();
  }

  @Test
  void groupOutsideTheInventoryCanBeQueried() {
    SecurityGroup g = group(SecurityGroupType.ENTERPRISE, SecurityGroupRule.ingress().tcp(22).peer("0.0.0.0/0"));
    SecurityGroupEvaluator e = SecurityGroupEvaluator.of(Inventory.empty());
    assertThat(e.openToInternet(g, Direction.INGRESS, Protocol.TCP, 22)).isTrue();
    assertThat(e.evaluate(g, Direction.INGRESS, Protocol.TCP, INTERNET_HOST, List.of(), 23).decision())
        .isEqualTo(SecurityGroupDecision.DENY);
  }

  @Test
  void decidingRuleRendersGroupAndRule() {
    SecurityGroup g = group(SecurityGroupType.ENTERPRISE,
        SecurityGroupRule.ingress().tcp(22).peer("0.0.0.0/0").priority(7).drop());
    SecurityGroupVerdict v = ingressTcp(g, INTERNET_HOST, 22);
    assertThat(v.asDecidingRule().orElseThrow().text())
        .isEqualTo("sg-a ingress priority 7 drop tcp 22/22 from 0.0.0.0/0");
  }

  @Test
  void membersOfInventoryAreIrrelevantToAddressRules() {
    SecurityGroup g = group(SecurityGroupType.ENTERPRISE, SecurityGroupRule.egress().tcp(443).peer("0.0.0.0/0"));
    Inventory inv = Inventory.builder().addSecurityGroup(g).addEcsInstance(EcsInstance.builder().id("i-1")
        .vpcId("vpc-a").vSwitchId("vsw-a").addPrivateIp("10.0.0.1").addSecurityGroupId("sg-a")).build();
    assertThat(SecurityGroupEvaluator.of(inv)
        .evaluate(List.of(SG), Direction.EGRESS, Protocol.TCP, INTERNET_HOST, List.of(), 443).isAllowed()).isTrue();
  }
}
