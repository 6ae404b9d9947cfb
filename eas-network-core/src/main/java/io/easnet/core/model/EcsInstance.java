package io.easnet.core.model;

import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** An ECS instance in a VPC: its private IPs and the security groups of its primary network interface. */
@Value.Immutable
public abstract class EcsInstance {
  EcsInstance() {}

  public abstract EcsInstanceId id();

  public abstract VpcId vpcId();

  public abstract VSwitchId vSwitchId();

  public abstract Optional<String> name();

  public abstract List<IpAddress> privateIps();

  /** A public IP or EIP of its own; SNAT does not apply to such an instance. */
  public abstract Optional<IpAddress> publicIp();

  public abstract List<SecurityGroupId> securityGroupIds();

  public abstract Map<String, String> tags();

  @Value.Check
  final void check() {
    if (privateIps().isEmpty()) {
      throw new IllegalArgumentException("ECS instance " + id() + " needs at least one private IP");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds an {@link EcsInstance}. */
  public static final class Builder extends ImmutableEcsInstance.Builder {
    Builder() {}

    public Builder id(String id) {
      return id(EcsInstanceId.of(id));
    }

    public Builder vpcId(String id) {
      return vpcId(VpcId.of(id));
    }

    public Builder vSwitchId(String id) {
      return vSwitchId(VSwitchId.of(id));
    }

    public Builder addPrivateIp(String ip) {
      return addPrivateIp(IpAddress.parse(ip));
    }

    public Builder addSecurityGroupId(String id) {
      return addSecurityGroupId(SecurityGroupId.of(id));
    }
  }
}
