package io.easnet.core.change;

import io.easnet.core.change.Change.ChangeKind;
import io.easnet.core.change.Change.Params;
import io.easnet.core.change.Change.Refs;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.internal.json.Cursor;
import io.easnet.core.model.Eip;
import io.easnet.core.model.ResourceId.EipAllocationId;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.spi.VpcApi.EipAssociationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Bind an EIP to a NAT gateway (AssociateEipAddress, InstanceType Nat): an unbound EIP of the account, or a new one
 * ({@link #NEW_EIP}, billed: the plan allocates it first).
 *
 * @param gateway the gateway
 * @param eipId the EIP's id, a reference, or {@link #NEW_EIP}
 * @param ipAddress the EIP's address when the analysis knows it (a plan names the id only), or null
 */
public record BindEip(Gateway gateway, String eipId, IpAddress ipAddress) implements Change {
  /** The stand-in of a new EIP, which a plan allocates ({@link AllocateEip}) before it binds it. */
  public static final String NEW_EIP = Refs.ref("alloc:new", "eipId");

  /** Checks the arguments. */
  public BindEip {
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(eipId, "eipId");
  }

  /** Binds the existing, unbound EIP {@code eip} to {@code gateway}. */
  public static BindEip existing(Gateway gateway, EipAllocationId eip, IpAddress ipAddress) {
    return new BindEip(gateway, eip.value(), Objects.requireNonNull(ipAddress, "ipAddress"));
  }

  /** Binds a new EIP to {@code gateway}: billed. */
  public static BindEip allocating(Gateway gateway) {
    return new BindEip(gateway, NEW_EIP, null);
  }

  /** The key of the change that binds an EIP to {@code natGatewayId}: one per gateway. */
  static String keyOf(String natGatewayId) {
    return "bind:" + natGatewayId;
  }

  /** Reads the parameters of a {@link ChangeKind#BIND_EIP} change. */
  static BindEip read(Cursor p) {
    p.rejectUnknownKeys(List.of("eipId", "natGatewayId"));
    String eip = Params.value(p, "eipId", EipAllocationId::of);
    return new BindEip(new Gateway(Params.value(p, "natGatewayId", NatGatewayId::of), List.of()), eip, null);
  }

  /**
   * The binding of a plan: an unbound EIP of the account, or a new one (an {@link AllocateEip} first); none while
   * the gateway is not planned or the EIP is gone or bound since.
   */
  @Override
  public List<Change> bind(Binding b) {
    Optional<String> nat = gateway.bind(b);
    if (nat.isEmpty()) {
      return List.of();
    }
    Gateway g = new Gateway(nat.get(), List.of());
    if (eipId.equals(NEW_EIP)) {
      return List.of(new AllocateEip(nat.get(), 5, "PayByTraffic"),
          new BindEip(g, Refs.ref(AllocateEip.keyOf(nat.get()), "eipId"), null));
    }
    Optional<Eip> now = b.inventory().eip(EipAllocationId.of(eipId));
    if (now.isEmpty() || now.get().instanceId().isPresent()) {
      return List.of();
    }
    return List.of(new BindEip(g, b.symbolOf(eipId), null));
  }

  @Override
  public ChangeKind kind() {
    return ChangeKind.BIND_EIP;
  }

  @Override
  public String key() {
    return keyOf(gateway.id());
  }

  @Override
  public List<String> targets() {
    return List.of(gateway.id(), eipId);
  }

  @Override
  public boolean billed() {
    return eipId.equals(NEW_EIP);
  }

  @Override
  public String describe() {
    String eip = billed() ? "a new EIP (AllocateEipAddress, billed)"
        : "EIP " + eipId + (ipAddress == null ? "" : " (" + ipAddress + ")");
    return "bind " + eip + " to " + gateway.named() + " (AssociateEipAddress with InstanceType Nat)";
  }

  @Override
  public void writeParameters(ObjectNode p) {
    p.put("eipId", eipId);
    p.put("natGatewayId", gateway.id());
  }

  @Override
  public void writeRemedy(ObjectNode n) {
    gateway.write(n.putObject("gateway"));
    ObjectNode e = n.putObject("eip");
    if (billed()) {
      e.put("type", "Allocate");
    } else {
      e.put("type", "Existing");
      e.put("eipId", eipId);
      if (ipAddress != null) {
        e.put("ipAddress", ipAddress.toString());
      }
    }
  }

  @Override
  public Change mapValues(java.util.function.UnaryOperator<String> f) {
    return new BindEip(new Gateway(f.apply(gateway.id()), List.of()), f.apply(eipId), ipAddress);
  }

  @Override
  public List<String> values() {
    return List.of(eipId, gateway.id());
  }

  @Override
  public <S extends Estate<S>> S applyTo(S s) {
    String eip = s.resolve(eipId);
    String nat = s.resolve(gateway.id());
    Inventory inv = s.inventory();
    Params.require(inv.natGateway(NatGatewayId.of(nat)).isPresent(), "NAT gateway " + nat);
    List<Eip> eips = Params.replacing(inv.eips(), e -> e.id().value(), eip,
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
  public void checkBeforeWrites(Execution<?> x) {
    String nat = gateway.id();
    NatGateway g = null;
    if (!Refs.isRef(nat)) {
      g = Preflight.natGateway(x, nat);
    }
    if (!Refs.isRef(eipId)) {
      Eip e = Preflight.eip(x, eipId);
      Preflight.require(e.instanceId().isEmpty() || e.instanceId().get().equals(nat)
          || Refs.isRef(nat) && createdByThePlan(x, e.instanceId().get()), "EipInUse",
          "EIP " + eipId + " is bound to " + e.instanceId().orElse("") + ", not free for NAT gateway " + nat);
    }
    // the quota: the EIPs the gateway holds, plus this plan's bindings to it up to this one (docs/plan-safety.md)
    java.util.Set<String> held = new java.util.HashSet<>();
    if (g != null) {
      g.eipIds().forEach(id -> held.add(id.value()));
    }
    if (held.contains(eipId)) {
      return;
    }
    int adding = 1;
    for (Change c : Preflight.earlier(x)) {
      if (c instanceof BindEip b && b.gateway().id().equals(nat) && !held.contains(b.eipId())) {
        adding++;
      }
    }
    Preflight.quota("NAT gateway", nat, "EIPs", held.size(), adding,
        Preflight.EIPS_PER_NAT_GATEWAY, "unbind EIPs the gateway no longer uses (UnassociateEipAddress), or bind to"
        + " another NAT gateway, then plan again");
  }

  /** True when {@code instance} is the NAT gateway the plan's change the gateway names created (a re-run). */
  private boolean createdByThePlan(Execution<?> x, String instance) {
    if (!instance.startsWith("ngw-")) {
      return false;
    }
    String name = x.resourceNameOf(Refs.changeOf(gateway.id()).orElseThrow());
    try {
      return x.call(() -> x.port().vpc().describeNatGateway(NatGatewayId.of(instance))).name()
          .equals(Optional.of(name));
    } catch (io.easnet.core.CloudServiceException gone) {
      return false;
    }
  }

  @Override
  public <R> R execute(Execution<R> x) {
    EipAllocationId eip = EipAllocationId.of(x.resolve(eipId));
    NatGatewayId nat = NatGatewayId.of(x.resolve(gateway.id()));
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
