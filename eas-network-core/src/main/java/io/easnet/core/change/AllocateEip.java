package io.easnet.core.change;

import io.easnet.core.change.Change.ChangeKind;
import io.easnet.core.change.Change.Params;
import io.easnet.core.change.Change.Refs;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.internal.json.Cursor;
import io.easnet.core.model.Eip;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.spi.VpcApi.AllocateEipRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Allocate an EIP for a NAT gateway (AllocateEipAddress): billed; outputs eipId and ipAddress. The analysis never
 * asks for it: a plan allocates it for the {@link BindEip} of a new EIP.
 *
 * @param forGateway the gateway the EIP is for (an id or a reference)
 * @param bandwidthMbps the bandwidth
 * @param internetChargeType {@code PayByTraffic} or {@code PayByBandwidth}
 */
public record AllocateEip(String forGateway, int bandwidthMbps, String internetChargeType) implements Change {
  /** The key of the change that allocates an EIP for {@code gateway} (an id or a reference): one per gateway. */
  static String keyOf(String gateway) {
    return "alloc:" + Refs.changeOf(gateway).orElse(gateway);
  }

  /** Reads the parameters of a {@link ChangeKind#ALLOCATE_EIP} change. */
  static AllocateEip read(Cursor p) {
    p.rejectUnknownKeys(List.of("for", "bandwidthMbps", "internetChargeType"));
    int bandwidth = p.opt("bandwidthMbps").map(c -> c.integer(1, 200, "the bandwidth")).orElse(5);
    String charge = p.optText("internetChargeType").orElse("PayByTraffic");
    if (!charge.equals("PayByTraffic") && !charge.equals("PayByBandwidth")) {
      throw p.get("internetChargeType").error("\"" + charge + "\" is not an internet charge type.",
          "write \"PayByTraffic\" or \"PayByBandwidth\".");
    }
    return new AllocateEip(Params.value(p, "for", NatGatewayId::of), bandwidth, charge);
  }

  @Override
  public List<Change> bind(Binding b) {
    return List.of(this);
  }

  @Override
  public ChangeKind kind() {
    return ChangeKind.ALLOCATE_EIP;
  }

  @Override
  public String key() {
    return keyOf(forGateway);
  }

  @Override
  public List<String> targets() {
    return List.of();
  }

  @Override
  public String describe() {
    return "allocate a new EIP for NAT gateway " + forGateway + " (AllocateEipAddress, " + bandwidthMbps
        + " Mbit/s, " + internetChargeType + "; billed)";
  }

  @Override
  public boolean billed() {
    return true;
  }

  @Override
  public Optional<String> billing() {
    return Optional.of("an EIP is billed from its allocation until it is released, bound or not (pay-as-you-go,"
        + " traffic billed)");
  }

  @Override
  public void writeParameters(ObjectNode p) {
    p.put("for", forGateway);
    p.put("bandwidthMbps", bandwidthMbps);
    p.put("internetChargeType", internetChargeType);
  }

  @Override
  public void writeRemedy(ObjectNode n) {
    writeParameters(n);
  }

  @Override
  public Change mapValues(UnaryOperator<String> f) {
    return new AllocateEip(f.apply(forGateway), bandwidthMbps, internetChargeType);
  }

  @Override
  public List<String> values() {
    return List.of(forGateway);
  }

  @Override
  public List<String> outputs() {
    return List.of("eipId", "ipAddress");
  }

  @Override
  public <S extends Estate<S>> S applyTo(S s) {
    int n = s.nextNumber();
    String id = "eip-planned" + n;
    String ip = "47.254." + (n / 250) + "." + (1 + n % 250);
    Inventory inv = s.inventory().toBuilder().addEip(Eip.builder().id(id).ipAddress(ip).status("Available"))
        .build();
    return s.withInventory(inv).withOutput(Refs.ref(s.currentKey(), "eipId"), id)
        .withOutput(Refs.ref(s.currentKey(), "ipAddress"), ip);
  }

  /** The gateway the EIP is for exists, or an earlier change creates it (see {@link Preflight}). */
  @Override
  public void checkBeforeWrites(Execution<?> x) {
    if (!Refs.isRef(forGateway)) {
      Preflight.natGateway(x, forGateway);
    }
  }

  @Override
  public <R> R execute(Execution<R> x) {
    String name = x.resourceName();
    String nat = x.resolve(forGateway);
    if (nat != null) {
      Optional<Eip> bound = x.call(() -> x.port().vpc().describeEips(NatGatewayId.of(nat))).stream()
          .filter(e -> e.name().equals(Optional.of(name))).findFirst();
      if (bound.isPresent()) {
        return x.inPlace("EIP " + bound.get().id() + " (" + name + ") is allocated and bound to " + nat,
            outputs(bound.get()));
      }
    }
    if (x.dry()) {
      return x.wouldApply();
    }
    AllocateEipRequest req = AllocateEipRequest.builder().name(name).bandwidthMbps(bandwidthMbps)
        .internetChargeType(internetChargeType).clientToken(x.clientToken()).build();
    Eip eip = x.call(() -> x.port().vpc().allocateEip(req));
    return x.applied(outputs(eip));
  }

  private static Map<String, String> outputs(Eip e) {
    return Map.of("eipId", e.id().value(), "ipAddress", e.ipAddress().toString());
  }
}
