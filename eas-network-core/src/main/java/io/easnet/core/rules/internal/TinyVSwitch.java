package io.easnet.core.rules.internal;

import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.analysis.CapacityReport.VSwitchCapacity;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** EASNET-025: an EAS vSwitch with mask /28 or /29: 12 or 4 usable addresses, too few for scale-out. */
final class TinyVSwitch extends BaseRule {
  TinyVSwitch() {
    super("EASNET-025", Severity.WARNING, "EAS vSwitch too small to grow");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    TreeSet<String> seen = new TreeSet<>();
    for (ResolvedService s : context.services()) {
      for (VSwitchId id : s.network().flatMap(n -> n.vSwitchId()).stream().toList()) {
        Optional<VSwitch> v = context.inventory().vSwitch(id);
        if (v.isEmpty() || v.get().cidrBlock().prefixLength() < VSwitchCapacity.TOO_SMALL_PREFIX
            || !seen.add(id.value())) {
          continue;
        }
        out.add(atResource(context, id, "cidrBlock")
            .message("vSwitch " + id + " of service " + s.name() + " is a /" + v.get().cidrBlock().prefixLength()
                + " (" + v.get().cidrBlock() + "): only " + v.get().usableIpCount() + " usable addresses after the"
                + " 4 the cloud reserves")
            .remediation(context.capacity().vSwitch(id).flatMap(VSwitchCapacity::proposedCidr)
                .map(p -> "create a vSwitch on the free block " + p + " in " + v.get().vpcId()
                    + " and move the service to it; a vSwitch's CIDR cannot be changed")
                .orElse("use a vSwitch of /" + VSwitchCapacity.RECOMMENDED_PREFIX + " or larger for EAS; a"
                    + " vSwitch's CIDR cannot be changed, so create a new one"))
            .addResourceIds(id.value())
            .build());
      }
    }
    return out;
  }
}
