package io.easnet.aliyun;

import static io.easnet.aliyun.PortHarness.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.CloudServiceException;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.SecurityGroupRule.Direction;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.SecurityGroupRule.Policy;
import io.easnet.core.model.PortRange;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import io.easnet.core.model.SecurityGroupRule.RulePeer;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.RequestListener.RequestEvent;
import io.easnet.core.spi.EcsApi.SecurityGroupRuleRequest;
import io.easnet.core.spi.EcsApi.SecurityGroupSummary;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** ECS (docs/wire.md §4) and the RDS / Redis allowlists (§5) against reference-shaped answers. */
class AliyunEcsAndAllowlistApiTest {
  @StartStop public final MockWebServer server = new MockWebServer();
  private final PortHarness h = new PortHarness(server);

  @Test
  void securityGroupsPageByNextTokenWithOneHundredResults() {
    h.ok("DescribeSecurityGroups",
        "{\"RequestId\":\"R-1\",\"NextToken\":\"e71d8a535bd9cc11\",\"SecurityGroups\":{\"SecurityGroup\":[{"
            + "\"SecurityGroupId\":\"sg-1\",\"SecurityGroupName\":\"eas\",\"SecurityGroupType\":\"normal\","
            + "\"VpcId\":\"vpc-a\"}]}}",
        "{\"RequestId\":\"R-2\",\"NextToken\":\"\",\"SecurityGroups\":{\"SecurityGroup\":[{"
            + "\"SecurityGroupId\":\"sg-2\",\"SecurityGroupType\":\"enterprise\",\"VpcId\":\"vpc-a\"}]}}");

    List<SecurityGroupSummary> groups = h.port().ecs().describeSecurityGroups(VpcId.of("vpc-a"));

    assertThat(groups).extracting(SecurityGroupSummary::type)
        .containsExactly(SecurityGroupType.BASIC, SecurityGroupType.ENTERPRISE);
    assertThat(groups.get(0).name()).contains("eas");
    assertThat(h.requests("DescribeSecurityGroups")).extracting(r -> query(r).get("NextToken"))
        .containsExactly(null, "e71d8a535bd9cc11");
    assertThat(h.requests("DescribeSecurityGroups")).extracting(r -> query(r).get("MaxResults"))
        .containsOnly("100");
    assertThat(h.events).extracting(RequestEvent::page).containsExactly(1, 2);
  }

  @Test
  void aGroupsRulesAreReadOverEveryPageAndItsTypeFromDescribeSecurityGroups() {
    h.ok("DescribeSecurityGroupAttribute",
        "{\"RequestId\":\"R-3\",\"RegionId\":\"cn-hangzhou\",\"SecurityGroupId\":\"sg-1\",\"VpcId\":\"vpc-a\","
            + "\"InnerAccessPolicy\":\"Accept\",\"NextToken\":\"n-2\",\"Permissions\":{\"Permission\":[{"
            + "\"SecurityGroupRuleId\":\"sgr-1\",\"Direction\":\"ingress\",\"IpProtocol\":\"TCP\",\"PortRange\":"
            + "\"22/22\",\"SourceCidrIp\":\"10.0.0.0/8\",\"Policy\":\"Accept\",\"Priority\":\"1\"},{"
            + "\"Direction\":\"egress\",\"IpProtocol\":\"ALL\",\"PortRange\":\"-1/-1\",\"DestGroupId\":\"sg-db\","
            + "\"Policy\":\"Drop\",\"Priority\":\"100\"}]}}",
        "{\"RequestId\":\"R-4\",\"SecurityGroupId\":\"sg-1\",\"VpcId\":\"vpc-a\",\"NextToken\":\"\",\"Permissions\":{"
            + "\"Permission\":{\"Direction\":\"egress\",\"IpProtocol\":\"tcp\",\"PortRange\":\"3306/3306\","
            + "\"DestPrefixListId\":\"pl-1\",\"DestCidrIp\":\"\",\"Policy\":\"accept\",\"Priority\":\"5\"}}}");
    h.ok("DescribeSecurityGroups", "{\"RequestId\":\"R-5\",\"SecurityGroups\":{\"SecurityGroup\":[{"
        + "\"SecurityGroupId\":\"sg-1\",\"SecurityGroupType\":\"enterprise\",\"VpcId\":\"vpc-a\",\"Tags\":{"
        + "\"Tag\":[{\"TagKey\":\"env\",\"TagValue\":\"prod\"},{\"TagKey\":\"team\",\"TagValue\":\"\"}]}}]}}");

    SecurityGroup g = h.port().ecs().describeSecurityGroup(SecurityGroupId.of("sg-1"));

    assertThat(g.type()).isEqualTo(SecurityGroupType.ENTERPRISE);
    // DescribeSecurityGroupAttribute answers no tags: they come from DescribeSecurityGroups
    assertThat(g.tags()).containsExactly(Map.entry("env", "prod"), Map.entry("team", ""));
    assertThat(g.innerAccessPolicy()).isEqualTo(Policy.ACCEPT);
    assertThat(g.rules()).hasSize(3);
    SecurityGroupRule ssh = g.rules().get(0);
    assertThat(ssh.direction()).isEqualTo(Direction.INGRESS);
    assertThat(ssh.portRange()).isEqualTo(PortRange.single(22));
    assertThat(ssh.peer()).isEqualTo(RulePeer.cidr("10.0.0.0/8"));
    assertThat(ssh.ruleId()).contains("sgr-1");
    assertThat(g.rules().get(1).peer()).isEqualTo(RulePeer.group("sg-db"));
    assertThat(g.rules().get(1).policy()).isEqualTo(Policy.DROP);
    assertThat(g.rules().get(1).priority()).isEqualTo(100);
    assertThat(g.rules().get(2).peer()).isEqualTo(RulePeer.prefixList("pl-1"));
    assertThat(g.rules().get(2).protocol()).isEqualTo(Protocol.TCP);
    assertThat(h.requests("DescribeSecurityGroupAttribute")).extracting(r -> query(r).get("MaxResults"))
        .containsOnly("1000");
    assertThat(query(h.requests("DescribeSecurityGroups").get(0))).containsEntry("SecurityGroupIds", "[\"sg-1\"]");
  }

