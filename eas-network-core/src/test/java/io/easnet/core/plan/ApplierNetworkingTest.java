package io.easnet.core.plan;

import io.easnet.core.plan.Applier.ChangeResult;
import io.easnet.core.plan.Applier.ApplyResult;
import io.easnet.core.plan.Planner.PlanOptions;
import io.easnet.core.plan.Planner.PlanResult;
import io.easnet.core.change.Change.ChangeKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.analysis.Intent.IntentsFile;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.Vpc;
import io.easnet.core.spi.CloudPort;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A SetServiceNetworking change writes the block into the user's service JSON and touches nothing else. */
class ApplierNetworkingTest {
  private static final String SERVICE = "{\n"
      + "  \"containers\": [\n"
      + "    {\n"
      + "      \"image\": \"registry.example/app:1\",\n"
      + "      \"port\": 8000\n"
      + "    }\n"
      + "  ],\n"
      + "  \"x-team\": \"search\",\n"
      + "  \"metadata\": {\n"
      + "    \"instance\": 2,\n"
      + "    \"name\": \"svc\",\n"
      + "    \"x-note\": \"keep me\"\n"
      + "  },\n"
      + "  \"cloud\": {\n"
      + "    \"networking\": {\n"
      + "      \"security_group_id\": \"sg-eas\",\n"
      + "      \"vswitch_id\": \"vsw-a\",\n"
      + "      \"vpc_id\": \"vpc-b\",\n"
      + "      \"x-extra\": 1\n"
      + "    },\n"
      + "    \"computing\": {\n"
      + "      \"instance_type\": \"ecs.c6.large\"\n"
      + "    }\n"
      + "  }\n"
      + "}\n";

  @TempDir
  Path dir;

  /** A port that records and refuses every call: networking changes never reach the cloud. */
  private static CloudPort refusingPort(List<String> calls) {
    return (CloudPort) Proxy.newProxyInstance(CloudPort.class.getClassLoader(), new Class<?>[] {CloudPort.class},
        (proxy, method, args) -> {
          calls.add(method.getName());
          throw new AssertionError("the networking change called the cloud: " + method.getName());
        });
  }

  private Plan plan(Path intents) {
    Inventory inv = PlanEstates.bare().addVpc(Vpc.builder().id("vpc-b").cidrBlock("10.0.0.0/16")).build();
    PlanResult r = Planner.of(inv).plan(IntentsFile.read(intents), PlanOptions.defaults());
    assertThat(r.unfixable()).isEmpty();
    return r.plan().orElseThrow();
  }

  @Test
  void theBlockIsWrittenBackAndEverythingElseSurvivesByteForByte() throws Exception {
    Path service = dir.resolve("service.json");
    Files.writeString(service, SERVICE);
    Path intents = dir.resolve("intents.json");
    Files.writeString(intents, "{\"version\": 1, \"services\": [{\"file\": \"service.json\", \"intents\": []}]}");
    Plan plan = plan(intents);
    assertThat(plan.changes()).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(ChangeKind.SET_SERVICE_NETWORKING);
      assertThat(c.targets()).containsExactly("svc", service.toString());
    });
    List<String> calls = new ArrayList<>();
    Applier applier = Applier.builder(refusingPort(calls)).build();

    ApplyResult preview = applier.dryRun(plan);
    assertThat(preview.results()).extracting(ChangeResult::status).containsExactly(ChangeResult.Status.WOULD_APPLY);
    assertThat(Files.readString(service)).isEqualTo(SERVICE);

    ApplyResult result = applier.apply(plan);
    assertThat(result.results()).extracting(ChangeResult::status).containsExactly(ChangeResult.Status.APPLIED);
    assertThat(Files.readString(service)).isEqualTo(SERVICE.replace("\"vpc-b\"", "\"vpc-a\""));

    ApplyResult again = applier.apply(plan);
    assertThat(again.results()).extracting(ChangeResult::status)
        .containsExactly(ChangeResult.Status.ALREADY_IN_PLACE);
    assertThat(calls).isEmpty();
    assertThat(plan(intents).isEmpty()).isTrue();
  }

  @Test
  void aPlanWithoutAServiceFileFailsWithTheFix() {
    Inventory inv = PlanEstates.bare().addVpc(Vpc.builder().id("vpc-b").cidrBlock("10.0.0.0/16")).build();
    Plan plan = Planner.of(inv).plan(List.of(io.easnet.core.analysis.EstateAnalysis.ServiceInput.builder()
        .spec(io.easnet.core.model.ServiceSpec.builder().name("svc")
            .networking(io.easnet.core.model.ServiceSpec.ServiceNetworking.of("vpc-b", "vsw-a", "sg-eas")).build()).build()),
        PlanOptions.defaults()).plan().orElseThrow();
    ApplyResult r = Applier.builder(refusingPort(new ArrayList<>())).build().apply(plan);
    assertThat(r.succeeded()).isFalse();
    assertThat(r.results().get(0).status()).isEqualTo(ChangeResult.Status.FAILED);
    assertThat(r.results().get(0).message()).contains("serviceFile(\"svc\", path)");
  }
}
