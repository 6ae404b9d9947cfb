package io.easnet.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.ecs20140526.models.AuthorizeSecurityGroupRequest;
import com.aliyun.ecs20140526.models.DescribeSecurityGroupAttributeRequest;
import com.aliyun.ecs20140526.models.DescribeSecurityGroupAttributeResponseBody.DescribeSecurityGroupAttributeResponseBodyPermissionsPermission;
import com.aliyun.rds20140815.models.DescribeDBInstanceIPArrayListRequest;
import com.aliyun.rds20140815.models.DescribeDBInstanceIPArrayListResponseBody.DescribeDBInstanceIPArrayListResponseBodyItemsDBInstanceIPArray;
import com.aliyun.r_kvstore20150101.models.DescribeSecurityIpsRequest;
import com.aliyun.r_kvstore20150101.models.DescribeSecurityIpsResponseBody.DescribeSecurityIpsResponseBodySecurityIpGroupsSecurityIpGroup;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import com.aliyun.vpc20160428.models.DescribeSnatTableEntriesRequest;
import com.aliyun.vpc20160428.models.DescribeSnatTableEntriesResponseBody.DescribeSnatTableEntriesResponseBodySnatTableEntriesSnatTableEntry;
import com.aliyun.vpc20160428.models.DescribeVSwitchesRequest;
import com.aliyun.vpc20160428.models.DescribeVSwitchesResponseBody.DescribeVSwitchesResponseBodyVSwitchesVSwitch;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.ResourceId.SnatTableId;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.CloudActions;
import io.easnet.testkit.FakeCloud;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Wire compatibility with clients nobody here wrote: the official Alibaba Java SDKs (VPC 3.2.24 and ECS 5.3.0,
 * signing ACS3-HMAC-SHA256 over HTTP to {@code 127.0.0.1:port}; RDS 1.8.4 and R-KVStore 2.23.2, the newest versions
 * Maven Central serves) and tea-openapi's generic {@code callApi} for EAS ROA calls (the EAS SDK is not served). The
 * answers must equal what the fake's state, read through its port face, implies.
 */
class OfficialSdkCompatibilityTest {
  private static final String AK = "LTAI-sdk-test";
  private static final String SECRET = "sdk-test-secret";

  private final FakeCloud fake = FakeCloud.create();
  private Emulator emulator;

  @BeforeEach
  void start() throws IOException {
    fake.estate()
        .vpc("prod", "192.168.0.0/16")
        .vSwitch("eas", "192.168.1.0/24", "cn-hangzhou-h")
        .vSwitch("db", "192.168.2.0/24")
        .securityGroup("eas-sg")
        .securityGroupTag("eas-sg", "env", "prod")
        .rule("eas-sg", SecurityGroupRule.egress().tcp(3306).peer("192.168.2.0/24").priority(10))
        .natGateway("nat")
        .eip("nat", "47.96.0.10")
        .snatEntry("nat", "eas")
        .rds("orders", "db", "192.168.2.10", "eas-sg")
        .allowlist("orders", "default", "192.168.1.0/24")
        .redis("cache", "db", "192.168.2.11", "eas-sg")
        .resourceGroup("rg")
        .dlink("rg", "eas", "eas-sg");
    emulator = Emulator.builder().fake(fake).accessKey(AK, SECRET).build().start();
  }

  @AfterEach
  void stop() {
    emulator.close();
    assertThat(emulator.nearMisses()).as("every SDK call routed").isEmpty();
  }

  private Config config() {
    return new Config().setAccessKeyId(AK).setAccessKeySecret(SECRET).setRegionId("cn-hangzhou")
        .setEndpoint(emulator.endpoint()).setProtocol("HTTP");
  }

  @Test
  void theVpcSdkReadsTheVSwitchesOfTheFake() throws Exception {
    com.aliyun.vpc20160428.Client vpc = new com.aliyun.vpc20160428.Client(config());
    VpcId prod = fake.id(VpcId.class, "prod");
    List<DescribeVSwitchesResponseBodyVSwitchesVSwitch> got = vpc.describeVSwitches(new DescribeVSwitchesRequest()
        .setRegionId("cn-hangzhou").setVpcId(prod.value())).getBody().getVSwitches().getVSwitch();
    List<VSwitch> expected = fake.vpc().describeVSwitches(prod);
    assertThat(got).extracting(DescribeVSwitchesResponseBodyVSwitchesVSwitch::getVSwitchId)
        .containsExactlyElementsOf(expected.stream().map(v -> v.id().value()).toList());
    assertThat(got).extracting(DescribeVSwitchesResponseBodyVSwitchesVSwitch::getCidrBlock)
        .containsExactlyElementsOf(expected.stream().map(v -> v.cidrBlock().toString()).toList());
    assertThat(got).extracting(DescribeVSwitchesResponseBodyVSwitchesVSwitch::getAvailableIpAddressCount)
        .containsExactlyElementsOf(expected.stream().map(VSwitch::availableIpAddressCount).toList());
    assertThat(got.get(0).getZoneId()).isEqualTo("cn-hangzhou-h");
  }

