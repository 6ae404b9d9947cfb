package io.easnet.core.change;

import io.easnet.core.change.Change.ChangeKind;
import io.easnet.core.change.Change.Params;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.internal.json.Cursor;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.EasApi.DLinkStatus;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Update a resource group's VPC direct connection (UpdateResourceDLink) to {@code dlink}; asynchronous. */
public record UpdateDLink(ResourceGroupId resourceGroupId, DLink dlink) implements Change {
  /** Checks the arguments. */
  public UpdateDLink {
    Objects.requireNonNull(resourceGroupId, "resourceGroupId");
    Objects.requireNonNull(dlink, "dlink");
  }

  /** Reads the parameters of a {@link ChangeKind#UPDATE_DLINK} change. */
  static UpdateDLink read(Cursor p) {
    p.rejectUnknownKeys(List.of("resourceGroupId", "vpcId", "vSwitchId", "securityGroupId", "auxVSwitchIds",
        "destinationCidrs"));
    String rg = Params.id(p, "resourceGroupId", ResourceGroupId::of);
    DLink.Builder b = DLink.builder();
    if (p.opt("vpcId").isPresent()) {
      b.vpcId(Params.id(p, "vpcId", VpcId::of));
    }
    b.vSwitchId(Params.id(p, "vSwitchId", VSwitchId::of)).securityGroupId(Params.id(p, "securityGroupId",
        SecurityGroupId::of));
    Params.ids(p, "auxVSwitchIds", VSwitchId::of, false).forEach(b::addAuxVSwitchId);
    Params.ids(p, "destinationCidrs", Cidr::parse, false).forEach(b::addDestinationCidr);
    return new UpdateDLink(ResourceGroupId.of(rg), b.build());
  }

  @Override
  public List<Change> bind(Binding b) {
    return List.of(this);
  }

  @Override
  public ChangeKind kind() {
    return ChangeKind.UPDATE_DLINK;
  }

  @Override
  public String key() {
    return "dlink:" + resourceGroupId;
  }

  @Override
  public List<String> targets() {
    return List.of(resourceGroupId.value());
  }

  @Override
  public String describe() {
    List<String> aux = dlink.auxVSwitchIds().stream().map(Object::toString).toList();
    List<String> cidrs = dlink.destinationCidrs().stream().map(Object::toString).toList();
    return "update the VPC direct connection of " + resourceGroupId + " (UpdateResourceDLink): VSwitchId "
        + dlink.vSwitchId() + ", SecurityGroupId " + dlink.securityGroupId()
        + (aux.isEmpty() ? "" : ", VSwitchIdList " + String.join(",", aux))
        + (cidrs.isEmpty() ? "" : ", DestinationCIDRs " + String.join(",", cidrs));
  }

  @Override
  public void writeParameters(ObjectNode p) {
    p.put("resourceGroupId", resourceGroupId.value());
    dlink.vpcId().ifPresent(v -> p.put("vpcId", v.value()));
    p.put("vSwitchId", dlink.vSwitchId().value());
    p.put("securityGroupId", dlink.securityGroupId().value());
    ArrayNode aux = p.putArray("auxVSwitchIds");
    dlink.auxVSwitchIds().forEach(v -> aux.add(v.value()));
    ArrayNode cidrs = p.putArray("destinationCidrs");
    dlink.destinationCidrs().forEach(c -> cidrs.add(c.toString()));
  }

  @Override
  public void writeRemedy(ObjectNode n) {
    n.put("resourceGroupId", resourceGroupId.value());
    ObjectNode d = n.putObject("dlink");
    dlink.vpcId().ifPresent(v -> d.put("vpcId", v.value()));
    d.put("vSwitchId", dlink.vSwitchId().value());
    d.put("securityGroupId", dlink.securityGroupId().value());
    ArrayNode aux = d.putArray("vSwitchIdList");
    dlink.auxVSwitchIds().forEach(v -> aux.add(v.value()));
    ArrayNode cidrs = d.putArray("destinationCidrs");
    dlink.destinationCidrs().forEach(c -> cidrs.add(c.toString()));
  }

  @Override
  public <S extends Estate<S>> S applyTo(S s) {
    Inventory inv = s.inventory();
    List<ResourceGroup> out = Params.replacing(inv.resourceGroups(), g -> g.id().value(), resourceGroupId.value(),
        g -> g.toBuilder().dlink(dlink).build(), "resource group");
    return s.withInventory(inv.toBuilder().resourceGroups(out).build());
  }

  /**
   * The resource group exists, and the vSwitches and the security group exist in the connection's VPC (see
   * {@link Preflight}).
   */
  @Override
  public void checkBeforeWrites(Execution<?> x) {
    Preflight.existing(x, () -> x.port().eas().describeResourceDLink(resourceGroupId),
        "resource group " + resourceGroupId);
    Optional<io.easnet.core.model.ResourceId.VpcId> vpc = dlink.vpcId();
    java.util.List<io.easnet.core.model.ResourceId.VSwitchId> vsws = new java.util.ArrayList<>();
    vsws.add(dlink.vSwitchId());
    vsws.addAll(dlink.auxVSwitchIds());
    for (io.easnet.core.model.ResourceId.VSwitchId id : vsws) {
      io.easnet.core.model.VSwitch v = Preflight.vSwitch(x, id.value(), "vSwitch");
      Preflight.require(vpc.isEmpty() || v.vpcId().equals(vpc.get()), "VpcMismatch", "vSwitch " + id
          + " lies in " + v.vpcId() + ", not in " + vpc.map(Object::toString).orElse(""));
    }
    io.easnet.core.model.SecurityGroup g = Preflight.securityGroup(x, dlink.securityGroupId().value());
    Preflight.require(vpc.isEmpty() || g.vpcId().equals(vpc.get()), "VpcMismatch", "security group "
        + dlink.securityGroupId() + " lies in " + g.vpcId() + ", not in " + vpc.map(Object::toString).orElse(""));
  }

  @Override
  public <R> R execute(Execution<R> x) {
    ResourceGroupId rg = resourceGroupId;
    Optional<DLink> now = x.call(() -> x.port().eas().describeResourceDLink(rg));
    boolean same = now.isPresent() && now.get().vSwitchId().equals(dlink.vSwitchId())
        && now.get().securityGroupId().equals(dlink.securityGroupId())
        && now.get().auxVSwitchIds().equals(dlink.auxVSwitchIds())
        && now.get().destinationCidrs().equals(dlink.destinationCidrs());
    if (same || x.dry()) {
      if (same && !x.dry()) {
        ready(x, rg);
      }
      return same ? x.inPlace("the VPC direct connection of " + rg + " is already as planned", Map.of())
          : x.wouldApply();
    }
    x.write(() -> x.port().eas().updateResourceDLink(rg, dlink));
    ready(x, rg);
    return x.applied(Map.of());
  }

  private static void ready(Execution<?> x, ResourceGroupId rg) {
    x.waitFor(() -> x.call(() -> x.port().eas().describeResourceDLinkStatus(rg)) == DLinkStatus.READY,
        "the VPC direct connection of " + rg + " to be READY");
  }
}
