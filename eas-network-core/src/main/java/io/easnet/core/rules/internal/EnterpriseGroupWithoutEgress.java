package io.easnet.core.rules.internal;

import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.model.SecurityGroupRule.Direction;
import io.easnet.core.model.SecurityGroupRule.Policy;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** EASNET-024: an EAS service uses an enterprise security group without any egress accept rule: it reaches nothing. */
final class EnterpriseGroupWithoutEgress extends BaseRule {
  EnterpriseGroupWithoutEgress() {
    super("EASNET-024", Severity.WARNING, "Enterprise security group without egress rules");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    TreeSet<String> seen = new TreeSet<>();
    for (ResolvedService s : context.services()) {
      Optional<SecurityGroup> g = s.network().flatMap(n -> n.securityGroupId())
          .flatMap(context.inventory()::securityGroup);
      if (g.isEmpty() || g.get().type() != SecurityGroupType.ENTERPRISE || !seen.add(g.get().id().value())) {
        continue;
      }
      boolean anyAccept = g.get().rules(Direction.EGRESS).stream().anyMatch(r -> r.policy() == Policy.ACCEPT);
      if (anyAccept) {
        continue;
      }
      out.add(atResource(context, g.get().id())
          .message("security group " + g.get().id() + " of service " + s.name() + " is an enterprise group with no"
              + " egress accept rule: enterprise groups deny all egress by default, so the EAS instances can reach"
              + " nothing (no database, no internet, no storage over the VPC)")
          .remediation("add egress rules for the destinations and ports the service needs (for example TCP 3306"
              + " to the RDS vSwitch)")
          .addResourceIds(g.get().id().value())
          .build());
    }
    return out;
  }
}
