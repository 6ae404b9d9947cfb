package io.easnet.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.testkit.internal.wire.TestSigner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
 * {@code eas-net emulator} (the launcher) takes the fake's seeded fault plan on the command line
 * (rates per kind, latency, wire faults as rates, a seed), each option checked with an error naming it; the faults
 * reach the wire, and the same seed replays the same answers.
 */
class EmulatorLauncherFaultsTest {
  private static final String AK = "LTAI-launcher-faults";
  private static final String SECRET = "launcher-faults-secret";
  private static final Map<String, String> ENV = Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", AK,
      "ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET);

  private final OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  private final List<Emulator> started = new ArrayList<>();

  @AfterEach
  void stop() {
    started.forEach(Emulator::close);
    client.connectionPool().evictAll();
  }

  private Emulator launch(String... args) throws Exception {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    Emulator e = EmulatorLauncher.start(args, ENV, sink, sink);
    started.add(e);
    return e;
  }

  private static String refusal(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream sink = new PrintStream(out, true, StandardCharsets.UTF_8);
    EmulatorLauncher.UsageException e = (EmulatorLauncher.UsageException) org.assertj.core.api.Assertions
        .catchThrowable(() -> EmulatorLauncher.start(args, ENV, sink, sink));
    assertThat(e).as("refused: %s", String.join(" ", args)).isNotNull();
    assertThat(e.exitCode).isEqualTo(2);
    return e.getMessage();
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
    String[] args = {"--seed", "42", "--throttling", "0.3", "--throttling-retry-after", "1500ms",
        "--server-errors", "0.2", "--conflicts", "0.1"};
    List<String> first = answers(launch(args), 60);
    List<String> again = answers(launch(args), 60);
    List<String> other = answers(launch("--seed", "43", "--throttling", "0.3", "--throttling-retry-after", "1500ms",
        "--server-errors", "0.2", "--conflicts", "0.1"), 60);

    assertThat(first).contains("200", "400 Throttling.User after 1500", "503 ServiceUnavailable");
    assertThat(first).anyMatch(a -> a.contains("OperationConflict"));
    assertThat(first.stream().filter(a -> !a.equals("200")).count()).isBetween(15L, 45L);
    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void latencyAndWireFaultsAsRates() throws Exception {
    Emulator dropping = launch("--seed", "7", "--wire-drop", "0.5");
    List<String> dropped = answers(dropping, 40);
    assertThat(dropped).contains("IO", "200");
    // a dropped call never reached the fake
    assertThat(dropping.fake().callCount("vpc:DescribeVpcs")).isEqualTo((int) dropped.stream()
        .filter(a -> a.equals("200")).count());

    Emulator cutting = launch("--seed", "7", "--wire-cut", "1");
    assertThat(answers(cutting, 3)).containsOnly("IO");
    assertThat(cutting.fake().callCount("vpc:DescribeVpcs")).as("a cut answer: the call acted").isEqualTo(3);

    Emulator slow = launch("--latency", "250ms", "--faults", "error:InternalError@vpc:DescribeVpcs=0");
    Instant before = slow.fake().clock().instant();
    assertThat(answers(slow, 2)).containsOnly("200");
    assertThat(java.time.Duration.between(before, slow.fake().clock().instant()))
        .isEqualTo(java.time.Duration.ofMillis(500));
  }

  @Test
  void everyFaultOptionIsCheckedNamingItAndTheAcceptedForm() {
    assertThat(refusal("--throttling", "1.5")).contains("--throttling").contains("probability from 0 to 1");
    assertThat(refusal("--server-errors", "lots")).contains("--server-errors").contains("\"lots\"");
    assertThat(refusal("--conflicts", "-0.1")).contains("--conflicts");
    assertThat(refusal("--wire-drop", "NaN")).contains("--wire-drop");
    assertThat(refusal("--wire-cut", "1e400")).contains("--wire-cut");
    assertThat(refusal("--seed", "0x10")).contains("--seed").contains("whole number");
    assertThat(refusal("--latency", "5 parsecs")).contains("latency").contains("250ms");
    assertThat(refusal("--throttling-retry-after", "2s")).contains("needs --throttling");
    assertThat(refusal("--throttling", "0.1", "--throttling-retry-after", "0ms")).contains("at least 1 ms");
    assertThat(refusal("--faults", "throttling@vpc:DescribeVcps=0.1")).contains("vpc:DescribeVcps")
        .contains("vpc:DescribeVpcs");
    assertThat(refusal("--faults", "meteor=0.1")).contains("meteor").contains("throttling, server-error");
    assertThat(refusal("--faults", "error:\u001b[2J=0.1")).doesNotContain("\u001b");
    assertThat(refusal("--max-body-bytes", "-1")).contains("--max-body-bytes");
    // a value cannot smuggle in another fault item
    assertThat(refusal("--latency", "5ms,throttling=1")).contains("--latency").contains("one duration");
    assertThat(refusal("--throttling", "0.1", "--throttling-retry-after", "1s/2s"))
        .contains("--throttling-retry-after");
  }

  @Test
  void aFaultFreeLauncherHasNoFaults() throws Exception {
    Emulator e = launch();
    assertThat(e.fake().faults().isEmpty()).isTrue();
    assertThat(answers(e, 3)).containsOnly("200");
    assertThatThrownBy(() -> launch("--faults")).isInstanceOf(EmulatorLauncher.UsageException.class);
  }
}
