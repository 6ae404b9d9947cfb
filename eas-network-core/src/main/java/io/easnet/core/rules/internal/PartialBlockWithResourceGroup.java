package io.easnet.core.rules.internal;

import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * EASNET-003: a partial service block in a resource group that has a VPC direct connection. Users expect the
 * missing keys to come from the resource group; EAS does not merge.
 */
final class PartialBlockWithResourceGroup extends BaseRule {
  PartialBlockWithResourceGroup() {
    super("EASNET-003", Severity.ERROR, "Partial service block expected to merge with the resource group");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (ResolvedService s : context.services()) {
      Optional<ServiceNetworking> n = s.spec().networking().filter(b -> !b.isEmpty() && !b.isComplete());
      Optional<ResourceGroup> group = s.spec().resourceGroupId().flatMap(context.inventory()::resourceGroup);
      Optional<DLink> dlink = group.flatMap(ResourceGroup::dlink);
      if (n.isEmpty() || dlink.isEmpty()) {
        continue;
      }
      out.add(atService(s, NETWORKING)
          .message("service " + s.name() + " sets a partial cloud.networking block (missing "
              + String.join(", ", n.get().missingKeys()) + ") while resource group " + group.get().id()
              + " has a VPC direct connection (vSwitch " + dlink.get().vSwitchId() + ", security group "
              + dlink.get().securityGroupId() + "); EAS does not take the missing keys from the resource group")
          .remediation("either remove cloud.networking so that the resource group's connection applies, or"
              + " complete the block with the values you want")
          .addResourceIds(group.get().id().value())
          .identity(String.join(",", n.get().missingKeys()))
          .build());
    }
    return out;
  }
}
