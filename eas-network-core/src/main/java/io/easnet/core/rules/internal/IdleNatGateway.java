package io.easnet.core.rules.internal;

import io.easnet.core.analysis.Intent;
import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.NatGateway.NatNetworkType;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * EASNET-020: an internet NAT gateway with EIPs in a VPC whose analysed services declare no need for internet
 * egress, and that the estate shows no sign of use of: both are billed while idle. Only VPCs with analysed services
 * are considered. A gateway is in use, and never reported, when it has any SNAT entry (for any vSwitch or CIDR: the
 * ECS instances and services behind it send through it) or a route entry points at it (docs/rules/EASNET-020.md):
 * a rule that calls a resource idle must never advise releasing one that carries traffic.
 */
final class IdleNatGateway extends BaseRule {
  IdleNatGateway() {
    super("EASNET-020", Severity.INFO, "NAT gateway and EIP with no service that needs internet");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (NatGateway n : byId(context.inventory().natGateways(), NatGateway::id)) {
      if (n.networkType() != NatNetworkType.INTERNET || n.eipIds().isEmpty()) {
        continue;
      }
      List<ResolvedService> inVpc = context.servicesInVpc(n.vpcId());
      if (inVpc.isEmpty() || inVpc.stream().anyMatch(s -> s.input().intents().stream()
          .anyMatch(i -> i instanceof Intent.Internet))) {
        continue;
      }
      if (inUse(context, n)) {
        continue;
      }
      List<String> eips = n.eipIds().stream().map(Object::toString).sorted().toList();
      out.add(atResource(context, n.id())
          .message("NAT gateway " + n.id() + " in " + n.vpcId() + " has EIP " + String.join(", ", eips)
              + " but none of the services analysed in this VPC ("
              + String.join(", ", inVpc.stream().map(ResolvedService::name).toList())
              + ") needs internet egress, and it has no SNAT entry and no route entry points at it; the gateway and"
              + " the EIPs are billed while idle")
          .remediation("if no workload outside this estate sends through it, release the NAT gateway and its EIPs,"
              + " or create them only while a deployment needs downloads")
          .addResourceIds(n.id().value())
          .build());
    }
    return out;
  }

  /** True when the estate shows a sign that {@code n} carries traffic: an SNAT entry, or a route entry to it. */
  private static boolean inUse(RuleContext context, NatGateway n) {
    if (!context.inventory().snatEntriesOf(n.id()).isEmpty()) {
      return true;
    }
    return context.inventory().routeTables().stream().flatMap(t -> t.entries().stream())
        .anyMatch(e -> e.nextHopId().equals(n.id().value()));
  }
}
