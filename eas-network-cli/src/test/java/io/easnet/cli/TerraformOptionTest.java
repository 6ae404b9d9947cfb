package io.easnet.cli;

import static io.easnet.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --terraform PLAN_JSON} on lint and doctor, with the fixtures of {@code examples/terraform}. */
class TerraformOptionTest {
  static final String NEW_ESTATE = example("terraform/new-estate.plan.json");
  static final String REMOVE_EGRESS = example("terraform/remove-egress.plan.json");
  static final String SERVICE = "known_after_apply_alicloud_pai_service_chat";

  @Test
  void doctorOnANewEstateReportsFactsKnownAfterApplyWithoutFailing() {
    Cli.Result r = Cli.run("doctor", "--terraform", NEW_ESTATE, "--name", SERVICE, "--to", "internet");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("UNDETERMINED (known after apply)")
        .contains("vpc-known-after-apply-module-network-alicloud-vpc-main").contains("info: [EASNET-038]")
        .doesNotContain("error:");
  }

  @Test
  void everyFormatShowsAFactKnownAfterApplyAsSuchAndNoneCountsItAFailure() throws Exception {
    String[] base = {"doctor", "--terraform", NEW_ESTATE, "--name", SERVICE, "--to", "internet", "--format"};
    Cli.Result text = Cli.run(concat(base, "text"));
    assertThat(text.out()).contains("0 of 1 path not reachable; 1 known after apply");
    Cli.Result md = Cli.run(concat(base, "markdown"));
    assertThat(md.code()).as(md.toString()).isZero();
    assertThat(md.out()).contains("UNDETERMINED (known after apply)");
    Cli.Result junit = Cli.run(concat(base, "junit"));
    assertThat(junit.code()).as(junit.toString()).isZero();
    assertThat(junit.out()).contains("failures=\"0\"").contains("<skipped").contains("known after apply")
        .doesNotContain("<failure");
    Cli.Result json = Cli.run(concat(base, "json"));
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).findValues("knownAfterApply"))
        .isNotEmpty().allMatch(com.fasterxml.jackson.databind.JsonNode::asBoolean);
  }

  private static String[] concat(String[] a, String last) {
    String[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = last;
    return out;
  }

  @Test
  void doctorOnANewEstateStillFailsWhatThePlanGetsWrong() {
    Cli.Result r = Cli.run("doctor", "--terraform", NEW_ESTATE, "--name", SERVICE, "--to",
        "redis:r-known-after-apply-alicloud-kvstore-instance-cache");
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).contains("[EASNET-030]").contains("sg-known-after-apply-alicloud-security-group-eas")
        .contains("UNREACHABLE");
  }

  @Test
  void aPlanRemovingAnEgressRuleTheServiceNeedsFailsDoctor() {
    Cli.Result before = Cli.run("doctor", "--snapshot", example("snapshot.json"), "--name", "chat_inference",
        "--to", "internet");
    assertThat(before.code()).as(before.toString()).isZero();
    Cli.Result after = Cli.run("doctor", "--snapshot", example("snapshot.json"), "--terraform", REMOVE_EGRESS,
        "--name", "chat_inference", "--to", "internet");
    assertThat(after.code()).as(after.toString()).isEqualTo(1);
    assertThat(after.out()).contains("SG_EGRESS_DENIES").contains("sg-bp1brugkivv3hq9x6t2e")
        .contains("snapshot.json+").contains("remove-egress.plan.json:");
  }

  @Test
  void lintReadsThePlanAlone() {
    Cli.Result r = Cli.run("lint", "--terraform", NEW_ESTATE);
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("0 errors");
  }

  @Test
  void aBrokenPlanNamesTheFileAndThePointer(@TempDir Path dir) throws Exception {
    Path plan = Files.writeString(dir.resolve("plan.json"), "{\"format_version\": \"0.1\"}");
    Cli.Result r = Cli.run("lint", "--terraform", plan.toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("plan.json").contains("/format_version").doesNotContain("Exception");
  }

  @Test
  void aPlanIsNotOverlaidOnTheLiveEstate() {
    Cli.Result r = Cli.run("lint", "--terraform", NEW_ESTATE, "--live", "--region", "cn-hangzhou");
    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("--terraform").contains("eas-net snapshot");
  }
}
