package io.easnet.core.rules.internal;

import io.easnet.core.analysis.Intent;
import io.easnet.core.analysis.ResolvedService;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.NatNetworkType;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * EASNET-020: an internet NAT gateway with EIPs in a VPC whose analysed services declare no need for internet
 * egress: both are billed while idle. Only VPCs with analysed services are considered.
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
      List<String> eips = n.eipIds().stream().map(Object::toString).sorted().toList();
      out.add(atResource(context, n.id())
          .message("NAT gateway " + n.id() + " in " + n.vpcId() + " has EIP " + String.join(", ", eips)
              + " but none of the services analysed in this VPC ("
              + String.join(", ", inVpc.stream().map(ResolvedService::name).toList())
              + ") needs internet egress; the gateway and the EIPs are billed while idle")
          .remediation("release the NAT gateway and its EIPs if no other workload uses them, or create them"
              + " only while a deployment needs downloads")
          .addResourceIds(n.id().value())
          .build());
    }
    return out;
  }
}
