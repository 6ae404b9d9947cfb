package io.easnet.testkit;

import static io.easnet.testkit.Requests.req;

import io.easnet.core.model.SecurityGroupRule.Direction;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.CloudActions;
import io.easnet.core.spi.EcsApi;
import io.easnet.core.spi.EcsApi.SecurityGroupRuleRequest;
import io.easnet.core.spi.EcsApi.SecurityGroupSummary;
import java.util.List;

/** The fake's ECS product: security groups and instances. */
final class FakeEcsApi implements EcsApi {
  private final Requests requests;
  private final CloudState state;

  FakeEcsApi(Requests requests) {
    this.requests = requests;
    this.state = requests.fake().state();
  }

  @Override
  public List<SecurityGroupSummary> describeSecurityGroups(VpcId vpc) {
    req(vpc, "vpc");
    return requests.list(CloudActions.DESCRIBE_SECURITY_GROUPS, () -> state.groups.summariesIn(vpc));
  }

  @Override
  public SecurityGroup describeSecurityGroup(SecurityGroupId id) {
    req(id, "id");
    return requests.call(CloudActions.DESCRIBE_SECURITY_GROUP_ATTRIBUTE, () -> state.groups.group(id));
  }

  @Override
  public void authorizeRule(SecurityGroupRuleRequest request) {
    req(request, "request");
    String action = request.rule().direction() == Direction.INGRESS
        ? CloudActions.AUTHORIZE_SECURITY_GROUP
        : CloudActions.AUTHORIZE_SECURITY_GROUP_EGRESS;
    requests.writeVoid(action, request.clientToken(), request,
        () -> state.groups.authorize(request.securityGroupId(), request.rule()));
  }

  @Override
  public void revokeRule(SecurityGroupRuleRequest request) {
    req(request, "request");
    String action = request.rule().direction() == Direction.INGRESS
        ? CloudActions.REVOKE_SECURITY_GROUP
        : CloudActions.REVOKE_SECURITY_GROUP_EGRESS;
    requests.writeVoid(action, request.clientToken(), request,
        () -> state.groups.revoke(request.securityGroupId(), request.rule()));
  }

  @Override
  public List<EcsInstance> describeInstances(VpcId vpc) {
    req(vpc, "vpc");
    return requests.list(CloudActions.DESCRIBE_INSTANCES, () -> state.network.ecsIn(vpc));
  }

  @Override
  public EcsInstance describeInstance(EcsInstanceId id) {
    req(id, "id");
    return requests.call(CloudActions.DESCRIBE_INSTANCES, () -> state.network.ecsInstance(id));
  }
}
