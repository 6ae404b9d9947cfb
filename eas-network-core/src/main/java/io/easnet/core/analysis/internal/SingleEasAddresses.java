package io.easnet.core.analysis.internal;

import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.AllowlistGroup.AllowlistTarget;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.VSwitch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The allowlist entries that are a single EAS instance's address: a single address (a /32) inside the vSwitch of an
 * EAS service. One detection, used by rule EASNET-015 (which reports them) and by the planner (which removes them
 * with {@code plan --allow-removals} once a block that covers the vSwitch is admitted); docs/rules/EASNET-015.md.
 */
public final class SingleEasAddresses {
  private SingleEasAddresses() {}

  /**
   * A block of the same instance's allowlists that covers the EAS vSwitch, so the single address is a leftover.
   *
   * @param group the group that holds the block
   * @param block the block
   */
  public record Covering(AllowlistGroup group, Cidr block) {}

  /**
   * One single EAS address in an allowlist.
   *
   * @param target the RDS or Redis instance
   * @param groupIndex the position of its group among the instance's groups
   * @param group the group that holds it
   * @param entryIndex its position in the group
   * @param address the entry, a single address
   * @param vSwitch the EAS vSwitch it lies in
   * @param covering a block of the instance's allowlists that covers the vSwitch, when there is one
   */
  public record Found(AllowlistTarget target, int groupIndex, AllowlistGroup group, int entryIndex, Cidr address,
      VSwitch vSwitch, Optional<Covering> covering) {}

  /**
   * Every single address in an allowlist of {@code inv} that lies in the vSwitch of one of {@code services}: instances
   * sorted by id, their groups and entries in order, then the vSwitches (sorted by id) it lies in.
   */
  public static List<Found> find(Inventory inv, List<ResolvedService> services) {
    Map<String, VSwitch> easVSwitches = new TreeMap<>();
    for (ResolvedService s : services) {
      for (VSwitchId id : s.network().flatMap(n -> n.vSwitchId()).stream().toList()) {
        inv.vSwitch(id).ifPresent(v -> easVSwitches.putIfAbsent(id.value(), v));
      }
    }
    BlockIndex<VSwitch> byBlock = new BlockIndex<>();
    easVSwitches.values().forEach(v -> byBlock.add(v.cidrBlock(), v));
    List<AllowlistTarget> targets = new ArrayList<>();
    targets.addAll(inv.rdsInstances());
    targets.addAll(inv.redisInstances());
    targets.sort(Comparator.comparing(AllowlistTarget::targetId));
    List<Found> out = new ArrayList<>();
    for (AllowlistTarget t : targets) {
      for (int gi = 0; gi < t.allowlists().size(); gi++) {
        AllowlistGroup g = t.allowlists().get(gi);
        for (int ei = 0; ei < g.entries().size(); ei++) {
          Cidr e = g.entries().get(ei);
          if (!e.isSingleAddress()) {
            continue;
          }
          List<VSwitch> containing = new ArrayList<>(byBlock.containing(e));
          containing.sort(Comparator.comparing(v -> v.id().value()));
          for (VSwitch v : containing) {
            out.add(new Found(t, gi, g, ei, e, v, covering(t, v)));
          }
        }
      }
    }
    return out;
  }

  /** The first block of {@code t}'s allowlists (groups and entries in order) that covers {@code v}'s block. */
  private static Optional<Covering> covering(AllowlistTarget t, VSwitch v) {
    for (AllowlistGroup g : t.allowlists()) {
      for (Cidr c : g.entries()) {
        if (!c.isSingleAddress() && c.contains(v.cidrBlock())) {
          return Optional.of(new Covering(g, c));
        }
      }
    }
    return Optional.empty();
  }
}
