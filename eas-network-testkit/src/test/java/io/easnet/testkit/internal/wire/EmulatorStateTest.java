package io.easnet.testkit.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.ResourceId.SnatTableId;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.CloudActions;
import io.easnet.core.spi.EasApi.DLinkStatus;
import io.easnet.testkit.FakeCloud;
import io.easnet.testkit.FaultPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the table over raw HTTP, signed by the independent test signer, against a fake cloud's state:
 * answers equal what the fake's state (read through its port face) implies, every page is one recorded call, writes
 * change the state the port face reads, the same client token acts once, and the fake's refusals and seeded faults
 * come out as Alibaba's errors with their status and {@code x-acs-retry-after}.
 */
class EmulatorStateTest {
  private static final String DATE = "2026-12-01T10:00:00Z";
  private static final String VPC = "vpc.cn-hangzhou.aliyuncs.com";
  private static final String ECS = "ecs.cn-hangzhou.aliyuncs.com";
  private static final String RDS = "rds.aliyuncs.com";
  private static final String KVSTORE = "r-kvstore.aliyuncs.com";
  private static final String EAS = "pai-eas.cn-hangzhou.aliyuncs.com";
  private static final String RG = "/api/v2/resources/cn-hangzhou/";

  private final FakeCloud fake = FakeCloud.builder().seed(7).build();
  private final EmulatorLog log = new EmulatorLog(line -> { });
  private Wire wire;

  @BeforeEach
  void start() throws IOException {
    fake.estate()
        .vpc("prod", "192.168.0.0/16")
        .vSwitch("eas", "192.168.1.0/24", "cn-hangzhou-h")
        .vSwitch("db", "192.168.2.0/24")
        .securityGroup("eas-sg")
        .natGateway("nat")
        .eip("nat", "47.96.0.10")
        .rds("orders", "db", "192.168.2.10")
        .redis("cache", "db", "192.168.2.11")
        .resourceGroup("rg");
    EmulatorDispatcher dispatcher = EmulatorDispatcher.builder().accessKey(Wire.AK, Wire.SECRET)
        .clock(Clock.fixed(Instant.parse(DATE), ZoneOffset.UTC)).log(log).operations(fake.wireOperations()).build();
    wire = new Wire(dispatcher, DATE);
  }

  @AfterEach
  void stop() {
    wire.close();
  }

  private Wire.Answer vpc(String action, Map<String, String> query) throws IOException {
    return wire.send(wire.rpcV3(VPC, action, "2016-04-28", withRegion(query)));
  }

  private Wire.Answer ecs(String action, Map<String, String> query) throws IOException {
    return wire.send(wire.rpcV3(ECS, action, "2014-05-26", withRegion(query)));
  }

  private Wire.Answer rds(String action, Map<String, String> query) throws IOException {
    return wire.send(wire.rpcV3(RDS, action, "2014-08-15", withRegion(query)));
  }

  private Wire.Answer kvstore(String action, Map<String, String> query) throws IOException {
    return wire.send(wire.rpcV3(KVSTORE, action, "2015-01-01", withRegion(query)));
  }

  private Wire.Answer eas(String method, String path, Map<String, String> query, String action, String body)
      throws IOException {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    return wire.send(wire.v3(method, EAS, path, query, action, "2021-07-01", bytes,
        body == null ? null : "application/json", Map.of()));
  }

  private static Map<String, String> withRegion(Map<String, String> query) {
    Map<String, String> q = new LinkedHashMap<>(query);
    q.putIfAbsent("RegionId", "cn-hangzhou");
    return q;
  }

