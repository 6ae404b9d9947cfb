package io.easnet.core.analysis;

import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What decided a hop: a security-group rule with its group, a group's default behaviour, or a reference to an
 * allowlist, route entry or SNAT entry rendered as {@link #text()}.
 */
@Value.Immutable
public abstract class DecidingRule {
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
