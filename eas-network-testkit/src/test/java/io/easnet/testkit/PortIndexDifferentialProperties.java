package io.easnet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.analysis.SecurityGroupEvaluator;
import io.easnet.core.analysis.SecurityGroupVerdict;
import io.easnet.core.analysis.internal.CompiledRule;
import io.easnet.core.analysis.internal.CompiledRuleSet;
import io.easnet.core.analysis.internal.CompiledRuleSet.PrefixListMode;
import io.easnet.core.analysis.internal.Outcome;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.SecurityGroupRule.Direction;
import io.easnet.core.model.SecurityGroupRule.Policy;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.SecurityGroupRule.RulePeer;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import io.easnet.testkit.gen.NetworkGenerators;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The compiled verdict (a per-port index of the rules that can match, {@code CompiledRuleSet.evaluateByIndex}, and {@code evaluate}, which
 * scans until a direction and protocol are asked often enough to index them) against the
 * straightforward evaluator that scans every rule ({@code evaluateByScan}) on groups and flows of the testkit's
 * generators: the same decision, the same deciding rule, the same default, reason and prefix lists, in both prefix
 * list modes. Flows probe every rule's port boundaries (first port, last port, one either side), where an index
 * that is off by one would differ.
 */
class PortIndexDifferentialProperties {
  private static final SecurityGroupId PEER_GROUP = SecurityGroupId.of("sg-peer");

  @Test
  void indexedVerdictsEqualTheScan() {
    SplittableRandom r = new SplittableRandom(20261205L);
    int compared = 0;
    for (int c = 0; c < 150; c++) {
      List<SecurityGroup> groups = new ArrayList<>();
      int n = 1 + r.nextInt(3);
      for (int g = 0; g < n; g++) {
        groups.add(group(r, "sg-" + g, c % 10 == 0 ? 200 : 1 + r.nextInt(60)));
      }
      CompiledRuleSet set = CompiledRuleSet.of(groups);
      List<Integer> ports = new ArrayList<>(List.of(-1, 0, 1, 22, 443, 65535, 65536));
      for (SecurityGroup g : groups) {
        for (SecurityGroupRule rule : g.rules()) {
          int from = rule.portRange().from();
          int to = rule.portRange().to();
          ports.addAll(List.of(from - 1, from, to, to + 1));
        }
      }
      for (int f = 0; f < 60; f++) {
        Direction d = r.nextBoolean() ? Direction.INGRESS : Direction.EGRESS;
        Protocol p = Protocol.values()[r.nextInt(Protocol.values().length)];
        Cidr peer = r.nextInt(4) == 0 ? NetworkGenerators.ipv4Cidr(r, 8, 32)
            : r.nextInt(10) == 0 ? NetworkGenerators.ipv6Cidr(r) : NetworkGenerators.ipv4Cidr(r, 32, 32);
        List<SecurityGroupId> peerGroups = r.nextBoolean() ? List.of(PEER_GROUP, SecurityGroupId.of("sg-0"))
            : List.of();
        int port = ports.get(r.nextInt(ports.size()));
        for (PrefixListMode mode : PrefixListMode.values()) {
          Outcome indexed = set.evaluateByIndex(d, p, peer, peerGroups, port, mode);
          Outcome adaptive = set.evaluate(d, p, peer, peerGroups, port, mode);
          Outcome scanned = set.evaluateByScan(d, p, peer, peerGroups, port, mode);
          String what = "case " + c + " flow " + d + " " + p + " " + peer + " " + peerGroups + " port " + port + " "
              + mode;
          assertThat(indexed.allowed).as(what).isEqualTo(scanned.allowed);
          assertThat(indexed.rule).as(what).isSameAs(scanned.rule);
          assertThat(adaptive.rule).as(what).isSameAs(scanned.rule);
          assertThat(adaptive.allowed).as(what).isEqualTo(scanned.allowed);
          assertThat(indexed.defaultType).as(what).isEqualTo(scanned.defaultType);
          assertThat(indexed.defaultGroup).as(what).isEqualTo(scanned.defaultGroup);
          assertThat(indexed.reason).as(what).isEqualTo(scanned.reason);
          assertThat(indexed.prefixLists).as(what).isEqualTo(scanned.prefixLists);
          compared++;
          if (scanned.rule != null) {
            assertThat(scanned.rule.matchesProtocolAndPort(p, port)).as(what).isTrue();
          }
        }
      }
    }
    assertThat(compared).isEqualTo(150 * 60 * 2);
  }