  @Test
  void authorizeSendsOnePermissionWithItsTokenAndAnExistingRuleIsSuccess() {
    h.on("AuthorizeSecurityGroupEgress", PortHarness.json(200, "{\"RequestId\":\"R-6\"}"),
        PortHarness.error(400, "InvalidPermission.Duplicate", "R-7"));
    SecurityGroupRuleRequest request = SecurityGroupRuleRequest.builder().securityGroupId(SecurityGroupId.of("sg-1"))
        .rule(SecurityGroupRule.egress().tcp(3306).peer(RulePeer.group("sg-db")).priority(2)
            .description("eas to rds").build())
        .clientToken("tok-auth-1").build();

    h.port().ecs().authorizeRule(request);
    h.port().ecs().authorizeRule(request);

    Map<String, String> q = query(h.requests("AuthorizeSecurityGroupEgress").get(0));
    assertThat(q).containsEntry("SecurityGroupId", "sg-1").containsEntry("ClientToken", "tok-auth-1")
        .containsEntry("Permissions.1.IpProtocol", "TCP").containsEntry("Permissions.1.PortRange", "3306/3306")
        .containsEntry("Permissions.1.DestGroupId", "sg-db").containsEntry("Permissions.1.Policy", "accept")
        .containsEntry("Permissions.1.Priority", "2").containsEntry("Permissions.1.Description", "eas to rds")
        .doesNotContainKey("IpProtocol");
    assertThat(h.requests("AuthorizeSecurityGroup")).isEmpty();
  }

  @Test
  void revokingAnAbsentRuleSucceedsButAnUnknownGroupIsNotFound() {
    h.on("RevokeSecurityGroup", PortHarness.error(404, "InvalidPermission.NotFound", "R-8"),
        PortHarness.error(404, "InvalidSecurityGroupId.NotFound", "R-9"));
    SecurityGroupRuleRequest request = SecurityGroupRuleRequest.of(SecurityGroupId.of("sg-1"),
        SecurityGroupRule.ingress().tcp(8080).peer(RulePeer.cidr("10.1.0.0/24")).build());

    h.port().ecs().revokeRule(request);

    assertThatThrownBy(() -> h.port().ecs().revokeRule(request))
        .isInstanceOfSatisfying(CloudServiceException.class, e -> {
          assertThat(e.kind()).isEqualTo(CloudServiceException.Kind.NOT_FOUND);
          assertThat(e.action()).isEqualTo("ecs:RevokeSecurityGroup");
        });
    assertThat(query(h.requests("RevokeSecurityGroup").get(0)))
        .containsEntry("Permissions.1.SourceCidrIp", "10.1.0.0/24");
  }

