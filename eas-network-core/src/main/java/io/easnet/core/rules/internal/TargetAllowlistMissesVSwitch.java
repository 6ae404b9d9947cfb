package io.easnet.core.rules.internal;

import io.easnet.core.analysis.ExplanationCode;
import io.easnet.core.analysis.PathAnalyzer;
import io.easnet.core.analysis.PathResult;
import io.easnet.core.analysis.Target;
import io.easnet.core.model.AllowlistTarget;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.VSwitchId;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.ResolvedService;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * EASNET-029: the allowlists of an RDS or Redis target the service must reach do not admit the whole CIDR of each
 * of the service's vSwitches (a single instance address does not count: instances move). Reported only when the
 * analysis {@code PathAnalyzer} also finds the allowlist hop blocked, so that a security group bound to the instance
 * that admits the EAS vSwitch counts as admitted.
 */
final class TargetAllowlistMissesVSwitch extends BaseRule {
  TargetAllowlistMissesVSwitch() {
    super("EASNET-029", Severity.ERROR, "Target allowlist does not admit the EAS vSwitch");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (ResolvedService s : context.services()) {
      if (s.network().isEmpty()) {
        continue;
      }
      for (String id : s.input().privateTargetIds()) {
        Optional<AllowlistTarget> t = Targets.allowlistTarget(context.inventory(), id);
        if (t.isEmpty() || !analyzerAgrees(context, s, t.get())) {
          continue;
        }
        for (VSwitchId vid : s.network().get().vSwitchIds()) {
          Optional<VSwitch> v = context.inventory().vSwitch(vid);
          if (v.isEmpty() || t.get().admits(v.get().cidrBlock())) {
            continue;
          }
          out.add(atAllowlists(context, t.get())
              .serviceName(s.name())
              .message("the allowlists of " + Allowlists.kind(t.get()) + " " + id + " do not admit "
                  + v.get().cidrBlock() + ", the CIDR of EAS vSwitch " + vid + " of service " + s.name()
                  + "; connections from its instances are refused")
              .remediation("append " + v.get().cidrBlock() + " to an allowlist group of " + id
                  + " (ModifySecurityIps with ModifyMode Append)")
              .addResourceIds(id, vid.value())
              .build());
        }
      }
    }
    return out;
  }

  private static boolean analyzerAgrees(RuleContext context, ResolvedService s, AllowlistTarget t) {
    Target target = t instanceof RdsInstance r ? Target.rds(r.id()) : Target.redis(((RedisInstance) t).id());
    PathResult r = PathAnalyzer.of(context.inventory()).privateTarget(s.network().get(), target);
    return r.has(ExplanationCode.TARGET_ALLOWLIST_MISSING_SOURCE)
        || r.has(ExplanationCode.TARGET_ALLOWLIST_SINGLE_INSTANCE_IP);
  }
}
