package io.easnet.aliyun.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.easnet.aliyun.AliyunProduct;
import io.easnet.core.CloudServiceException;
import io.easnet.core.CloudServiceException.Kind;
import io.easnet.core.model.SecurityGroupRule.Direction;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import io.easnet.core.model.SecurityGroupRule.Policy;
import io.easnet.core.model.PortRange;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.SecurityGroupRule.RulePeer;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.EcsApi;
import io.easnet.core.spi.EcsApi.SecurityGroupRuleRequest;
import io.easnet.core.spi.EcsApi.SecurityGroupSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link EcsApi} over the ECS API (2014-05-26, RPC). DescribeSecurityGroups and DescribeInstances page by
 * {@code NextToken} with {@code MaxResults} 100, DescribeSecurityGroupAttribute by {@code NextToken} with
 * {@code MaxResults} 1000 (each API's maximum). Rules are written as {@code Permissions.1.*}; every write sends the
 * request's {@code ClientToken}.
 */
public final class AliyunEcsApi implements EcsApi {
  static final int GROUP_PAGE = 100;
  static final int RULE_PAGE = 1000;
  static final int INSTANCE_PAGE = 100;

  private final HttpTransport transport;

  public AliyunEcsApi(HttpTransport transport) {
    this.transport = transport;
  }

  private ApiRequest.Builder rpc(String action) {
    return ApiRequest.rpc(AliyunProduct.ECS, action).parameter("RegionId", transport.options().regionId());
  }

  // -------------------------------------------------------------------------------------------- security groups

  @Override
  public List<SecurityGroupSummary> describeSecurityGroups(VpcId vpc) {
    return groups("VpcId", vpc.value());
  }

  private List<SecurityGroupSummary> groups(String filter, String value) {
    return Lists.tokened(transport, (token, page) -> rpc("DescribeSecurityGroups").parameter(filter, value)
        .parameter("MaxResults", Integer.toString(GROUP_PAGE)).parameter("NextToken", token).page(page).build(),
        new Lists.Shape("SecurityGroups", "SecurityGroup"), AliyunEcsApi::summary);
  }

  static SecurityGroupSummary summary(JsonNode n) {
    SecurityGroupSummary.Builder b = SecurityGroupSummary.builder()
        .id(SecurityGroupId.of(WireJson.required(n, "SecurityGroupId")))
        .vpcId(VpcId.of(WireJson.required(n, "VpcId")))
        .type(type(n));
    WireJson.text(n, "SecurityGroupName").ifPresent(b::name);
    return b.build();
  }

  private static SecurityGroupType type(JsonNode n) {
    return WireJson.text(n, "SecurityGroupType").map(SecurityGroupType::parse).orElse(SecurityGroupType.BASIC);
  }

  /**
   * One group with its rules: {@code DescribeSecurityGroupAttribute} answers the name, VPC, inner access policy and
   * rules, but neither the type (basic and enterprise groups differ in their implicit rules) nor the tags (which the
   * environment-isolation rule reads); {@code DescribeSecurityGroups} filtered to the group answers both
   * ({@code SecurityGroupType}, {@code Tags.Tag[{TagKey, TagValue}]}). Two requests per group, sent together (the
   * rule pages follow each other); a failure of the rule pages is the one reported.
   */
  @Override
  public SecurityGroup describeSecurityGroup(SecurityGroupId id) {
    List<Object> answers = transport.all("ecs:DescribeSecurityGroupAttribute", List.<Supplier<Object>>of(
        () -> groupWithRules(id), () -> listEntry(id)));
    SecurityGroup.Builder b = (SecurityGroup.Builder) answers.get(0);
    @SuppressWarnings("unchecked") // the second task is listEntry(id)
    Optional<JsonNode> listed = (Optional<JsonNode>) answers.get(1);
    listed.ifPresent(n -> b.type(type(n)).putAllTags(WireJson.tags(n)));
    return b.build();
  }

  /** Every page of {@code DescribeSecurityGroupAttribute}: the group's header fields and its rules. */
  private SecurityGroup.Builder groupWithRules(SecurityGroupId id) {
    SecurityGroup.Builder[] group = new SecurityGroup.Builder[1];
    List<SecurityGroupRule> rules = Lists.tokenedPages(transport, (token, page) ->
        rpc("DescribeSecurityGroupAttribute").parameter("SecurityGroupId", id.value()).parameter("Direction", "all")
            .parameter("MaxResults", Integer.toString(RULE_PAGE)).parameter("NextToken", token).page(page).build(),
        (root, page) -> {
          if (group[0] == null) {
            group[0] = Lists.one(page.request(), page.response(), "/", root, n -> {
              SecurityGroup.Builder b = SecurityGroup.builder().id(id).vpcId(WireJson.required(n, "VpcId"));
              WireJson.text(n, "SecurityGroupName").ifPresent(b::name);
              WireJson.text(n, "InnerAccessPolicy").ifPresent(p -> b.innerAccessPolicy(Policy.parse(p)));
              return b;
            });
          }
          List<SecurityGroupRule> out = new ArrayList<>();
          Lists.Shape shape = new Lists.Shape("Permissions", "Permission");
          Lists.map(page.request(), page.response(), page.page(), shape, shape.items(root), AliyunEcsApi::rule, out);
          return out;
        });
    return group[0].addAllRules(rules);
  }

  /** The group's entry of {@code DescribeSecurityGroups}: its type and tags. */
  private Optional<JsonNode> listEntry(SecurityGroupId id) {
    List<JsonNode> listed = Lists.tokened(transport, (token, page) -> rpc("DescribeSecurityGroups")
        .parameter("SecurityGroupIds", WireJson.jsonArray(List.of(id.value())))
        .parameter("MaxResults", Integer.toString(GROUP_PAGE)).parameter("NextToken", token).page(page).build(),
        new Lists.Shape("SecurityGroups", "SecurityGroup"), n -> n);
    return listed.stream().filter(n -> WireJson.text(n, "SecurityGroupId").filter(id.value()::equals).isPresent())
        .findFirst();
  }

  static SecurityGroupRule rule(JsonNode n) {
    Direction direction = Direction.parse(WireJson.required(n, "Direction"));
    boolean in = direction == Direction.INGRESS;
    SecurityGroupRule.Builder b = SecurityGroupRule.builder().direction(direction)
        .protocol(Protocol.parse(WireJson.required(n, "IpProtocol")))
        .portRange(PortRange.parse(WireJson.text(n, "PortRange").orElse("-1/-1")))
        .peer(peer(n, in));
    WireJson.text(n, "Policy").ifPresent(p -> b.policy(Policy.parse(p)));
    WireJson.number(n, "Priority").ifPresent(p -> b.priority(Math.toIntExact(p)));
    WireJson.text(n, "SecurityGroupRuleId").ifPresent(b::ruleId);
    WireJson.text(n, "Description").ifPresent(b::description);
    return b.build();
  }

  private static RulePeer peer(JsonNode n, boolean ingress) {
    String side = ingress ? "Source" : "Dest";
    // the documented precedence: a CIDR wins over a group
    Optional<String> cidr = WireJson.text(n, side + "CidrIp").or(() -> WireJson.text(n, "Ipv6" + side + "CidrIp"));
    if (cidr.isPresent()) {
      return RulePeer.cidr(cidr.get());
    }
    Optional<String> group = WireJson.text(n, side + "GroupId");
    if (group.isPresent()) {
      return RulePeer.group(group.get());
    }
    Optional<String> prefixList = WireJson.text(n, side + "PrefixListId");
    if (prefixList.isPresent()) {
      return RulePeer.prefixList(prefixList.get());
    }
    throw new IllegalArgumentException("the rule has no " + side + "CidrIp, Ipv6" + side + "CidrIp, " + side
        + "GroupId or " + side + "PrefixListId");
  }

  @Override
  public void authorizeRule(SecurityGroupRuleRequest request) {
    boolean in = request.rule().direction() == Direction.INGRESS;
    try {
      transport.call(ruleRequest(in ? "AuthorizeSecurityGroup" : "AuthorizeSecurityGroupEgress", request));
    } catch (CloudServiceException e) {
      // an existing rule is success (the API documents it so; some answers still say Duplicate / AlreadyExist)
      String code = e.code().toLowerCase(Locale.ROOT);
      boolean duplicate = e.kind() == Kind.ALREADY_EXISTS || code.contains("duplicate") && !code.contains("idempotent");
      if (!duplicate) {
        throw e;
      }
    }
  }

  @Override
  public void revokeRule(SecurityGroupRuleRequest request) {
    boolean in = request.rule().direction() == Direction.INGRESS;
    try {
      transport.call(ruleRequest(in ? "RevokeSecurityGroup" : "RevokeSecurityGroupEgress", request));
    } catch (CloudServiceException e) {
      // revoking an absent rule succeeds; an unknown group stays NOT_FOUND
      if (!(e.kind() == Kind.NOT_FOUND && !AliyunVpcApi.mentions(e, "securitygroupid"))) {
        throw e;
      }
    }
  }

  static ApiRequest.Builder permission(ApiRequest.Builder b, SecurityGroupRule rule) {
    String p = "Permissions.1.";
    boolean in = rule.direction() == Direction.INGRESS;
    String side = in ? "Source" : "Dest";
    b.parameter(p + "IpProtocol", rule.protocol().name())
        .parameter(p + "PortRange", rule.portRange().toString())
        .parameter(p + "Policy", rule.policy().name().toLowerCase(Locale.ROOT))
        .parameter(p + "Priority", Integer.toString(rule.priority()));
    RulePeer peer = rule.peer();
    if (peer instanceof RulePeer.CidrPeer c) {
      b.parameter(p + (c.cidr().isIpv6() ? "Ipv6" + side : side) + "CidrIp", c.cidr().toString());
    } else if (peer instanceof RulePeer.GroupPeer g) {
      b.parameter(p + side + "GroupId", g.groupId().value());
    } else if (peer instanceof RulePeer.PrefixListPeer l) {
      b.parameter(p + side + "PrefixListId", l.prefixListId().value());
    }
    rule.description().ifPresent(d -> b.parameter(p + "Description", d));
    return b;
  }

  private ApiRequest ruleRequest(String action, SecurityGroupRuleRequest request) {
    return permission(rpc(action).parameter("SecurityGroupId", request.securityGroupId().value())
        .parameter("ClientToken", request.clientToken().value()), request.rule()).build();
  }

  // ------------------------------------------------------------------------------------------------- instances

  @Override
  public List<EcsInstance> describeInstances(VpcId vpc) {
    return instances("VpcId", vpc.value());
  }

  @Override
  public EcsInstance describeInstance(EcsInstanceId id) {
    List<EcsInstance> found = instances("InstanceIds", WireJson.jsonArray(List.of(id.value())));
    return found.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow(() ->
        WireJson.notFound("ecs:DescribeInstances", "InvalidInstanceId.NotFound", "The ECS instance " + id));
  }

  private List<EcsInstance> instances(String filter, String value) {
    return Lists.tokened(transport, (token, page) -> rpc("DescribeInstances").parameter(filter, value)
        .parameter("MaxResults", Integer.toString(INSTANCE_PAGE)).parameter("NextToken", token).page(page).build(),
        new Lists.Shape("Instances", "Instance"), AliyunEcsApi::instance);
  }

  static EcsInstance instance(JsonNode n) {
    JsonNode vpc = n.path("VpcAttributes");
    EcsInstance.Builder b = EcsInstance.builder().id(WireJson.required(n, "InstanceId"))
        .vpcId(WireJson.required(vpc, "VpcId")).vSwitchId(WireJson.required(vpc, "VSwitchId"));
    WireJson.text(n, "InstanceName").ifPresent(b::name);
    WireJson.strings(vpc, "PrivateIpAddress", "IpAddress").forEach(b::addPrivateIp);
    List<String> publicIps = WireJson.strings(n, "PublicIpAddress", "IpAddress");
    Optional<String> publicIp = publicIps.isEmpty()
        ? WireJson.text(n.path("EipAddress"), "IpAddress") : Optional.of(publicIps.get(0));
    publicIp.ifPresent(ip -> b.publicIp(io.easnet.core.model.IpAddress.parse(ip)));
    WireJson.strings(n, "SecurityGroupIds", "SecurityGroupId").forEach(b::addSecurityGroupId);
    b.putAllTags(WireJson.tags(n));
    return b.build();
  }

  @Override
  public String toString() {
    return "AliyunEcsApi{" + transport.options().regionId() + "}";
  }
}
