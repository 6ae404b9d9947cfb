package io.easnet.testkit.plan;

import static io.easnet.testkit.plan.PlanFixtures.applier;
import static io.easnet.testkit.plan.PlanFixtures.bare;
import static io.easnet.testkit.plan.PlanFixtures.fake;
import static io.easnet.testkit.plan.PlanFixtures.services;
import static io.easnet.testkit.plan.PlanFixtures.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.plan.Applier.ApplyResult;
import io.easnet.core.plan.Applier.ChangeResult;
import io.easnet.core.plan.Plan;
import io.easnet.core.spi.CloudActions;
import io.easnet.core.spi.CloudPort;
import io.easnet.testkit.FakeCloud;
import io.easnet.testkit.FaultPlan;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Crash after every write of an apply, then run it again: the same estate as an apply that never crashed, no
 * duplicate of anything; and seeded throttling and "busy" conflicts during an apply still end right.
 */
class PlanApplyCrashTest {
  /** The writes the plan's changes make to the fake, counted by a crashing port that never crashes. */
  private static int writesOfOneApply(Plan plan) {
    try (FakeCloud fake = fake(bare())) {
      AtomicInteger writes = new AtomicInteger();
      ApplyResult r = applier(CrashingPort.after(fake, Integer.MAX_VALUE, writes), fake).apply(plan);
      assertThat(r.succeeded()).isTrue();
      return writes.get();
    }
  }

  private static Map<String, Object> uncrashed(Plan plan) {
    try (FakeCloud fake = fake(bare())) {
      assertThat(applier(fake, fake).apply(plan).succeeded()).isTrue();
      return summary(fake.inventory());
    }
  }

  @Test
  void aRerunAfterACrashAtAnyWriteEndsInTheSameEstateWithoutDuplicates() {
    Plan plan;
    try (FakeCloud fake = fake(bare())) {
      plan = PlanApplyFakeCloudTest.plan(fake, services());
    }
    Map<String, Object> expected = uncrashed(plan);
    int writes = writesOfOneApply(plan);
    assertThat(writes).isGreaterThanOrEqualTo(plan.changes().size() - 1);

    for (int n = 1; n <= writes; n++) {
      try (FakeCloud fake = fake(bare())) {
        int crashAt = n;
        CloudPort crashing = CrashingPort.after(fake, crashAt, new AtomicInteger());
        assertThatThrownBy(() -> applier(crashing, fake).apply(plan)).as("crash at write %d", crashAt)
            .isInstanceOf(CrashingPort.Crash.class);

        ApplyResult rerun = applier(fake, fake).apply(plan);
        assertThat(rerun.succeeded()).as("re-run after a crash at write %d: %s", crashAt, rerun).isTrue();
        assertThat(rerun.results()).as("crash at write %d", crashAt)
            .anyMatch(r -> r.status() == ChangeResult.Status.ALREADY_IN_PLACE);
        assertThat(summary(fake.inventory())).as("estate after a crash at write %d", crashAt).isEqualTo(expected);
        assertThat(fake.inventory().natGateways()).hasSize(1);
        assertThat(fake.inventory().eips()).hasSize(1);
        assertThat(PlanApplyFakeCloudTest.verdicts(fake, services())).containsOnly(Verdict.REACHABLE);
        assertThat(PlanApplyFakeCloudTest.plan(fake, services()).isEmpty()).isTrue();
      }
    }
  }

