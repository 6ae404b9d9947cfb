package io.easnet.core.rules.internal;

import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * EASNET-049: a service whose intents name its callers, all of them ECS instances calling it through its VPC
 * (direct connection), while its internet endpoint is left on ({@code networking.disable_internet_endpoint} not
 * {@code true}). The internet endpoint is on by default and answers anybody with the token; a service that only VPC
 * callers need should not have one (docs/semantics.md, "The inbound side of the service JSON"). A service that does
 * have internet callers suppresses the finding ({@code service:NAME}).
 */
final class InternetEndpointForVpcCallers extends BaseRule {
  InternetEndpointForVpcCallers() {
    super("EASNET-049", Severity.WARNING, "Internet endpoint on for a service called only from the VPC");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (ResolvedService s : context.services()) {
      List<String> callers = s.input().clients().stream().map(Object::toString).toList();
      if (callers.isEmpty() || s.network().filter(n -> n.hasVpc()).isEmpty()) {
        continue;
      }
      Optional<ServiceSpec.Invocation> inv = s.spec().invocation();
      if (inv.isPresent() && !inv.get().internetEndpointOn()) {
        continue;
      }
      boolean explicit = inv.flatMap(ServiceSpec.Invocation::disableInternetEndpoint).isPresent();
      out.add(atService(s, explicit ? "/networking/disable_internet_endpoint" : "/networking")
          .message("service " + s.name() + " is called from its VPC only (" + String.join(", ", callers)
              + ") but its internet endpoint is "
              + (explicit ? "on: networking.disable_internet_endpoint is false" : "left on (the default)")
              + ", so anybody on the internet who has the token can call it")
          .remediation("set \"networking\": {\"disable_internet_endpoint\": true} in the service JSON; if callers"
              + " on the internet do need the service, suppress this finding for service:" + s.name())
          .addAllResourceIds(callers)
          .identity("internet-endpoint")
          .build());
    }
    return out;
  }
}
