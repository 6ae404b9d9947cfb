package io.easnet.benchmarks;

import io.easnet.core.analysis.SecurityGroupVerdict.SecurityGroupDecision;
import io.easnet.core.analysis.SecurityGroupEvaluator;
import io.easnet.core.analysis.internal.CompiledRuleSet;
import io.easnet.core.analysis.internal.CompiledRuleSet.PrefixListMode;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.SecurityGroupRule.Direction;
import io.easnet.core.model.Inventory;
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
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Budget 2 of issue 18: the security-group verdict of a 200-rule group for a flow not seen before, ≤ 100 ns, and ≥ 50×
 * a naive evaluator that parses each rule's CIDR on every call, both measured in the same run.
 *
 * <p>The group is the testkit generator's ({@link NetworkGenerators#rule}, seeded): any direction, protocol, ports,
 * priority and policy, IPv4 blocks of every prefix length, a few IPv6 blocks and group peers. Each call takes the next
 * of {@value #FLOWS} generated flows (direction, TCP/UDP/ICMP, a single IPv4 address, a port). {@link #compiled} calls
 * {@link SecurityGroupEvaluator#evaluate(SecurityGroup, Direction, Protocol, Cidr, List, int)}, which compiles the
 * group once and keeps no verdict per flow, so every call decides its flow afresh.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VerdictBenchmark {
  /** The number of distinct flows cycled through. */
  static final int FLOWS = 4096;
  /** The number of rules of the group. */
  static final int RULES = 200;

  /** The group, the evaluator and the flows, built once per trial. */
  @State(Scope.Thread)
  public static class Groups {
    SecurityGroup group;
    SecurityGroupEvaluator evaluator;
    CompiledRuleSet compiledSet;
    Direction[] directions;
    Protocol[] protocols;
    Cidr[] peers;
    int[] ports;
    int next;

    /** Generates the group and the flows (not timed). */
    @Setup(Level.Trial)
    public void setUp() {
      SplittableRandom r = new SplittableRandom(18L);
      List<SecurityGroupRule> rules = new ArrayList<>();
      while (rules.size() < RULES) {
        SecurityGroupRule candidate = NetworkGenerators.rule(r);
        if (rules.stream().noneMatch(x -> x.sameRuleAs(candidate))) {
          rules.add(candidate);
        }
      }
      group = SecurityGroup.builder().id("sg-bench").vpcId("vpc-bench").type(SecurityGroupType.BASIC)
          .innerAccessPolicy(Policy.ACCEPT).rules(rules).build();
      evaluator = SecurityGroupEvaluator.of(Inventory.builder().addSecurityGroup(group).build());
      compiledSet = CompiledRuleSet.of(List.of(group));
      directions = new Direction[FLOWS];
      protocols = new Protocol[FLOWS];
      peers = new Cidr[FLOWS];
      ports = new int[FLOWS];
      List<Protocol> kinds = List.of(Protocol.TCP, Protocol.TCP, Protocol.UDP, Protocol.ICMP);
      for (int i = 0; i < FLOWS; i++) {
        directions[i] = r.nextBoolean() ? Direction.INGRESS : Direction.EGRESS;
        protocols[i] = kinds.get(r.nextInt(kinds.size()));
        peers[i] = NetworkGenerators.ipv4Cidr(r, 32, 32);
        ports[i] = r.nextInt(1, 65536);
      }
    }

    int next() {
      int i = next;
      next = (i + 1) & (FLOWS - 1);
      return i;
    }
  }

  /** The evaluator of the library: a compiled group, the port index, no verdict memo on this entry. */
  @Benchmark
  public SecurityGroupDecision compiled(Groups g) {
    int i = g.next();
    return g.evaluator.evaluate(g.group, g.directions[i], g.protocols[i], g.peers[i], List.of(), g.ports[i])
        .decision();
  }

  /** One evaluation pass through the port index, without the verdict around it (where the index saves). */
  @Benchmark
  public boolean indexPass(Groups g) {
    int i = g.next();
    return g.compiledSet.evaluateByIndex(g.directions[i], g.protocols[i], g.peers[i], List.of(), g.ports[i],
        PrefixListMode.OPTIMISTIC).allowed;
  }

  /** The same pass scanning every compiled rule of the direction: the evaluator before the index. */
  @Benchmark
  public boolean scanPass(Groups g) {
    int i = g.next();
    return g.compiledSet.evaluateByScan(g.directions[i], g.protocols[i], g.peers[i], List.of(), g.ports[i],
        PrefixListMode.OPTIMISTIC).allowed;
  }

  /** The baseline: every rule of the direction, each rule's CIDR parsed from its text on every call. */
  @Benchmark
  public SecurityGroupDecision naive(Groups g) {
    int i = g.next();
    return naive(g.group, g.directions[i], g.protocols[i], g.peers[i], List.of(), g.ports[i]);
  }

  /** The highest-priority matching rule decides, drop first at equal priority; no rule: the basic group's default. */
  static SecurityGroupDecision naive(SecurityGroup group, Direction direction, Protocol protocol, Cidr peer,
      List<SecurityGroupId> peerGroups, int port) {
    int best = Integer.MAX_VALUE;
    boolean drop = false;
    for (SecurityGroupRule rule : group.rules()) {
      if (rule.direction() != direction) {
        continue;
      }
      boolean protocolMatches = rule.protocol().covers(protocol);
      boolean portMatches = !protocol.hasPorts() || rule.portRange().contains(port);
      boolean peerMatches = rule.peer() instanceof RulePeer.CidrPeer c
          ? Cidr.parse(c.cidr().toString()).contains(peer)
          : rule.peer() instanceof RulePeer.GroupPeer gp && peerGroups.contains(gp.groupId());
      if (protocolMatches && portMatches && peerMatches) {
        if (rule.priority() < best) {
          best = rule.priority();
          drop = rule.policy() == Policy.DROP;
        } else if (rule.priority() == best) {
          drop |= rule.policy() == Policy.DROP;
        }
      }
    }
    boolean allowed = best != Integer.MAX_VALUE ? !drop
        : direction == Direction.EGRESS || (group.innerAccessPolicy() == Policy.ACCEPT
            && peerGroups.contains(group.id()));
    return allowed ? SecurityGroupDecision.ALLOW : SecurityGroupDecision.DENY;
  }
}
