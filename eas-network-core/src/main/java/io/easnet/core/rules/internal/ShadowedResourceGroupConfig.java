package io.easnet.core.rules.internal;

import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.resolve.EffectiveNetwork;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;

/** EASNET-004: the service block shadows the resource group's VPC direct connection. */
final class ShadowedResourceGroupConfig extends BaseRule {
  ShadowedResourceGroupConfig() {
    super("EASNET-004", Severity.INFO, "Service networking shadows the resource group's VPC connection");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (ResolvedService s : context.services()) {
      if (s.network().isEmpty() || s.network().get().shadowedResourceGroupConfig().isEmpty()) {
        continue;
      }
      EffectiveNetwork n = s.network().get();
      DLink d = n.shadowedResourceGroupConfig().get();
      String group = n.resourceGroupId().map(Object::toString).orElse("the resource group");
      out.add(atService(s, NETWORKING)
          .message("service " + s.name() + " uses its own cloud.networking (vSwitch "
              + n.vSwitchId().map(Object::toString).orElse("?") + ", security group "
              + n.securityGroupId().map(Object::toString).orElse("?") + "); the VPC direct connection of " + group
              + " (vSwitch " + d.vSwitchId() + ", security group " + d.securityGroupId()
              + ") is not used by this service")
          .remediation("nothing to do if this is intended; otherwise remove cloud.networking to use the resource"
              + " group's connection")
          .addResourceIds(group)
          .build());
    }
    return out;
  }
}
