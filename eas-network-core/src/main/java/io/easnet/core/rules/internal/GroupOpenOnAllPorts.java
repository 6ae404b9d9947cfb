package io.easnet.core.rules.internal;

import io.easnet.core.analysis.SecurityGroupEvaluator;
import io.easnet.core.model.SecurityGroupRule.Direction;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * EASNET-012: a security group admits the whole internet on every TCP port. Semantic: {@code 0.0.0.0/1} plus
 * {@code 128.0.0.0/1} counts, {@code -1/-1} counts, a higher-priority or equal-priority drop removes the exposure.
 */
final class GroupOpenOnAllPorts extends BaseRule {
  GroupOpenOnAllPorts() {
    super("EASNET-012", Severity.ERROR, "Security group open to the internet on all ports");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    SecurityGroupEvaluator evaluator = context.securityGroups();
    for (SecurityGroup g : byId(context.inventory().securityGroups(), SecurityGroup::id)) {
      if (!openOnAllPorts(evaluator, g)) {
        continue;
      }
      out.add(atRules(context, g)
          .message("security group " + g.id() + users(context, g) + " admits the whole internet on every TCP"
              + " port once its ingress rules are combined by priority")
          .remediation("replace the wide ingress rules with rules for the ports and client blocks that need"
              + " access, or add a drop rule for 0.0.0.0/0 at a higher priority")
          .addResourceIds(g.id().value())
          .build());
    }
    return out;
  }

  static boolean openOnAllPorts(SecurityGroupEvaluator evaluator, SecurityGroup g) {
    return evaluator.openToInternetOnAllPorts(g, Direction.INGRESS, Protocol.TCP);
  }

  static String users(RuleContext context, SecurityGroup g) {
    List<String> names = context.servicesUsingGroup(g.id()).stream().map(s -> s.name()).toList();
    return names.isEmpty() ? "" : " (used by EAS service " + String.join(", ", names) + ")";
  }
}
