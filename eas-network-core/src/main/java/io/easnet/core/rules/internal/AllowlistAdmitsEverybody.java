package io.easnet.core.rules.internal;

import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.AllowlistGroup.AllowlistTarget;
import io.easnet.core.model.Cidr;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * EASNET-016: an allowlist admits every address. Reported per entry for {@code 0.0.0.0/0} and {@code ::/0}, and per
 * group when entries that are not {@code /0} together cover a whole address family (for example {@code 0.0.0.0/1}
 * plus {@code 128.0.0.0/1}): the check is semantic, not a string match.
 */
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
    for (AllowlistTarget t : Allowlists.targets(context.inventory())) {
      for (int gi = 0; gi < t.allowlists().size(); gi++) {
        AllowlistGroup g = t.allowlists().get(gi);
        boolean literal = g.entries().stream().anyMatch(Cidr::isAny);
        for (Cidr any : List.of(Cidr.ANY_IPV4, Cidr.ANY_IPV6)) {
          if (literal || !g.admits(any)) {
            continue;
          }
          out.add(atResource(context, Allowlists.id(t), "allowlists", gi, "entries")
              .message("allowlist \"" + g.name() + "\" of " + Allowlists.kind(t) + " " + t.targetId()
                  + " admits every address: its entries " + g.entries() + " together cover " + any)
              .remediation("replace the entries with the CIDR blocks of the vSwitches (or the NAT EIPs) of the"
                  + " clients that need access")
              .addResourceIds(t.targetId())
              .identity(g.name() + "|union|" + any)
              .build());
        }
      }
    }
    return out;
  }
}
