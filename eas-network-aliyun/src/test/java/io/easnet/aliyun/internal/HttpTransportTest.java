package io.easnet.aliyun.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.aliyun.AliyunOptions;
import io.easnet.aliyun.AliyunProduct;
import io.easnet.aliyun.Credentials;
import io.easnet.aliyun.CredentialsProviders;
import io.easnet.aliyun.RetryPolicy;
import io.easnet.core.CloudServiceException;
import io.easnet.core.CloudIoException;
import io.easnet.core.EasNetworkException;
import io.easnet.core.spi.RequestListener.RequestEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class HttpTransportTest {
  private static final String SECRET = "very-secret-key-value";
  private static final String TOKEN = "sts-security-token-value";

  @StartStop public final MockWebServer server = new MockWebServer();

  private final List<RequestEvent> events = new CopyOnWriteArrayList<>();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final AtomicInteger nonces = new AtomicInteger();
  private final AtomicLong nanos = new AtomicLong();
  private Credentials credentials = Credentials.of("LTAI5tTestKeyId", SECRET);

  private URI endpoint() {
    return URI.create("http://" + "127.0.0.1" + ":" + server.getPort());
  }

  private HttpTransport transport(RetryPolicy policy) {
    AliyunOptions options = AliyunOptions.builder("cn-hangzhou")
        .credentials(() -> credentials)
        .endpointOverride(AliyunProduct.VPC, endpoint())
        .endpointOverride(AliyunProduct.EAS, endpoint())
        .retryPolicy(policy)
        .requestListener(events::add)
        .build();
    Acs3Signer signer = new Acs3Signer(Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC),
        () -> "nonce-" + nonces.incrementAndGet());
    return new HttpTransport(options, new OkHttpClient(), signer, sleeps::add, () -> 0.5,
        () -> nanos.addAndGet(3_000_000));
  }

  private HttpTransport transport() {
    return transport(RetryPolicy.builder().jitter(0.0).build());
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }

  private RecordedRequest take() throws InterruptedException {
    return server.takeRequest(5, TimeUnit.SECONDS);
  }

  private static ApiRequest describeVpcs() {
    return ApiRequest.rpc(AliyunProduct.VPC, "DescribeVpcs").parameter("RegionId", "cn-hangzhou")
        .parameter("VpcName", "prod vpc*").parameter("PageSize", "50").build();
  }

  @Test
  void rpcParametersGoInTheQueryExactlyAsSignedAndTheServerCanVerifyTheSignature() throws Exception {
    server.enqueue(json(200, "{\"RequestId\":\"R-1\",\"Vpcs\":{\"Vpc\":[]}}"));

    ApiResponse response = transport().call(describeVpcs());

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/");
    assertThat(r.getUrl().encodedQuery()).isEqualTo("PageSize=50&RegionId=cn-hangzhou&VpcName=prod%20vpc%2A");
    assertThat(r.getHeaders().get("x-acs-action")).isEqualTo("DescribeVpcs");
    assertThat(r.getHeaders().get("x-acs-version")).isEqualTo("2016-04-28");
    assertThat(r.getHeaders().get("x-acs-date")).isEqualTo("2026-12-01T10:00:00Z");
    assertThat(r.getHeaders().get("x-acs-signature-nonce")).isEqualTo("nonce-1");
    assertThat(r.getHeaders().get("x-acs-content-sha256")).isEqualTo(Hashing.EMPTY_SHA256);
    assertThat(r.getHeaders().get("Content-Type")).isNull();
    assertThat(r.getHeaders().get("Host")).isEqualTo("127.0.0.1" + ":" + server.getPort());
    assertThat(r.getHeaders().get("Authorization")).startsWith("ACS3-HMAC-SHA256 Credential=LTAI5tTestKeyId,"
        + "SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,");
    assertThat(WireSignature.receivedSignature(r)).isEqualTo(WireSignature.expectedSignature(r, SECRET));
    assertThat(r.getBodySize()).isZero();

    assertThat(response.requestId()).contains("R-1");
    assertThat(response.json().path("Vpcs").path("Vpc").isArray()).isTrue();
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.action()).isEqualTo("vpc:DescribeVpcs");
      assertThat(e.attempt()).isEqualTo(1);
      assertThat(e.succeeded()).isTrue();
      assertThat(e.httpStatus()).isEqualTo(200);
      assertThat(e.requestId()).contains("R-1");
      assertThat(e.duration()).isEqualTo(Duration.ofMillis(3));
    });
  }

  @Test
  void rpcFormBodyIsHashedAndItsContentTypeSigned() throws Exception {
    server.enqueue(json(200, "{\"RequestId\":\"R-2\"}"));
    transport().call(ApiRequest.rpc(AliyunProduct.VPC, "CreateSnatEntry").parameter("SnatTableId", "stb-1")
        .parameter("SourceVSwitchId", "vsw-1").parameter("SnatIp", "1.2.3.4,5.6.7.8").formBody().build());
    RecordedRequest r = take();
    assertThat(r.getUrl().encodedQuery()).isNull();
    assertThat(r.getBody().utf8()).isEqualTo("SnatTableId=stb-1&SourceVSwitchId=vsw-1&SnatIp=1.2.3.4%2C5.6.7.8");
    assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(r.getHeaders().get("x-acs-content-sha256")).isEqualTo(Hashing.sha256Hex(r.getBody().toByteArray()));
    assertThat(r.getHeaders().get("Authorization")).contains("SignedHeaders=content-type;host;");
    assertThat(WireSignature.receivedSignature(r)).isEqualTo(WireSignature.expectedSignature(r, SECRET));
  }

  @Test
  void roaPathParametersAreEncodedAndTheJsonBodyIsSentAndHashedByteForByte() throws Exception {
    server.enqueue(json(200, "{\"RequestId\":\"R-3\",\"Message\":\"Network interfaces are updating\"}"));
    byte[] body = "{\"VSwitchId\":\"vsw-1\",\"SecurityGroupId\":\"sg-1\",\"DestinationCIDRs\":\"10.0.0.0/8\"}"
        .getBytes(StandardCharsets.UTF_8);
    transport().call(ApiRequest.roa(AliyunProduct.EAS, "UpdateResourceDLink", "PUT",
        List.of("api", "v2", "resources", "cn-hangzhou", "eas r/1", "dlink")).jsonBody(body).build());
    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("PUT");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v2/resources/cn-hangzhou/eas%20r%2F1/dlink");
    assertThat(r.getBody().toByteArray()).isEqualTo(body);
    assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(r.getHeaders().get("x-acs-content-sha256")).isEqualTo(Hashing.sha256Hex(body));
    assertThat(r.getHeaders().get("x-acs-version")).isEqualTo("2021-07-01");
    assertThat(WireSignature.canonicalRequestOf(r).canonicalUri()).isEqualTo("/api/v2/resources/cn-hangzhou/eas%20r%2F1/dlink");
    assertThat(WireSignature.receivedSignature(r)).isEqualTo(WireSignature.expectedSignature(r, SECRET));
  }

  @Test
  void roaQueryParametersAreSignedAndAGetHasNoBody() throws Exception {
    server.enqueue(json(200, "{\"RequestId\":\"R-4\",\"Services\":[]}"));
    transport().call(ApiRequest.roa(AliyunProduct.EAS, "ListServices", "GET", List.of("api", "v2", "services"))
        .parameter("PageSize", "100").parameter("Filter", "a b").build());
    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getUrl().encodedQuery()).isEqualTo("Filter=a%20b&PageSize=100");
    assertThat(WireSignature.receivedSignature(r)).isEqualTo(WireSignature.expectedSignature(r, SECRET));
  }

  @Test
  void stsCredentialsSendAndSignTheSecurityToken() throws Exception {
    credentials = Credentials.builder().accessKeyId("STS.NTestKeyId").accessKeySecret(SECRET).securityToken(TOKEN)
        .build();
    server.enqueue(json(200, "{\"RequestId\":\"R-5\"}"));
    transport().call(describeVpcs());
    RecordedRequest r = take();
    assertThat(r.getHeaders().get("x-acs-security-token")).isEqualTo(TOKEN);
    assertThat(r.getHeaders().get("x-acs-accesskey-id")).isEqualTo("STS.NTestKeyId");
    assertThat(r.getHeaders().get("Authorization")).contains("x-acs-accesskey-id").contains("x-acs-security-token");
    assertThat(WireSignature.receivedSignature(r)).isEqualTo(WireSignature.expectedSignature(r, SECRET));
  }

  @Test
  void anErrorBodyBecomesACloudServiceExceptionThroughTheCoreMapping() {
    server.enqueue(json(404, "{\"RequestId\":\"6BE56E05-A\",\"HostId\":\"vpc.aliyuncs.com\","
        + "\"Code\":\"InvalidVpcId.NotFound\",\"Message\":\"The specified VpcId does not exist.\","
        + "\"Recommend\":\"https://api.alibabacloud.com/troubleshoot?q=InvalidVpcId.NotFound\"}"));
    assertThatThrownBy(() -> transport().call(describeVpcs()))
        .isInstanceOfSatisfying(CloudServiceException.class, e -> {
          assertThat(e.kind()).isEqualTo(CloudServiceException.Kind.NOT_FOUND);
          assertThat(e.code()).isEqualTo("InvalidVpcId.NotFound");
          assertThat(e.action()).isEqualTo("vpc:DescribeVpcs");
          assertThat(e.httpStatus()).isEqualTo(404);
          assertThat(e.requestId()).contains("6BE56E05-A");
          assertThat(e.retryable()).isFalse();
          assertThat(e.getMessage()).isEqualTo("vpc:DescribeVpcs failed: InvalidVpcId.NotFound: The specified VpcId "
              + "does not exist. (HTTP 404) [RequestId 6BE56E05-A] "
              + "(diagnosis: https://api.alibabacloud.com/troubleshoot?q=InvalidVpcId.NotFound)");
          assertThat(e.recommend()).contains("https://api.alibabacloud.com/troubleshoot?q=InvalidVpcId.NotFound");
          assertThat(e.hostId()).contains("vpc.aliyuncs.com");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.httpStatus()).isEqualTo(404);
      assertThat(e.succeeded()).isFalse();
      assertThat(e.errorCode()).contains("InvalidVpcId.NotFound");
      assertThat(e.requestId()).contains("6BE56E05-A");
    });
  }

  @Test
  void roaLowerCaseErrorKeysAreReadToo() {
    server.enqueue(json(400, "{\"requestId\":\"R-6\",\"code\":\"InvalidParameter\",\"message\":\"bad name\"}"));
    assertThatThrownBy(() -> transport().call(ApiRequest.roa(AliyunProduct.EAS, "DescribeService", "GET",
        List.of("api", "v2", "services", "cn-hangzhou", "svc")).build()))
        .isInstanceOfSatisfying(CloudServiceException.class, e -> {
          assertThat(e.code()).isEqualTo("InvalidParameter");
          assertThat(e.requestId()).contains("R-6");
          assertThat(e.action()).isEqualTo("eas:DescribeService");
          assertThat(e.kind()).isEqualTo(CloudServiceException.Kind.INVALID_PARAMETER);
        });
  }

  @Test
  void aBodyThatIsNotErrorJsonStillGivesACodeAndAPreview() {
    server.enqueue(new MockResponse.Builder().code(502).body("<html>Bad Gateway</html>").build());
    assertThatThrownBy(() -> transport(RetryPolicy.none()).call(describeVpcs()))
        .isInstanceOfSatisfying(CloudServiceException.class, e -> {
          assertThat(e.code()).isEqualTo("Http502");
          assertThat(e.kind()).isEqualTo(CloudServiceException.Kind.SERVER_ERROR);
          assertThat(e.getMessage()).contains("not Alibaba Cloud's error JSON: \"<html>Bad Gateway</html>\"");
        });
  }

  @Test
  void throttlingIsRetriedWithBackoffAndEachAttemptIsAnEvent() throws Exception {
    server.enqueue(json(400, "{\"RequestId\":\"R-7\",\"Code\":\"Throttling.User\","
        + "\"Message\":\"Request was denied due to user flow control.\"}"));
    server.enqueue(json(200, "{\"RequestId\":\"R-8\"}"));

    ApiResponse response = transport().call(describeVpcs());

    assertThat(response.requestId()).contains("R-8");
    assertThat(sleeps).containsExactly(Duration.ofMillis(200));
    assertThat(events).extracting(RequestEvent::attempt, RequestEvent::errorCode).containsExactly(
        org.assertj.core.groups.Tuple.tuple(1, java.util.Optional.of("Throttling.User")),
        org.assertj.core.groups.Tuple.tuple(2, java.util.Optional.empty()));
    // every attempt is signed afresh
    assertThat(take().getHeaders().get("x-acs-signature-nonce")).isEqualTo("nonce-1");
    assertThat(take().getHeaders().get("x-acs-signature-nonce")).isEqualTo("nonce-2");
  }

  @Test
  void theRetryAfterHeaderIsHonouredInMillisecondsAndMarksThrottling() {
    server.enqueue(new MockResponse.Builder().code(503).setHeader("x-acs-retry-after", "1500")
        .body("{\"RequestId\":\"R-9\",\"Code\":\"ServiceUnavailable\",\"Message\":\"busy\"}").build());
    server.enqueue(json(200, "{\"RequestId\":\"R-10\"}"));
    transport().call(describeVpcs());
    assertThat(sleeps).containsExactly(Duration.ofMillis(1500));
    assertThat(events.get(0).errorCode()).contains("ServiceUnavailable");
    assertThat(events.get(0).httpStatus()).isEqualTo(503);
  }

  @Test
  void aRetryAfterLongerThanTheMaximumBackoffIsNotWaitedFor() {
    server.enqueue(new MockResponse.Builder().code(400).setHeader("x-acs-retry-after", "60000")
        .body("{\"RequestId\":\"R-11\",\"Code\":\"Throttling\",\"Message\":\"slow down\"}").build());
    assertThatThrownBy(() -> transport().call(describeVpcs()))
        .isInstanceOfSatisfying(CloudServiceException.class, e -> {
          assertThat(e.kind()).isEqualTo(CloudServiceException.Kind.THROTTLED);
          assertThat(e.retryAfterSeconds()).contains(60);
        });
    assertThat(sleeps).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void serverErrorsAreRetriedUpToMaxAttemptsWithExponentialBackoff() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(500, "{\"RequestId\":\"R-" + i + "\",\"Code\":\"InternalError\",\"Message\":\"oops\"}"));
    }
    assertThatThrownBy(() -> transport().call(describeVpcs()))
        .isInstanceOfSatisfying(CloudServiceException.class, e -> {
          assertThat(e.kind()).isEqualTo(CloudServiceException.Kind.SERVER_ERROR);
          assertThat(e.requestId()).contains("R-2");
        });
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeps).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
    assertThat(events).extracting(RequestEvent::attempt).containsExactly(1, 2, 3);
  }

  @Test
  void anEasWriteIsNotRepeatedAfterAServerErrorButIsAfterThrottling() {
    server.enqueue(json(503, "{\"RequestId\":\"R-12\",\"Code\":\"ServiceUnavailable\",\"Message\":\"busy\"}"));
    ApiRequest update = ApiRequest.roa(AliyunProduct.EAS, "UpdateService", "PUT",
        List.of("api", "v2", "services", "cn-hangzhou", "svc")).jsonBody("{}".getBytes(StandardCharsets.UTF_8))
        .build();
    assertThat(update.retrySafe()).isFalse();
    assertThatThrownBy(() -> transport().call(update)).isInstanceOf(CloudServiceException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);

    server.enqueue(json(400, "{\"RequestId\":\"R-13\",\"Code\":\"Throttling.Api\",\"Message\":\"api flow\"}"));
    server.enqueue(json(200, "{\"RequestId\":\"R-14\"}"));
    assertThat(transport().call(update).requestId()).contains("R-14");
  }

  @Test
  void ioErrorsAreRetriedAndReportedWithTheEndpointAndAttempts() throws Exception {
    MockWebServer closed = new MockWebServer();
    closed.start();
    URI dead = URI.create("http://" + "127.0.0.1" + ":" + closed.getPort());
    closed.close();
    AliyunOptions options = AliyunOptions.builder("cn-hangzhou").credentials(() -> credentials)
        .endpointOverride(AliyunProduct.VPC, dead).retryPolicy(RetryPolicy.builder().jitter(0.0).build())
        .requestListener(events::add).build();
    HttpTransport t = new HttpTransport(options, new OkHttpClient(), Acs3Signer.system(), sleeps::add, () -> 0.5,
        System::nanoTime);
    assertThatThrownBy(() -> t.call(describeVpcs()))
        .isInstanceOfSatisfying(CloudIoException.class, e -> {
          assertThat(e.endpoint()).isEqualTo(dead.toString());
          assertThat(e.attempts()).isEqualTo(3);
        })
        .hasMessageStartingWith("vpc:DescribeVpcs: ")
        .hasMessageEndingWith("(endpoint " + dead + ", 3 attempts)");
    assertThat(events).extracting(RequestEvent::errorCode).containsOnly(java.util.Optional.of("IoError")).hasSize(3);
    assertThat(events).extracting(RequestEvent::attempt).containsExactly(1, 2, 3);
    assertThat(events.get(0).httpStatus()).isZero();
  }

  @Test
  void theClientVerifiesHostNamesFollowsNoRedirectsAndLeavesRetriesToThePolicy() {
    AliyunOptions options = AliyunOptions.builder("cn-hangzhou").credentials(() -> credentials)
        .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(7)).build();
    OkHttpClient client = HttpTransport.create(options).client();
    assertThat(client.hostnameVerifier()).isSameAs(okhttp3.internal.tls.OkHostnameVerifier.INSTANCE);
    assertThat(client.followRedirects()).isFalse();
    assertThat(client.followSslRedirects()).isFalse();
    assertThat(client.retryOnConnectionFailure()).isFalse();
    assertThat(client.connectTimeoutMillis()).isEqualTo(2000);
    assertThat(client.readTimeoutMillis()).isEqualTo(7000);
  }

  @Test
  void realEndpointsAreHttpsInEveryModeAndRegion() {
    for (boolean vpc : new boolean[] {false, true}) {
      EndpointResolver r = new EndpointResolver(vpc, java.util.Map.of());
      for (AliyunProduct p : AliyunProduct.values()) {
        for (String region : List.of("cn-hangzhou", "cn-shanghai", "ap-southeast-1", "cn-north-2-gov-1")) {
          assertThat(r.resolve(p, region).baseUri().getScheme()).as(p + " " + region).isEqualTo("https");
        }
      }
    }
  }

  @Test
  void aFailingListenerDoesNotFailTheCall() {
    server.enqueue(json(200, "{\"RequestId\":\"R-15\"}"));
    AliyunOptions options = AliyunOptions.builder("cn-hangzhou").credentials(() -> credentials)
        .endpointOverride(AliyunProduct.VPC, endpoint()).requestListener(e -> {
          throw new IllegalStateException("metrics backend down");
        }).build();
    HttpTransport t = new HttpTransport(options, new OkHttpClient(), Acs3Signer.system(), sleeps::add, () -> 0.5,
        System::nanoTime);
    assertThat(t.call(describeVpcs()).requestId()).contains("R-15");
  }

  @Test
  void noSecretInAnyExceptionEventOrToString() throws Exception {
    credentials = Credentials.builder().accessKeyId("STS.NTestKeyId").accessKeySecret(SECRET).securityToken(TOKEN)
        .build();
    server.enqueue(json(403, "{\"RequestId\":\"R-16\",\"Code\":\"SignatureDoesNotMatch\","
        + "\"Message\":\"The request signature does not conform to Aliyun standards.\"}"));
    List<String> texts = new java.util.ArrayList<>();
    try {
      transport().call(describeVpcs());
    } catch (CloudServiceException e) {
      assertThat(e.kind()).isEqualTo(CloudServiceException.Kind.FORBIDDEN);
      texts.add(e.toString());
    }
    events.forEach(e -> texts.add(e.toString()));
    texts.add(credentials.toString());
    texts.add(describeVpcs().toString());
    texts.add(AliyunOptions.builder("cn-hangzhou").credentials(CredentialsProviders.of(credentials)).build()
        .toString());
    texts.add(new Acs3Signer(Clock.systemUTC(), () -> "n").sign(new Acs3Signer.Request("POST", "h", "/",
        java.util.Map.of(), "A", "1", null, new byte[0]), credentials).toString());
    assertThat(texts).hasSize(6).allSatisfy(t -> assertThat(t).doesNotContain(SECRET).doesNotContain(TOKEN));
  }

  @Test
  void aCredentialsFailureIsNotAnHttpRequest() {
    AliyunOptions options = AliyunOptions.builder("cn-hangzhou").credentials(() -> {
      throw new EasNetworkException("No Alibaba Cloud credentials found.");
    }).endpointOverride(AliyunProduct.VPC, endpoint()).requestListener(events::add).build();
    HttpTransport t = new HttpTransport(options, new OkHttpClient(), Acs3Signer.system(), sleeps::add, () -> 0.5,
        System::nanoTime);
    assertThatThrownBy(() -> t.call(describeVpcs())).hasMessage("No Alibaba Cloud credentials found.");
    assertThat(server.getRequestCount()).isZero();
    assertThat(events).isEmpty();
  }
}
