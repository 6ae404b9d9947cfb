package io.easnet.core.rules.internal;

import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.VSwitch;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * EASNET-045: a SNAT entry names both a source vSwitch and a source CIDR that is not that vSwitch's block. The cloud
 * reports the vSwitch's own CIDR next to its id, so one of the two values is wrong, and the entry's coverage is
 * unknown.
 */
final class SnatSourceMismatch extends BaseRule {
  SnatSourceMismatch() {
    super("EASNET-045", Severity.ERROR, "SNAT entry's vSwitch and CIDR disagree");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (SnatEntry e : byId(context.inventory().snatEntries(), SnatEntry::id)) {
      if (e.sourceVSwitchId().isEmpty() || e.sourceCidr().isEmpty()) {
        continue;
      }
      Optional<VSwitch> v = context.inventory().vSwitch(e.sourceVSwitchId().get());
      if (v.isEmpty() || v.get().cidrBlock().equals(e.sourceCidr().get())) {
        continue;
      }
      out.add(atResource(context, e.id(), "sourceCidr")
          .message("SNAT entry " + e.id() + " names vSwitch " + v.get().id() + " (" + v.get().cidrBlock()
              + ") and source CIDR " + e.sourceCidr().get() + "; the cloud reports the vSwitch's own CIDR next to"
              + " its id, so one of them is wrong")
          .remediation("re-read the entry from the cloud (DescribeSnatTableEntries), or keep only sourceVSwitchId or"
              + " only sourceCidr")
          .addResourceIds(e.id().value(), v.get().id().value())
          .build());
    }
    return out;
  }
}
