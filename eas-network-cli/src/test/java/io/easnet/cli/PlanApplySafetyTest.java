package io.easnet.cli;

import static io.easnet.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.json.SnapshotJson;
import io.easnet.core.spi.CloudActions;
import io.easnet.testkit.FakeCloud;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plans that cannot surprise (issue 17, item 8): a hand-edited plan fails its dry run where the apply would and
 * spends nothing; a plan refuses an estate that drifted from the one it was made from; a live apply of billed
 * changes is confirmed; a failure after a billed change says how to release it; plan's hint names apply's options.
 */
class PlanApplySafetyTest {
  private static final String ESTATE = example("mistakes/estate.json");
  private static final String BILLED = example("mistakes/nat-without-eip.intents.json");

  private static Cli.Result run(Terminal terminal, LivePort.Opener ports, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = EasNet.run(args, new PrintWriter(out, true), new PrintWriter(err, true), terminal, Map.of(), ports);
    return new Cli.Result(code, out.toString(), err.toString());
  }

  private static Path billedPlan(Path dir) {
    Path plan = dir.resolve("plan.json");
    Cli.Result p = Cli.run("plan", "--snapshot", ESTATE, "--intents", BILLED, "--allow-billed", "-o",
        plan.toString());
    assertThat(p.code()).as(p.toString()).isZero();
    return plan;
  }

  @Test
  void thePlanHintNamesTheOptionsTheApplyNeeds(@TempDir Path dir) {
    Path plan = dir.resolve("plan.json");
    Cli.Result p = Cli.run("plan", "--snapshot", ESTATE, "--intents", BILLED, "--allow-billed", "-o",
        plan.toString());
    assertThat(p.out()).contains("apply it with eas-net apply --snapshot " + ESTATE + " " + plan);
  }

  @Test
  void aHandEditedPlanWithANonexistentVSwitchFailsTheDryRunAndTheApplySpendsNothing(@TempDir Path dir)
      throws Exception {
    Path plan = billedPlan(dir);
    String json = Files.readString(plan);
    String vsw = json.replaceAll("(?s).*\"sourceVSwitchId\": \"([^\"]+)\".*", "$1");
    Path edited = dir.resolve("edited.json");
    // a hand edit: the plan no longer records its estate, and names a vSwitch that does not exist
    Files.writeString(edited, json.replace(vsw, "vsw-gone").replaceAll("(?s),\\s*\"estate\": \\{.*\\}\\s*\\}\\s*$",
        "\n}\n"));

    Cli.Result dry = Cli.run("apply", "--dry-run", "--snapshot", ESTATE, edited.toString());
    assertThat(dry.code()).as(dry.toString()).isEqualTo(3);
    assertThat(dry.out()).contains("source vSwitch vsw-gone does not exist").doesNotContain("WOULD_APPLY");

    Path after = dir.resolve("after.json");
    Cli.Result apply = Cli.run("apply", "--snapshot", ESTATE, "--write-snapshot", after.toString(),
        edited.toString());
    assertThat(apply.code()).as(apply.toString()).isEqualTo(3);
    assertThat(apply.out()).contains("0 applied").doesNotContain("APPLIED ");
    assertThat(apply.out().lines().map(l -> l.replaceAll(" +", " ")).toList())
        .containsAll(dry.out().lines().filter(l -> l.startsWith("FAILED") || l.startsWith("SKIPPED"))
            .map(l -> l.replaceAll(" +", " ")).toList());
    assertThat(SnapshotJson.read(after).inventory().eips())
        .isEqualTo(SnapshotJson.read(Path.of(ESTATE)).inventory().eips());
  }

