package io.easnet.core.plan;

import io.easnet.core.model.VSwitch;
import io.easnet.core.internal.ChangeSentences;
import io.easnet.core.analysis.Remedy;
import io.easnet.core.model.Eip;
import io.easnet.core.model.EipAllocationId;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.internal.json.Cursor;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.NatGatewayId;
import io.easnet.core.model.SnatEntry;
import io.easnet.core.model.SnatEntryId;
import io.easnet.core.model.SnatTableId;
import io.easnet.core.model.VSwitchId;
import io.easnet.core.spi.SnatEntryRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Create a SNAT entry for a vSwitch; the table is looked up at apply time when not known. */
record CreateSnat(String natGatewayId, String snatTableId, String sourceVSwitchId, List<String> snatIps)
    implements Action {
  /**
   * The SNAT entry the remedy asks for, on the gateway's first SNAT table (the planned gateway's, by reference) and
   * with the remedy's SNAT IPs, or else the address of the EIP a planned binding gives the gateway; none while the
   * gateway or that address is not planned.
   */
  static List<Action> plan(Remedy.CreateSnatEntry r, Planning p) {
    Optional<String> nat = p.gateway(r.gateway());
    if (nat.isEmpty()) {
      return List.of();
    }
    String table = null;
    if (r.gateway() instanceof Remedy.ExistingGateway e && !e.snatTableIds().isEmpty()) {
      table = p.state().symbolOf(e.snatTableIds().get(0).value());
    } else if (r.gateway() instanceof Remedy.NewGateway) {
      table = Refs.ref(Refs.changeOf(nat.get()).orElseThrow(), "snatTableId");
    }
    List<String> ips = r.snatIps().stream().map(ip -> p.state().symbolOf(ip.toString())).toList();
    if (ips.isEmpty()) {
      Optional<String> ip = plannedEipAddress(p, nat.get());
      if (ip.isEmpty()) {
        return List.of();
      }
      ips = List.of(ip.get());
    }
    return List.of(new CreateSnat(nat.get(), table, r.sourceVSwitchId().value(), ips));
  }

  /** The address of the EIP a planned binding gives the gateway, as a literal or a reference. */
  private static Optional<String> plannedEipAddress(Planning p, String nat) {
    Optional<Action> bind = p.planned(BindEip.keyOf(nat));
    if (bind.isEmpty() || !(bind.get() instanceof BindEip b)) {
      return Optional.empty();
    }
    Optional<String> alloc = Refs.changeOf(b.eipId());
    if (alloc.isPresent()) {
      return Optional.of(Refs.ref(alloc.get(), "ipAddress"));
    }
    return p.state().inventory().eip(EipAllocationId.of(b.eipId())).map(Eip::ipAddress).map(IpAddress::toString);
  }

  /** Reads the parameters of a {@link ChangeKind#CREATE_SNAT_ENTRY} change (see {@link Action#read}). */
  static CreateSnat read(Cursor p) {
    p.rejectUnknownKeys(List.of("natGatewayId", "snatTableId", "sourceVSwitchId", "snatIps"));
    List<String> ips = Params.ids(p, "snatIps", IpAddress::parse, true);
    if (ips.isEmpty()) {
      throw p.required("snatIps").error("a SNAT entry needs at least one SNAT IP.",
          "list the EIP addresses of the NAT gateway, e.g. [\"47.1.2.3\"].");
    }
    return new CreateSnat(Params.value(p, "natGatewayId", NatGatewayId::of),
        p.opt("snatTableId").isPresent() ? Params.value(p, "snatTableId", SnatTableId::of) : null,
        Params.id(p, "sourceVSwitchId", VSwitchId::of), ips);
  }

  public CreateSnat {
    snatIps = List.copyOf(snatIps);
  }

  /** The binding of the gateway's EIP: the entry's SNAT IP must be bound to the gateway first. */
  @Override
  public List<String> needs() {
    return List.of(BindEip.keyOf(natGatewayId));
  }

  @Override
  public ChangeKind kind() {
    return ChangeKind.CREATE_SNAT_ENTRY;
  }

  @Override
  public String key() {
    return "snat:" + sourceVSwitchId;
  }

  @Override
  public List<String> targets() {
    return List.of(natGatewayId, sourceVSwitchId);
  }

  @Override
  public String describe() {
    return ChangeSentences.createSnatEntry("NAT gateway " + natGatewayId, snatTableId, sourceVSwitchId,
        String.join(",", snatIps));
  }

  @Override
  public void writeParameters(ObjectNode p) {
    p.put("natGatewayId", natGatewayId);
    if (snatTableId != null) {
      p.put("snatTableId", snatTableId);
    }
    p.put("sourceVSwitchId", sourceVSwitchId);
    Params.array(p, "snatIps", snatIps);
  }

  @Override
  public Action mapValues(UnaryOperator<String> f) {
    return new CreateSnat(f.apply(natGatewayId), snatTableId == null ? null : f.apply(snatTableId),
        sourceVSwitchId, snatIps.stream().map(f).toList());
  }

  @Override
  public List<String> values() {
    List<String> out = new ArrayList<>(List.of(natGatewayId, sourceVSwitchId));
    if (snatTableId != null) {
      out.add(snatTableId);
    }
    out.addAll(snatIps);
    return out;
  }

  @Override
  public PlanState applyTo(PlanState s) {
    String nat = s.resolve(natGatewayId);
    Optional<NatGateway> g = s.inventory().natGateway(NatGatewayId.of(nat));
    PlanState.require(g.isPresent(), "NAT gateway " + nat);
    String table = snatTableId != null ? s.resolve(snatTableId)
        : g.get().snatTableIds().isEmpty() ? "stb-planned" + s.nextNumber() : g.get().snatTableIds().get(0).value();
    SnatEntry.Builder e = SnatEntry.builder().id("snat-planned" + s.nextNumber()).snatTableId(table)
        .natGatewayId(nat).sourceVSwitchId(sourceVSwitchId).status(SnatEntry.AVAILABLE);
    snatIps.forEach(ip -> e.addSnatIps(IpAddress.parse(s.resolve(ip))));
    return s.withInventory(s.inventory().toBuilder().addSnatEntry(e).build());
  }

  /**
   * The gateway exists (or an earlier change creates it), the SNAT table is that gateway's (else the entry would
   * land on another gateway's table), the source vSwitch exists in the gateway's VPC, and each SNAT IP is an EIP
   * the gateway holds or an earlier change of the plan binds to it (see {@link Preflight}).
   */
  @Override
  public void checkBeforeWrites(Execution x) {
    String vpc = null;
    java.util.Set<String> gatewayIps = new java.util.HashSet<>();
    if (!Refs.isRef(natGatewayId)) {
      NatGateway g = Preflight.natGateway(x, natGatewayId);
      vpc = g.vpcId().value();
      if (snatTableId != null) {
        Preflight.require(!Refs.isRef(snatTableId), "SnatTableMismatch", "the SNAT table " + snatTableId
            + " is one an earlier change creates, but NAT gateway " + natGatewayId + " exists already");
        Preflight.require(g.snatTableIds().contains(SnatTableId.of(snatTableId)), "SnatTableMismatch",
            "SNAT table " + snatTableId + " is not NAT gateway " + natGatewayId + "'s (its SNAT tables: "
                + (g.snatTableIds().isEmpty() ? "none" : g.snatTableIds().stream().map(SnatTableId::value)
                    .collect(java.util.stream.Collectors.joining(", "))) + "), so the entry would land on"
                + " another gateway");
      }
      x.call(() -> x.port().vpc().describeEips(g.id())).forEach(e -> gatewayIps.add(e.ipAddress().toString()));
    } else {
      vpc = Preflight.creator(x, natGatewayId, CreateNat.class).map(CreateNat::vpcId).orElse(null);
      if (snatTableId != null) {
        Preflight.require(Refs.isRef(snatTableId) && Refs.changeOf(snatTableId).equals(Refs.changeOf(natGatewayId)),
            "SnatTableMismatch", "SNAT table " + snatTableId + " is not the table of NAT gateway " + natGatewayId
                + ", which " + Refs.changeOf(natGatewayId).orElse("an earlier change") + " creates");
      }
    }
    VSwitch v = Preflight.vSwitch(x, sourceVSwitchId, "source vSwitch");
    if (vpc != null) {
      Preflight.require(v.vpcId().value().equals(vpc), "VpcMismatch", "source vSwitch " + sourceVSwitchId
          + " lies in " + v.vpcId() + ", but NAT gateway " + natGatewayId + " in " + vpc);
    }
    for (Action a : x.earlierActions()) {
      if (a instanceof BindEip b && b.natGatewayId().equals(natGatewayId) && !Refs.isRef(b.eipId())) {
        gatewayIps.add(Preflight.eip(x, b.eipId()).ipAddress().toString());
      }
    }
    for (String ip : snatIps) {
      Preflight.require(Refs.isRef(ip) || gatewayIps.contains(ip), "SnatIpNotOfGateway", "SNAT IP " + ip
          + " is not an EIP of NAT gateway " + natGatewayId + " (bound now or by an earlier change of the plan;"
          + " its EIPs: " + (gatewayIps.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(gatewayIps)))
          + ")");
    }
  }

  @Override
  public ChangeResult execute(Execution x) {
    NatGatewayId nat = NatGatewayId.of(x.resolve(natGatewayId));
    VSwitchId vsw = VSwitchId.of(sourceVSwitchId);
    Optional<SnatEntry> present = x.call(() -> x.port().vpc().describeSnatEntries(nat)).stream()
        .filter(e -> e.sourceVSwitchId().equals(Optional.of(vsw))).findFirst();
    if (present.isPresent()) {
      SnatEntry e = present.get();
      if (!x.dry()) {
        available(x, e.snatTableId(), e.id());
      }
      return x.inPlace("SNAT entry " + e.id() + " of " + nat + " covers " + vsw, Map.of("snatEntryId",
          e.id().value()));
    }
    if (x.dry()) {
      return x.wouldApply();
    }
    SnatTableId table;
    if (snatTableId != null) {
      table = SnatTableId.of(x.resolve(snatTableId));
    } else {
      List<SnatTableId> tables = x.call(() -> x.port().vpc().describeNatGateway(nat)).snatTableIds();
      if (tables.isEmpty()) {
        return x.failed("NAT gateway " + nat + " has no SNAT table", "NoSnatTable");
      }
      table = tables.get(0);
    }
    SnatEntryRequest.Builder req = SnatEntryRequest.builder().snatTableId(table).sourceVSwitchId(vsw)
        .clientToken(x.clientToken());
    snatIps.forEach(ip -> req.addSnatIp(IpAddress.parse(x.resolve(ip))));
    SnatEntryRequest request = req.build();
    SnatEntryId id = x.call(() -> x.port().vpc().createSnatEntry(request));
    available(x, table, id);
    return x.applied(Map.of("snatEntryId", id.value()));
  }

  private static void available(Execution x, SnatTableId table, SnatEntryId id) {
    x.waitFor(() -> x.call(() -> x.port().vpc().describeSnatEntry(table, id)).isAvailable(),
        "SNAT entry " + id + " to be Available");
  }
}