  @Test
  void theVpcSdkReadsTheSnatEntriesOfTheFake() throws Exception {
    com.aliyun.vpc20160428.Client vpc = new com.aliyun.vpc20160428.Client(config());
    NatGatewayId nat = fake.id(NatGatewayId.class, "nat");
    SnatTableId table = fake.vpc().describeNatGateway(nat).snatTableIds().get(0);
    List<DescribeSnatTableEntriesResponseBodySnatTableEntriesSnatTableEntry> got = vpc.describeSnatTableEntries(
        new DescribeSnatTableEntriesRequest().setRegionId("cn-hangzhou").setSnatTableId(table.value()))
        .getBody().getSnatTableEntries().getSnatTableEntry();
    assertThat(got).singleElement().satisfies(e -> {
      assertThat(e.getSnatEntryId()).isEqualTo(fake.vpc().describeSnatEntries(nat).get(0).id().value());
      assertThat(e.getSourceVSwitchId()).isEqualTo(fake.id(VSwitchId.class, "eas").value());
      assertThat(e.getSnatIp()).isEqualTo("47.96.0.10");
      assertThat(e.getStatus()).isEqualTo("Available");
    });
  }

  @Test
  void theVpcSdkWithTheV1SignatureIsServedToo() throws Exception {
    try (mockwebserver3.MockWebServer own = new mockwebserver3.MockWebServer()) {
      own.setDispatcher(emulator.dispatcher());
      own.start();
      Config v1 = config().setEndpoint(own.getHostName() + ":" + own.getPort()).setSignatureAlgorithm("v2");
      com.aliyun.vpc20160428.Client vpc = new com.aliyun.vpc20160428.Client(v1);
      assertThat(vpc.describeVSwitches(new DescribeVSwitchesRequest().setRegionId("cn-hangzhou")
          .setVpcId(fake.id(VpcId.class, "prod").value())).getBody().getTotalCount()).isEqualTo(2);
      mockwebserver3.RecordedRequest sent = own.takeRequest();
      assertThat(sent.getHeaders().get("Authorization")).as("no V3 header").isNull();
      assertThat(sent.getTarget() + (sent.getBody() == null ? "" : sent.getBody().utf8()))
          .contains("SignatureMethod=HMAC-SHA1").contains("Signature=");
    }
  }

  @Test
  void theEcsSdkReadsAuthorizesAndReadsBackARule() throws Exception {
    com.aliyun.ecs20140526.Client ecs = new com.aliyun.ecs20140526.Client(config());
    SecurityGroupId sg = fake.id(SecurityGroupId.class, "eas-sg");
    DescribeSecurityGroupAttributeRequest read = new DescribeSecurityGroupAttributeRequest().setRegionId("cn-hangzhou")
        .setSecurityGroupId(sg.value());
    List<DescribeSecurityGroupAttributeResponseBodyPermissionsPermission> before = ecs.describeSecurityGroupAttribute(
        read).getBody().getPermissions().getPermission();
    assertThat(before).singleElement().satisfies(p -> {
      assertThat(p.getDirection()).isEqualTo("egress");
      assertThat(p.getIpProtocol()).isEqualTo("TCP");
      assertThat(p.getPortRange()).isEqualTo("3306/3306");
      assertThat(p.getDestCidrIp()).isEqualTo("192.168.2.0/24");
      assertThat(p.getPriority()).isEqualTo("10");
    });

    AuthorizeSecurityGroupRequest authorize = new AuthorizeSecurityGroupRequest().setRegionId("cn-hangzhou")
        .setSecurityGroupId(sg.value()).setClientToken("sdk-token-1").setPermissions(List.of(
            new AuthorizeSecurityGroupRequest.AuthorizeSecurityGroupRequestPermissions().setIpProtocol("TCP")
                .setPortRange("8000/8000").setSourceCidrIp("192.168.100.0/24").setPolicy("accept")
                .setPriority("1")));
    ecs.authorizeSecurityGroup(authorize);
    ecs.authorizeSecurityGroup(authorize);
    SecurityGroupRule added = SecurityGroupRule.ingress().tcp(8000).peer("192.168.100.0/24").build();
    assertThat(fake.ecs().describeSecurityGroup(sg).rules()).filteredOn(r -> r.sameRuleAs(added)).hasSize(1);
    assertThat(fake.callCount(CloudActions.AUTHORIZE_SECURITY_GROUP)).isEqualTo(2);
    List<DescribeSecurityGroupAttributeResponseBodyPermissionsPermission> after = ecs.describeSecurityGroupAttribute(
        read).getBody().getPermissions().getPermission();
    assertThat(after).hasSize(2).anySatisfy(p -> {
      assertThat(p.getDirection()).isEqualTo("ingress");
      assertThat(p.getSourceCidrIp()).isEqualTo("192.168.100.0/24");
      assertThat(p.getPortRange()).isEqualTo("8000/8000");
      assertThat(p.getPolicy()).isEqualTo("Accept");
    });

    assertThatThrownBy(() -> ecs.describeSecurityGroupAttribute(new DescribeSecurityGroupAttributeRequest()
        .setRegionId("cn-hangzhou").setSecurityGroupId("sg-missing")))
        .isInstanceOfSatisfying(TeaException.class, e -> {
          assertThat(e.getCode()).isEqualTo("InvalidSecurityGroupId.NotFound");
          assertThat(e.getStatusCode()).isEqualTo(404);
        });
  }