  @Test
  void instancesReadVpcAttributesIpsGroupsAndAMissingOneIsNotFound() {
    h.ok("DescribeInstances",
        "{\"RequestId\":\"R-10\",\"NextToken\":\"\",\"Instances\":{\"Instance\":[{\"InstanceId\":\"i-1\","
            + "\"InstanceName\":\"client\",\"VpcAttributes\":{\"VpcId\":\"vpc-a\",\"VSwitchId\":\"vsw-1\","
            + "\"PrivateIpAddress\":{\"IpAddress\":[\"10.1.0.7\"]}},\"PublicIpAddress\":{\"IpAddress\":[]},"
            + "\"EipAddress\":{\"IpAddress\":\"47.9.9.9\"},\"SecurityGroupIds\":{\"SecurityGroupId\":[\"sg-1\","
            + "\"sg-2\"]}}]}}",
        "{\"RequestId\":\"R-11\",\"Instances\":{\"Instance\":[]}}");

    EcsInstance i = h.port().ecs().describeInstances(VpcId.of("vpc-a")).get(0);
    assertThatThrownBy(() -> h.port().ecs().describeInstance(EcsInstanceId.of("i-gone")))
        .isInstanceOfSatisfying(CloudServiceException.class, e -> {
          assertThat(e.kind()).isEqualTo(CloudServiceException.Kind.NOT_FOUND);
          assertThat(e.getMessage()).contains("i-gone").contains("ecs:DescribeInstances");
        });

    assertThat(i.privateIps()).containsExactly(IpAddress.parse("10.1.0.7"));
    assertThat(i.publicIp()).contains(IpAddress.parse("47.9.9.9"));
    assertThat(i.securityGroupIds()).extracting(SecurityGroupId::value).containsExactly("sg-1", "sg-2");
    assertThat(query(h.requests("DescribeInstances").get(0))).containsEntry("MaxResults", "100");
    assertThat(query(h.requests("DescribeInstances").get(1))).containsEntry("InstanceIds", "[\"i-gone\"]");
  }

  @Test
  void rdsInstancesCarryTheirAllowlistsFromCommaLists() {
    h.ok("DescribeDBInstances", "{\"RequestId\":\"R-12\",\"TotalRecordCount\":1,\"PageNumber\":1,"
        + "\"Items\":{\"DBInstance\":[{\"DBInstanceId\":\"rm-1\",\"DBInstanceDescription\":\"orders\","
        + "\"VpcId\":\"vpc-a\",\"VSwitchId\":\"vsw-db\"}]}}");
    h.ok("DescribeDBInstanceIPArrayList", "{\"RequestId\":\"R-13\",\"Items\":{\"DBInstanceIPArray\":[{"
        + "\"DBInstanceIPArrayName\":\"default\",\"DBInstanceIPArrayAttribute\":\"\",\"SecurityIPList\":"
        + "\"127.0.0.1,10.1.0.0/24\",\"SecurityIPType\":\"IPv4\"},{\"DBInstanceIPArrayName\":\"dts\","
        + "\"DBInstanceIPArrayAttribute\":\"hidden\",\"SecurityIPList\":\"100.104.0.0/16\"}]}}");
    // the official shapes (rds20140815 DescribeDBInstanceNetInfoResponseBody,
    // DescribeSecurityGroupConfigurationResponseBody): a public connection first, the port as a string
    h.ok("DescribeDBInstanceNetInfo", "{\"RequestId\":\"R-17\",\"InstanceNetworkType\":\"VPC\","
        + "\"DBInstanceNetInfos\":{\"DBInstanceNetInfo\":[{\"IPType\":\"Public\",\"IPAddress\":\"47.1.2.3\","
        + "\"Port\":\"3306\",\"ConnectionString\":\"rm-1.mysql.rds.aliyuncs.com\"},{\"IPType\":\"Private\","
        + "\"IPAddress\":\"10.1.0.7\",\"Port\":\"3307\",\"VPCId\":\"vpc-a\",\"VSwitchId\":\"vsw-db\"}]}}");
    h.ok("DescribeSecurityGroupConfiguration", "{\"RequestId\":\"R-18\",\"DBInstanceName\":\"rm-1\","
        + "\"Items\":{\"EcsSecurityGroupRelation\":[{\"SecurityGroupId\":\"sg-app\",\"RegionId\":"
        + "\"cn-hangzhou\",\"NetworkType\":\"VPC\"},{\"SecurityGroupId\":\"sg-ops\",\"RegionId\":"
        + "\"cn-hangzhou\",\"NetworkType\":\"VPC\"}]}}");

    RdsInstance rds = h.port().rds().describeInstances(VpcId.of("vpc-a")).get(0);

    assertThat(rds.privateIp()).contains(IpAddress.parse("10.1.0.7"));
    assertThat(rds.port()).isEqualTo(3307);
    assertThat(rds.securityGroupIds()).containsExactly(SecurityGroupId.of("sg-app"), SecurityGroupId.of("sg-ops"));
    assertThat(query(h.requests("DescribeDBInstanceNetInfo").get(0))).containsEntry("DBInstanceId", "rm-1");
    assertThat(query(h.requests("DescribeSecurityGroupConfiguration").get(0))).containsEntry("DBInstanceId", "rm-1");

    assertThat(rds.name()).contains("orders");
    assertThat(rds.allowlists()).extracting(AllowlistGroup::name).containsExactly("default", "dts");
    assertThat(rds.allowlists().get(0).entries()).containsExactly(Cidr.parse("127.0.0.1/32"),
        Cidr.parse("10.1.0.0/24"));
    assertThat(rds.allowlists().get(1).hidden()).isTrue();
    assertThat(query(h.requests("DescribeDBInstances").get(0))).containsEntry("VpcId", "vpc-a")
        .containsEntry("PageSize", "100");
  }

