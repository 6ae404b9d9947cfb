package io.easnet.core.analysis.internal;

import io.easnet.core.model.Cidr;
import io.easnet.core.model.SecurityGroupRule.Direction;
import io.easnet.core.model.SecurityGroupRule.Policy;
import io.easnet.core.model.ResourceId.PrefixListId;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of one or several groups on one network interface, compiled once: per direction, sorted by priority,
 * drop before accept at equal priority, then canonically (so declaration order never matters).
 */
public final class CompiledRuleSet {
  /** How unresolvable prefix-list peers are treated in one pass. */
  public enum PrefixListMode {
    /** Accept rules match every address, drop rules none: the widest possible access. */
    OPTIMISTIC,
    /** Drop rules match every address, accept rules none: the narrowest possible access. */
    PESSIMISTIC
  }

  private static final Comparator<CompiledRule> ORDER = Comparator.<CompiledRule>comparingInt(r -> r.priority)
      .thenComparing(r -> !r.drop)
      .thenComparing(r -> r.canonical);

  private final List<SecurityGroup> groups;
  private final CompiledRule[] ingress;
  private final CompiledRule[] egress;
  private final boolean allBasic;
  private final boolean mixedTypes;
  /** Per direction and flow protocol, built on first use: the rules that can match each port segment. */
  private final PortIndex[][] index = new PortIndex[2][Protocol.values().length];
  /** Passes per direction and protocol before the index is built (racy counts: an estimate is enough). */
  private final int[][] uses = new int[2][Protocol.values().length];
  /** The outcomes decided by a default that names no peer group: ingress, ingress partly accepted, egress, egress partly. */
  private final Outcome[] defaults = new Outcome[4];
  /** The number of scanned passes after which a direction and protocol get their port index. */
  static final int INDEX_AFTER = 16;

  private CompiledRuleSet(List<SecurityGroup> groups) {
    this.groups = List.copyOf(groups);
    List<CompiledRule> in = new ArrayList<>();
    List<CompiledRule> out = new ArrayList<>();
    boolean basic = true;
    boolean enterprise = false;
    for (SecurityGroup g : groups) {
      basic &= g.type() == SecurityGroupType.BASIC;
      enterprise |= g.type() == SecurityGroupType.ENTERPRISE;
      for (SecurityGroupRule r : g.rules()) {
        (r.direction() == Direction.INGRESS ? in : out).add(new CompiledRule(g.id(), r));
      }
    }
    in.sort(ORDER);
    out.sort(ORDER);
    this.ingress = in.toArray(new CompiledRule[0]);
    this.egress = out.toArray(new CompiledRule[0]);
    this.allBasic = basic;
    this.mixedTypes = enterprise && groups.stream().anyMatch(g -> g.type() == SecurityGroupType.BASIC);
  }

  /** Compiles the rules of {@code groups} into one set. */
  public static CompiledRuleSet of(List<SecurityGroup> groups) {
    return new CompiledRuleSet(groups);
  }

  /** The groups, in the order given. */
  public List<SecurityGroup> groups() {
    return groups;
  }

  /** True when basic and enterprise groups are mixed, which Alibaba does not allow on one interface. */
  public boolean mixedTypes() {
    return mixedTypes;
  }

  /** The compiled rules of a direction in evaluation order. */
  public List<CompiledRule> rules(Direction direction) {
    return List.of(direction == Direction.INGRESS ? ingress : egress);
  }

  /** True when some rule of {@code direction} with matching protocol has a prefix-list peer. */
  public boolean mentionsPrefixList(Direction direction) {
    for (CompiledRule r : direction == Direction.INGRESS ? ingress : egress) {
      if (r.peerKind == CompiledRule.PeerKind.PREFIX_LIST) {
        return true;
      }
    }
    return false;
  }

