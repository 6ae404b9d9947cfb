package io.easnet.core.rules.internal;

import io.easnet.core.model.VpcId;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.ResolvedService;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * EASNET-028: a private target sits in another VPC than the service. Without VPC peering or CEN (which the
 * inventory does not show) the service cannot reach it.
 */
final class PrivateTargetInOtherVpc extends BaseRule {
  PrivateTargetInOtherVpc() {
    super("EASNET-028", Severity.ERROR, "Private target in another VPC");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (ResolvedService s : context.services()) {
      Optional<VpcId> vpc = s.network().flatMap(n -> n.vpcId());
      if (vpc.isEmpty()) {
        continue;
      }
      for (String id : s.input().privateTargets().stream().sorted().distinct().toList()) {
        Optional<Target> t = Target.find(context.inventory(), id);
        if (t.isEmpty() || t.get().vpcId().isEmpty() || t.get().vpcId().equals(vpc)) {
          continue;
        }
        out.add(atNetworkValue(context, s, "vpc_id", "vpcId")
            .message("service " + s.name() + " is in VPC " + vpc.get() + " but " + t.get().kind() + " " + id
                + " is in VPC " + t.get().vpcId().get() + "; private traffic does not cross VPCs without a peering"
                + " connection or CEN, which this analysis assumes absent")
            .remediation("configure the service with a vSwitch and security group of " + t.get().vpcId().get()
                + ", or connect the VPCs with a peering connection or CEN")
            .addResourceIds(id, vpc.get().value())
            .build());
      }
    }
    return out;
  }
}
