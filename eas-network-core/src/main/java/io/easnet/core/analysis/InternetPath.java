package io.easnet.core.analysis;

import io.easnet.core.analysis.Explanation.Missing;
import io.easnet.core.analysis.Explanation.Component;
import io.easnet.core.analysis.Target.InternetTarget;
import io.easnet.core.analysis.PathResult.VSwitchPath;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import io.easnet.core.analysis.SecurityGroupVerdict.SecurityGroupDecision;
import io.easnet.core.analysis.SecurityGroupVerdict.DecidingRule;
import io.easnet.core.analysis.Assumption.AssumptionKey;
import io.easnet.core.change.AddRouteEntry;
import io.easnet.core.change.BindEip;
import io.easnet.core.change.Change;
import io.easnet.core.change.CreateNatGateway;
import io.easnet.core.change.CreateSnatEntry;
import io.easnet.core.analysis.internal.IntervalSet;
import io.easnet.core.analysis.internal.Memo;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.SecurityGroupRule.Direction;
import io.easnet.core.model.Eip;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.NatGateway.NatNetworkType;
import io.easnet.core.model.RouteTable.RouteEntry;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.ResourceId.SnatTableId;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.resolve.EffectiveNetwork;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** EAS instances to the internet: the checks behind {@link PathAnalyzer#internet}. */
final class InternetPath {
  private final InventoryIndex index;
  private final Inventory inventory;
  private final EasSide side;

  /** The EAS group's egress hop, per group and target. */
  private record EgressKey(Optional<SecurityGroupId> group, InternetTarget target) {}

  /** The gateway hops, per VPC, vSwitch and target. */
  private record GatewayKey(Optional<VpcId> vpc, VSwitchId vSwitchId, InternetTarget target) {}

  private final Memo<EgressKey, PathRecorder.Segment> egressHops = Memo.create();
  private final Memo<GatewayKey, PathRecorder.Segment> gatewayHops = Memo.create();

  InternetPath(InventoryIndex index, EasSide side) {
    this.index = index;
    this.inventory = index.inventory();
    this.side = side;
  }

  PathResult analyse(EffectiveNetwork service, InternetTarget target) {
    Intent intent = Intent.internet(target);
    String description = "EAS " + service.serviceName() + " → " + target;
    Optional<PathResult> none = side.withoutNetwork(intent, description, service);
    if (none.isPresent()) {
      return none.get();
    }
    List<VSwitchPath> paths = new ArrayList<>();
    service.vSwitchId().ifPresent(id -> paths.add(path(service, id, target)));
    return PathRecorder.result(intent, description, service, paths);
  }

  private VSwitchPath path(EffectiveNetwork service, VSwitchId id, InternetTarget target) {
    Optional<VpcId> vpc = side.vpcOf(service);
    Cidr dest = target.destinationBlock();
    PathRecorder rec = new PathRecorder(id);
    Optional<VSwitch> vsw = side.vSwitch(rec, service, id);
    Optional<SecurityGroupId> easSg = side.group(rec, service);
    side.returnRoute(rec, service, vsw, dest, Component.externalTarget(target.toString()), target.toString(), false,
        Optional.empty());
    rec.replay(egressHops.get(new EgressKey(easSg, target), k -> egressHop(k.group(), k.target())));
    rec.replay(gatewayHops.get(new GatewayKey(vpc, id, target), k -> gatewayHops(k.vpc(), k.vSwitchId(),
        k.target())));
    return rec.build();
  }

  /** The EAS group's egress hop to an internet target: the same for every service in the group. */
  private PathRecorder.Segment egressHop(Optional<SecurityGroupId> easSg, InternetTarget target) {
    PathRecorder rec = new PathRecorder(null);
    String egressLabel = "security group " + easSg.map(Object::toString).orElse("(none)") + " (egress)";
    if (easSg.isPresent()) {
      Cidr dest = target.destinationBlock();
      SecurityGroupVerdict v = egressToInternet(easSg.get(), target);
      String to = target.specific() ? dest.toString() : "every public IPv4 address";
      SecurityGroupHop.Flow flow = new SecurityGroupHop.Flow(Direction.EGRESS, target.protocol(), target.port(),
          dest, List.of());
      SecurityGroupHop.record(rec, egressLabel, Component.of(Component.Kind.SECURITY_GROUP, easSg.get()), v,
          ExplanationCode.SG_EGRESS_DENIES, "outbound " + flow.text() + " to " + to, flow, easSg, Optional.empty());
    } else {
      rec.skipped(egressLabel, "security group", "no security group");
    }
    return rec.segment();
  }

  /**
   * The hops after the EAS group, from the vSwitch's VPC, the vSwitch and the target alone: the NAT gateway, the SNAT
   * entry, the route and the external allowlist. Every service in the vSwitch shares them.
   */
  private PathRecorder.Segment gatewayHops(Optional<VpcId> vpc, VSwitchId id, InternetTarget target) {
    PathRecorder rec = new PathRecorder(id);
    Cidr dest = target.destinationBlock();
    Optional<VSwitch> vsw = inventory.vSwitch(id);
    Optional<RouteTable> table = vsw.flatMap(inventory::routeTableFor);
    Optional<RouteEntry> route = table.flatMap(rt -> routeFor(rt, dest));
    NatGateway nat = vpc.map(v -> chooseNat(v, route, id, vsw)).orElse(null);
    Change.Gateway gateway = nat != null ? existing(nat) : vpc.map(Change.Gateway::newIn).orElse(null);
    checkNat(rec, vpc, nat, id, gateway);
    SnatEntry entry = checkSnat(rec, nat, id, vsw, gateway);
    checkRoute(rec, vsw, table, route, nat, dest, gateway);
    target.allowlist().ifPresent(a -> checkExternalAllowlist(rec, a, nat, entry, id, vsw));
    rec.pass("internet target", target.destinationText().orElse("internet"), null);
    return rec.segment();
  }

  private Change.Gateway existing(NatGateway nat) {
    Set<SnatTableId> tables = new LinkedHashSet<>(nat.snatTableIds());
    inventory.snatEntriesOf(nat.id()).forEach(e -> tables.add(e.snatTableId()));
    return Change.Gateway.existing(nat.id(), List.copyOf(tables));
  }

  /**
   * The EAS group's egress verdict for an internet target. For one destination, that address. For any destination,
   * every public IPv4 block ({@link PublicIpv4}): the first denying verdict, else the first undetermined one, else
   * the verdict of the first block. Private ranges are not the internet, so dropping them cuts nothing.
   */
  private SecurityGroupVerdict egressToInternet(SecurityGroupId group, InternetTarget target) {
    SecurityGroupEvaluator evaluator = index.evaluator();
    if (target.specific()) {
      return evaluator.evaluate(List.of(group), Direction.EGRESS, target.protocol(), target.destinationBlock(),
          List.of(), target.port());
    }
    SecurityGroupVerdict first = null;
    SecurityGroupVerdict undetermined = null;
    for (Cidr block : PublicIpv4.BLOCKS) {
      SecurityGroupVerdict v = evaluator.evaluateOnce(List.of(group), Direction.EGRESS, target.protocol(), block,
          List.of(), target.port());
      if (v.decision() == SecurityGroupDecision.DENY) {
        return v;
      }
      if (v.decision() == SecurityGroupDecision.UNDETERMINED && undetermined == null) {
        undetermined = v;
      }
      if (first == null) {
        first = v;
      }
    }
    return undetermined != null ? undetermined : first;
  }

  /**
   * The route the destination takes: the longest entry containing it; or, for a block no entry contains (any
   * destination is {@code 0.0.0.0/0}), the entries to one NAT gateway that together cover it, as when the default
   * route is written as {@code 0.0.0.0/1} plus {@code 128.0.0.0/1} (the first of them is returned).
   */
  private static Optional<RouteEntry> routeFor(RouteTable rt, Cidr dest) {
    Optional<RouteEntry> longest = rt.longestMatch(dest);
    if (longest.isPresent() || dest.isSingleAddress()) {
      return longest;
    }
    Map<String, List<RouteEntry>> byNat = new LinkedHashMap<>();
    for (RouteEntry e : rt.entries()) {
      if (RouteEntry.NAT_GATEWAY.equalsIgnoreCase(e.nextHopType()) && dest.contains(e.destination())) {
        byNat.computeIfAbsent(e.nextHopId(), k -> new ArrayList<>()).add(e);
      }
    }
    for (List<RouteEntry> entries : byNat.values()) {
      IntervalSet rest = IntervalSet.of(dest);
      entries.forEach(e -> rest.subtract(e.destination()));
      if (rest.isEmpty()) {
        return Optional.of(entries.get(0));
      }
    }
    return Optional.empty();
  }

  /**
   * The gateway analysed: the one the route points to, else the first internet gateway with a SNAT entry for the
   * vSwitch, else the first internet gateway of the VPC; null when the VPC has no internet gateway.
   */
  private NatGateway chooseNat(VpcId vpc, Optional<RouteEntry> route, VSwitchId id, Optional<VSwitch> vsw) {
    List<NatGateway> internet = inventory.natGatewaysIn(vpc).stream()
        .filter(n -> n.networkType() == NatNetworkType.INTERNET).toList();
    if (internet.isEmpty()) {
      return null;
    }
    if (route.isPresent()) {
      for (NatGateway n : internet) {
        if (route.get().pointsTo(n.id())) {
          return n;
        }
      }
    }
    for (NatGateway n : internet) {
      if (snatFor(n, id, vsw).covering != null) {
        return n;
      }
    }
    return internet.get(0);
  }

  /** Binds an unbound EIP of the account to {@code gateway}, or else a new one. */
  private BindEip bindEip(Change.Gateway gateway) {
    return index.unboundEip().map(e -> BindEip.existing(gateway, e.id(), e.ipAddress()))
        .orElseGet(() -> BindEip.allocating(gateway));
  }

  private void checkNat(PathRecorder rec, Optional<VpcId> vpc, NatGateway nat, VSwitchId id, Change.Gateway gateway) {
    Component noEipOn = nat != null ? Component.of(Component.Kind.NAT_GATEWAY, nat.id())
        : vpc.map(v -> Component.of(Component.Kind.VPC, v)).orElse(null);
    Explanation noEip = noEipOn == null ? null : Explanation.builder().code(ExplanationCode.NAT_NO_EIP)
        .component(noEipOn)
        .expected("at least one EIP bound to " + (gateway == null ? "the NAT gateway" : gateway.describe()))
        .actual((nat == null ? "there is no internet NAT gateway" : nat.id() + " has no EIP bound"))
        .missing(new Missing.ResourceAbsent(Component.Kind.EIP))
        .remedy(bindEip(gateway)).build();
    if (nat == null) {
      List<NatGateway> all = vpc.map(inventory::natGatewaysIn).orElse(List.of());
      String vpcText = vpc.map(Object::toString).orElse("the VPC");
      Explanation.Builder e = Explanation.builder().expected("an internet NAT gateway in " + vpcText)
          .missing(new Missing.ResourceAbsent(Component.Kind.NAT_GATEWAY));
      vpc.ifPresentOrElse(v -> e.remedy(new CreateNatGateway(v, id)),
          () -> e.advice("create an internet NAT gateway in the service's VPC and bind an EIP to it"));
      if (all.isEmpty()) {
        e.code(ExplanationCode.NAT_MISSING).actual(vpcText + " has no NAT gateway")
            .component(vpc.map(v -> Component.of(Component.Kind.VPC, v))
                .orElse(Component.of(Component.Kind.VSWITCH, id)));
      } else {
        e.code(ExplanationCode.NAT_NOT_INTERNET).component(Component.of(Component.Kind.NAT_GATEWAY, all.get(0).id()))
            .actual("the NAT gateways of " + vpcText + " (" + PrivatePath.joined(all.stream().map(NatGateway::id)
                .toList()) + ") are VPC NAT gateways, which give no internet egress");
      }
      rec.block("NAT gateway", "NAT gateway", "no internet NAT gateway in " + vpcText, e.build());
      if (noEip != null) {
        rec.also(noEip);
      }
      return;
    }
    String nid = nat.id().value();
    List<Explanation> blockers = new ArrayList<>();
    if (!nat.isAvailable()) {
      blockers.add(Explanation.builder().code(ExplanationCode.NAT_NOT_AVAILABLE)
          .component(Component.of(Component.Kind.NAT_GATEWAY, nat.id()))
          .expected("NAT gateway " + nid + " is Available").actual("its status is " + nat.status())
          .missing(new Missing.NotAvailable(nat.status()))
          .advice("wait until " + nid + " is Available, or repair or recreate it").build());
    }
    if (nat.eipIds().isEmpty()) {
      blockers.add(noEip);
    }
    if (blockers.isEmpty()) {
      rec.pass("NAT gateway " + nid, nid, null);
      return;
    }
    rec.block("NAT gateway " + nid, nid, null, blockers.get(0));
    blockers.stream().skip(1).forEach(rec::also);
  }

  /** The SNAT entries of a NAT that matter to a vSwitch. */
  private static final class SnatMatch {
    SnatEntry covering;
    final List<SnatEntry> subRanges = new ArrayList<>();
  }

  private SnatMatch snatFor(NatGateway nat, VSwitchId id, Optional<VSwitch> vsw) {
    SnatMatch m = new SnatMatch();
    int best = -1;
    for (SnatEntry e : inventory.snatEntriesOf(nat.id())) {
      if (e.sourceVSwitchId().isPresent()) {
        if (e.sourceVSwitchId().get().equals(id)) {
          int prefix = vsw.map(v -> v.cidrBlock().prefixLength()).orElse(32);
          if (prefix >= best) {
            m.covering = e;
            best = prefix;
          }
        }
        continue;
      }
      if (vsw.isEmpty() || e.sourceCidr().isEmpty()) {
        continue;
      }
      Cidr src = e.sourceCidr().get();
      Cidr block = vsw.get().cidrBlock();
      if (src.contains(block)) {
        if (src.prefixLength() > best) {
          m.covering = e;
          best = src.prefixLength();
        }
      } else if (block.contains(src)) {
        m.subRanges.add(e);
      }
    }
    return m;
  }

  private List<IpAddress> eipAddresses(NatGateway nat) {
    return nat == null ? List.of() : inventory.eipsOf(nat).stream().map(Eip::ipAddress).toList();
  }

  private SnatEntry checkSnat(PathRecorder rec, NatGateway nat, VSwitchId id, Optional<VSwitch> vsw,
      Change.Gateway gateway) {
    String label = "SNAT entry";
    String block = vsw.map(v -> v.cidrBlock().toString()).orElse(id.value());
    Component vswitch = Component.of(Component.Kind.VSWITCH, id);
    if (nat == null) {
      rec.block(label, "SNAT", "no internet NAT gateway", snatMissing(vswitch, id, block,
          "there is no internet NAT gateway to hold a SNAT entry", gateway, List.of()));
      return null;
    }
    SnatMatch m = snatFor(nat, id, vsw);
    String nid = nat.id().value();
    if (m.covering == null && m.subRanges.isEmpty()) {
      rec.block(label, nid, "no entry for " + id, snatMissing(vswitch, id, block,
          "no SNAT entry of " + nid + " covers " + id + " (" + block + ")", gateway, eipAddresses(nat)));
      return null;
    }
    if (m.covering == null) {
      rec.partial(label + " " + m.subRanges.get(0).id(), m.subRanges.get(0).id().value(), "covers part of " + block,
          Explanation.builder().code(ExplanationCode.SNAT_PARTIAL_COVERAGE).component(vswitch)
              .decidingRule(DecidingRule.text(PrivatePath.joined(m.subRanges.stream()
                  .map(e -> e.id() + " " + e.sourceCidr().map(Object::toString).orElse("")).toList())))
              .expected("a SNAT entry of " + nid + " covering the whole vSwitch block " + block)
              .actual("SNAT entries cover only " + PrivatePath.joined(m.subRanges.stream()
                  .map(e -> e.sourceCidr().orElseThrow()).toList()) + " of " + block
                  + "; instances elsewhere in the vSwitch have no internet egress")
              .missing(new Missing.ResourceAbsent(Component.Kind.SNAT_ENTRY))
              .remedy(new CreateSnatEntry(gateway, id, texts(eipAddresses(nat)))).build());
      return m.subRanges.get(0);
    }
    SnatEntry e = m.covering;
    String how = e.sourceVSwitchId().isPresent() ? "source vSwitch " + id
        : "source CIDR " + e.sourceCidr().orElseThrow() + " (longest prefix containing " + block + ")";
    if (!e.isAvailable()) {
      rec.block(label + " " + e.id(), e.id().value(), how + ", status " + e.status(),
          Explanation.builder().code(ExplanationCode.SNAT_ENTRY_NOT_AVAILABLE)
              .component(Component.of(Component.Kind.SNAT_ENTRY, e.id()))
              .decidingRule(DecidingRule.text("SNAT entry " + e.id() + " with " + how))
              .expected("SNAT entry " + e.id() + " is Available").actual("its status is " + e.status())
              .missing(new Missing.NotAvailable(e.status()))
              .advice("wait until " + e.id() + " is Available, or delete and recreate it").build());
      return e;
    }
    List<SnatEntry> down = m.subRanges.stream().filter(x -> !x.isAvailable()).toList();
    if (!down.isEmpty()) {
      List<Explanation> why = new ArrayList<>();
      for (SnatEntry d : down) {
        String range = d.sourceCidr().map(Object::toString).orElse("");
        why.add(Explanation.builder().code(ExplanationCode.SNAT_ENTRY_NOT_AVAILABLE)
            .component(Component.of(Component.Kind.SNAT_ENTRY, d.id()))
            .decidingRule(DecidingRule.text("SNAT entry " + d.id() + " with source CIDR " + range
                + " (longest prefix for the instances in " + range + ")"))
            .expected("SNAT entry " + d.id() + " is Available")
            .actual("its status is " + d.status() + "; instances in " + range + " use it, not " + e.id())
            .missing(new Missing.NotAvailable(d.status()))
            .advice("wait until " + d.id() + " is Available, or delete it so that " + e.id() + " covers " + range)
            .build());
      }
      rec.partial(label + " " + e.id(), e.id().value(), how + "; the more specific "
          + PrivatePath.joined(down.stream().map(SnatEntry::id).toList()) + " not Available", why.get(0));
      why.stream().skip(1).forEach(rec::also);
      return e;
    }
    rec.pass(label + " " + e.id(), e.id().value(), how);
    return e;
  }

  private static Explanation snatMissing(Component vswitch, VSwitchId id, String block, String actual,
      Change.Gateway gateway, List<IpAddress> eips) {
    Explanation.Builder e = Explanation.builder().code(ExplanationCode.SNAT_NO_ENTRY_FOR_SOURCE).component(vswitch)
        .expected("a SNAT entry whose source is vSwitch " + id + " or a CIDR block containing " + block)
        .actual(actual).missing(new Missing.ResourceAbsent(Component.Kind.SNAT_ENTRY));
    if (gateway != null) {
      e.remedy(new CreateSnatEntry(gateway, id, texts(eips)));
    } else {
      e.advice("create a SNAT entry with SourceVSwitchId " + id + " on the VPC's internet NAT gateway");
    }
    return e.build();
  }

  private void checkRoute(PathRecorder rec, Optional<VSwitch> vsw, Optional<RouteTable> table,
      Optional<RouteEntry> route, NatGateway nat, Cidr dest, Change.Gateway gateway) {
    if (vsw.isEmpty()) {
      rec.skipped("route table", "route table", "vSwitch unknown");
      return;
    }
    if (table.isEmpty()) {
      String which = vsw.get().routeTableId().map(Object::toString).orElse("system route table of "
          + vsw.get().vpcId());
      Component c = vsw.get().routeTableId().map(t -> Component.of(Component.Kind.ROUTE_TABLE, t))
          .orElse(Component.of(Component.Kind.VPC, vsw.get().vpcId()));
      rec.unknown("route table", which, "not in the inventory",
          Explanation.builder().code(ExplanationCode.ROUTE_TABLE_NOT_FOUND).component(c)
              .expected("the route table of " + vsw.get().id() + " is known")
              .actual(which + " is not in the inventory")
              .missing(new Missing.FactUnknown(c, AssumptionKey.ROUTE_TABLE_UNKNOWN))
              .advice("add the route table of " + vsw.get().id() + " to the snapshot").build());
      rec.assume(AssumptionKey.ROUTE_TABLE_UNKNOWN, "the route table of " + vsw.get().id() + " (" + which
          + ") is not in the inventory; the route to the NAT gateway is unknown");
      return;
    }
    RouteTable rt = table.get();
    String rid = rt.id().value();
    if (nat != null && route.isPresent() && route.get().pointsTo(nat.id())) {
      rec.pass("route table " + rid, rid, route.get().destination() + " → " + nat.id());
      return;
    }
    String natText = gateway == null ? "an internet NAT gateway" : gateway.describe();
    String actual = route.map(r -> "the longest match for " + dest + " in " + rid + " is " + r.destination()
        + " → " + r.nextHopType() + " " + r.nextHopId()).orElse(rid + " has no route matching " + dest);
    Explanation.Builder e = Explanation.builder().code(ExplanationCode.ROUTE_NO_NAT)
        .component(Component.of(Component.Kind.ROUTE_TABLE, rt.id()))
        .decidingRule(route.map(r -> DecidingRule.text("route " + r.destination() + " → " + r.nextHopType() + " "
            + r.nextHopId() + " in " + rid)))
        .expected("route table " + rid + " sends " + dest + " to " + natText)
        .actual(actual).missing(new Missing.ResourceAbsent(Component.Kind.ROUTE_TABLE));
    boolean sameDestination = route.map(r -> r.destination().equals(dest)).orElse(false);
    if (gateway != null && !sameDestination) {
      e.remedy(new AddRouteEntry(rt.vpcId(), rt.id(), dest, gateway));
    } else {
      e.advice("make the route entry " + dest + " in " + rid + " point to " + natText
          + " (next hop type NatGateway)" + (sameDestination ? ", replacing the entry that points elsewhere" : ""));
    }
    rec.block("route table " + rid, rid, actual, e.build());
  }

  private void checkExternalAllowlist(PathRecorder rec, List<Cidr> allowlist, NatGateway nat, SnatEntry entry,
      VSwitchId id, Optional<VSwitch> vsw) {
    String label = "external allowlist";
    List<IpAddress> ips = new ArrayList<>();
    if (entry != null) {
      ips.addAll(entry.snatIps());
      // entries for a sub-range of the vSwitch win for their instances (longest prefix): their EIPs count too
      if (nat != null) {
        for (SnatEntry sub : snatFor(nat, id, vsw).subRanges) {
          sub.snatIps().stream().filter(ip -> !ips.contains(ip)).forEach(ips::add);
        }
      }
    } else if (nat != null) {
      ips.addAll(eipAddresses(nat));
    }
    if (ips.isEmpty() && entry != null) {
      // a planned SNAT entry whose EIP the same plan allocates: its address is known after apply
      Component c = Component.of(Component.Kind.SNAT_ENTRY, entry.id());
      rec.unknown(label, "external target", "SNAT addresses of " + entry.id() + " unknown",
          Explanation.builder().code(ExplanationCode.EXTERNAL_ALLOWLIST_MISSING_EIP).component(c)
              .expected("the external allowlist admits every SNAT IP of " + entry.id())
              .actual("the SNAT addresses of " + entry.id() + " are not known (known after apply)")
              .missing(new Missing.FactUnknown(c, AssumptionKey.SNAT_IP_UNKNOWN))
              .advice("check the allowlist once the EIP is allocated, or allocate the EIP first").build());
      rec.assume(AssumptionKey.SNAT_IP_UNKNOWN, "the SNAT addresses of " + entry.id() + " are not known yet");
      return;
    }
    if (ips.isEmpty()) {
      rec.skipped(label, "external target", "no SNAT IP known");
      return;
    }
    List<IpAddress> admitted = ips.stream().filter(ip -> allowlist.stream().anyMatch(ip::isIn)).toList();
    if (admitted.size() == ips.size()) {
      rec.pass(label, "external target", "admits " + PrivatePath.joined(ips));
      return;
    }
    List<IpAddress> missing = ips.stream().filter(ip -> !admitted.contains(ip)).toList();
    Explanation e = Explanation.builder().code(ExplanationCode.EXTERNAL_ALLOWLIST_MISSING_EIP)
        .component(Component.externalTarget("external allowlist"))
        .decidingRule(DecidingRule.text("external allowlist " + PrivatePath.joined(allowlist)))
        .expected("the external allowlist admits every SNAT IP " + PrivatePath.joined(ips))
        .actual("it " + (admitted.isEmpty() ? "admits none of them" : "misses " + PrivatePath.joined(missing))
            + (admitted.isEmpty() ? "" : "; connections leaving through those addresses are refused"))
        .missing(new Missing.AddressesNotAdmitted(missing.stream().map(IpAddress::asCidr).toList()))
        .advice("add " + PrivatePath.joined(missing) + " (the EIPs of the SNAT entry) to the external target's"
            + " allowlist")
        .build();
    if (admitted.isEmpty()) {
      rec.block(label, "external target", "does not admit " + PrivatePath.joined(missing), e);
    } else {
      rec.partial(label, "external target", "does not admit " + PrivatePath.joined(missing), e);
    }
  }

  private static List<String> texts(List<IpAddress> addresses) {
    return addresses.stream().map(IpAddress::toString).toList();
  }
}
