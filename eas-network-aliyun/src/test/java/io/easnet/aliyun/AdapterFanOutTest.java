package io.easnet.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.CloudIoException;
import io.easnet.core.CloudServiceException;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ResourceId.VpcId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The independent requests of one port call go out together (docs/adapter-concurrency.md): the server holds each
 * answer until as many requests as the call may have in flight have arrived (or a bounded wait ends), and counts the
 * most in flight at once. The first failure in the sequential order is the one reported, the others are never lost,
 * the rate limiter and circuit breaker see every request, and {@code close()} leaves no thread of the adapter alive.
 */
class AdapterFanOutTest {
  @StartStop public final MockWebServer server = new MockWebServer();
  private PortHarness h;
  private Gate gate;

  /** Holds every answer until {@code expected} requests are in flight together (at most a few seconds). */
  private static final class Gate extends Dispatcher {
    private final PortHarness harness;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();
    private volatile CountDownLatch together = new CountDownLatch(0);
    private volatile String only;

    Gate(PortHarness harness) {
      this.harness = harness;
    }

    void expect(int requests) {
      expect(requests, null);
    }

    /** As above, counting and holding only the requests of {@code action}. */
    void expect(int requests, String action) {
      only = action;
      together = new CountDownLatch(requests);
      most.set(0);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      if (only != null && !only.equals(request.getHeaders().get("x-acs-action"))) {
        return harness.dispatch(request);
      }
      int now = inFlight.incrementAndGet();
      most.accumulateAndGet(now, Math::max);
      try {
        CountDownLatch latch = together;
        latch.countDown();
        latch.await(3, TimeUnit.SECONDS); // bounded: a sequential adapter only makes this test slow, then fail
        return harness.dispatch(request);
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  @BeforeEach
  void setUp() {
    h = new PortHarness(server);
    gate = new Gate(h);
    server.setDispatcher(gate);
  }

  private void rdsAnswers() {
    h.ok("DescribeDBInstanceAttribute", "{\"RequestId\":\"R-1\",\"Items\":{\"DBInstanceAttribute\":[{"
        + "\"DBInstanceId\":\"rm-1\",\"VpcId\":\"vpc-a\",\"VSwitchId\":\"vsw-db\",\"Port\":\"3306\"}]}}");
    completionAnswers();
  }

  private void completionAnswers() {
    h.ok("DescribeDBInstanceNetInfo", "{\"RequestId\":\"R-2\",\"DBInstanceNetInfos\":{\"DBInstanceNetInfo\":[{"
        + "\"IPType\":\"Private\",\"IPAddress\":\"10.1.0.7\",\"Port\":\"3307\"}]}}");
    h.ok("DescribeDBInstanceIPArrayList", "{\"RequestId\":\"R-3\",\"Items\":{\"DBInstanceIPArray\":[{"
        + "\"DBInstanceIPArrayName\":\"default\",\"SecurityIPList\":\"10.1.0.0/24\"}]}}");
    h.ok("DescribeSecurityGroupConfiguration", "{\"RequestId\":\"R-4\",\"Items\":{\"EcsSecurityGroupRelation\":["
        + "{\"SecurityGroupId\":\"sg-app\"}]}}");
  }

  private AliyunCloudPort port(int concurrency) {
    return h.port(b -> b.concurrency(concurrency).retryPolicy(RetryPolicy.none()));
  }

  @Test
  void theFourReadsOfAnRdsInstanceAreInFlightTogether() {
    rdsAnswers();
    gate.expect(4);
    try (AliyunCloudPort port = port(4)) {
      RdsInstance rds = port.rds().describeInstance(RdsInstanceId.of("rm-1"));

      assertThat(gate.most.get()).as("requests in flight at once").isEqualTo(4);
      assertThat(rds.privateIp()).hasValueSatisfying(ip -> assertThat(ip.toString()).isEqualTo("10.1.0.7"));
      assertThat(rds.port()).isEqualTo(3307);
      assertThat(rds.allowlists()).singleElement().satisfies(g -> assertThat(g.name()).isEqualTo("default"));
      assertThat(rds.securityGroupIds()).containsExactly(SecurityGroupId.of("sg-app"));
    }
  }

  @Test
  void withConcurrencyOneTheReadsGoOneAfterTheOtherInTheirOrder() {
    rdsAnswers();
    gate.expect(1);
    try (AliyunCloudPort port = port(1)) {
      RdsInstance rds = port.rds().describeInstance(RdsInstanceId.of("rm-1"));

      assertThat(gate.most.get()).isEqualTo(1);
      assertThat(h.requests).extracting(r -> r.getHeaders().get("x-acs-action")).containsExactly(
          "DescribeDBInstanceAttribute", "DescribeDBInstanceNetInfo", "DescribeDBInstanceIPArrayList",
          "DescribeSecurityGroupConfiguration");
      assertThat(rds.port()).isEqualTo(3307);
    }
  }

  @Test
  void aSecurityGroupsRulesAndItsListEntryAreReadTogether() {
    h.ok("DescribeSecurityGroupAttribute", "{\"RequestId\":\"R-5\",\"SecurityGroupId\":\"sg-1\",\"VpcId\":"
        + "\"vpc-a\",\"Permissions\":{\"Permission\":[{\"Direction\":\"ingress\",\"IpProtocol\":\"TCP\","
        + "\"PortRange\":\"443/443\",\"SourceCidrIp\":\"10.0.0.0/8\",\"Policy\":\"Accept\",\"Priority\":1}]}}");
    h.ok("DescribeSecurityGroups", "{\"RequestId\":\"R-6\",\"SecurityGroups\":{\"SecurityGroup\":[{"
        + "\"SecurityGroupId\":\"sg-1\",\"VpcId\":\"vpc-a\",\"SecurityGroupType\":\"enterprise\"}]}}");
    gate.expect(2);
    try (AliyunCloudPort port = port(4)) {
      var group = port.ecs().describeSecurityGroup(SecurityGroupId.of("sg-1"));

      assertThat(gate.most.get()).isEqualTo(2);
      assertThat(group.rules()).hasSize(1);
      assertThat(group.type().name()).isEqualTo("ENTERPRISE");
    }
  }

  @Test
  void theRouteTablesOfAVpcAreReadTogether() {
    h.ok("DescribeRouteTableList", "{\"RequestId\":\"R-7\",\"TotalCount\":3,\"PageNumber\":1,\"RouterTableList\":"
        + "{\"RouterTableListType\":[{\"RouteTableId\":\"vtb-1\",\"VpcId\":\"vpc-a\",\"RouteTableType\":\"System\"},"
        + "{\"RouteTableId\":\"vtb-2\",\"VpcId\":\"vpc-a\",\"RouteTableType\":\"Custom\"},"
        + "{\"RouteTableId\":\"vtb-3\",\"VpcId\":\"vpc-a\",\"RouteTableType\":\"Custom\"}]}}");
    h.ok("DescribeRouteEntryList", "{\"RequestId\":\"R-8\",\"RouteEntrys\":{\"RouteEntry\":[{"
        + "\"DestinationCidrBlock\":\"0.0.0.0/0\",\"NextHops\":{\"NextHop\":[{\"NextHopType\":\"NatGateway\","
        + "\"NextHopId\":\"ngw-1\"}]}}]}}");
    gate.expect(3, "DescribeRouteEntryList");
    try (AliyunCloudPort port = port(4)) {
      var tables = port.vpc().describeRouteTables(VpcId.of("vpc-a"));

      assertThat(gate.most.get()).isEqualTo(3);
      assertThat(tables).extracting(t -> t.id().value()).containsExactly("vtb-1", "vtb-2", "vtb-3");
      assertThat(h.requests("DescribeRouteEntryList")).extracting(r -> PortHarness.query(r).get("RouteTableId"))
          .containsExactlyInAnyOrder("vtb-1", "vtb-2", "vtb-3");
    }
  }

  @Test
  void theFirstFailureInTheSequentialOrderIsReportedAndTheOthersAreNotLost() {
    h.ok("DescribeDBInstanceAttribute", "{\"RequestId\":\"R-1\",\"Items\":{\"DBInstanceAttribute\":[{"
        + "\"DBInstanceId\":\"rm-1\",\"VpcId\":\"vpc-a\",\"VSwitchId\":\"vsw-db\"}]}}");
    h.on("DescribeDBInstanceNetInfo", PortHarness.error(403, "Forbidden.NetInfo", "R-2"));
    h.on("DescribeDBInstanceIPArrayList", PortHarness.error(403, "Forbidden.Allowlists", "R-3"));
    h.on("DescribeSecurityGroupConfiguration", PortHarness.error(403, "Forbidden.Bound", "R-4"));
    gate.expect(4);
    try (AliyunCloudPort port = port(4)) {
      assertThatThrownBy(() -> port.rds().describeInstance(RdsInstanceId.of("rm-1")))
          .isInstanceOfSatisfying(CloudServiceException.class, e -> {
            assertThat(e.code()).isEqualTo("Forbidden.NetInfo");
            // every read was in flight: the later failures travel with the first
            assertThat(e.getSuppressed()).extracting(s -> ((CloudServiceException) s).code())
                .containsExactly("Forbidden.Allowlists", "Forbidden.Bound");
          });
      assertThat(gate.most.get()).isEqualTo(4);
    }
  }

  @Test
  void anUnknownInstanceIsNotFoundAsBeforeAndSequentiallyNothingMoreIsSent() {
    h.ok("DescribeDBInstanceAttribute", "{\"RequestId\":\"R-1\",\"Items\":{\"DBInstanceAttribute\":[]}}");
    completionAnswers();
    for (int concurrency : new int[] {1, 4}) {
      h.requests.clear();
      gate.expect(concurrency);
      try (AliyunCloudPort port = port(concurrency)) {
        assertThatThrownBy(() -> port.rds().describeInstance(RdsInstanceId.of("rm-gone")))
            .isInstanceOfSatisfying(CloudServiceException.class, e -> {
              assertThat(e.kind()).isEqualTo(CloudServiceException.Kind.NOT_FOUND);
              assertThat(e.getMessage()).contains("rm-gone").contains("rds:DescribeDBInstanceAttribute");
            });
      }
      if (concurrency == 1) {
        assertThat(h.requests).singleElement();
      }
    }
  }

  @Test
  void theRateLimiterSeesEveryRequestOfACall() {
    rdsAnswers();
    gate.expect(1); // the limiter's waits are recorded, not slept: the requests arrive one by one anyway
    try (AliyunCloudPort port = h.port(b -> b.concurrency(4).rateLimit(1, Duration.ofSeconds(1)))) {
      port.rds().describeInstance(RdsInstanceId.of("rm-1"));
    }
    assertThat(h.requests).hasSize(4);
    // one permit a second: the three requests after the first each waited for one
    assertThat(h.sleeps).hasSize(3).allSatisfy(d -> assertThat(d).isPositive());
  }

  @Test
  void theCircuitBreakerSeesEveryRequestOfACall() {
    for (String action : List.of("DescribeDBInstanceAttribute", "DescribeDBInstanceNetInfo",
        "DescribeDBInstanceIPArrayList", "DescribeSecurityGroupConfiguration")) {
      h.on(action, PortHarness.error(503, "ServiceUnavailable", "R-" + action));
    }
    gate.expect(4);
    try (AliyunCloudPort port = h.port(b -> b.concurrency(4).retryPolicy(RetryPolicy.none())
        .circuitBreaker(4, Duration.ofSeconds(30)))) {
      assertThatThrownBy(() -> port.rds().describeInstance(RdsInstanceId.of("rm-1")))
          .isInstanceOfSatisfying(CloudServiceException.class,
              e -> assertThat(e.action()).isEqualTo("rds:DescribeDBInstanceAttribute"));
      assertThat(h.requests).hasSize(4);

      // four failures in a row opened the breaker: the next request is not sent
      assertThatThrownBy(() -> port.rds().describeAllowlists(RdsInstanceId.of("rm-1")))
          .isInstanceOf(CloudIoException.class).hasMessageContaining("circuit breaker");
      assertThat(h.requests).hasSize(4);
    }
  }

  @Test
  void closeLeavesNoThreadOfTheAdapterAliveAndThePortStillAnswersOneRequestAtATime() throws InterruptedException {
    rdsAnswers();
    gate.expect(4);
    java.util.Set<String> before = pools(adapterThreads());
    AliyunCloudPort port = port(4);
    AliyunCloudPort view = port.withRequestListener(e -> { });
    view.rds().describeInstance(RdsInstanceId.of("rm-1"));
    // the threads of this port's pool (other tests' ports may still have idle threads)
    java.util.Set<String> mine = pools(adapterThreads());
    mine.removeAll(before);
    assertThat(mine).hasSize(1);
    java.util.function.Supplier<List<Thread>> threads = () -> adapterThreads().stream()
        .filter(t -> mine.contains(pool(t))).toList();
    assertThat(threads.get()).hasSize(3).allSatisfy(t -> {
      assertThat(t.getName()).matches("eas-network-aliyun-\\d+-\\d+").doesNotContain(PortHarness.SECRET);
      assertThat(t.isDaemon()).isTrue();
    });

    view.close(); // a view closes nothing: the port it came from still sends a call's reads together
    gate.expect(4);
    port.rds().describeInstance(RdsInstanceId.of("rm-1"));
    assertThat(gate.most.get()).isEqualTo(4);

    port.close();
    for (Thread t : threads.get()) {
      t.join(10_000); // bounded; the assertion below says whether it ended
    }
    assertThat(threads.get()).as("threads of the adapter after close()").isEmpty();

    gate.expect(1);
    RdsInstance after = port.rds().describeInstance(RdsInstanceId.of("rm-1"));
    assertThat(after.port()).isEqualTo(3307);
    assertThat(gate.most.get()).isEqualTo(1);
    assertThat(threads.get()).isEmpty();
  }

  private static String pool(Thread t) {
    return t.getName().substring(0, t.getName().lastIndexOf('-'));
  }

  private static java.util.Set<String> pools(List<Thread> threads) {
    java.util.Set<String> out = new java.util.HashSet<>();
    threads.forEach(t -> out.add(pool(t)));
    return out;
  }

  @Test
  void aCallWithMoreReadsThanItsConcurrencyNeverHasMoreInFlight() {
    h.ok("DescribeDBInstances", "{\"RequestId\":\"R-0\",\"TotalRecordCount\":3,\"PageNumber\":1,\"Items\":{"
        + "\"DBInstance\":[{\"DBInstanceId\":\"rm-1\",\"VpcId\":\"vpc-a\"},{\"DBInstanceId\":\"rm-2\","
        + "\"VpcId\":\"vpc-a\"},{\"DBInstanceId\":\"rm-3\",\"VpcId\":\"vpc-a\"}]}}");
    completionAnswers();
    gate.expect(0); // nothing held: every request counted as it overlaps others
    try (AliyunCloudPort port = port(2)) {
      List<RdsInstance> found = port.rds().describeInstances(VpcId.of("vpc-a"));

      assertThat(found).extracting(i -> i.id().value()).containsExactly("rm-1", "rm-2", "rm-3");
      assertThat(h.requests).hasSize(1 + 3 * 3);
    }
    // nine reads after the list, in a window of two: never three requests at once
    assertThat(gate.most.get()).isBetween(1, 2);
  }

  @Test
  void theConcurrencyIsCheckedAndShown() {
    assertThat(AliyunOptions.builder("cn-hangzhou").build().concurrency()).isEqualTo(4);
    assertThat(AliyunOptions.builder("cn-hangzhou").concurrency(1).build().toString()).contains("concurrency=1");
    for (int bad : new int[] {0, -1, AliyunOptions.MAX_CONCURRENCY + 1}) {
      assertThatThrownBy(() -> AliyunOptions.builder("cn-hangzhou").concurrency(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("concurrency must be between 1 (one request at a time) and 32, was " + bad);
    }
  }

  private static List<Thread> adapterThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("eas-network-aliyun-")).toList();
  }
}
