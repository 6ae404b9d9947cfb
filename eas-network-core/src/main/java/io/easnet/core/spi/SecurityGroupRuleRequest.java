package io.easnet.core.spi;

import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import org.immutables.value.Value;

/**
 * The arguments of {@link EcsApi#authorizeRule} and {@link EcsApi#revokeRule}
 * ({@code AuthorizeSecurityGroup[Egress]}, {@code RevokeSecurityGroup[Egress]}): one rule of one group; the rule's
 * direction picks the action. Every build without {@code clientToken} draws a fresh {@link ClientToken}: retry with the
 * same object.
 */
@Value.Immutable
public abstract class SecurityGroupRuleRequest {
  SecurityGroupRuleRequest() {}

  /** The security group ({@code SecurityGroupId}). */
  public abstract SecurityGroupId securityGroupId();

  /** The rule ({@code Permissions.1.*}). */
  public abstract SecurityGroupRule rule();

  /** The idempotency token ({@code ClientToken}); a fresh random one unless set. */
  @Value.Default
  public ClientToken clientToken() {
    return ClientToken.random();
  }

  /** A request with a fresh token. */
  public static SecurityGroupRuleRequest of(SecurityGroupId group, SecurityGroupRule rule) {
    return builder().securityGroupId(group).rule(rule).build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SecurityGroupRuleRequest}. */
  public static final class Builder extends ImmutableSecurityGroupRuleRequest.Builder {
    Builder() {}

    /** Sets the idempotency token from text (at most 64 ASCII characters). */
    public Builder clientToken(String token) {
      return clientToken(ClientToken.of(token));
    }
  }
}
