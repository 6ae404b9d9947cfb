package io.easnet.core.rules.internal;

import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.analysis.internal.SingleEasAddresses;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.AllowlistGroup.AllowlistTarget;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.VSwitch;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    List<Finding> out = new ArrayList<>();
    // the one detection, shared with the planner's --allow-removals (SingleEasAddresses)
    for (SingleEasAddresses.Found found : SingleEasAddresses.find(context.inventory(), context.services())) {
      AllowlistTarget t = found.target();
      AllowlistGroup g = found.group();
      Cidr e = found.address();
      VSwitch v = found.vSwitch();
      Allowlists.Entry entry = new Allowlists.Entry(t, found.groupIndex(), g, found.entryIndex(), e);
      Optional<SingleEasAddresses.Covering> covering = found.covering();
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
                  + covering.get().block() + ", which covers the vSwitch, so this entry is a leftover")
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
    return out;
  }
}
