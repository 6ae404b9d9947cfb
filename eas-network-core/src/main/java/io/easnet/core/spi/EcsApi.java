package io.easnet.core.spi;

import io.easnet.core.spi.CloudPort.ClientToken;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ResourceId.VpcId;
import java.util.List;
import io.easnet.core.model.SecurityGroupRule;
import org.immutables.value.Value;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import java.util.Optional;

/**
 * The ECS product: security groups with their rules and ECS instances. Thread-safe; writes carry a
 * {@link ClientToken} and are idempotent. Lists return every page.
 */
public interface EcsApi {
  /**
   * The security groups of a VPC, without their rules ({@link CloudActions#DESCRIBE_SECURITY_GROUPS}): read the
   * rules of a group with {@link #describeSecurityGroup(SecurityGroupId)}.
   */
  List<SecurityGroupSummary> describeSecurityGroups(VpcId vpc);

  /**
   * One security group with all its rules ({@link CloudActions#DESCRIBE_SECURITY_GROUP_ATTRIBUTE}).
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} when it does not exist
   */
  SecurityGroup describeSecurityGroup(SecurityGroupId id);

  /**
   * Adds a rule in the rule's direction ({@link CloudActions#AUTHORIZE_SECURITY_GROUP} or
   * {@link CloudActions#AUTHORIZE_SECURITY_GROUP_EGRESS}). Authorizing a rule that exists succeeds and creates no
   * duplicate (ids and descriptions are not compared), as does repeating a client token.
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} for an unknown group, {@code QUOTA_EXCEEDED} when
   *     the group holds 200 rules already, {@code INVALID_PARAMETER} for a rule the group cannot hold or a token
   *     reused with another rule
   */
  void authorizeRule(SecurityGroupRuleRequest request);

  /**
   * Removes a rule ({@link CloudActions#REVOKE_SECURITY_GROUP} or {@link CloudActions#REVOKE_SECURITY_GROUP_EGRESS});
   * revoking a rule that is absent succeeds.
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} for an unknown group
   */
  void revokeRule(SecurityGroupRuleRequest request);

  /** The ECS instances of a VPC ({@link CloudActions#DESCRIBE_INSTANCES}). */
  List<EcsInstance> describeInstances(VpcId vpc);

  /**
   * One ECS instance ({@link CloudActions#DESCRIBE_INSTANCES} with an id filter).
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} when it does not exist
   */
  EcsInstance describeInstance(EcsInstanceId id);

  /**
   * The arguments of {@link EcsApi#authorizeRule} and {@link EcsApi#revokeRule}
   * ({@code AuthorizeSecurityGroup[Egress]}, {@code RevokeSecurityGroup[Egress]}): one rule of one group; the rule's
   * direction picks the action. Every build without {@code clientToken} draws a fresh {@link ClientToken}: retry with the
   * same object.
   */
  @Value.Immutable
  public static abstract class SecurityGroupRuleRequest {
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

  /**
   * A security group as {@code DescribeSecurityGroups} lists it: without its rules. Read the rules with
   * {@link EcsApi#describeSecurityGroup}, which returns a {@link io.easnet.core.model.SecurityGroup}; the two results
   * are different types so that "no rules read" is never mistaken for "no rules".
   */
  @Value.Immutable
  public static abstract class SecurityGroupSummary {
    SecurityGroupSummary() {}

    /** {@code SecurityGroupId}. */
    public abstract SecurityGroupId id();

    /** {@code VpcId}. */
    public abstract VpcId vpcId();

    /** {@code SecurityGroupName}. */
    public abstract Optional<String> name();

    /** {@code SecurityGroupType}: {@code normal} (basic) or {@code enterprise}. */
    public abstract SecurityGroupType type();

    /** A new builder. */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link SecurityGroupSummary}. */
    public static final class Builder extends ImmutableSecurityGroupSummary.Builder {
      Builder() {}
    }
  }
}
