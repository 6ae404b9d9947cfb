package io.easnet.aliyun.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.aliyun.AliyunOptions;
import io.easnet.aliyun.AliyunProduct;
import io.easnet.aliyun.Credentials;
import io.easnet.aliyun.RetryPolicy;
import io.easnet.core.CloudTimeoutException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's rate limit is per API and allows at most N requests in any period, across period boundaries too. On
 * an injected clock that the transport's sleeper advances: the times requests reach the server are exact.
 */
class RateLimitTest {
  private static final long SECOND = 1_000_000_000L;

  @StartStop public final MockWebServer server = new MockWebServer();
  /** The injected clock, in nanoseconds; the sleeper advances it. */
  private final AtomicLong now = new AtomicLong();
  /** When each request reached the server, by the injected clock, with its action. */
  private final List<long[]> arrivals = new CopyOnWriteArrayList<>();
  private final List<String> actions = new CopyOnWriteArrayList<>();

  @BeforeEach
  void serve() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        arrivals.add(new long[] {now.get()});
        actions.add(request.getHeaders().get("x-acs-action"));
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
            .body("{\"RequestId\":\"R\"}").build();
      }
    });
  }

  private HttpTransport transport(UnaryOperator<AliyunOptions.Builder> limits) {
    AliyunOptions options = limits.apply(AliyunOptions.builder("cn-hangzhou")
        .credentials(() -> Credentials.of("LTAI5tTestKeyId", "test-secret-value"))
        .endpointOverride(URI.create("http://127.0.0.1:" + server.getPort()))
        .retryPolicy(RetryPolicy.none()).callTimeout(Duration.ofMinutes(5))).build();
    Acs3Signer signer = new Acs3Signer(Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC), () -> "n");
    return new HttpTransport(options, new OkHttpClient(), signer, d -> now.addAndGet(d.toNanos()), () -> 0.5,
        now::get);
  }

  private static ApiRequest request(String action) {
    return ApiRequest.rpc(AliyunProduct.VPC, action).parameter("RegionId", "cn-hangzhou").build();
  }

  /** The most arrivals in any half-open interval of {@code period}. */
  private static int busiestWindow(List<Long> times, long period) {
    List<Long> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    int most = 0;
    for (int i = 0, j = 0; i < sorted.size(); i++) {
      while (sorted.get(i) - sorted.get(j) >= period) {
        j++;
      }
      most = Math.max(most, i - j + 1);
    }
    return most;
  }

  private List<Long> times() {
    return arrivals.stream().map(a -> a[0]).toList();
  }

  @Test
  void noMoreThanTheLimitInAnySlidingPeriodAcrossABoundary() {
    HttpTransport t = transport(b -> b.rateLimit(5, Duration.ofSeconds(1)).actionRateLimit(1000, Duration.ofSeconds(1)));
    // before: 5 at 0.9 s and 5 at 1.0 s went through at once (a fixed window refreshed at 1.0 s): 10 in 0.1 s
    now.set(900_000_000L);
    for (int i = 0; i < 5; i++) {
      t.call(request("DescribeVpcs"));
    }
    now.set(SECOND);
    for (int i = 0; i < 5; i++) {
      t.call(request("DescribeVpcs"));
    }
    assertThat(arrivals).hasSize(10);
    assertThat(busiestWindow(times(), SECOND)).isEqualTo(5);
    // the sixth waited until a second after the first: 1.9 s
    assertThat(times().get(5)).isEqualTo(1_900_000_000L);
  }

  @Test
  void randomArrivalsNeverExceedTheLimitInAnyWindowAndWaitNoLongerThanNeeded() {
    Random random = new Random(1513);
    for (int round = 0; round < 300; round++) {
      int limit = 1 + random.nextInt(8);
      long period = (1 + random.nextInt(5)) * SECOND / (1 + random.nextInt(4));
      long[] clock = {0};
      SlidingWindowLimiter global = new SlidingWindowLimiter(limit, Duration.ofNanos(period), () -> clock[0]);
      SlidingWindowLimiter own = new SlidingWindowLimiter(1 + random.nextInt(8), Duration.ofNanos(period / 2 + 1),
          () -> clock[0]);
      List<Long> granted = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        clock[0] += (long) (random.nextDouble() * period / limit * 1.5);
        long wait = SlidingWindowLimiter.reserveAll(this, () -> clock[0], Long.MAX_VALUE, own, global);
        assertThat(wait).isGreaterThanOrEqualTo(0);
        clock[0] += wait; // the caller sleeps until its grant
        granted.add(clock[0]);
      }
      assertThat(busiestWindow(granted, period)).as("limit %d per %d ns", limit, period).isLessThanOrEqualTo(limit);
      // never more waiting than needed: with an empty window a permit is immediate
      clock[0] += 10 * period;
      assertThat(SlidingWindowLimiter.reserveAll(this, () -> clock[0], 0, own, global)).isZero();
    }
  }

  @Test
  void eachActionHasItsOwnLimitAndOneActionsQuotaDoesNotHoldUpAnother() {
    HttpTransport t = transport(b -> b.rateLimit(1000, Duration.ofSeconds(1))
        .actionRateLimit(10, Duration.ofSeconds(1))
        .actionRateLimit("vpc:DescribeRouteTableList", 2, Duration.ofMinutes(1)));
    t.call(request("DescribeRouteTableList"));
    t.call(request("DescribeRouteTableList"));
    long before = now.get();
    for (int i = 0; i < 10; i++) {
      t.call(request("DescribeVpcs")); // other actions go at once
    }
    assertThat(now.get()).isEqualTo(before);
    t.call(request("DescribeRouteTableList")); // the third within a minute waits for the first to leave the window
    assertThat(now.get()).isEqualTo(60 * SECOND);
    List<Long> route = new ArrayList<>();
    for (int i = 0; i < arrivals.size(); i++) {
      if ("DescribeRouteTableList".equals(actions.get(i))) {
        route.add(arrivals.get(i)[0]);
      }
    }
    assertThat(busiestWindow(route, 60 * SECOND)).isEqualTo(2);
    // the default per-action limit (10 per second) holds the eleventh DescribeVpcs of the same second
    long start = now.get();
    for (int i = 0; i < 11; i++) {
      t.call(request("DescribeVpcs"));
    }
    assertThat(now.get()).isEqualTo(start + SECOND);
  }

  @Test
  void aPermitFurtherAwayThanTheCallTimeoutFailsNamingBothLimits() {
    HttpTransport t = transport(b -> b.actionRateLimit("vpc:DescribeVpcs", 1, Duration.ofMinutes(10))
        .callTimeout(Duration.ofSeconds(60)).readTimeout(Duration.ofSeconds(30)));
    t.call(request("DescribeVpcs"));
    assertThatThrownBy(() -> t.call(request("DescribeVpcs"))).isInstanceOf(CloudTimeoutException.class)
        .hasMessageContaining("1 requests of vpc:DescribeVpcs per 600000 ms")
        .hasMessageContaining("AliyunOptions.actionRateLimit");
    assertThat(arrivals).hasSize(1);
  }

  @Test
  void theDefaultsAreDocumentedAndChecked() {
    AliyunOptions o = AliyunOptions.builder("cn-hangzhou").build();
    assertThat(o.actionRateLimit()).isEqualTo(new AliyunOptions.RateLimit(10, Duration.ofSeconds(1)));
    assertThat(o.actionRateLimit("vpc:DescribeVpcs")).isEqualTo(o.actionRateLimit());
    assertThat(o.rateLimitRequests()).isEqualTo(20);
    assertThatThrownBy(() -> AliyunOptions.builder("cn-hangzhou").actionRateLimit("DescribeVpcs", 1,
        Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("product:Action");
    assertThatThrownBy(() -> AliyunOptions.builder("cn-hangzhou").actionRateLimit(0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
