package io.easnet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.CloudServiceException;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.CloudActions;
import io.easnet.core.spi.EcsApi.SecurityGroupRuleRequest;
import io.easnet.testkit.gen.NetworkGenerators;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Invariant: the same seed and the same calls replay the same run: the same ids, the same faults, the same state. */
class SeedDeterminismProperties {
  private record Run(List<FakeCloud.RecordedCall> calls, Inventory state) {}

  private static Run run(long seed, long script) {
    SplittableRandom r = new SplittableRandom(script);
    double p = r.nextDouble();
    FakeCloud fake = FakeCloud.builder().seed(seed)
        .faults(FaultPlan.builder().fail(FaultPlan.ANY_ACTION, "Throttling", p)
            .fail(CloudActions.AUTHORIZE_SECURITY_GROUP, "ServiceUnavailable", p / 2).build())
        .build();
    fake.estate().vpc("v", "10.0.0.0/16").vSwitch("s", "10.0.1.0/24").securityGroup("g");
    int ops = r.nextInt(1, 40);
    for (int i = 0; i < ops; i++) {
      try {
        switch (r.nextInt(3)) {
          case 0 -> fake.vpc().describeVSwitch(fake.id(VSwitchId.class, "s"));
          case 1 -> fake.ecs().authorizeRule(SecurityGroupRuleRequest.of(fake.id(SecurityGroupId.class, "g"),
              NetworkGenerators.rule(r).toBuilder().direction(io.easnet.core.model.SecurityGroupRule.Direction.INGRESS).build()));
          default -> fake.ecs().describeSecurityGroup(fake.id(SecurityGroupId.class, "g"));
        }
      } catch (CloudServiceException | IllegalArgumentException expected) {
        // faults and refusals are part of the run
      }
    }
    return new Run(fake.recordedCalls(), fake.inventory());
  }

  @Test
  void sameSeedAndScriptReplayTheSameRun() {
    SplittableRandom seeds = new SplittableRandom(2026);
    for (int i = 0; i < 200; i++) {
      long seed = seeds.nextLong();
      long script = seeds.nextLong();
      Run a = run(seed, script);
      Run b = run(seed, script);
      assertThat(b.calls()).isEqualTo(a.calls());
      assertThat(b.state()).isEqualTo(a.state());
    }
  }

  @Test
  void differentSeedsGiveDifferentIds() {
    SplittableRandom seeds = new SplittableRandom(7);
    for (int i = 0; i < 200; i++) {
      long s = seeds.nextLong();
      FakeCloud a = FakeCloud.builder().seed(s).build();
      FakeCloud b = FakeCloud.builder().seed(s + 1).build();
      a.estate().vpc("v", "10.0.0.0/16");
      b.estate().vpc("v", "10.0.0.0/16");
      assertThat(a.id(VpcId.class, "v")).isNotEqualTo(b.id(VpcId.class, "v"));
    }
  }

  @Test
  void rulesAuthorizedWithAPlanOfZeroProbabilityAllSucceed() {
    SplittableRandom r = new SplittableRandom(5);
    FakeCloud fake = FakeCloud.builder().faults(FaultPlan.builder().fail("*", "Throttling", 0.0).build()).build();
    fake.estate().vpc("v", "10.0.0.0/16").securityGroup("g");
    for (int i = 0; i < 150; i++) {
      SecurityGroupRule rule = NetworkGenerators.rule(r).toBuilder().peer("10.0.0.0/8").build();
      fake.ecs().authorizeRule(SecurityGroupRuleRequest.of(fake.id(SecurityGroupId.class, "g"), rule));
    }
    assertThat(fake.recordedCalls()).allMatch(FakeCloud.RecordedCall::succeeded);
  }
}
