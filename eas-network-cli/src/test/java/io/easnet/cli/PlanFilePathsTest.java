package io.easnet.cli;

import static io.easnet.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.plan.Plan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan's service file paths are relative to the plan file, and apply writes a service file only when it
 * is the planned one (its metadata.name, its content as planned). Runs {@code eas-net} as a separate process so that
 * the working directory differs between plan and apply, as it does for a user.
 */
class PlanFilePathsTest {
  @TempDir Path dir;
  private Path proj;
  private Path other;
  private String serviceText;

  @BeforeEach
  void layout() throws IOException {
    proj = Files.createDirectories(dir.resolve("proj"));
    other = Files.createDirectories(dir.resolve("other"));
    Files.copy(Path.of(example("mistakes/estate.json")), proj.resolve("estate.json"));
    // The wrong-VPC example with the vSwitch and security group of the RDS instance's VPC: the planner's fix is a
    // SetServiceNetworking change (vpc_id to that VPC).
    serviceText = Files.readString(Path.of(example("mistakes/wrong-vpc.json")))
        .replace("vsw-bp1devh2k5n8q1t4w7z0", "vsw-bp17uo6xebcusy7c4k1wd")
        .replace("sg-bp1deveas6y9b2e5h8k1", "sg-bp1brugkivv3hq9x6t2e");
    Files.writeString(proj.resolve("wrong-vpc.json"), serviceText);
    Files.copy(Path.of(example("mistakes/wrong-vpc.intents.json")), proj.resolve("intents.json"));
  }

  /** Runs eas-net in {@code cwd}; returns exit code and combined output. */
  private static Cli.Result easNet(Path cwd, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), EasNet.class.getName()));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("easnet-out", ".txt");
    Path err = Files.createTempFile("easnet-err", ".txt");
    try {
      Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectOutput(out.toFile())
          .redirectError(err.toFile()).start();
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("eas-net finished").isTrue();
      return new Cli.Result(p.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private void plan() throws Exception {
    Cli.Result plan = easNet(dir, "plan", "--snapshot", "proj/estate.json", "--intents", "proj/intents.json",
        "-o", "proj/plan.json");
    assertThat(plan.code()).as(plan.toString()).isZero();
    assertThat(plan.out()).contains("SetServiceNetworking");
  }

  @Test
  void applyFromAnotherDirectoryEditsThePlannedFileNotOneRelativeToTheWorkingDirectory() throws Exception {
    plan();
    // An unrelated service at the path the old plan format named relative to the working directory.
    Path decoy = Files.createDirectories(other.resolve("proj")).resolve("wrong-vpc.json");
    String decoyText = serviceText.replace("orders_dev", "unrelated_service");
    Files.writeString(decoy, decoyText);
    assertThat(Files.readString(proj.resolve("plan.json"))).contains("\"file\": \"wrong-vpc.json\"")
        .contains("\"fileSha256\"");

    Cli.Result apply = easNet(other, "apply", "--snapshot", "../proj/estate.json", "../proj/plan.json");

    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(apply.out()).contains("APPLIED");
    assertThat(Files.readString(decoy)).isEqualTo(decoyText);
    assertThat(Files.readString(proj.resolve("wrong-vpc.json"))).isNotEqualTo(serviceText)
        .contains("vpc-bp1kjr3rfyhx01q8z2m5n");
  }

  @Test
  void anotherServicesFileAtThePlannedPathIsRefusedAndNothingIsWritten() throws Exception {
    plan();
    String otherService = serviceText.replace("orders_dev", "unrelated_service");
    Files.writeString(proj.resolve("wrong-vpc.json"), otherService);

    Cli.Result apply = easNet(other, "apply", "--snapshot", "../proj/estate.json", "../proj/plan.json");

    assertThat(apply.code()).as(apply.toString()).isEqualTo(2);
    assertThat(apply.err()).contains("wrong-vpc.json").contains("/metadata/name").contains("unrelated_service")
        .contains("nothing was changed").doesNotContain("\tat ");
    assertThat(apply.err().strip().lines()).hasSizeLessThanOrEqualTo(2);
    assertThat(Files.readString(proj.resolve("wrong-vpc.json"))).isEqualTo(otherService);
  }

  @Test
  void aServiceFileEditedSincePlanningIsRefusedInProcessToo() throws Exception {
    Path plan = proj.resolve("plan.json");
    Cli.Result p = Cli.run("plan", "--snapshot", proj.resolve("estate.json").toString(), "--intents",
        proj.resolve("intents.json").toString(), "-o", plan.toString());
    assertThat(p.code()).as(p.toString()).isZero();
    String edited = serviceText.replace("\"metadata\": {", "\"metadata\": {\n    \"x-edited\": true,");
    assertThat(edited).isNotEqualTo(serviceText);
    Files.writeString(proj.resolve("wrong-vpc.json"), edited);

    Cli.Result apply = Cli.run("apply", "--snapshot", proj.resolve("estate.json").toString(), plan.toString());

    assertThat(apply.code()).as(apply.toString()).isEqualTo(2);
    assertThat(apply.err()).contains("changed since the plan was made").contains("plan again");
    assertThat(Files.readString(proj.resolve("wrong-vpc.json"))).isEqualTo(edited);

    // Applying the right file twice: the second run finds the networking in place, although the content changed.
    Files.writeString(proj.resolve("wrong-vpc.json"), serviceText);
    assertThat(Cli.run("apply", "--snapshot", proj.resolve("estate.json").toString(), plan.toString()).code())
        .isZero();
    Cli.Result again = Cli.run("apply", "--snapshot", proj.resolve("estate.json").toString(), plan.toString());
    assertThat(again.code()).as(again.toString()).isZero();
    assertThat(again.out()).contains("ALREADY_IN_PLACE");
  }

  @Test
  void aVersionOnePlanIsReadButItsNetworkingChangeIsRefusedClearly() throws Exception {
    Path plan = proj.resolve("plan.json");
    Cli.Result p = Cli.run("plan", "--snapshot", proj.resolve("estate.json").toString(), "--intents",
        proj.resolve("intents.json").toString(), "-o", plan.toString());
    assertThat(p.code()).as(p.toString()).isZero();
    String v1 = Files.readString(plan, StandardCharsets.UTF_8).replace("\"version\": 3", "\"version\": 1")
        .replaceAll(",\\s*\"fileSha256\": \"[0-9a-f]+\"", "")
        .replaceAll("(?s),\\s*\"estate\": \\{.*\\}(\\s*\\}\\s*)$", "$1");
    assertThat(v1).contains("\"version\": 1").doesNotContain("fileSha256");
    Files.writeString(plan, v1);
    assertThat(Plan.read(plan).changes()).hasSize(1);

    Cli.Result apply = Cli.run("apply", "--snapshot", proj.resolve("estate.json").toString(), plan.toString());

    assertThat(apply.code()).as(apply.toString()).isEqualTo(2);
    assertThat(apply.err()).contains("plan version 1").contains("--service-file orders_dev=FILE");
    assertThat(Files.readString(proj.resolve("wrong-vpc.json"))).isEqualTo(serviceText);

    Cli.Result named = Cli.run("apply", "--snapshot", proj.resolve("estate.json").toString(), "--service-file",
        "orders_dev=" + proj.resolve("wrong-vpc.json"), plan.toString());
    assertThat(named.code()).as(named.toString()).isZero();
  }
}
