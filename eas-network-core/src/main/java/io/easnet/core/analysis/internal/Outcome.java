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
  /**
   * What the analysis made of this outcome (its verdict), kept with it: a rule's outcome and a set's default outcomes
   * are shared by every flow they decide, so the verdict is built once per outcome, not once per flow.
   */
  private Object view;

  Outcome(boolean allowed, CompiledRule rule, SecurityGroupType defaultType, SecurityGroupId defaultGroup,
      String reason, Set<PrefixListId> prefixLists) {
    this.allowed = allowed;
    this.rule = rule;
    this.defaultType = defaultType;
    this.defaultGroup = defaultGroup;
    this.reason = reason;
    this.prefixLists = prefixLists;
  }

  /** The view kept with this outcome, or null. */
  public Object view() {
    return view;
  }

  /** Keeps {@code view} with this outcome (benign race: every thread computes an equal value). */
  public void view(Object view) {
    this.view = view;
  }
}
