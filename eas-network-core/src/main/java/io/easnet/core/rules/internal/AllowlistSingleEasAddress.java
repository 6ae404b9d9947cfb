package io.easnet.core.rules.internal;

import io.easnet.core.analysis.ResolvedService;
import io.easnet.core.analysis.internal.BlockIndex;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.AllowlistTarget;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.VSwitchId;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * EASNET-015: an allowlist admits a single address inside an EAS vSwitch: that is one instance's current IP, which
 * changes on restart, scale-out and rolling updates. The vSwitch CIDR belongs there instead.
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
    for (Allowlists.Entry entry : Allowlists.entries(context.inventory())) {
      AllowlistTarget t = entry.target();
      AllowlistGroup g = entry.group();
      Cidr e = entry.cidr();
      if (!e.isSingleAddress()) {
        continue;
      }
      List<VSwitch> containing = new ArrayList<>(byBlock.containing(e));
      containing.sort(Comparator.comparing(v -> v.id().value()));
      for (VSwitch v : containing) {
        String users = String.join(", ", context.servicesInVSwitch(v.id()).stream().map(ResolvedService::name)
            .distinct().toList());
        out.add(atEntry(context, entry)
            .message("allowlist \"" + g.name() + "\" of " + Allowlists.kind(t) + " " + t.targetId() + " admits "
                + e.address() + ", a single address in EAS vSwitch " + v.id() + " (" + v.cidrBlock()
                + ", service " + users + "); EAS instances get new addresses on"
                + " restart, scale-out and rolling updates")
            .remediation("add the vSwitch CIDR " + v.cidrBlock() + " to the allowlist (ModifyMode Append) and"
                + " remove " + e.address())
            .addResourceIds(t.targetId(), v.id().value())
            .identity(g.name() + "|" + e)
            .build());
      }
    }
    return out;
  }
}
