package io.easnet.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.testkit.FakeCloud;
import io.easnet.testkit.FaultPlan;
import io.easnet.testkit.internal.wire.TestSigner;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The standalone emulator's setting, built through the library (what {@code eas-net emulator} builds from its
 * options): the fake's seeded fault plan (rates per kind, latency) and wire faults as rates reach the wire, and the
 * same seed replays the same answers.
 */
class EmulatorFaultsTest {
  private static final String AK = "LTAI-emulator-faults";
  private static final String SECRET = "emulator-faults-secret";

  private final OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  private final List<Emulator> started = new ArrayList<>();

  @AfterEach
  void stop() {
    started.forEach(Emulator::close);
    client.connectionPool().evictAll();
  }

  /** An emulator as the command line builds one: the fake's faults, wire faults as rates, one seed for both. */
  private Emulator launch(long seed, String faults, double wireDrop, double wireCut) throws IOException {
    FakeCloud fake = FakeCloud.builder().asyncDelay(java.time.Duration.ZERO).seed(seed).build();
    fake.faults(FaultPlan.parse(faults));
    Emulator.Builder b = Emulator.builder().fake(fake).accessKey(AK, SECRET).wireFaultSeed(seed);
    if (wireDrop > 0) {
      b.resetConnectionRate(Emulator.ANY_OPERATION, wireDrop);
    }
    if (wireCut > 0) {
      b.truncateBodyRate(Emulator.ANY_OPERATION, wireCut);
    }
    Emulator e = b.build().start();
    started.add(e);
    return e;
  }

  private Request describeVpcs(String url) {
    Map<String, String> p = new TreeMap<>();
    p.put("Action", "DescribeVpcs");
    p.put("Version", "2016-04-28");
    p.put("RegionId", "cn-hangzhou");
    p.put("AccessKeyId", AK);
    p.put("SignatureMethod", "HMAC-SHA1");
    p.put("SignatureVersion", "1.0");
    p.put("SignatureNonce", java.util.UUID.randomUUID().toString());
    p.put("Timestamp", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    return new Request.Builder().url(url + "/?" + TestSigner.v1Encoded("GET", p, SECRET)).build();
  }

  /** The status and code of each answer, "IO" when the connection broke. */
  private List<String> answers(Emulator e, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      try (Response r = client.newCall(describeVpcs(e.url())).execute()) {
        String body = r.body().string();
        String retry = r.header("x-acs-retry-after");
        out.add(r.code() + (r.code() == 200 ? "" : " " + body.replaceAll(".*\"Code\":\"([^\"]*)\".*", "$1"))
            + (retry == null ? "" : " after " + retry));
      } catch (IOException io) {
        out.add("IO");
      }
      client.connectionPool().evictAll();
    }
    return out;
  }

  @Test
  void cloudFaultsPerKindReachTheWireAndASeedReplaysThem() throws Exception {
    String faults = "throttling=0.3/1500ms,server-error=0.2,conflict=0.1";
    List<String> first = answers(launch(42, faults, 0, 0), 60);
    List<String> again = answers(launch(42, faults, 0, 0), 60);
    List<String> other = answers(launch(43, faults, 0, 0), 60);

    assertThat(first).contains("200", "400 Throttling.User after 1500", "503 ServiceUnavailable");
    assertThat(first).anyMatch(a -> a.contains("OperationConflict"));
    assertThat(first.stream().filter(a -> !a.equals("200")).count()).isBetween(15L, 45L);
    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void latencyAndWireFaultsAsRates() throws Exception {
    Emulator dropping = launch(7, "", 0.5, 0);
    List<String> dropped = answers(dropping, 40);
    assertThat(dropped).contains("IO", "200");
    // a dropped call never reached the fake
    assertThat(dropping.fake().callCount("vpc:DescribeVpcs")).isEqualTo((int) dropped.stream()
        .filter(a -> a.equals("200")).count());

    Emulator cutting = launch(7, "", 0, 1);
    assertThat(answers(cutting, 3)).containsOnly("IO");
    assertThat(cutting.fake().callCount("vpc:DescribeVpcs")).as("a cut answer: the call acted").isEqualTo(3);

    List<java.time.Duration> slept = new java.util.concurrent.CopyOnWriteArrayList<>();
    FakeCloud fake = FakeCloud.builder().asyncDelay(java.time.Duration.ZERO).build();
    fake.faults(FaultPlan.parse("latency=250ms"));
    Emulator slow = Emulator.builder().fake(fake).accessKey(AK, SECRET).sleeper(slept::add).build().start();
    started.add(slow);
    Instant before = fake.clock().instant();
    assertThat(answers(slow, 2)).containsOnly("200");
    assertThat(java.time.Duration.between(before, fake.clock().instant()))
        .isEqualTo(java.time.Duration.ofMillis(500));
    assertThat(slept).as("waited on the wire, through the injected sleeper")
        .containsExactly(java.time.Duration.ofMillis(250), java.time.Duration.ofMillis(250));
  }
}
