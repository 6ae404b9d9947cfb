package io.easnet.core.rules.internal;

import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.VpcId;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.ResolvedService;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** EASNET-009: the security group belongs to another VPC than the configured one. */
final class SecurityGroupOutsideVpc extends BaseRule {
  SecurityGroupOutsideVpc() {
    super("EASNET-009", Severity.ERROR, "Security group not in the configured VPC");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (ResolvedService s : context.services()) {
      if (s.network().isEmpty() || s.network().get().vpcId().isEmpty()
          || s.network().get().securityGroupId().isEmpty()) {
        continue;
      }
      VpcId vpc = s.network().get().vpcId().get();
      Optional<SecurityGroup> g = context.inventory().securityGroup(s.network().get().securityGroupId().get());
      if (g.isEmpty() || g.get().vpcId().equals(vpc)) {
        continue;
      }
      List<String> inVpc = context.inventory().securityGroups().stream().filter(x -> x.vpcId().equals(vpc))
          .map(x -> x.id().value()).sorted().toList();
      Finding.Builder f = atNetworkValue(context, s, "security_group_id", "securityGroupId")
          .message("service " + s.name() + ": security group " + g.get().id() + " is in VPC " + g.get().vpcId()
              + ", not in the configured VPC " + vpc + "; EAS cannot attach it to the instances' network interfaces")
          .remediation(inVpc.isEmpty() ? "create a security group in " + vpc
              : "use a security group of " + vpc + " (" + String.join(", ", inVpc) + ")")
          .addResourceIds(g.get().id().value(), vpc.value());
      if (inVpc.size() == 1) {
        f.didYouMean(inVpc.get(0));
      }
      out.add(f.build());
    }
    return out;
  }
}
