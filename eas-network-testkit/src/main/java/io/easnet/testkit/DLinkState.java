package io.easnet.testkit;

import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.spi.EasApi.DLinkStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dedicated resource groups and their VPC direct connections. An update checks the vSwitches and the group,
 * stores the primary vSwitch's VPC, and is {@link DLinkStatus#UPDATING} until the asynchronous delay passes.
 */
final class DLinkState {
  private final StateContext ctx;
  private final NetworkState network;
  private final SecurityGroupState groups;
  private final Map<ResourceGroupId, ResourceGroup> resourceGroups = new LinkedHashMap<>();
  private final Map<ResourceGroupId, Instant> readyAt = new LinkedHashMap<>();

  DLinkState(StateContext ctx, NetworkState network, SecurityGroupState groups) {
    this.ctx = ctx;
    this.network = network;
    this.groups = groups;
  }

  void clear() {
    resourceGroups.clear();
    readyAt.clear();
  }

  void load(Inventory inv) {
    inv.resourceGroups().forEach(g -> resourceGroups.put(g.id(), g));
  }

  void addTo(Inventory.Builder b) {
    b.addAllResourceGroups(resourceGroups.values());
  }

  void settle(Instant now) {
    readyAt.values().removeIf(t -> !now.isBefore(t));
  }

  List<ResourceGroup> all() {
    return List.copyOf(resourceGroups.values());
  }

  ResourceGroup resourceGroup(ResourceGroupId id) {
    ResourceGroup g = resourceGroups.get(id);
    if (g == null) {
      throw Refusal.of("InvalidResource.NotFound", "resource group " + id + " does not exist.");
    }
    return g;
  }

  void add(ResourceGroup g) {
    if (g.dlink().isPresent()) {
      throw new IllegalArgumentException("a new resource group starts without a VPC direct connection");
    }
    resourceGroups.put(g.id(), g);
  }

  DLinkStatus status(ResourceGroupId id) {
    ResourceGroup g = resourceGroup(id);
    if (g.dlink().isEmpty()) {
      return DLinkStatus.NONE;
    }
    return readyAt.containsKey(id) ? DLinkStatus.UPDATING : DLinkStatus.READY;
  }

  /** Enables or changes the connection; the configuration in place again changes nothing. */
  void update(ResourceGroupId id, DLink dlink, boolean readyNow) {
    ResourceGroup g = resourceGroup(id);
    VSwitch vsw = network.vSwitch(dlink.vSwitchId());
    groups.group(dlink.securityGroupId());
    for (VSwitchId aux : dlink.auxVSwitchIds()) {
      network.vSwitch(aux);
    }
    if (dlink.vpcId().isPresent() && !dlink.vpcId().get().equals(vsw.vpcId())) {
      throw Refusal.of("InvalidVSwitchId.NotInVpc",
          "vSwitch " + vsw.id() + " is not in VPC " + dlink.vpcId().get() + ".");
    }
    if (!groups.group(dlink.securityGroupId()).vpcId().equals(vsw.vpcId())) {
      throw Refusal.of("InvalidSecurityGroupId.NotInVpc",
          "security group " + dlink.securityGroupId() + " is not in the vSwitch's VPC " + vsw.vpcId() + ".");
    }
    DLink stored = dlink.toBuilder().vpcId(vsw.vpcId()).build();
    if (g.dlink().equals(Optional.of(stored))) {
      return;
    }
    resourceGroups.put(id, g.toBuilder().dlink(stored).build());
    if (readyNow) {
      readyAt.remove(id);
    } else {
      readyAt.put(id, ctx.readyAt());
    }
  }

  void delete(ResourceGroupId id) {
    ResourceGroup g = resourceGroup(id);
    if (g.dlink().isPresent()) {
      resourceGroups.put(id, ResourceGroup.builder().id(g.id()).name(g.name()).build());
      readyAt.remove(id);
    }
  }
}
