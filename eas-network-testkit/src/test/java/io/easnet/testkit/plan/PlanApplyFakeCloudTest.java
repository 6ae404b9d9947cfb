package io.easnet.testkit.plan;

import static io.easnet.testkit.plan.PlanFixtures.applier;
import static io.easnet.testkit.plan.PlanFixtures.bare;
import static io.easnet.testkit.plan.PlanFixtures.fake;
import static io.easnet.testkit.plan.PlanFixtures.services;
import static io.easnet.testkit.plan.PlanFixtures.summary;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.analysis.PathResult;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.check.NetworkCheck;
import io.easnet.core.plan.Applier.ApplyResult;
import io.easnet.core.plan.Applier.ChangeResult;
import io.easnet.core.plan.Plan;
import io.easnet.core.plan.Planner.PlanOptions;
import io.easnet.core.plan.Planner.PlanResult;
import io.easnet.core.plan.Planner;
import io.easnet.core.spi.CloudActions;
import io.easnet.testkit.FakeCloud;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plan → apply against the fake cloud → analyse the fake's estate again. */
class PlanApplyFakeCloudTest {
  static final PlanOptions BILLED = PlanOptions.defaults().allowBilled(true);

  static Plan plan(FakeCloud fake, List<ServiceInput> services) {
    PlanResult r = Planner.of(fake.inventory()).plan(services, BILLED);
    assertThat(r.unfixable()).isEmpty();
    return r.plan().orElseThrow();
  }

  static List<Verdict> verdicts(FakeCloud fake, List<ServiceInput> services) {
    NetworkCheck.Builder b = NetworkCheck.builder().inventory(fake.inventory(), "fake");
    services.forEach(b::addService);
    return b.build().run().pathResults().stream().map(PathResult::verdict).toList();
  }

  @Test
  void anAppliedPlanMakesEveryIntentReachableAndPlanningAgainGivesNothing() {
    try (FakeCloud fake = fake(bare())) {
      Plan plan = plan(fake, services());
      assertThat(verdicts(fake, services())).doesNotContain(Verdict.REACHABLE);

      ApplyResult preview = applier(fake, fake).dryRun(plan);
      assertThat(preview.dryRun()).isTrue();
      assertThat(preview.results()).extracting(ChangeResult::status).containsOnly(ChangeResult.Status.WOULD_APPLY);
      assertThat(fake.recordedCalls()).allMatch(c -> c.action().contains(":Describe"));

      ApplyResult result = applier(fake, fake).apply(plan);
      assertThat(result.results()).as(result.toString()).allMatch(ChangeResult::ok);
      assertThat(result.succeeded()).isTrue();
      assertThat(result.results()).hasSize(plan.changes().size());
      assertThat(verdicts(fake, services())).hasSize(7).containsOnly(Verdict.REACHABLE);
      // allowlists are appended to, never covered: the entries the plan did not write survive
      assertThat(fake.inventory().rdsInstance(io.easnet.core.model.ResourceId.RdsInstanceId.of("rm-1")).orElseThrow()
          .allowlists()).extracting(g -> g.name() + " " + g.entries().stream().map(Object::toString).sorted().toList())
          .containsExactlyInAnyOrder("default [127.0.0.1/32]", "eas [192.168.1.0/24, 192.168.2.0/24]");

      Plan again = plan(fake, services());
      assertThat(again.isEmpty()).as(again.toJson()).isTrue();
      assertThat(fake.callCount(CloudActions.CREATE_NAT_GATEWAY)).isEqualTo(1);
      assertThat(fake.callCount(CloudActions.ALLOCATE_EIP)).isEqualTo(1);
    }
  }

  @Test
  void applyingTheSamePlanTwiceWritesNothingTheSecondTime() {
    try (FakeCloud fake = fake(bare())) {
      Plan plan = plan(fake, services());
      applier(fake, fake).apply(plan);
      Map<String, Object> once = summary(fake.inventory());
      fake.clearCalls();

      ApplyResult second = applier(fake, fake).apply(plan);
      assertThat(second.results()).extracting(ChangeResult::status)
          .containsOnly(ChangeResult.Status.ALREADY_IN_PLACE);
      assertThat(fake.recordedCalls()).allMatch(c -> c.action().contains(":Describe"));
      assertThat(summary(fake.inventory())).isEqualTo(once);
    }
  }

  @Test
  void aRefusedChangeFailsWithTheCloudErrorAndItsDependentsAreSkipped() {
    try (FakeCloud fake = fake(bare())) {
      Plan plan = plan(fake, services());
      fake.failNext(CloudActions.CREATE_NAT_GATEWAY, "QuotaExceeded.NatGateway");
      ApplyResult r = applier(fake, fake).apply(plan);
      assertThat(r.succeeded()).isFalse();
      ChangeResult nat = r.results().stream()
          .filter(c -> c.kind() == io.easnet.core.change.Change.ChangeKind.CREATE_NAT_GATEWAY).findFirst().orElseThrow();
      assertThat(nat.status()).isEqualTo(ChangeResult.Status.FAILED);
      assertThat(nat.error()).contains("QuotaExceeded.NatGateway");
      assertThat(r.results()).filteredOn(c -> c.status() == ChangeResult.Status.SKIPPED).isNotEmpty()
          .allMatch(c -> c.message().contains("not attempted"));
      assertThat(r.results()).filteredOn(c -> c.kind() == io.easnet.core.change.Change.ChangeKind.AUTHORIZE_SECURITY_GROUP_RULE)
          .allMatch(c -> c.status() == ChangeResult.Status.APPLIED);

      ApplyResult rerun = applier(fake, fake).apply(plan);
      assertThat(rerun.succeeded()).as(rerun.toString()).isTrue();
      assertThat(verdicts(fake, services())).containsOnly(Verdict.REACHABLE);
    }
  }
}
