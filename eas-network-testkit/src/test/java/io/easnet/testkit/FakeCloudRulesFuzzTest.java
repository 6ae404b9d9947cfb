package io.easnet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.easnet.core.CloudServiceException.Kind;
import io.easnet.core.CloudServiceException;
import io.easnet.core.model.SecurityGroupRule.RulePeer;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.spi.EcsApi.SecurityGroupRuleRequest;
import io.easnet.testkit.gen.NetworkGenerators;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Invariant: whatever sequence of authorize and revoke calls is made, a group never holds two copies of one rule
 * nor more than 200 rules; authorize leaves the rule present, revoke leaves it absent, and a refused authorize
 * changes nothing. Each input seeds 20 runs of up to 300 calls, so regression mode tests something real.
 */
class FakeCloudRulesFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void authorizeAndRevokeKeepTheRuleInvariants(FuzzedDataProvider data) {
    SplittableRandom r = new SplittableRandom(data.consumeLong());
    for (int run = 0; run < 20; run++) {
      FakeCloud fake = FakeCloud.builder().seed(r.nextLong()).build();
      fake.estate().vpc("v", "10.0.0.0/16").securityGroup("a").securityGroup("b");
      SecurityGroupId a = fake.id(SecurityGroupId.class, "a");
      List<RulePeer> peers = List.of(RulePeer.cidr("10.0.0.0/8"), RulePeer.cidr("0.0.0.0/0"),
          RulePeer.group(fake.id(SecurityGroupId.class, "b")));
      List<SecurityGroupRule> pool = new ArrayList<>();
      int poolSize = r.nextInt(2, 260);
      for (int i = 0; i < poolSize; i++) {
        pool.add(NetworkGenerators.rule(r, peers));
      }
      int ops = r.nextInt(1, 300);
      for (int op = 0; op < ops; op++) {
        SecurityGroupRule rule = pool.get(r.nextInt(pool.size()));
        List<SecurityGroupRule> before = fake.ecs().describeSecurityGroup(a).rules();
        boolean present = before.stream().anyMatch(x -> x.sameRuleAs(rule));
        if (r.nextInt(3) > 0) {
          try {
            fake.ecs().authorizeRule(SecurityGroupRuleRequest.of(a, rule));
            List<SecurityGroupRule> after = fake.ecs().describeSecurityGroup(a).rules();
            assertThat(after).filteredOn(x -> x.sameRuleAs(rule)).hasSize(1);
            assertThat(after).hasSize(present ? before.size() : before.size() + 1);
          } catch (CloudServiceException e) {
            assertThat(e.kind()).isEqualTo(Kind.QUOTA_EXCEEDED);
            assertThat(present).isFalse();
            assertThat(before).hasSize(200);
            assertThat(fake.ecs().describeSecurityGroup(a).rules()).isEqualTo(before);
          }
        } else {
          fake.ecs().revokeRule(SecurityGroupRuleRequest.of(a, rule));
          assertThat(fake.ecs().describeSecurityGroup(a).rules()).noneMatch(x -> x.sameRuleAs(rule))
              .hasSize(present ? before.size() - 1 : before.size());
        }
        assertThat(fake.ecs().describeSecurityGroup(a).rules()).hasSizeLessThanOrEqualTo(200);
      }
      io.easnet.testkit.assertions.EasAssertions.assertThat(fake.inventory()).hasNoDuplicateRules().isConsistent();
    }
  }
}
