package io.easnet.core.rules.internal;

import io.easnet.core.model.AllowlistGroup.AllowlistTarget;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;

/** EASNET-018: an instance's allowlists hold 900 to 1,000 entries: the next changes will hit the quota. */
final class AllowlistQuotaNear extends BaseRule {
  AllowlistQuotaNear() {
    super("EASNET-018", Severity.WARNING, "Allowlist entries close to the quota of 1,000");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (AllowlistTarget t : Allowlists.targets(context.inventory())) {
      int n = t.allowlistEntryCount();
      if (n < Allowlists.NEAR_QUOTA || n > Allowlists.QUOTA) {
        continue;
      }
      out.add(atAllowlists(context, t)
          .message(Allowlists.kind(t) + " " + t.targetId() + " has " + n + " allowlist entries; the quota is "
              + Allowlists.QUOTA + " per instance, so only " + (Allowlists.QUOTA - n) + " more fit")
          .remediation("merge single addresses into CIDR blocks before adding more entries")
          .addResourceIds(t.targetId())
          .build());
    }
    return out;
  }
}
