package io.easnet.core.rules.internal;

import io.easnet.core.analysis.CapacityReport;
import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.analysis.CapacityReport.VSwitchCapacity;
import io.easnet.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * IP capacity per vSwitch from the run's {@link CapacityReport} ({@link RuleContext#capacity()}, computed once by
 * {@code CapacityAnalyzer}): demand of a service = max(instances, autoscaler max) + rolling-update surge
 * ({@code max_surge}, or 25 % of the peak, at least one), on the vSwitch its instances take addresses from.
 */
final class Capacity {
  private Capacity() {}

  /** One vSwitch's capacity and the services placed in it. */
  record Usage(VSwitchCapacity capacity, List<ResolvedService> services) {
    String serviceList() {
      List<String> parts = new ArrayList<>();
      for (Map.Entry<String, Long> e : capacity.demandByService().entrySet()) {
        parts.add(e.getKey() + " " + e.getValue());
      }
      return String.join(", ", parts);
    }
  }

  /**
   * The capacity of every known vSwitch the services use, by vSwitch id: the run's capacity report joined with the
   * services placed in each vSwitch, both read from the analysis.
   */
  static List<Usage> usages(RuleContext context) {
    CapacityReport report = context.capacity();
    List<Usage> out = new ArrayList<>();
    for (VSwitchCapacity c : report.vSwitches()) {
      List<ResolvedService> users = context.servicesInVSwitch(c.vSwitchId());
      if (!users.isEmpty()) {
        out.add(new Usage(c, users));
      }
    }
    out.sort(Comparator.comparing(u -> u.capacity().vSwitchId().value()));
    return List.copyOf(out);
  }
}
