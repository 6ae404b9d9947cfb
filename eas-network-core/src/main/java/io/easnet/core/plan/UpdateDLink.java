package io.easnet.core.plan;

import io.easnet.core.internal.ChangeSentences;
import io.easnet.core.analysis.Remedy;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.internal.json.Cursor;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.DLink;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.ResourceGroupId;
import io.easnet.core.model.SecurityGroupId;
import io.easnet.core.model.VSwitchId;
import io.easnet.core.model.VpcId;
import io.easnet.core.spi.DLinkStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Set the VPC direct connection of a resource group. */
record UpdateDLink(String resourceGroupId, String vpcId, String vSwitchId, String securityGroupId,
    List<String> auxVSwitchIds, List<String> destinationCidrs) implements Action {
  /** The direct connection the remedy sets. */
  static List<Action> plan(Remedy.UpdateDLink r, Planning p) {
    return List.of(of(r.resourceGroupId().value(), r.dlink()));
  }

  /** Reads the parameters of a {@link ChangeKind#UPDATE_DLINK} change (see {@link Action#read}). */
  static UpdateDLink read(Cursor p) {
    p.rejectUnknownKeys(List.of("resourceGroupId", "vpcId", "vSwitchId", "securityGroupId", "auxVSwitchIds",
        "destinationCidrs"));
    return new UpdateDLink(Params.id(p, "resourceGroupId", ResourceGroupId::of),
        p.opt("vpcId").isPresent() ? Params.id(p, "vpcId", VpcId::of) : null, Params.id(p, "vSwitchId", VSwitchId::of),
        Params.id(p, "securityGroupId", SecurityGroupId::of), Params.ids(p, "auxVSwitchIds", VSwitchId::of, false),
        Params.ids(p, "destinationCidrs", Cidr::parse, false));
  }

  public UpdateDLink {
    auxVSwitchIds = List.copyOf(auxVSwitchIds);
    destinationCidrs = List.copyOf(destinationCidrs);
  }

  static UpdateDLink of(String resourceGroupId, DLink d) {
    return new UpdateDLink(resourceGroupId, d.vpcId().map(Object::toString).orElse(null), d.vSwitchId().value(),
        d.securityGroupId().value(), d.auxVSwitchIds().stream().map(Object::toString).toList(),
        d.destinationCidrs().stream().map(Object::toString).toList());
  }

  DLink dlink() {
    DLink.Builder b = DLink.builder().vSwitchId(vSwitchId).securityGroupId(securityGroupId);
    if (vpcId != null) {
      b.vpcId(vpcId);
    }
    auxVSwitchIds.forEach(b::addAuxVSwitchId);
    destinationCidrs.forEach(b::addDestinationCidr);
    return b.build();
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
    return List.of(resourceGroupId);
  }

  @Override
  public String describe() {
    return ChangeSentences.updateDLink(resourceGroupId, vSwitchId, securityGroupId, auxVSwitchIds, destinationCidrs);
  }

  @Override
  public void writeParameters(ObjectNode p) {
    p.put("resourceGroupId", resourceGroupId);
    if (vpcId != null) {
      p.put("vpcId", vpcId);
    }
    p.put("vSwitchId", vSwitchId);
    p.put("securityGroupId", securityGroupId);
    Params.array(p, "auxVSwitchIds", auxVSwitchIds);
    Params.array(p, "destinationCidrs", destinationCidrs);
  }



  @Override
  public PlanState applyTo(PlanState s) {
    Inventory inv = s.inventory();
    List<ResourceGroup> out = PlanState.replacing(inv.resourceGroups(), g -> g.id().value(), resourceGroupId,
        g -> g.toBuilder().dlink(dlink()).build(), "resource group");
    return s.withInventory(inv.toBuilder().resourceGroups(out).build());
  }

  /**
   * The resource group exists, and the vSwitches and the security group exist in the connection's VPC (see
   * {@link Preflight}).
   */
  @Override
  public void checkBeforeWrites(Execution x) {
    Preflight.existing(x, () -> x.port().eas().describeResourceDLink(ResourceGroupId.of(resourceGroupId)),
        "resource group " + resourceGroupId);
    java.util.List<String> vsws = new java.util.ArrayList<>();
    vsws.add(vSwitchId);
    vsws.addAll(auxVSwitchIds);
    for (String id : vsws) {
      io.easnet.core.model.VSwitch v = Preflight.vSwitch(x, id, "vSwitch");
      Preflight.require(vpcId == null || v.vpcId().value().equals(vpcId), "VpcMismatch", "vSwitch " + id
          + " lies in " + v.vpcId() + ", not in " + vpcId);
    }
    io.easnet.core.model.SecurityGroup g = Preflight.securityGroup(x, securityGroupId);
    Preflight.require(vpcId == null || g.vpcId().value().equals(vpcId), "VpcMismatch", "security group "
        + securityGroupId + " lies in " + g.vpcId() + ", not in " + vpcId);
  }

  @Override
  public ChangeResult execute(Execution x) {
    ResourceGroupId rg = ResourceGroupId.of(resourceGroupId);
    DLink wanted = dlink();
    Optional<DLink> now = x.call(() -> x.port().eas().describeResourceDLink(rg));
    boolean same = now.isPresent() && now.get().vSwitchId().equals(wanted.vSwitchId())
        && now.get().securityGroupId().equals(wanted.securityGroupId())
        && now.get().auxVSwitchIds().equals(wanted.auxVSwitchIds())
        && now.get().destinationCidrs().equals(wanted.destinationCidrs());
    if (same || x.dry()) {
      if (same && !x.dry()) {
        ready(x, rg);
      }
      return same ? x.inPlace("the VPC direct connection of " + rg + " is already as planned", Map.of())
          : x.wouldApply();
    }
    x.write(() -> x.port().eas().updateResourceDLink(rg, wanted));
    ready(x, rg);
    return x.applied(Map.of());
  }

  private static void ready(Execution x, ResourceGroupId rg) {
    x.waitFor(() -> x.call(() -> x.port().eas().describeResourceDLinkStatus(rg)) == DLinkStatus.READY,
        "the VPC direct connection of " + rg + " to be READY");
  }
}
