package io.easnet.core.analysis;

import io.easnet.core.analysis.SecurityGroupVerdict.SecurityGroupDecision;
import io.easnet.core.analysis.Assumption.AssumptionKey;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.SecurityGroupRule.Direction;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.PortRange;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.analysis.internal.CompiledRule;
import io.easnet.core.analysis.internal.CompiledRuleSet;
import io.easnet.core.analysis.internal.CompiledRuleSet.PrefixListMode;
import io.easnet.core.analysis.internal.Memo;
import io.easnet.core.analysis.internal.Outcome;
import io.easnet.core.model.ResourceId.PrefixListId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Evaluates flows against security groups with Alibaba Cloud's semantics.
 *
 * <ul>
 *   <li>Rules are ordered by priority (1 is the highest); at equal priority a drop rule beats an accept rule. The
 *       first matching rule decides; declaration order never matters.
 *   <li>No rule matches → the group type's default: a basic group allows all egress, and ingress only from members
 *       of the same group when its inner access policy is accept; an enterprise group denies both.
 *   <li>Protocol {@code ALL} covers every protocol; {@code -1/-1} covers every port; ICMP and GRE have no ports.
 *       An IPv4 rule never matches an IPv6 peer and vice versa.
 *   <li>A group peer matches when the peer's network interface is a member of that group ({@code peerGroups}).
 *   <li>A prefix-list peer cannot be resolved (the inventory holds no prefix lists): when it could change the
 *       decision, the result is {@link SecurityGroupDecision#UNDETERMINED} with an assumption.
 *   <li>Several groups on one network interface are evaluated as one set of rules, ordered together by priority
 *       (an assumption: Alibaba documents no other merge order). Mixing basic and enterprise groups on one
 *       interface is not allowed by Alibaba; if it happens, the default denies unless every group is basic, and an
 *       assumption says so.
 *   <li>Stateful: return traffic needs no rule, so only the initiating direction is evaluated.
 *   <li>A peer block (rather than one address) is allowed only when every address of it is allowed.
 * </ul>
 *
 * <p>Each group is compiled once (rules sorted per direction, peers pre-split by kind) and cached by id, and each
 * verdict once per distinct question (many services share a group and ask it the same thing); a verdict never parses
 * anything. Instances are thread safe.
 */
public final class SecurityGroupEvaluator {
  private final Inventory inventory;
  private final ConcurrentMap<List<SecurityGroupId>, CompiledRuleSet> cache = new ConcurrentHashMap<>();
  private final ConcurrentMap<Flow, SecurityGroupVerdict> verdicts = new ConcurrentHashMap<>();

  /** One question to the groups of an interface: verdicts are values, so equal questions share one answer. */
  private record Flow(List<SecurityGroupId> groupsOnEni, Direction direction, Protocol protocol, Cidr peer,
      List<SecurityGroupId> peerGroups, int port) {}

  /** Whether a group of the inventory is open to the internet on all ports, per direction and protocol. */
  private record OpenQuestion(SecurityGroupId group, Direction direction, Protocol protocol) {}

  private final Memo<OpenQuestion, Boolean> openAnswers = Memo.create();

  private SecurityGroupEvaluator(Inventory inventory) {
    this.inventory = inventory;
  }

  /** An evaluator over the groups of {@code inventory}. */
  public static SecurityGroupEvaluator of(Inventory inventory) {
    return new SecurityGroupEvaluator(Objects.requireNonNull(inventory, "inventory"));
  }

  /**
   * The verdict of the groups on one network interface for one flow.
   *
   * @param groupsOnEni the groups of the interface being guarded; groups missing from the inventory make the
   *     result {@link SecurityGroupDecision#UNDETERMINED}
   * @param direction {@link Direction#EGRESS} for traffic the interface sends, {@link Direction#INGRESS} for
   *     traffic it receives
   * @param protocol the flow's protocol (a concrete one; {@code ALL} is matched only by {@code ALL} rules)
   * @param peerAddress the other end's address or block (destination for egress, source for ingress); a block is
   *     allowed only when every address of it is
   * @param peerGroups the security groups of the other end's interface (for group-peer rules and the basic
   *     group's same-group default)
   * @param port the destination port; ignored for protocols without ports
   */
  public SecurityGroupVerdict evaluate(List<SecurityGroupId> groupsOnEni, Direction direction, Protocol protocol,
      Cidr peerAddress, List<SecurityGroupId> peerGroups, int port) {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(peerAddress, "peerAddress");
    Objects.requireNonNull(peerGroups, "peerGroups");
    Flow flow = new Flow(List.copyOf(groupsOnEni), direction, protocol, peerAddress, List.copyOf(peerGroups),
        protocol.hasPorts() ? port : -1);
    SecurityGroupVerdict known = verdicts.get(flow);
    if (known != null) {
      return known;
    }
    SecurityGroupVerdict v = decide(groupsOnEni, direction, protocol, peerAddress, peerGroups, port);
    SecurityGroupVerdict prior = verdicts.putIfAbsent(flow, v);
    return prior != null ? prior : v;
  }

  /**
   * As {@link #evaluate(List, Direction, Protocol, Cidr, List, int)}, without remembering the verdict: for a caller
   * that remembers its own answer over many flows nobody else asks (the internet path's egress to every public block,
   * remembered per group and target), so that the verdict memo does not grow by flows asked once.
   */
  SecurityGroupVerdict evaluateOnce(List<SecurityGroupId> groupsOnEni, Direction direction, Protocol protocol,
      Cidr peerAddress, List<SecurityGroupId> peerGroups, int port) {
    return decide(List.copyOf(groupsOnEni), direction, protocol, peerAddress, List.copyOf(peerGroups), port);
  }

  private SecurityGroupVerdict decide(List<SecurityGroupId> groupsOnEni, Direction direction, Protocol protocol,
      Cidr peerAddress, List<SecurityGroupId> peerGroups, int port) {
    if (groupsOnEni.isEmpty()) {
      return SecurityGroupVerdict.builder().decision(SecurityGroupDecision.UNDETERMINED)
          .reason("the network interface has no security group")
          .addAssumption(Assumption.of(AssumptionKey.SECURITY_GROUP_NONE,
              "no security group is known for the network interface, so its rules are unknown"))
          .build();
    }
    List<SecurityGroupId> ids = List.copyOf(new LinkedHashSet<>(groupsOnEni));
    List<Assumption> missing = new ArrayList<>();
    for (SecurityGroupId id : ids) {
      if (inventory.securityGroup(id).isEmpty()) {
        missing.add(Assumption.of(AssumptionKey.SECURITY_GROUP_UNKNOWN,
            "security group " + id + " is not in the inventory; its rules are unknown"));
      }
    }
    if (!missing.isEmpty()) {
      return SecurityGroupVerdict.builder().decision(SecurityGroupDecision.UNDETERMINED).decidingGroup(firstMissing(ids))
          .reason("security group " + firstMissing(ids) + " is not in the inventory")
          .addAllAssumptions(missing).build();
    }
    CompiledRuleSet set = cache.computeIfAbsent(ids,
        k -> CompiledRuleSet.of(k.stream().map(id -> inventory.securityGroup(id).orElseThrow()).toList()));
    return verdict(set, direction, protocol, peerAddress, peerGroups, port);
  }

  private SecurityGroupId firstMissing(List<SecurityGroupId> ids) {
    return ids.stream().filter(id -> inventory.securityGroup(id).isEmpty()).findFirst().orElseThrow();
  }

  private static SecurityGroupVerdict verdict(CompiledRuleSet set, Direction direction, Protocol protocol, Cidr peer,
      Collection<SecurityGroupId> peerGroups, int port) {
    Outcome opt = set.evaluate(direction, protocol, peer, peerGroups, port, PrefixListMode.OPTIMISTIC);
    if (opt.prefixLists.isEmpty() && opt.view() instanceof SecurityGroupVerdict known) {
      return known; // the verdict depends only on the set and the outcome, and this outcome has decided before
    }
    SecurityGroupVerdict.Builder b = SecurityGroupVerdict.builder();
    if (set.mixedTypes()) {
      b.addAssumption(Assumption.of(AssumptionKey.MIXED_GROUP_TYPES,
          "the network interface is in both basic and enterprise groups, which Alibaba Cloud does not allow;"
              + " the default denies unless every group is basic"));
    }
    if (opt.prefixLists.isEmpty()) {
      SecurityGroupVerdict v =
          fill(b, opt, opt.allowed ? SecurityGroupDecision.ALLOW : SecurityGroupDecision.DENY).build();
      opt.view(v);
      return v;
    }
    Outcome pess = set.evaluate(direction, protocol, peer, peerGroups, port, PrefixListMode.PESSIMISTIC);
    if (opt.allowed == pess.allowed) {
      return fill(b, opt.allowed ? pess : opt, opt.allowed ? SecurityGroupDecision.ALLOW : SecurityGroupDecision.DENY).build();
    }
    Outcome pl = opt.rule != null && opt.rule.peerKind == CompiledRule.PeerKind.PREFIX_LIST ? opt : pess;
    Set<PrefixListId> lists = new LinkedHashSet<>(opt.prefixLists);
    lists.addAll(pess.prefixLists);
    for (PrefixListId id : lists) {
      b.addAssumption(Assumption.of(AssumptionKey.PREFIX_LIST_UNKNOWN,
          "prefix list " + id + " is not in the inventory; its entries are unknown"));
    }
    b.decision(SecurityGroupDecision.UNDETERMINED)
        .reason("the decision depends on the entries of prefix list " + lists.iterator().next()
            + ", which the inventory does not hold");
    if (pl.rule != null) {
      b.decidingGroup(pl.rule.groupId).decidingRule(pl.rule.rule);
    }
    return b.build();
  }

  private static SecurityGroupVerdict.Builder fill(SecurityGroupVerdict.Builder b, Outcome o, SecurityGroupDecision decision) {
    b.decision(decision).reason(o.reason);
    if (o.rule != null) {
      b.decidingGroup(o.rule.groupId).decidingRule(o.rule.rule);
    } else {
      if (o.defaultGroup != null) {
        b.decidingGroup(o.defaultGroup);
      }
      if (o.defaultType != null) {
        b.defaultOf(o.defaultType);
      }
    }
    return b;
  }

  private CompiledRuleSet compiled(SecurityGroup group) {
    List<SecurityGroupId> key = List.of(group.id());
    CompiledRuleSet cached = cache.get(key);
    if (cached != null && cached.groups().get(0) == group) {
      return cached;
    }
    if (inventory.securityGroup(group.id()).orElse(null) == group) {
      return cache.computeIfAbsent(key, k -> CompiledRuleSet.of(List.of(group)));
    }
    return CompiledRuleSet.of(List.of(group));
  }

  /**
   * The verdict of {@code group} alone (it need not be in the inventory) for one flow; see
   * {@link #evaluate(List, Direction, Protocol, Cidr, List, int)}.
   */
  public SecurityGroupVerdict evaluate(SecurityGroup group, Direction direction, Protocol protocol, Cidr peerAddress,
      List<SecurityGroupId> peerGroups, int port) {
    return verdict(compiled(group), direction, protocol, peerAddress, peerGroups, port);
  }

  /**
   * True when {@code group} alone lets every IPv4 address, or every IPv6 address, through on {@code port}: the union
   * of accepted blocks covers the whole space after removing higher-or-equal-priority drops. So
   * {@code 0.0.0.0/1} plus {@code 128.0.0.0/1} is open, {@code ::/0} is open, and {@code -1/-1} covers port 22. The
   * group type's default counts too (a basic group with no egress rules is open for egress). Group peers do not
   * count (internet addresses are in no group); an unknown prefix list counts only if the answer does not depend
   * on it.
   */
  public boolean openToInternet(SecurityGroup group, Direction direction, Protocol protocol, int port) {
    CompiledRuleSet set = compiled(group);
    return allowed(set, direction, protocol, Cidr.ANY_IPV4, port)
        || allowed(set, direction, protocol, Cidr.ANY_IPV6, port);
  }

  /**
   * True when {@code group} alone is open to every IPv4 or every IPv6 address on every port of 1–65535. Answered once
   * per group of the inventory, direction and protocol (two rules ask it of every group).
   */
  public boolean openToInternetOnAllPorts(SecurityGroup group, Direction direction, Protocol protocol) {
    if (inventory.securityGroup(group.id()).orElse(null) != group) {
      return openOnAllPorts(group, direction, protocol);
    }
    return openAnswers.get(new OpenQuestion(group.id(), direction, protocol),
        k -> openOnAllPorts(group, direction, protocol));
  }

  private boolean openOnAllPorts(SecurityGroup group, Direction direction, Protocol protocol) {
    return coversAll(group, direction, protocol, PortRange.ALL, Cidr.ANY_IPV4)
        || coversAll(group, direction, protocol, PortRange.ALL, Cidr.ANY_IPV6);
  }

  /**
   * True when {@code group} alone allows every address of {@code peers} on every port of {@code ports} (whether
   * written {@code -1/-1} or {@code 1/65535}), with no peer group membership assumed.
   */
  public boolean coversAll(SecurityGroup group, Direction direction, Protocol protocol, PortRange ports,
      Cidr peers) {
    CompiledRuleSet set = compiled(group);
    if (!protocol.hasPorts()) {
      return allowed(set, direction, protocol, peers, -1);
    }
    // the decision is constant between rule port boundaries: test one port per segment
    TreeSet<Integer> points = new TreeSet<>();
    points.add(ports.from());
    for (CompiledRule r : set.rules(direction)) {
      if (r.portFrom > ports.from() && r.portFrom <= ports.to()) {
        points.add(r.portFrom);
      }
      if (r.portTo >= ports.from() && r.portTo < ports.to()) {
        points.add(r.portTo + 1);
      }
    }
    for (int port : points) {
      if (!allowed(set, direction, protocol, peers, port)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@link #verdict} would be {@link SecurityGroupDecision#ALLOW}, from the evaluation passes alone: no
   * verdict (reason, assumptions) is built for a yes-or-no question.
   */
  private static boolean allowed(CompiledRuleSet set, Direction direction, Protocol protocol, Cidr peer,
      int port) {
    Outcome opt = set.evaluate(direction, protocol, peer, List.of(), port, PrefixListMode.OPTIMISTIC);
    if (!opt.allowed || opt.prefixLists.isEmpty()) {
      return opt.allowed;
    }
    return set.evaluate(direction, protocol, peer, List.of(), port, PrefixListMode.PESSIMISTIC).allowed;
  }
}
