package io.easnet.core.rules.internal;

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
    for (Allowlists.Entry e : Allowlists.entries(context.inventory())) {
      if (!e.cidr().isAny()) {
        continue;
      }
      out.add(atEntry(context, e)
          .message("allowlist \"" + e.group().name() + "\" of " + Allowlists.kind(e.target()) + " "
              + e.target().targetId() + " contains " + e.cidr() + ", which admits every address")
          .remediation("replace " + e.cidr() + " with the CIDR blocks of the vSwitches (or the NAT EIPs) of the"
              + " clients that need access")
          .addResourceIds(e.target().targetId())
          .identity(e.group().name() + "|" + e.cidr())
          .build());
    }
    return out;
  }
}
