package io.easnet.core.analysis;

import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The decision of the security groups of one network interface for one flow: the deciding rule with its group, or
 * the group type's default when no rule matched (then {@link #defaultOf()} names the type).
 */
@Value.Immutable
public abstract class SecurityGroupVerdict {
  SecurityGroupVerdict() {}

  /** Allow, deny or undetermined. */
  public abstract SecurityGroupDecision decision();

  /** The group whose rule or default decided. */
  public abstract Optional<SecurityGroupId> decidingGroup();

  /** The rule that decided; empty when the default decided or when undetermined. */
  public abstract Optional<SecurityGroupRule> decidingRule();

  /** The group type whose default decided, when no rule matched. */
  public abstract Optional<SecurityGroupType> defaultOf();

  /** A sentence saying why, e.g. {@code no rule matches; enterprise groups deny by default}. */
  public abstract String reason();

  /** Assumptions made, e.g. an unknown prefix list. */
  public abstract List<Assumption> assumptions();

  /** True for {@link SecurityGroupDecision#ALLOW}. */
  public final boolean isAllowed() {
    return decision() == SecurityGroupDecision.ALLOW;
  }

  /** The deciding rule as a {@link DecidingRule}, or the default rendered as text. */
  public final Optional<DecidingRule> asDecidingRule() {
    if (decidingRule().isPresent() && decidingGroup().isPresent()) {
      return Optional.of(DecidingRule.of(decidingGroup().get(), decidingRule().get()));
    }
    if (defaultOf().isPresent()) {
      DecidingRule.Builder b = DecidingRule.builder().text(reason());
      decidingGroup().ifPresent(b::securityGroupId);
      return Optional.of(b.build());
    }
    return Optional.empty();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link SecurityGroupVerdict}. */
  public static final class Builder extends ImmutableSecurityGroupVerdict.Builder {
    Builder() {}
  }
}
