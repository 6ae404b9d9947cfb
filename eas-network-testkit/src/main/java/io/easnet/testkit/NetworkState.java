package io.easnet.testkit;

import static io.easnet.testkit.StateContext.AVAILABLE;
import static io.easnet.testkit.StateContext.DELETING;
import static io.easnet.testkit.StateContext.PENDING;
import static io.easnet.testkit.StateContext.existing;

import io.easnet.core.model.Cidr;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import io.easnet.core.model.Eip;
import io.easnet.core.model.ResourceId.EipAllocationId;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.RouteTable.RouteEntry;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.ResourceId.RouteTableId;
import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.ResourceId.SnatEntryId;
import io.easnet.core.model.ResourceId.SnatTableId;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.VpcApi.AllocateEipRequest;
import io.easnet.core.spi.VpcApi.CreateNatGatewayRequest;
import io.easnet.core.spi.VpcApi.CreateRouteEntryRequest;
import io.easnet.core.spi.VpcApi.DeleteRouteEntryRequest;
import io.easnet.core.spi.VpcApi.SnatEntryRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The VPC product's state: VPCs, vSwitches (with the free addresses before the fake's services take theirs), NAT
 * gateways, SNAT entries, EIPs, route tables, and the ECS instances that sit in the vSwitches. Every change goes
 * through a method that keeps Alibaba's invariants; the port and the estate DSL call the same methods.
 */
final class NetworkState {
  private final StateContext ctx;
  private final Map<VpcId, Vpc> vpcs = new LinkedHashMap<>();
  private final Map<VSwitchId, VSwitch> vSwitches = new LinkedHashMap<>();
  /** Free addresses before the fake's own services take theirs. */
  private final Map<VSwitchId, Long> baseline = new LinkedHashMap<>();
  private final Map<NatGatewayId, NatGateway> nats = new LinkedHashMap<>();
  private final Map<NatGatewayId, Instant> natReadyAt = new LinkedHashMap<>();
  private final Map<SnatEntryId, SnatEntry> snat = new LinkedHashMap<>();
  private final Map<SnatEntryId, Instant> snatReadyAt = new LinkedHashMap<>();
  private final Map<SnatEntryId, Instant> snatGoneAt = new LinkedHashMap<>();
  private final Map<EipAllocationId, Eip> eips = new LinkedHashMap<>();
  private final Map<RouteTableId, RouteTable> routeTables = new LinkedHashMap<>();
  private final Map<EcsInstanceId, EcsInstance> ecs = new LinkedHashMap<>();

  NetworkState(StateContext ctx) {
    this.ctx = ctx;
  }

  // ------------------------------------------------------------------------------------------ life cycle

  void clear() {
    for (Map<?, ?> m : List.<Map<?, ?>>of(vpcs, vSwitches, baseline, nats, natReadyAt, snat, snatReadyAt, snatGoneAt,
        eips, routeTables, ecs)) {
      m.clear();
    }
  }

  /** Takes an inventory's network as it is (a snapshot is trusted: it is what a cloud returned). */
  void load(Inventory inv) {
    inv.vpcs().forEach(v -> vpcs.put(v.id(), v));
    inv.vSwitches().forEach(v -> {
      vSwitches.put(v.id(), v);
      baseline.put(v.id(), v.availableIpAddressCount());
    });
    inv.natGateways().forEach(n -> nats.put(n.id(), n));
    inv.snatEntries().forEach(e -> snat.put(e.id(), e));
    inv.eips().forEach(e -> eips.put(e.id(), e));
    inv.routeTables().forEach(t -> routeTables.put(t.id(), t));
    inv.ecsInstances().forEach(i -> ecs.put(i.id(), i));
  }

  /** Moves what is due from Creating/Pending to Available, and removes deleted SNAT entries. */
  void settle(Instant now) {
    for (Iterator<Map.Entry<SnatEntryId, Instant>> it = snatReadyAt.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<SnatEntryId, Instant> e = it.next();
      if (!now.isBefore(e.getValue())) {
        SnatEntry entry = snat.get(e.getKey());
        if (entry != null) {
          snat.put(entry.id(), entry.toBuilder().status(AVAILABLE).build());
        }
        it.remove();
      }
    }
    for (Iterator<Map.Entry<SnatEntryId, Instant>> it = snatGoneAt.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<SnatEntryId, Instant> e = it.next();
      if (!now.isBefore(e.getValue())) {
        snat.remove(e.getKey());
        it.remove();
      }
    }
    for (Iterator<Map.Entry<NatGatewayId, Instant>> it = natReadyAt.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<NatGatewayId, Instant> e = it.next();
      if (!now.isBefore(e.getValue())) {
        NatGateway n = nats.get(e.getKey());
        if (n != null) {
          nats.put(n.id(), n.toBuilder().status(NatGateway.AVAILABLE).build());
        }
        it.remove();
      }
    }
  }