  private static Map<String, String> q(String... pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(pairs[i], pairs[i + 1]);
    }
    return out;
  }

  private static JsonNode ok(Wire.Answer a) {
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(a.json().path("RequestId").asText()).isNotEmpty().isEqualTo(a.headers().get("x-acs-request-id"));
    return a.json();
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asText()));
    return out;
  }

  private String id(String name) {
    return fake.id(VpcId.class, name).value();
  }

  // ------------------------------------------------------------------------------------------------ VPC reads

  @Test
  void describeVSwitchesAnswersTheFakesVSwitchesPageByPageOneRecordedCallEach() throws IOException {
    for (int i = 10; i < 22; i++) {
      fake.estate().inVpc("prod").vSwitch("s" + i, "192.168." + i + ".0/24");
    }
    List<VSwitch> expected = fake.vpc().describeVSwitches(fake.id(VpcId.class, "prod"));
    fake.clearCalls();
    List<String> seen = new ArrayList<>();
    int total = -1;
    for (int page = 1; page <= 3; page++) {
      JsonNode body = ok(vpc("DescribeVSwitches", q("VpcId", id("prod"), "PageSize", "5", "PageNumber", "" + page)));
      assertThat(body.path("PageNumber").asInt()).isEqualTo(page);
      assertThat(body.path("PageSize").asInt()).isEqualTo(5);
      total = body.path("TotalCount").asInt();
      seen.addAll(texts(body.path("VSwitches").path("VSwitch"), "VSwitchId"));
    }
    assertThat(total).isEqualTo(expected.size()).isEqualTo(14);
    assertThat(seen).containsExactlyElementsOf(expected.stream().map(v -> v.id().value()).toList());
    assertThat(fake.recordedCalls()).extracting(FakeCloud.RecordedCall::page).containsExactly(1, 2, 3);
    assertThat(fake.calls()).containsOnly(CloudActions.DESCRIBE_VSWITCHES);

    JsonNode one = ok(vpc("DescribeVSwitches", q("VSwitchId", fake.id(VSwitchId.class, "eas").value())))
        .path("VSwitches").path("VSwitch").get(0);
    VSwitch eas = fake.vpc().describeVSwitch(fake.id(VSwitchId.class, "eas"));
    assertThat(one.path("CidrBlock").asText()).isEqualTo("192.168.1.0/24");
    assertThat(one.path("ZoneId").asText()).isEqualTo("cn-hangzhou-h");
    assertThat(one.path("VpcId").asText()).isEqualTo(id("prod"));
    assertThat(one.path("AvailableIpAddressCount").asLong()).isEqualTo(eas.availableIpAddressCount());
  }

  @Test
  void anUnknownIdIsRefusedAsThePortRefusesItAndRecordedAsAFailedCall() throws IOException {
    Wire.Answer a = vpc("DescribeVpcs", q("VpcId", "vpc-missing"));
    assertThat(a.status()).isEqualTo(404);
    assertThat(a.code()).isEqualTo("InvalidVpcId.NotFound");
    assertThat(a.json().path("HostId").asText()).isEqualTo(VPC);
    FakeCloud.RecordedCall call = fake.recordedCalls().get(fake.recordedCalls().size() - 1);
    assertThat(call.errorCode()).contains("InvalidVpcId.NotFound");
    assertThat(call.requestId()).isEqualTo(a.json().path("RequestId").asText());
    JsonNode vpcs = ok(vpc("DescribeVpcs", q())).path("Vpcs").path("Vpc");
    assertThat(texts(vpcs, "VpcId")).containsExactly(id("prod"));
    assertThat(vpcs.get(0).path("CidrBlock").asText()).isEqualTo("192.168.0.0/16");
    assertThat(vpcs.get(0).path("VSwitchIds").path("VSwitchId")).hasSize(2);
  }

  @Test
  void natGatewaysEipsAndRoutesAreAnsweredWithTheirNestedShapes() throws IOException {
    NatGatewayId nat = fake.id(NatGatewayId.class, "nat");
    JsonNode gw = ok(vpc("DescribeNatGateways", q("VpcId", id("prod")))).path("NatGateways").path("NatGateway").get(0);
    assertThat(gw.path("NatGatewayId").asText()).isEqualTo(nat.value());
    assertThat(gw.path("NetworkType").asText()).isEqualTo("internet");
    assertThat(gw.path("Status").asText()).isEqualTo("Available");
    assertThat(texts(gw.path("IpLists").path("IpList"), "IpAddress")).containsExactly("47.96.0.10");
    String table = gw.path("SnatTableIds").path("SnatTableId").get(0).asText();
    assertThat(table).isEqualTo(fake.vpc().describeNatGateway(nat).snatTableIds().get(0).value());

    JsonNode eips = ok(vpc("DescribeEipAddresses", q("AssociatedInstanceType", "Nat", "AssociatedInstanceId",
        nat.value()))).path("EipAddresses").path("EipAddress");
    assertThat(texts(eips, "IpAddress")).containsExactly("47.96.0.10");
    assertThat(eips.get(0).path("InstanceId").asText()).isEqualTo(nat.value());

    JsonNode tables = ok(vpc("DescribeRouteTableList", q("VpcId", id("prod"))))
        .path("RouterTableList").path("RouterTableListType");
    assertThat(tables).hasSize(1);
    assertThat(tables.get(0).path("RouteTableType").asText()).isEqualTo("System");
    JsonNode entries = ok(vpc("DescribeRouteEntryList", q("RouteTableId", tables.get(0).path("RouteTableId")
        .asText()))).path("RouteEntrys").path("RouteEntry");
    assertThat(texts(entries, "DestinationCidrBlock")).containsExactly("0.0.0.0/0");
    assertThat(entries.get(0).path("NextHops").path("NextHop").get(0).path("NextHopId").asText())
        .isEqualTo(nat.value());
    assertThat(fake.calls()).endsWith(CloudActions.DESCRIBE_ROUTE_TABLES, CloudActions.DESCRIBE_ROUTE_TABLES);
  }

  // ------------------------------------------------------------------------------------------------ VPC writes

  @Test
  void aSnatEntryCreatedTwiceWithOneTokenIsOneEntryPendingThenAvailable() throws IOException {
    String table = fake.vpc().describeNatGateway(fake.id(NatGatewayId.class, "nat")).snatTableIds().get(0).value();
    String vsw = fake.id(VSwitchId.class, "eas").value();
    Map<String, String> create = q("SnatTableId", table, "SourceVSwitchId", vsw, "SnatIp", "47.96.0.10",
        "ClientToken", "token-1");
    String first = ok(vpc("CreateSnatEntry", create)).path("SnatEntryId").asText();
    String again = ok(vpc("CreateSnatEntry", create)).path("SnatEntryId").asText();
    assertThat(again).isEqualTo(first);
    assertThat(fake.callCount(CloudActions.CREATE_SNAT_ENTRY)).isEqualTo(2);
    List<SnatEntry> entries = fake.vpc().describeSnatEntries(fake.id(NatGatewayId.class, "nat"));
    assertThat(entries).singleElement().satisfies(e -> assertThat(e.id().value()).isEqualTo(first));

    Map<String, String> other = new LinkedHashMap<>(create);
    other.put("SourceVSwitchId", fake.id(VSwitchId.class, "db").value());
    Wire.Answer mismatch = vpc("CreateSnatEntry", other);
    assertThat(mismatch.status()).isEqualTo(400);
    assertThat(mismatch.code()).isEqualTo("IdempotentParameterMismatch");

    JsonNode row = ok(vpc("DescribeSnatTableEntries", q("SnatTableId", table, "SnatEntryId", first)))
        .path("SnatTableEntries").path("SnatTableEntry").get(0);
    assertThat(row.path("Status").asText()).isEqualTo("Pending");
    assertThat(row.path("SourceVSwitchId").asText()).isEqualTo(vsw);
    assertThat(row.path("SourceCIDR").asText()).as("a vSwitch entry shows its block").isEqualTo("192.168.1.0/24");
    assertThat(row.path("SnatIp").asText()).isEqualTo("47.96.0.10");
    fake.advance();
    assertThat(ok(vpc("DescribeSnatTableEntries", q("NatGatewayId", fake.id(NatGatewayId.class, "nat").value())))
        .path("SnatTableEntries").path("SnatTableEntry").get(0).path("Status").asText()).isEqualTo("Available");

    Wire.Answer duplicate = vpc("CreateSnatEntry", q("SnatTableId", table, "SourceVSwitchId", vsw, "SnatIp",
        "47.96.0.10"));
    assertThat(duplicate.code()).isEqualTo("Forbidden.SourceVSwitchId.Duplicated");
    ok(vpc("DeleteSnatEntry", q("SnatTableId", table, "SnatEntryId", first)));
    assertThat(fake.vpc().describeSnatEntries(fake.id(NatGatewayId.class, "nat")))
        .allSatisfy(e -> assertThat(e.status()).isEqualTo("Deleting"));
  }

  @Test
  void aMissingRequiredParameterIsNamedAndCostsNoRecordedCall() throws IOException {
    int before = fake.recordedCalls().size();
    Wire.Answer a = vpc("CreateSnatEntry", q("SnatTableId", "stb-x", "SourceCIDR", "10.0.0.0/8"));
    assertThat(a.code()).isEqualTo("MissingParameter");
    assertThat(a.json().path("Message").asText()).contains("\"SnatIp\"");
    Wire.Answer bad = vpc("CreateSnatEntry", q("SnatTableId", "stb-x", "SourceCIDR", "10.0.0.0/33", "SnatIp",
        "47.96.0.10"));
    assertThat(bad.code()).isEqualTo("InvalidParameter");
    assertThat(bad.json().path("Message").asText()).contains("\"SourceCIDR\"");
    assertThat(fake.recordedCalls()).hasSize(before);
  }

  @Test
  void eipsNatGatewaysAndRoutesAreWrittenThroughTheFake() throws IOException {
    JsonNode eip = ok(vpc("AllocateEipAddress", q("ClientToken", "eip-1")));
    assertThat(ok(vpc("AllocateEipAddress", q("ClientToken", "eip-1"))).path("AllocationId").asText())
        .isEqualTo(eip.path("AllocationId").asText());
    JsonNode nat = ok(vpc("CreateNatGateway", q("VpcId", id("prod"), "VSwitchId",
        fake.id(VSwitchId.class, "eas").value(), "Name", "second")));
    String natId = nat.path("NatGatewayId").asText();
    assertThat(nat.path("SnatTableIds").path("SnatTableId")).hasSize(1);
    Wire.Answer busy = vpc("AssociateEipAddress", q("AllocationId", eip.path("AllocationId").asText(),
        "InstanceId", natId, "InstanceType", "Nat"));
    assertThat(busy.code()).isEqualTo("IncorrectStatus.NatGateway");
    fake.advance();
    ok(vpc("AssociateEipAddress", q("AllocationId", eip.path("AllocationId").asText(), "InstanceId", natId,
        "InstanceType", "Nat")));
    assertThat(fake.vpc().describeEips(NatGatewayId.of(natId))).extracting(e -> e.ipAddress().toString())
        .containsExactly(eip.path("EipAddress").asText());
    ok(vpc("UnassociateEipAddress", q("AllocationId", eip.path("AllocationId").asText(), "InstanceId", natId,
        "InstanceType", "Nat")));
    assertThat(fake.vpc().describeEips(NatGatewayId.of(natId))).isEmpty();

    String table = fake.vpc().describeRouteTables(fake.id(VpcId.class, "prod")).get(0).id().value();
    JsonNode route = ok(vpc("CreateRouteEntry", q("RouteTableId", table, "DestinationCidrBlock", "198.51.100.0/24",
        "NextHopType", "NatGateway", "NextHopId", natId)));
    assertThat(fake.vpc().describeRouteTables(fake.id(VpcId.class, "prod")).get(0).entries())
        .anySatisfy(e -> assertThat(e.destination()).isEqualTo(Cidr.parse("198.51.100.0/24")));
    ok(vpc("DeleteRouteEntry", q("RouteEntryId", route.path("RouteEntryId").asText())));
    assertThat(fake.vpc().describeRouteTables(fake.id(VpcId.class, "prod")).get(0).entries())
        .noneSatisfy(e -> assertThat(e.destination()).isEqualTo(Cidr.parse("198.51.100.0/24")));
  }

  // ------------------------------------------------------------------------------------------------ ECS

  @Test
  void aRuleAuthorizedOverTheWireIsDescribedByBothFacesAndOneTokenActsOnce() throws IOException {
    String sg = fake.id(SecurityGroupId.class, "eas-sg").value();
    Map<String, String> rule = q("SecurityGroupId", sg, "Permissions.1.IpProtocol", "TCP",
        "Permissions.1.PortRange", "3306/3306", "Permissions.1.SourceCidrIp", "10.0.0.0/8",
        "Permissions.1.Priority", "5", "Permissions.1.Policy", "accept", "ClientToken", "rule-1");
    ok(ecs("AuthorizeSecurityGroup", rule));
    ok(ecs("AuthorizeSecurityGroup", rule));
    ok(ecs("AuthorizeSecurityGroupEgress", q("SecurityGroupId", sg, "Permissions.1.IpProtocol", "ALL",
        "Permissions.1.DestCidrIp", "0.0.0.0/0", "Permissions.1.Policy", "drop", "Permissions.1.Priority", "100")));
    assertThat(fake.ecs().describeSecurityGroup(SecurityGroupId.of(sg)).rules()).hasSize(2);

    JsonNode body = ok(ecs("DescribeSecurityGroupAttribute", q("SecurityGroupId", sg)));
    assertThat(body.path("VpcId").asText()).isEqualTo(id("prod"));
    JsonNode perms = body.path("Permissions").path("Permission");
    assertThat(perms).hasSize(2);
    JsonNode in = perms.get(0);
    assertThat(in.path("Direction").asText()).isEqualTo("ingress");
    assertThat(in.path("IpProtocol").asText()).isEqualTo("TCP");
    assertThat(in.path("PortRange").asText()).isEqualTo("3306/3306");
    assertThat(in.path("SourceCidrIp").asText()).isEqualTo("10.0.0.0/8");
    assertThat(in.path("Priority").asText()).isEqualTo("5");
    assertThat(in.path("Policy").asText()).isEqualTo("Accept");
    assertThat(perms.get(1).path("DestCidrIp").asText()).isEqualTo("0.0.0.0/0");
    assertThat(perms.get(1).path("Policy").asText()).isEqualTo("Drop");
    assertThat(ok(ecs("DescribeSecurityGroupAttribute", q("SecurityGroupId", sg, "Direction", "egress")))
        .path("Permissions").path("Permission")).hasSize(1);

    ok(ecs("RevokeSecurityGroup", q("SecurityGroupId", sg, "Permissions.1.IpProtocol", "TCP",
        "Permissions.1.PortRange", "3306/3306", "Permissions.1.SourceCidrIp", "10.0.0.0/8",
        "Permissions.1.Priority", "5")));
    ok(ecs("RevokeSecurityGroupEgress", q("SecurityGroupId", sg, "Permissions.1.IpProtocol", "ALL",
        "Permissions.1.DestCidrIp", "0.0.0.0/0", "Permissions.1.Policy", "drop", "Permissions.1.Priority", "100")));
    assertThat(fake.ecs().describeSecurityGroup(SecurityGroupId.of(sg)).rules()).isEmpty();

    Wire.Answer unknown = ecs("DescribeSecurityGroupAttribute", q("SecurityGroupId", "sg-missing"));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("InvalidSecurityGroupId.NotFound");
    Wire.Answer noPeer = ecs("AuthorizeSecurityGroup", q("SecurityGroupId", sg, "Permissions.1.IpProtocol", "TCP",
        "Permissions.1.PortRange", "22/22"));
    assertThat(noPeer.code()).isEqualTo("MissingParameter");
    assertThat(noPeer.json().path("Message").asText()).contains("Permissions.1.SourceCidrIp");
  }

  @Test
  void concurrentAuthorizationsOverTheWireLeaveOneCopyOfEachRule() throws Exception {
    String sg = fake.id(SecurityGroupId.class, "eas-sg").value();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        done.add(pool.submit(() -> {
          int ok = 0;
          for (int port = 30_000; port < 30_008; port++) {
            ok += ecs("AuthorizeSecurityGroup", q("SecurityGroupId", sg, "Permissions.1.IpProtocol", "TCP",
                "Permissions.1.PortRange", port + "/" + port, "Permissions.1.SourceCidrIp", "10.0.0.0/8"))
                .status() == 200 ? 1 : 0;
          }
          return ok;
        }));
      }
      int succeeded = 0;
      for (java.util.concurrent.Future<Integer> f : done) {
        succeeded += f.get();
      }
      assertThat(succeeded).isEqualTo(48);
    } finally {
      pool.shutdownNow();
    }
    assertThat(fake.ecs().describeSecurityGroup(SecurityGroupId.of(sg)).rules()).hasSize(8);
    assertThat(fake.callCount(CloudActions.AUTHORIZE_SECURITY_GROUP)).isEqualTo(48);
  }

  @Test
  void securityGroupsAndInstancesPageWithNextToken() throws IOException {
    for (int i = 0; i < 24; i++) {
      fake.estate().inVpc("prod").securityGroup("g" + i);
    }
    fake.estate().ecsInstance("web", "eas", "192.168.1.20", "eas-sg");
    List<String> seen = new ArrayList<>();
    String token = "";
    int pages = 0;
    do {
      Map<String, String> query = q("VpcId", id("prod"), "MaxResults", "10");
      if (!token.isEmpty()) {
        query.put("NextToken", token);
      }
      JsonNode body = ok(ecs("DescribeSecurityGroups", query));
      assertThat(body.path("TotalCount").asInt()).isEqualTo(25);
      seen.addAll(texts(body.path("SecurityGroups").path("SecurityGroup"), "SecurityGroupId"));
      token = body.path("NextToken").asText();
      pages++;
    } while (!token.isEmpty());
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(25).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(fake.ecs().describeSecurityGroups(fake.id(VpcId.class, "prod"))
            .stream().map(g -> g.id().value()).toList());

    JsonNode instance = ok(ecs("DescribeInstances", q("VpcId", id("prod")))).path("Instances").path("Instance")
        .get(0);
    assertThat(instance.path("VpcAttributes").path("PrivateIpAddress").path("IpAddress").get(0).asText())
        .isEqualTo("192.168.1.20");
    assertThat(instance.path("SecurityGroupIds").path("SecurityGroupId").get(0).asText())
        .isEqualTo(fake.id(SecurityGroupId.class, "eas-sg").value());
  }

  // ------------------------------------------------------------------------------------------------ allowlists

  @Test
  void rdsAllowlistsAreReadAndModifiedInEveryMode() throws IOException {
    String db = fake.id(RdsInstanceId.class, "orders").value();
    assertThat(texts(ok(rds("DescribeDBInstances", q("VpcId", id("prod")))).path("Items").path("DBInstance"),
        "DBInstanceId")).containsExactly(db);
    assertThat(ok(rds("DescribeDBInstanceAttribute", q("DBInstanceId", db))).path("Items")
        .path("DBInstanceAttribute").get(0).path("VpcId").asText()).isEqualTo(id("prod"));
    ok(rds("ModifySecurityIps", q("DBInstanceId", db, "SecurityIps", "192.168.1.0/24,10.0.0.7",
        "DBInstanceIPArrayName", "default", "ModifyMode", "Append")));
    JsonNode group = ok(rds("DescribeDBInstanceIPArrayList", q("DBInstanceId", db))).path("Items")
        .path("DBInstanceIPArray").get(0);
    assertThat(group.path("DBInstanceIPArrayName").asText()).isEqualTo("default");
    assertThat(group.path("SecurityIPList").asText()).isEqualTo("127.0.0.1,192.168.1.0/24,10.0.0.7");
    assertThat(fake.rds().describeAllowlists(RdsInstanceId.of(db))).singleElement()
        .satisfies(g -> assertThat(g.entries()).contains(Cidr.parse("10.0.0.7/32")));

    Wire.Answer empty = rds("ModifySecurityIps", q("DBInstanceId", db, "ModifyMode", "Delete",
        "SecurityIps", "127.0.0.1,192.168.1.0/24,10.0.0.7"));
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.code()).isEqualTo("InvalidSecurityIPList.AtLeastOne");
    ok(rds("ModifySecurityIps", q("DBInstanceId", db, "SecurityIps", "172.16.0.0/12")));
    assertThat(fake.rds().describeAllowlists(RdsInstanceId.of(db))).singleElement()
        .satisfies(g -> assertThat(g.entries()).containsExactly(Cidr.parse("172.16.0.0/12")));
    Wire.Answer malformed = rds("ModifySecurityIps", q("DBInstanceId", db, "SecurityIps", "10.0.0.300"));
    assertThat(malformed.code()).isEqualTo("InvalidSecurityIPList.Malformed");
    assertThat(rds("DescribeDBInstanceIPArrayList", q("DBInstanceId", "rm-missing")).code())
        .isEqualTo("InvalidDBInstanceId.NotFound");
  }

  @Test
  void anAllowlistOfAThousandEntriesTravelsInOneQueryAndTheNextEntryIsOverTheQuota() throws IOException {
    String db = fake.id(RdsInstanceId.class, "orders").value();
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < 999; i++) {
      entries.add(Cidr.ofIpv4(0x0A_00_00_00L + i).address());
    }
    ok(rds("ModifySecurityIps", q("DBInstanceId", db, "DBInstanceIPArrayName", "bulk", "ModifyMode", "Append",
        "SecurityIps", String.join(",", entries))));
    assertThat(fake.rds().describeAllowlists(RdsInstanceId.of(db)).stream().mapToInt(g -> g.entries().size()).sum())
        .isEqualTo(1000);
    Wire.Answer over = rds("ModifySecurityIps", q("DBInstanceId", db, "DBInstanceIPArrayName", "bulk",
        "ModifyMode", "Append", "SecurityIps", "192.0.2.1"));
    assertThat(over.code()).isEqualTo("QuotaExceeded.SecurityIps");
    assertThat(over.status()).isBetween(400, 499);
  }

  @Test
  void redisAllowlistsAreReadAndAppended() throws IOException {
    String cache = fake.id(RedisInstanceId.class, "cache").value();
    JsonNode instance = ok(kvstore("DescribeInstances", q("VpcId", id("prod")))).path("Instances")
        .path("KVStoreInstance").get(0);
    assertThat(instance.path("InstanceId").asText()).isEqualTo(cache);
    assertThat(instance.path("PrivateIp").asText()).isEqualTo("192.168.2.11");
    assertThat(ok(kvstore("DescribeInstanceAttribute", q("InstanceId", cache))).path("Instances")
        .path("DBInstanceAttribute").get(0).path("VSwitchId").asText())
        .isEqualTo(fake.id(VSwitchId.class, "db").value());
    ok(kvstore("ModifySecurityIps", q("InstanceId", cache, "SecurityIps", "192.168.1.0/24", "ModifyMode", "Append")));
    JsonNode group = ok(kvstore("DescribeSecurityIps", q("InstanceId", cache))).path("SecurityIpGroups")
        .path("SecurityIpGroup").get(0);
    assertThat(group.path("SecurityIpGroupName").asText()).isEqualTo("default");
    assertThat(group.path("SecurityIpList").asText()).isEqualTo("127.0.0.1,192.168.1.0/24");
    assertThat(fake.redis().describeAllowlists(RedisInstanceId.of(cache))).extracting(AllowlistGroup::name)
        .containsExactly("default");
  }

  // ------------------------------------------------------------------------------------------------ EAS

  @Test
  void aServiceIsCreatedDescribedAndUpdatedAndTakesAddressesOfItsVSwitch() throws IOException {
    String vsw = fake.id(VSwitchId.class, "eas").value();
    long free = fake.vpc().describeVSwitch(VSwitchId.of(vsw)).availableIpAddressCount();
    String json = "{\"metadata\":{\"name\":\"echo\",\"instance\":3},\"cloud\":{\"networking\":{\"vpc_id\":\""
        + id("prod") + "\",\"vswitch_id\":\"" + vsw + "\",\"security_group_id\":\""
        + fake.id(SecurityGroupId.class, "eas-sg").value() + "\"}}}";
    JsonNode created = ok(eas("POST", "/api/v2/services", Map.of(), "CreateService", json));
    assertThat(created.path("ServiceName").asText()).isEqualTo("echo");
    assertThat(created.path("Status").asText()).isEqualTo("Creating");
    assertThat(fake.serviceNames()).containsExactly("echo");
    assertThat(fake.vpc().describeVSwitch(VSwitchId.of(vsw)).availableIpAddressCount()).isEqualTo(free - 3);
    Wire.Answer twice = eas("POST", "/api/v2/services", Map.of(), "CreateService", json);
    assertThat(twice.code()).isEqualTo("ServiceAlreadyExists");

    JsonNode described = ok(eas("GET", "/api/v2/services/cn-hangzhou/echo", Map.of(), "DescribeService", null));
    assertThat(described.path("Status").asText()).isEqualTo("Creating");
    assertThat(described.path("TotalInstance").asInt()).isEqualTo(3);
    assertThat(Wire.JSON.readTree(described.path("ServiceConfig").asText()))
        .isEqualTo(Wire.JSON.readTree(fake.eas().describeService("echo")));
    fake.advance();
    JsonNode running = ok(eas("GET", "/api/v2/services/cn-hangzhou/echo", Map.of(), "DescribeService", null));
    assertThat(running.path("Status").asText()).isEqualTo("Running");
    assertThat(running.path("RunningInstance").asInt()).isEqualTo(3);

    ok(eas("PUT", "/api/v2/services/cn-hangzhou/echo", Map.of(), "UpdateService", "{\"metadata\":{\"instance\":1}}"));
    assertThat(Wire.JSON.readTree(fake.eas().describeService("echo")).at("/cloud/networking/vswitch_id").asText())
        .as("merge keeps the rest").isEqualTo(vsw);
    assertThat(fake.vpc().describeVSwitch(VSwitchId.of(vsw)).availableIpAddressCount()).isEqualTo(free - 1);
    Wire.Answer bad = eas("PUT", "/api/v2/services/cn-hangzhou/echo", Map.of("UpdateType", "patch"),
        "UpdateService", "{}");
    assertThat(bad.code()).isEqualTo("InvalidParameter");
    Wire.Answer missing = eas("GET", "/api/v2/services/cn-hangzhou/nope", Map.of(), "DescribeService", null);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.code()).isEqualTo("InvalidService.NotFound");
  }

  @Test
  void aDLinkIsUpdatedDescribedListedAndDeleted() throws IOException {
    String rg = fake.id(ResourceGroupId.class, "rg").value();
    JsonNode none = ok(eas("GET", RG + rg + "/dlink", Map.of(), "DescribeResourceDLink", null));
    assertThat(none.path("VSwitchId").asText()).isEmpty();
    String vsw = fake.id(VSwitchId.class, "eas").value();
    String db = fake.id(VSwitchId.class, "db").value();
    String sg = fake.id(SecurityGroupId.class, "eas-sg").value();
    ok(eas("PUT", RG + rg + "/dlink", Map.of(), "UpdateResourceDLink", "{\"VSwitchId\":\"" + vsw
        + "\",\"SecurityGroupId\":\"" + sg + "\",\"VSwitchIdList\":[\"" + db + "\"],\"DestinationCIDRs\":"
        + "\"172.16.0.0/16\"}"));
    assertThat(fake.eas().describeResourceDLinkStatus(ResourceGroupId.of(rg))).isEqualTo(DLinkStatus.UPDATING);
    JsonNode dlink = ok(eas("GET", RG + rg + "/dlink", Map.of(), "DescribeResourceDLink", null));
    assertThat(dlink.path("VSwitchId").asText()).isEqualTo(vsw);
    assertThat(dlink.path("VpcId").asText()).isEqualTo(id("prod"));
    assertThat(dlink.path("SecurityGroupId").asText()).isEqualTo(sg);
    assertThat(dlink.path("AuxVSwitchList").get(0).asText()).isEqualTo(db);
    assertThat(dlink.path("DestinationCIDRs").asText()).isEqualTo("172.16.0.0/16");
    assertThat(ok(eas("GET", RG + rg, Map.of(), "DescribeResource", null)).path("Status").asText())
        .isEqualTo("ResourceUpdating");
    fake.advance();
    JsonNode resource = ok(eas("GET", RG + rg, Map.of(), "DescribeResource", null));
    assertThat(resource.path("Status").asText()).isEqualTo("ResourceReady");
    assertThat(Wire.JSON.readTree(resource.path("ExtraData").asText()).path("vswitch_id").asText()).isEqualTo(vsw);
    JsonNode listed = ok(eas("GET", "/api/v2/resources", Map.of(), "ListResources", null));
    assertThat(listed.path("TotalCount").asInt()).isEqualTo(1);
    assertThat(listed.path("Resources").get(0).path("ExtraData").path("security_group_id").asText()).isEqualTo(sg);

    ok(eas("DELETE", RG + rg + "/dlink", Map.of(), "DeleteResourceDLink", null));
    assertThat(fake.eas().describeResourceDLink(ResourceGroupId.of(rg))).isEmpty();
    Wire.Answer unknownVSwitch = eas("PUT", RG + rg + "/dlink", Map.of(), "UpdateResourceDLink",
        "{\"VSwitchId\":\"vsw-missing\",\"SecurityGroupId\":\"" + sg + "\"}");
    assertThat(unknownVSwitch.status()).isEqualTo(404);
    assertThat(unknownVSwitch.code()).isEqualTo("InvalidVSwitchId.NotFound");
  }

  // ------------------------------------------------------------------------------------------------ faults

  @Test
  void theFakesSeededFaultsComeOutAsAlibabaErrorsWithStatusAndRetryAfter() throws IOException {
    fake.faults(FaultPlan.builder().throttle(CloudActions.DESCRIBE_VPCS, 1.0, Duration.ofMillis(1500))
        .fail(CloudActions.DESCRIBE_SECURITY_GROUPS, "ServiceUnavailable").build());
    Wire.Answer throttled = vpc("DescribeVpcs", q());
    assertThat(throttled.status()).isEqualTo(400);
    assertThat(throttled.code()).isEqualTo("Throttling.User");
    assertThat(throttled.headers().get("x-acs-retry-after")).isEqualTo("1500");
    assertThat(throttled.json().path("Recommend").asText()).contains("Throttling.User");
    Wire.Answer unavailable = ecs("DescribeSecurityGroups", q());
    assertThat(unavailable.status()).isEqualTo(503);
    assertThat(unavailable.code()).isEqualTo("ServiceUnavailable");
    assertThat(unavailable.headers().get("x-acs-retry-after")).isNull();
    assertThat(fake.recordedCalls()).extracting(c -> c.errorCode().orElse(""))
        .containsExactly("Throttling.User", "ServiceUnavailable");
    assertThatThrownBy(() -> fake.vpc().describeVpcs()).hasMessageContaining("Throttling.User");
  }

  @Test
  void aTruncatedAnswerOfAWriteIsRetriedWithTheSameTokenAndActsOnce() throws IOException {
    EmulatorDispatcher dispatcher = EmulatorDispatcher.builder().accessKey(Wire.AK, Wire.SECRET)
        .clock(Clock.fixed(Instant.parse(DATE), ZoneOffset.UTC)).operations(fake.wireOperations())
        .truncateBody("vpc:CreateSnatEntry", 1).build();
    try (Wire lossy = new Wire(dispatcher, DATE)) {
      SnatTableId table = fake.vpc().describeNatGateway(fake.id(NatGatewayId.class, "nat")).snatTableIds().get(0);
      Map<String, String> create = withRegion(q("SnatTableId", table.value(), "SourceCIDR", "10.8.0.0/16",
          "SnatIp", "47.96.0.10", "ClientToken", "lossy-1"));
      Request first = lossy.rpcV3(VPC, "CreateSnatEntry", "2016-04-28", create);
      assertThatThrownBy(() -> lossy.send(first)).isInstanceOf(IOException.class);
      String id = ok(lossy.send(lossy.rpcV3(VPC, "CreateSnatEntry", "2016-04-28", create))).path("SnatEntryId")
          .asText();
      assertThat(fake.vpc().describeSnatEntries(fake.id(NatGatewayId.class, "nat"))).singleElement()
          .satisfies(e -> assertThat(e.id().value()).isEqualTo(id));
    }
  }

  // ------------------------------------------------------------------------------------------------ V1, near miss

  @Test
  void aV1SignedGetAndFormPostAnswerAsAV3CallDoes() throws IOException {
    Map<String, String> p = q("RegionId", "cn-hangzhou", "VpcId", id("prod"));
    JsonNode get = ok(wire.send(wire.v1Get(VPC, wire.v1Params("DescribeVSwitches", "2016-04-28", p))));
    JsonNode post = ok(wire.send(wire.v1PostForm(VPC, wire.v1Params("DescribeVSwitches", "2016-04-28", p))));
    JsonNode v3 = ok(vpc("DescribeVSwitches", p));
    assertThat(get.path("VSwitches")).isEqualTo(post.path("VSwitches")).isEqualTo(v3.path("VSwitches"));
    assertThat(get.path("TotalCount").asInt()).isEqualTo(2);
  }

  @Test
  void theFakeServesEveryOperationOfTheTableAndNothingElse() {
    assertThat(fake.wireOperations().keySet())
        .containsExactlyInAnyOrderElementsOf(OperationTable.all().stream().map(OperationSpec::name).toList());
    Map<String, Operation> missing = new java.util.HashMap<>(fake.wireOperations());
    missing.remove("vpc:DescribeVpcs");
    assertThatThrownBy(() -> EmulatorDispatcher.builder().accessKey(Wire.AK, Wire.SECRET).operations(missing))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no handler for vpc:DescribeVpcs");
  }

  @Test
  void anUnsupportedActionIsInvalidActionNotFoundWithANearMissAndNoRecordedCall() throws IOException {
    Wire.Answer a = vpc("DescribeVSwitch", q("VpcId", id("prod")));
    assertThat(a.status()).isEqualTo(404);
    assertThat(a.code()).isEqualTo("InvalidAction.NotFound");
    assertThat(log.nearMisses()).singleElement().satisfies(m -> {
      assertThat(m.closestOperation()).isEqualTo("vpc:DescribeVSwitches");
      assertThat(m.differences()).anySatisfy(d -> assertThat(d).contains("DescribeVSwitch"));
    });
    assertThat(fake.recordedCalls()).isEmpty();
  }
}
