package io.easnet.testkit.plan;

import static io.easnet.testkit.plan.PlanFixtures.bare;
import static io.easnet.testkit.plan.PlanFixtures.fake;
import static io.easnet.testkit.plan.PlanFixtures.services;
import static io.easnet.testkit.plan.PlanFixtures.summary;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.CloudIoException;
import io.easnet.core.CloudTimeoutException;
import io.easnet.core.plan.Applier;
import io.easnet.core.plan.Applier.ApplyResult;
import io.easnet.core.plan.Applier.ChangeResult;
import io.easnet.core.plan.Plan;
import io.easnet.core.spi.CloudActions;
import io.easnet.core.spi.CloudPort;
import io.easnet.testkit.FakeCloud;
import io.easnet.testkit.FaultPlan;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Every wait of the applier is capped at {@link Applier#MAX_WAIT} and counted against the
 * change's deadline, whatever retry-after the cloud sends; transient failures that outlast the adapter (I/O errors,
 * timeouts, an open circuit breaker) are retried by re-running the change from its state check, so one apply
 * finishes. Nothing sleeps: the sleeper records each wait (and moves the fake's clock, or not).
 */
class ApplierWaitsTest {
  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

  private static Plan plan() {
    try (FakeCloud clean = fake(bare())) {
      return PlanApplyFakeCloudTest.plan(clean, services());
    }
  }

  private static Map<String, Object> uncrashed(Plan plan) {
    try (FakeCloud fake = fake(bare())) {
      assertThat(PlanFixtures.applier(fake, fake).apply(plan).succeeded()).isTrue();
      return summary(fake.inventory());
    }
  }

  /** Per change: the waits the applier asked for (the sleeper is called between changes' steps in order). */
  private static final class Recorder implements io.easnet.core.spi.Sleeper {
    final List<Duration> waits = new ArrayList<>();
    final FakeCloud clockOwner;

    Recorder(FakeCloud clockOwner) {
      this.clockOwner = clockOwner;
    }

    @Override
    public void sleep(Duration d) {
      waits.add(d);
      if (clockOwner != null) {
        clockOwner.advance(d);
      }
    }

    Duration total() {
      return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }
  }

  @Test
  void aRetryAfterOfThirtyYearsIsCappedAndADryRunEndsByTheDeadline() {
    Plan plan = plan();
    // 1,000,000,000,000 ms: the x-acs-retry-after that made a dry run sleep 31 years
    FaultPlan faults = FaultPlan.builder()
        .throttle(CloudActions.DESCRIBE_NAT_GATEWAYS, 1.0, Duration.ofMillis(1_000_000_000_000L)).build();
    try (FakeCloud fake = FakeCloud.builder().inventory(bare()).faults(faults).build()) {
      Recorder sleeper = new Recorder(fake);
      ApplyResult r = Applier.builder(fake).clock(fake.clock()).sleeper(sleeper).timeout(TEN_MINUTES).build()
          .dryRun(plan);

      assertThat(sleeper.waits).isNotEmpty().allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Applier.MAX_WAIT));
      // one change reads the NAT gateways: all its waits fit in its deadline
      assertThat(sleeper.total()).isLessThanOrEqualTo(TEN_MINUTES);
      ChangeResult nat = r.results().stream()
          .filter(c -> c.kind() == io.easnet.core.change.Change.ChangeKind.CREATE_NAT_GATEWAY).findFirst().orElseThrow();
      assertThat(nat.status()).isEqualTo(ChangeResult.Status.FAILED);
      assertThat(nat.message()).contains("run apply again");
      assertThat(fake.recordedCalls()).noneMatch(c -> !c.action().contains(":Describe"));
    }
  }

  @Test
  void aGatewayStuckInCreatingUnderAnHourOfRetryAfterEndsByTheTenMinuteDeadline() {
    Plan plan = plan();
    try (FakeCloud fake = FakeCloud.builder().inventory(bare()).asyncDelay(Duration.ofDays(1)).build()) {
      Recorder sleeper = new Recorder(fake);
      Applier applier = Applier.builder(fake).clock(fake.clock()).sleeper(sleeper).timeout(TEN_MINUTES).build();
      // the gateway is created, then every read of it is throttled with an hour's retry-after
      fake.faults(FaultPlan.builder().throttle(CloudActions.DESCRIBE_NAT_GATEWAYS, 0.7, Duration.ofHours(1))
          .build());
      ApplyResult r = applier.apply(plan);

      ChangeResult nat = r.results().stream()
          .filter(c -> c.kind() == io.easnet.core.change.Change.ChangeKind.CREATE_NAT_GATEWAY).findFirst().orElseThrow();
      assertThat(nat.status()).isEqualTo(ChangeResult.Status.FAILED);
      assertThat(nat.message()).contains("run apply again");
      assertThat(sleeper.waits).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Applier.MAX_WAIT));
      // only the NAT change (and nothing after it that waits) spends time: its waits fit its deadline
      assertThat(sleeper.total()).isLessThanOrEqualTo(TEN_MINUTES);
    }
  }

  @Test
  void aSleeperThatDoesNotMoveTheClockStillEndsTheChangeByItsDeadline() {
    Plan plan = plan();
    FaultPlan faults = FaultPlan.builder().throttle(FaultPlan.ANY_ACTION, 1.0, Duration.ofSeconds(45)).build();
    try (FakeCloud fake = FakeCloud.builder().inventory(bare()).faults(faults).build()) {
      Recorder sleeper = new Recorder(null); // the clock never moves
      int changes = plan.changes().size();
      ApplyResult r = Applier.builder(fake).clock(fake.clock()).sleeper(sleeper).timeout(Duration.ofMinutes(2))
          .maxAttempts(1_000).build().apply(plan);

      assertThat(r.succeeded()).isFalse();
      assertThat(sleeper.waits).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Applier.MAX_WAIT));
      assertThat(sleeper.total()).isLessThanOrEqualTo(Duration.ofMinutes(2).multipliedBy(changes));
    }
  }

  @Test
  void ioErrorsAndAnOpenBreakerThatOutlastTheAdapterAreRetriedAndOneApplyFinishes() {
    Plan plan = plan();
    Map<String, Object> expected = uncrashed(plan);
    for (long seed = 1; seed <= 10; seed++) {
      try (FakeCloud fake = fake(bare())) {
        AtomicInteger injected = new AtomicInteger();
        CloudPort flaky = Flaky.over(fake, new SplittableRandom(seed), 0.3, injected);
        ApplyResult r = PlanFixtures.applier(flaky, fake).apply(plan);

        assertThat(r.succeeded()).as("seed %d: %s", seed, r).isTrue();
        assertThat(injected.get()).as("seed %d injected", seed).isPositive();
        assertThat(summary(fake.inventory())).as("seed %d", seed).isEqualTo(expected);
        assertThat(fake.inventory().natGateways()).hasSize(1);
        assertThat(fake.inventory().eips()).hasSize(1);
      }
    }
  }

  /**
   * A port whose calls fail, with a seeded probability, the way an adapter fails once its own attempts are spent:
   * an I/O error before the call (nothing sent), an open circuit breaker (nothing sent), a timeout after a write
   * acted (the answer is lost).
   */
  static final class Flaky {
    private Flaky() {}

    static CloudPort over(CloudPort port, SplittableRandom random, double rate, AtomicInteger injected) {
      return (CloudPort) Proxy.newProxyInstance(CloudPort.class.getClassLoader(), new Class<?>[] {CloudPort.class},
          (proxy, method, args) -> {
            Object api = method.invoke(port, args);
            if (method.getReturnType() == CloudPort.class || !method.getReturnType().isInterface()) {
              return api;
            }
            return Proxy.newProxyInstance(CloudPort.class.getClassLoader(), new Class<?>[] {method.getReturnType()},
                (p2, m2, a2) -> {
                  double draw;
                  int kind;
                  synchronized (random) {
                    draw = random.nextDouble();
                    kind = random.nextInt(3);
                  }
                  String action = method.getName() + "." + m2.getName();
                  if (draw < rate && kind == 0) {
                    injected.incrementAndGet();
                    throw CloudIoException.of(action, "http://127.0.0.1:1", 3, "Connection reset", null);
                  }
                  if (draw < rate && kind == 1) {
                    injected.incrementAndGet();
                    throw CloudIoException.of(action, "http://127.0.0.1:1", 1, "the circuit breaker of this"
                        + " endpoint is open", null);
                  }
                  Object out;
                  try {
                    out = m2.invoke(api, a2);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                  if (draw < rate) {
                    injected.incrementAndGet();
                    throw CloudTimeoutException.of(action, "the HTTP response", Duration.ofSeconds(30), null);
                  }
                  return out;
                });
          });
    }
  }
}