  /**
   * A warm evaluator (port index built, a rule's and a default's outcome shared by every flow it decides, the verdict
   * kept with the outcome) against a fresh evaluator per flow, which compiles the groups anew and builds everything for
   * that one flow: equal verdicts (decision, deciding group and rule, default, reason, assumptions). A default kept
   * for the wrong direction, or a basic group's same-group default reused for a peer outside the group, differs here.
   */
  @Test
  void aWarmEvaluatorAnswersAsAFreshOne() {
    SplittableRandom r = new SplittableRandom(180L);
    int compared = 0;
    for (int c = 0; c < 40; c++) {
      List<SecurityGroup> groups = new ArrayList<>();
      int n = 1 + r.nextInt(3);
      for (int g = 0; g < n; g++) {
        groups.add(group(r, "sg-" + g, 1 + r.nextInt(c % 5 == 0 ? 200 : 40)));
      }
      Inventory inventory = Inventory.builder().addAllSecurityGroups(groups).build();
      List<SecurityGroupId> onEni = groups.stream().map(SecurityGroup::id).toList();
      SecurityGroupEvaluator warm = SecurityGroupEvaluator.of(inventory);
      for (int f = 0; f < 300; f++) {
        Direction d = r.nextBoolean() ? Direction.INGRESS : Direction.EGRESS;
        Protocol p = Protocol.values()[r.nextInt(Protocol.values().length)];
        Cidr peer = r.nextInt(4) == 0 ? NetworkGenerators.ipv4Cidr(r, 8, 32) : NetworkGenerators.ipv4Cidr(r, 32, 32);
        List<SecurityGroupId> peerGroups = switch (r.nextInt(3)) {
          case 0 -> List.of();
          case 1 -> List.of(PEER_GROUP);
          default -> List.of(onEni.get(r.nextInt(onEni.size())));
        };
        int port = r.nextInt(0, 65536);
        String what = "case " + c + " flow " + f + " " + d + " " + p + " " + peer + " " + peerGroups + " port " + port;
        SecurityGroupVerdict fresh = SecurityGroupEvaluator.of(inventory).evaluate(onEni, d, p, peer, peerGroups, port);
        assertThat(warm.evaluate(onEni, d, p, peer, peerGroups, port)).as(what).isEqualTo(fresh);
        assertThat(warm.evaluate(groups.get(0), d, p, peer, peerGroups, port)).as(what)
            .isEqualTo(SecurityGroupEvaluator.of(inventory).evaluate(groups.get(0), d, p, peer, peerGroups, port));
        compared++;
      }
    }
    assertThat(compared).isEqualTo(40 * 300);
  }