  @Test
  void allowlistsChangeOnlyByAppendAndDeleteNeverCover() {
    h.ok("ModifySecurityIps", "{\"RequestId\":\"R-14\"}");
    List<Cidr> entries = List.of(Cidr.parse("10.1.0.0/24"), Cidr.parse("47.1.2.3/32"));

    h.port().rds().appendAllowlistEntries(RdsInstanceId.of("rm-1"), "eas", entries);
    h.port().rds().deleteAllowlistEntries(RdsInstanceId.of("rm-1"), "eas", entries);
    h.port().redis().appendAllowlistEntries(RedisInstanceId.of("r-1"), "eas", entries);
    h.port().redis().deleteAllowlistEntries(RedisInstanceId.of("r-1"), "eas", entries);

    List<Map<String, String>> q = h.requests("ModifySecurityIps").stream().map(PortHarness::query).toList();
    assertThat(q).extracting(m -> m.get("ModifyMode")).containsExactly("Append", "Delete", "Append", "Delete");
    assertThat(q.get(0)).containsEntry("DBInstanceId", "rm-1").containsEntry("DBInstanceIPArrayName", "eas")
        .containsEntry("SecurityIps", "10.1.0.0/24,47.1.2.3");
    assertThat(q.get(2)).containsEntry("InstanceId", "r-1").containsEntry("SecurityIpGroupName", "eas")
        .doesNotContainKey("DBInstanceIPArrayName");
    assertThat(h.requests("ModifySecurityIps")).extracting(r -> r.getHeaders().get("x-acs-version"))
        .containsExactly("2014-08-15", "2014-08-15", "2015-01-01", "2015-01-01");
    assertThat(h.events).extracting(RequestEvent::action).containsExactly("rds:ModifySecurityIps",
        "rds:ModifySecurityIps", "kvstore:ModifySecurityIps", "kvstore:ModifySecurityIps");
  }

  @Test
  void redisInstanceAttributeAndSecurityIpGroups() {
    h.ok("DescribeInstanceAttribute", "{\"RequestId\":\"R-15\",\"Instances\":{\"DBInstanceAttribute\":[{"
        + "\"InstanceId\":\"r-1\",\"InstanceName\":\"cache\",\"VpcId\":\"vpc-a\",\"VSwitchId\":\"vsw-db\","
        + "\"PrivateIp\":\"10.3.0.9\",\"Port\":6379}]}}");
    h.ok("DescribeSecurityIps", "{\"RequestId\":\"R-16\",\"SecurityIpGroups\":{\"SecurityIpGroup\":[{"
        + "\"SecurityIpGroupName\":\"default\",\"SecurityIpGroupAttribute\":\"\",\"SecurityIpList\":"
        + "\"127.0.0.1,10.0.0.0/8\"}]}}");
    // r_kvstore20150101 DescribeSecurityGroupConfigurationResponseBody: NetType where RDS says NetworkType
    h.ok("DescribeSecurityGroupConfiguration", "{\"RequestId\":\"R-19\",\"Items\":{\"EcsSecurityGroupRelation\":"
        + "[{\"SecurityGroupId\":\"sg-cache\",\"RegionId\":\"cn-hangzhou\",\"NetType\":\"vpc\"}]}}");

    RedisInstance r = h.port().redis().describeInstance(RedisInstanceId.of("r-1"));

    assertThat(r.securityGroupIds()).containsExactly(SecurityGroupId.of("sg-cache"));
    assertThat(h.requests("DescribeSecurityGroupConfiguration")).singleElement()
        .satisfies(req -> assertThat(req.getHeaders().get("x-acs-version")).isEqualTo("2015-01-01"));

    assertThat(r.privateIp()).contains(IpAddress.parse("10.3.0.9"));
    assertThat(r.port()).isEqualTo(6379);
    assertThat(r.allowlists()).singleElement().satisfies(g -> assertThat(g.entries()).hasSize(2));
    assertThat(query(h.requests("DescribeSecurityIps").get(0))).containsEntry("InstanceId", "r-1");
  }
}
