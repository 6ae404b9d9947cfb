package io.easnet.core.resolve;

import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The VPC configuration in effect for one service, with its {@link Provenance} and the reasons for it. Instances
 * get their network interfaces in {@link #vSwitchId()} and are guarded by {@link #securityGroupId()}. Under a
 * resource group's VPC direct connection, that is the DLink's primary vSwitch only; the DLink's client vSwitches
 * ({@link #returnRouteVSwitchIds()}) and {@link #destinationCidrs()} hold no instances: they are added to the
 * instances' return route (UpdateResourceDLink, EAS 2021-07-01).
 */
@Value.Immutable
public abstract class EffectiveNetwork {
  EffectiveNetwork() {}

  /** The service this network belongs to. */
  public abstract String serviceName();

  public abstract Provenance provenance();

  /**
   * The VPC; empty for {@link Provenance#NONE} and {@link Provenance#UNKNOWN}, or when a DLink does not name it and no
   * inventory was given.
   */
  public abstract Optional<VpcId> vpcId();

  /**
   * The vSwitch the instances take their addresses from: the service's {@code vswitch_id}, or the DLink's primary
   * {@code VSwitchId} (one vSwitch either way: docs/semantics.md). Empty for {@link Provenance#NONE} and
   * {@link Provenance#UNKNOWN}.
   */
  public abstract Optional<VSwitchId> vSwitchId();

  /**
   * The DLink's client vSwitches ({@code VSwitchIdList}, read back as {@code AuxVSwitchList}), whose CIDR blocks are
   * added to the instances' return route, for {@link Provenance#RESOURCE_GROUP}. They hold no instances.
   */
  public abstract List<VSwitchId> returnRouteVSwitchIds();

  public abstract Optional<SecurityGroupId> securityGroupId();

  /**
   * The client blocks added to the return route: the DLink's {@code DestinationCIDRs} for
   * {@link Provenance#RESOURCE_GROUP}, or the service block's {@code destination_cidrs} for
   * {@link Provenance#SERVICE}.
   */
  public abstract List<Cidr> destinationCidrs();

  /**
   * The service block's {@code default_route} ({@code "eth1"}: every destination through the interface in the VPC),
   * for {@link Provenance#SERVICE}.
   */
  public abstract Optional<String> defaultRoute();

  /** The resource group the service runs in, when it names one. */
  public abstract Optional<ResourceGroupId> resourceGroupId();

  /** The resource group's DLink when the service block shadows it: reported, never merged. */
  public abstract Optional<DLink> shadowedResourceGroupConfig();

  /** Why this configuration is in effect, one sentence per step of the decision. */
  public abstract List<String> reasons();

  /** True for {@link Provenance#SERVICE} and {@link Provenance#RESOURCE_GROUP}. */
  public final boolean hasVpc() {
    return provenance() == Provenance.SERVICE || provenance() == Provenance.RESOURCE_GROUP;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link EffectiveNetwork}; used by the resolver and by tests. */
  public static final class Builder extends ImmutableEffectiveNetwork.Builder {
    Builder() {}
  }

  /** Where the effective VPC configuration of a service comes from. */
  public enum Provenance {
    /** The service's own {@code cloud.networking} block; it wins over the resource group as a whole. */
    SERVICE,
    /** The dedicated resource group's VPC direct connection (DLink). */
    RESOURCE_GROUP,
    /** Neither: the service has no VPC, hence no private access and no internet egress. */
    NONE,
    /**
     * Not known: the service sets no networking block and names a resource group whose configuration was not given (not
     * in the inventory). It may or may not have a VPC direct connection; analyses of it are undetermined.
     */
    UNKNOWN
  }
}
