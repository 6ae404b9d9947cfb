package io.easnet.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.testkit.internal.wire.TestSigner;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The public face: the builder, a running emulator, and the standalone launcher. */
class EmulatorTest {
  private static final String AK = "LTAI-emulator-test";
  private static final String SECRET = "emulator-test-secret";

  private final OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  private Emulator emulator;

  @AfterEach
  void stop() {
    if (emulator != null) {
      emulator.close();
    }
    client.connectionPool().evictAll();
  }

  /** A V1-signed GET, computed by the independent test signer. */
  private Request describeVpcs(String url, String action) {
    Map<String, String> p = new TreeMap<>();
    p.put("Action", action);
    p.put("Version", "2016-04-28");
    p.put("RegionId", "cn-hangzhou");
    p.put("AccessKeyId", AK);
    p.put("SignatureMethod", "HMAC-SHA1");
    p.put("SignatureVersion", "1.0");
    p.put("SignatureNonce", java.util.UUID.randomUUID().toString());
    p.put("Timestamp", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    return new Request.Builder().url(url + "/?" + TestSigner.v1Encoded("GET", p, SECRET)).build();
  }

  private String send(Request r) throws IOException {
    try (Response response = client.newCall(r).execute()) {
      return response.code() + " " + response.body().string();
    }
  }

  @Test
  void aRunningEmulatorAnswersAndLogsNearMissesWithoutTheSecret() throws IOException {
    List<String> sink = new CopyOnWriteArrayList<>();
    emulator = Emulator.builder().accessKey(AK, SECRET).log(sink::add).build().start();
    assertThat(emulator.endpoint()).matches("127\\.0\\.0\\.1:\\d+");
    assertThat(emulator.url()).isEqualTo("http://" + emulator.endpoint());

    assertThat(send(describeVpcs(emulator.url(), "DescribeVpcs"))).startsWith("200 ").contains("\"Vpcs\":{\"Vpc\":[]}");
    assertThat(send(describeVpcs(emulator.url(), "DescribeVPCs"))).startsWith("404 ")
        .contains("\"Code\":\"InvalidAction.NotFound\"");
    assertThat(emulator.nearMisses()).singleElement().satisfies(m -> {
      assertThat(m.closestOperation()).isEqualTo("vpc:DescribeVpcs");
      assertThat(m.toString()).contains("near miss").contains("DescribeVPCs").contains("vpc:DescribeVpcs");
    });
    assertThat(sink).containsExactlyElementsOf(emulator.log());
    assertThat(String.join("\n", emulator.log()) + emulator + Emulator.builder().accessKey(AK, SECRET))
        .doesNotContain(SECRET);
  }

  @Test
  void theBuilderChecksEverySetting() {
    assertThatThrownBy(() -> Emulator.builder().build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("accessKey(id, secret)");
    assertThatThrownBy(() -> Emulator.builder().accessKey(" ", "s")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Emulator.builder().accessKey("id", "")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id");
    assertThatThrownBy(() -> Emulator.builder().timestampWindow(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Emulator.builder().resetConnection("vpc:DescribeVpcs", 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> Emulator.builder().truncateBody("eas:DescribeServices", 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eas:DescribeService");
    assertThatThrownBy(() -> Emulator.builder().accessKey(AK, SECRET).build().endpoint())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("start()");
  }

  @Test
  void startingTwiceIsRefused() throws IOException {
    emulator = Emulator.builder().accessKey(AK, SECRET).build().start();
    assertThatThrownBy(() -> emulator.start()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(emulator.url());
  }

  @Test
  void faultsConfiguredOnTheBuilderReachTheWire() throws IOException {
    List<Duration> slept = new CopyOnWriteArrayList<>();
    emulator = Emulator.builder().accessKey(AK, SECRET).sleeper(slept::add)
        .latency(Emulator.ANY_OPERATION, Duration.ofSeconds(3))
        .resetConnection("vpc:DescribeVpcs", 1).build().start();
    assertThatThrownBy(() -> send(describeVpcs(emulator.url(), "DescribeVpcs"))).isInstanceOf(IOException.class);
    assertThat(send(describeVpcs(emulator.url(), "DescribeVpcs"))).startsWith("200 ");
    assertThat(emulator.fake().callCount("vpc:DescribeVpcs")).as("a reset call never reaches the fake").isEqualTo(1);
    assertThat(slept).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
  }

  @Test
  void theFakesFaultPlanLatencyIsWaitedOnTheWireAsItMovesTheFakesClock() throws IOException {
    List<Duration> slept = new CopyOnWriteArrayList<>();
    io.easnet.testkit.FakeCloud fake = io.easnet.testkit.FakeCloud.create();
    fake.faults(io.easnet.testkit.FaultPlan.builder().latency("vpc:DescribeVpcs", Duration.ofMillis(700)).build());
    Instant before = fake.clock().instant();
    emulator = Emulator.builder().fake(fake).accessKey(AK, SECRET).sleeper(slept::add).build().start();
    assertThat(send(describeVpcs(emulator.url(), "DescribeVpcs"))).startsWith("200 ");
    assertThat(slept).containsExactly(Duration.ofMillis(700));
    assertThat(Duration.between(before, fake.clock().instant())).isEqualTo(Duration.ofMillis(700));
    assertThat(fake.recordedCalls()).singleElement()
        .satisfies(c -> assertThat(c.latency()).isEqualTo(Duration.ofMillis(700)));
  }

  @Test
  void theInstalledDispatcherServesAServerTheCallerOwns() throws IOException {
    emulator = Emulator.builder().accessKey(AK, SECRET).build();
    try (mockwebserver3.MockWebServer own = new mockwebserver3.MockWebServer()) {
      own.setDispatcher(emulator.dispatcher());
      own.start();
      String url = "http://" + own.getHostName() + ":" + own.getPort();
      assertThat(send(new Request.Builder().url(url + "/api/v2/services").post(RequestBody.create(new byte[0], null))
          .build())).startsWith("400 ").contains("MissingParameter");
    }
  }
}