  /** Adds the network to an inventory; {@code vSwitches} are the vSwitches with their current free counts. */
  void addTo(Inventory.Builder b, List<VSwitch> vSwitchesNow) {
    b.addAllVpcs(vpcs.values()).addAllVSwitches(vSwitchesNow).addAllNatGateways(nats.values())
        .addAllSnatEntries(snat.values()).addAllEips(eips.values()).addAllRouteTables(routeTables.values())
        .addAllEcsInstances(ecs.values());
  }

  int vpcCount() {
    return vpcs.size();
  }

  int vSwitchCount() {
    return vSwitches.size();
  }

  // ------------------------------------------------------------------------------------------ VPCs and vSwitches

  Vpc vpc(VpcId id) {
    return existing(vpcs, id, "InvalidVpcId.NotFound", "VPC");
  }

  List<Vpc> vpcs() {
    return List.copyOf(vpcs.values());
  }

  /** Adds a VPC and its system route table. */
  void addVpc(Vpc vpc) {
    Cidr block = vpc.cidrBlock();
    if (!block.isIpv4() || block.prefixLength() < 8 || block.prefixLength() > 28) {
      throw Refusal.of("InvalidCidrBlock.Malformed",
          "the VPC block " + block + " must be IPv4 with a mask from /8 to /28.");
    }
    vpcs.put(vpc.id(), vpc);
    RouteTableId table = RouteTableId.of(ctx.ids.next("vtb-"));
    routeTables.put(table, RouteTable.builder().id(table).vpcId(vpc.id()).type(RouteTable.Type.SYSTEM).build());
  }

  /** The vSwitch as stored (its free count is the baseline's; the fake's services are not subtracted). */
  VSwitch vSwitch(VSwitchId id) {
    return existing(vSwitches, id, "InvalidVSwitchId.NotFound", "vSwitch");
  }

  List<VSwitchId> vSwitchIds() {
    return List.copyOf(vSwitches.keySet());
  }

  List<VSwitchId> vSwitchIdsIn(VpcId vpc) {
    return vSwitches.values().stream().filter(v -> v.vpcId().equals(vpc)).map(VSwitch::id).toList();
  }

  long baseline(VSwitchId id) {
    return baseline.getOrDefault(id, 0L);
  }

  /** Raises (or, negative, lowers) the free addresses of a vSwitch before the fake's services. */
  void adjustBaseline(VSwitchId id, long delta) {
    baseline.merge(id, delta, Long::sum);
  }

  /** Adds a vSwitch: inside its VPC's block, not overlapping another vSwitch of the VPC, mask /16 to /29. */
  void addVSwitch(VSwitch v) {
    Vpc vpc = vpc(v.vpcId());
    if (!vpc.covers(v.cidrBlock())) {
      throw Refusal.of("InvalidCidrBlock.Malformed",
          "vSwitch " + v.name().orElse(v.id().value()) + " (" + v.cidrBlock() + ") is outside VPC "
              + vpc.name().orElse(vpc.id().value()) + " (" + vpc.cidrBlock() + ").");
    }
    for (VSwitch other : vSwitches.values()) {
      if (other.vpcId().equals(v.vpcId()) && other.cidrBlock().overlaps(v.cidrBlock())) {
        throw Refusal.of("InvalidCidrBlock.Overlapped",
            "vSwitch block " + v.cidrBlock() + " overlaps vSwitch " + other.name().orElse(other.id().value())
                + " (" + other.cidrBlock() + ").");
      }
    }
    vSwitches.put(v.id(), v);
    baseline.put(v.id(), v.usableIpCount());
  }

  // ------------------------------------------------------------------------------------------ NAT gateways

  NatGateway nat(NatGatewayId id) {
    return existing(nats, id, "InvalidNatGatewayId.NotFound", "NAT gateway");
  }

  List<NatGateway> natsIn(VpcId vpc) {
    return nats.values().stream().filter(n -> n.vpcId().equals(vpc)).toList();
  }

  int natCount() {
    return nats.size();
  }

  /**
   * Creates an internet NAT gateway with a SNAT table and routes {@code 0.0.0.0/0} of the VPC's system table to it
   * (unless that route exists). {@code Creating} until the asynchronous delay passes, or available at once.
   */
  NatGateway createNat(NatGatewayId id, CreateNatGatewayRequest r, boolean availableNow) {
    return createNat(id, r.vpcId(), Optional.of(r.vSwitchId()), r.name(), availableNow);
  }

