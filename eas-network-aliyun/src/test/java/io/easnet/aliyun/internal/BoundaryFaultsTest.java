package io.easnet.aliyun.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.aliyun.AliyunOptions;
import io.easnet.aliyun.AliyunProduct;
import io.easnet.aliyun.Credentials;
import io.easnet.aliyun.RetryPolicy;
import io.easnet.core.CloudIoException;
import io.easnet.core.CloudServiceException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every body the adapter reads is bounded and error messages are truncated; a credentials fetch has one deadline;
 * an I/O failure says what happened, and an open circuit breaker says which failure opened it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard against a hang, not a speed assertion
class BoundaryFaultsTest {
  @StartStop public final MockWebServer server = new MockWebServer();
  @TempDir Path home;

  private HttpTransport transport(URI endpoint, UnaryOperator<AliyunOptions.Builder> more) {
    AliyunOptions options = more.apply(AliyunOptions.builder("cn-hangzhou")
        .credentials(() -> Credentials.of("LTAI5tTestKeyId", "test-secret-value"))
        .endpointOverride(endpoint).retryPolicy(RetryPolicy.none())).build();
    Acs3Signer signer = new Acs3Signer(Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC), () -> "n");
    return new HttpTransport(options, new OkHttpClient(), signer, d -> { }, () -> 0.5, System::nanoTime);
  }

  private HttpTransport transport() {
    return transport(URI.create("http://127.0.0.1:" + server.getPort()), b -> b);
  }

  private static ApiRequest describeVpcs() {
    return ApiRequest.rpc(AliyunProduct.VPC, "DescribeVpcs").parameter("RegionId", "cn-hangzhou").build();
  }

  private static Buffer bytes(long n) {
    Buffer b = new Buffer();
    byte[] chunk = new byte[64 * 1024];
    java.util.Arrays.fill(chunk, (byte) 'a');
    for (long left = n; left > 0; left -= chunk.length) {
      b.write(chunk, 0, (int) Math.min(chunk.length, left));
    }
    return b;
  }

  @Test
  void aChunkedAnswerLongerThanTheLimitFailsAtTheLimitNamingTheActionAndTheOption() {
    // 17 MiB, chunked (no length announced): before, read whole into the heap; an endless one exhausted it
    server.enqueue(new MockResponse.Builder().code(200).chunkedBody(bytes(17L * 1024 * 1024), 256 * 1024).build());
    assertThatThrownBy(() -> transport().call(describeVpcs())).isInstanceOf(CloudIoException.class)
        .hasMessageContaining("vpc:DescribeVpcs")
        .hasMessageContaining("larger than " + AliyunOptions.DEFAULT_MAX_BODY_BYTES + " bytes")
        .hasMessageContaining("AliyunOptions.maxBodyBytes");
  }

  @Test
  void anAnnouncedLengthOverTheLimitFailsBeforeReading() {
    server.enqueue(new MockResponse.Builder().code(200).body(bytes(128 * 1024)).build());
    assertThatThrownBy(() -> transport(URI.create("http://127.0.0.1:" + server.getPort()),
        b -> b.maxBodyBytes(64 * 1024)).call(describeVpcs())).isInstanceOf(CloudIoException.class)
        .hasMessageContaining("Content-Length 131072").hasMessageContaining("larger than 65536 bytes");
    assertThatThrownBy(() -> AliyunOptions.builder("cn-hangzhou").maxBodyBytes(1024))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBodyBytes");
  }

  @Test
  void aHugeErrorMessageIsTruncatedToTheDocumentedLength() {
    String huge = "x".repeat(5 * 1024 * 1024);
    server.enqueue(new MockResponse.Builder().code(400).setHeader("Content-Type", "application/json")
        .body("{\"Code\":\"InvalidParameter\",\"Message\":\"" + huge + "\",\"RequestId\":\"R-big\"}").build());
    assertThatThrownBy(() -> transport().call(describeVpcs())).isInstanceOfSatisfying(CloudServiceException.class,
        e -> {
          // before: a 5,242,941-character message
          assertThat(e.getMessage().length()).isLessThan(ErrorResponses.MAX_MESSAGE_CHARS + 300);
          assertThat(e.getMessage()).contains("InvalidParameter").contains("R-big")
              .contains("(" + (huge.length() - ErrorResponses.MAX_MESSAGE_CHARS) + " more characters)");
        });
  }

  private CredentialsContext context() {
    return new CredentialsContext(new FakeEnvironment(home), new OkHttpClient(),
        Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC), () -> "n", w -> { },
        URI.create("http://127.0.0.1:" + server.getPort()), URI.create("http://127.0.0.1:" + server.getPort()),
        Duration.ofMinutes(15));
  }

  private static final String DOCUMENT = "{\"Code\":\"Success\",\"AccessKeyId\":\"STS.uri\",\"AccessKeySecret\":"
      + "\"uri-secret\",\"SecurityToken\":\"uri-token\",\"Expiration\":\"2026-12-01T16:00:00Z\"}";

  @Test
  void aTricklingCredentialsUriIsCutAtTheFetchDeadline() {
    // one byte every 2 s: within the 10 s read timeout every time, so before, the chain waited as long as it dribbled
    server.enqueue(new MockResponse.Builder().code(200).body(DOCUMENT).throttleBody(1, 2, TimeUnit.SECONDS).build());
    UriCredentialsProvider p = new UriCredentialsProvider(context(), "http://127.0.0.1:" + server.getPort() + "/c",
        Duration.ofMillis(1500));
    assertThatThrownBy(p::credentials).isInstanceOf(CredentialsUnavailableException.class)
        .hasMessageContaining("no complete answer within 1500 ms (the deadline of one credentials fetch)");
    assertThat(FetchDeadline.REMOTE).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void aTricklingMetadataServiceIsCutAtTheFetchDeadlineOverAllItsCalls() {
    EcsMetadataDispatcher metadata = new EcsMetadataDispatcher("role", false);
    server.setDispatcher(new mockwebserver3.Dispatcher() {
      @Override
      public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
        MockResponse r = metadata.dispatch(request);
        // each answer takes ~0.6 s: three of them outlast a 1.5 s deadline though none outlasts a read timeout
        return r.newBuilder().throttleBody(1, 30, TimeUnit.MILLISECONDS).build();
      }
    });
    EcsRamRoleCredentialsProvider p = new EcsRamRoleCredentialsProvider(context(), null, false,
        Duration.ofMillis(1500));
    assertThatThrownBy(p::credentials).isInstanceOf(CredentialsUnavailableException.class)
        .hasMessageContaining("the deadline of one credentials fetch");
  }

  @Test
  void aCredentialsDocumentIsBounded() {
    server.enqueue(new MockResponse.Builder().code(200).chunkedBody(bytes(1024 * 1024), 8192).build());
    UriCredentialsProvider p = new UriCredentialsProvider(context(), "http://127.0.0.1:" + server.getPort() + "/c");
    assertThatThrownBy(p::credentials).isInstanceOf(CredentialsUnavailableException.class)
        .hasMessageContaining("larger than " + BoundedBodies.CREDENTIALS_DOCUMENT_BYTES + " bytes");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void aRefusedConnectionSaysSoFirstAndTheBreakerSaysWhichFailureOpenedIt() throws IOException {
    int port = closedPort();
    HttpTransport t = transport(URI.create("http://127.0.0.1:" + port),
        b -> b.circuitBreaker(2, Duration.ofSeconds(30)));
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> t.call(describeVpcs())).isInstanceOf(CloudIoException.class)
          .hasMessageStartingWith("vpc:DescribeVpcs: connection refused at 127.0.0.1:" + port);
    }
    // before: "the circuit breaker of this endpoint is open after 2 failed requests … tune AliyunOptions…"
    assertThatThrownBy(() -> t.call(describeVpcs())).isInstanceOf(CloudIoException.class)
        .hasMessageStartingWith("vpc:DescribeVpcs: connection refused at 127.0.0.1:" + port + " (vpc:DescribeVpcs);"
            + " not sent: the circuit breaker of this endpoint opened after 2 failures in a row");
  }

  @Test
  void anUnknownHostSaysSo() {
    HttpTransport t = transport(URI.create("https://no-such-host.invalid"), b -> b);
    assertThatThrownBy(() -> t.call(describeVpcs())).isInstanceOf(CloudIoException.class)
        .hasMessageStartingWith("vpc:DescribeVpcs: unknown host no-such-host.invalid");
  }
}
