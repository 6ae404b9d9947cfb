package io.easnet.core.plan;

import io.easnet.core.internal.ChangeSentences;
import io.easnet.core.analysis.Remedy;
import io.easnet.core.model.Eip;
import java.util.Optional;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.internal.json.Cursor;
import io.easnet.core.model.Eip;
import io.easnet.core.model.EipAllocationId;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.NatGatewayId;
import io.easnet.core.spi.EipAssociationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Bind an EIP to a NAT gateway. */
record BindEip(String eipId, String natGatewayId) implements Action {
  /** The key of the change that binds an EIP to {@code natGatewayId}: one per gateway. */
  static String keyOf(String natGatewayId) {
    return "bind:" + natGatewayId;
  }

  /**
   * The binding the remedy asks for: an unbound EIP of the account, or a new one (an {@link AllocateEip} first); none
   * while the gateway is not planned or the EIP is gone or bound since.
   */
  static List<Action> plan(Remedy.BindEip r, Planning p) {
    Optional<String> nat = p.gateway(r.gateway());
    if (nat.isEmpty()) {
      return List.of();
    }
    if (r.eip() instanceof Remedy.Eip.Existing e) {
      Optional<Eip> now = p.state().inventory().eip(e.eipId());
      if (now.isEmpty() || now.get().instanceId().isPresent()) {
        return List.of();
      }
      return List.of(new BindEip(p.state().symbolOf(e.eipId().value()), nat.get()));
    }
    return List.of(new AllocateEip(nat.get(), 5, "PayByTraffic"),
        new BindEip(Refs.ref(AllocateEip.keyOf(nat.get()), "eipId"), nat.get()));
  }

  /** Reads the parameters of a {@link ChangeKind#BIND_EIP} change (see {@link Action#read}). */
  static BindEip read(Cursor p) {
    p.rejectUnknownKeys(List.of("eipId", "natGatewayId"));
    return new BindEip(Params.value(p, "eipId", EipAllocationId::of),
        Params.value(p, "natGatewayId", NatGatewayId::of));
  }

  @Override
  public ChangeKind kind() {
    return ChangeKind.BIND_EIP;
  }

  @Override
  public String key() {
    return keyOf(natGatewayId);
  }

  @Override
  public List<String> targets() {
    return List.of(natGatewayId, eipId);
  }

  @Override
  public String describe() {
    return ChangeSentences.bindEip("EIP " + eipId, "NAT gateway " + natGatewayId);
  }

  @Override
  public void writeParameters(ObjectNode p) {
    p.put("eipId", eipId);
    p.put("natGatewayId", natGatewayId);
  }

  @Override
  public Action mapValues(UnaryOperator<String> f) {
    return new BindEip(f.apply(eipId), f.apply(natGatewayId));
  }

  @Override
  public List<String> values() {
    return List.of(eipId, natGatewayId);
  }

  @Override
  public PlanState applyTo(PlanState s) {
    String eip = s.resolve(eipId);
    String nat = s.resolve(natGatewayId);
    Inventory inv = s.inventory();
    PlanState.require(inv.natGateway(NatGatewayId.of(nat)).isPresent(), "NAT gateway " + nat);
    List<Eip> eips = PlanState.replacing(inv.eips(), e -> e.id().value(), eip,
        e -> e.toBuilder().instanceId(nat).instanceType("Nat").status("InUse").build(), "EIP");
    List<NatGateway> nats = new ArrayList<>();
    for (NatGateway g : inv.natGateways()) {
      boolean bind = g.id().value().equals(nat) && g.eipIds().stream().noneMatch(i -> i.value().equals(eip));
      nats.add(bind ? g.toBuilder().addEipId(eip).build() : g);
    }
    return s.withInventory(inv.toBuilder().eips(eips).natGateways(nats).build());
  }

  /**
   * The gateway exists (or an earlier change creates it), and the EIP exists and is free or already this
   * gateway's (see {@link Preflight}).
   */
  @Override
  public void checkBeforeWrites(Execution x) {
    if (!Refs.isRef(natGatewayId)) {
      Preflight.natGateway(x, natGatewayId);
    }
    if (!Refs.isRef(eipId)) {
      Eip e = Preflight.eip(x, eipId);
      Preflight.require(e.instanceId().isEmpty() || e.instanceId().get().equals(natGatewayId)
          || Refs.isRef(natGatewayId) && createdByThePlan(x, e.instanceId().get()), "EipInUse",
          "EIP " + eipId + " is bound to " + e.instanceId().orElse("") + ", not free for NAT gateway " + natGatewayId);
    }
  }

  /** True when {@code instance} is the NAT gateway the plan's change {@code natGatewayId} names created (a re-run). */
  private boolean createdByThePlan(Execution x, String instance) {
    if (!instance.startsWith("ngw-")) {
      return false;
    }
    String name = x.resourceNameOf(Refs.changeOf(natGatewayId).orElseThrow());
    try {
      return x.call(() -> x.port().vpc().describeNatGateway(NatGatewayId.of(instance))).name()
          .equals(Optional.of(name));
    } catch (io.easnet.core.CloudServiceException gone) {
      return false;
    }
  }

  @Override
  public ChangeResult execute(Execution x) {
    EipAllocationId eip = EipAllocationId.of(x.resolve(eipId));
    NatGatewayId nat = NatGatewayId.of(x.resolve(natGatewayId));
    boolean bound = x.call(() -> x.port().vpc().describeEips(nat)).stream().anyMatch(e -> e.id().equals(eip));
    if (bound) {
      return x.inPlace("EIP " + eip + " is bound to " + nat, Map.of());
    }
    if (x.dry()) {
      return x.wouldApply();
    }
    EipAssociationRequest req = EipAssociationRequest.builder().eipId(eip).natGatewayId(nat)
        .clientToken(x.clientToken()).build();
    x.write(() -> x.port().vpc().associateEip(req));
    return x.applied(Map.of());
  }
}