  /** As {@link #createNat(NatGatewayId, CreateNatGatewayRequest, boolean)}; the estate DSL may omit the vSwitch. */
  NatGateway createNat(NatGatewayId id, VpcId vpcId, Optional<VSwitchId> vSwitchId, Optional<String> name,
      boolean availableNow) {
    vpc(vpcId);
    if (vSwitchId.isPresent()) {
      VSwitch vsw = vSwitch(vSwitchId.get());
      if (!vsw.vpcId().equals(vpcId)) {
        throw Refusal.of("InvalidVSwitchId.NotInVpc",
            "vSwitch " + vsw.id() + " is in " + vsw.vpcId() + ", not in VPC " + vpcId + ".");
      }
    }
    SnatTableId table = SnatTableId.of(ctx.ids.next("stb-"));
    NatGateway.Builder b = NatGateway.builder().id(id).vpcId(vpcId).vSwitchId(vSwitchId).name(name)
        .addSnatTableId(table).status(availableNow ? NatGateway.AVAILABLE : "Creating");
    NatGateway n = b.build();
    nats.put(id, n);
    if (!availableNow) {
      natReadyAt.put(id, ctx.readyAt());
    }
    for (RouteTable t : new ArrayList<>(routeTables.values())) {
      if (t.vpcId().equals(vpcId) && t.type() == RouteTable.Type.SYSTEM
          && t.entries().stream().noneMatch(e -> e.destination().equals(Cidr.ANY_IPV4))) {
        routeTables.put(t.id(), t.toBuilder().addEntry(RouteEntry.toNat("0.0.0.0/0", id)).build());
      }
    }
    return n;
  }

  private NatGateway availableNat(NatGatewayId id, String doing) {
    NatGateway n = nat(id);
    if (!n.isAvailable()) {
      throw Refusal.of("IncorrectStatus.NatGateway",
          "NAT gateway " + id + " is " + n.status() + ", not Available: cannot " + doing + " now; retry later.");
    }
    return n;
  }

  // ------------------------------------------------------------------------------------------ EIPs

  Eip eip(EipAllocationId id) {
    return existing(eips, id, "InvalidAllocationId.NotFound", "EIP");
  }

  List<Eip> eipsOf(NatGatewayId id) {
    NatGateway n = nat(id);
    List<Eip> out = new ArrayList<>();
    for (Eip e : eips.values()) {
      if (n.eipIds().contains(e.id()) || e.instanceId().map(id.value()::equals).orElse(false)) {
        out.add(e);
      }
    }
    return out;
  }

  /** Allocates an unbound EIP; with an address from the seed unless one is given (the estate DSL gives one). */
  Eip allocateEip(AllocateEipRequest r, Optional<IpAddress> address) {
    IpAddress ip = address.orElseGet(this::freshAddress);
    for (Eip e : eips.values()) {
      if (e.ipAddress().equals(ip)) {
        throw Refusal.of("InvalidIpAddress.AlreadyExist", "EIP address " + ip + " is allocated already.");
      }
    }
    EipAllocationId id = EipAllocationId.of(ctx.ids.next("eip-"));
    Eip.Builder b = Eip.builder().id(id).ipAddress(ip).status(AVAILABLE);
    r.name().ifPresent(b::name);
    Eip e = b.build();
    eips.put(id, e);
    return e;
  }

  private IpAddress freshAddress() {
    while (true) {
      String candidate = ctx.ids.address("47.");
      IpAddress ip = IpAddress.parse(candidate);
      if (eips.values().stream().noneMatch(e -> e.ipAddress().equals(ip))) {
        return ip;
      }
    }
  }

  /** Binds an EIP to a NAT gateway; binding it again to the same gateway does nothing. */
  void associate(EipAllocationId eipId, NatGatewayId natId) {
    Eip e = eip(eipId);
    NatGateway n = nat(natId);
    if (e.instanceId().map(natId.value()::equals).orElse(false)) {
      return;
    }
    if (e.instanceId().isPresent()) {
      throw Refusal.of("IncorrectEipStatus",
          "EIP " + e.ipAddress() + " is bound to " + e.instanceId().get() + "; unbind it first.");
    }
    availableNat(natId, "bind an EIP");
    eips.put(eipId, e.toBuilder().status("InUse").instanceId(natId.value()).instanceType("Nat").build());
    nats.put(natId, n.toBuilder().addEipId(eipId).build());
  }