  /**
   * Interfaces with so many rules and port bounds that the index keeps one unsplit segment (over 2^18 references):
   * its rules must still be checked against the flow's port, so the verdicts still equal the scan's.
   */
  @Test
  void anIndexTooLargeToSplitStillChecksPorts() {
    SplittableRandom r = new SplittableRandom(262144L);
    List<SecurityGroup> groups = new ArrayList<>();
    for (int g = 0; g < 5; g++) {
      List<SecurityGroupRule> rules = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int from = r.nextInt(1, 65000);
        rules.add(SecurityGroupRule.builder().direction(Direction.INGRESS).protocol(Protocol.TCP)
            .portRange(io.easnet.core.model.PortRange.of(from, from + r.nextInt(0, 500))).priority(1 + r.nextInt(100))
            .policy(r.nextInt(4) == 0 ? Policy.DROP : Policy.ACCEPT)
            .peer(RulePeer.cidr(NetworkGenerators.ipv4Cidr(r, 0, 16))).build());
      }
      groups.add(SecurityGroup.builder().id("sg-" + g).vpcId("vpc-a").type(SecurityGroupType.ENTERPRISE)
          .innerAccessPolicy(Policy.DROP).rules(rules).build());
    }
    java.util.Set<Integer> bounds = new java.util.TreeSet<>();
    groups.forEach(g -> g.rules().forEach(x -> {
      bounds.add(x.portRange().from());
      bounds.add(x.portRange().to() + 1);
    }));
    assertThat((long) bounds.size() * 1000).as("the index cannot split these rules").isGreaterThan(1L << 18);
    CompiledRuleSet set = CompiledRuleSet.of(groups);
    int differentFromNoPortCheck = 0;
    for (int f = 0; f < 3000; f++) {
      Cidr peer = NetworkGenerators.ipv4Cidr(r, 32, 32);
      int port = r.nextInt(0, 65536);
      Outcome indexed = set.evaluateByIndex(Direction.INGRESS, Protocol.TCP, peer, List.of(), port,
          PrefixListMode.OPTIMISTIC);
      Outcome scanned = set.evaluateByScan(Direction.INGRESS, Protocol.TCP, peer, List.of(), port,
          PrefixListMode.OPTIMISTIC);
      assertThat(indexed.rule).as("flow " + f + " " + peer + " port " + port).isSameAs(scanned.rule);
      assertThat(indexed.allowed).as("flow " + f).isEqualTo(scanned.allowed);
      if (scanned.rule == null) {
        differentFromNoPortCheck++; // a rule of another port covers most peers: ignoring ports would decide these
      }
    }
    assertThat(differentFromNoPortCheck).as("flows no rule decides, where a missing port check would").isPositive();
  }

  /** Rules of the generator, with group and prefix-list peers mixed in, and ALL-port rules of every protocol. */
  private static SecurityGroup group(SplittableRandom r, String id, int size) {
    List<RulePeer> peers = List.of(RulePeer.cidr(NetworkGenerators.ipv4Cidr(r, 0, 24)),
        RulePeer.cidr(NetworkGenerators.ipv4Cidr(r, 0, 8)), RulePeer.group(PEER_GROUP),
        RulePeer.prefixList("pl-x"), RulePeer.cidr(NetworkGenerators.ipv6Cidr(r)));
    List<SecurityGroupRule> rules = new ArrayList<>();
    while (rules.size() < size) {
      SecurityGroupRule candidate = r.nextInt(3) == 0 ? NetworkGenerators.rule(r, peers) : NetworkGenerators.rule(r);
      if (rules.stream().noneMatch(x -> x.sameRuleAs(candidate))) {
        rules.add(candidate);
      }
    }
    return SecurityGroup.builder().id(id).vpcId("vpc-a")
        .type(r.nextBoolean() ? SecurityGroupType.BASIC : SecurityGroupType.ENTERPRISE)
        .innerAccessPolicy(r.nextBoolean() ? Policy.ACCEPT : Policy.DROP).rules(rules).build();
  }

  @Test
  void everyCompiledRuleOfASegmentIsOneTheScanWouldTry() {
    SplittableRandom r = new SplittableRandom(5L);
    CompiledRuleSet set = CompiledRuleSet.of(List.of(group(r, "sg-0", 200)));
    // a drop of every peer at the best priority decides first in both: the index must not skip it
    for (CompiledRule rule : set.rules(Direction.INGRESS)) {
      if (rule.peerKind == CompiledRule.PeerKind.CIDR && rule.cidr.isIpv4() && rule.protocol.hasPorts()) {
        Cidr inside = rule.cidr;
        Outcome indexed = set.evaluateByIndex(Direction.INGRESS, rule.protocol, inside, List.of(), rule.portTo,
            PrefixListMode.OPTIMISTIC);
        Outcome scanned = set.evaluateByScan(Direction.INGRESS, rule.protocol, inside, List.of(), rule.portTo,
            PrefixListMode.OPTIMISTIC);
        assertThat(indexed.rule).isSameAs(scanned.rule);
        assertThat(indexed.rule).isNotNull();
      }
    }
  }
}
