package io.easnet.core.analysis;

import io.easnet.core.internal.IntervalSet;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.AllowlistTarget;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.Container;
import io.easnet.core.model.Direction;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.EcsInstanceId;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.NatNetworkType;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.RdsInstanceId;
import io.easnet.core.model.RedisInstanceId;
import io.easnet.core.model.RouteEntry;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroupId;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.SnatEntry;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.VSwitchId;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.VpcId;
import io.easnet.core.resolve.EffectiveNetwork;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Analyses the paths of an EAS service: to a private target, to the internet, and from an ECS client. Every hop is
 * evaluated even after one fails, so every blocker is listed. One {@link VSwitchPath} per vSwitch of the effective
 * network (DLink auxiliary vSwitches included); all pass → {@link Verdict#REACHABLE}, all fail →
 * {@link Verdict#UNREACHABLE}, mixed → {@link Verdict#AMBIGUOUS}, a missing fact → {@link Verdict#UNDETERMINED}.
 *
 * <p>EAS instances take their addresses anywhere in their vSwitch, so a target must admit the whole vSwitch CIDR
 * block, and security-group checks use the vSwitch block as the EAS side's address with the effective security
 * group as its group. Instances are thread safe.
 */
public final class PathAnalyzer {
  /** The port assumed for the service when its containers declare none. */
  public static final int DEFAULT_SERVICE_PORT = 8000;

  private final Inventory inventory;
  private final SecurityGroupEvaluator evaluator;

  private PathAnalyzer(Inventory inventory) {
    this.inventory = inventory;
    this.evaluator = SecurityGroupEvaluator.of(inventory);
  }

  /** An analyzer over {@code inventory}. */
  public static PathAnalyzer of(Inventory inventory) {
    return new PathAnalyzer(Objects.requireNonNull(inventory, "inventory"));
  }

  /**
   * EAS instances to an RDS, Redis or ECS instance or a private address in a VPC. Per vSwitch: the vSwitch exists
   * and is in the service's VPC, the EAS security group exists and is in that VPC, the target is in the same VPC,
   * the EAS group's egress allows the target address and port (peer groups: the target's groups), the target's
   * security groups (ECS, or an address that belongs to a known ECS instance) allow ingress from the whole vSwitch
   * block with the EAS group as peer group, and an RDS or Redis allowlist admits the whole vSwitch block. For RDS and
   * Redis, security groups bound to the instance are not the instance's own groups (so EAS egress rules naming
   * them do not match); they act as an allowlist: the allowlist hop passes when the IP
   * allowlist admits the vSwitch block, when the EAS group is bound, or when a bound group's inbound rules allow the
   * vSwitch block.
   */
  public PathResult privateTarget(EffectiveNetwork service, Target target) {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(target, "target");
    ResolvedTarget t = resolve(service, target);
    String description = "EAS " + service.serviceName() + " → " + t.label;
    PathResult none = noVpc(service, PathKind.PRIVATE_TARGET, description);
    if (none != null) {
      return none;
    }
    List<VSwitchPath> paths = new ArrayList<>();
    for (VSwitchId id : service.vSwitchIds()) {
      Acc acc = new Acc(id);
      Optional<VSwitch> vsw = checkEasVSwitch(acc, service, id);
      Optional<SecurityGroupId> easSg = checkEasGroup(acc, service);
      if (t.notFound != null) {
        acc.hop("target " + t.label, t.component, HopStatus.UNKNOWN, "not in the inventory");
        acc.explain(t.notFound);
        acc.assume("TARGET_UNKNOWN", t.label + " is not in the inventory; its address, VPC and allowlist are unknown");
        paths.add(acc.build());
        continue;
      }
      checkSameVpc(acc, service, t.vpcId, t.component, t.label);
      // EAS egress to the target
      String egressLabel = "security group " + easSg.map(Object::toString).orElse("(none)") + " (egress)";
      if (t.address == null) {
        acc.hop(egressLabel, easSg.map(Object::toString).orElse("security group"), HopStatus.UNKNOWN,
            "target address unknown");
        acc.explain(Explanation.builder().code(ExplanationCode.TARGET_ADDRESS_UNKNOWN).component(t.component)
            .expected("the private address of " + t.label + " is known")
            .actual("the inventory records neither a private address nor a vSwitch for " + t.label)
            .fix("add the private address (or vSwitch) of " + t.label + " to the snapshot").build());
      } else if (easSg.isPresent()) {
        SecurityGroupVerdict v = evaluator.evaluate(List.of(easSg.get()), Direction.EGRESS, t.protocol, t.address,
            t.allowlistTarget ? List.of() : t.groups, t.port);
        sgHop(acc, egressLabel, easSg.get().toString(), v, ExplanationCode.SG_EGRESS_DENIES,
            "outbound " + flow(t.protocol, t.port) + " to " + t.address,
            "add an egress rule to " + easSg.get() + ": accept " + flow(t.protocol, t.port) + " to " + t.address
                + (v.decidingRule().isPresent() ? " at a higher priority than the deciding drop rule" : ""));
      } else {
        acc.hop(egressLabel, "security group", HopStatus.UNKNOWN, "no security group");
      }
      // target security groups (ECS, or address of a known ECS instance)
      if (!t.allowlistTarget && !t.groups.isEmpty()) {
        String groupsText = joined(t.groups);
        String label = "security group " + groupsText + " (ingress)";
        if (vsw.isEmpty()) {
          acc.hop(label, groupsText, HopStatus.UNKNOWN, "EAS vSwitch block unknown");
        } else {
          Cidr source = vsw.get().cidrBlock();
          SecurityGroupVerdict v = evaluator.evaluate(t.groups, Direction.INGRESS, t.protocol, source,
              easSg.map(List::of).orElse(List.of()), t.port);
          sgHop(acc, label, groupsText, v, ExplanationCode.SG_INGRESS_DENIES,
              "inbound " + flow(t.protocol, t.port) + " from the EAS vSwitch block " + source
                  + easSg.map(g -> " or from group " + g).orElse(""),
              "add an ingress rule to " + t.groups.get(0) + ": accept " + flow(t.protocol, t.port) + " from "
                  + easSg.map(g -> "security group " + g + " or ").orElse("") + source);
        }
      } else if (t.kind == Target.Kind.ADDRESS) {
        acc.assume("TARGET_GROUPS_UNKNOWN", "no ECS instance in the inventory has address " + t.address
            + ", so only the EAS side's security group is checked");
      }
      if (t.allowlistTarget) {
        allowlistHop(acc, t, vsw, easSg);
      }
      acc.hop("target " + t.label, t.component, HopStatus.PASS, null);
      paths.add(acc.build());
    }
    return result(PathKind.PRIVATE_TARGET, description, service, paths);
  }

  private void allowlistHop(Acc acc, ResolvedTarget t, Optional<VSwitch> vsw, Optional<SecurityGroupId> easSg) {
    String label = "allowlist of " + t.component;
    if (vsw.isEmpty()) {
      acc.hop(label, t.component, HopStatus.UNKNOWN, "EAS vSwitch block unknown");
      return;
    }
    Cidr block = vsw.get().cidrBlock();
    AllowlistTarget a = t.allowlist;
    if (a.admits(block)) {
      acc.hop(label, t.component, HopStatus.PASS, "admits " + block);
      return;
    }
    if (easSg.isPresent() && a.securityGroupIds().contains(easSg.get())) {
      acc.hop(label, t.component, HopStatus.PASS, "security group " + easSg.get() + " is bound");
      return;
    }
    for (SecurityGroupId bound : a.securityGroupIds()) {
      if (inventory.securityGroup(bound).isPresent()
          && evaluator.evaluate(List.of(bound), Direction.INGRESS, t.protocol, block,
              easSg.map(List::of).orElse(List.of()), t.port).isAllowed()) {
        acc.hop(label, t.component, HopStatus.PASS, "bound security group " + bound + " admits " + block);
        return;
      }
    }
    List<Cidr> singles = new ArrayList<>();
    List<Cidr> partial = new ArrayList<>();
    for (AllowlistGroup g : a.allowlists()) {
      for (Cidr e : g.entries()) {
        if (block.contains(e)) {
          (e.isSingleAddress() ? singles : partial).add(e);
        }
      }
    }
    String actual = describeAllowlist(a);
    String fix = "add the vSwitch CIDR " + block + " to an allowlist group of " + t.component
        + " (ModifySecurityIps with ModifyMode Append)";
    acc.hop(label, t.component, HopStatus.BLOCKED, "does not admit " + block);
    if (!singles.isEmpty()) {
      acc.explain(Explanation.builder().code(ExplanationCode.TARGET_ALLOWLIST_SINGLE_INSTANCE_IP)
          .component(t.component)
          .decidingRule(DecidingRule.text("allowlist entries " + joined(singles) + " of " + t.component))
          .expected("the allowlist admits the whole EAS vSwitch block " + block)
          .actual("the allowlist holds single addresses inside " + block + " (" + joined(singles)
              + "); EAS instances change address on restart and scale-out")
          .fix(fix + " and remove the single instance addresses").build());
    } else {
      acc.explain(Explanation.builder().code(ExplanationCode.TARGET_ALLOWLIST_MISSING_SOURCE)
          .component(t.component)
          .decidingRule(DecidingRule.text("allowlist of " + t.component + ": " + actual))
          .expected("the allowlist admits the whole EAS vSwitch block " + block)
          .actual(partial.isEmpty() ? "the allowlist holds " + actual
              : "the allowlist admits only part of " + block + " (" + joined(partial) + ")")
          .fix(fix).build());
    }
  }

  private static String describeAllowlist(AllowlistTarget a) {
    List<Cidr> all = new ArrayList<>();
    a.allowlists().forEach(g -> all.addAll(g.entries()));
    if (all.isEmpty()) {
      return "no entries";
    }
    if (all.stream().allMatch(c -> c.toString().equals("127.0.0.1/32"))) {
      return "only 127.0.0.1, which admits nobody";
    }
    return all.size() > 8 ? all.size() + " entries, none covering the block" : joined(all);
  }

  /**
   * EAS instances to an internet destination. Per vSwitch: the vSwitch, the EAS group's egress to the destination
   * (every public IPv4 address for any destination: private ranges are not the internet), an internet NAT gateway
   * in the VPC that is Available and has an EIP, a SNAT entry of that gateway covering the vSwitch (by vSwitch id, or the longest CIDR containing
   * the vSwitch block; entries for a sub-range only cover some instances), the entry Available, the vSwitch's route
   * table sending the destination (longest match, or entries to that gateway that together cover it) to that
   * gateway, and the external allowlist, when given, admitting every SNAT IP of the entry.
   *
   * <p>The gateway analysed is the one the route points to, else the first internet gateway with a SNAT entry for
   * the vSwitch, else the first internet gateway of the VPC.
   */
  public PathResult internet(EffectiveNetwork service, InternetTarget target) {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(target, "target");
    String description = "EAS " + service.serviceName() + " → " + target;
    PathResult none = noVpc(service, PathKind.INTERNET, description);
    if (none != null) {
      return none;
    }
    Optional<VpcId> vpc = serviceVpc(service);
    Cidr dest = target.destinationBlock();
    List<VSwitchPath> paths = new ArrayList<>();
    for (VSwitchId id : service.vSwitchIds()) {
      Acc acc = new Acc(id);
      Optional<VSwitch> vsw = checkEasVSwitch(acc, service, id);
      Optional<SecurityGroupId> easSg = checkEasGroup(acc, service);
      String egressLabel = "security group " + easSg.map(Object::toString).orElse("(none)") + " (egress)";
      if (easSg.isPresent()) {
        SecurityGroupVerdict v = egressToInternet(easSg.get(), target);
        String to = target.destination().isPresent() ? dest.toString() : "every public IPv4 address";
        sgHop(acc, egressLabel, easSg.get().toString(), v, ExplanationCode.SG_EGRESS_DENIES,
            "outbound " + flow(target.protocol(), target.port()) + " to " + to,
            "add an egress rule to " + easSg.get() + ": accept " + flow(target.protocol(), target.port()) + " to "
                + dest + (v.decidingRule().isPresent() ? " at a higher priority than the deciding drop rule" : ""));
      } else {
        acc.hop(egressLabel, "security group", HopStatus.UNKNOWN, "no security group");
      }
      Optional<RouteTable> table = vsw.flatMap(inventory::routeTableFor);
      Optional<RouteEntry> route = table.flatMap(rt -> routeFor(rt, dest));
      NatGateway nat = vpc.map(v -> chooseNat(v, route, id, vsw)).orElse(null);
      checkNat(acc, vpc, nat);
      SnatEntry entry = checkSnat(acc, nat, id, vsw);
      checkRoute(acc, vsw, table, route, nat, dest);
      if (target.allowlist().isPresent()) {
        checkExternalAllowlist(acc, target.allowlist().get(), nat, entry, id, vsw);
      }
      acc.hop("internet target", target.destination().map(Object::toString).orElse("internet"), HopStatus.PASS,
          null);
      paths.add(acc.build());
    }
    return result(PathKind.INTERNET, description, service, paths);
  }

  /**
   * The EAS group's egress verdict for an internet target. For one destination, that address. For any destination,
   * every public IPv4 block ({@link PublicIpv4}): the first denying verdict, else the first undetermined one, else
   * the verdict of the first block. Private ranges are not the internet, so dropping them cuts nothing.
   */
  private SecurityGroupVerdict egressToInternet(SecurityGroupId group, InternetTarget target) {
    if (target.destination().isPresent()) {
      return evaluator.evaluate(List.of(group), Direction.EGRESS, target.protocol(), target.destinationBlock(),
          List.of(), target.port());
    }
    SecurityGroupVerdict first = null;
    SecurityGroupVerdict undetermined = null;
    for (Cidr block : PublicIpv4.BLOCKS) {
      SecurityGroupVerdict v = evaluator.evaluate(List.of(group), Direction.EGRESS, target.protocol(), block, List.of(),
          target.port());
      if (v.decision() == SecurityGroupDecision.DENY) {
        return v;
      }
      if (v.decision() == SecurityGroupDecision.UNDETERMINED && undetermined == null) {
        undetermined = v;
      }
      if (first == null) {
        first = v;
      }
    }
    return undetermined != null ? undetermined : first;
  }

  /**
   * The route the destination takes: the longest entry containing it; or, for a block no entry contains (any
   * destination is {@code 0.0.0.0/0}), the entries to one NAT gateway that together cover it, as when the default
   * route is written as {@code 0.0.0.0/1} plus {@code 128.0.0.0/1} (the first of them is returned).
   */
  private static Optional<RouteEntry> routeFor(RouteTable rt, Cidr dest) {
    Optional<RouteEntry> longest = rt.longestMatch(dest);
    if (longest.isPresent() || dest.isSingleAddress()) {
      return longest;
    }
    Map<String, List<RouteEntry>> byNat = new LinkedHashMap<>();
    for (RouteEntry e : rt.entries()) {
      if (RouteEntry.NAT_GATEWAY.equalsIgnoreCase(e.nextHopType()) && dest.contains(e.destination())) {
        byNat.computeIfAbsent(e.nextHopId(), k -> new ArrayList<>()).add(e);
      }
    }
    for (List<RouteEntry> entries : byNat.values()) {
      IntervalSet rest = IntervalSet.of(dest);
      entries.forEach(e -> rest.subtract(e.destination()));
      if (rest.isEmpty()) {
        return Optional.of(entries.get(0));
      }
    }
    return Optional.empty();
  }

  private NatGateway chooseNat(VpcId vpc, Optional<RouteEntry> route, VSwitchId id, Optional<VSwitch> vsw) {
    List<NatGateway> internet = inventory.natGatewaysIn(vpc).stream()
        .filter(n -> n.networkType() == NatNetworkType.INTERNET).toList();
    if (internet.isEmpty()) {
      return null;
    }
    if (route.isPresent()) {
      for (NatGateway n : internet) {
        if (route.get().pointsTo(n.id())) {
          return n;
        }
      }
    }
    for (NatGateway n : internet) {
      if (snatFor(n, id, vsw).covering != null) {
        return n;
      }
    }
    return internet.get(0);
  }

  private void checkNat(Acc acc, Optional<VpcId> vpc, NatGateway nat) {
    if (nat == null) {
      List<NatGateway> all = vpc.map(inventory::natGatewaysIn).orElse(List.of());
      String vpcText = vpc.map(Object::toString).orElse("the VPC");
      acc.hop("NAT gateway", "NAT gateway", HopStatus.BLOCKED, "no internet NAT gateway in " + vpcText);
      if (all.isEmpty()) {
        acc.explain(Explanation.builder().code(ExplanationCode.NAT_MISSING).component(vpcText)
            .expected("an internet NAT gateway in " + vpcText).actual(vpcText + " has no NAT gateway")
            .fix("create an internet NAT gateway in " + vpcText + " and bind an EIP to it").build());
      } else {
        acc.explain(Explanation.builder().code(ExplanationCode.NAT_NOT_INTERNET).component(all.get(0).id().value())
            .expected("an internet NAT gateway in " + vpcText)
            .actual("the NAT gateways of " + vpcText + " (" + joined(all.stream().map(NatGateway::id).toList())
                + ") are VPC NAT gateways, which give no internet egress")
            .fix("create an internet NAT gateway (NetworkType internet) in " + vpcText).build());
      }
      return;
    }
    boolean ok = true;
    String nid = nat.id().value();
    if (!nat.isAvailable()) {
      ok = false;
      acc.explain(Explanation.builder().code(ExplanationCode.NAT_NOT_AVAILABLE).component(nid)
          .expected("NAT gateway " + nid + " is Available").actual("its status is " + nat.status())
          .fix("wait until " + nid + " is Available, or repair or recreate it").build());
    }
    if (nat.eipIds().isEmpty()) {
      ok = false;
      acc.explain(Explanation.builder().code(ExplanationCode.NAT_NO_EIP).component(nid)
          .expected("at least one EIP bound to " + nid).actual(nid + " has no EIP bound")
          .fix("allocate an EIP and associate it with " + nid + " (AssociateEipAddress, InstanceType Nat)")
          .build());
    }
    acc.hop("NAT gateway " + nid, nid, ok ? HopStatus.PASS : HopStatus.BLOCKED, null);
  }

  /** The SNAT entries of a NAT that matter to a vSwitch. */
  private static final class SnatMatch {
    SnatEntry covering;
    final List<SnatEntry> subRanges = new ArrayList<>();
  }

  private SnatMatch snatFor(NatGateway nat, VSwitchId id, Optional<VSwitch> vsw) {
    SnatMatch m = new SnatMatch();
    int best = -1;
    for (SnatEntry e : inventory.snatEntriesOf(nat.id())) {
      if (e.sourceVSwitchId().isPresent()) {
        if (e.sourceVSwitchId().get().equals(id)) {
          int prefix = vsw.map(v -> v.cidrBlock().prefixLength()).orElse(32);
          if (prefix >= best) {
            m.covering = e;
            best = prefix;
          }
        }
        continue;
      }
      if (vsw.isEmpty() || e.sourceCidr().isEmpty()) {
        continue;
      }
      Cidr src = e.sourceCidr().get();
      Cidr block = vsw.get().cidrBlock();
      if (src.contains(block)) {
        if (src.prefixLength() > best) {
          m.covering = e;
          best = src.prefixLength();
        }
      } else if (block.contains(src)) {
        m.subRanges.add(e);
      }
    }
    return m;
  }

  private SnatEntry checkSnat(Acc acc, NatGateway nat, VSwitchId id, Optional<VSwitch> vsw) {
    String label = "SNAT entry";
    String block = vsw.map(v -> v.cidrBlock().toString()).orElse(id.value());
    if (nat == null) {
      acc.hop(label, "SNAT", HopStatus.BLOCKED, "no internet NAT gateway");
      acc.explain(snatMissing(id, block, "there is no internet NAT gateway to hold a SNAT entry", "the new gateway"));
      return null;
    }
    SnatMatch m = snatFor(nat, id, vsw);
    String nid = nat.id().value();
    if (m.covering == null && m.subRanges.isEmpty()) {
      acc.hop(label, nid, HopStatus.BLOCKED, "no entry for " + id);
      acc.explain(snatMissing(id, block, "no SNAT entry of " + nid + " covers " + id + " (" + block + ")", nid));
      return null;
    }
    if (m.covering == null) {
      acc.hop(label + " " + m.subRanges.get(0).id(), m.subRanges.get(0).id().value(), HopStatus.PARTIAL,
          "covers part of " + block);
      acc.explain(Explanation.builder().code(ExplanationCode.SNAT_PARTIAL_COVERAGE).component(id.value())
          .decidingRule(DecidingRule.text(joined(m.subRanges.stream()
              .map(e -> e.id() + " " + e.sourceCidr().map(Object::toString).orElse("")).toList())))
          .expected("a SNAT entry of " + nid + " covering the whole vSwitch block " + block)
          .actual("SNAT entries cover only " + joined(m.subRanges.stream()
              .map(e -> e.sourceCidr().orElseThrow()).toList()) + " of " + block
              + "; instances elsewhere in the vSwitch have no internet egress")
          .fix("create a SNAT entry on " + nid + " with SourceVSwitchId " + id).build());
      return m.subRanges.get(0);
    }
    SnatEntry e = m.covering;
    String how = e.sourceVSwitchId().isPresent() ? "source vSwitch " + id
        : "source CIDR " + e.sourceCidr().orElseThrow() + " (longest prefix containing " + block + ")";
    if (!e.isAvailable()) {
      acc.hop(label + " " + e.id(), e.id().value(), HopStatus.BLOCKED, how + ", status " + e.status());
      acc.explain(Explanation.builder().code(ExplanationCode.SNAT_ENTRY_NOT_AVAILABLE).component(e.id().value())
          .decidingRule(DecidingRule.text("SNAT entry " + e.id() + " with " + how))
          .expected("SNAT entry " + e.id() + " is Available").actual("its status is " + e.status())
          .fix("wait until " + e.id() + " is Available, or delete and recreate it").build());
      return e;
    }
    List<SnatEntry> down = m.subRanges.stream().filter(x -> !x.isAvailable()).toList();
    if (!down.isEmpty()) {
      acc.hop(label + " " + e.id(), e.id().value(), HopStatus.PARTIAL, how + "; the more specific "
          + joined(down.stream().map(SnatEntry::id).toList()) + " not Available");
      for (SnatEntry d : down) {
        String range = d.sourceCidr().map(Object::toString).orElse("");
        acc.explain(Explanation.builder().code(ExplanationCode.SNAT_ENTRY_NOT_AVAILABLE).component(d.id().value())
            .decidingRule(DecidingRule.text("SNAT entry " + d.id() + " with source CIDR " + range
                + " (longest prefix for the instances in " + range + ")"))
            .expected("SNAT entry " + d.id() + " is Available")
            .actual("its status is " + d.status() + "; instances in " + range + " use it, not " + e.id())
            .fix("wait until " + d.id() + " is Available, or delete it so that " + e.id() + " covers " + range)
            .build());
      }
      return e;
    }
    acc.hop(label + " " + e.id(), e.id().value(), HopStatus.PASS, how);
    return e;
  }

  private static Explanation snatMissing(VSwitchId id, String block, String actual, String nat) {
    return Explanation.builder().code(ExplanationCode.SNAT_NO_ENTRY_FOR_SOURCE).component(id.value())
        .expected("a SNAT entry whose source is vSwitch " + id + " or a CIDR block containing " + block)
        .actual(actual)
        .fix("create a SNAT entry on " + nat + " with SourceVSwitchId " + id + " and the gateway's EIP as SnatIp")
        .build();
  }

  private void checkRoute(Acc acc, Optional<VSwitch> vsw, Optional<RouteTable> table, Optional<RouteEntry> route,
      NatGateway nat, Cidr dest) {
    if (vsw.isEmpty()) {
      acc.hop("route table", "route table", HopStatus.UNKNOWN, "vSwitch unknown");
      return;
    }
    if (table.isEmpty()) {
      String which = vsw.get().routeTableId().map(Object::toString).orElse("system route table of "
          + vsw.get().vpcId());
      acc.hop("route table", which, HopStatus.UNKNOWN, "not in the inventory");
      acc.explain(Explanation.builder().code(ExplanationCode.ROUTE_TABLE_NOT_FOUND).component(which)
          .expected("the route table of " + vsw.get().id() + " is known")
          .actual(which + " is not in the inventory")
          .fix("add the route table of " + vsw.get().id() + " to the snapshot").build());
      acc.assume("ROUTE_TABLE_UNKNOWN", "the route table of " + vsw.get().id() + " (" + which
          + ") is not in the inventory; the route to the NAT gateway is unknown");
      return;
    }
    RouteTable rt = table.get();
    String rid = rt.id().value();
    if (nat != null && route.isPresent() && route.get().pointsTo(nat.id())) {
      acc.hop("route table " + rid, rid, HopStatus.PASS, route.get().destination() + " → " + nat.id());
      return;
    }
    String natText = nat == null ? "an internet NAT gateway" : nat.id().value();
    String actual = route.map(r -> "the longest match for " + dest + " in " + rid + " is " + r.destination()
        + " → " + r.nextHopType() + " " + r.nextHopId()).orElse(rid + " has no route matching " + dest);
    acc.hop("route table " + rid, rid, HopStatus.BLOCKED, actual);
    acc.explain(Explanation.builder().code(ExplanationCode.ROUTE_NO_NAT).component(rid)
        .decidingRule(route.map(r -> DecidingRule.text("route " + r.destination() + " → " + r.nextHopType() + " "
            + r.nextHopId() + " in " + rid)))
        .expected("route table " + rid + " sends " + dest + " to " + natText)
        .actual(actual)
        .fix("add a route entry 0.0.0.0/0 with next hop type NatGateway " + natText + " to " + rid).build());
  }

  private void checkExternalAllowlist(Acc acc, List<Cidr> allowlist, NatGateway nat, SnatEntry entry,
      VSwitchId id, Optional<VSwitch> vsw) {
    String label = "external allowlist";
    List<IpAddress> ips = new ArrayList<>();
    if (entry != null) {
      ips.addAll(entry.snatIps());
      // entries for a sub-range of the vSwitch win for their instances (longest prefix): their EIPs count too
      if (nat != null) {
        for (SnatEntry sub : snatFor(nat, id, vsw).subRanges) {
          sub.snatIps().stream().filter(ip -> !ips.contains(ip)).forEach(ips::add);
        }
      }
    } else if (nat != null) {
      inventory.eipsOf(nat).forEach(e -> ips.add(e.ipAddress()));
    }
    if (ips.isEmpty()) {
      acc.hop(label, "external target", HopStatus.UNKNOWN, "no SNAT IP known");
      return;
    }
    List<IpAddress> admitted = ips.stream().filter(ip -> allowlist.stream().anyMatch(ip::isIn)).toList();
    if (admitted.size() == ips.size()) {
      acc.hop(label, "external target", HopStatus.PASS, "admits " + joined(ips));
      return;
    }
    List<IpAddress> missing = ips.stream().filter(ip -> !admitted.contains(ip)).toList();
    acc.hop(label, "external target", admitted.isEmpty() ? HopStatus.BLOCKED : HopStatus.PARTIAL,
        "does not admit " + joined(missing));
    acc.explain(Explanation.builder().code(ExplanationCode.EXTERNAL_ALLOWLIST_MISSING_EIP)
        .component("external target")
        .decidingRule(DecidingRule.text("external allowlist " + joined(allowlist)))
        .expected("the external allowlist admits every SNAT IP " + joined(ips))
        .actual("it " + (admitted.isEmpty() ? "admits none of them" : "misses " + joined(missing))
            + (admitted.isEmpty() ? "" : "; connections leaving through those addresses are refused"))
        .fix("add " + joined(missing) + " (the EIPs of the SNAT entry) to the external target's allowlist")
        .build());
  }

  /**
   * An ECS client connecting directly to the EAS instances on {@code servicePort} (the container port; use
   * {@link #DEFAULT_SERVICE_PORT} when the service declares none). Per EAS vSwitch: the client is in the service's
   * VPC, the client's groups allow egress to the whole vSwitch block (peer group: the EAS group), and the EAS group
   * allows ingress from the client's primary address (peer groups: the client's groups).
   */
  public PathResult clientToService(EcsInstanceId client, EffectiveNetwork service, int servicePort) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(service, "service");
    if (servicePort < 1 || servicePort > 65535) {
      throw new IllegalArgumentException("service port must be 1 to 65535, was " + servicePort);
    }
    String description = "ECS " + client + " → EAS " + service.serviceName() + ":" + servicePort;
    PathResult none = noVpc(service, PathKind.CLIENT_TO_SERVICE, description);
    if (none != null) {
      return none;
    }
    Optional<EcsInstance> ecs = inventory.ecsInstance(client);
    List<VSwitchPath> paths = new ArrayList<>();
    for (VSwitchId id : service.vSwitchIds()) {
      Acc acc = new Acc(id);
      if (ecs.isEmpty()) {
        acc.hop("ECS client " + client, client.value(), HopStatus.UNKNOWN, "not in the inventory");
        acc.explain(Explanation.builder().code(ExplanationCode.CLIENT_NOT_FOUND).component(client.value())
            .expected("ECS instance " + client + " is in the inventory").actual("it is not")
            .fix("check the instance id, or add the instance to the snapshot").build());
        acc.assume("CLIENT_UNKNOWN", "ECS instance " + client
            + " is not in the inventory; its VPC, address and groups are unknown");
      } else {
        acc.hop("ECS client " + client, client.value(), HopStatus.PASS, ecs.get().privateIps().get(0).toString());
      }
      Optional<VSwitch> vsw = checkEasVSwitch(acc, service, id);
      Optional<SecurityGroupId> easSg = checkEasGroup(acc, service);
      if (ecs.isPresent()) {
        EcsInstance c = ecs.get();
        checkSameVpc(acc, service, Optional.of(c.vpcId()), client.value(), "ECS " + client);
        List<SecurityGroupId> clientGroups = c.securityGroupIds();
        String cg = clientGroups.isEmpty() ? "(none)" : joined(clientGroups);
        if (vsw.isPresent()) {
          Cidr block = vsw.get().cidrBlock();
          SecurityGroupVerdict out = evaluator.evaluate(clientGroups, Direction.EGRESS, Protocol.TCP, block,
              easSg.map(List::of).orElse(List.of()), servicePort);
          sgHop(acc, "security group " + cg + " (egress)", cg, out, ExplanationCode.SG_EGRESS_DENIES,
              "outbound tcp " + servicePort + " to the EAS vSwitch block " + block,
              "add an egress rule to " + (clientGroups.isEmpty() ? "the client's group" : clientGroups.get(0))
                  + ": accept tcp " + servicePort + " to " + block);
        } else {
          acc.hop("security group " + cg + " (egress)", cg, HopStatus.UNKNOWN, "EAS vSwitch block unknown");
        }
        if (easSg.isPresent()) {
          Cidr src = c.privateIps().get(0).asCidr();
          SecurityGroupVerdict in = evaluator.evaluate(List.of(easSg.get()), Direction.INGRESS, Protocol.TCP, src,
              clientGroups, servicePort);
          sgHop(acc, "security group " + easSg.get() + " (ingress)", easSg.get().toString(), in,
              ExplanationCode.SG_INGRESS_DENIES,
              "inbound tcp " + servicePort + " from " + c.privateIps().get(0)
                  + (clientGroups.isEmpty() ? "" : " or group " + clientGroups.get(0)),
              "add an ingress rule to " + easSg.get() + ": accept tcp " + servicePort + " from "
                  + (clientGroups.isEmpty() ? "" : "security group " + clientGroups.get(0) + " or ")
                  + c.privateIps().get(0) + "/32");
        }
      }
      acc.hop("EAS service " + service.serviceName() + ":" + servicePort, service.serviceName(), HopStatus.PASS,
          null);
      paths.add(acc.build());
    }
    return result(PathKind.CLIENT_TO_SERVICE, description, service, paths);
  }

  /**
   * As {@link #clientToService(EcsInstanceId, EffectiveNetwork, int)} on the service's port: the first container
   * port of {@code spec}, or {@link #DEFAULT_SERVICE_PORT} (reported as an assumption) when it declares none.
   */
  public PathResult clientToService(EcsInstanceId client, EffectiveNetwork service, ServiceSpec spec) {
    Objects.requireNonNull(spec, "spec");
    OptionalInt port = servicePortOf(spec);
    PathResult r = clientToService(client, service, port.orElse(DEFAULT_SERVICE_PORT));
    if (port.isPresent()) {
      return r;
    }
    Assumption a = Assumption.of("SERVICE_PORT_DEFAULT", "service " + spec.name()
        + " declares no container port; port " + DEFAULT_SERVICE_PORT + " is assumed");
    return PathResult.builder().from(r).addAssumption(a).build();
  }

  /** The first container port the service declares, if any. */
  public static OptionalInt servicePortOf(ServiceSpec spec) {
    for (Container c : spec.containers()) {
      if (c.port().isPresent()) {
        return c.port();
      }
    }
    return OptionalInt.empty();
  }

  // ---------------------------------------------------------------------------------------------------------------

  private PathResult noVpc(EffectiveNetwork service, PathKind kind, String description) {
    if (service.hasVpc() && !service.vSwitchIds().isEmpty()) {
      return null;
    }
    Explanation e = Explanation.builder().code(ExplanationCode.VPC_NONE).component(service.serviceName())
        .expected("the service is connected to a VPC (cloud.networking or the resource group's VPC direct connection)")
        .actual("service " + service.serviceName() + " has no VPC configuration")
        .fix("set cloud.networking {vpc_id, vswitch_id, security_group_id} in the service JSON, or configure the"
            + " resource group's VPC direct connection")
        .build();
    return PathResult.builder().kind(kind).description(description).serviceName(service.serviceName())
        .verdict(Verdict.UNREACHABLE).addExplanation(e).build();
  }

  private Optional<VpcId> serviceVpc(EffectiveNetwork service) {
    if (service.vpcId().isPresent()) {
      return service.vpcId();
    }
    for (VSwitchId id : service.vSwitchIds()) {
      Optional<VSwitch> v = inventory.vSwitch(id);
      if (v.isPresent()) {
        return Optional.of(v.get().vpcId());
      }
    }
    return Optional.empty();
  }

  private Optional<VSwitch> checkEasVSwitch(Acc acc, EffectiveNetwork service, VSwitchId id) {
    Optional<VSwitch> vsw = inventory.vSwitch(id);
    Optional<VpcId> vpc = serviceVpc(service);
    String label = "EAS vSwitch " + id;
    if (vsw.isEmpty()) {
      acc.hop(label, id.value(), HopStatus.BLOCKED, "not found");
      acc.explain(Explanation.builder().code(ExplanationCode.VSWITCH_NOT_FOUND).component(id.value())
          .expected("vSwitch " + id + " exists" + vpc.map(v -> " in " + v).orElse(""))
          .actual("the inventory has no vSwitch " + id)
          .fix("use an existing vSwitch of " + vpc.map(Object::toString).orElse("the VPC")
              + (id.isPlaceholder() ? " (the configured id is a documentation placeholder)" : ""))
          .build());
      return vsw;
    }
    if (vpc.isPresent() && !vsw.get().vpcId().equals(vpc.get())) {
      acc.hop(label, id.value(), HopStatus.BLOCKED, "in " + vsw.get().vpcId() + ", not " + vpc.get());
      acc.explain(Explanation.builder().code(ExplanationCode.VSWITCH_NOT_IN_VPC).component(id.value())
          .expected("vSwitch " + id + " belongs to " + vpc.get())
          .actual("it belongs to " + vsw.get().vpcId())
          .fix("choose a vSwitch of " + vpc.get() + ", or set vpc_id to " + vsw.get().vpcId()).build());
      return vsw;
    }
    acc.hop(label, id.value(), HopStatus.PASS, vsw.get().cidrBlock().toString());
    return vsw;
  }

  private Optional<SecurityGroupId> checkEasGroup(Acc acc, EffectiveNetwork service) {
    Optional<VpcId> vpc = serviceVpc(service);
    if (service.securityGroupId().isEmpty()) {
      acc.hop("EAS security group", service.serviceName(), HopStatus.BLOCKED, "none configured");
      acc.explain(Explanation.builder().code(ExplanationCode.SECURITY_GROUP_NOT_FOUND)
          .component(service.serviceName())
          .expected("the service's network names a security group").actual("no security group is configured")
          .fix("set security_group_id to a security group of " + vpc.map(Object::toString).orElse("the VPC"))
          .build());
      return Optional.empty();
    }
    SecurityGroupId id = service.securityGroupId().get();
    Optional<SecurityGroup> g = inventory.securityGroup(id);
    if (g.isEmpty()) {
      acc.hop("EAS security group " + id, id.value(), HopStatus.BLOCKED, "not found");
      acc.explain(Explanation.builder().code(ExplanationCode.SECURITY_GROUP_NOT_FOUND).component(id.value())
          .expected("security group " + id + " exists" + vpc.map(v -> " in " + v).orElse(""))
          .actual("the inventory has no security group " + id)
          .fix("use an existing security group of " + vpc.map(Object::toString).orElse("the VPC")
              + (id.isPlaceholder() ? " (the configured id is a documentation placeholder)" : ""))
          .build());
      return Optional.empty();
    }
    if (vpc.isPresent() && !g.get().vpcId().equals(vpc.get())) {
      acc.hop("EAS security group " + id, id.value(), HopStatus.BLOCKED, "in " + g.get().vpcId());
      acc.explain(Explanation.builder().code(ExplanationCode.SECURITY_GROUP_NOT_IN_VPC).component(id.value())
          .expected("security group " + id + " belongs to " + vpc.get())
          .actual("it belongs to " + g.get().vpcId())
          .fix("choose a security group of " + vpc.get()).build());
    } else {
      acc.hop("EAS security group " + id, id.value(), HopStatus.PASS, g.get().type().name().toLowerCase(Locale.ROOT));
    }
    return Optional.of(id);
  }

  private void checkSameVpc(Acc acc, EffectiveNetwork service, Optional<VpcId> targetVpc, String component,
      String label) {
    Optional<VpcId> vpc = serviceVpc(service);
    if (vpc.isEmpty() || targetVpc.isEmpty()) {
      acc.hop("VPC", vpc.map(Object::toString).orElse("VPC"), HopStatus.UNKNOWN, "VPC of " + label + " unknown");
      acc.assume("VPC_UNKNOWN", "the VPC of " + (vpc.isEmpty() ? "the service" : label)
          + " is unknown, so whether both ends share a VPC cannot be checked");
      return;
    }
    if (vpc.get().equals(targetVpc.get())) {
      acc.hop("VPC " + vpc.get(), vpc.get().value(), HopStatus.PASS, null);
      return;
    }
    acc.hop("VPC " + vpc.get(), vpc.get().value(), HopStatus.BLOCKED, label + " is in " + targetVpc.get());
    acc.explain(Explanation.builder().code(ExplanationCode.VPC_MISMATCH).component(component)
        .expected(label + " is in the service's VPC " + vpc.get())
        .actual(label + " is in " + targetVpc.get())
        .fix("deploy the service in " + targetVpc.get() + " (cloud.networking), or connect " + vpc.get() + " and "
            + targetVpc.get() + " with a VPC peering connection or Cloud Enterprise Network")
        .build());
    acc.assume("NO_PEERING_EVIDENCE", "VPCs " + vpc.get() + " and " + targetVpc.get()
        + " differ and the inventory holds no peering or CEN evidence; a peering connection or CEN could make"
        + " the path reachable");
  }

  private static void sgHop(Acc acc, String label, String component, SecurityGroupVerdict v, ExplanationCode denyCode,
      String expected, String fix) {
    v.assumptions().forEach(acc::assume);
    String detail = v.asDecidingRule().map(DecidingRule::text).orElse(v.reason());
    switch (v.decision()) {
      case ALLOW -> acc.hop(label, component, HopStatus.PASS, detail);
      case DENY -> {
        acc.hop(label, component, HopStatus.BLOCKED, detail);
        Explanation.Builder e = Explanation.builder().code(denyCode).component(component)
            .expected(expected).actual(v.reason()).fix(fix);
        v.asDecidingRule().ifPresent(e::decidingRule);
        acc.explain(e.build());
      }
      case UNDETERMINED -> {
        acc.hop(label, component, HopStatus.UNKNOWN, v.reason());
        if (v.assumptions().stream().anyMatch(a -> a.key().equals("PREFIX_LIST_UNKNOWN"))) {
          Explanation.Builder e = Explanation.builder().code(ExplanationCode.PREFIX_LIST_UNKNOWN)
              .component(component).expected(expected).actual(v.reason())
              .fix("add the prefix list's entries to the snapshot, or use CIDR peers in the deciding rule");
          v.asDecidingRule().ifPresent(e::decidingRule);
          acc.explain(e.build());
        }
      }
      default -> throw new IllegalStateException();
    }
  }

  private static String flow(Protocol protocol, int port) {
    String p = protocol.name().toLowerCase(Locale.ROOT);
    return protocol.hasPorts() ? p + " " + port : p;
  }

  private static String joined(List<?> items) {
    StringBuilder sb = new StringBuilder();
    for (Object o : items) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(o);
    }
    return sb.toString();
  }

  private static PathResult result(PathKind kind, String description, EffectiveNetwork service,
      List<VSwitchPath> paths) {
    Set<Explanation> explanations = new LinkedHashSet<>();
    Set<Assumption> assumptions = new LinkedHashSet<>();
    for (VSwitchPath p : paths) {
      explanations.addAll(p.explanations());
      assumptions.addAll(p.assumptions());
    }
    return PathResult.builder().kind(kind).description(description).serviceName(service.serviceName())
        .verdict(Verdict.combine(paths.stream().map(VSwitchPath::verdict).toList()))
        .vSwitchPaths(paths).explanations(explanations).assumptions(assumptions).build();
  }

  /** A resolved private target. */
  private static final class ResolvedTarget {
    Target.Kind kind;
    String label;
    String component;
    Explanation notFound;
    Optional<VpcId> vpcId = Optional.empty();
    Cidr address;
    List<SecurityGroupId> groups = List.of();
    int port;
    Protocol protocol;
    boolean allowlistTarget;
    AllowlistTarget allowlist;
  }

  private ResolvedTarget resolve(EffectiveNetwork service, Target target) {
    ResolvedTarget t = new ResolvedTarget();
    t.kind = target.kind();
    t.protocol = target.protocol();
    t.component = target.resourceId().map(Object::toString).orElseGet(() -> target.address().orElseThrow().toString());
    switch (target.kind()) {
      case RDS, REDIS -> {
        Optional<? extends AllowlistTarget> a = target.kind() == Target.Kind.RDS
            ? inventory.rdsInstance((RdsInstanceId) target.resourceId().orElseThrow())
            : inventory.redisInstance((RedisInstanceId) target.resourceId().orElseThrow());
        String kindName = target.kind() == Target.Kind.RDS ? "RDS " : "Redis ";
        if (a.isEmpty()) {
          t.port = target.port().orElse(target.kind() == Target.Kind.RDS ? 3306 : 6379);
          t.label = kindName + t.component + ":" + t.port;
          t.notFound = notFound(t.component, kindName + "instance");
          return t;
        }
        AllowlistTarget at = a.get();
        t.allowlistTarget = true;
        t.allowlist = at;
        t.port = target.port().orElse(at.port());
        t.label = kindName + t.component + ":" + t.port;
        t.groups = at.securityGroupIds();
        Optional<VSwitch> tv = at.vSwitchId().flatMap(inventory::vSwitch);
        t.vpcId = at.vpcId().or(() -> tv.map(VSwitch::vpcId));
        t.address = at.privateIp().map(IpAddress::asCidr).or(() -> tv.map(VSwitch::cidrBlock)).orElse(null);
        if (t.vpcId.isEmpty() && t.address != null) {
          t.vpcId = vpcCovering(t.address, serviceVpc(service));
        }
      }
      case ECS -> {
        Optional<EcsInstance> e = inventory.ecsInstance((EcsInstanceId) target.resourceId().orElseThrow());
        t.port = target.port().orElseThrow();
        t.label = "ECS " + t.component + ":" + t.port;
        if (e.isEmpty()) {
          t.notFound = notFound(t.component, "ECS instance");
          return t;
        }
        t.vpcId = Optional.of(e.get().vpcId());
        t.address = e.get().privateIps().get(0).asCidr();
        t.groups = e.get().securityGroupIds();
      }
      case ADDRESS -> {
        IpAddress ip = target.address().orElseThrow();
        t.port = target.port().orElse(-1);
        t.label = ip + (t.port == -1 ? "" : ":" + t.port) + "/" + t.protocol.name().toLowerCase(Locale.ROOT);
        t.address = ip.asCidr();
        for (EcsInstance e : inventory.ecsInstances()) {
          if (e.privateIps().contains(ip)) {
            t.groups = e.securityGroupIds();
            t.vpcId = Optional.of(e.vpcId());
            t.component = e.id() + " (" + ip + ")";
          }
        }
        if (t.vpcId.isEmpty()) {
          t.vpcId = vpcCovering(t.address, serviceVpc(service));
        }
      }
      default -> throw new IllegalStateException();
    }
    return t;
  }

  private Optional<VpcId> vpcCovering(Cidr address, Optional<VpcId> preferred) {
    if (preferred.isPresent()) {
      Optional<Vpc> v = inventory.vpc(preferred.get());
      if (v.isPresent() && v.get().covers(address)) {
        return preferred;
      }
    }
    for (VSwitch v : inventory.vSwitches()) {
      if (v.cidrBlock().contains(address)) {
        return Optional.of(v.vpcId());
      }
    }
    for (Vpc v : inventory.vpcs()) {
      if (v.covers(address)) {
        return Optional.of(v.id());
      }
    }
    return Optional.empty();
  }

  private static Explanation notFound(String id, String kind) {
    return Explanation.builder().code(ExplanationCode.TARGET_NOT_FOUND).component(id)
        .expected(kind + " " + id + " is in the inventory").actual("it is not")
        .fix("check the id and region, or add the instance to the snapshot").build();
  }

  /** Accumulates the hops, explanations and assumptions of one vSwitch's path. */
  private static final class Acc {
    private final VSwitchId id;
    private final List<Hop> hops = new ArrayList<>();
    private final Set<Explanation> explanations = new LinkedHashSet<>();
    private final Set<Assumption> assumptions = new LinkedHashSet<>();

    Acc(VSwitchId id) {
      this.id = id;
    }

    void hop(String label, String component, HopStatus status, String detail) {
      Hop.Builder b = Hop.builder().label(label).component(component).status(status);
      if (detail != null) {
        b.detail(detail);
      }
      hops.add(b.build());
    }

    void explain(Explanation e) {
      explanations.add(e);
    }

    void assume(Assumption a) {
      assumptions.add(a);
    }

    void assume(String key, String sentence) {
      assumptions.add(Assumption.of(key, sentence));
    }

    VSwitchPath build() {
      boolean blocked = hops.stream().anyMatch(h -> h.status() == HopStatus.BLOCKED);
      boolean unknown = hops.stream().anyMatch(h -> h.status() == HopStatus.UNKNOWN);
      boolean partial = hops.stream().anyMatch(h -> h.status() == HopStatus.PARTIAL);
      Verdict v = blocked ? Verdict.UNREACHABLE
          : unknown ? Verdict.UNDETERMINED
          : partial ? Verdict.AMBIGUOUS
          : Verdict.REACHABLE;
      return VSwitchPath.builder().vSwitchId(id).verdict(v).hops(hops).explanations(explanations)
          .assumptions(assumptions).build();
    }
  }
}
