package io.easnet.core.plan;

import io.easnet.core.internal.ChangeSentences;
import io.easnet.core.analysis.Remedy;
import java.util.Optional;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.internal.json.Cursor;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.NatGatewayId;
import io.easnet.core.model.RouteEntry;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.RouteTableId;
import io.easnet.core.model.VpcId;
import io.easnet.core.spi.CreateRouteEntryRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Route a destination block to a NAT gateway. */
record AddRoute(String vpcId, String routeTableId, String destination, String natGatewayId) implements Action {
  /** The route the remedy asks for; none while the gateway is not planned or the table is unknown. */
  static List<Action> plan(Remedy.AddRouteEntry r, Planning p) {
    Optional<String> nat = p.gateway(r.nextHop());
    Optional<RouteTable> table = p.state().inventory().routeTable(r.routeTableId());
    if (nat.isEmpty() || table.isEmpty()) {
      return List.of();
    }
    return List.of(new AddRoute(table.get().vpcId().value(), r.routeTableId().value(), r.destination().toString(),
        nat.get()));
  }

  /** Reads the parameters of a {@link ChangeKind#ADD_ROUTE_ENTRY} change (see {@link Action#read}). */
  static AddRoute read(Cursor p) {
    p.rejectUnknownKeys(List.of("vpcId", "routeTableId", "destinationCidrBlock", "nextHopType",
        "natGatewayId"));
    p.opt("nextHopType").ifPresent(t -> {
      if (!t.text().equals(RouteEntry.NAT_GATEWAY)) {
        throw t.error("a plan routes to NAT gateways only, not \"" + t.text() + "\".",
            "write \"nextHopType\": \"NatGateway\".");
      }
    });
    return new AddRoute(Params.id(p, "vpcId", VpcId::of), Params.id(p, "routeTableId", RouteTableId::of),
        Params.id(p, "destinationCidrBlock", Cidr::parse), Params.value(p, "natGatewayId", NatGatewayId::of));
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
    return List.of(routeTableId);
  }

  @Override
  public String describe() {
    return ChangeSentences.addRouteEntry(destination, natGatewayId, routeTableId);
  }

  @Override
  public void writeParameters(ObjectNode p) {
    p.put("vpcId", vpcId);
    p.put("routeTableId", routeTableId);
    p.put("destinationCidrBlock", destination);
    p.put("nextHopType", RouteEntry.NAT_GATEWAY);
    p.put("natGatewayId", natGatewayId);
  }

  @Override
  public Action mapValues(UnaryOperator<String> f) {
    return new AddRoute(vpcId, routeTableId, destination, f.apply(natGatewayId));
  }

  @Override
  public List<String> values() {
    return List.of(natGatewayId);
  }

  @Override
  public PlanState applyTo(PlanState s) {
    NatGatewayId nat = NatGatewayId.of(s.resolve(natGatewayId));
    Inventory inv = s.inventory();
    Cidr d = Cidr.parse(destination);
    List<RouteTable> tables = PlanState.replacing(inv.routeTables(), t -> t.id().value(), routeTableId,
        t -> t.entries().stream().anyMatch(e -> e.destination().equals(d) && e.pointsTo(nat)) ? t
            : t.toBuilder().addEntries(RouteEntry.toNat(destination, nat)).build(), "route table");
    return s.withInventory(inv.toBuilder().routeTables(tables).build());
  }

  /**
   * The route table is one of the VPC's, and the NAT gateway the route points to lies in that VPC (see
   * {@link Preflight}).
   */
  @Override
  public void checkBeforeWrites(Execution x) {
    Preflight.routeTable(x, vpcId, routeTableId);
    Preflight.vpcOfGateway(x, natGatewayId).ifPresent(v -> Preflight.require(v.equals(vpcId), "VpcMismatch",
        "NAT gateway " + natGatewayId + " lies in " + v + ", but route table " + routeTableId + " in " + vpcId));
  }

  @Override
  public ChangeResult execute(Execution x) {
    RouteTableId tableId = RouteTableId.of(routeTableId);
    NatGatewayId nat = NatGatewayId.of(x.resolve(natGatewayId));
    Cidr dest = Cidr.parse(destination);
    Optional<RouteTable> table = x.call(() -> x.port().vpc().describeRouteTables(VpcId.of(vpcId))).stream()
        .filter(t -> t.id().equals(tableId)).findFirst();
    if (table.isPresent() && table.get().entries().stream()
        .anyMatch(e -> e.destination().equals(dest) && e.pointsTo(nat))) {
      return x.inPlace("route table " + tableId + " already sends " + dest + " to " + nat, Map.of());
    }
    if (x.dry()) {
      return x.wouldApply();
    }
    CreateRouteEntryRequest req = CreateRouteEntryRequest.builder().routeTableId(tableId).destination(dest)
        .natGatewayId(nat).clientToken(x.clientToken()).build();
    x.write(() -> x.port().vpc().createRouteEntry(req));
    return x.applied(Map.of());
  }
}
