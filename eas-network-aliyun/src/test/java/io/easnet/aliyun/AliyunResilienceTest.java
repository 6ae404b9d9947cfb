package io.easnet.aliyun;

import static io.easnet.aliyun.PortHarness.error;
import static io.easnet.aliyun.PortHarness.json;
import static io.easnet.aliyun.PortHarness.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.CloudIoException;
import io.easnet.core.CloudServiceException;
import io.easnet.core.CloudTimeoutException;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.ResourceId.RouteTableId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.VpcApi.AllocateEipRequest;
import io.easnet.core.spi.VpcApi.CreateNatGatewayRequest;
import io.easnet.core.spi.VpcApi.CreateRouteEntryRequest;
import io.easnet.core.spi.RequestListener.RequestEvent;
import io.easnet.core.spi.VpcApi.SnatEntryRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Retries with client tokens, throttling, circuit breaker, rate limit, timeouts, events and secrets. */
class AliyunResilienceTest {
  private static final String VPCS = "{\"RequestId\":\"R-ok\",\"TotalCount\":0,\"Vpcs\":{\"Vpc\":[]}}";

  @StartStop public final MockWebServer server = new MockWebServer();
  private final PortHarness h = new PortHarness(server);

  @Test
  void aVpcWriteRetriedAfterA503AndAResetSendsTheSameClientToken() {
    h.on("CreateSnatEntry", error(503, "ServiceUnavailable", "R-1"), PortHarness.disconnect(),
        json(200, "{\"RequestId\":\"R-2\",\"SnatEntryId\":\"snat-1\"}"));
    SnatEntryRequest request = SnatEntryRequest.builder().snatTableId("stb-1").sourceVSwitchId("vsw-1")
        .addSnatIp("47.1.2.3").build();

    h.port().vpc().createSnatEntry(request);

    assertThat(h.requests("CreateSnatEntry")).hasSize(3)
        .extracting(r -> query(r).get("ClientToken")).containsOnly(request.clientToken().value());
    assertThat(h.requests("CreateSnatEntry")).extracting(r -> r.getHeaders().get("x-acs-signature-nonce"))
        .doesNotHaveDuplicates();
    assertThat(h.events).extracting(RequestEvent::attempt, RequestEvent::errorCode, RequestEvent::httpStatus)
        .containsExactly(Tuple.tuple(1, Optional.of("ServiceUnavailable"), 503),
            Tuple.tuple(2, Optional.of("IoError"), 0), Tuple.tuple(3, Optional.empty(), 200));
    assertThat(h.sleeps).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  void everyVpcAndEcsWriteSendsItsClientToken() {
    h.ok("CreateNatGateway", "{\"RequestId\":\"R-3\",\"NatGatewayId\":\"ngw-1\",\"SnatTableIds\":{\"SnatTableId\":"
        + "[\"stb-1\"]}}");
    h.ok("AllocateEipAddress", "{\"RequestId\":\"R-4\",\"AllocationId\":\"eip-1\",\"EipAddress\":\"47.1.2.3\"}");
    h.ok("CreateRouteEntry", "{\"RequestId\":\"R-5\",\"RouteEntryId\":\"rte-1\"}");

    NatGatewayId nat = h.port().vpc().createNatGateway(CreateNatGatewayRequest.builder().vpcId(VpcId.of("vpc-a"))
        .vSwitchId(VSwitchId.of("vsw-1")).clientToken("tok-nat").build());
    h.port().vpc().allocateEip(AllocateEipRequest.builder().clientToken("tok-eip").build());
    h.port().vpc().createRouteEntry(CreateRouteEntryRequest.builder().routeTableId(RouteTableId.of("vtb-1"))
        .destination(Cidr.ANY_IPV4).natGatewayId(nat).clientToken("tok-route").build());

    assertThat(nat).isEqualTo(NatGatewayId.of("ngw-1"));
    assertThat(query(h.requests("CreateNatGateway").get(0))).containsEntry("ClientToken", "tok-nat")
        .containsEntry("NatType", "Enhanced").containsEntry("NetworkType", "internet");
    assertThat(query(h.requests("AllocateEipAddress").get(0))).containsEntry("ClientToken", "tok-eip")
        .containsEntry("Bandwidth", "5").containsEntry("InternetChargeType", "PayByTraffic");
    assertThat(query(h.requests("CreateRouteEntry").get(0))).containsEntry("ClientToken", "tok-route");
  }

  @Test
  void throttlingHonoursTheRetryAfterHeaderInMilliseconds() {
    h.on("DescribeVpcs", new mockwebserver3.MockResponse.Builder().code(400).setHeader("x-acs-retry-after", "1500")
        .setHeader("Content-Type", "application/json")
        .body("{\"RequestId\":\"R-6\",\"Code\":\"Throttling.User\",\"Message\":\"flow control\"}").build(),
        json(200, VPCS));

    h.port().vpc().describeVpcs();

    assertThat(h.sleeps).containsExactly(Duration.ofMillis(1500));
    assertThat(h.events).extracting(RequestEvent::errorCode)
        .containsExactly(Optional.of("Throttling.User"), Optional.empty());
  }

  @Test
  void theCircuitBreakerOpensAfterFailuresInARowAndFailsFastWithoutSending() {
    h.on("DescribeVpcs", error(503, "ServiceUnavailable", "R-7"));
    AliyunCloudPort port = h.port(b -> b.retryPolicy(RetryPolicy.none()).circuitBreaker(2, Duration.ofMinutes(1)));

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> port.vpc().describeVpcs()).isInstanceOf(CloudServiceException.class);
    }
    assertThatThrownBy(() -> port.vpc().describeVpcs())
        .isInstanceOfSatisfying(CloudIoException.class, e -> {
          assertThat(e.endpoint()).isEqualTo(h.endpoint().toString());
          assertThat(e.action()).contains("vpc:DescribeVpcs");
        })
        .hasMessageContaining("circuit breaker")
        .hasMessageContaining(h.endpoint().toString());
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(h.events).hasSize(2);
  }

  @Test
  void anOpenBreakerLetsOneProbeThroughAfterItsOpenTimeAndClosesWhenItSucceeds() {
    h.on("DescribeVpcs", error(503, "ServiceUnavailable", "R-20"), error(503, "ServiceUnavailable", "R-21"),
        json(200, VPCS));
    AliyunCloudPort port = h.port(b -> b.retryPolicy(RetryPolicy.none()).circuitBreaker(2, Duration.ofMinutes(1)));
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> port.vpc().describeVpcs()).isInstanceOf(CloudServiceException.class);
    }
    h.breakerClock.advance(Duration.ofSeconds(59));
    assertThatThrownBy(() -> port.vpc().describeVpcs()).isInstanceOf(CloudIoException.class);
    assertThat(server.getRequestCount()).isEqualTo(2);

    h.breakerClock.advance(Duration.ofSeconds(2));
    port.vpc().describeVpcs();
    port.vpc().describeVpcs();

    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void refusalsDoNotOpenTheCircuitBreaker() {
    h.on("DescribeVpcs", error(404, "InvalidVpcId.NotFound", "R-8"));
    AliyunCloudPort port = h.port(b -> b.circuitBreaker(1, Duration.ofMinutes(1)));
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> port.vpc().describeVpcs()).isInstanceOf(CloudServiceException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void theRateLimiterMakesARequestOverTheLimitWaitOnTheInjectedSleeper() {
    h.ok("DescribeVpcs", VPCS);
    AliyunCloudPort port = h.port(b -> b.rateLimit(2, Duration.ofMinutes(1)).callTimeout(Duration.ofMinutes(2)));

    port.vpc().describeVpcs();
    port.vpc().describeVpcs();
    assertThat(h.sleeps).isEmpty();
    port.vpc().describeVpcs();

    assertThat(h.sleeps).singleElement().satisfies(wait -> {
      assertThat(wait).isPositive();
      assertThat(wait).isLessThanOrEqualTo(Duration.ofMinutes(1));
    });
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aRequestOverTheLimitThatCannotWaitLongEnoughFailsNamingTheLimit() {
    h.ok("DescribeVpcs", VPCS);
    AliyunCloudPort port = h.port(b -> b.rateLimit(1, Duration.ofMinutes(10)).readTimeout(Duration.ofSeconds(1))
        .callTimeout(Duration.ofSeconds(1)));
    port.vpc().describeVpcs();
    assertThatThrownBy(() -> port.vpc().describeVpcs())
        .isInstanceOf(CloudTimeoutException.class)
        .hasMessageContaining("rate limit")
        .hasMessageContaining("AliyunOptions.rateLimit");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aStalledAnswerTimesOutWithAClearError() {
    h.on("DescribeVpcs", PortHarness.stall());
    AliyunCloudPort port = h.port(b -> b.retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofMillis(200))
        .callTimeout(Duration.ofMillis(300)));
    assertThatThrownBy(() -> port.vpc().describeVpcs())
        .isInstanceOfSatisfying(CloudTimeoutException.class,
            e -> assertThat(e.action()).contains("vpc:DescribeVpcs"))
        .hasMessageContaining("the HTTP response from " + h.endpoint())
        .hasMessageContaining("call timeout 300 ms");
    assertThat(h.events).singleElement().satisfies(e -> {
      assertThat(e.errorCode()).contains("Timeout");
      assertThat(e.httpStatus()).isZero();
    });
  }

  @Test
  void aViewTellsItsOwnListenerAndThePortsAndSharesTheCircuitBreakers() {
    h.on("DescribeVpcs", error(503, "ServiceUnavailable", "R-9"));
    AliyunCloudPort port = h.port(b -> b.retryPolicy(RetryPolicy.none()).circuitBreaker(2, Duration.ofMinutes(1)));
    List<RequestEvent> mine = new CopyOnWriteArrayList<>();
    AliyunCloudPort view = port.withRequestListener(mine::add);

    assertThatThrownBy(() -> view.vpc().describeVpcs()).isInstanceOf(CloudServiceException.class);
    assertThatThrownBy(() -> port.vpc().describeVpcs()).isInstanceOf(CloudServiceException.class);
    // the view shares the breaker: two failures in a row through either open it for both
    assertThatThrownBy(() -> view.vpc().describeVpcs()).isInstanceOf(CloudIoException.class);

    assertThat(mine).hasSize(1);
    assertThat(h.events).hasSize(2);
  }

  @Test
  void onePortServesManyThreadsAtOnce() throws Exception {
    h.ok("DescribeVpcs", VPCS);
    AliyunCloudPort port = h.port(b -> b.rateLimit(1000, Duration.ofSeconds(1)));
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        calls.add(pool.submit(() -> port.withRequestListener(e -> { }).vpc().describeVpcs()));
      }
      for (java.util.concurrent.Future<?> call : calls) {
        call.get(30, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.getRequestCount()).isEqualTo(40);
    assertThat(h.events).hasSize(40).allSatisfy(e -> assertThat(e.succeeded()).isTrue());
    assertThat(h.requests).extracting(r -> r.getHeaders().get("x-acs-signature-nonce")).doesNotHaveDuplicates();
  }

  @Test
  void noSecretInThePortOptionsEventsOrExceptions() {
    h.credentials = Credentials.builder().accessKeyId("STS.HarnessKey").accessKeySecret(PortHarness.SECRET)
        .securityToken(PortHarness.TOKEN).build();
    h.on("DescribeVpcs", error(403, "SignatureDoesNotMatch", "R-10"));
    h.on("DescribeVSwitches", PortHarness.disconnect());
    AliyunCloudPort port = h.port(b -> b.retryPolicy(RetryPolicy.none()));
    List<String> texts = new ArrayList<>();
    try {
      port.vpc().describeVpcs();
    } catch (CloudServiceException e) {
      texts.add(e.toString());
    }
    try {
      port.vpc().describeVSwitches(VpcId.of("vpc-a"));
    } catch (CloudIoException e) {
      texts.add(e.toString());
    }
    texts.addAll(PortHarness.texts(h.events));
    texts.add(port.toString());
    texts.add(port.vpc().toString());
    texts.add(port.withRequestListener(e -> { }).toString());
    assertThat(texts).hasSize(7).allSatisfy(t -> assertThat(t).doesNotContain(PortHarness.SECRET)
        .doesNotContain(PortHarness.TOKEN));
    assertThat(server.getRequestCount()).isEqualTo(2);
    // the secret was used: requests were signed with it, it just never shows
    assertThat(h.requests.get(0).getHeaders().get("x-acs-security-token")).isEqualTo(PortHarness.TOKEN);
  }
}
