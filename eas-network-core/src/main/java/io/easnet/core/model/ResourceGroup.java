package io.easnet.core.model;

import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import java.util.ArrayList;
import java.util.List;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import java.util.Optional;
import org.immutables.value.Value;

/** A dedicated EAS resource group, with its VPC direct connection when one is enabled. */
@Value.Immutable
public abstract class ResourceGroup {
  ResourceGroup() {}

  public abstract ResourceGroupId id();

  public abstract Optional<String> name();

  public abstract Optional<DLink> dlink();

  public static Builder builder() {
    return new Builder();
  }

  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link ResourceGroup}. */
  public static final class Builder extends ImmutableResourceGroup.Builder {
    Builder() {}

    public Builder id(String id) {
      return id(ResourceGroupId.of(id));
    }

    public Builder dlink(DLink.Builder dlink) {
      return dlink(dlink.build());
    }
  }

  /**
   * A resource group's VPC direct connection ("DLink"). The API spells the auxiliary vSwitch list
   * {@code VSwitchIdList} in {@code UpdateResourceDLink} and {@code AuxVSwitchList} in {@code DescribeResourceDLink};
   * {@code DescribeResource} returns the same data in {@code ExtraData} as {@code vpc_id}, {@code vswitch_id},
   * {@code aux_vswitch_id_list}, {@code security_group_id} and {@code destination_cidr}.
   */
  @Value.Immutable
  public abstract static class DLink {
    DLink() {}

    /** The VPC; the Update request has none (it follows from the vSwitch), Describe returns it. */
    public abstract Optional<VpcId> vpcId();

    /** The primary vSwitch ({@code VSwitchId}). */
    public abstract VSwitchId vSwitchId();

    public abstract SecurityGroupId securityGroupId();

    /** Auxiliary vSwitches ({@code AuxVSwitchList} / {@code VSwitchIdList}). */
    public abstract List<VSwitchId> auxVSwitchIds();

    /** Client blocks added to the return route ({@code DestinationCIDRs}, a comma list in the API). */
    public abstract List<Cidr> destinationCidrs();

    /** The primary vSwitch followed by the auxiliary ones, without duplicates. */
    public final List<VSwitchId> allVSwitchIds() {
      List<VSwitchId> all = new ArrayList<>();
      all.add(vSwitchId());
      for (VSwitchId id : auxVSwitchIds()) {
        if (!all.contains(id)) {
          all.add(id);
        }
      }
      return List.copyOf(all);
    }

    public static Builder builder() {
      return new Builder();
    }

    public final Builder toBuilder() {
      return builder().from(this);
    }

    /** Builds a {@link DLink}. */
    public static final class Builder extends ImmutableDLink.Builder {
      Builder() {}

      public Builder vpcId(String id) {
        return vpcId(VpcId.of(id));
      }

      public Builder vSwitchId(String id) {
        return vSwitchId(VSwitchId.of(id));
      }

      public Builder securityGroupId(String id) {
        return securityGroupId(SecurityGroupId.of(id));
      }

      public Builder addAuxVSwitchId(String id) {
        return addAuxVSwitchId(VSwitchId.of(id));
      }

      public Builder addDestinationCidr(String cidr) {
        return addDestinationCidr(Cidr.parse(cidr));
      }
    }
  }
}
