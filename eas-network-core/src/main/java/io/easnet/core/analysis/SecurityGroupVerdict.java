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

  /**
   * What decided a hop: a security-group rule with its group, a group's default behaviour, or a reference to an
   * allowlist, route entry or SNAT entry rendered as {@link #text()}.
   */
  @Value.Immutable
  public static abstract class DecidingRule {
    DecidingRule() {}

    /** A human rendering, e.g. {@code sg-1 ingress priority 1 drop tcp 22/22 from 0.0.0.0/0}. */
    public abstract String text();

    /** The security group of the rule or default, when the decision came from a security group. */
    public abstract Optional<SecurityGroupId> securityGroupId();

    /** The security-group rule, when a rule (not the default) decided. */
    public abstract Optional<SecurityGroupRule> rule();

    /** A deciding security-group rule. */
    public static DecidingRule of(SecurityGroupId group, SecurityGroupRule rule) {
      return builder().securityGroupId(group).rule(rule).text(render(group, rule)).build();
    }

    /** A decision that is not a security-group rule: an allowlist, a route or a SNAT entry. */
    public static DecidingRule text(String text) {
      return builder().text(text).build();
    }

    /** Renders a rule as {@code sg-1 ingress priority 1 drop tcp 22/22 from 0.0.0.0/0}. */
    public static String render(SecurityGroupId group, SecurityGroupRule rule) {
      StringBuilder sb = new StringBuilder();
      sb.append(group).append(' ').append(rule.direction().name().toLowerCase(java.util.Locale.ROOT));
      sb.append(" priority ").append(rule.priority()).append(' ');
      sb.append(rule.policy().name().toLowerCase(java.util.Locale.ROOT)).append(' ');
      sb.append(rule.protocol().name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(rule.portRange());
      sb.append(rule.direction() == io.easnet.core.model.SecurityGroupRule.Direction.INGRESS ? " from " : " to ").append(rule.peer());
      rule.ruleId().ifPresent(id -> sb.append(" (").append(id).append(')'));
      return sb.toString();
    }

    /** A new builder. */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link DecidingRule}. */
    public static final class Builder extends ImmutableDecidingRule.Builder {
      Builder() {}
    }
  }

  /** The decision of a set of security groups for one flow. */
  public enum SecurityGroupDecision {
    /** The flow is allowed (for every address of the peer block). */
    ALLOW,
    /** The flow is denied (for at least one address of the peer block). */
    DENY,
    /** The decision depends on a fact the inventory lacks, such as the entries of a prefix list. */
    UNDETERMINED
  }
}
