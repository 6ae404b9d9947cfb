package io.easnet.core.change;

import io.easnet.core.change.Change.ChangeKind;
import io.easnet.core.change.Change.Params;
import io.easnet.core.change.Change.Refs;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.internal.json.Cursor;
import io.easnet.core.model.Eip;
import io.easnet.core.model.ResourceId.EipAllocationId;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.ResourceId.SnatEntryId;
import io.easnet.core.model.ResourceId.SnatTableId;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.spi.VpcApi.SnatEntryRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Create a SNAT entry whose source is a vSwitch (CreateSnatEntry with SourceVSwitchId), on the gateway's first SNAT
 * table (looked up when applied if none is known). {@code snatIps} empty means the address of the EIP a
 * {@link BindEip} of the same plan binds to the gateway.
 *
 * @param gateway the gateway and its SNAT tables
 * @param sourceVSwitchId the vSwitch whose traffic the entry translates
 * @param snatIps the SNAT IPs (addresses or references), or none for the gateway's EIP
 */
public record CreateSnatEntry(Gateway gateway, VSwitchId sourceVSwitchId, List<String> snatIps) implements Change {
  /** Checks the arguments and copies the list. */
  public CreateSnatEntry {
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(sourceVSwitchId, "sourceVSwitchId");
    snatIps = List.copyOf(snatIps);
  }

  /** Reads the parameters of a {@link ChangeKind#CREATE_SNAT_ENTRY} change. */
  static CreateSnatEntry read(Cursor p) {
    p.rejectUnknownKeys(List.of("natGatewayId", "snatTableId", "sourceVSwitchId", "snatIps"));
    List<String> ips = Params.ids(p, "snatIps", IpAddress::parse, true);
    if (ips.isEmpty()) {
      throw p.required("snatIps").error("a SNAT entry needs at least one SNAT IP.",
          "list the EIP addresses of the NAT gateway, e.g. [\"47.1.2.3\"].");
    }
    String nat = Params.value(p, "natGatewayId", NatGatewayId::of);
    List<String> table = p.opt("snatTableId").isPresent() ? List.of(Params.value(p, "snatTableId", SnatTableId::of))
        : List.of();
    return new CreateSnatEntry(new Gateway(nat, table),
        VSwitchId.of(Params.id(p, "sourceVSwitchId", VSwitchId::of)), ips);
  }

  /** The table the entry goes into: the gateway's first, when one is known. */
  Optional<String> snatTableId() {
    return gateway.snatTableIds().stream().findFirst();
  }

  /**
   * The entry of a plan: on the gateway's first SNAT table (the planned gateway's, by reference) and with the SNAT IPs
   * asked for, or else the address of the EIP a planned binding gives the gateway; none while the gateway or that
   * address is not planned.
   */
  @Override
  public List<Change> bind(Binding b) {
    Optional<String> nat = gateway.bind(b);
    if (nat.isEmpty()) {
      return List.of();
    }
    List<String> table = gateway.newInVpc().isPresent()
        ? List.of(Refs.ref(Refs.changeOf(nat.get()).orElseThrow(), "snatTableId"))
        : snatTableId().map(t -> List.of(b.symbolOf(t))).orElse(List.of());
    List<String> ips = snatIps.stream().map(b::symbolOf).toList();
    if (ips.isEmpty()) {
      Optional<String> ip = plannedEipAddress(b, nat.get());
      if (ip.isEmpty()) {
        return List.of();
      }
      ips = List.of(ip.get());
    }
    return List.of(new CreateSnatEntry(new Gateway(nat.get(), table), sourceVSwitchId, ips));
  }

  /** The address of the EIP a planned binding gives the gateway, as a literal or a reference. */
  private static Optional<String> plannedEipAddress(Binding b, String nat) {
    Optional<Change> bind = b.planned(BindEip.keyOf(nat));
    if (bind.isEmpty() || !(bind.get() instanceof BindEip e)) {
      return Optional.empty();
    }
    Optional<String> alloc = Refs.changeOf(e.eipId());
    if (alloc.isPresent()) {
      return Optional.of(Refs.ref(alloc.get(), "ipAddress"));
    }
    return b.inventory().eip(EipAllocationId.of(e.eipId())).map(Eip::ipAddress).map(IpAddress::toString);
  }