  @Test
  void aDryRunAfterACrashShowsWhatIsDoneAndWhatIsLeftWithoutWriting() {
    Plan plan;
    try (FakeCloud clean = fake(bare())) {
      plan = PlanApplyFakeCloudTest.plan(clean, services());
    }
    try (FakeCloud fake = fake(bare())) {
      CloudPort crashing = CrashingPort.after(fake, 4, new AtomicInteger());
      assertThatThrownBy(() -> applier(crashing, fake).apply(plan)).isInstanceOf(CrashingPort.Crash.class);
      fake.clearCalls();
      ApplyResult preview = applier(fake, fake).dryRun(plan);
      assertThat(fake.recordedCalls()).allMatch(c -> c.action().contains(":Describe"));
      assertThat(preview.count(ChangeResult.Status.ALREADY_IN_PLACE)).isPositive();
      assertThat(preview.count(ChangeResult.Status.WOULD_APPLY)).isPositive();
      assertThat(preview.count(ChangeResult.Status.ALREADY_IN_PLACE) + preview.count(ChangeResult.Status.WOULD_APPLY))
          .isEqualTo(plan.changes().size());
      assertThat(preview.result("change-1").orElseThrow().status()).isEqualTo(ChangeResult.Status.ALREADY_IN_PLACE);
    }
  }

  @Test
  void seededThrottlingAndConflictsDuringAnApplyStillEndRight() {
    for (long seed = 1; seed <= 5; seed++) {
      Plan plan;
      try (FakeCloud clean = fake(bare())) {
        plan = PlanApplyFakeCloudTest.plan(clean, services());
      }
      FaultPlan faults = FaultPlan.builder().fail(FaultPlan.ANY_ACTION, "Throttling", 0.2)
          .fail(CloudActions.CREATE_SNAT_ENTRY, "OperationConflict", 0.3)
          .fail(CloudActions.ASSOCIATE_EIP, "IncorrectStatus.NatGateway", 0.3).build();
      try (FakeCloud fake = FakeCloud.builder().seed(seed).inventory(bare()).faults(faults).build()) {
        ApplyResult r = applier(fake, fake).apply(plan);
        assertThat(r.succeeded()).as("seed %d: %s", seed, r).isTrue();
        long failures = fake.recordedCalls().stream().filter(c -> !c.succeeded()).count();
        assertThat(failures).as("seed %d injected faults", seed).isPositive();
        fake.faults(FaultPlan.none());
        assertThat(summary(fake.inventory())).isEqualTo(uncrashed(plan));
        assertThat(PlanApplyFakeCloudTest.verdicts(fake, services())).containsOnly(Verdict.REACHABLE);
      }
    }
  }

  @Test
  void aGatewayThatNeverBecomesAvailableFailsAtTheDeadlineWithoutSleeping() {
    Plan plan;
    try (FakeCloud clean = fake(bare())) {
      plan = PlanApplyFakeCloudTest.plan(clean, services());
    }
    try (FakeCloud fake = FakeCloud.builder().inventory(bare()).asyncDelay(java.time.Duration.ofHours(2)).build()) {
      java.time.Instant start = fake.clock().instant();
      ApplyResult r = io.easnet.core.plan.Applier.builder(fake).clock(fake.clock()).sleeper(fake::advance)
          .timeout(java.time.Duration.ofMinutes(10)).build().apply(plan);
      ChangeResult nat = r.results().stream()
          .filter(c -> c.kind() == io.easnet.core.change.Change.ChangeKind.CREATE_NAT_GATEWAY).findFirst().orElseThrow();
      assertThat(nat.status()).isEqualTo(ChangeResult.Status.FAILED);
      assertThat(nat.error()).contains("Timeout");
      assertThat(nat.message()).contains("run apply again");
      assertThat(r.results()).filteredOn(c -> c.status() == ChangeResult.Status.SKIPPED).isNotEmpty();
      assertThat(java.time.Duration.between(start, fake.clock().instant())).isLessThan(java.time.Duration.ofHours(1));
      List<ChangeResult> rules = r.results().stream()
          .filter(c -> c.kind() == io.easnet.core.change.Change.ChangeKind.AUTHORIZE_SECURITY_GROUP_RULE).toList();
      assertThat(rules).isNotEmpty().allMatch(c -> c.status() == ChangeResult.Status.APPLIED);
    }
  }
}
