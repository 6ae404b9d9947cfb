package io.easnet.cli;

import static io.easnet.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.json.SnapshotJson;
import io.easnet.core.plan.Plan;
import io.easnet.testkit.FakeCloud;
import io.easnet.testkit.emulator.Emulator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eas-net} live, through the real Aliyun adapter, against the wire emulator serving the mistakes estate:
 * doctor finds the blocker, plan fixes it, apply writes it over HTTP, doctor is then clean and a second plan is
 * empty. Credentials come from the command's environment ({@code ALIBABA_CLOUD_*}), as from a shell.
 */
class LiveAgainstEmulatorTest {
  private static final String KEY_ID = "LTAI5tCliLive";
  private static final String KEY_SECRET = "cli-live-secret-value";
  private static final Map<String, String> ENV = Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID,
      "ALIBABA_CLOUD_ACCESS_KEY_SECRET", KEY_SECRET, "ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");

  private FakeCloud fake;
  private Emulator emulator;

  @BeforeEach
  void start() throws IOException {
    // the standalone emulator's setting: asynchronous changes settle by the next request
    fake = FakeCloud.builder().asyncDelay(Duration.ZERO).build().load(Path.of(example("mistakes/estate.json")));
    emulator = Emulator.builder().fake(fake).accessKey(KEY_ID, KEY_SECRET).build().start();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private Cli.Result run(String... args) {
    return Cli.run(Terminal.none(), ENV, args);
  }

  @Test
  void doctorPlanApplyDoctorAndAnEmptySecondPlan(@TempDir Path dir) {
    String intents = example("mistakes/no-snat-entry.intents.json");
    String endpoint = emulator.endpoint(); // host:port, as the launcher prints it

    Cli.Result before = run("doctor", "--endpoint", endpoint, "--intents", intents);
    assertThat(before.code()).as(before.toString()).isEqualTo(1);
    assertThat(before.out()).contains("SNAT_NO_ENTRY_FOR_SOURCE");

    Path plan = dir.resolve("plan.json");
    Cli.Result p = run("plan", "--endpoint", endpoint, "--intents", intents, "--output", plan.toString());
    assertThat(p.code()).as(p.toString()).isZero();
    assertThat(Plan.read(plan).changes()).isNotEmpty();

    Cli.Result apply = run("apply", "--endpoint", endpoint, plan.toString());
    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(fake.calls()).contains("vpc:CreateSnatEntry");

    Cli.Result after = run("doctor", "--endpoint", endpoint, "--intents", intents);
    assertThat(after.code()).as(after.toString()).isZero();

    Path again = dir.resolve("again.json");
    Cli.Result second = run("plan", "--endpoint", endpoint, "--intents", intents, "--output", again.toString());
    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(Plan.read(again).isEmpty()).isTrue();
    assertThat(emulator.nearMisses()).isEmpty();
  }

  @Test
  void snapshotCapturesAVpcOverTheWire(@TempDir Path dir) {
    Path out = dir.resolve("captured.json");
    String vpc = fake.inventory().vpcs().get(0).id().value();
    Cli.Result r = run("snapshot", "--endpoint", emulator.url(), "--vpc", vpc, "--output", out.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(SnapshotJson.read(out).inventory().vSwitches())
        .isNotEmpty()
        .allSatisfy(v -> assertThat(v.vpcId().value()).isEqualTo(vpc));
  }

  @Test
  void wrongCredentialsAreACloudFailureWithoutTheSecret() {
    Cli.Result r = Cli.run(Terminal.none(), Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID,
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "not-the-secret-xyz"), "lint", "--endpoint", emulator.endpoint(),
        "--vpc", fake.inventory().vpcs().get(0).id().value());
    assertThat(r.code()).as(r.toString()).isEqualTo(3);
    assertThat(r.err()).contains("SignatureDoesNotMatch").doesNotContain("not-the-secret-xyz")
        .doesNotContain("\tat ");
  }

  @Test
  void aMalformedEndpointIsAUsageError() {
    Cli.Result r = run("lint", "--endpoint", "http://bad host:1", "--vpc", "vpc-bp1kjr3rfyhx01q8z2m5n");
    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("--endpoint http://bad host:1");
  }
}