  /**
   * One evaluation pass. The flow is allowed only when every address of {@code peer} is allowed; the first rule (in
   * evaluation order) that drops any still-undecided address denies it.
   */
  public Outcome evaluate(Direction direction, Protocol protocol, Cidr peer, Collection<SecurityGroupId> peerGroups,
      int port, PrefixListMode mode) {
    int d = direction == Direction.INGRESS ? 0 : 1;
    int p = slot(protocol);
    // an estate compiles thousands of sets and asks most only a few questions: index only the sets in use
    if (index[d][p] == null && ++uses[d][p] < INDEX_AFTER) {
      return evaluateByScan(direction, protocol, peer, peerGroups, port, mode);
    }
    return evaluateByIndex(direction, protocol, peer, peerGroups, port, mode);
  }

  /** The same pass through the port index of the direction and protocol, building it when it is not yet built. */
  public Outcome evaluateByIndex(Direction direction, Protocol protocol, Cidr peer,
      Collection<SecurityGroupId> peerGroups, int port, PrefixListMode mode) {
    PortIndex index = portIndex(direction, protocol);
    return evaluate(index.candidates(port), !index.exact(), direction, protocol, peer, peerGroups, port, mode);
  }

  /**
   * The same pass as {@link #evaluate(Direction, Protocol, Cidr, Collection, int, PrefixListMode)} over every rule of
   * the direction, without the port index: the straightforward evaluator the index is tested against.
   */
  public Outcome evaluateByScan(Direction direction, Protocol protocol, Cidr peer,
      Collection<SecurityGroupId> peerGroups, int port, PrefixListMode mode) {
    return evaluate(direction == Direction.INGRESS ? ingress : egress, true, direction, protocol, peer, peerGroups,
        port, mode);
  }

  @SuppressWarnings("EnumOrdinal") // an array slot per protocol of this JVM: never stored or compared across runs
  private static int slot(Protocol protocol) {
    return protocol.ordinal();
  }

  private PortIndex portIndex(Direction direction, Protocol protocol) {
    PortIndex[] byProtocol = index[direction == Direction.INGRESS ? 0 : 1];
    PortIndex i = byProtocol[slot(protocol)];
    if (i == null) {
      // benign race: two threads may build equal indexes; PortIndex is immutable with final fields
      i = PortIndex.of(direction == Direction.INGRESS ? ingress : egress, protocol);
      byProtocol[slot(protocol)] = i;
    }
    return i;
  }

  /**
   * {@code rules} in evaluation order; with {@code filter}, the rules that cannot match the flow's protocol and port
   * are skipped (without it, every rule given matches them: an exact port index segment).
   */
  private Outcome evaluate(CompiledRule[] rules, boolean filter, Direction direction, Protocol protocol, Cidr peer,
      Collection<SecurityGroupId> peerGroups, int port, PrefixListMode mode) {
    Set<PrefixListId> consulted = Set.of();
    IntervalSet remaining = null;
    for (CompiledRule r : rules) {
      if (filter && !r.matchesProtocolAndPort(protocol, port)) {
        continue;
      }
      switch (r.peerKind) {
        case GROUP -> {
          if (peerGroups.contains(r.peerGroup)) {
            return decided(!r.drop, r, consulted);
          }
        }
        case PREFIX_LIST -> {
          if (consulted.isEmpty()) {
            consulted = new LinkedHashSet<>();
          }
          consulted.add(r.prefixList);
          boolean matches = mode == PrefixListMode.OPTIMISTIC ? !r.drop : r.drop;
          if (matches) {
            return decided(!r.drop, r, consulted);
          }
        }
        case CIDR -> {
          if (remaining == null) {
            // nothing accepted yet: the whole peer block is undecided
            if (r.cidr.contains(peer)) {
              return decided(!r.drop, r, consulted);
            }
            if (!r.cidr.overlaps(peer)) {
              continue;
            }
            if (r.drop) {
              return decided(false, r, consulted);
            }
            remaining = IntervalSet.of(peer);
            remaining.subtract(r.cidr);
          } else {
            if (!remaining.overlaps(r.cidr)) {
              continue;
            }
            if (r.drop) {
              return decided(false, r, consulted);
            }
            remaining.subtract(r.cidr);
            if (remaining.isEmpty()) {
              return decided(true, r, consulted);
            }
          }
        }
        default -> throw new IllegalStateException();
      }
    }
    return byDefault(direction, peerGroups, consulted, remaining != null);
  }

