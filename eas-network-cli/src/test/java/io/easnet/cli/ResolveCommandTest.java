package io.easnet.cli;

import static io.easnet.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolveCommandTest {
  @Test
  void snapshotServicesShowTheirProvenance() {
    Cli.Result r = Cli.run("resolve", "--snapshot", example("snapshot.json"));
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("service chat_inference: networking from the service's own cloud.networking"
        + " block (SERVICE)").contains("service embedding_rg: networking from the resource group's VPC direct"
        + " connection (RESOURCE_GROUP)").contains("vsw-bp17uo6xebcusy7c4k1wd").contains("because ");
  }

  @Test
  void jsonForOneServiceFile() throws Exception {
    Cli.Result r = Cli.run("resolve", "--snapshot", example("snapshot.json"), "--service",
        example("service-vpc.json"), "--format", "json");
    assertThat(r.code()).as(r.toString()).isZero();
    JsonNode s = new ObjectMapper().readTree(r.out()).path("services");
    assertThat(s).hasSize(1);
    assertThat(s.get(0).path("provenance").asText()).isEqualTo("SERVICE");
    assertThat(s.get(0).path("securityGroupId").asText()).isEqualTo("sg-bp1brugkivv3hq9x6t2e");
  }

  @Test
  void aPartialNetworkingBlockIsBadInput(@TempDir Path dir) throws Exception {
    Path svc = dir.resolve("partial.json");
    Files.writeString(svc, "{\"metadata\": {\"name\": \"p\", \"instance\": 1}, \"cloud\": {\"networking\":"
        + " {\"vpc_id\": \"vpc-bp1kjr3rfyhx01q8z2m5n\"}}, \"containers\": [{\"image\": \"x\", \"port\": 8000}]}");
    Cli.Result r = Cli.run("resolve", "--snapshot", example("snapshot.json"), "--service", svc.toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("/cloud/networking").doesNotContain("\tat ");
  }

  @Test
  void otherFormatsAreRefused() {
    Cli.Result r = Cli.run("resolve", "--snapshot", example("snapshot.json"), "--format", "sarif");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("resolve writes text or json");
  }
}
