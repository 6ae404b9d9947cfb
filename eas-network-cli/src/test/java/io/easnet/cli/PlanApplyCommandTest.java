package io.easnet.cli;

import static io.easnet.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.plan.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanApplyCommandTest {
  private static final String ESTATE = example("mistakes/estate.json");

  @Test
  void planThenApplyOfflineThenDoctorIsClean(@TempDir Path dir) {
    Path plan = dir.resolve("plan.json");
    String intents = example("mistakes/no-snat-entry.intents.json");
    Cli.Result p = Cli.run("plan", "--snapshot", ESTATE, "--intents", intents, "--output", plan.toString());
    assertThat(p.code()).as(p.toString()).isZero();
    assertThat(p.out()).contains("1 change:").contains("CreateSnatEntry").contains("for batch_loader: internet");
    assertThat(Plan.read(plan).changes()).hasSize(1);

    Cli.Result dry = Cli.run("apply", "--dry-run", "--snapshot", ESTATE, plan.toString());
    assertThat(dry.code()).as(dry.toString()).isZero();
    assertThat(dry.out()).startsWith("WOULD_APPLY").contains("Dry run: nothing was changed");

    Path fixed = dir.resolve("fixed.json");
    Cli.Result apply = Cli.run("apply", "--snapshot", ESTATE, "--write-snapshot", fixed.toString(),
        plan.toString());
    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(apply.out()).startsWith("APPLIED").contains("1 applied").contains("snatEntryId=snat-");

    Cli.Result before = Cli.run("doctor", "--snapshot", ESTATE, "--intents", intents);
    assertThat(before.code()).isEqualTo(1);
    Cli.Result after = Cli.run("doctor", "--snapshot", fixed.toString(), "--intents", intents);
    assertThat(after.code()).as(after.toString()).isZero();
    assertThat(after.out()).contains("0 of 1 path not reachable");

    Cli.Result again = Cli.run("plan", "--snapshot", fixed.toString(), "--intents", intents);
    assertThat(again.code()).isZero();
    assertThat(again.out()).contains("Nothing to do");
  }

  @Test
  void billedChangesNeedAllowBilled(@TempDir Path dir) {
    String intents = example("mistakes/nat-without-eip.intents.json");
    Cli.Result refused = Cli.run("plan", "--snapshot", ESTATE, "--intents", intents);
    assertThat(refused.code()).as(refused.toString()).isEqualTo(1);
    assertThat(refused.out()).contains("cannot plan staging_chat: internet").contains("allow billed changes");
    Path plan = dir.resolve("plan.json");
    Cli.Result billed = Cli.run("plan", "--snapshot", ESTATE, "--intents", intents, "--allow-billed", "-o",
        plan.toString());
    assertThat(billed.code()).as(billed.toString()).isZero();
    assertThat(billed.out()).contains("(some billed)").contains("billed: change-1");
    Cli.Result apply = Cli.run("apply", "--snapshot", ESTATE, "--write-snapshot", dir.resolve("f.json").toString(),
        plan.toString());
    assertThat(apply.out()).as(apply.toString()).contains("3 applied");
  }

  @Test
  void anUnfixableIntentExitsOneWithTheReason() {
    Cli.Result r = Cli.run("plan", "--snapshot", ESTATE, "--intents", example("mistakes/wrong-vpc.intents.json"));
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("cannot plan orders_dev").contains("deploy the service in");
  }

  @Test
  void badPlanAndBadIntentsAreBadInput(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("plan.json");
    Files.writeString(bad, "{\"version\": 7}");
    Cli.Result r = Cli.run("apply", "--snapshot", ESTATE, bad.toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).contains("plan.json").doesNotContain("\tat ");
    Path intents = dir.resolve("intents.json");
    Files.writeString(intents, "{\"version\": 1, \"services\": [{\"file\": \"nope.json\", \"intents\": []}]}");
    Cli.Result i = Cli.run("plan", "--snapshot", ESTATE, "--intents", intents.toString());
    assertThat(i.code()).as(i.toString()).isEqualTo(2);
    assertThat(i.err()).contains("nope.json");
  }

  @Test
  void liveApplyFailsClearlyAndWriteSnapshotIsOfflineOnly(@TempDir Path dir) {
    Path plan = dir.resolve("plan.json");
    Cli.run("plan", "--snapshot", ESTATE, "--intents", example("mistakes/no-snat-entry.intents.json"), "-o",
        plan.toString());
    Cli.Result live = Cli.run(Terminal.none(), Cli.NO_CREDENTIALS, "apply", "--live", "--region", "cn-hangzhou",
        plan.toString());
    assertThat(live.code()).as(live.toString()).isEqualTo(2); // a configuration problem stops the run at once
    assertThat(live.err()).contains("no credentials found: set ALIBABA_CLOUD_ACCESS_KEY_ID").doesNotContain("\tat ");
    assertThat(live.out()).doesNotContain("FAILED");
    Cli.Result both = Cli.run("apply", "--live", "--region", "cn-hangzhou", "--write-snapshot", "x.json",
        plan.toString());
    assertThat(both.code()).isEqualTo(2);
  }

  @Test
  void doctorWithIntentsChecksEveryServiceOfTheFile() {
    Cli.Result r = Cli.run("doctor", "--snapshot", example("snapshot.json"), "--intents",
        example("intents.json"));
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("0 of 4 paths not reachable");
    Cli.Result both = Cli.run("doctor", "--snapshot", example("snapshot.json"), "--intents",
        example("intents.json"), "--to", "internet");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("leave out --service, --name, --to and --from");
  }
}
