package io.easnet.core.rules.internal;

import io.easnet.core.analysis.SecurityGroupEvaluator;
import io.easnet.core.analysis.SecurityGroupDecision;
import io.easnet.core.analysis.SecurityGroupVerdict;
import io.easnet.core.analysis.Target;
import io.easnet.core.model.Direction;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.ResolvedService;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * EASNET-030: the EAS security group's egress rules (or its default) deny TCP to an RDS or Redis target's address
 * and port. Evaluated with priority and drop-before-accept, against the target's address or its vSwitch block.
 */
final class EasEgressDeniesTarget extends BaseRule {
  EasEgressDeniesTarget() {
    super("EASNET-030", Severity.ERROR, "EAS security group egress denies the target port");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    SecurityGroupEvaluator evaluator = SecurityGroupEvaluator.of(context.inventory());
    for (ResolvedService s : context.services()) {
      Optional<SecurityGroup> g = s.network().flatMap(n -> n.securityGroupId())
          .flatMap(context.inventory()::securityGroup);
      if (g.isEmpty()) {
        continue;
      }
      for (Target target : s.input().privateTargets()) {
        Optional<TargetInfo> t = TargetInfo.of(context.inventory(), target);
        if (t.isEmpty() || t.get().address().isEmpty() || t.get().port() <= 0) {
          continue;
        }
        String id = t.get().id();
        SecurityGroupVerdict d = evaluator.evaluate(g.get(), Direction.EGRESS, Protocol.TCP, t.get().address().get(),
            t.get().groups(), t.get().port());
        if (d.decision() != SecurityGroupDecision.DENY) {
          continue;
        }
        out.add(atDecidingRule(context, g.get(), d)
            .serviceName(s.name())
            .message("security group " + g.get().id() + " of service " + s.name() + " denies egress TCP "
                + t.get().port() + " to " + t.get().kind() + (id.isEmpty() ? "" : " " + id) + " ("
                + t.get().address().get()
                + "): " + d.reason())
            .remediation("add an egress accept rule for TCP " + t.get().port() + "/" + t.get().port() + " to "
                + t.get().address().get() + " with a higher priority (lower number) than any drop rule that"
                + " matches")
            .addResourceIds(g.get().id().value())
            .addAllResourceIds(id.isEmpty() ? List.of() : List.of(id))
            .identity(t.get().address().get() + ":" + t.get().port())
            .build());
      }
    }
    return out;
  }
}
