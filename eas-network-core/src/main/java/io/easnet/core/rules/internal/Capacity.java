package io.easnet.core.rules.internal;

import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.VSwitchId;
import io.easnet.core.rules.ResolvedService;
import io.easnet.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * IP demand per vSwitch: every service whose primary vSwitch it is needs max(instances, autoscaler max) plus its
 * rolling-update surge ({@code max_surge}; 25 % of the peak, at least one, when not set, as the analysis'
 * {@code CapacityPlanner} assumes) addresses, one per ENI.
 */
final class Capacity {
  /** Surge assumed when a service declares no {@code max_surge}: 25 % of the peak, at least one. */
  static final int DEFAULT_SURGE_PERCENT = 25;

  private Capacity() {}

  /** Demand of one service at scale. */
  static int demand(ServiceSpec spec) {
    int peak = spec.peakInstances();
    int surge = spec.rollingStrategy().flatMap(r -> r.surgeFor(peak)).orElse(Math.max(1, (peak * DEFAULT_SURGE_PERCENT + 99) / 100));
    return peak + surge;
  }

  /** One vSwitch with the services placed in it. */
  record Usage(VSwitch vSwitch, List<ResolvedService> services, long demand) {
    long free() {
      return vSwitch.availableIpAddressCount();
    }

    long inUse() {
      return Math.max(0, vSwitch.usableIpCount() - vSwitch.availableIpAddressCount());
    }

    /** Used after deployment at scale, in percent of the usable addresses. */
    double utilisationPercent() {
      long usable = vSwitch.usableIpCount();
      return usable == 0 ? 100.0 : 100.0 * (inUse() + demand) / usable;
    }

    String serviceList() {
      List<String> parts = new ArrayList<>();
      for (ResolvedService s : services) {
        parts.add(s.name() + " " + Capacity.demand(s.spec()));
      }
      return String.join(", ", parts);
    }
  }

  /** The usage of every known primary vSwitch, by vSwitch id. */
  static List<Usage> usages(RuleContext context) {
    Map<String, List<ResolvedService>> byVSwitch = new TreeMap<>();
    for (ResolvedService s : context.services()) {
      Optional<VSwitchId> id = s.network().flatMap(n -> n.primaryVSwitchId());
      id.ifPresent(v -> byVSwitch.computeIfAbsent(v.value(), k -> new ArrayList<>()).add(s));
    }
    List<Usage> out = new ArrayList<>();
    for (Map.Entry<String, List<ResolvedService>> e : byVSwitch.entrySet()) {
      Optional<VSwitch> vsw = context.inventory().vSwitch(VSwitchId.of(e.getKey()));
      if (vsw.isEmpty()) {
        continue;
      }
      long demand = e.getValue().stream().mapToLong(s -> demand(s.spec())).sum();
      out.add(new Usage(vsw.get(), List.copyOf(e.getValue()), demand));
    }
    return out;
  }
}