  /** A rule decided: {@code allowed} is always {@code !r.drop} (an accept rule allows, a drop rule denies). */
  private static Outcome decided(boolean allowed, CompiledRule r, Set<PrefixListId> consulted) {
    if (consulted.isEmpty()) {
      return r.outcome();
    }
    return new Outcome(allowed, r, null, null, r.reason(), Set.copyOf(consulted));
  }

  private Outcome byDefault(Direction direction, Collection<SecurityGroupId> peerGroups, Set<PrefixListId> consulted,
      boolean partlyAccepted) {
    if (!consulted.isEmpty()) {
      return computeDefault(direction, peerGroups, consulted, partlyAccepted);
    }
    for (SecurityGroup g : groups) {
      if (direction == Direction.INGRESS && g.type() == SecurityGroupType.BASIC
          && g.innerAccessPolicy() == Policy.ACCEPT && peerGroups.contains(g.id())) {
        return computeDefault(direction, peerGroups, consulted, partlyAccepted); // names the peer's group: rare
      }
    }
    // the rest depends only on this set, the direction and whether part of the block was accepted: build it once
    int slot = (direction == Direction.INGRESS ? 0 : 2) + (partlyAccepted ? 1 : 0);
    Outcome o = defaults[slot];
    if (o == null) {
      // benign race: Outcome is immutable with final fields; every thread builds an equal one
      o = computeDefault(direction, List.of(), consulted, partlyAccepted);
      defaults[slot] = o;
    }
    return o;
  }

  private Outcome computeDefault(Direction direction, Collection<SecurityGroupId> peerGroups,
      Set<PrefixListId> consulted, boolean partlyAccepted) {
    String prefix = partlyAccepted ? "rules allow only part of the peer block; for the rest " : "";
    SecurityGroupId first = groups.isEmpty() ? null : groups.get(0).id();
    if (direction == Direction.EGRESS) {
      if (allBasic) {
        return new Outcome(true, null, SecurityGroupType.BASIC, first,
            prefix + "no rule matches; basic groups allow all outbound traffic by default", Set.copyOf(consulted));
      }
      SecurityGroup ent = firstEnterprise();
      return new Outcome(false, null, SecurityGroupType.ENTERPRISE, ent == null ? first : ent.id(),
          prefix + "no rule matches; enterprise groups deny outbound traffic by default", Set.copyOf(consulted));
    }
    for (SecurityGroup g : groups) {
      if (g.type() == SecurityGroupType.BASIC && g.innerAccessPolicy() == Policy.ACCEPT
          && peerGroups.contains(g.id())) {
        return new Outcome(true, null, SecurityGroupType.BASIC, g.id(),
            prefix + "no rule matches; basic group " + g.id()
                + " allows inbound traffic from its own members by default",
            Set.copyOf(consulted));
      }
    }
    SecurityGroup ent = firstEnterprise();
    SecurityGroupType type = ent != null ? SecurityGroupType.ENTERPRISE : SecurityGroupType.BASIC;
    String why = type == SecurityGroupType.ENTERPRISE
        ? "enterprise groups deny inbound traffic by default"
        : "basic groups deny inbound traffic by default except from members of the same group"
            + " (with inner access accept)";
    return new Outcome(false, null, type, ent == null ? first : ent.id(), prefix + "no rule matches; " + why,
        Set.copyOf(consulted));
  }

  private SecurityGroup firstEnterprise() {
    for (SecurityGroup g : groups) {
      if (g.type() == SecurityGroupType.ENTERPRISE) {
        return g;
      }
    }
    return null;
  }

  /** e.g. {@code ingress priority 1 drop tcp 22/22 from 0.0.0.0/0}. */
  public static String describe(CompiledRule r) {
    SecurityGroupRule rule = r.rule;
    String dir = rule.direction() == Direction.INGRESS ? "ingress" : "egress";
    return dir + " priority " + rule.priority() + " " + rule.policy().name().toLowerCase(java.util.Locale.ROOT)
        + " " + rule.protocol().name().toLowerCase(java.util.Locale.ROOT) + " " + rule.portRange()
        + (rule.direction() == Direction.INGRESS ? " from " : " to ") + rule.peer();
  }
}