  @Test
  void anEstateThatDriftedIsRefusedNamingWhatChangedAndForceAppliesIt(@TempDir Path dir) throws Exception {
    Path plan = billedPlan(dir);
    String json = Files.readString(plan);
    assertThat(json).contains("\"version\": 3").contains("\"estate\"").contains("\"region\": \"cn-hangzhou\"");
    String vsw = json.replaceAll("(?s).*\"sourceVSwitchId\": \"([^\"]+)\".*", "$1");
    String cidr = json.replaceAll("(?s).*\"vSwitch " + vsw + "\": \"vpc=[^ ]+ cidr=([^\"]+)\".*", "$1");
    assertThat(cidr).matches("[0-9./]+");
    String estate = Files.readString(Path.of(ESTATE));
    assertThat(estate).contains("\"" + cidr + "\"");
    Path drifted = dir.resolve("drifted.json");
    Files.writeString(drifted, estate.replace("\"" + cidr + "\"", "\"192.168.77.0/24\""));

    Cli.Result refused = Cli.run("apply", "--snapshot", drifted.toString(), plan.toString());
    assertThat(refused.code()).as(refused.toString()).isEqualTo(2);
    assertThat(refused.err()).contains("the estate changed since the plan was made")
        .contains("vSwitch " + vsw + ": was").contains("cidr=192.168.77.0/24").contains("--force");

    Cli.Result forced = Cli.run("apply", "--force", "--snapshot", drifted.toString(), plan.toString());
    assertThat(forced.out()).as(forced.toString()).doesNotContain("the estate changed");
  }

  @Test
  void aLiveBilledApplyAsksOnATerminalAndNeedsYesOtherwise(@TempDir Path dir) {
    Path plan = billedPlan(dir);
    FakeCloud fake = FakeCloud.create().load(Path.of(ESTATE));
    LivePort.Opener ports = (r, e, env) -> fake;

    Cli.Result script = run(Terminal.none(), ports, "apply", "--live", "--region", "cn-hangzhou", plan.toString());
    assertThat(script.code()).as(script.toString()).isEqualTo(2);
    assertThat(script.err()).contains("creates billed resources").contains("pass --yes");
    assertThat(fake.calls()).isEmpty();

    Terminal no = new Terminal() {
      @Override
      public boolean interactive() {
        return true;
      }

      @Override
      public String ask(String question) {
        assertThat(question).contains("AllocateEipAddress").endsWith("[y/N] ");
        return "n";
      }
    };
    Cli.Result declined = run(no, ports, "apply", "--live", "--region", "cn-hangzhou", plan.toString());
    assertThat(declined.code()).as(declined.toString()).isEqualTo(2);
    assertThat(declined.err()).contains("not confirmed; nothing was changed");
    assertThat(fake.calls()).isEmpty();

    Cli.Result dry = run(Terminal.none(), ports, "apply", "--dry-run", "--live", "--region", "cn-hangzhou",
        plan.toString());
    assertThat(dry.code()).as(dry.toString()).isZero();

    // --yes confirms: the apply goes ahead (its SNAT entry is made to fail at once, so that the test does not wait
    // on the fake's asynchronous entry with the system clock)
    fake.failNext(CloudActions.CREATE_SNAT_ENTRY, "InvalidParameter");
    Cli.Result yes = run(Terminal.none(), ports, "apply", "--yes", "--live", "--region", "cn-hangzhou",
        plan.toString());
    assertThat(yes.err()).as(yes.toString()).doesNotContain("billed resources");
    assertThat(yes.out()).contains("APPLIED           change-1 AllocateEipAddress");
    assertThat(fake.calls()).contains(CloudActions.ALLOCATE_EIP);
  }

  @Test
  void aFailureAfterABilledChangeSaysWhatWasCreatedAndHowToReleaseIt(@TempDir Path dir) {
    Path plan = billedPlan(dir);
    FakeCloud fake = FakeCloud.create().load(Path.of(ESTATE));
    fake.failNext(CloudActions.CREATE_SNAT_ENTRY, "InvalidParameter");
    Cli.Result r = run(Terminal.none(), (reg, e, env) -> fake, "apply", "--yes", "--live", "--region",
        "cn-hangzhou", plan.toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(3);
    String eip = fake.inventory().eips().stream().filter(e -> e.name().orElse("").startsWith("easnet-"))
        .findFirst().orElseThrow().id().value();
    assertThat(r.out()).contains("Billed resources the plan created stay billed until released")
        .contains("aliyun vpc ReleaseEipAddress --RegionId cn-hangzhou --AllocationId " + eip)
        .contains("aliyun vpc UnassociateEipAddress --RegionId cn-hangzhou --AllocationId " + eip + " --InstanceId ngw-");
  }
}
