package io.easnet.core.analysis;

import io.easnet.core.analysis.Explanation.Missing;
import io.easnet.core.analysis.Explanation.Component;
import io.easnet.core.analysis.PathResult.VSwitchPath;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import io.easnet.core.analysis.SecurityGroupVerdict.DecidingRule;
import io.easnet.core.analysis.Assumption.AssumptionKey;
import io.easnet.core.change.AppendAllowlistEntries;
import io.easnet.core.analysis.internal.Memo;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.AllowlistGroup.AllowlistTarget;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.SecurityGroupRule.Direction;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.resolve.EffectiveNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** EAS instances to a private target: the checks behind {@link PathAnalyzer#privateTarget}. */
final class PrivatePath {
  private final InventoryIndex index;
  private final EasSide side;

  /** A target as seen from a VPC. */
  private record TargetKey(Optional<VpcId> serviceVpc, Target target) {}

  /** The EAS group's egress hop to a target, per group. */
  private record EgressKey(TargetKey target, Optional<SecurityGroupId> group) {}

  /** The target's hops (its groups' ingress, its allowlist), per EAS vSwitch and group. */
  private record TargetHopsKey(TargetKey target, VSwitchId vSwitchId, Optional<SecurityGroupId> group) {}

  private final Memo<TargetKey, ResolvedTarget> targets = Memo.create();
  private final Memo<EgressKey, PathRecorder.Segment> egressHops = Memo.create();
  private final Memo<TargetHopsKey, PathRecorder.Segment> targetHops = Memo.create();

  PrivatePath(InventoryIndex index, EasSide side) {
    this.index = index;
    this.side = side;
  }

  PathResult analyse(EffectiveNetwork service, Target target) {
    Intent intent = Intent.reach(target);
    TargetKey key = new TargetKey(side.vpcOf(service), target);
    ResolvedTarget t = targets.get(key, k -> ResolvedTarget.of(index, k.serviceVpc(), k.target()));
    String description = "EAS " + service.serviceName() + " → " + t.label;
    Optional<PathResult> none = side.withoutNetwork(intent, description, service);
    if (none.isPresent()) {
      return none.get();
    }
    List<VSwitchPath> paths = new ArrayList<>();
    service.vSwitchId().ifPresent(id -> paths.add(path(service, id, key, t)));
    return PathRecorder.result(intent, description, service, paths);
  }

  private VSwitchPath path(EffectiveNetwork service, VSwitchId id, TargetKey key, ResolvedTarget t) {
    PathRecorder rec = new PathRecorder(id);
    Optional<VSwitch> vsw = side.vSwitch(rec, service, id);
    Optional<SecurityGroupId> easSg = side.group(rec, service);
    if (t.notFound != null) {
      rec.unknown("target " + t.label, t.component.toString(), "not in the inventory", t.notFound);
      rec.assume(AssumptionKey.TARGET_UNKNOWN, t.label
          + " is not in the inventory; its address, VPC and allowlist are unknown");
      return rec.build();
    }
    side.sameVpc(rec, service, t.vpcId, t.component, t.label);
    String egressLabel = "security group " + easSg.map(Object::toString).orElse("(none)") + " (egress)";
    if (t.address == null) {
      rec.unknown(egressLabel, easSg.map(Object::toString).orElse("security group"), "target address unknown",
          Explanation.builder().code(ExplanationCode.TARGET_ADDRESS_UNKNOWN).component(t.component)
              .expected("the private address of " + t.label + " is known")
              .actual("the inventory records neither a private address nor a vSwitch for " + t.label)
              .missing(new Missing.FactUnknown(t.component, AssumptionKey.TARGET_UNKNOWN))
              .advice("add the private address (or vSwitch) of " + t.label + " to the snapshot").build());
    } else {
      side.returnRoute(rec, service, vsw, t.address, t.component, t.label, false, t.vSwitchId);
      rec.replay(egressHops.get(new EgressKey(key, easSg), k -> {
        PathRecorder segment = new PathRecorder(id);
        egress(segment, t, easSg, egressLabel);
        return segment.segment();
      }));
    }
    rec.replay(targetHops.get(new TargetHopsKey(key, id, easSg), k -> targetHops(id, t, easSg)));
    return rec.build();
  }

  /**
   * The hops of the target's side, from the target, the EAS vSwitch and group alone: its groups' ingress or its
   * allowlist. Every service in the vSwitch and group that reaches the target shares them.
   */
  private PathRecorder.Segment targetHops(VSwitchId id, ResolvedTarget t, Optional<SecurityGroupId> easSg) {
    PathRecorder rec = new PathRecorder(id);
    Optional<VSwitch> vsw = index.inventory().vSwitch(id);
    if (!t.isAllowlistTarget() && !t.groups.isEmpty()) {
      ingress(rec, t, vsw, easSg);
    } else if (t.kind == Target.Kind.ADDRESS) {
      rec.assume(AssumptionKey.TARGET_GROUPS_UNKNOWN, "no ECS instance in the inventory has address " + t.address
          + ", so only the EAS side's security group is checked");
    }
    if (t.isAllowlistTarget()) {
      allowlist(rec, t, vsw, easSg);
    }
    rec.pass("target " + t.label, t.component.toString(), null);
    return rec.segment();
  }

  private void egress(PathRecorder rec, ResolvedTarget t, Optional<SecurityGroupId> easSg, String label) {
    if (easSg.isEmpty()) {
      rec.skipped(label, "security group", "no security group");
      return;
    }
    // security groups bound to an RDS or Redis instance are an allowlist, not its network interface's groups: an
    // egress rule naming them does not match the instance
    List<SecurityGroupId> peerGroups = t.isAllowlistTarget() ? List.of() : t.groups;
    SecurityGroupVerdict v = index.evaluator().evaluate(List.of(easSg.get()), Direction.EGRESS, t.protocol,
        t.address, peerGroups, t.port);
    SecurityGroupHop.Flow flow = new SecurityGroupHop.Flow(Direction.EGRESS, t.protocol, t.port, t.address,
        peerGroups);
    SecurityGroupHop.record(rec, label, Component.of(Component.Kind.SECURITY_GROUP, easSg.get()), v,
        ExplanationCode.SG_EGRESS_DENIES, "outbound " + flow.text() + " to " + t.address, flow, easSg,
        index.rulePeer(easSg, peerGroups.stream().findFirst()));
  }

  private void ingress(PathRecorder rec, ResolvedTarget t, Optional<VSwitch> vsw, Optional<SecurityGroupId> easSg) {
    String groupsText = String.join(", ", t.groups.stream().map(Object::toString).toList());
    String label = "security group " + groupsText + " (ingress)";
    if (vsw.isEmpty()) {
      rec.skipped(label, groupsText, "EAS vSwitch block unknown");
      return;
    }
    Cidr source = vsw.get().cidrBlock();
    List<SecurityGroupId> peerGroups = easSg.map(List::of).orElse(List.of());
    SecurityGroupVerdict v = index.evaluator().evaluate(t.groups, Direction.INGRESS, t.protocol, source, peerGroups,
        t.port);
    SecurityGroupHop.Flow flow = new SecurityGroupHop.Flow(Direction.INGRESS, t.protocol, t.port, source,
        peerGroups);
    SecurityGroupHop.record(rec, label, Component.of(Component.Kind.SECURITY_GROUP, t.groups.get(0)), v,
        ExplanationCode.SG_INGRESS_DENIES, "inbound " + flow.text() + " from the EAS vSwitch block " + source
            + easSg.map(g -> " or from group " + g).orElse(""),
        flow, Optional.of(t.groups.get(0)), index.rulePeer(Optional.of(t.groups.get(0)), easSg));
  }

  /**
   * The allowlist hop of an RDS or Redis target: it passes when the IP allowlists together admit the whole vSwitch
   * block, or when the EAS security group is bound to the instance (a bound group admits the instances in it; its own
   * rules do not apply to the database).
   */
  private void allowlist(PathRecorder rec, ResolvedTarget t, Optional<VSwitch> vsw, Optional<SecurityGroupId> easSg) {
    String label = "allowlist of " + t.component.id();
    if (vsw.isEmpty()) {
      rec.skipped(label, t.component.id(), "EAS vSwitch block unknown");
      return;
    }
    Cidr block = vsw.get().cidrBlock();
    AllowlistTarget a = t.allowlist;
    if (a.admits(block)) {
      rec.pass(label, t.component.id(), "admits " + block);
      return;
    }
    if (easSg.isPresent() && a.securityGroupIds().contains(easSg.get())) {
      rec.pass(label, t.component.id(), "security group " + easSg.get() + " is bound");
      rec.assume(AssumptionKey.BOUND_GROUP_MEMBERSHIP, "security group " + easSg.get() + " is bound to "
          + t.component.id() + "; it is assumed to admit the EAS instances in it as it admits ECS instances in it");
      return;
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
    String actual = describe(a);
    Explanation.Builder e = Explanation.builder().component(t.component)
        .expected("the allowlist admits the whole EAS vSwitch block " + block
            + easSg.map(g -> ", or security group " + g + " is bound to " + t.component.id()).orElse(""))
        .missing(new Missing.AddressesNotAdmitted(List.of(block)))
        .remedy(new AppendAllowlistEntries(t.component.kind() == Component.Kind.RDS_INSTANCE ? "rds" : "redis",
            t.component.id(), PathAnalyzer.EAS_ALLOWLIST_GROUP, List.of(block)));
    if (!singles.isEmpty()) {
      e.code(ExplanationCode.TARGET_ALLOWLIST_SINGLE_INSTANCE_IP)
          .decidingRule(DecidingRule.text("allowlist entries " + joined(singles) + " of " + t.component.id()))
          .actual("the allowlist holds single addresses inside " + block + " (" + joined(singles)
              + "); EAS instances change address on restart and scale-out")
          .advice("then remove the single instance addresses " + joined(singles)
              + " (ModifySecurityIps with ModifyMode Delete)");
    } else {
      e.code(ExplanationCode.TARGET_ALLOWLIST_MISSING_SOURCE)
          .decidingRule(DecidingRule.text("allowlist of " + t.component.id() + ": " + actual))
          .actual(partial.isEmpty() ? "the allowlist holds " + actual
              : "the allowlist admits only part of " + block + " (" + joined(partial) + ")");
    }
    rec.block(label, t.component.id(), "does not admit " + block, e.build());
  }

  private static String describe(AllowlistTarget a) {
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

  static String joined(List<?> items) {
    return String.join(", ", items.stream().map(Object::toString).toList());
  }
}
