package io.easnet.core.rules.internal;

import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.AllowlistTarget;
import io.easnet.core.model.Cidr;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/** EASNET-016: an allowlist entry {@code 0.0.0.0/0} (or {@code ::/0}) admits every address. */
final class AllowlistAdmitsEverybody extends BaseRule {
  AllowlistAdmitsEverybody() {
    super("EASNET-016", Severity.ERROR, "Allowlist admits every address");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (AllowlistTarget t : Allowlists.targets(context.inventory())) {
      for (int gi = 0; gi < t.allowlists().size(); gi++) {
        AllowlistGroup g = t.allowlists().get(gi);
        for (int ei = 0; ei < g.entries().size(); ei++) {
          Cidr e = g.entries().get(ei);
          if (!e.isAny()) {
            continue;
          }
          out.add(atResource(context, Allowlists.id(t), "allowlists", gi, "entries", ei)
              .message("allowlist \"" + g.name() + "\" of " + Allowlists.kind(t) + " " + t.targetId()
                  + " contains " + e + ", which admits every address")
              .remediation("replace " + e + " with the CIDR blocks of the vSwitches (or the NAT EIPs) of the"
                  + " clients that need access")
              .addResourceIds(t.targetId())
              .identity(g.name() + "|" + e)
              .build());
        }
      }
    }
    return out;
  }
}
