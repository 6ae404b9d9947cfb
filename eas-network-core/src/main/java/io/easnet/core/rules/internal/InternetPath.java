package io.easnet.core.rules.internal;

import io.easnet.core.model.Cidr;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.NatNetworkType;
import io.easnet.core.model.RouteEntry;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.SnatEntry;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.VSwitchId;
import io.easnet.core.model.VpcId;
import io.easnet.core.resolve.EffectiveNetwork;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What is missing for internet egress from the vSwitches of an effective network: an available internet NAT
 * gateway in the VPC with an EIP, a SNAT entry covering the vSwitch (by vSwitch id or by a CIDR that holds it; the
 * longest prefix wins) and a {@code 0.0.0.0/0} route to that gateway. Every missing part is listed, not only the
 * first.
 */
final class InternetPath {
  private InternetPath() {}

  /** The missing parts, as sentences; empty when every vSwitch has a complete path. */
  static List<String> missing(EffectiveNetwork network, Inventory inventory) {
    List<String> out = new ArrayList<>();
    Optional<VpcId> vpc = network.vpcId();
    if (vpc.isEmpty()) {
      out.add("the service has no VPC, so it has no internet egress");
      return out;
    }
    List<NatGateway> nats = inventory.natGatewaysIn(vpc.get()).stream()
        .filter(n -> n.networkType() == NatNetworkType.INTERNET)
        .sorted(Comparator.comparing(n -> n.id().value()))
        .toList();
    if (nats.isEmpty()) {
      out.add("VPC " + vpc.get() + " has no internet NAT gateway");
      return out;
    }
    for (NatGateway n : nats) {
      if (!n.isAvailable()) {
        out.add("NAT gateway " + n.id() + " is " + n.status() + ", not Available");
      }
      if (n.eipIds().isEmpty()) {
        out.add("NAT gateway " + n.id() + " has no EIP bound");
      }
    }
    for (VSwitchId id : network.vSwitchIds()) {
      Optional<VSwitch> vsw = inventory.vSwitch(id);
      if (vsw.isEmpty()) {
        out.add("vSwitch " + id + " is not in the inventory, so its SNAT entry and route cannot be checked");
        continue;
      }
      Optional<SnatEntry> snat = snatFor(vsw.get(), nats, inventory);
      if (snat.isEmpty()) {
        out.add("no SNAT entry covers vSwitch " + id + " (" + vsw.get().cidrBlock() + ")");
      } else if (!snat.get().isAvailable()) {
        out.add("SNAT entry " + snat.get().id() + " for vSwitch " + id + " is " + snat.get().status());
      }
      Optional<RouteTable> table = inventory.routeTableFor(vsw.get());
      if (table.isEmpty()) {
        out.add("the route table of vSwitch " + id + " is not in the inventory");
        continue;
      }
      Optional<RouteEntry> route = table.get().longestMatch(Cidr.ANY_IPV4);
      NatGateway target = snat.flatMap(s -> nats.stream().filter(n -> n.id().equals(s.natGatewayId())).findFirst())
          .orElse(nats.get(0));
      if (route.isEmpty() || !route.get().pointsTo(target.id())) {
        out.add("route table " + table.get().id() + " of vSwitch " + id + " does not send 0.0.0.0/0 to "
            + target.id() + route.map(r -> " (it goes to " + r.nextHopType() + " " + r.nextHopId() + ")").orElse(""));
      }
    }
    return out;
  }

  /** The SNAT entry that applies to a vSwitch: its own entry, else the longest CIDR entry containing it. */
  static Optional<SnatEntry> snatFor(VSwitch vsw, List<NatGateway> nats, Inventory inventory) {
    SnatEntry best = null;
    for (NatGateway n : nats) {
      for (SnatEntry e : inventory.snatEntriesOf(n.id())) {
        if (e.sourceVSwitchId().map(v -> v.equals(vsw.id())).orElse(false)) {
          return Optional.of(e);
        }
        if (e.sourceVSwitchId().isEmpty() && e.sourceCidr().isPresent()
            && e.sourceCidr().get().contains(vsw.cidrBlock())
            && (best == null || e.sourceCidr().get().prefixLength() > best.sourceCidr().get().prefixLength())) {
          best = e;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** True when the service's network has a complete internet path. */
  static boolean complete(EffectiveNetwork network, Inventory inventory) {
    return network.hasVpc() && missing(network, inventory).isEmpty();
  }
}
