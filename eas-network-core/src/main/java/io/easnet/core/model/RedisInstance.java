package io.easnet.core.model;

import io.easnet.core.model.AllowlistGroup.AllowlistTarget;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A Tair (Redis OSS-compatible) instance with its IP allowlists ({@code SecurityIpGroup} groups). */
@Value.Immutable
public abstract sealed class RedisInstance implements AllowlistTarget permits ImmutableRedisInstance {
  RedisInstance() {}

  public abstract RedisInstanceId id();

  @Override
  public final String targetId() {
    return id().value();
  }

  @Override
  public abstract Optional<VpcId> vpcId();

  @Override
  public abstract Optional<VSwitchId> vSwitchId();

  @Override
  public abstract Optional<IpAddress> privateIp();

  public abstract Optional<String> name();

  @Override
  @Value.Default
  public int port() {
    return 6379;
  }

  @Override
  public abstract List<AllowlistGroup> allowlists();

  @Override
  public abstract List<SecurityGroupId> securityGroupIds();

  @Value.Check
  final void check() {
    AllowlistGroup.requireUniqueNames(id().value(), allowlists());
    if (port() < 1 || port() > 65535) {
      throw new IllegalArgumentException("Redis instance " + id() + ": port must be 1 to 65535, was " + port());
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link RedisInstance}. */
  public static final class Builder extends ImmutableRedisInstance.Builder {
    Builder() {}

    public Builder id(String id) {
      return id(RedisInstanceId.of(id));
    }

    public Builder vpcId(String id) {
      return vpcId(VpcId.of(id));
    }

    public Builder vSwitchId(String id) {
      return vSwitchId(VSwitchId.of(id));
    }

    public Builder privateIp(String ip) {
      return privateIp(IpAddress.parse(ip));
    }

    public Builder addAllowlist(AllowlistGroup.Builder group) {
      return addAllowlist(group.build());
    }

    public Builder addSecurityGroupId(String id) {
      return addSecurityGroupId(SecurityGroupId.of(id));
    }
  }
}
