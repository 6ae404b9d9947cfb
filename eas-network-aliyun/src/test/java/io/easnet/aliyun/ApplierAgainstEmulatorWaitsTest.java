package io.easnet.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.aliyun.internal.ErrorResponses;
import io.easnet.core.CloudServiceException;
import io.easnet.core.plan.Applier;
import io.easnet.core.plan.Applier.ApplyResult;
import io.easnet.core.plan.Applier.ChangeResult;
import io.easnet.core.spi.CloudActions;
import io.easnet.testkit.FakeCloud;
import io.easnet.testkit.FaultPlan;
import io.easnet.testkit.emulator.Emulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Waits are bounded over the wire: a server answering {@code Throttling.User} with an absurd {@code x-acs-retry-after}
 * (31 years, or {@code Long.MAX_VALUE} ms) makes neither the adapter nor the applier wait past the change's
 * deadline, and the header's conversion does not overflow. The waits are recorded, never slept.
 */
class ApplierAgainstEmulatorWaitsTest {
  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

  @Test
  void aRetryAfterNearLongMaxValueIsReadWithoutOverflow() {
    byte[] body = "{\"Code\":\"Throttling.User\",\"Message\":\"slow down\",\"RequestId\":\"r-1\"}"
        .getBytes(StandardCharsets.UTF_8);
    CloudServiceException max = ErrorResponses.toException("vpc:DescribeNatGateways", 400, body,
        Long.toString(Long.MAX_VALUE), null);
    assertThat(max.kind()).isEqualTo(CloudServiceException.Kind.THROTTLED);
    assertThat(max.retryAfterSeconds()).contains(Integer.MAX_VALUE);
    CloudServiceException rounded = ErrorResponses.toException("vpc:DescribeNatGateways", 400, body, "1001", null);
    assertThat(rounded.retryAfterSeconds()).contains(2);
    CloudServiceException exact = ErrorResponses.toException("vpc:DescribeNatGateways", 400, body, "2000", null);
    assertThat(exact.retryAfterSeconds()).contains(2);
  }

  @Test
  void aDryRunThrottledWithYearsOfRetryAfterEndsByTheDeadline() throws Exception {
    for (long retryAfterMillis : new long[] {1_000_000_000_000L, Long.MAX_VALUE}) {
      FaultCampaign campaign = new FaultCampaign();
      try (FakeCloud fake = FaultCampaign.fake(5);
          Emulator emulator = Emulator.builder().fake(fake).accessKey(FaultCampaign.KEY_ID, FaultCampaign.KEY_SECRET)
              .build().start()) {
        fake.faults(FaultPlan.builder().throttle(CloudActions.DESCRIBE_NAT_GATEWAYS, 1.0,
            Duration.ofMillis(retryAfterMillis)).build());
        AtomicLong adapterWaits = new AtomicLong();
        AliyunCloudPort port = FaultCampaign.port(emulator, fake, adapterWaits);
        List<Duration> waits = new CopyOnWriteArrayList<>();
        Applier applier = Applier.builder(port).clock(fake.clock()).timeout(TEN_MINUTES).sleeper(d -> {
          waits.add(d);
          fake.advance(d);
        }).build();

        ApplyResult preview = applier.dryRun(campaign.plan());

        ChangeResult nat = preview.results().stream()
            .filter(r -> r.kind() == io.easnet.core.change.Change.ChangeKind.CREATE_NAT_GATEWAY).findFirst().orElseThrow();
        assertThat(nat.status()).as("retry-after %d ms", retryAfterMillis).isEqualTo(ChangeResult.Status.FAILED);
        assertThat(nat.error()).contains("Throttling.User");
        assertThat(waits).isNotEmpty().allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Applier.MAX_WAIT));
        assertThat(waits.stream().reduce(Duration.ZERO, Duration::plus)).isLessThanOrEqualTo(TEN_MINUTES);
        // the adapter does not wait a retry-after longer than its policy's largest backoff
        assertThat(Duration.ofMillis(adapterWaits.get())).isLessThan(Duration.ofMinutes(1));
      }
    }
  }
}
