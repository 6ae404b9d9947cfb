package io.easnet.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallStatisticsTest {
  @Test
  void countsAndTimesCallsPerAction() {
    CallStatistics stats = CallStatistics.create();
    stats.onCall("vpc:DescribeVpcs", Duration.ofMillis(100), true);
    stats.onCall("ecs:DescribeSecurityGroupAttribute", Duration.ofMillis(50), true);
    stats.onCall("ecs:DescribeSecurityGroupAttribute", Duration.ofMillis(25), false);
    assertThat(stats.total()).isEqualTo(3);
    assertThat(stats.count("ecs:DescribeSecurityGroupAttribute")).isEqualTo(2);
    assertThat(stats.count("eas:DescribeService")).isZero();
    assertThat(stats.failures()).isEqualTo(1);
    assertThat(stats.totalTime()).isEqualTo(Duration.ofMillis(175));
    assertThat(stats).hasToString(
        "3 calls (1 failed) in 175 ms: ecs:DescribeSecurityGroupAttribute=2, vpc:DescribeVpcs=1");
  }

  @Test
  void emptyStatisticsSayNothingHappened() {
    assertThat(CallStatistics.create()).hasToString("0 calls (0 failed) in 0 ms");
  }
}
