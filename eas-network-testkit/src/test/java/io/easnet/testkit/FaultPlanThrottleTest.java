package io.easnet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.CloudServiceException;
import io.easnet.core.spi.CloudActions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A throttling fault carries its retry-after to the port face (seconds, rounded up) as to the wire (ms). */
class FaultPlanThrottleTest {
  @Test
  void aThrottledCallReportsItsRetryAfterOnThePortFace() {
    FakeCloud fake = FakeCloud.builder()
        .faults(FaultPlan.builder().throttle(CloudActions.DESCRIBE_VPCS, 1.0, Duration.ofMillis(1500)).build())
        .build();
    assertThatThrownBy(() -> fake.vpc().describeVpcs()).isInstanceOfSatisfying(CloudServiceException.class, e -> {
      assertThat(e.code()).isEqualTo("Throttling.User");
      assertThat(e.kind()).isEqualTo(CloudServiceException.Kind.THROTTLED);
      assertThat(e.httpStatus()).isEqualTo(400);
      assertThat(e.retryAfterSeconds()).contains(2);
    });
    assertThat(fake.ecs().describeSecurityGroups(io.easnet.core.model.ResourceId.VpcId.of("vpc-none"))).isEmpty();
  }

  @Test
  void aThrottleNeedsAPositiveRetryAfterAndAProbability() {
    assertThatThrownBy(() -> FaultPlan.builder().throttle("*", 0.5, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retryAfter");
    assertThatThrownBy(() -> FaultPlan.builder().throttle("*", 1.5, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("probability");
    FakeCloud none = FakeCloud.builder()
        .faults(FaultPlan.builder().throttle(CloudActions.DESCRIBE_VPCS, 0.0, Duration.ofSeconds(1)).build()).build();
    assertThat(none.vpc().describeVpcs()).isEmpty();
  }
}