  /** Unbinds an EIP from a NAT gateway; refused while a SNAT entry uses its address. */
  void unassociate(EipAllocationId eipId, NatGatewayId natId) {
    Eip e = eip(eipId);
    NatGateway n = nat(natId);
    if (!e.instanceId().map(natId.value()::equals).orElse(false)) {
      return;
    }
    for (SnatEntry s : snat.values()) {
      if (s.natGatewayId().equals(natId) && s.snatIps().contains(e.ipAddress()) && !DELETING.equals(s.status())) {
        throw Refusal.of("DependencyViolation.SnatEntry",
            "SNAT entry " + s.id() + " uses " + e.ipAddress() + "; delete the entry before unbinding the EIP.");
      }
    }
    eips.put(eipId, Eip.builder().id(e.id()).ipAddress(e.ipAddress()).status(AVAILABLE).name(e.name()).build());
    nats.put(natId, n.toBuilder().eipIds(n.eipIds().stream().filter(x -> !x.equals(eipId)).toList()).build());
  }

  // ------------------------------------------------------------------------------------------ SNAT

  List<NatGateway> nats() {
    return List.copyOf(nats.values());
  }

  List<Eip> eips() {
    return List.copyOf(eips.values());
  }

  List<RouteTable> routeTables() {
    return List.copyOf(routeTables.values());
  }

  List<EcsInstance> ecs() {
    return List.copyOf(ecs.values());
  }

  NatGateway natOfTable(SnatTableId table) {
    for (NatGateway n : nats.values()) {
      if (n.snatTableIds().contains(table)) {
        return n;
      }
    }
    throw Refusal.of("InvalidSnatTableId.NotFound", "The specified SNAT table " + table + " does not exist.");
  }

  List<SnatEntry> snatOf(NatGatewayId id) {
    nat(id);
    return snat.values().stream().filter(e -> e.natGatewayId().equals(id)).toList();
  }

  SnatEntry snatEntry(SnatTableId table, SnatEntryId id) {
    natOfTable(table);
    SnatEntry e = snat.get(id);
    if (e == null || !e.snatTableId().equals(table)) {
      throw Refusal.of("InvalidSnatEntryId.NotFound",
          "The specified SNAT entry " + id + " does not exist in SNAT table " + table + ".");
    }
    return e;
  }

  /**
   * Creates a SNAT entry: one source (a vSwitch of the gateway's VPC or a CIDR), EIPs of the gateway, a source in one
   * entry only, the gateway available. {@code Pending} until the asynchronous delay passes, or available at once.
   */
  SnatEntry createSnat(SnatEntryRequest r, boolean availableNow) {
    NatGateway nat = natOfTable(r.snatTableId());
    if (r.sourceVSwitchId().isPresent() && r.sourceCidr().isPresent()) {
      throw Refusal.of("InvalidParameter",
          "SourceVSwitchId and SourceCIDR cannot be specified together: name the vSwitch or the block, not both.");
    }
    if (r.sourceVSwitchId().isEmpty() && r.sourceCidr().isEmpty()) {
      throw Refusal.of("MissingParameter", "one of SourceVSwitchId and SourceCIDR is required.");
    }
    if (r.snatIps().isEmpty()) {
      throw Refusal.of("MissingParameter", "SnatIp is required: name at least one EIP of the NAT gateway.");
    }
    Set<IpAddress> natIps = new LinkedHashSet<>();
    eipsOf(nat.id()).forEach(e -> natIps.add(e.ipAddress()));
    for (IpAddress ip : r.snatIps()) {
      if (!natIps.contains(ip)) {
        throw Refusal.of("InvalidSnatIp.NotFound",
            "SnatIp " + ip + " is not an EIP bound to NAT gateway " + nat.id() + ".");
      }
    }
    if (r.sourceVSwitchId().isPresent()) {
      VSwitch vsw = vSwitch(r.sourceVSwitchId().get());
      if (!vsw.vpcId().equals(nat.vpcId())) {
        throw Refusal.of("InvalidVSwitchId.NotInVpc",
            "vSwitch " + vsw.id() + " is in " + vsw.vpcId() + ", not in the NAT gateway's VPC " + nat.vpcId() + ".");
      }
    }
    for (SnatEntry e : snatOf(nat.id())) {
      boolean sameSource = r.sourceVSwitchId().isPresent()
          ? e.sourceVSwitchId().equals(r.sourceVSwitchId())
          : e.sourceVSwitchId().isEmpty() && e.sourceCidr().equals(r.sourceCidr());
      if (sameSource && !DELETING.equals(e.status())) {
        throw Refusal.of("Forbidden.SourceVSwitchId.Duplicated",
            "the source " + r.sourceVSwitchId().map(Object::toString).orElseGet(() -> r.sourceCidr().get().toString())
                + " is already in SNAT entry " + e.id() + "; a source can be in one entry only.");
      }
    }
    availableNat(nat.id(), "create a SNAT entry");
    SnatEntry.Builder b = SnatEntry.builder()
        .id(SnatEntryId.of(ctx.ids.next("snat-")))
        .snatTableId(r.snatTableId())
        .natGatewayId(nat.id())
        .addAllSnatIps(r.snatIps())
        .status(availableNow ? AVAILABLE : PENDING);
    r.sourceVSwitchId().ifPresent(b::sourceVSwitchId);
    r.sourceCidr().ifPresent(b::sourceCidr);
    r.name().ifPresent(b::name);
    SnatEntry e = b.build();
    snat.put(e.id(), e);
    if (!availableNow) {
      snatReadyAt.put(e.id(), ctx.readyAt());
    }
    return e;
  }

