package io.easnet.cli;

import static io.easnet.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.testkit.FakeCloud;
import io.easnet.testkit.emulator.Emulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A command that opens a live port closes it when it ends: the Aliyun adapter's fan-out threads (one RDS describe sends
 * its four reads together) do not outlive the command in a process that embeds the CLI, such as a test suite or a
 * long-running tool.
 */
class LivePortsClosedTest {
  private static final Map<String, String> ENV = Cli.SOME_CREDENTIALS;
  private static final String THREAD_PREFIX = "eas-network-aliyun-";

  private static Set<String> adapterThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .filter(n -> n.startsWith(THREAD_PREFIX)).collect(Collectors.toSet());
  }

  @Test
  void theAdaptersThreadsEndWithTheCommand() throws Exception {
    FakeCloud fake = FakeCloud.builder().asyncDelay(Duration.ZERO).build().load(Path.of(example("snapshot.json")));
    try (Emulator emulator = Emulator.builder().fake(fake).accessKey(ENV.get("ALIBABA_CLOUD_ACCESS_KEY_ID"),
        ENV.get("ALIBABA_CLOUD_ACCESS_KEY_SECRET")).build().start()) {
      Set<String> before = adapterThreads();
      String rds = fake.inventory().rdsInstances().get(0).id().value();
      Cli.Result r = Cli.run(Terminal.none(), ENV, "doctor", "--endpoint", emulator.endpoint(), "--service",
          example("service-vpc.json"), "--to", "rds:" + rds, "--paths-only");
      assertThat(r.code()).as(r.toString()).isIn(0, 1);
      assertThat(fake.recordedCalls()).as("the command read the cloud").isNotEmpty();
      assertThat(adapterThreads()).as("adapter threads left after the command").isSubsetOf(before);
    }
  }
}