  /** The binding of the gateway's EIP: the entry's SNAT IP must be bound to the gateway first. */
  @Override
  public List<String> needs() {
    return List.of(BindEip.keyOf(gateway.id()));
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
    return List.of(gateway.id(), sourceVSwitchId.value());
  }

  @Override
  public String describe() {
    String table = gateway.newInVpc().isPresent() ? "" : snatTableId().map(t -> " (table " + t + ")").orElse("");
    return "create a SNAT entry on " + gateway.named() + table + " with SourceVSwitchId " + sourceVSwitchId
        + " and SnatIp " + (snatIps.isEmpty() ? "the gateway's EIP" : String.join(",", snatIps))
        + " (CreateSnatEntry)";
  }

  @Override
  public void writeParameters(ObjectNode p) {
    p.put("natGatewayId", gateway.id());
    snatTableId().ifPresent(t -> p.put("snatTableId", t));
    p.put("sourceVSwitchId", sourceVSwitchId.value());
    ArrayNode a = p.putArray("snatIps");
    snatIps.forEach(a::add);
  }

  @Override
  public void writeRemedy(ObjectNode n) {
    gateway.write(n.putObject("gateway"));
    n.put("sourceVSwitchId", sourceVSwitchId.value());
    ArrayNode a = n.putArray("snatIps");
    snatIps.forEach(a::add);
  }

  @Override
  public Change mapValues(UnaryOperator<String> f) {
    return new CreateSnatEntry(new Gateway(f.apply(gateway.id()), gateway.snatTableIds().stream().map(f).toList()),
        sourceVSwitchId, snatIps.stream().map(f).toList());
  }

  @Override
  public List<String> values() {
    List<String> out = new ArrayList<>(List.of(gateway.id(), sourceVSwitchId.value()));
    out.addAll(gateway.snatTableIds());
    out.addAll(snatIps);
    return out;
  }

  @Override
  public <S extends Estate<S>> S applyTo(S s) {
    String nat = s.resolve(gateway.id());
    Optional<NatGateway> g = s.inventory().natGateway(NatGatewayId.of(nat));
    Params.require(g.isPresent(), "NAT gateway " + nat);
    String table = snatTableId().isPresent() ? s.resolve(snatTableId().get())
        : g.get().snatTableIds().isEmpty() ? "stb-planned" + s.nextNumber() : g.get().snatTableIds().get(0).value();
    SnatEntry.Builder e = SnatEntry.builder().id("snat-planned" + s.nextNumber()).snatTableId(table)
        .natGatewayId(nat).sourceVSwitchId(sourceVSwitchId.value()).status(SnatEntry.AVAILABLE);
    snatIps.forEach(ip -> e.addSnatIps(IpAddress.parse(s.resolve(ip))));
    return s.withInventory(s.inventory().toBuilder().addSnatEntry(e).build());
  }

