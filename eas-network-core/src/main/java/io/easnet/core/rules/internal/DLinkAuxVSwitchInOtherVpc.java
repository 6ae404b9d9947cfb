package io.easnet.core.rules.internal;

import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** EASNET-026: an auxiliary vSwitch of a resource group's VPC direct connection lies in another VPC. */
final class DLinkAuxVSwitchInOtherVpc extends BaseRule {
  DLinkAuxVSwitchInOtherVpc() {
    super("EASNET-026", Severity.ERROR, "Auxiliary vSwitch in another VPC");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (ResourceGroup g : byId(context.inventory().resourceGroups(), ResourceGroup::id)) {
      if (g.dlink().isEmpty()) {
        continue;
      }
      DLink d = g.dlink().get();
      Optional<VSwitch> primary = context.inventory().vSwitch(d.vSwitchId());
      if (primary.isEmpty()) {
        continue;
      }
      for (int i = 0; i < d.auxVSwitchIds().size(); i++) {
        VSwitchId aux = d.auxVSwitchIds().get(i);
        Optional<VSwitch> v = context.inventory().vSwitch(aux);
        if (v.isEmpty() || v.get().vpcId().equals(primary.get().vpcId())) {
          continue;
        }
        out.add(atResource(context, g.id(), "dlink", "auxVSwitchIds", i)
            .message("resource group " + g.id() + ": auxiliary vSwitch " + aux + " is in VPC " + v.get().vpcId()
                + " but the primary vSwitch " + d.vSwitchId() + " is in " + primary.get().vpcId()
                + "; all vSwitches of a VPC direct connection must be in one VPC")
            .remediation("replace " + aux + " with a vSwitch of " + primary.get().vpcId())
            .addResourceIds(g.id().value(), aux.value())
            .build());
      }
    }
    return out;
  }
}
