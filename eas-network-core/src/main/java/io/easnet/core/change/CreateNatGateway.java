package io.easnet.core.change;

import io.easnet.core.change.Change.ChangeKind;
import io.easnet.core.change.Change.Params;
import io.easnet.core.change.Change.Refs;
import io.easnet.core.model.VSwitch;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.internal.json.Cursor;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.NatGateway.NatNetworkType;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.VpcApi.CreateNatGatewayRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Create an internet NAT gateway in a VPC (CreateNatGateway, NetworkType internet): billed; outputs natGatewayId and snatTableId. */
public record CreateNatGateway(VpcId vpcId, VSwitchId vSwitchId) implements Change {
  /** The prefix of the key of the change that creates a VPC's NAT gateway. */
  static final String KEY_PREFIX = "nat:";

  /** Checks the arguments. */
  public CreateNatGateway {
    Objects.requireNonNull(vpcId, "vpcId");
    Objects.requireNonNull(vSwitchId, "vSwitchId");
  }

  /** The key of the change that creates the NAT gateway of {@code vpcId}: one per VPC. */
  static String keyOf(String vpcId) {
    return KEY_PREFIX + vpcId;
  }

  /** Reads the parameters of a {@link ChangeKind#CREATE_NAT_GATEWAY} change. */
  static CreateNatGateway read(Cursor p) {
    p.rejectUnknownKeys(List.of("vpcId", "vSwitchId", "networkType"));
    p.opt("networkType").ifPresent(t -> {
      if (!t.text().equals("internet")) {
        throw t.error("a plan creates internet NAT gateways only, not \"" + t.text() + "\".",
            "write \"networkType\": \"internet\".");
      }
    });
    return new CreateNatGateway(VpcId.of(Params.id(p, "vpcId", VpcId::of)),
        VSwitchId.of(Params.id(p, "vSwitchId", VSwitchId::of)));
  }

  @Override
  public List<Change> bind(Binding b) {
    return List.of(this);
  }

  @Override
  public ChangeKind kind() {
    return ChangeKind.CREATE_NAT_GATEWAY;
  }

  @Override
  public String key() {
    return keyOf(vpcId.value());
  }

  @Override
  public List<String> targets() {
    return List.of(vpcId.value());
  }

  @Override
  public String describe() {
    return "create an internet NAT gateway in " + vpcId + " on vSwitch " + vSwitchId
        + " (CreateNatGateway with NetworkType internet; billed)";
  }

  @Override
  public boolean billed() {
    return true;
  }

  @Override
  public Optional<String> billing() {
    return Optional.of("a NAT gateway is billed by the hour and by the traffic it carries, from its creation until"
        + " it is deleted (enhanced internet NAT gateway, pay-as-you-go)");
  }

  @Override
  public void writeParameters(ObjectNode p) {
    p.put("vpcId", vpcId.value());
    p.put("vSwitchId", vSwitchId.value());
    p.put("networkType", "internet");
  }

  @Override
  public void writeRemedy(ObjectNode n) {
    n.put("vpcId", vpcId.value());
    n.put("vSwitchId", vSwitchId.value());
  }

  @Override
  public List<String> outputs() {
    return List.of("natGatewayId", "snatTableId");
  }

  @Override
  public <S extends Estate<S>> S applyTo(S s) {
    int n = s.nextNumber();
    String nat = "ngw-planned" + n;
    String table = "stb-planned" + n;
    Inventory inv = s.inventory().toBuilder().addNatGateway(NatGateway.builder().id(nat).vpcId(vpcId.value())
        .vSwitchId(vSwitchId.value()).networkType(NatNetworkType.INTERNET).status(NatGateway.AVAILABLE)
        .addSnatTableId(table)).build();
    return s.withInventory(inv).withOutput(Refs.ref(s.currentKey(), "natGatewayId"), nat)
        .withOutput(Refs.ref(s.currentKey(), "snatTableId"), table);
  }

  /** The VPC exists and the vSwitch lies in it (see {@link Preflight}). */
  @Override
  public void checkBeforeWrites(Execution<?> x) {
    Preflight.vpc(x, vpcId.value());
    VSwitch v = Preflight.vSwitch(x, vSwitchId.value(), "vSwitch");
    Preflight.require(v.vpcId().equals(vpcId), "VpcMismatch", "vSwitch " + vSwitchId + " lies in "
        + v.vpcId() + ", not in " + vpcId);
  }

  @Override
  public <R> R execute(Execution<R> x) {
    String name = x.resourceName();
    Optional<NatGateway> mine = x.call(() -> x.port().vpc().describeNatGateways(vpcId)).stream()
        .filter(g -> g.name().equals(Optional.of(name))).findFirst();
    if (mine.isPresent()) {
      if (x.dry()) {
        return x.inPlace("NAT gateway " + mine.get().id() + " (" + name + ") exists", outputs(mine.get()));
      }
      NatGateway g = available(x, mine.get().id());
      return x.inPlace("NAT gateway " + g.id() + " (" + name + ") exists", outputs(g));
    }
    if (x.dry()) {
      return x.wouldApply();
    }
    CreateNatGatewayRequest req = CreateNatGatewayRequest.builder().vpcId(vpcId).vSwitchId(vSwitchId)
        .name(name).clientToken(x.clientToken()).build();
    NatGatewayId id = x.call(() -> x.port().vpc().createNatGateway(req));
    return x.applied(outputs(available(x, id)));
  }

  private static NatGateway available(Execution<?> x, NatGatewayId id) {
    NatGateway[] last = new NatGateway[1];
    x.waitFor(() -> {
      last[0] = x.call(() -> x.port().vpc().describeNatGateway(id));
      return last[0].isAvailable();
    }, "NAT gateway " + id + " to be Available");
    return last[0];
  }

  private static Map<String, String> outputs(NatGateway g) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("natGatewayId", g.id().value());
    if (!g.snatTableIds().isEmpty()) {
      out.put("snatTableId", g.snatTableIds().get(0).value());
    }
    return out;
  }
}
