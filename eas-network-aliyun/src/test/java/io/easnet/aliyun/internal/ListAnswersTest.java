package io.easnet.aliyun.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.aliyun.AliyunOptions;
import io.easnet.aliyun.AliyunProduct;
import io.easnet.aliyun.Credentials;
import io.easnet.aliyun.RetryPolicy;
import io.easnet.core.CloudIoException;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.ResourceId.VpcId;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A wrong-shaped list answer is an error naming the action (never "no resources"), and a
 * server whose pages lie (ignored PageNumber, an absurd TotalCount, a fresh NextToken on every page) is caught at
 * once, in a bounded number of requests.
 */
class ListAnswersTest {
  @StartStop public final MockWebServer server = new MockWebServer();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicLong nanos = new AtomicLong();

  private HttpTransport transport() {
    Acs3Signer signer = new Acs3Signer(Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC),
        () -> "nonce-" + requests.get());
    return new HttpTransport(options(), new OkHttpClient(), signer, d -> { }, () -> 0.5,
        () -> nanos.addAndGet(1_000));
  }

  private AliyunOptions options() {
    URI endpoint = URI.create("http://127.0.0.1:" + server.getPort());
    return AliyunOptions.builder("cn-hangzhou")
        .credentials(() -> Credentials.of("LTAI5tTestKeyId", "test-secret-value"))
        .endpointOverride(endpoint)
        .retryPolicy(RetryPolicy.none())
        .rateLimit(1_000_000, Duration.ofSeconds(1))
        .actionRateLimit(1_000_000, Duration.ofSeconds(1))
        .build();
  }

  private void answer(IntFunction<String> byPage) {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        int n = requests.incrementAndGet();
        String page = request.getUrl().queryParameter("PageNumber");
        String body = byPage.apply(page == null ? n : Integer.parseInt(page));
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
      }
    });
  }

  private List<Vpc> describeVpcs() {
    return new AliyunVpcApi(transport()).describeVpcs();
  }

  private static String vpc(int i) {
    return "{\"VpcId\":\"vpc-" + i + "\",\"CidrBlock\":\"10." + (i % 250) + ".0.0/16\",\"RegionId\":\"cn-hangzhou\"}";
  }

  private static String vpcs(int from, int to, long total) {
    return "{\"RequestId\":\"R-" + from + "\",\"TotalCount\":" + total + ",\"PageNumber\":1,\"PageSize\":50,"
        + "\"Vpcs\":{\"Vpc\":[" + IntStream.range(from, to).mapToObj(ListAnswersTest::vpc)
        .collect(Collectors.joining(",")) + "]}}";
  }

  @Test
  void theDocumentedEmptyAnswerIsAnEmptyListAndFullPagesAreAllRead() {
    answer(page -> vpcs(0, 0, 0));
    assertThat(describeVpcs()).isEmpty();

    requests.set(0);
    answer(page -> vpcs((page - 1) * 50, Math.min(page * 50, 120), 120));
    assertThat(describeVpcs()).extracting(v -> v.id().value()).doesNotHaveDuplicates().hasSize(120);
    assertThat(requests.get()).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "null", "[]", "{\"Vpcs\":{}}", "{\"RequestId\":\"R-1\"}", "\"Vpcs\"",
      "{\"Vpcs\":null,\"TotalCount\":0}", "{\"Vpcs\":{},\"TotalCount\":3}", "{\"Vpcs\":\"\",\"TotalCount\":0}", "{\"Vpcs\":{\"Vpc\":null},\"TotalCount\":0}"})
  void aWrongShapedAnswerIsAnErrorNamingTheActionNeverAnEmptyEstate(String body) {
    answer(page -> body);
    assertThatThrownBy(this::describeVpcs).isInstanceOf(CloudIoException.class)
        .hasMessageContaining("vpc:DescribeVpcs")
        .hasMessageContaining("documented shape");
  }

  @Test
  void aListWithoutItsTotalCountIsAnError() {
    answer(page -> "{\"RequestId\":\"R-1\",\"Vpcs\":{\"Vpc\":[]}}");
    assertThatThrownBy(this::describeVpcs).isInstanceOf(CloudIoException.class)
        .hasMessageContaining("vpc:DescribeVpcs").hasMessageContaining("without TotalCount")
        .hasMessageContaining("R-1");
  }

  @Test
  void aServerIgnoringPageNumberIsCaughtOnItsSecondPage() {
    // TotalCount 100, but every page is the first 50: before, 100 VPCs of which 50 distinct, silently
    answer(page -> vpcs(0, 50, 100));
    assertThatThrownBy(this::describeVpcs).isInstanceOf(CloudIoException.class)
        .hasMessageContaining("vpc:DescribeVpcs").hasMessageContaining("VpcId vpc-0 again")
        .hasMessageContaining("page 2");
    assertThat(requests.get()).isEqualTo(2);
  }

  @Test
  void aRepeatedIdWithinOnePageIsCaught() {
    answer(page -> "{\"TotalCount\":2,\"Vpcs\":{\"Vpc\":[" + vpc(1) + "," + vpc(1) + "]}}");
    assertThatThrownBy(this::describeVpcs).isInstanceOf(CloudIoException.class)
        .hasMessageContaining("VpcId vpc-1 again");
  }

  @Test
  void anAbsurdTotalCountFailsOnTheFirstPage() {
    answer(page -> vpcs((page - 1) * 50, page * 50, 1_000_000_000L));
    assertThatThrownBy(this::describeVpcs).isInstanceOf(CloudIoException.class)
        .hasMessageContaining("TotalCount 1000000000");
    assertThat(requests.get()).isEqualTo(1);
  }

  @Test
  void theTotalBoundsThePagesAndAnEarlyEmptyPageIsAnError() {
    // TotalCount 120 but the server runs dry after 60: an empty third page before the total is read
    answer(page -> page <= 1 ? vpcs(0, 50, 120) : page == 2 ? vpcs(50, 60, 120) : vpcs(0, 0, 120));
    assertThatThrownBy(this::describeVpcs).isInstanceOf(CloudIoException.class)
        .hasMessageContaining("empty page 3 after 60 of the 120");
    assertThat(requests.get()).isEqualTo(3);

    // pages that shrink and never reach the total: no request beyond the ceil(120 / 10) = 12 pages the total
    // allows at the first page's length (a server may cap the page size asked for)
    requests.set(0);
    answer(page -> page <= 5 ? vpcs(page * 10, page * 10 + 10, 120) : vpcs(page * 10, page * 10 + 5, 120));
    assertThatThrownBy(this::describeVpcs).isInstanceOf(CloudIoException.class)
        .hasMessageContaining("only 85 of the 120");
    assertThat(requests.get()).isEqualTo(12);
  }

  @Test
  void aTotalThatChangesBetweenPagesIsAnError() {
    answer(page -> vpcs((page - 1) * 50, page * 50, 100 + page));
    assertThatThrownBy(this::describeVpcs).isInstanceOf(CloudIoException.class)
        .hasMessageContaining("TotalCount 102 on page 2 after 101");
  }

  private List<String> routeEntries() {
    return routeEntries(Lists.MAX_PAGES);
  }

  private List<String> routeEntries(int maxPages) {
    HttpTransport t = transport();
    return Lists.tokened(t, (token, page) -> ApiRequest.rpc(AliyunProduct.VPC, "DescribeRouteEntryList")
        .parameter("RouteTableId", "vtb-1").parameter("NextToken", token).page(page).build(),
        new Lists.Shape("RouteEntrys", "RouteEntry"), n -> n.get("RouteEntryId").asText(), maxPages);
  }

  @Test
  void aFreshNextTokenOnEveryPageWithTheSameItemsIsCaughtOnTheSecondPage() {
    answer(n -> "{\"RequestId\":\"R-" + n + "\",\"NextToken\":\"t" + n + "\",\"RouteEntrys\":{\"RouteEntry\":["
        + "{\"RouteEntryId\":\"rte-1\"}]}}");
    assertThatThrownBy(this::routeEntries).isInstanceOf(CloudIoException.class)
        .hasMessageContaining("vpc:DescribeRouteEntryList").hasMessageContaining("page 2 with the very items of page 1");
    assertThat(requests.get()).isEqualTo(2);

    // a page that mixes a new item with an old one
    requests.set(0);
    answer(n -> "{\"NextToken\":\"t" + n + "\",\"RouteEntrys\":{\"RouteEntry\":[{\"RouteEntryId\":\"rte-1\"},"
        + "{\"RouteEntryId\":\"rte-x" + n + "\"}]}}");
    assertThatThrownBy(this::routeEntries).isInstanceOf(CloudIoException.class)
        .hasMessageContaining("RouteEntryId rte-1 again").hasMessageContaining("first on page 1");
    assertThat(requests.get()).isEqualTo(2);
  }

  @Test
  void aFreshNextTokenWithFreshItemsStopsAtTheDocumentedPageCap() {
    answer(n -> "{\"NextToken\":\"t" + n + "\",\"RouteEntrys\":{\"RouteEntry\":[{\"RouteEntryId\":\"rte-" + n
        + "\"}]}}");
    // the cap is Lists.MAX_PAGES (2,000); a cap of 25 shows the same code path in 25 requests
    assertThatThrownBy(() -> routeEntries(25)).isInstanceOf(CloudIoException.class)
        .hasMessageContaining("after 25 pages");
    assertThat(requests.get()).isEqualTo(25);
    assertThat(Lists.MAX_PAGES).isEqualTo(2_000);
    assertThat((long) Lists.MAX_PAGES * 50).isGreaterThanOrEqualTo(Lists.MAX_ITEMS);
  }

  @Test
  void anEmptyPageWithAFurtherTokenIsCaught() {
    answer(n -> "{\"NextToken\":\"t" + n + "\",\"RouteEntrys\":{\"RouteEntry\":[]}}");
    assertThatThrownBy(this::routeEntries).isInstanceOf(CloudIoException.class)
        .hasMessageContaining("empty page 1 with a further NextToken");
    assertThat(requests.get()).isEqualTo(1);
  }

  @Test
  void aTokenListEndsWhenTheTokenIsEmptyOrAbsent() {
    answer(n -> n == 1 ? "{\"NextToken\":\"t1\",\"RouteEntrys\":{\"RouteEntry\":[{\"RouteEntryId\":\"rte-1\"}]}}"
        : "{\"NextToken\":\"\",\"RouteEntrys\":{\"RouteEntry\":[{\"RouteEntryId\":\"rte-2\"}]}}");
    assertThat(routeEntries()).containsExactly("rte-1", "rte-2");
  }

  @Test
  void aWrongShapedAllowlistAnswerNamesTheActionThroughThePort() {
    answer(n -> "{\"RequestId\":\"R-7\"}");
    io.easnet.aliyun.AliyunCloudPort port = io.easnet.aliyun.AliyunCloudPort.create(options());
    assertThatThrownBy(() -> port.rds().describeAllowlists(io.easnet.core.model.ResourceId.RdsInstanceId.of("rm-1")))
        .isInstanceOf(CloudIoException.class).hasMessageContaining("rds:DescribeDBInstanceIPArrayList")
        .hasMessageContaining("R-7");
    assertThatThrownBy(() -> port.redis().describeInstance(io.easnet.core.model.ResourceId.RedisInstanceId.of("r-1")))
        .isInstanceOf(CloudIoException.class).hasMessageContaining("kvstore:DescribeInstanceAttribute");
  }

  @Test
  void aNonListAnswerOfAOnePageReadNamesTheAction() {
    answer(n -> "{\"RequestId\":\"R-9\"}");
    VpcId id = VpcId.of("vpc-1");
    assertThatThrownBy(() -> new AliyunVpcApi(transport()).describeVpc(id)).isInstanceOf(CloudIoException.class)
        .hasMessageContaining("vpc:DescribeVpcs").hasMessageContaining("R-9");
  }
}
