package io.easnet.core.analysis;

import io.easnet.core.analysis.SecurityGroupVerdict.SecurityGroupDecision;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.SecurityGroupRule.Direction;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.SecurityGroupRule.Policy;
import io.easnet.core.model.PortRange;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.SecurityGroupRule.RulePeer;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Properties of the security-group evaluator over seeded random rule sets: reordering never changes a decision,
 * a drop rule never widens access, an accept rule never narrows it, a block is allowed only if its addresses are,
 * and single-address verdicts agree with a naive reference evaluator. Each property runs 300 cases from a seed
 * taken from the fuzzer's bytes (seed 0 for the empty input of regression mode) and from fixed seeds.
 */
class SecurityGroupEvaluatorProperties {
  private static final int CASES = 300;
  /** Groups outside the inventory are compiled on each call: nothing is cached between cases. */
  private static final SecurityGroupEvaluator FREE = SecurityGroupEvaluator.of(Inventory.empty());
  private static final SecurityGroupId SG = SecurityGroupId.of("sg-a");
  private static final List<String> RULE_CIDRS = List.of("0.0.0.0/0", "0.0.0.0/1", "128.0.0.0/1", "10.0.0.0/8",
      "10.1.0.0/16", "10.1.2.0/24", "10.1.2.3/32", "10.1.2.128/25", "192.168.0.0/16", "::/0", "2001:db8::/32");
  private static final List<String> GROUPS = List.of("sg-a", "sg-b", "sg-c");
  private static final List<String> PORTS = List.of("-1/-1", "22/22", "1/65535", "20/30", "3306/3306", "1/1000",
      "1001/65535");
  private static final List<Protocol> RULE_PROTOCOLS = List.of(Protocol.TCP, Protocol.UDP, Protocol.ICMP,
      Protocol.ALL);
  private static final List<String> PEER_ADDRESSES = List.of("10.1.2.3", "10.1.2.4", "10.1.2.200", "10.200.0.1",
      "192.168.1.1", "200.0.0.1", "2001:db8::1", "2400::1");
  private static final List<String> PEER_BLOCKS = List.of("10.1.2.0/24", "10.0.0.0/8", "10.1.2.128/25",
      "0.0.0.0/0");
  private static final int[] FLOW_PORTS = {22, 25, 3306, 80, 1000, 1001, 65535};

  // ---- generators ---------------------------------------------------------------------------------------------

  private static <T> T pick(SplittableRandom r, List<T> items) {
    return items.get(r.nextInt(items.size()));
  }

  private static SecurityGroupRule rule(SplittableRandom r, boolean prefixLists) {
    Protocol protocol = pick(r, RULE_PROTOCOLS);
    SecurityGroupRule.Builder b = SecurityGroupRule.builder()
        .direction(r.nextBoolean() ? Direction.INGRESS : Direction.EGRESS)
        .protocol(protocol)
        .portRange(protocol.hasPorts() ? PortRange.parse(pick(r, PORTS)) : PortRange.ALL)
        .policy(r.nextInt(3) == 0 ? Policy.DROP : Policy.ACCEPT)
        .priority(1 + r.nextInt(4));
    int kind = r.nextInt(prefixLists ? 10 : 9);
    if (kind < 6) {
      b.peer(RulePeer.cidr(pick(r, RULE_CIDRS)));
    } else if (kind < 9) {
      b.peer(RulePeer.group(pick(r, GROUPS)));
    } else {
      b.peer(RulePeer.prefixList("pl-x"));
    }
    return b.build();
  }

