package io.easnet.testkit.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher end to end over HTTP, with a few trivial handlers over an in-memory map: routing by product,
 * action and ROA template, required parameters checked before a handler runs, Alibaba-shaped answers, near
 * misses, pagination and wire faults.
 */
class EmulatorDispatcherTest {
  private static final String DATE = "2026-12-01T10:00:00Z";
  private static final String VPC = "vpc.cn-hangzhou.aliyuncs.com";
  private static final String EAS = "pai-eas.cn-hangzhou.aliyuncs.com";

  private final Map<String, List<String>> vpcsByRegion = new ConcurrentHashMap<>();
  private final Map<String, String> services = new ConcurrentHashMap<>();
  private final AtomicInteger dlinkUpdates = new AtomicInteger();
  private final AtomicInteger requestIds = new AtomicInteger();
  private final List<Duration> slept = new CopyOnWriteArrayList<>();
  private final EmulatorLog log = new EmulatorLog(line -> { });
  private Wire wire;

  private EmulatorDispatcher.Builder dispatcher() {
    return EmulatorDispatcher.builder().accessKey(Wire.AK, Wire.SECRET)
        .clock(Clock.fixed(Instant.parse(DATE), ZoneOffset.UTC))
        .log(log)
        .sleeper(slept::add)
        .requestIds(() -> "REQ-" + requestIds.incrementAndGet())
        .handler("vpc:DescribeVpcs", this::describeVpcs)
        .handler("ecs:DescribeSecurityGroups", this::describeSecurityGroups)
        .handler("eas:DescribeService", this::describeService)
        .handler("eas:UpdateResourceDLink", call -> {
          dlinkUpdates.incrementAndGet();
          return Reply.ok(Call.newBody().put("Message", "Network interfaces are updating"));
        });
  }

  private Reply describeVpcs(Call call) {
    List<String> all = vpcsByRegion.getOrDefault(call.parameter("RegionId"), List.of());
    Pagination.Page<String> page = Pagination.page(call, all);
    ObjectNode body = Call.newBody();
    ArrayNode vpcs = body.putObject("Vpcs").putArray("Vpc");
    page.items().forEach(id -> vpcs.addObject().put("VpcId", id));
    page.writeTo(body);
    return Reply.ok(body);
  }

  private Reply describeSecurityGroups(Call call) {
    if (call.parameter("RegionId").equals("cn-throttled")) {
      throw AlibabaError.throttling("Throttling.User", 1500);
    }
    List<String> all = IntStream.range(0, 25).mapToObj(i -> "sg-" + i).toList();
    Pagination.Page<String> page = Pagination.page(call, all);
    ObjectNode body = Call.newBody();
    ArrayNode groups = body.putObject("SecurityGroups").putArray("SecurityGroup");
    page.items().forEach(id -> groups.addObject().put("SecurityGroupId", id));
    page.writeTo(body);
    return Reply.ok(body);
  }

  private Reply describeService(Call call) {
    String key = call.pathParameter("ClusterId") + "/" + call.pathParameter("ServiceName");
    String status = services.get(key);
    if (status == null) {
      return Reply.error(AlibabaError.of(404, "InvalidService.NotFound", "Service " + key + " not found"));
    }
    return Reply.ok(Call.newBody().put("ServiceName", call.pathParameter("ServiceName"))
        .put("Region", call.pathParameter("ClusterId")).put("Status", status));
  }

  @BeforeEach
  void seed() {
    vpcsByRegion.put("cn-hangzhou", IntStream.range(0, 12).mapToObj(i -> "vpc-" + i).toList());
    services.put("cn-hangzhou/my svc/x", "Running");
    services.put("cn-hangzhou/echo", "Stopped");
  }

  private Wire start(EmulatorDispatcher.Builder b) throws IOException {
    wire = new Wire(b.build(), DATE);
    return wire;
  }

  @AfterEach
  void stop() {
    if (wire != null) {
      wire.close();
    }
  }

  private Request describeVpcs(Map<String, String> query) {
    return wire.rpcV3(VPC, "DescribeVpcs", "2016-04-28", query);
  }