  @Test
  void theRdsAndRedisSdksReadTheAllowlistsOfTheFake() throws Exception {
    com.aliyun.rds20140815.Client rds = new com.aliyun.rds20140815.Client(config());
    RdsInstanceId orders = fake.id(RdsInstanceId.class, "orders");
    List<DescribeDBInstanceIPArrayListResponseBodyItemsDBInstanceIPArray> arrays = rds.describeDBInstanceIPArrayList(
        new DescribeDBInstanceIPArrayListRequest().setDBInstanceId(orders.value())).getBody().getItems()
        .getDBInstanceIPArray();
    assertThat(arrays).singleElement().satisfies(a -> {
      assertThat(a.getDBInstanceIPArrayName()).isEqualTo("default");
      assertThat(a.getSecurityIPList().split(",")).extracting(Cidr::parse)
          .containsExactlyElementsOf(fake.rds().describeAllowlists(orders).get(0).entries());
    });

    com.aliyun.r_kvstore20150101.Client redis = new com.aliyun.r_kvstore20150101.Client(config());
    RedisInstanceId cache = fake.id(RedisInstanceId.class, "cache");
    List<DescribeSecurityIpsResponseBodySecurityIpGroupsSecurityIpGroup> groups = redis.describeSecurityIps(
        new DescribeSecurityIpsRequest().setInstanceId(cache.value())).getBody().getSecurityIpGroups()
        .getSecurityIpGroup();
    assertThat(groups).singleElement().satisfies(g -> {
      assertThat(g.getSecurityIpGroupName()).isEqualTo("default");
      assertThat(g.getSecurityIpList()).isEqualTo("127.0.0.1");
    });
  }

  @Test
  void theEcsSdkReadsTheTypeAndTagsOfAGroup() throws Exception {
    com.aliyun.ecs20140526.Client ecs = new com.aliyun.ecs20140526.Client(config());
    SecurityGroupId sg = fake.id(SecurityGroupId.class, "eas-sg");
    var groups = ecs.describeSecurityGroups(new com.aliyun.ecs20140526.models.DescribeSecurityGroupsRequest()
        .setRegionId("cn-hangzhou").setSecurityGroupIds("[\"" + sg.value() + "\"]")).getBody().getSecurityGroups()
        .getSecurityGroup();
    assertThat(groups).singleElement().satisfies(g -> {
      assertThat(g.getSecurityGroupId()).isEqualTo(sg.value());
      assertThat(g.getSecurityGroupType()).isEqualTo("normal");
      assertThat(g.getTags().getTag()).singleElement().satisfies(t -> {
        assertThat(t.getTagKey()).isEqualTo("env");
        assertThat(t.getTagValue()).isEqualTo("prod");
      });
    });
    assertThat(fake.ecs().describeSecurityGroup(sg).tags()).containsExactly(Map.entry("env", "prod"));
  }

