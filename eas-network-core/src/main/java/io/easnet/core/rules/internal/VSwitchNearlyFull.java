package io.easnet.core.rules.internal;

import io.easnet.core.analysis.CapacityReport.VSwitchCapacity;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** EASNET-011: at scale the vSwitch would be more than 80 % used (but not exhausted). */
final class VSwitchNearlyFull extends BaseRule {
  static final double THRESHOLD_PERCENT = 80.0;

  VSwitchNearlyFull() {
    super("EASNET-011", Severity.WARNING, "vSwitch above 80 % utilisation at scale");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (Capacity.Usage u : Capacity.usages(context)) {
      VSwitchCapacity c = u.capacity();
      if (c.isShort() || c.peakUtilisationPercent() <= THRESHOLD_PERCENT) {
        continue;
      }
      out.add(atUsage(context, u)
          .message("vSwitch " + c.vSwitchId() + " (" + c.cidr() + ") would be "
              + String.format(Locale.ROOT, "%.1f", c.peakUtilisationPercent()) + " % used at scale: " + c.inUse()
              + " in use + " + c.totalDemand() + " needed (" + u.serviceList() + ") of " + c.usable() + " usable")
          .remediation("plan a larger vSwitch or an auxiliary vSwitch before the next scale-out")
          .addResourceIds(c.vSwitchId().value())
          .build());
    }
    return out;
  }
}