  @Test
  void anRpcCallAnswersWithRequestIdInBodyAndHeader() throws IOException {
    start(dispatcher());
    Wire.Answer a = wire.send(describeVpcs(Map.of("RegionId", "cn-hangzhou")));
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.headers().get("Content-Type")).startsWith("application/json");
    assertThat(a.json().path("RequestId").asText()).isEqualTo("REQ-1");
    assertThat(a.headers().get("x-acs-request-id")).isEqualTo("REQ-1");
    assertThat(a.json().path("Vpcs").path("Vpc")).hasSize(10);
    assertThat(a.json().path("TotalCount").asInt()).isEqualTo(12);
  }

  @Test
  void rpcParametersWorkInTheQueryOfAGetAndInTheFormBodyOfAPost() throws IOException {
    start(dispatcher());
    Map<String, String> p = Map.of("RegionId", "cn-hangzhou", "PageSize", "5", "PageNumber", "3");
    Wire.Answer get = wire.send(wire.v1Get(VPC, wire.v1Params("DescribeVpcs", "2016-04-28", p)));
    Wire.Answer post = wire.send(wire.v1PostForm(VPC, wire.v1Params("DescribeVpcs", "2016-04-28", p)));
    Wire.Answer v3Form = wire.send(wire.v3("POST", VPC, "/", Map.of(), "DescribeVpcs", "2016-04-28",
        "RegionId=cn-hangzhou&PageSize=5&PageNumber=3".getBytes(StandardCharsets.UTF_8),
        "application/x-www-form-urlencoded", Map.of()));
    for (Wire.Answer a : List.of(get, post, v3Form)) {
      assertThat(a.status()).as(a.body()).isEqualTo(200);
      assertThat(ids(a.json().path("Vpcs").path("Vpc"), "VpcId")).containsExactly("vpc-10", "vpc-11");
      assertThat(a.json().path("PageNumber").asInt()).isEqualTo(3);
    }
  }

  @Test
  void theProductComesFromTheHostThePathPrefixOrTheVersion() throws IOException {
    start(dispatcher());
    String local = wire.server.getHostName() + ":" + wire.server.getPort();
    Wire.Answer byVersion = wire.send(wire.rpcV3(local, "DescribeVpcs", "2016-04-28",
        Map.of("RegionId", "cn-hangzhou")));
    Wire.Answer byPrefix = wire.send(wire.v3("POST", local, "/vpc/", Map.of("RegionId", "cn-hangzhou"),
        "DescribeVpcs", "", new byte[0], null, java.util.Collections.singletonMap("x-acs-version", null)));
    assertThat(byVersion.status()).as(byVersion.body()).isEqualTo(200);
    assertThat(byPrefix.status()).as(byPrefix.body()).isEqualTo(400);
    assertThat(byPrefix.code()).isEqualTo("MissingParameter");
    assertThat(byPrefix.json().path("Message").asText()).contains("\"Version\"");
    Wire.Answer byPrefixWithVersion = wire.send(wire.v3("POST", local, "/vpc/", Map.of("RegionId", "cn-hangzhou"),
        "DescribeVpcs", "2016-04-28", new byte[0], null, Map.of()));
    assertThat(byPrefixWithVersion.status()).as(byPrefixWithVersion.body()).isEqualTo(200);
  }

  @Test
  void roaPathParametersArePercentDecodedAfterSplitting() throws IOException {
    start(dispatcher());
    Wire.Answer a = wire.send(wire.v3("GET", EAS, "/api/v2/services/cn-hangzhou/my%20svc%2Fx", Map.of(),
        "DescribeService", "2021-07-01", new byte[0], null, Map.of()));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(a.json().path("ServiceName").asText()).isEqualTo("my svc/x");
    assertThat(a.json().path("Region").asText()).isEqualTo("cn-hangzhou");
    Wire.Answer missing = wire.send(wire.v3("GET", EAS, "/api/v2/services/cn-hangzhou/nope", Map.of(),
        "DescribeService", "2021-07-01", new byte[0], null, Map.of()));
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.code()).isEqualTo("InvalidService.NotFound");
  }

  @Test
  void aMissingRequiredParameterIsRefusedBeforeTheHandlerRuns() throws IOException {
    start(dispatcher());
    Wire.Answer rpc = wire.send(describeVpcs(Map.of()));
    assertThat(rpc.status()).isEqualTo(400);
    assertThat(rpc.code()).isEqualTo("MissingParameter");
    assertThat(rpc.json().path("Message").asText()).isEqualTo(
        "The input parameter \"RegionId\" that is mandatory for processing this request is not supplied.");

    byte[] noVSwitch = "{\"SecurityGroupId\":\"sg-1\"}".getBytes(StandardCharsets.UTF_8);
    Wire.Answer roa = wire.send(wire.v3("PUT", EAS, "/api/v2/resources/cn-hangzhou/eas-r-1/dlink", Map.of(),
        "UpdateResourceDLink", "2021-07-01", noVSwitch, "application/json", Map.of()));
    assertThat(roa.code()).isEqualTo("MissingParameter");
    assertThat(roa.json().path("Message").asText()).contains("\"VSwitchId\"");
    assertThat(dlinkUpdates).hasValue(0);

    byte[] notJson = "VSwitchId=vsw-1".getBytes(StandardCharsets.UTF_8);
    Wire.Answer bad = wire.send(wire.v3("PUT", EAS, "/api/v2/resources/cn-hangzhou/eas-r-1/dlink", Map.of(),
        "UpdateResourceDLink", "2021-07-01", notJson, "application/json", Map.of()));
    assertThat(bad.code()).isEqualTo("InvalidParameter");
    assertThat(bad.json().path("Message").asText()).contains("UpdateResourceDLink").contains("not valid JSON");

    byte[] full = "{\"VSwitchId\":\"vsw-1\",\"SecurityGroupId\":\"sg-1\"}".getBytes(StandardCharsets.UTF_8);
    Wire.Answer ok = wire.send(wire.v3("PUT", EAS, "/api/v2/resources/cn-hangzhou/eas-r-1/dlink", Map.of(),
        "UpdateResourceDLink", "2021-07-01", full, "application/json", Map.of()));
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(dlinkUpdates).hasValue(1);
  }

  @Test
  void oneOfAGroupOfParametersIsEnough() throws IOException {
    start(dispatcher().handler("vpc:DescribeVSwitches", call -> Reply.ok(Call.newBody())));
    Wire.Answer none = wire.send(wire.rpcV3(VPC, "DescribeVSwitches", "2016-04-28", Map.of()));
    assertThat(none.code()).isEqualTo("MissingParameter");
    assertThat(none.json().path("Message").asText()).contains("\"RegionId\" or \"VpcId\"");
    assertThat(wire.send(wire.rpcV3(VPC, "DescribeVSwitches", "2016-04-28", Map.of("VpcId", "vpc-1"))).status())
        .isEqualTo(200);
  }

  @Test
  void anErrorBodyHasAlibabasFiveFields() throws IOException {
    start(dispatcher());
    Wire.Answer a = wire.send(describeVpcs(Map.of()));
    JsonNode body = a.json();
    assertThat(iterable(body.fieldNames())).containsExactly("RequestId", "HostId", "Code", "Message", "Recommend");
    assertThat(body.path("HostId").asText()).isEqualTo(VPC);
    assertThat(body.path("Recommend").asText()).isEqualTo(
        "https://api.aliyun.com/troubleshoot?q=MissingParameter&product=Vpc&requestId=REQ-1");
    assertThat(a.headers().get("x-acs-request-id")).isEqualTo("REQ-1");
    assertThat(a.headers().get("x-acs-retry-after")).isNull();
  }

  @Test
  void throttlingCarriesRetryAfterInMilliseconds() throws IOException {
    start(dispatcher());
    Wire.Answer a = wire.send(wire.rpcV3("ecs.cn-hangzhou.aliyuncs.com", "DescribeSecurityGroups", "2014-05-26",
        Map.of("RegionId", "cn-throttled")));
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.code()).isEqualTo("Throttling.User");
    assertThat(a.headers().get("x-acs-retry-after")).isEqualTo("1500");
    assertThat(a.json().path("RequestId").asText()).isEqualTo(a.headers().get("x-acs-request-id"));
  }

  @Test
  void anUnknownRpcActionIsInvalidActionNotFoundWithANearMiss() throws IOException {
    start(dispatcher());
    Wire.Answer a = wire.send(wire.rpcV3(VPC, "DescribeVpc", "2016-04-28", Map.of("RegionId", "cn-hangzhou")));
    assertThat(a.status()).isEqualTo(404);
    assertThat(a.code()).isEqualTo("InvalidAction.NotFound");
    assertThat(a.json().path("Message").asText()).isEqualTo(
        "Specified api is not found, please check your url and method.");
    Miss miss = log.nearMisses().get(0);
    assertThat(miss.closestOperation()).isEqualTo("vpc:DescribeVpcs");
    assertThat(miss.differences()).containsExactly("action: sent \"DescribeVpc\", closest is \"DescribeVpcs\"");
    assertThat(log.lines()).contains(miss.toString());
  }

  @Test
  void anActionSentToTheWrongProductNamesTheProductAndVersion() throws IOException {
    start(dispatcher());
    Wire.Answer a = wire.send(wire.rpcV3(VPC, "DescribeSecurityGroups", "2014-05-26",
        Map.of("RegionId", "cn-hangzhou")));
    assertThat(a.code()).isEqualTo("InvalidVersion");
    Miss miss = log.nearMisses().get(0);
    assertThat(miss.closestOperation()).isEqualTo("ecs:DescribeSecurityGroups");
    assertThat(miss.differences()).containsExactly(
        "product: the request went to vpc (by Host vpc.cn-hangzhou.aliyuncs.com), DescribeSecurityGroups is a ecs"
            + " operation");
  }

  @Test
  void anUnknownRoaPathOrMethodIsInvalidApiNotFoundWithANearMiss() throws IOException {
    start(dispatcher());
    Wire.Answer path = wire.send(wire.v3("GET", EAS, "/api/v2/service/cn-hangzhou/echo", Map.of(),
        "DescribeService", "2021-07-01", new byte[0], null, Map.of()));
    assertThat(path.status()).isEqualTo(404);
    assertThat(path.code()).isEqualTo("InvalidApi.NotFound");
    Miss first = log.nearMisses().get(0);
    assertThat(first.closestOperation()).isEqualTo("eas:DescribeService");
    assertThat(first.differences()).containsExactly(
        "path: sent /api/v2/service/cn-hangzhou/echo, DescribeService is /api/v2/services/{ClusterId}/{ServiceName}");

    Wire.Answer method = wire.send(wire.v3("POST", EAS, "/api/v2/resources/cn-hangzhou/eas-r-1/dlink", Map.of(),
        "", "2021-07-01", new byte[0], null, java.util.Collections.singletonMap("x-acs-action", null)));
    assertThat(method.code()).isEqualTo("InvalidApi.NotFound");
    Miss second = log.nearMisses().get(1);
    assertThat(second.closestOperation()).isIn("eas:DescribeResourceDLink", "eas:UpdateResourceDLink",
        "eas:DeleteResourceDLink");
    assertThat(second.differences()).singleElement().asString().startsWith("method: sent POST, ");
  }

  @Test
  void anUnknownProductIsInvalidProductNotFound() throws IOException {
    start(dispatcher());
    String local = wire.server.getHostName() + ":" + wire.server.getPort();
    Wire.Answer a = wire.send(wire.rpcV3(local, "DescribeVpcs", "1999-01-01", Map.of("RegionId", "cn-hangzhou")));
    assertThat(a.status()).isEqualTo(404);
    assertThat(a.code()).isEqualTo("InvalidProduct.NotFound");
    assertThat(log.nearMisses().get(0).closestOperation()).isEqualTo("vpc:DescribeVpcs");
  }

  @Test
  void aKnownOperationWithoutAHandlerSaysSo() throws IOException {
    start(dispatcher());
    Wire.Answer a = wire.send(wire.rpcV3(VPC, "DescribeNatGateways", "2016-04-28", Map.of("RegionId", "x")));
    assertThat(a.status()).isEqualTo(501);
    assertThat(a.json().path("Message").asText()).contains("vpc:DescribeNatGateways");
  }

  @Test
  void pageSizesOutsideTheApisRangeAreRefused() throws IOException {
    start(dispatcher());
    Wire.Answer a = wire.send(describeVpcs(Map.of("RegionId", "cn-hangzhou", "PageSize", "51")));
    assertThat(a.code()).isEqualTo("InvalidParameter");
    assertThat(a.json().path("Message").asText()).contains("\"PageSize\"").contains("1 to 50")
        .contains("DescribeVpcs");
    assertThat(wire.send(describeVpcs(Map.of("RegionId", "cn-hangzhou", "PageSize", "50"))).json()
        .path("Vpcs").path("Vpc")).hasSize(12);
    assertThat(wire.send(describeVpcs(Map.of("RegionId", "cn-hangzhou", "PageNumber", "0"))).code())
        .isEqualTo("InvalidParameter");
    assertThat(wire.send(describeVpcs(Map.of("RegionId", "cn-hangzhou", "PageNumber", "9"))).json()
        .path("Vpcs").path("Vpc")).isEmpty();
  }

  @Test
  void nextTokenPagesWalkTheWholeListOnce() throws IOException {
    start(dispatcher());
    List<String> seen = new ArrayList<>();
    String token = "";
    int calls = 0;
    do {
      Map<String, String> q = token.isEmpty() ? Map.of("RegionId", "r", "MaxResults", "10")
          : Map.of("RegionId", "r", "MaxResults", "10", "NextToken", token);
      JsonNode body = wire.send(wire.rpcV3("ecs.aliyuncs.com", "DescribeSecurityGroups", "2014-05-26", q)).json();
      seen.addAll(ids(body.path("SecurityGroups").path("SecurityGroup"), "SecurityGroupId"));
      token = body.path("NextToken").asText();
      calls++;
    } while (!token.isEmpty());
    assertThat(calls).isEqualTo(3);
    assertThat(seen).hasSize(25).doesNotHaveDuplicates().startsWith("sg-0").endsWith("sg-24");

    Wire.Answer forged = wire.send(wire.rpcV3("ecs.aliyuncs.com", "DescribeSecurityGroups", "2014-05-26",
        Map.of("RegionId", "r", "NextToken", Pagination.token("DescribeVpcs", 10))));
    assertThat(forged.code()).isEqualTo("InvalidParameter");
    assertThat(forged.json().path("Message").asText()).contains("\"NextToken\"");
    assertThat(wire.send(wire.rpcV3("ecs.aliyuncs.com", "DescribeSecurityGroups", "2014-05-26",
        Map.of("RegionId", "r", "MaxResults", "101"))).code()).isEqualTo("InvalidParameter");
  }

  @Test
  void anXmlFormatIsRefused() throws IOException {
    start(dispatcher());
    Wire.Answer a = wire.send(describeVpcs(Map.of("RegionId", "cn-hangzhou", "Format", "XML")));
    assertThat(a.code()).isEqualTo("InvalidParameter.Format");
  }

  @Test
  void latencyIsWaitedThroughTheInjectedSleeper() throws IOException {
    start(dispatcher().latency("vpc:DescribeVpcs", Duration.ofMillis(250), -1)
        .latency(WireFaults.ANY, Duration.ofMillis(50), 1));
    wire.send(describeVpcs(Map.of("RegionId", "cn-hangzhou")));
    wire.send(describeVpcs(Map.of("RegionId", "cn-hangzhou")));
    assertThat(slept).containsExactly(Duration.ofMillis(300), Duration.ofMillis(250));
  }

  @Test
  void aResetConnectionFailsTheCallWithoutRunningTheHandler() throws IOException {
    start(dispatcher().resetConnection("eas:UpdateResourceDLink", 1));
    byte[] full = "{\"VSwitchId\":\"vsw-1\",\"SecurityGroupId\":\"sg-1\"}".getBytes(StandardCharsets.UTF_8);
    Request first = wire.v3("PUT", EAS, "/api/v2/resources/cn-hangzhou/eas-r-1/dlink", Map.of(),
        "UpdateResourceDLink", "2021-07-01", full, "application/json", Map.of());
    assertThatThrownBy(() -> wire.send(first)).isInstanceOf(IOException.class);
    assertThat(dlinkUpdates).hasValue(0);
    Request second = wire.v3("PUT", EAS, "/api/v2/resources/cn-hangzhou/eas-r-1/dlink", Map.of(),
        "UpdateResourceDLink", "2021-07-01", full, "application/json", Map.of());
    assertThat(wire.send(second).status()).isEqualTo(200);
    assertThat(dlinkUpdates).hasValue(1);
  }

  @Test
  void aTruncatedBodyFailsTheReadAfterTheHandlerRan() throws IOException {
    start(dispatcher().truncateBody("eas:UpdateResourceDLink", 1));
    byte[] full = "{\"VSwitchId\":\"vsw-1\",\"SecurityGroupId\":\"sg-1\"}".getBytes(StandardCharsets.UTF_8);
    Request first = wire.v3("PUT", EAS, "/api/v2/resources/cn-hangzhou/eas-r-1/dlink", Map.of(),
        "UpdateResourceDLink", "2021-07-01", full, "application/json", Map.of());
    assertThatThrownBy(() -> wire.send(first)).isInstanceOf(IOException.class);
    assertThat(dlinkUpdates).hasValue(1);
    assertThat(log.lines()).anySatisfy(l -> assertThat(l).contains("cut in half"));
  }

  @Test
  void faultsNameAKnownOperation() {
    assertThatThrownBy(() -> EmulatorDispatcher.builder().latency("vpc:DescribeVpc", Duration.ofMillis(1), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vpc:DescribeVpcs");
    assertThatThrownBy(() -> EmulatorDispatcher.builder().resetConnection("*", 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("times");
    assertThatThrownBy(() -> EmulatorDispatcher.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("accessKey");
  }

  private static List<String> ids(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asText()));
    return out;
  }

  private static <T> List<T> iterable(java.util.Iterator<T> it) {
    List<T> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
