package io.easnet.core.spi;

import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ResourceId.VpcId;
import java.util.List;

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
}
