package io.easnet.core.resolve;

import io.easnet.core.resolve.EffectiveNetwork.Provenance;
import io.easnet.core.InvalidInputException;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.VSwitch;
import java.util.Optional;

/**
 * Decides which VPC configuration is in effect for a service.
 *
 * <ul>
 *   <li>A complete service-level {@code cloud.networking} block wins over the resource group's DLink <em>as a
 *       whole</em>; a DLink it shadows is reported in {@link EffectiveNetwork#shadowedResourceGroupConfig()}.
 *   <li>A partial service block ({@code vpc_id} alone, say) is an error naming the missing keys: EAS never merges
 *       it with the resource group's values.
 *   <li>Otherwise the resource group's DLink applies: instances are in its primary vSwitch; its client vSwitches and
 *       destination CIDRs are return routes.
 *   <li>Otherwise, when the service names a resource group that is not known, the network is
 *       {@link Provenance#UNKNOWN}.
 *   <li>Otherwise the service has no VPC ({@link Provenance#NONE}).
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class NetworkResolver {
  private static final String POINTER = "/cloud/networking";

  private NetworkResolver() {}

  public static NetworkResolver create() {
    return new NetworkResolver();
  }

  /**
   * Resolves a service with the resource group it runs in.
   *
   * @param resourceGroup the resource group {@code metadata.resource} names
   * @throws InvalidInputException for a partial service-level block
   * @throws IllegalArgumentException when the resource group is not the one the service names
   */
  public EffectiveNetwork resolve(ServiceSpec service, ResourceGroup resourceGroup) {
    java.util.Objects.requireNonNull(resourceGroup, "resourceGroup");
    if (service.resourceGroupId().isPresent() && !service.resourceGroupId().get().equals(resourceGroup.id())) {
      throw new IllegalArgumentException(
          "service " + service.name() + " runs in resource group " + service.resourceGroupId().get()
              + ", not in " + resourceGroup.id());
    }
    return decide(service, Optional.of(resourceGroup));
  }

  private EffectiveNetwork decide(ServiceSpec service, Optional<ResourceGroup> resourceGroup) {
    EffectiveNetwork.Builder b = EffectiveNetwork.builder().serviceName(service.name());
    resourceGroup.map(ResourceGroup::id).or(service::resourceGroupId).ifPresent(b::resourceGroupId);
    Optional<DLink> dlink = resourceGroup.flatMap(ResourceGroup::dlink);
    Optional<ServiceNetworking> block = service.networking().filter(n -> !n.isEmpty());

    if (service.networking().isPresent() && service.networking().get().isEmpty()) {
      b.addReason("cloud.networking is present but empty; it is treated as absent");
    }
    if (block.isPresent()) {
      ServiceNetworking n = block.get();
      if (!n.isComplete()) {
        throw InvalidInputException.of(
            null,
            POINTER,
            "service " + service.name() + " sets a partial networking block: "
                + String.join(", ", n.missingKeys()) + " missing. EAS does not merge a partial service block"
                + " with the resource group's configuration.",
            "set all of vpc_id, vswitch_id and security_group_id in cloud.networking, or remove the block to"
                + " use the resource group's VPC direct connection.");
      }
      b.provenance(Provenance.SERVICE)
          .vpcId(n.vpcId().get())
          .vSwitchId(n.vSwitchId().get())
          .securityGroupId(n.securityGroupId().get())
          .addReason("service " + service.name() + " sets cloud.networking: the service level takes precedence");
      n.defaultRoute().ifPresent(b::defaultRoute);
      b.addAllDestinationCidrs(n.destinationCidrs());
      if (!n.destinationCidrs().isEmpty() || n.defaultRoute().isPresent()) {
        b.addReason("the return route of the instances' network interfaces covers their vSwitch"
            + (n.destinationCidrs().isEmpty() ? "" : " and the destination_cidrs " + n.destinationCidrs())
            + n.defaultRoute().map(r -> "; default_route is " + r).orElse(""));
      }
      if (dlink.isPresent()) {
        b.shadowedResourceGroupConfig(dlink.get())
            .addReason("resource group " + resourceGroup.get().id() + " also has a VPC direct connection ("
                + dlink.get().vSwitchId() + "); it is shadowed by the service block and not used");
      }
      return b.build();
    }
    if (dlink.isPresent()) {
      DLink d = dlink.get();
      b.provenance(Provenance.RESOURCE_GROUP)
          .vSwitchId(d.vSwitchId())
          .addAllReturnRouteVSwitchIds(d.auxVSwitchIds().stream().filter(id -> !id.equals(d.vSwitchId())).distinct()
              .toList())
          .securityGroupId(d.securityGroupId())
          .addAllDestinationCidrs(d.destinationCidrs())
          .addReason("service " + service.name() + " has no cloud.networking block; resource group "
              + resourceGroup.get().id() + "'s VPC direct connection applies: instances get their network"
              + " interfaces in " + d.vSwitchId());
      d.vpcId().ifPresent(b::vpcId);
      if (!d.auxVSwitchIds().isEmpty() || !d.destinationCidrs().isEmpty()) {
        b.addReason("the return route also covers the client vSwitches " + d.auxVSwitchIds()
            + (d.destinationCidrs().isEmpty() ? "" : " and the destination CIDRs " + d.destinationCidrs()));
      }
      return b.build();
    }
    if (resourceGroup.isEmpty() && service.resourceGroupId().isPresent()) {
      return b.provenance(Provenance.UNKNOWN)
          .addReason("service " + service.name() + " sets no cloud.networking block and runs in resource group "
              + service.resourceGroupId().get() + ", whose VPC direct connection is not known")
          .build();
    }
    b.provenance(Provenance.NONE);
    if (resourceGroup.isPresent()) {
      b.addReason("neither the service nor resource group " + resourceGroup.get().id()
          + " configures a VPC: no private access and no internet egress");
    } else {
      b.addReason("the service configures no VPC and runs in no resource group with one:"
          + " no private access and no internet egress");
    }
    return b.build();
  }

  /**
   * Resolves a service on its own. When it sets no networking block but names a resource group, its network is
   * {@link Provenance#UNKNOWN}: give the group ({@link #resolve(ServiceSpec, ResourceGroup)}) or an inventory.
   */
  public EffectiveNetwork resolve(ServiceSpec service) {
    return decide(service, Optional.empty());
  }

  /**
   * Resolves a service against an inventory: the resource group named by {@code metadata.resource} is looked up in
   * it, and a DLink without a VPC id gets the VPC of its primary vSwitch.
   */
  public EffectiveNetwork resolve(ServiceSpec service, Inventory inventory) {
    Optional<ResourceGroup> group = service.resourceGroupId().flatMap(inventory::resourceGroup);
    EffectiveNetwork n = decide(service, group);
    if (service.resourceGroupId().isPresent() && group.isEmpty()) {
      n = EffectiveNetwork.builder().from(n)
          .addReason("resource group " + service.resourceGroupId().get() + " is not in the inventory")
          .build();
    }
    if (n.vpcId().isEmpty() && n.vSwitchId().isPresent()) {
      Optional<VSwitch> vsw = inventory.vSwitch(n.vSwitchId().get());
      if (vsw.isPresent()) {
        n = EffectiveNetwork.builder().from(n).vpcId(vsw.get().vpcId())
            .addReason("the VPC " + vsw.get().vpcId() + " is that of vSwitch " + vsw.get().id())
            .build();
      }
    }
    return n;
  }
}