  private static List<SecurityGroupRule> rules(SplittableRandom r, boolean prefixLists) {
    int n = r.nextInt(9);
    List<SecurityGroupRule> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(rule(r, prefixLists));
    }
    return out;
  }

  private static SecurityGroup group(SplittableRandom r, List<SecurityGroupRule> rules) {
    return SecurityGroup.builder().id("sg-a").vpcId("vpc-a")
        .type(r.nextBoolean() ? SecurityGroupType.BASIC : SecurityGroupType.ENTERPRISE)
        .innerAccessPolicy(r.nextBoolean() ? Policy.ACCEPT : Policy.DROP).rules(rules).build();
  }

  /** A flow: direction, protocol, peer, peer groups, port. */
  private record Flow(Direction direction, Protocol protocol, Cidr peer, List<SecurityGroupId> peerGroups,
      int port) {}

  private static Flow flow(SplittableRandom r, boolean blocks) {
    Protocol protocol = pick(r, List.of(Protocol.TCP, Protocol.UDP, Protocol.ICMP));
    Cidr peer = Cidr.parse(blocks && r.nextInt(3) == 0 ? pick(r, PEER_BLOCKS) : pick(r, PEER_ADDRESSES));
    List<SecurityGroupId> peerGroups = new ArrayList<>();
    for (String g : GROUPS) {
      if (r.nextInt(3) == 0) {
        peerGroups.add(SecurityGroupId.of(g));
      }
    }
    return new Flow(r.nextBoolean() ? Direction.INGRESS : Direction.EGRESS, protocol, peer, peerGroups,
        FLOW_PORTS[r.nextInt(FLOW_PORTS.length)]);
  }

  private static SecurityGroupDecision decide(SecurityGroup g, Flow f) {
    return FREE.evaluate(g, f.direction(), f.protocol(), f.peer(), f.peerGroups(), f.port()).decision();
  }

  private static int rank(SecurityGroupDecision d) {
    return switch (d) {
      case DENY -> 0;
      case UNDETERMINED -> 1;
      case ALLOW -> 2;
    };
  }

  // ---- properties -----------------------------------------------------------------------------------------------

  static void reorderingNeverChangesAVerdict(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < CASES; i++) {
      List<SecurityGroupRule> rules = rules(r, true);
      SecurityGroup g = group(r, rules);
      List<SecurityGroupRule> shuffled = new ArrayList<>(rules);
      Collections.shuffle(shuffled, new Random(r.nextLong()));
      SecurityGroup reordered = g.toBuilder().rules(shuffled).build();
      Flow f = flow(r, true);
      SecurityGroupEvaluator a = SecurityGroupEvaluator.of(Inventory.builder().addSecurityGroup(g).build());
      SecurityGroupEvaluator b = SecurityGroupEvaluator.of(Inventory.builder().addSecurityGroup(reordered).build());
      SecurityGroupVerdict va = a.evaluate(List.of(SG), f.direction(), f.protocol(), f.peer(), f.peerGroups(), f.port());
      SecurityGroupVerdict vb = b.evaluate(List.of(SG), f.direction(), f.protocol(), f.peer(), f.peerGroups(), f.port());
      assertThat(vb.decision()).as("seed %d case %d %s %s", seed, i, rules, f).isEqualTo(va.decision());
      assertThat(vb.decidingRule()).as("deciding rule, seed %d case %d", seed, i).isEqualTo(va.decidingRule());
    }
  }

  static void addingADropRuleNeverWidensAccess(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < CASES; i++) {
      List<SecurityGroupRule> rules = rules(r, true);
      SecurityGroup g = group(r, rules);
      SecurityGroupRule drop = rule(r, true).toBuilder().policy(Policy.DROP).build();
      SecurityGroup tighter = g.toBuilder().addRule(drop).build();
      Flow f = flow(r, true);
      assertThat(rank(decide(tighter, f))).as("seed %d case %d %s + %s %s", seed, i, rules, drop, f)
          .isLessThanOrEqualTo(rank(decide(g, f)));
    }
  }

  static void addingAnAcceptRuleNeverNarrowsAccess(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < CASES; i++) {
      List<SecurityGroupRule> rules = rules(r, true);
      SecurityGroup g = group(r, rules);
      SecurityGroupRule accept = rule(r, true).toBuilder().policy(Policy.ACCEPT).build();
      SecurityGroup wider = g.toBuilder().addRule(accept).build();
      Flow f = flow(r, true);
      assertThat(rank(decide(wider, f))).as("seed %d case %d %s + %s %s", seed, i, rules, accept, f)
          .isGreaterThanOrEqualTo(rank(decide(g, f)));
    }
  }

  static void singleAddressVerdictsMatchANaiveReference(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < CASES; i++) {
      List<SecurityGroupRule> rules = rules(r, false);
      SecurityGroup g = group(r, rules);
      Flow f = flow(r, false);
      boolean expected = reference(g, f);
      assertThat(decide(g, f)).as("seed %d case %d %s %s", seed, i, rules, f)
          .isEqualTo(expected ? SecurityGroupDecision.ALLOW : SecurityGroupDecision.DENY);
    }
  }

  static void blockIsAllowedOnlyIfItsAddressesAre(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < CASES; i++) {
      SecurityGroup g = group(r, rules(r, false));
      Flow f = flow(r, true);
      if (decide(g, f) != SecurityGroupDecision.ALLOW || f.peer().isSingleAddress()) {
        continue;
      }
      for (String a : PEER_ADDRESSES) {
        Cidr address = Cidr.parse(a);
        if (f.peer().contains(address)) {
          Flow single = new Flow(f.direction(), f.protocol(), address, f.peerGroups(), f.port());
          assertThat(decide(g, single)).as("seed %d case %d %s in %s", seed, i, a, f).isEqualTo(SecurityGroupDecision.ALLOW);
        }
      }
    }
  }

  static void openToTheInternetMeansEveryAddressIsAllowed(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < CASES; i++) {
      SecurityGroup g = group(r, rules(r, false));
      Direction d = r.nextBoolean() ? Direction.INGRESS : Direction.EGRESS;
      int port = FLOW_PORTS[r.nextInt(FLOW_PORTS.length)];
      SecurityGroupEvaluator e = FREE;
      boolean v4 = e.coversAll(g, d, Protocol.TCP, PortRange.single(port), Cidr.ANY_IPV4);
      boolean v6 = e.coversAll(g, d, Protocol.TCP, PortRange.single(port), Cidr.ANY_IPV6);
      assertThat(e.openToInternet(g, d, Protocol.TCP, port)).isEqualTo(v4 || v6);
      for (String a : PEER_ADDRESSES) {
        Cidr address = Cidr.parse(a);
        if ((address.isIpv4() && v4) || (address.isIpv6() && v6)) {
          assertThat(decide(g, new Flow(d, Protocol.TCP, address, List.of(), port)))
              .as("seed %d case %d %s", seed, i, a).isEqualTo(SecurityGroupDecision.ALLOW);
        }
      }
    }
  }

  /** The textbook semantics for one address: the highest priority among matching rules decides, drop first. */
  private static boolean reference(SecurityGroup g, Flow f) {
    int best = Integer.MAX_VALUE;
    boolean drop = false;
    for (SecurityGroupRule rule : g.rules(f.direction())) {
      boolean protocolMatches = rule.protocol() == Protocol.ALL || rule.protocol() == f.protocol();
      boolean portMatches = !f.protocol().hasPorts() || rule.portRange().contains(f.port());
      boolean peerMatches = rule.peer() instanceof RulePeer.CidrPeer c ? c.cidr().contains(f.peer())
          : rule.peer() instanceof RulePeer.GroupPeer gp && f.peerGroups().contains(gp.groupId());
      if (protocolMatches && portMatches && peerMatches) {
        if (rule.priority() < best) {
          best = rule.priority();
          drop = rule.policy() == Policy.DROP;
        } else if (rule.priority() == best) {
          drop |= rule.policy() == Policy.DROP;
        }
      }
    }
    if (best != Integer.MAX_VALUE) {
      return !drop;
    }
    if (f.direction() == Direction.EGRESS) {
      return g.type() == SecurityGroupType.BASIC;
    }
    return g.type() == SecurityGroupType.BASIC && g.innerAccessPolicy() == Policy.ACCEPT
        && f.peerGroups().contains(g.id());
  }

  // ---- runners --------------------------------------------------------------------------------------------------

  @FuzzTest(maxDuration = "30s")
  void fuzzedSeeds(FuzzedDataProvider data) {
    long seed = data.consumeLong();
    reorderingNeverChangesAVerdict(seed);
    addingADropRuleNeverWidensAccess(seed);
    addingAnAcceptRuleNeverNarrowsAccess(seed);
    singleAddressVerdictsMatchANaiveReference(seed);
    blockIsAllowedOnlyIfItsAddressesAre(seed);
    openToTheInternetMeansEveryAddressIsAllowed(seed);
  }

  @Test
  void reorderingNeverChangesAVerdict() {
    reorderingNeverChangesAVerdict(20261126L);
  }

  @Test
  void addingADropRuleNeverWidensAccess() {
    addingADropRuleNeverWidensAccess(7L);
  }

  @Test
  void addingAnAcceptRuleNeverNarrowsAccess() {
    addingAnAcceptRuleNeverNarrowsAccess(11L);
  }

  @Test
  void singleAddressVerdictsMatchANaiveReference() {
    singleAddressVerdictsMatchANaiveReference(13L);
  }

  @Test
  void blockIsAllowedOnlyIfItsAddressesAre() {
    blockIsAllowedOnlyIfItsAddressesAre(17L);
  }

  @Test
  void openToTheInternetMeansEveryAddressIsAllowed() {
    openToTheInternetMeansEveryAddressIsAllowed(19L);
  }
}
