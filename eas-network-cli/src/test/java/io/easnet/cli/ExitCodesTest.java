package io.easnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.CloudIoException;
import io.easnet.core.CloudServiceException;
import io.easnet.core.ConfigurationException;
import io.easnet.core.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/design.md §8: bad input or usage exits 2, a cloud or I/O failure exits 3. */
class ExitCodesTest {
  @Test
  void badInputAndConfigurationExitTwo() {
    assertThat(EasNet.exitCode(InvalidInputException.of("a.json", "/x", "bad", "fix it"))).isEqualTo(2);
    assertThat(EasNet.exitCode(ConfigurationException.of("no credentials", List.of("environment"), "set them")))
        .isEqualTo(2);
    assertThat(EasNet.exitCode(CliFailure.usage("no"))).isEqualTo(2);
  }

  @Test
  void cloudAndIoFailuresExitThree() {
    assertThat(EasNet.exitCode(CloudServiceException.builder("DescribeVpcs", "Throttling",
        CloudServiceException.Kind.THROTTLED).build())).isEqualTo(3);
    assertThat(EasNet.exitCode(CloudIoException.of("DescribeVpcs", "vpc.aliyuncs.com", 3, "connection reset",
        new IOException("reset")))).isEqualTo(3);
    assertThat(EasNet.exitCode(new UncheckedIOException(new IOException("disk full")))).isEqualTo(3);
    assertThat(EasNet.exitCode(new CliFailure(3, "live access is not available"))).isEqualTo(3);
  }
}
