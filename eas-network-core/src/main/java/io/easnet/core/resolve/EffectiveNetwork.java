package io.easnet.core.resolve;

import io.easnet.core.model.Cidr;
import io.easnet.core.model.DLink;
import io.easnet.core.model.ResourceGroupId;
import io.easnet.core.model.SecurityGroupId;
import io.easnet.core.model.VSwitchId;
import io.easnet.core.model.VpcId;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The VPC configuration in effect for one service, with its {@link Provenance} and the reasons for it. Instances
 * get their network interfaces in {@link #vSwitchIds()} (the primary vSwitch first, then the DLink's auxiliary
 * ones) and are guarded by {@link #securityGroupId()}.
 */
@Value.Immutable
public abstract class EffectiveNetwork {
  EffectiveNetwork() {}

  /** The service this network belongs to. */
  public abstract String serviceName();

  public abstract Provenance provenance();

  /** The VPC; empty for {@link Provenance#NONE}, or when a DLink does not name it and no inventory was given. */
  public abstract Optional<VpcId> vpcId();

  /** The vSwitches instances may be placed in: the primary first. Empty for {@link Provenance#NONE}. */
  public abstract List<VSwitchId> vSwitchIds();

  public abstract Optional<SecurityGroupId> securityGroupId();

  /** The DLink's destination CIDRs (return routes), for {@link Provenance#RESOURCE_GROUP}. */
  public abstract List<Cidr> destinationCidrs();

  /** The resource group the service runs in, when it names one. */
  public abstract Optional<ResourceGroupId> resourceGroupId();

  /** The resource group's DLink when the service block shadows it: reported, never merged. */
  public abstract Optional<DLink> shadowedResourceGroupConfig();

  /** Why this configuration is in effect, one sentence per step of the decision. */
  public abstract List<String> reasons();

  /** True unless {@link Provenance#NONE}. */
  public final boolean hasVpc() {
    return provenance() != Provenance.NONE;
  }

  /** The primary vSwitch. */
  public final Optional<VSwitchId> primaryVSwitchId() {
    return vSwitchIds().isEmpty() ? Optional.empty() : Optional.of(vSwitchIds().get(0));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link EffectiveNetwork}; used by the resolver and by tests. */
  public static final class Builder extends ImmutableEffectiveNetwork.Builder {
    Builder() {}
  }
}
