package io.easnet.core.change;

import io.easnet.core.change.Change.ChangeKind;
import io.easnet.core.change.Change.Params;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.internal.json.Cursor;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.RouteTable.RouteEntry;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.ResourceId.RouteTableId;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.VpcApi.CreateRouteEntryRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Add a route entry to a NAT gateway (CreateRouteEntry, NextHopType NatGateway).
 *
 * @param vpcId the VPC of the route table
 * @param routeTableId the route table
 * @param destination the destination block
 * @param nextHop the NAT gateway
 */
public record AddRouteEntry(VpcId vpcId, RouteTableId routeTableId, Cidr destination, Gateway nextHop)
    implements Change {
  /** Checks the arguments. */
  public AddRouteEntry {
    Objects.requireNonNull(vpcId, "vpcId");
    Objects.requireNonNull(routeTableId, "routeTableId");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(nextHop, "nextHop");
  }

  /** Reads the parameters of a {@link ChangeKind#ADD_ROUTE_ENTRY} change. */
  static AddRouteEntry read(Cursor p) {
    p.rejectUnknownKeys(List.of("vpcId", "routeTableId", "destinationCidrBlock", "nextHopType",
        "natGatewayId"));
    p.opt("nextHopType").ifPresent(t -> {
      if (!t.text().equals(RouteEntry.NAT_GATEWAY)) {
        throw t.error("a plan routes to NAT gateways only, not \"" + t.text() + "\".",
            "write \"nextHopType\": \"NatGateway\".");
      }
    });
    return new AddRouteEntry(VpcId.of(Params.id(p, "vpcId", VpcId::of)),
        RouteTableId.of(Params.id(p, "routeTableId", RouteTableId::of)),
        Cidr.parse(Params.id(p, "destinationCidrBlock", Cidr::parse)),
        new Gateway(Params.value(p, "natGatewayId", NatGatewayId::of), List.of()));
  }

  /** The route of a plan; none while the gateway is not planned or the table is unknown. */
  @Override
  public List<Change> bind(Binding b) {
    Optional<String> nat = nextHop.bind(b);
    Optional<RouteTable> table = b.inventory().routeTable(routeTableId);
    if (nat.isEmpty() || table.isEmpty()) {
      return List.of();
    }
    return List.of(new AddRouteEntry(vpcId, routeTableId, destination, new Gateway(nat.get(), List.of())));
  }

  @Override
  public ChangeKind kind() {
    return ChangeKind.ADD_ROUTE_ENTRY;
  }

  @Override
  public String key() {
    return "route:" + routeTableId + ":" + destination;
  }

  @Override
  public List<String> targets() {
    return List.of(routeTableId.value());
  }

  @Override
  public String describe() {
    return "add a route entry " + destination + " with next hop type NatGateway " + nextHop.describe() + " to "
        + routeTableId + " (CreateRouteEntry)";
  }

  @Override
  public void writeParameters(ObjectNode p) {
    p.put("vpcId", vpcId.value());
    p.put("routeTableId", routeTableId.value());
    p.put("destinationCidrBlock", destination.toString());
    p.put("nextHopType", RouteEntry.NAT_GATEWAY);
    p.put("natGatewayId", nextHop.id());
  }

  @Override
  public void writeRemedy(ObjectNode n) {
    n.put("routeTableId", routeTableId.value());
    n.put("destination", destination.toString());
    nextHop.write(n.putObject("nextHop"));
  }

  @Override
  public Change mapValues(UnaryOperator<String> f) {
    return new AddRouteEntry(vpcId, routeTableId, destination, new Gateway(f.apply(nextHop.id()),
        nextHop.snatTableIds()));
  }

  @Override
  public List<String> values() {
    return List.of(nextHop.id());
  }

  @Override
  public <S extends Estate<S>> S applyTo(S s) {
    NatGatewayId nat = NatGatewayId.of(s.resolve(nextHop.id()));
    Inventory inv = s.inventory();
    List<RouteTable> tables = Params.replacing(inv.routeTables(), t -> t.id().value(), routeTableId.value(),
        t -> t.entries().stream().anyMatch(e -> e.destination().equals(destination) && e.pointsTo(nat)) ? t
            : t.toBuilder().addEntries(RouteEntry.toNat(destination.toString(), nat)).build(), "route table");
    return s.withInventory(inv.toBuilder().routeTables(tables).build());
  }

  /**
   * The route table is one of the VPC's, and the NAT gateway the route points to lies in that VPC (see
   * {@link Preflight}).
   */
  @Override
  public void checkBeforeWrites(Execution<?> x) {
    RouteTable t = Preflight.routeTable(x, vpcId.value(), routeTableId.value());
    // the quota counts custom entries (system entries, next hop "local", do not count); a destination the table
    // routes already is not added again (docs/plan-safety.md, "Quotas")
    java.util.Set<Cidr> routed = new java.util.HashSet<>();
    t.entries().forEach(e -> routed.add(e.destination()));
    if (!routed.contains(destination)) {
      int now = (int) t.entries().stream().filter(e -> !"local".equalsIgnoreCase(e.nextHopType())).count();
      int adding = 1;
      for (Change c : Preflight.earlier(x)) {
        if (c instanceof AddRouteEntry a && a.routeTableId().equals(routeTableId)
            && !routed.contains(a.destination())) {
          adding++;
        }
      }
      Preflight.quota("route table", routeTableId.value(), "custom route entries", now, adding,
          Preflight.CUSTOM_ROUTE_ENTRIES_PER_TABLE, "delete custom route entries the table no longer needs"
          + " (DeleteRouteEntry), or raise the quota in Quota Center, then plan again");
    }
    Preflight.vpcOfGateway(x, nextHop.id()).ifPresent(v -> Preflight.require(v.equals(vpcId.value()), "VpcMismatch",
        "NAT gateway " + nextHop.id() + " lies in " + v + ", but route table " + routeTableId + " in " + vpcId));
  }

  @Override
  public <R> R execute(Execution<R> x) {
    NatGatewayId nat = NatGatewayId.of(x.resolve(nextHop.id()));
    Optional<RouteTable> table = x.call(() -> x.port().vpc().describeRouteTables(vpcId)).stream()
        .filter(t -> t.id().equals(routeTableId)).findFirst();
    if (table.isPresent() && table.get().entries().stream()
        .anyMatch(e -> e.destination().equals(destination) && e.pointsTo(nat))) {
      return x.inPlace("route table " + routeTableId + " already sends " + destination + " to " + nat, Map.of());
    }
    if (x.dry()) {
      return x.wouldApply();
    }
    CreateRouteEntryRequest req = CreateRouteEntryRequest.builder().routeTableId(routeTableId)
        .destination(destination).natGatewayId(nat).clientToken(x.clientToken()).build();
    x.write(() -> x.port().vpc().createRouteEntry(req));
    return x.applied(Map.of());
  }
}
