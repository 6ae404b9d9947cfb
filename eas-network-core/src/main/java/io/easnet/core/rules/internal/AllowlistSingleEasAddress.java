package io.easnet.core.rules.internal;

import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.analysis.internal.BlockIndex;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.AllowlistGroup.AllowlistTarget;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * EASNET-015: an allowlist admits a single address inside an EAS vSwitch: that is one instance's current IP, which
 * changes on restart, scale-out and rolling updates. The vSwitch CIDR belongs there instead. When the target's
 * allowlists already admit a block that covers the vSwitch, the entry is a harmless leftover: a note that suggests
 * only its removal.
 */
final class AllowlistSingleEasAddress extends BaseRule {
  AllowlistSingleEasAddress() {
    super("EASNET-015", Severity.WARNING, "Allowlist holds a single EAS instance address");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    Map<String, VSwitch> easVSwitches = new TreeMap<>();
    for (ResolvedService s : context.services()) {
      for (VSwitchId id : s.network().flatMap(n -> n.vSwitchId()).stream().toList()) {
        context.inventory().vSwitch(id).ifPresent(v -> easVSwitches.putIfAbsent(id.value(), v));
      }
    }
    BlockIndex<VSwitch> byBlock = new BlockIndex<>();
    easVSwitches.values().forEach(v -> byBlock.add(v.cidrBlock(), v));
    List<Finding> out = new ArrayList<>();
    List<Allowlists.Entry> entries = Allowlists.entries(context.inventory());
    // the wide entries of each instance, in entry order: read once, not once per single address
    IdentityHashMap<AllowlistTarget, List<Allowlists.Entry>> wide = new IdentityHashMap<>();
    for (Allowlists.Entry o : entries) {
      if (!o.cidr().isSingleAddress()) {
        wide.computeIfAbsent(o.target(), k -> new ArrayList<>()).add(o);
      }
    }
    for (Allowlists.Entry entry : entries) {
      AllowlistTarget t = entry.target();
      AllowlistGroup g = entry.group();
      Cidr e = entry.cidr();
      if (!e.isSingleAddress()) {
        continue;
      }
      List<VSwitch> containing = new ArrayList<>(byBlock.containing(e));
      containing.sort(Comparator.comparing(v -> v.id().value()));
      for (VSwitch v : containing) {
        Optional<Allowlists.Entry> covering = wide.getOrDefault(t, List.of()).stream()
            .filter(o -> o.cidr().contains(v.cidrBlock()))
            .findFirst();
        String users = String.join(", ", context.servicesInVSwitch(v.id()).stream().map(ResolvedService::name)
            .distinct().toList());
        String head = "allowlist \"" + g.name() + "\" of " + Allowlists.kind(t) + " " + t.targetId() + " admits "
            + e.address() + ", a single address in EAS vSwitch " + v.id() + " (" + v.cidrBlock()
            + ", service " + users + ")";
        // the message and the fix describe only what is still missing: once the vSwitch CIDR is admitted the
        // single address is a harmless leftover, and removing it is a suggestion (docs/rules/EASNET-015.md)
        Finding.Builder f = covering.isPresent()
            ? atEntry(context, entry).severity(Severity.INFO)
                .message(head + "; allowlist \"" + covering.get().group().name() + "\" already admits "
                    + covering.get().cidr() + ", which covers the vSwitch, so this entry is a leftover")
                .remediation("remove " + e.address() + " from allowlist \"" + g.name() + "\" (ModifyMode Delete)"
                    + " when nothing else needs it")
            : atEntry(context, entry)
                .message(head + "; EAS instances get new addresses on restart, scale-out and rolling updates")
                .remediation("add the vSwitch CIDR " + v.cidrBlock() + " to the allowlist (ModifyMode Append) and"
                    + " remove " + e.address());
        out.add(f
            .addResourceIds(t.targetId(), v.id().value())
            .identity(g.name() + "|" + e)
            .build());
      }
    }
    return out;
  }
}
