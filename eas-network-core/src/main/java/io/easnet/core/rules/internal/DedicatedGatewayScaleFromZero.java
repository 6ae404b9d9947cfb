package io.easnet.core.rules.internal;

import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.model.ServiceSpec.Autoscaler;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * EASNET-050: a service reached through a dedicated gateway ({@code networking.gateway}) whose autoscaler is
 * expected to scale from zero ({@code autoscaler.min} 0). EAS documents that a service on a dedicated gateway cannot
 * scale from zero and that its minimum must be one or more ("Use a dedicated gateway",
 * https://www.alibabacloud.com/help/en/pai/user-guide/dedicated-service-gateway ; docs/semantics.md).
 */
final class DedicatedGatewayScaleFromZero extends BaseRule {
  DedicatedGatewayScaleFromZero() {
    super("EASNET-050", Severity.ERROR, "Dedicated gateway with autoscaling from zero");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (ResolvedService s : context.services()) {
      Optional<String> gateway = s.spec().invocation().flatMap(ServiceSpec.Invocation::gateway);
      Optional<Autoscaler> a = s.spec().autoscaler();
      if (gateway.isEmpty() || a.isEmpty() || a.get().min() != 0) {
        continue;
      }
      out.add(atService(s, "/autoscaler/min")
          .message("service " + s.name() + " is reached through dedicated gateway " + gateway.get()
              + " and its autoscaler starts at min 0 (max " + a.get().max() + "), but a service on a dedicated"
              + " gateway cannot scale from zero: once it is at zero instances, requests do not bring it back")
          .remediation("set autoscaler.min to 1 or more, or serve the service through the shared gateway (remove"
              + " networking.gateway) if it must scale to zero")
          .addResourceIds(gateway.get())
          .identity("scale-from-zero")
          .build());
    }
    return out;
  }
}
