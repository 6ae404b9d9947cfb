package io.easnet.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.testkit.internal.wire.TestSigner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void theLauncherPrintsTheEndpointAndServes(@TempDir Path dir) throws Exception {
    Path secretFile = Files.writeString(dir.resolve("secret"), SECRET + "\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    emulator = EmulatorLauncher.start(new String[] {"--port", "0", "--access-key-id", AK,
        "--access-key-secret-file", secretFile.toString()}, Map.of(), print(out), print(err));
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("listening on " + emulator.url()).contains("endpoint: " + emulator.endpoint())
        .contains(AK).doesNotContain(SECRET);
    assertThat(send(describeVpcs(emulator.url(), "DescribeVpc"))).startsWith("404 ");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("near miss").contains("vpc:DescribeVpcs");
  }

  @Test
  void theLauncherTakesTheKeyPairFromTheEnvironment() throws Exception {
    emulator = EmulatorLauncher.start(new String[0], Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", AK,
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET), print(new ByteArrayOutputStream()),
        print(new ByteArrayOutputStream()));
    assertThat(send(describeVpcs(emulator.url(), "DescribeVpcs"))).startsWith("200 ");
  }

  @Test
  void theLauncherRefusesBadUsageWithExitCodeTwo() {
    PrintStream sink = print(new ByteArrayOutputStream());
    Map<String, String> env = Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", AK, "ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET);
    assertThatThrownBy(() -> EmulatorLauncher.start(new String[] {"--port", "http"}, env, sink, sink))
        .isInstanceOfSatisfying(EmulatorLauncher.UsageException.class, e -> {
          assertThat(e.exitCode).isEqualTo(2);
          assertThat(e.getMessage()).contains("--port").doesNotContain(SECRET);
        });
    assertThatThrownBy(() -> EmulatorLauncher.start(new String[] {"--snapshots", "x.json"}, env, sink, sink))
        .hasMessageContaining("unknown option --snapshots");
    assertThatThrownBy(() -> EmulatorLauncher.start(new String[] {"--port"}, env, sink, sink))
        .hasMessageContaining("--port needs a value");
  }

  @Test
  void theLauncherLoadsASnapshotAndServesItsEstate(@TempDir Path dir) throws Exception {
    io.easnet.testkit.FakeCloud source = io.easnet.testkit.FakeCloud.create();
    source.estate().vpc("prod", "192.168.0.0/16").vSwitch("eas", "192.168.1.0/24");
    Path snapshot = dir.resolve("estate.json");
    source.save(snapshot);
    String vpcId = source.id(io.easnet.core.model.VpcId.class, "prod").value();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    emulator = EmulatorLauncher.start(new String[] {"--port", "0", "--snapshot", snapshot.toString(),
        "--access-key-id", AK, "--access-key-secret", SECRET}, Map.of(), print(out), print(new ByteArrayOutputStream()));
    String printed = out.toString(StandardCharsets.UTF_8);
    String url = printed.lines().filter(l -> l.startsWith("eas-network emulator listening on ")).findFirst()
        .orElseThrow().substring("eas-network emulator listening on ".length());
    assertThat(printed).contains("access key id: " + AK).contains(snapshot.toString()).doesNotContain(SECRET);
    assertThat(send(describeVpcs(url, "DescribeVpcs"))).startsWith("200 ").contains(vpcId);
    assertThat(emulator.fake().callCount("vpc:DescribeVpcs")).isEqualTo(1);
  }

  @Test
  void aMissingOrBadSnapshotIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
    PrintStream sink = print(new ByteArrayOutputStream());
    Path missing = dir.resolve("missing.json");
    assertThatThrownBy(() -> EmulatorLauncher.start(new String[] {"--snapshot", missing.toString()}, Map.of(), sink,
        sink)).isInstanceOfSatisfying(EmulatorLauncher.UsageException.class, e -> {
          assertThat(e.exitCode).isEqualTo(2);
          assertThat(e.getMessage()).contains(missing.toString()).contains("no such file");
        });
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"schemaVersion\": 1, \"vpcz\": []}");
    assertThatThrownBy(() -> EmulatorLauncher.start(new String[] {"--snapshot", bad.toString()}, Map.of(), sink,
        sink)).isInstanceOfSatisfying(EmulatorLauncher.UsageException.class, e -> {
          assertThat(e.exitCode).isEqualTo(2);
          assertThat(e.getMessage()).contains(bad.toString()).contains("not a valid snapshot").contains("/vpcz")
              .contains("did you mean");
        });
  }

  @Test
  void withoutASecretTheLauncherGeneratesOneAndPrintsItOnce() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    emulator = EmulatorLauncher.start(new String[0], Map.of(), print(out), print(new ByteArrayOutputStream()));
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("access key id: " + EmulatorLauncher.DEFAULT_ACCESS_KEY_ID);
    String secret = printed.lines().filter(l -> l.trim().startsWith("access key secret: ")).findFirst().orElseThrow()
        .trim().substring("access key secret: ".length()).split(" ")[0];
    assertThat(secret).hasSize(32);
    assertThat(printed.split(secret, -1)).as("printed once").hasSize(2);
    assertThat(String.join("\n", emulator.log()) + emulator).doesNotContain(secret);
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
