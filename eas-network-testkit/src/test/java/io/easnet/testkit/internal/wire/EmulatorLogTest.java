package io.easnet.testkit.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The emulator's log keeps its last {@link EmulatorLog#KEPT} lines; the sink still sees each. */
class EmulatorLogTest {
  @Test
  void theLogKeepsABoundedTailAndCountsWhatItDropped() {
    AtomicInteger sunk = new AtomicInteger();
    EmulatorLog log = new EmulatorLog(line -> sunk.incrementAndGet());
    int written = EmulatorLog.KEPT * 3 + 7;
    for (int i = 0; i < written; i++) {
      log.line("line " + i);
    }
    assertThat(log.lines()).hasSize(EmulatorLog.KEPT);
    assertThat(log.lines().get(0)).isEqualTo("line " + (written - EmulatorLog.KEPT));
    assertThat(log.lines().get(EmulatorLog.KEPT - 1)).isEqualTo("line " + (written - 1));
    assertThat(log.dropped()).isEqualTo(written - EmulatorLog.KEPT);
    assertThat(sunk.get()).isEqualTo(written);
    for (int i = 0; i < EmulatorLog.KEPT + 5; i++) {
      log.nearMiss(new Miss("GET /x" + i, "vpc:DescribeVpcs", "GET /?Action=DescribeVpcs", List.of("path")));
    }
    assertThat(log.nearMisses()).hasSize(EmulatorLog.KEPT);
    assertThat(log.kept()).isEqualTo(2 * EmulatorLog.KEPT);
  }
}
