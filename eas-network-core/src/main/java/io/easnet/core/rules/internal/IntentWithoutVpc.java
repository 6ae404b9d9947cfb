package io.easnet.core.rules.internal;

import io.easnet.core.resolve.Provenance;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.ResolvedService;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/** EASNET-031: a service must reach private targets or the internet but has no VPC configuration at all. */
final class IntentWithoutVpc extends BaseRule {
  IntentWithoutVpc() {
    super("EASNET-031", Severity.ERROR, "Service needs network access but has no VPC");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (ResolvedService s : context.services()) {
      if (s.network().isEmpty() || s.network().get().provenance() != Provenance.NONE) {
        continue;
      }
      List<String> needs = new ArrayList<>();
      if (s.input().wantsInternetEgress()) {
        needs.add("internet egress");
      }
      s.input().privateTargets().stream().sorted().forEach(t -> needs.add(t));
      if (needs.isEmpty()) {
        continue;
      }
      out.add(atService(s, "/cloud")
          .message("service " + s.name() + " must reach " + String.join(", ", needs) + " but neither its"
              + " cloud.networking nor its resource group configures a VPC")
          .remediation("add cloud.networking with vpc_id, vswitch_id and security_group_id, or enable the"
              + " resource group's VPC direct connection")
          .identity(String.join(",", needs))
          .build());
    }
    return out;
  }
}
