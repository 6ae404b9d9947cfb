package io.easnet.core.rules.internal;

import io.easnet.core.model.VSwitch;
import io.easnet.core.model.VSwitchId;
import io.easnet.core.model.VpcId;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.ResolvedService;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** EASNET-008: a vSwitch of the effective network belongs to another VPC than the configured one. */
final class VSwitchOutsideVpc extends BaseRule {
  VSwitchOutsideVpc() {
    super("EASNET-008", Severity.ERROR, "vSwitch not in the configured VPC");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (ResolvedService s : context.services()) {
      if (s.network().isEmpty() || s.network().get().vpcId().isEmpty()) {
        continue;
      }
      VpcId vpc = s.network().get().vpcId().get();
      List<VSwitchId> ids = s.network().get().vSwitchIds();
      for (int i = 0; i < ids.size(); i++) {
        Optional<VSwitch> vsw = context.inventory().vSwitch(ids.get(i));
        if (vsw.isEmpty() || vsw.get().vpcId().equals(vpc)) {
          continue;
        }
        List<String> inVpc = context.inventory().vSwitchesIn(vpc).stream().map(v -> v.id().value()).sorted()
            .toList();
        Finding.Builder f = atVSwitchValue(context, s, ids.get(i))
            .message("service " + s.name() + ": vSwitch " + vsw.get().id() + " is in VPC " + vsw.get().vpcId()
                + ", not in the configured VPC " + vpc)
            .remediation(inVpc.isEmpty() ? "create a vSwitch in " + vpc + " or configure the VPC of the vSwitch"
                : "use a vSwitch of " + vpc + " (" + String.join(", ", inVpc) + ") or change the VPC")
            .addResourceIds(vsw.get().id().value(), vpc.value());
        if (inVpc.size() == 1) {
          f.didYouMean(inVpc.get(0));
        }
        out.add(f.build());
      }
    }
    return out;
  }
}
