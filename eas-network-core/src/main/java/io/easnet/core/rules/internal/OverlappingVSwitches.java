package io.easnet.core.rules.internal;

import io.easnet.core.model.VSwitch;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * EASNET-042: two vSwitches of one VPC whose CIDR blocks overlap. The cloud never creates them; a stitched or stale
 * snapshot can hold them (a vSwitch deleted and its block reused), and the analysis could not tell which one holds
 * an address.
 */
final class OverlappingVSwitches extends BaseRule {
  OverlappingVSwitches() {
    super("EASNET-042", Severity.ERROR, "Overlapping vSwitches in one VPC");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    TreeSet<VpcId> vpcs = new TreeSet<>();
    context.inventory().vSwitches().forEach(v -> vpcs.add(v.vpcId()));
    context.inventory().vpcs().stream().map(Vpc::id).forEach(vpcs::add);
    for (VpcId vpc : vpcs) {
      List<VSwitch> sorted = new ArrayList<>(context.inventory().vSwitchesIn(vpc));
      sorted.sort(Comparator.comparing(VSwitch::cidrBlock).thenComparing(v -> v.id().value()));
      for (int i = 0; i < sorted.size(); i++) {
        VSwitch a = sorted.get(i);
        for (int j = i + 1; j < sorted.size() && sorted.get(j).cidrBlock().firstIpv4() <= a.cidrBlock().lastIpv4();
            j++) {
          VSwitch b = sorted.get(j);
          VSwitch first = a.id().value().compareTo(b.id().value()) <= 0 ? a : b;
          VSwitch second = first == a ? b : a;
          out.add(atResource(context, second.id(), "cidrBlock")
              .message("vSwitches " + first.id() + " (" + first.cidrBlock() + ") and " + second.id() + " ("
                  + second.cidrBlock() + ") of VPC " + vpc + " overlap; the cloud never creates overlapping"
                  + " vSwitches in one VPC")
              .remediation("re-read both vSwitches from the cloud (DescribeVSwitches): one of them is stale or"
                  + " edited")
              .addResourceIds(first.id().value(), second.id().value())
              .build());
        }
      }
    }
    return out;
  }
}
