package io.easnet.core.load.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.spi.RequestListener.RequestEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallStatisticsTest {
  private static RequestEvent event(String action, int page, long millis, String error) {
    RequestEvent.Builder b = RequestEvent.builder().action(action).page(page).duration(Duration.ofMillis(millis))
        .requestId("req-" + action + page);
    if (error != null) {
      b.errorCode(error).httpStatus(400);
    }
    return b.build();
  }

  @Test
  void countsAndTimesRequestsPerActionWithEveryPageCounted() {
    CallStatistics stats = CallStatistics.create();
    stats.onRequest(event("vpc:DescribeVpcs", 1, 100, null));
    stats.onRequest(event("ecs:DescribeSecurityGroupAttribute", 1, 50, null));
    stats.onRequest(event("ecs:DescribeSecurityGroupAttribute", 2, 25, "Throttling"));
    assertThat(stats.total()).isEqualTo(3);
    assertThat(stats.count("ecs:DescribeSecurityGroupAttribute")).isEqualTo(2);
    assertThat(stats.count("eas:DescribeService")).isZero();
    assertThat(stats.failures()).isEqualTo(1);
    assertThat(stats.totalTime()).isEqualTo(Duration.ofMillis(175));
    assertThat(stats).hasToString(
        "3 requests (1 failed) in 175 ms: ecs:DescribeSecurityGroupAttribute=2, vpc:DescribeVpcs=1");
  }

  @Test
  void emptyStatisticsSayNothingHappened() {
    assertThat(CallStatistics.create()).hasToString("0 requests (0 failed) in 0 ms");
  }
}
