package io.easnet.core.rules.internal;

import io.easnet.core.model.SecurityGroup;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * EASNET-043: a security group with more than 200 rules, the documented quota per group. A finding rather than a
 * read error: quotas change, and a raised quota must not make the snapshot unreadable.
 */
final class GroupAboveRuleQuota extends BaseRule {
  /** Rules per security group (ECS quota). */
  static final int QUOTA = 200;

  GroupAboveRuleQuota() {
    super("EASNET-043", Severity.WARNING, "Security group above the quota of 200 rules");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (SecurityGroup g : byId(context.inventory().securityGroups(), SecurityGroup::id)) {
      if (g.rules().size() <= QUOTA) {
        continue;
      }
      out.add(atResource(context, g.id(), "rules", QUOTA)
          .message("security group " + g.id() + " holds " + g.rules().size() + " rules; a security group holds at"
              + " most " + QUOTA)
          .remediation("re-read the group from the cloud (DescribeSecurityGroupAttribute); if your quota was raised,"
              + " suppress this finding for the group")
          .addResourceIds(g.id().value())
          .build());
    }
    return out;
  }
}
