package io.easnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompletionCommandTest {
  @Test
  void printsABashCompletionScriptForEveryCommand() {
    Cli.Result r = Cli.run("completion");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("complete -F").contains("eas-net").contains("doctor").contains("--snapshot")
        .contains("--to");
  }
}
