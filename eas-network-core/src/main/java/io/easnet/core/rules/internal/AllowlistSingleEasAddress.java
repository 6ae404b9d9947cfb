package io.easnet.core.rules.internal;

import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.AllowlistTarget;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.VSwitchId;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.ResolvedService;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Severity;
import java.util.ArrayList;
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
    Map<String, String> serviceOf = new TreeMap<>();
    for (ResolvedService s : context.services()) {
      for (VSwitchId id : s.network().map(n -> n.vSwitchIds()).orElse(List.of())) {
        Optional<VSwitch> v = context.inventory().vSwitch(id);
        if (v.isPresent()) {
          easVSwitches.putIfAbsent(id.value(), v.get());
          serviceOf.merge(id.value(), s.name(), (a, b) -> a.contains(b) ? a : a + ", " + b);
        }
      }
    }
    List<Finding> out = new ArrayList<>();
    for (Allowlists.Entry entry : Allowlists.entries(context.inventory())) {
      AllowlistTarget t = entry.target();
      AllowlistGroup g = entry.group();
      Cidr e = entry.cidr();
      if (!e.isSingleAddress()) {
        continue;
      }
      for (VSwitch v : easVSwitches.values()) {
        if (!v.cidrBlock().contains(e)) {
          continue;
        }
        out.add(atEntry(context, entry)
            .message("allowlist \"" + g.name() + "\" of " + Allowlists.kind(t) + " " + t.targetId() + " admits "
                + e.address() + ", a single address in EAS vSwitch " + v.id() + " (" + v.cidrBlock()
                + ", service " + serviceOf.get(v.id().value()) + "); EAS instances get new addresses on"
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
