package io.easnet.core.rules.internal;

import io.easnet.core.model.Eip;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * EASNET-046: a SNAT entry translates to an address that is not an EIP of its NAT gateway. Judged only when the
 * snapshot knows every EIP of the gateway (each of its {@code eipIds} is in the snapshot), or when the address is an
 * EIP bound to another instance: a partial snapshot that lacks EIPs is not reported.
 */
final class SnatIpNotGatewayEip extends BaseRule {
  SnatIpNotGatewayEip() {
    super("EASNET-046", Severity.ERROR, "SNAT IP not an EIP of its NAT gateway");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (SnatEntry e : byId(context.inventory().snatEntries(), SnatEntry::id)) {
      Optional<NatGateway> nat = context.inventory().natGateway(e.natGatewayId());
      if (nat.isEmpty()) {
        continue;
      }
      List<Eip> listed = context.inventory().eipsOf(nat.get());
      boolean allKnown = listed.size() == nat.get().eipIds().size();
      TreeSet<IpAddress> own = new TreeSet<>();
      listed.forEach(x -> own.add(x.ipAddress()));
      for (Eip x : context.inventory().eips()) {
        if (x.instanceId().filter(i -> i.equals(nat.get().id().value())).isPresent()) {
          own.add(x.ipAddress());
        }
      }
      for (int i = 0; i < e.snatIps().size(); i++) {
        IpAddress ip = e.snatIps().get(i);
        if (own.contains(ip)) {
          continue;
        }
        Optional<Eip> elsewhere = context.inventory().eips().stream().filter(x -> x.ipAddress().equals(ip))
            .findFirst();
        if (!(allKnown && !own.isEmpty()) && elsewhere.isEmpty()) {
          continue;
        }
        String theirs = own.isEmpty() ? "it has none in the snapshot"
            : "its EIPs: " + own.stream().map(IpAddress::toString).collect(Collectors.joining(", "));
        out.add(atResource(context, e.id(), "snatIps", i)
            .message("SNAT entry " + e.id() + " translates to " + ip + ", which is not an EIP of NAT gateway "
                + nat.get().id() + " (" + theirs + ")"
                + elsewhere.map(x -> "; it is EIP " + x.id() + x.instanceId().map(b -> ", bound to " + b).orElse(""))
                    .orElse(""))
            .remediation("re-read the entry and the gateway's EIPs from the cloud (DescribeSnatTableEntries,"
                + " DescribeEipAddresses)")
            .addResourceIds(e.id().value(), nat.get().id().value())
            .identity(ip.toString())
            .build());
      }
    }
    return out;
  }
}
