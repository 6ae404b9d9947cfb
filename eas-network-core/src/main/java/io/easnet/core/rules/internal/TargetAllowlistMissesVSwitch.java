package io.easnet.core.rules.internal;

import io.easnet.core.model.AllowlistTarget;
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
 * of the service's vSwitches (a single instance address does not count: instances move).
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
      for (String id : s.input().privateTargets().stream().sorted().distinct().toList()) {
        Optional<AllowlistTarget> t = Targets.allowlistTarget(context.inventory(), id);
        if (t.isEmpty()) {
          continue;
        }
        for (VSwitchId vid : s.network().get().vSwitchIds()) {
          Optional<VSwitch> v = context.inventory().vSwitch(vid);
          if (v.isEmpty() || t.get().admits(v.get().cidrBlock())) {
            continue;
          }
          out.add(atInventory(context, Allowlists.pointer(t.get()))
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
}
