package io.easnet.cli;

import static io.easnet.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.change.Change.ChangeKind;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.plan.Plan;
import io.easnet.core.plan.PlannedChange;
import io.easnet.testkit.FakeCloud;
import io.easnet.testkit.emulator.Emulator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan --allow-removals} on {@code examples/mistakes/allowlist-one-instance-ip} (issue 17, item 4): without the
 * flag the plan only appends the vSwitch block (today's behaviour); with it the plan appends, then removes the single
 * instance address. Applied through the fake's port face and through the wire emulator, it leaves the same estate,
 * and linting it again reports no EASNET-015.
 */
class AllowRemovalsTest {
  private static final String KEY_ID = "LTAI5tAllowRemovals";
  private static final String KEY_SECRET = "allow-removals-secret-value";
  private static final Map<String, String> ENV = Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID,
      "ALIBABA_CLOUD_ACCESS_KEY_SECRET", KEY_SECRET, "ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
  private static final String RDS = "rm-bp1oneip3g6j9m2p5s8v1";

  private FakeCloud wired;
  private FakeCloud ported;
  private Emulator emulator;

  @BeforeEach
  void start() throws IOException {
    wired = FakeCloud.builder().asyncDelay(Duration.ZERO).build().load(Path.of(example("mistakes/estate.json")));
    ported = FakeCloud.builder().asyncDelay(Duration.ZERO).build().load(Path.of(example("mistakes/estate.json")));
    emulator = Emulator.builder().fake(wired).accessKey(KEY_ID, KEY_SECRET).build().start();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private static String intents() {
    return example("mistakes/allowlist-one-instance-ip.intents.json");
  }

  @Test
  void withoutTheFlagThePlanOnlyAppends(@TempDir Path dir) {
    Path plan = dir.resolve("plan.json");
    Cli.Result r = Cli.run("plan", "--snapshot", example("mistakes/estate.json"), "--intents", intents(), "-o",
        plan.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(Plan.read(plan).changes()).extracting(PlannedChange::kind)
        .containsExactly(ChangeKind.APPEND_ALLOWLIST_ENTRIES);
    assertThat(r.out()).doesNotContain("remove");
  }

  @Test
  void withTheFlagThePlanAppendsThenRemovesAndBothFacesLeaveOneEstateWithoutEasnet015(@TempDir Path dir) {
    Path plan = dir.resolve("plan.json");
    Cli.Result r = Cli.run("plan", "--snapshot", example("mistakes/estate.json"), "--intents", intents(),
        "--allow-removals", "-o", plan.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    List<PlannedChange> changes = Plan.read(plan).changes();
    assertThat(changes).extracting(PlannedChange::kind).containsExactly(ChangeKind.APPEND_ALLOWLIST_ENTRIES,
        ChangeKind.REMOVE_ALLOWLIST_ENTRIES);
    // the removal comes after, and depends on, the append of the block that replaces the address
    assertThat(changes.get(1).dependsOn()).containsExactly(changes.get(0).id());
    assertThat(changes.get(1).description()).isEqualTo("remove 192.168.4.23 from allowlist group eas of " + RDS
        + " (ModifySecurityIps with ModifyMode Delete); 192.168.4.0/24 in group eas keeps admitting the EAS vSwitch");
    assertThat(r.out()).contains("remove 192.168.4.23 from allowlist group eas");

    Cli.Result dry = Cli.run((region, endpoint, env) -> ported, ENV, "apply", "--endpoint", "fake.invalid",
        "--dry-run", plan.toString());
    assertThat(dry.code()).as(dry.toString()).isZero();
    Cli.Result viaPort = Cli.run((region, endpoint, env) -> ported, ENV, "apply", "--endpoint", "fake.invalid",
        plan.toString());
    assertThat(viaPort.code()).as(viaPort.toString()).isZero();
    Cli.Result viaWire = Cli.run(Terminal.none(), ENV, "apply", "--endpoint", emulator.endpoint(), plan.toString());
    assertThat(viaWire.code()).as(viaWire.toString()).isZero();
    assertThat(emulator.nearMisses()).isEmpty();

    // one estate from both faces: the allowlists, and the whole inventory
    assertThat(allowlists(wired)).isEqualTo(allowlists(ported)).containsExactly(
        AllowlistGroup.builder().name("default").entries(List.of(Cidr.parse("127.0.0.1"))).build(),
        AllowlistGroup.builder().name("eas").entries(List.of(Cidr.parse("192.168.4.0/24"))).build());
    assertThat(wired.inventory()).isEqualTo(ported.inventory());

    Cli.Result lint = Cli.run(Terminal.none(), ENV, "lint", "--endpoint", emulator.endpoint(), "--intents",
        intents());
    assertThat(lint.out() + lint.err()).as(lint.toString()).doesNotContain("EASNET-015");
    Cli.Result again = Cli.run(Terminal.none(), ENV, "plan", "--endpoint", emulator.endpoint(), "--intents",
        intents(), "--allow-removals", "-o", dir.resolve("again.json").toString());
    assertThat(again.code()).as(again.toString()).isZero();
    assertThat(Plan.read(dir.resolve("again.json")).isEmpty()).isTrue();
  }

  private static List<AllowlistGroup> allowlists(FakeCloud fake) {
    return fake.inventory().rdsInstances().stream().filter(i -> i.id().value().equals(RDS)).findFirst()
        .map(RdsInstance::allowlists).orElseThrow();
  }
}
