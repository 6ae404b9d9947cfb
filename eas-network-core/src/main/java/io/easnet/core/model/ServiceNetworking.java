package io.easnet.core.model;

import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The service-level VPC block, {@code cloud.networking} in the service JSON. Each key is optional here so that a
 * partial block can be represented and reported; EAS needs all three.
 */
@Value.Immutable
public abstract class ServiceNetworking {
  /** The JSON keys, in the order EAS documents them. */
  public static final List<String> KEYS = List.of("vpc_id", "vswitch_id", "security_group_id");

  ServiceNetworking() {}

  public abstract Optional<VpcId> vpcId();

  public abstract Optional<VSwitchId> vSwitchId();

  public abstract Optional<SecurityGroupId> securityGroupId();

  /** True when all three keys are set. */
  public final boolean isComplete() {
    return missingKeys().isEmpty();
  }

  /** True when none of the keys is set. */
  public final boolean isEmpty() {
    return missingKeys().size() == KEYS.size();
  }

  /** The JSON keys that are not set, e.g. {@code [vswitch_id, security_group_id]}. */
  public final List<String> missingKeys() {
    List<String> missing = new ArrayList<>(3);
    if (vpcId().isEmpty()) {
      missing.add("vpc_id");
    }
    if (vSwitchId().isEmpty()) {
      missing.add("vswitch_id");
    }
    if (securityGroupId().isEmpty()) {
      missing.add("security_group_id");
    }
    return List.copyOf(missing);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A complete block. */
  public static ServiceNetworking of(VpcId vpc, VSwitchId vSwitch, SecurityGroupId group) {
    return builder().vpcId(vpc).vSwitchId(vSwitch).securityGroupId(group).build();
  }

  /** A complete block from id strings. */
  public static ServiceNetworking of(String vpc, String vSwitch, String group) {
    return of(VpcId.of(vpc), VSwitchId.of(vSwitch), SecurityGroupId.of(group));
  }

  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link ServiceNetworking}. */
  public static final class Builder extends ImmutableServiceNetworking.Builder {
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
  }
}
