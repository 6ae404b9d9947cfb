package io.easnet.testkit.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.testkit.FakeCloud;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okio.Buffer;
import okio.ByteString;

/**
 * Correctly signed requests with fuzzed parameters, for every operation of the table, against a fake with a small
 * estate: each gets Alibaba's answer (a JSON body with {@code RequestId}; an error with a {@code Code} other than
 * {@code InternalError}), so no parameter reaches a handler unchecked. RPC calls are V1-signed, ROA calls V3-signed,
 * by the independent test signer.
 */
class SignedRequestFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DATE = "2026-12-01T00:00:00Z";
  private static final List<String> NAMES = List.of("RegionId", "VpcId", "VSwitchId", "ZoneId", "VSwitchName",
      "NatGatewayId", "SnatTableId", "SnatEntryId", "SourceVSwitchId", "SourceCIDR", "SnatIp", "SnatEntryName",
      "AllocationId", "EipAddress", "AssociatedInstanceType", "AssociatedInstanceId", "InstanceId", "InstanceType",
      "RouteTableId", "DestinationCidrBlock", "NextHopType", "NextHopId", "RouteEntryId", "Name", "NetworkType",
      "Bandwidth", "InternetChargeType", "ClientToken", "SecurityGroupId", "SecurityGroupIds", "Direction",
      "Permissions.1.IpProtocol", "Permissions.1.PortRange", "Permissions.1.SourceCidrIp", "Permissions.1.DestCidrIp",
      "Permissions.1.SourceGroupId", "Permissions.1.Policy", "Permissions.1.Priority", "Permissions.2.IpProtocol",
      "IpProtocol", "PortRange", "SourceCidrIp", "SecurityGroupRuleId.1", "InstanceIds", "DBInstanceId",
      "SecurityIps", "DBInstanceIPArrayName", "SecurityIpGroupName", "ModifyMode", "PageNumber", "PageSize",
      "MaxResults", "MaxResult", "NextToken", "SecurityGroupType", "UpdateType", "ResourceId", "Status");
  private static final List<String> VALUES = List.of("", "cn-hangzhou", "10.0.0.0/8", "192.168.1.0/24",
      "0.0.0.0/0", "47.96.0.10", "47.96.0.10,47.96.0.11", "-1/-1", "22/22", "70000/1", "TCP", "tcp", "ALL", "ICMP",
      "accept", "drop", "1", "0", "100", "101", "-5", "Append", "Delete", "Cover", "Nope", "Nat", "NatGateway",
      "[\"i-bp1x\"]", "[1]", "[", "vpc-missing", "vsw-missing", "sg-missing", "ngw-missing", "stb-missing",
      "rm-missing", "r-missing", "eas-r-missing", "snat-missing", "eip-missing", "vtb-missing", "bad id",
      "merge", "replace", "ingress", "egress", "enterprise", "x".repeat(80));

  private final FakeCloud fake = FakeCloud.create();
  private final List<String> ids = new ArrayList<>();
  private final AtomicLong nonces = new AtomicLong();
  private final EmulatorDispatcher dispatcher;

  SignedRequestFuzzTest() {
    fake.estate().vpc("prod", "192.168.0.0/16").vSwitch("eas", "192.168.1.0/24").securityGroup("sg")
        .natGateway("nat").eip("nat", "47.96.0.10").rds("db", "eas", "192.168.1.10")
        .redis("cache", "eas", "192.168.1.11").resourceGroup("rg").dlink("rg", "eas", "sg");
    NatGatewayId nat = fake.id(NatGatewayId.class, "nat");
    ids.addAll(List.of(fake.id(VpcId.class, "prod").value(), fake.id(VSwitchId.class, "eas").value(),
        fake.id(SecurityGroupId.class, "sg").value(), nat.value(),
        fake.vpc().describeNatGateway(nat).snatTableIds().get(0).value(), fake.id(RdsInstanceId.class, "db").value(),
        fake.id(RedisInstanceId.class, "cache").value(), fake.id(ResourceGroupId.class, "rg").value(),
        fake.vpc().describeRouteTables(fake.id(VpcId.class, "prod")).get(0).id().value()));
    dispatcher = EmulatorDispatcher.builder().accessKey(Wire.AK, Wire.SECRET)
        .clock(Clock.fixed(Instant.parse(DATE), ZoneOffset.UTC)).operations(fake.wireOperations()).build();
  }

  private String value(FuzzedDataProvider data) {
    return switch (data.consumeInt(0, 2)) {
      case 0 -> data.pickValue(VALUES);
      case 1 -> data.pickValue(ids);
      default -> data.consumeString(24);
    };
  }

  @FuzzTest(maxDuration = "10s")
  void everySignedRequestGetsAnAlibabaAnswerAndNoInternalError(FuzzedDataProvider data) throws IOException {
    List<OperationSpec> table = OperationTable.all();
    OperationSpec spec = table.get(data.consumeInt(0, table.size() - 1));
    Map<String, String> params = new TreeMap<>();
    int n = data.consumeInt(0, 8);
    for (int i = 0; i < n; i++) {
      params.put(data.pickValue(NAMES), value(data));
    }
    RecordedRequest request = spec.path() == null ? rpc(spec, params) : roa(spec, params, data);
    MockResponse response;
    try {
      response = dispatcher.dispatch(request);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    Buffer buffer = new Buffer();
    response.getBody().writeTo(buffer);
    JsonNode answer = JSON.readTree(buffer.readUtf8());
    assertThat(answer.path("RequestId").asText()).isNotEmpty();
    if (response.getCode() >= 400) {
      assertThat(answer.path("Code").asText()).as("%s %s", spec.name(), answer).isNotEmpty()
          .isNotEqualTo("InternalError").isNotEqualTo("NotImplemented");
      assertThat(answer.path("Code").asText()).as("signed correctly: %s", answer)
          .doesNotStartWith("SignatureDoesNotMatch").doesNotStartWith("IncompleteSignature");
    }
  }

  private RecordedRequest rpc(OperationSpec spec, Map<String, String> params) {
    Map<String, String> p = new TreeMap<>(params);
    p.put("Action", spec.action());
    p.put("Version", spec.product().version());
    p.put("Format", "JSON");
    p.put("AccessKeyId", Wire.AK);
    p.put("SignatureMethod", "HMAC-SHA1");
    p.put("SignatureVersion", "1.0");
    p.put("SignatureNonce", "n-" + nonces.incrementAndGet());
    p.put("Timestamp", DATE);
    String target = "/?" + TestSigner.v1Encoded("GET", p, Wire.SECRET);
    Headers headers = new Headers.Builder().add("Host", "127.0.0.1").build();
    return recorded("GET", target, headers, new byte[0]);
  }

  private RecordedRequest roa(OperationSpec spec, Map<String, String> params, FuzzedDataProvider data) {
    StringBuilder path = new StringBuilder();
    for (String segment : spec.path().segments()) {
      path.append('/').append(segment.startsWith("{") ? TestSigner.encode(segment.equals("{ClusterId}")
          ? "cn-hangzhou" : data.consumeBoolean() ? data.pickValue(ids) : data.consumeAsciiString(12)) : segment);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    params.forEach((k, v) -> json.put(k, v));
    if (data.consumeBoolean()) {
      json.put("VSwitchIdList", List.of(data.pickValue(ids), value(data)));
    }
    byte[] body = spec.bodyRequired() ? write(json) : new byte[0];
    Map<String, String> query = data.consumeBoolean() ? Map.of("UpdateType", value(data)) : Map.of();
    Map<String, String> h = new LinkedHashMap<>();
    h.put("host", "127.0.0.1");
    h.put("x-acs-action", spec.action());
    h.put("x-acs-version", spec.product().version());
    h.put("x-acs-date", DATE);
    h.put("x-acs-signature-nonce", "n-" + nonces.incrementAndGet());
    h.put("x-acs-content-sha256", TestSigner.hex(TestSigner.sha256(body)));
    if (body.length > 0) {
      h.put("content-type", "application/json");
    }
    String auth = TestSigner.v3Authorization(spec.method(), path.toString(), query, h,
        TestSigner.hex(TestSigner.sha256(body)), Wire.AK, Wire.SECRET);
    Headers.Builder headers = new Headers.Builder();
    h.forEach(headers::add);
    headers.add("Authorization", auth);
    String target = path + (query.isEmpty() ? "" : "?" + Wire.query(query));
    return recorded(spec.method(), target, headers.build(), body);
  }

  private static byte[] write(Object json) {
    try {
      return JSON.writeValueAsString(json).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static RecordedRequest recorded(String method, String target, Headers headers, byte[] body) {
    return new RecordedRequest(0, 0, null, List.of(), method, target, "HTTP/1.1", HttpUrl.get("http://127.0.0.1/"),
        headers, ByteString.of(body), body.length, List.of(), null);
  }
}
