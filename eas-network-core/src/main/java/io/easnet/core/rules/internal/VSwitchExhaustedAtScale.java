package io.easnet.core.rules.internal;

import io.easnet.core.rules.Finding;
import io.easnet.core.rules.ResolvedService;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** EASNET-010: the services placed in a vSwitch need more addresses at scale than it has free. */
final class VSwitchExhaustedAtScale extends BaseRule {
  VSwitchExhaustedAtScale() {
    super("EASNET-010", Severity.ERROR, "vSwitch runs out of IP addresses at scale");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (Capacity.Usage u : Capacity.usages(context)) {
      if (u.demand() <= u.free()) {
        continue;
      }
      ResolvedService first = u.services().get(0);
      out.add(atNetworkValue(context, first, "vswitch_id", "vSwitchId")
          .serviceName(u.services().size() == 1 ? Optional.of(first.name()) : Optional.empty())
          .message("vSwitch " + u.vSwitch().id() + " (" + u.vSwitch().cidrBlock() + ") has " + u.free()
              + " free addresses but needs " + u.demand() + " at scale including rolling-update surge ("
              + u.serviceList() + "): short by " + (u.demand() - u.free()))
          .remediation("move the service to a larger vSwitch, add auxiliary vSwitches, lower the autoscaler"
              + " maximum or max_surge, or free addresses in " + u.vSwitch().id())
          .addResourceIds(u.vSwitch().id().value())
          .build());
    }
    return out;
  }
}
