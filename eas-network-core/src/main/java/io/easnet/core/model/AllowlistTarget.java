package io.easnet.core.model;

import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import java.util.List;
import java.util.Optional;

/** A private target guarded by IP allowlists: an RDS or a Redis instance. */
public sealed interface AllowlistTarget permits RdsInstance, RedisInstance {
  /** The instance id as text. */
  String targetId();

  Optional<VpcId> vpcId();

  Optional<VSwitchId> vSwitchId();

  /** The private address clients connect to, when known. */
  Optional<IpAddress> privateIp();

  /** The port clients connect to. */
  int port();

  List<AllowlistGroup> allowlists();

  /** ECS security groups bound to the instance as allowlists, when any. */
  List<SecurityGroupId> securityGroupIds();

  /** The number of entries over all groups, for the 1,000-entry quota. */
  default int allowlistEntryCount() {
    return allowlists().stream().mapToInt(g -> g.entries().size()).sum();
  }

  /**
   * True when the allowlist groups together admit every address of {@code source}; the cloud admits a client that
   * any entry of any group admits, so entries of different groups add up.
   */
  default boolean admits(Cidr source) {
    List<Cidr> all = new java.util.ArrayList<>();
    allowlists().forEach(g -> all.addAll(g.entries()));
    return BlockUnion.covers(all, source);
  }
}