  /**
   * The gateway exists (or an earlier change creates it), its SNAT tables as the plan names them are that
   * gateway's (else the entry would land on another gateway's table), the source vSwitch exists in the gateway's
   * VPC, and each SNAT IP is an EIP the gateway holds or an earlier change of the plan binds to it (see
   * {@link Preflight}).
   */
  @Override
  public void checkBeforeWrites(Execution<?> x) {
    String nat = gateway.id();
    String vpc = null;
    java.util.Set<String> gatewayIps = new java.util.HashSet<>();
    if (!Refs.isRef(nat)) {
      NatGateway g = Preflight.natGateway(x, nat);
      vpc = g.vpcId().value();
      for (String table : gateway.snatTableIds()) {
        Preflight.require(!Refs.isRef(table), "SnatTableMismatch", "the SNAT table " + table
            + " is one an earlier change creates, but NAT gateway " + nat + " exists already");
        Preflight.require(g.snatTableIds().contains(SnatTableId.of(table)), "SnatTableMismatch",
            "SNAT table " + table + " is not NAT gateway " + nat + "'s (its SNAT tables: "
                + (g.snatTableIds().isEmpty() ? "none" : g.snatTableIds().stream().map(SnatTableId::value)
                    .collect(java.util.stream.Collectors.joining(", "))) + "), so the entry would land on"
                + " another gateway");
      }
      x.call(() -> x.port().vpc().describeEips(g.id())).forEach(e -> gatewayIps.add(e.ipAddress().toString()));
    } else {
      vpc = Preflight.creator(x, nat, CreateNatGateway.class).map(c -> c.vpcId().value()).orElse(null);
      for (String table : gateway.snatTableIds()) {
        Preflight.require(Refs.isRef(table) && Refs.changeOf(table).equals(Refs.changeOf(nat)),
            "SnatTableMismatch", "SNAT table " + table + " is not the table of NAT gateway " + nat
                + ", which " + Refs.changeOf(nat).orElse("an earlier change") + " creates");
      }
    }
    VSwitch v = Preflight.vSwitch(x, sourceVSwitchId.value(), "source vSwitch");
    if (vpc != null) {
      Preflight.require(v.vpcId().value().equals(vpc), "VpcMismatch", "source vSwitch " + sourceVSwitchId
          + " lies in " + v.vpcId() + ", but NAT gateway " + nat + " in " + vpc);
    }
    for (Change a : x.earlierActions()) {
      if (a instanceof BindEip b && b.gateway().id().equals(nat) && !Refs.isRef(b.eipId())) {
        gatewayIps.add(Preflight.eip(x, b.eipId()).ipAddress().toString());
      }
    }
    for (String ip : snatIps) {
      Preflight.require(Refs.isRef(ip) || gatewayIps.contains(ip), "SnatIpNotOfGateway", "SNAT IP " + ip
          + " is not an EIP of NAT gateway " + nat + " (bound now or by an earlier change of the plan;"
          + " its EIPs: " + (gatewayIps.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(gatewayIps)))
          + ")");
    }
    quota(x);
  }

  /**
   * The SNAT entries of the gateway stay within the quota (docs/plan-safety.md, "Quotas"): those it holds, plus this
   * plan's entries on it up to this one; an entry for a vSwitch that has one already is not created again.
   */
  private void quota(Execution<?> x) {
    String nat = gateway.id();
    List<SnatEntry> held = Refs.isRef(nat) ? List.of()
        : x.call(() -> x.port().vpc().describeSnatEntries(NatGatewayId.of(nat)));
    java.util.Set<VSwitchId> sources = new java.util.HashSet<>();
    held.forEach(e -> e.sourceVSwitchId().ifPresent(sources::add));
    if (sources.contains(sourceVSwitchId)) {
      return;
    }
    int adding = 1;
    for (Change a : x.earlierActions()) {
      if (a instanceof CreateSnatEntry c && c.gateway().id().equals(nat) && !sources.contains(c.sourceVSwitchId())) {
        adding++;
      }
    }
    Preflight.quota("NAT gateway", nat, "SNAT entries", held.size(),
        adding, Preflight.SNAT_ENTRIES_PER_NAT_GATEWAY, "delete SNAT entries the gateway no longer needs"
        + " (DeleteSnatEntry; one entry for a CIDR block can cover several vSwitches), or raise the quota in"
        + " Quota Center, then plan again");
  }

  @Override
  public <R> R execute(Execution<R> x) {
    NatGatewayId nat = NatGatewayId.of(x.resolve(gateway.id()));
    VSwitchId vsw = sourceVSwitchId;
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
    if (snatTableId().isPresent()) {
      table = SnatTableId.of(x.resolve(snatTableId().get()));
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

  private static void available(Execution<?> x, SnatTableId table, SnatEntryId id) {
    x.waitFor(() -> x.call(() -> x.port().vpc().describeSnatEntry(table, id)).isAvailable(),
        "SNAT entry " + id + " to be Available");
  }
}
