package io.easnet.core.analysis.internal;

import io.easnet.core.model.ResourceId.PrefixListId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import java.util.Set;

/** The raw result of one evaluation pass over a compiled rule set. */
public final class Outcome {
  /** The compiled {@code allowed}. */
  public final boolean allowed;
  /** The deciding rule, or null when the default decided. */
  public final CompiledRule rule;
  /** The default's group type when the default decided, else null. */
  public final SecurityGroupType defaultType;
  /** The group whose default decided, when one group can be named, else null. */
  public final SecurityGroupId defaultGroup;
  /** The compiled {@code reason}. */
  public final String reason;
  /** Prefix lists consulted while deciding. */
  public final Set<PrefixListId> prefixLists;

  Outcome(boolean allowed, CompiledRule rule, SecurityGroupType defaultType, SecurityGroupId defaultGroup,
      String reason, Set<PrefixListId> prefixLists) {
    this.allowed = allowed;
    this.rule = rule;
    this.defaultType = defaultType;
    this.defaultGroup = defaultGroup;
    this.reason = reason;
    this.prefixLists = prefixLists;
  }
}
