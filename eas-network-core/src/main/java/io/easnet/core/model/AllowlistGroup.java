package io.easnet.core.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import java.util.Optional;

/**
 * A named allowlist group of an RDS ({@code DBInstanceIPArray}) or Redis ({@code SecurityIpGroup}) instance.
 * {@code 127.0.0.1} alone admits nobody; {@code 0.0.0.0/0} admits everybody.
 */
@Value.Immutable
public abstract class AllowlistGroup {
  AllowlistGroup() {}

  public abstract String name();

  /** Entries as blocks; a single address is a {@code /32}. */
  public abstract List<Cidr> entries();

  /** A hidden group ({@code DBInstanceIPArrayAttribute=hidden}), used by cloud services such as DTS. */
  @Value.Default
  public boolean hidden() {
    return false;
  }

  /**
   * True when the entries together admit every address of {@code source}: {@code 10.0.0.0/25} plus
   * {@code 10.0.0.128/25} admit {@code 10.0.0.0/24}.
   */
  public final boolean admits(Cidr source) {
    return BlockUnion.covers(entries(), source);
  }

  @Value.Check
  final void check() {
    if (name().isBlank()) {
      throw new IllegalArgumentException("allowlist group name must not be blank");
    }
  }

  /** Throws when two of {@code groups} share a name: the groups of an instance are keyed by name. */
  static void requireUniqueNames(String instanceId, List<AllowlistGroup> groups) {
    Set<String> seen = new HashSet<>();
    for (AllowlistGroup g : groups) {
      if (!seen.add(g.name())) {
        throw new IllegalArgumentException("instance " + instanceId + " has two allowlist groups named \""
            + g.name() + "\"; an instance's group names are unique");
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds an {@link AllowlistGroup}. */
  public static final class Builder extends ImmutableAllowlistGroup.Builder {
    Builder() {}

    /** Adds an entry as the cloud stores it: an address or a block, host bits cleared. */
    public Builder addEntry(String entry) {
      return addEntry(Cidr.parseNormalizing(entry));
    }
  }

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
}