  /** Marks an entry {@code Deleting}; it is gone when the asynchronous delay passes. Absent entries are ignored. */
  void deleteSnat(SnatTableId table, SnatEntryId id) {
    natOfTable(table);
    SnatEntry e = snat.get(id);
    if (e != null && e.snatTableId().equals(table) && !DELETING.equals(e.status())) {
      snatReadyAt.remove(id);
      if (ctx.asyncDelay.isZero()) {
        snat.remove(id);
      } else {
        snat.put(id, e.toBuilder().status(DELETING).build());
        snatGoneAt.put(id, ctx.readyAt());
      }
    }
  }

  // ------------------------------------------------------------------------------------------ routes

  List<RouteTable> routeTablesIn(VpcId vpc) {
    return routeTables.values().stream().filter(t -> t.vpcId().equals(vpc)).toList();
  }

  RouteTable routeTable(RouteTableId id) {
    return existing(routeTables, id, "InvalidRouteTableId.NotFound", "route table");
  }

  /** Adds a route to a NAT gateway of the table's VPC; the same route again does nothing. */
  void createRoute(CreateRouteEntryRequest r) {
    RouteTable t = routeTable(r.routeTableId());
    NatGateway n = nat(r.natGatewayId());
    if (!n.vpcId().equals(t.vpcId())) {
      throw Refusal.of("InvalidNextHop.NotInVpc",
          "NAT gateway " + n.id() + " is in " + n.vpcId() + ", route table " + t.id() + " in " + t.vpcId() + ".");
    }
    for (RouteEntry e : t.entries()) {
      if (e.destination().equals(r.destination())) {
        if (e.pointsTo(n.id())) {
          return;
        }
        throw Refusal.of("InvalidCIDRBlock.Duplicate",
            "route table " + t.id() + " already routes " + r.destination() + " to " + e.nextHopType() + " "
                + e.nextHopId() + "; delete that route first.");
      }
    }
    availableNat(n.id(), "route to it");
    routeTables.put(t.id(), t.toBuilder().addEntry(RouteEntry.toNat(r.destination().toString(), n.id())).build());
  }

  /** Deletes a route; a route that is gone is ignored. */
  void deleteRoute(DeleteRouteEntryRequest r) {
    RouteTable t = routeTable(r.routeTableId());
    List<RouteEntry> kept = t.entries().stream()
        .filter(e -> !(e.destination().equals(r.destination()) && e.pointsTo(r.natGatewayId()))).toList();
    if (kept.size() != t.entries().size()) {
      routeTables.put(t.id(), t.toBuilder().entries(kept).build());
    }
  }

  // ------------------------------------------------------------------------------------------ ECS instances

  EcsInstance ecsInstance(EcsInstanceId id) {
    return existing(ecs, id, "InvalidInstanceId.NotFound", "instance");
  }

  List<EcsInstance> ecsIn(VpcId vpc) {
    return ecs.values().stream().filter(i -> i.vpcId().equals(vpc)).toList();
  }

  /** Adds an ECS instance; it takes one address of its vSwitch. The caller checked its address. */
  void addEcs(EcsInstance i) {
    ecs.put(i.id(), i);
    adjustBaseline(i.vSwitchId(), -1);
  }

  boolean ecsUses(VpcId vpc, IpAddress ip) {
    return ecs.values().stream().anyMatch(i -> i.vpcId().equals(vpc) && i.privateIps().contains(ip));
  }
}
