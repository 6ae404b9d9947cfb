package io.easnet.core.rules.internal;

import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;

/** EASNET-001: a {@code cloud.networking} block that sets some of its three keys but not all. */
final class PartialNetworkingBlock extends BaseRule {
  PartialNetworkingBlock() {
    super("EASNET-001", Severity.ERROR, "Incomplete cloud.networking block");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (ResolvedService s : context.services()) {
      if (s.spec().networking().isEmpty()) {
        continue;
      }
      ServiceNetworking n = s.spec().networking().get();
      if (n.isEmpty() || n.isComplete()) {
        continue;
      }
      List<String> present = new ArrayList<>(ServiceNetworking.KEYS);
      present.removeAll(n.missingKeys());
      List<String> ids = new ArrayList<>();
      n.vpcId().ifPresent(v -> ids.add(v.value()));
      n.vSwitchId().ifPresent(v -> ids.add(v.value()));
      n.securityGroupId().ifPresent(v -> ids.add(v.value()));
      out.add(atService(s, NETWORKING)
          .message("service " + s.name() + " sets " + String.join(", ", present) + " in cloud.networking but not "
              + String.join(", ", n.missingKeys()) + "; EAS needs all of vpc_id, vswitch_id and"
              + " security_group_id and never fills the gap from the resource group")
          .remediation("add " + String.join(" and ", n.missingKeys()) + " to cloud.networking, or remove the"
              + " block to use the resource group's VPC direct connection")
          .addAllResourceIds(ids)
          .identity(String.join(",", n.missingKeys()))
          .build());
    }
    return out;
  }
}
