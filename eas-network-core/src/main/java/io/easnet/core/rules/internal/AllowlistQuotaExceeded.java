package io.easnet.core.rules.internal;

import io.easnet.core.model.AllowlistGroup.AllowlistTarget;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;

/** EASNET-017: an instance's allowlists hold more than the 1,000 entries the cloud accepts. */
final class AllowlistQuotaExceeded extends BaseRule {
  AllowlistQuotaExceeded() {
    super("EASNET-017", Severity.ERROR, "Allowlist entries above the quota of 1,000");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (AllowlistTarget t : Allowlists.targets(context.inventory())) {
      int n = t.allowlistEntryCount();
      if (n <= Allowlists.QUOTA) {
        continue;
      }
      out.add(atAllowlists(context, t)
          .message(Allowlists.kind(t) + " " + t.targetId() + " has " + n + " allowlist entries, above the quota"
              + " of " + Allowlists.QUOTA + " per instance; the cloud rejects further changes")
          .remediation("merge single addresses into CIDR blocks (for EAS, one entry per vSwitch CIDR) until at"
              + " most " + Allowlists.QUOTA + " entries remain")
          .addResourceIds(t.targetId())
          .build());
    }
    return out;
  }
}
