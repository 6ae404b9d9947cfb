package io.easnet.core.rules.internal;

import io.easnet.core.rules.Finding;
import io.easnet.core.rules.ResolvedService;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * EASNET-019: a service that needs internet egress lacks part of the path, as the analysis {@code PathAnalyzer}
 * sees it for TCP 443: an available internet NAT gateway with an EIP, a SNAT entry covering each of its vSwitches,
 * a {@code 0.0.0.0/0} route to the gateway, egress allowed by the EAS security group. All blockers are listed in
 * one finding.
 */
final class InternetIntentWithoutEgress extends BaseRule {
  InternetIntentWithoutEgress() {
    super("EASNET-019", Severity.ERROR, "Internet egress needed but the NAT path is incomplete");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (ResolvedService s : context.services()) {
      if (!s.input().wantsInternetEgress() || s.network().isEmpty() || !s.network().get().hasVpc()) {
        continue;
      }
      List<String> missing = InternetPath.missing(s.network().get(), context.inventory());
      if (missing.isEmpty()) {
        continue;
      }
      out.add(atNetworkValue(context, s, "vswitch_id", "vSwitchId")
          .message("service " + s.name() + " needs internet egress, but: " + String.join("; ", missing))
          .remediation(String.join("; ", InternetPath.fixes(s.network().get(), context.inventory())))
          .addAllResourceIds(s.network().get().vpcId().map(v -> List.of(v.value())).orElse(List.of()))
          .build());
    }
    return out;
  }
}
