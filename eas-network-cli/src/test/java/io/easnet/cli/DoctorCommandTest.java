package io.easnet.cli;

import static io.easnet.cli.Cli.CLIENT;
import static io.easnet.cli.Cli.RDS;
import static io.easnet.cli.Cli.REDIS;
import static io.easnet.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DoctorCommandTest {
  @Test
  void healthyServiceReachesEverythingAndExitsZero() {
    Cli.Result r = Cli.run("doctor", "--snapshot", example("snapshot.json"), "--service",
        example("service-vpc.json"), "--to", RDS, "--to", REDIS + ":6379", "--to", "internet", "--from", CLIENT);
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("0 of 4 paths not reachable");
  }

  @Test
  void everyBlockerIsListedWithItsCodeAndFixAndExitsOne() throws Exception {
    Cli.Result r = Cli.run("doctor", "--snapshot", example("mistakes/estate.json"), "--service",
        example("mistakes/nat-without-eip.json"), "--to", "internet:www.aliyun.com", "--format", "json");
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    JsonNode tree = new ObjectMapper().readTree(r.out());
    assertThat(tree.findValuesAsText("code")).contains("NAT_NO_EIP", "SNAT_NO_ENTRY_FOR_SOURCE");
    assertThat(r.out()).contains("EASNET-019");
  }

  @Test
  void anInternetHostIsAnInternetIntentForEveryRule() {
    Cli.Result r = Cli.run("doctor", "--snapshot", example("snapshot.json"), "--service",
        example("service-vpc.json"), "--to", "internet:oss-cn-hangzhou.aliyuncs.com");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("oss-cn-hangzhou.aliyuncs.com").contains("REACHABLE")
        .doesNotContain("EASNET-020"); // the NAT gateway is not idle: this service needs it
  }

  @Test
  void anExternalAllowlistMustHoldTheSnatEip() {
    Cli.Result missing = Cli.run("doctor", "--snapshot", example("snapshot.json"), "--service",
        example("service-vpc.json"), "--to", "internet:api.partner.example?allowlist=203.0.113.7,198.51.100.0/24");
    assertThat(missing.code()).as(missing.toString()).isEqualTo(1);
    assertThat(missing.out()).contains("EXTERNAL_ALLOWLIST_MISSING_EIP").contains("47.96.120.33")
        .contains("api.partner.example").doesNotContain("SG_EGRESS_DENIES");
    Cli.Result held = Cli.run("doctor", "--snapshot", example("snapshot.json"), "--service",
        example("service-vpc.json"), "--to", "internet:203.0.113.0/24?allowlist=47.96.120.33");
    assertThat(held.code()).as(held.toString()).isZero();
    assertThat(held.out()).contains("203.0.113.0/24").contains("REACHABLE");
  }

  @Test
  void aServiceOfTheSnapshotByNameAndADirectClient() {
    Cli.Result r = Cli.run("doctor", "--snapshot", example("snapshot.json"), "--name", "chat_inference",
        "--from", "from:" + CLIENT);
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("ECS i-bp1h6f8k2m4n7q9s3t5v").contains("REACHABLE");
  }

  @Test
  void unknownServiceNameListsTheKnownOnes() {
    Cli.Result r = Cli.run("doctor", "--snapshot", example("snapshot.json"), "--name", "chat", "--to", RDS);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no service named \"chat\"").contains("chat_inference, embedding_rg");
  }

  @Test
  void aBadIntentNamesTheAcceptedForms() {
    Cli.Result r = Cli.run("doctor", "--snapshot", example("snapshot.json"), "--service",
        example("service-vpc.json"), "--to", "mysql:rm-1");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).contains("\"mysql:rm-1\" is not an intent").contains("rds:ID[:PORT]");
  }

  @Test
  void aClientGivenToToIsRedirectedToFrom() {
    Cli.Result r = Cli.run("doctor", "--snapshot", example("snapshot.json"), "--service",
        example("service-vpc.json"), "--to", "from:" + CLIENT);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("pass it as --from " + CLIENT);
  }

  @Test
  void nothingToCheckIsAUsageError() {
    Cli.Result r = Cli.run("doctor", "--snapshot", example("snapshot.json"), "--service",
        example("service-vpc.json"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("say what to check");
    Cli.Result none = Cli.run("doctor", "--snapshot", example("snapshot.json"), "--to", RDS);
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("name the service");
  }
}
