package io.easnet.aliyun;

import static io.easnet.aliyun.PortHarness.error;
import static io.easnet.aliyun.PortHarness.json;
import static io.easnet.aliyun.PortHarness.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.easnet.core.CloudIoException;
import io.easnet.core.CloudServiceException;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.spi.EasApi.DLinkStatus;
import io.easnet.core.spi.RequestListener.RequestEvent;
import io.easnet.core.spi.EasApi.ServiceStatus;
import io.easnet.core.spi.EasApi.UpdateType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** EAS (docs/wire.md §2, ROA) and its writes without a client token. */
class AliyunEasApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SERVICE = "{\"metadata\":{\"name\":\"echo\",\"instance\":1},\"cloud\":{\"networking\":"
      + "{\"vpc_id\":\"vpc-a\",\"vswitch_id\":\"vsw-1\",\"security_group_id\":\"sg-1\"}}}";

  @StartStop public final MockWebServer server = new MockWebServer();
  private final PortHarness h = new PortHarness(server);

  /** DescribeService as the cloud answers it: the configuration as a string, with defaults the cloud added. */
  private static String described(String config) throws Exception {
    JsonNode c = JSON.readTree(config);
    ((com.fasterxml.jackson.databind.node.ObjectNode) c.get("metadata")).put("cpu", 1).put("memory", 1024);
    return JSON.createObjectNode().put("RequestId", "R-d").put("ServiceName", "echo").put("Status", "Running")
        .put("RunningInstance", 1).put("TotalInstance", 1).put("ServiceConfig", c.toString()).toString();
  }

  @Test
  void describeServiceReturnsTheServiceConfigStringAndTheStatus() throws Exception {
    h.ok("DescribeService", described(SERVICE));

    String config = h.port().eas().describeService("echo");
    ServiceStatus status = h.port().eas().describeServiceStatus("echo");

    assertThat(JSON.readTree(config).at("/cloud/networking/vswitch_id").asText()).isEqualTo("vsw-1");
    assertThat(status.isRunning()).isTrue();
    assertThat(h.requests("DescribeService").get(0).getMethod()).isEqualTo("GET");
    assertThat(h.requests("DescribeService").get(0).getUrl().encodedPath())
        .isEqualTo("/api/v2/services/cn-hangzhou/echo");
    assertThat(h.requests("DescribeService").get(0).getHeaders().get("x-acs-version")).isEqualTo("2021-07-01");
  }

  @Test
  void resourceGroupsReadTheSnakeCaseExtraDataAsObjectOrStringOverEveryPage() {
    h.ok("ListResources",
        "{\"RequestId\":\"R-1\",\"TotalCount\":2,\"PageNumber\":1,\"PageSize\":100,\"Resources\":[{\"ResourceId\":"
            + "\"eas-r-1\",\"ResourceName\":\"gpu\",\"ResourceType\":\"Dedicated\",\"ExtraData\":{\"vswitch_id\":"
            + "\"vsw-1\",\"aux_vswitch_id_list\":[\"vsw-2\",\"vsw-3\"],\"security_group_id\":\"sg-1\",\"vpc_id\":"
            + "\"vpc-a\",\"destination_cidr\":\"172.16.0.0/28\"}}]}",
        "{\"RequestId\":\"R-2\",\"TotalCount\":2,\"PageNumber\":2,\"PageSize\":100,\"Resources\":[{\"ResourceId\":"
            + "\"eas-r-2\",\"ExtraData\":\"{\\\"gpu_share\\\":true,\\\"sls_project\\\":\\\"\\\"}\"}]}");

    List<ResourceGroup> groups = h.port().eas().describeResourceGroups();

    assertThat(groups).hasSize(2);
    DLink d = groups.get(0).dlink().orElseThrow();
    assertThat(d.vSwitchId()).isEqualTo(VSwitchId.of("vsw-1"));
    assertThat(d.auxVSwitchIds()).extracting(VSwitchId::value).containsExactly("vsw-2", "vsw-3");
    assertThat(d.destinationCidrs()).containsExactly(Cidr.parse("172.16.0.0/28"));
    assertThat(groups.get(1).dlink()).isEmpty();
    assertThat(h.requests("ListResources")).extracting(r -> query(r).get("PageNumber")).containsExactly("1", "2");
    assertThat(h.requests("ListResources")).extracting(r -> query(r).get("PageSize")).containsOnly("100");
  }

  @Test
  void aDLinkIsReadFromDescribeResourceDLinkAndItsStatusFromDescribeResource() {
    h.ok("DescribeResourceDLink", "{\"RequestId\":\"R-3\",\"VpcId\":\"vpc-a\",\"VSwitchId\":\"vsw-1\","
        + "\"SecurityGroupId\":\"sg-1\",\"AuxVSwitchList\":[\"vsw-2\"],\"DestinationCIDRs\":\"172.16.0.0/16\"}");
    h.ok("DescribeResource", "{\"RequestId\":\"R-4\",\"ResourceId\":\"eas-r-1\",\"Status\":\"ResourceReady\"}");
    ResourceGroupId id = ResourceGroupId.of("eas-r-1");

    Optional<DLink> d = h.port().eas().describeResourceDLink(id);

    assertThat(d).hasValueSatisfying(x -> {
      assertThat(x.auxVSwitchIds()).extracting(VSwitchId::value).containsExactly("vsw-2");
      assertThat(x.destinationCidrs()).containsExactly(Cidr.parse("172.16.0.0/16"));
    });
    assertThat(h.port().eas().describeResourceDLinkStatus(id)).isEqualTo(DLinkStatus.READY);
    assertThat(h.requests("DescribeResourceDLink").get(0).getUrl().encodedPath())
        .isEqualTo("/api/v2/resources/cn-hangzhou/eas-r-1/dlink");
  }

  @Test
  void aCreateWhoseAnswerIsLostButActedIsNotSentTwice() throws Exception {
    h.on("CreateService", error(500, "InternalError", "R-5"));
    h.ok("DescribeService", described(SERVICE));

    h.port().eas().createService(SERVICE);

    assertThat(h.requests("CreateService")).hasSize(1);
    assertThat(h.requests("CreateService").get(0).getBody().utf8()).isEqualTo(SERVICE);
    assertThat(h.requests("CreateService").get(0).getUrl().encodedPath()).isEqualTo("/api/v2/services");
    assertThat(h.events).extracting(RequestEvent::action, RequestEvent::attempt).containsExactly(
        org.assertj.core.groups.Tuple.tuple("eas:CreateService", 1),
        org.assertj.core.groups.Tuple.tuple("eas:DescribeService", 1));
    assertThat(h.sleeps).isEmpty();
  }

  @Test
  void aCreateLostToADisconnectThatDidNotActIsSentAgainAfterTheBackoff() {
    h.on("CreateService", PortHarness.disconnect(), json(200, "{\"RequestId\":\"R-6\",\"ServiceName\":\"echo\","
        + "\"Status\":\"Creating\"}"));
    h.on("DescribeService", error(404, "InvalidService.NotFound", "R-7"));

    h.port().eas().createService(SERVICE);

    assertThat(h.requests("CreateService")).hasSize(2);
    assertThat(h.sleeps).containsExactly(Duration.ofMillis(200));
    assertThat(h.events).filteredOn(e -> e.action().equals("eas:CreateService"))
        .extracting(RequestEvent::attempt, RequestEvent::errorCode).containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, Optional.of("IoError")),
            org.assertj.core.groups.Tuple.tuple(2, Optional.empty()));
  }

  @Test
  void aRepeatAnsweredAlreadyExistsIsSuccessWhenTheLostFirstAttemptCreatedIt() throws Exception {
    h.on("CreateService", error(503, "ServiceUnavailable", "R-8"), error(400, "ServiceAlreadyExists", "R-9"));
    h.on("DescribeService", error(404, "InvalidService.NotFound", "R-10"), json(200, described(SERVICE)));

    h.port().eas().createService(SERVICE);

    assertThat(h.requests("CreateService")).hasSize(2);
  }

  @Test
  void creatingAnExistingServiceWithoutALostAnswerIsAlreadyExists() {
    h.on("CreateService", error(400, "ServiceAlreadyExists", "R-11"));
    assertThatThrownBy(() -> h.port().eas().createService(SERVICE))
        .isInstanceOfSatisfying(CloudServiceException.class, e -> {
          assertThat(e.kind()).isEqualTo(CloudServiceException.Kind.ALREADY_EXISTS);
          assertThat(e.action()).isEqualTo("eas:CreateService");
          assertThat(e.requestId()).contains("R-11");
        });
    assertThat(h.requests("DescribeService")).isEmpty();
  }

  @Test
  void aLostAnswerThatDidNotActFailsAfterTheLastAttempt() {
    h.on("CreateService", error(500, "InternalError", "R-12"));
    h.on("DescribeService", error(404, "InvalidService.NotFound", "R-13"));
    assertThatThrownBy(() -> h.port().eas().createService(SERVICE))
        .isInstanceOfSatisfying(CloudServiceException.class,
            e -> assertThat(e.kind()).isEqualTo(CloudServiceException.Kind.SERVER_ERROR));
    assertThat(h.requests("CreateService")).hasSize(3);
    assertThat(h.sleeps).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  void anUpdateWhoseAnswerIsLostIsConfirmedByReadingTheMergedConfiguration() throws Exception {
    h.on("UpdateService", PortHarness.disconnect());
    h.ok("DescribeService", described(SERVICE));

    h.port().eas().updateService("echo", "{\"metadata\":{\"instance\":1}}", UpdateType.MERGE);

    assertThat(h.requests("UpdateService")).singleElement().satisfies(r -> {
      assertThat(r.getMethod()).isEqualTo("PUT");
      assertThat(query(r)).containsEntry("UpdateType", "merge");
      assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v2/services/cn-hangzhou/echo");
    });
  }

  private static String versioned(long version) {
    return "{\"RequestId\":\"R-v\",\"ServiceName\":\"echo\",\"LatestVersion\":" + version
        + ",\"ServiceConfig\":\"{\\\"metadata\\\":{\\\"name\\\":\\\"echo\\\",\\\"cpu\\\":1}}\"}";
  }

  @Test
  void aReplaceWhoseAnswerIsLostCountsAsActedWhenTheVersionMovedOn() {
    h.on("UpdateService", PortHarness.disconnect());
    h.ok("DescribeService", versioned(3), versioned(4));

    h.port().eas().updateService("echo", "{\"metadata\":{\"name\":\"echo\"}}", UpdateType.REPLACE);

    assertThat(h.requests("UpdateService")).hasSize(1);
    assertThat(query(h.requests("UpdateService").get(0))).containsEntry("UpdateType", "replace");
  }

  @Test
  void aReplaceWhoseAnswerIsLostIsSentAgainWhenTheVersionStayed() {
    h.on("UpdateService", PortHarness.disconnect(), json(200, "{\"RequestId\":\"R-u\"}"));
    h.ok("DescribeService", versioned(3));

    h.port().eas().updateService("echo", "{\"metadata\":{\"name\":\"echo\"}}", UpdateType.REPLACE);

    assertThat(h.requests("UpdateService")).hasSize(2);
    assertThat(h.requests("DescribeService")).hasSize(2); // before the write, after the lost answer
  }

  @Test
  void aDLinkUpdateSendsTheRequestShapeAndALostAnswerIsConfirmedByReading() throws Exception {
    h.on("UpdateResourceDLink", PortHarness.disconnect());
    h.ok("DescribeResourceDLink", "{\"RequestId\":\"R-14\",\"VSwitchId\":\"vsw-1\",\"SecurityGroupId\":\"sg-1\","
        + "\"AuxVSwitchList\":[\"vsw-2\"],\"DestinationCIDRs\":\"\"}");
    DLink wanted = DLink.builder().vSwitchId("vsw-1").securityGroupId("sg-1").addAuxVSwitchId("vsw-2").build();

    h.port().eas().updateResourceDLink(ResourceGroupId.of("eas-r-1"), wanted);

    assertThat(h.requests("UpdateResourceDLink")).hasSize(1);
    JsonNode body = JSON.readTree(h.requests("UpdateResourceDLink").get(0).getBody().utf8());
    assertThat(body.path("VSwitchId").asText()).isEqualTo("vsw-1");
    assertThat(body.path("SecurityGroupId").asText()).isEqualTo("sg-1");
    assertThat(body.path("VSwitchIdList").get(0).asText()).isEqualTo("vsw-2");
    assertThat(body.has("AuxVSwitchList")).isFalse();
  }

  @Test
  void deletingADLinkThatIsNotEnabledSucceeds() {
    h.on("DeleteResourceDLink", error(400, "InvalidParameter", "R-15"));
    h.ok("DescribeResourceDLink", "{\"RequestId\":\"R-16\"}");

    h.port().eas().deleteResourceDLink(ResourceGroupId.of("eas-r-1"));

    assertThat(h.requests("DeleteResourceDLink").get(0).getMethod()).isEqualTo("DELETE");
    assertThat(h.requests("DescribeResourceDLink")).hasSize(1);
  }

  @Test
  void aWriteTheOpenCircuitBreakerStoppedIsNotReRead() {
    h.on("ListResources", error(503, "ServiceUnavailable", "R-20"));
    AliyunCloudPort port = h.port(b -> b.retryPolicy(RetryPolicy.none()).circuitBreaker(1, Duration.ofMinutes(1)));
    assertThatThrownBy(() -> port.eas().describeResourceGroups()).isInstanceOf(CloudServiceException.class);

    assertThatThrownBy(() -> port.eas().createService(SERVICE))
        .isInstanceOf(CloudIoException.class)
        .hasMessageContaining("eas:CreateService")
        .hasMessageContaining("circuit breaker");
    assertThat(h.requests("CreateService")).isEmpty();
    assertThat(h.requests("DescribeService")).isEmpty();
  }

  @Test
  void anEasWriteIsNeverRepeatedWhenTheReReadCannotBeMade() {
    // the endpoint breaks for good: the write's answer is lost and the re-read fails too
    h.on("CreateService", PortHarness.disconnect());
    h.on("DescribeService", PortHarness.disconnect());
    assertThatThrownBy(() -> h.port(b -> b.retryPolicy(RetryPolicy.none())).eas().createService(SERVICE))
        .isInstanceOf(CloudIoException.class)
        .hasMessageContaining("eas:DescribeService");
    assertThat(h.requests("CreateService")).hasSize(1);
  }
}
