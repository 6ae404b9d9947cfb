package io.easnet.cli;

import static io.easnet.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EasNetTest {
  @Test
  void versionNamesTheToolAndJava() {
    Cli.Result r = Cli.run("--version");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("eas-net ").contains("Java " + System.getProperty("java.version"));
  }

  @Test
  void everyCommandHasHelpWithExamples() {
    for (String c : new String[] {"lint", "resolve", "doctor", "rules", "probe", "snapshot", "emulator",
        "completion"}) {
      Cli.Result r = Cli.run(c, "--help");
      assertThat(r.code()).as(c + ": " + r).isZero();
      assertThat(r.out()).as(c).contains("Usage: eas-net " + c).contains("Examples:").contains("eas-net " + c);
    }
    Cli.Result root = Cli.run("--help");
    assertThat(root.out()).contains("Exit codes: 0 no blocking finding, 1 blocking findings");
  }

  @Test
  void noCommandIsAUsageError() {
    Cli.Result r = Cli.run();
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("name a command: lint, resolve, doctor").contains("--help");
  }

  @Test
  void unknownOptionIsAUsageErrorOnOneLineAndAHint() {
    Cli.Result r = Cli.run("lint", "--snapshto", "x.json");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(2);
    assertThat(r.err()).contains("eas-net lint: Unknown option").contains("'--snapshto'")
        .contains("Try 'eas-net lint --help'");
  }

  @Test
  void badInputIsOneLineNamingTheFilePointerAndFixWithoutAStackTrace(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("broken.json");
    Files.writeString(bad, "{\"schemaVersion\": 1, \"vpcs\": [{\"id\": \"vsw-notavpc\"}]}");
    Cli.Result r = Cli.run("lint", "--snapshot", bad.toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("eas-net: " + bad).contains("broken.json at /vpcs/0/id").contains("Fix:")
        .doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void debugPrintsTheStackTrace(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("broken.json");
    Files.writeString(bad, "{ not json");
    Cli.Result r = Cli.run("lint", "--debug", "--snapshot", bad.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("InvalidInputException").contains("\tat ");
  }

  @Test
  void missingFileIsBadInput() {
    Cli.Result r = Cli.run("lint", "--snapshot", "does-not-exist.json");
    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("does-not-exist.json").doesNotContain("\tat ");
  }

  @Test
  void noEstateIsAUsageErrorThatSaysWhatToPass() {
    Cli.Result r = Cli.run("lint", "--service", example("service-vpc.json"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no estate: pass --snapshot FILE");
  }

  @Test
  void liveAccessWithoutCredentialsListsWhatWasTriedAndAnUnreachableEndpointIsACloudFailure() {
    Cli.Result r = Cli.run(Terminal.none(), Cli.NO_CREDENTIALS, "lint", "--live", "--region", "cn-hangzhou",
        "--vpc", "vpc-bp1kjr3rfyhx01q8z2m5n");
    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("no credentials found: set ALIBABA_CLOUD_ACCESS_KEY_ID")
        .contains("ALIBABA_CLOUD_ACCESS_KEY_ID").doesNotContain("\tat ");
    Cli.Result e = Cli.run(Terminal.none(), Cli.SOME_CREDENTIALS, "doctor", "--endpoint", "http://127.0.0.1:9",
        "--service", example("service-vpc.json"), "--to", "internet");
    assertThat(e.code()).as(e.toString()).isEqualTo(3);
    assertThat(e.err()).contains("127.0.0.1:9").doesNotContain("cli-tests-secret-value").doesNotContain("\tat ");
  }

  @Test
  void liveAndSnapshotTogetherIsAUsageError() {
    Cli.Result r = Cli.run("lint", "--live", "--region", "cn-hangzhou", "--snapshot", example("snapshot.json"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("not both");
  }

  @Test
  void unknownFormatNamesTheAcceptedOnes() {
    Cli.Result r = Cli.run("lint", "--snapshot", example("snapshot.json"), "--format", "pdf");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("use text, json, sarif, junit, markdown or html");
  }

  @Test
  void unwritableOutputIsAnIoFailure(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("a-file");
    Files.writeString(file, "x");
    Cli.Result r = Cli.run("lint", "--snapshot", example("snapshot.json"), "--output",
        file.resolve("report.txt").toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(3);
    assertThat(r.err()).contains("cannot write").contains("report.txt");
  }
}
