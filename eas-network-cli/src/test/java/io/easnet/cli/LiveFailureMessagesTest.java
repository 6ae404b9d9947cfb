package io.easnet.cli;

import static io.easnet.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A live failure says what happened and the fix first, in at most three lines; the chain of credential sources the
 * adapter tried is printed only with {@code --debug}.
 */
class LiveFailureMessagesTest {
  @Test
  void noCredentialsIsTheProblemAndTheFixInAtMostThreeLines() {
    for (List<String> command : List.of(List.of("lint", "--live", "--region", "cn-hangzhou"),
        List.of("doctor", "--live", "--region", "cn-hangzhou", "--service", example("service-vpc.json"), "--to",
            "internet"),
        List.of("snapshot", "--live", "--region", "cn-hangzhou"))) {
      Cli.Result r = Cli.run(Terminal.none(), Cli.NO_CREDENTIALS, command.toArray(String[]::new));
      assertThat(r.code()).as(r.toString()).isEqualTo(2);
      List<String> lines = r.err().lines().toList();
      assertThat(lines).as(r.toString()).hasSizeBetween(1, 3);
      assertThat(lines.get(0)).startsWith("eas-net: no credentials found")
          .contains("set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET")
          .contains("aliyun configure")
          .doesNotContain("Tried:");
      assertThat(r.err()).contains("--debug").doesNotContain("environment variables:").doesNotContain("\tat ");
    }
  }

  @Test
  void withDebugEverySourceTriedIsListed() {
    Cli.Result r = Cli.run(Terminal.none(), Cli.NO_CREDENTIALS, "lint", "--live", "--region", "cn-hangzhou",
        "--debug");
    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("tried:").contains("environment variables")
        .contains("ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set");
  }

  @Test
  void theProblemAndTheFixComeFromTheExceptionNotFromItsText() {
    ConfigurationException e = ConfigurationException.of("No region given.", List.of("--region: not set",
        "ALIBABA_CLOUD_REGION_ID: not set"), "pass --region cn-hangzhou.");
    assertThat(EasNet.problemAndFix(e)).isEqualTo("No region given: pass --region cn-hangzhou.");
  }
}
