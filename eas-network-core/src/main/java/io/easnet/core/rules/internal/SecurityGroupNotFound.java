package io.easnet.core.rules.internal;

import io.easnet.core.internal.Suggestions;
import io.easnet.core.model.SecurityGroupId;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.ResolvedService;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/** EASNET-007: the security group of the effective network is not in the inventory. */
final class SecurityGroupNotFound extends BaseRule {
  SecurityGroupNotFound() {
    super("EASNET-007", Severity.ERROR, "Security group not found in the inventory");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    if (context.inventory().securityGroups().isEmpty()) {
      return out;
    }
    List<String> known = context.inventory().securityGroups().stream().map(v -> v.id().value()).toList();
    for (ResolvedService s : context.services()) {
      if (s.network().isEmpty() || s.network().get().securityGroupId().isEmpty()) {
        continue;
      }
      SecurityGroupId id = s.network().get().securityGroupId().get();
      if (id.isPlaceholder() || context.inventory().securityGroup(id).isPresent()) {
        continue;
      }
      Finding.Builder f = atNetworkValue(context, s, "security_group_id", "securityGroupId")
          .message("service " + s.name() + ": security group " + id + " is not in the inventory")
          .remediation("use the id of an existing security group of the service's VPC, or refresh the snapshot")
          .addResourceIds(id.value());
      Suggestions.nearestId(id.value(), known).ifPresent(f::didYouMean);
      out.add(f.build());
    }
    return out;
  }
}