  @Test
  void theRdsAndRedisSdksReadTheAddressAndTheBoundGroupsOfTheFake() throws Exception {
    com.aliyun.rds20140815.Client rds = new com.aliyun.rds20140815.Client(config());
    RdsInstanceId orders = fake.id(RdsInstanceId.class, "orders");
    SecurityGroupId sg = fake.id(SecurityGroupId.class, "eas-sg");
    var infos = rds.describeDBInstanceNetInfo(new com.aliyun.rds20140815.models.DescribeDBInstanceNetInfoRequest()
        .setDBInstanceId(orders.value())).getBody().getDBInstanceNetInfos().getDBInstanceNetInfo();
    RdsInstance expected = fake.rds().describeInstance(orders);
    assertThat(infos).singleElement().satisfies(i -> {
      assertThat(i.getIPType()).isEqualTo("Private");
      assertThat(i.getIPAddress()).isEqualTo(expected.privateIp().orElseThrow().toString());
      assertThat(i.getPort()).isEqualTo(Integer.toString(expected.port()));
      assertThat(i.getVPCId()).isEqualTo(expected.vpcId().orElseThrow().value());
    });
    var rdsGroups = rds.describeSecurityGroupConfiguration(
        new com.aliyun.rds20140815.models.DescribeSecurityGroupConfigurationRequest().setDBInstanceId(orders.value()))
        .getBody().getItems().getEcsSecurityGroupRelation();
    assertThat(rdsGroups).extracting(g -> g.getSecurityGroupId()).containsExactly(sg.value());

    com.aliyun.r_kvstore20150101.Client redis = new com.aliyun.r_kvstore20150101.Client(config());
    RedisInstanceId cache = fake.id(RedisInstanceId.class, "cache");
    var redisGroups = redis.describeSecurityGroupConfiguration(
        new com.aliyun.r_kvstore20150101.models.DescribeSecurityGroupConfigurationRequest()
            .setInstanceId(cache.value())).getBody().getItems().getEcsSecurityGroupRelation();
    assertThat(redisGroups).extracting(g -> g.getSecurityGroupId())
        .containsExactlyElementsOf(fake.redis().describeInstance(cache).securityGroupIds().stream()
            .map(SecurityGroupId::value).toList());
  }

  @Test
  void tea_openapiCallApiListsTheServicesOverRoa() throws Exception {
    String config = "{\"metadata\":{\"name\":\"sdk_svc\",\"instance\":1},\"containers\":[{\"image\":"
        + "\"registry.example/app:1\",\"port\":8000}],\"x_kept\":\"as is\"}";
    fake.eas().createService(config);
    com.aliyun.teaopenapi.Client client = new com.aliyun.teaopenapi.Client(config());
    Params params = new Params().setAction("ListServices").setVersion("2021-07-01").setProtocol("HTTP")
        .setPathname("/api/v2/services").setMethod("GET").setAuthType("AK").setStyle("ROA").setReqBodyType("json")
        .setBodyType("json");
    OpenApiRequest request = new OpenApiRequest().setQuery(Map.of("PageNumber", "1", "PageSize", "100"));
    Map<String, ?> response = client.callApi(params, request, new RuntimeOptions());
    assertThat(fake.recordedCalls().get(fake.recordedCalls().size() - 1).action())
        .isEqualTo(CloudActions.LIST_SERVICES);
    @SuppressWarnings("unchecked")
    Map<String, Object> body = (Map<String, Object>) response.get("body");
    assertThat(String.valueOf(body.get("TotalCount"))).isEqualTo("1");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> services = (List<Map<String, Object>>) body.get("Services");
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    assertThat(services).singleElement().satisfies(s -> {
      assertThat(s.get("ServiceName")).isEqualTo("sdk_svc");
      assertThat(json.readTree((String) s.get("ServiceConfig"))).isEqualTo(json.readTree(config));
    });
  }

  @Test
  void tea_openapiCallApiReadsTheDLinkOverRoa() throws Exception {
    com.aliyun.teaopenapi.Client client = new com.aliyun.teaopenapi.Client(config());
    ResourceGroupId rg = fake.id(ResourceGroupId.class, "rg");
    Params params = new Params().setAction("DescribeResourceDLink").setVersion("2021-07-01").setProtocol("HTTP")
        .setPathname("/api/v2/resources/cn-hangzhou/" + rg.value() + "/dlink").setMethod("GET").setAuthType("AK")
        .setStyle("ROA").setReqBodyType("json").setBodyType("json");
    Map<String, ?> response = client.callApi(params, new OpenApiRequest(), new RuntimeOptions());
    FakeCloud.RecordedCall served = fake.recordedCalls().get(fake.recordedCalls().size() - 1);
    assertThat(served.action()).isEqualTo(CloudActions.DESCRIBE_RESOURCE_DLINK);
    @SuppressWarnings("unchecked")
    Map<String, Object> body = (Map<String, Object>) response.get("body");
    DLink expected = fake.eas().describeResourceDLink(rg).orElseThrow();
    assertThat(body.get("VSwitchId")).isEqualTo(expected.vSwitchId().value());
    assertThat(body.get("SecurityGroupId")).isEqualTo(expected.securityGroupId().value());
    assertThat(body.get("VpcId")).isEqualTo(expected.vpcId().orElseThrow().value());
    assertThat(body.get("RequestId")).isEqualTo(served.requestId());
  }
}
