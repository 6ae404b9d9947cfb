package io.easnet.core.rules.internal;

import io.easnet.core.analysis.CapacityReport.VSwitchCapacity;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;

/** EASNET-010: the services placed in a vSwitch need more addresses at scale than it has free. */
final class VSwitchExhaustedAtScale extends BaseRule {
  VSwitchExhaustedAtScale() {
    super("EASNET-010", Severity.ERROR, "vSwitch runs out of IP addresses at scale");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (Capacity.Usage u : Capacity.usages(context)) {
      VSwitchCapacity c = u.capacity();
      if (!c.isShort()) {
        continue;
      }
      out.add(atUsage(context, u)
          .message("vSwitch " + c.vSwitchId() + " (" + c.cidr() + ") has " + c.free()
              + " free addresses but needs " + c.totalDemand() + " at scale including rolling-update surge ("
              + u.serviceList() + "): short by " + c.shortfall())
          .remediation(c.proposedCidr().map(p -> "create a vSwitch on the free block " + p + " in " + c.vpcId()
                  + " and move the service to it").orElse("move the service to a larger vSwitch")
              + ", lower the autoscaler maximum or max_surge, or free addresses in " + c.vSwitchId())
          .addResourceIds(c.vSwitchId().value())
          .build());
    }
    return out;
  }
}
