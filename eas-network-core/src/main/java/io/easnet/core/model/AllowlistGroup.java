package io.easnet.core.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

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
}
