package io.easnet.testkit.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.analysis.Intent.IntentsFile;
import io.easnet.core.json.ServiceDocument;
import io.easnet.core.model.Inventory;
import io.easnet.core.plan.Applier;
import io.easnet.core.plan.Applier.ApplyResult;
import io.easnet.core.plan.Applier.ChangeResult;
import io.easnet.core.change.Change.ChangeKind;
import io.easnet.core.plan.Plan;
import io.easnet.core.plan.Planner.PlanOptions;
import io.easnet.core.plan.Planner.PlanResult;
import io.easnet.core.plan.Planner;
import io.easnet.testkit.FakeCloud;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan-and-apply snippet of docs/library.md, as written there (files in a temporary directory). */
class PlanReadmeExamplesTest {
  @TempDir
  Path dir;

  @Test
  void planReviewWriteDryRunApply() throws Exception {
    Inventory inventory = PlanFixtures.bare();
    try (FakeCloud source = PlanFixtures.fake(inventory)) {
      source.save(dir.resolve("snapshot.json"));
    }
    ServiceDocument.from(PlanFixtures.service("svc", "vsw-a").spec()).write(dir.resolve("service.json"));
    Files.writeString(dir.resolve("intents.json"), "{\"version\": 1, \"services\": [\n"
        + "  {\"file\": \"service.json\", \"intents\": [\"rds:rm-1:3306\", \"internet\", \"from:ecs:i-client\"]}]}\n");

    try (FakeCloud fake = FakeCloud.builder().inventory(inventory).build()) {
      // ROOT-README: plan-apply
      PlanResult result = Planner.fromSnapshot(dir.resolve("snapshot.json"))
          .plan(IntentsFile.read(dir.resolve("intents.json")), PlanOptions.defaults().allowBilled(true));
      Plan plan = result.plan().orElseThrow();   // empty when the intents cannot all be made REACHABLE
      plan.write(dir.resolve("plan.json"));      // deterministic: same estate and intents, same bytes

      Applier applier = Applier.builder(fake).clock(fake.clock()).sleeper(fake::advance).build();
      ApplyResult preview = applier.dryRun(Plan.read(dir.resolve("plan.json")));  // WOULD_APPLY, no writes
      ApplyResult applied = applier.apply(Plan.read(dir.resolve("plan.json")));  // APPLIED, ALREADY_IN_PLACE, …
      // end
      assertThat(result.works()).as("%s", result.unfixable()).isTrue();
      // the changes that depend on nothing billed come first, the NAT gateway after them
      assertThat(plan.changes().get(0).toString()).startsWith("change-1 AuthorizeSecurityGroupRule: ");
      assertThat(plan.changes()).filteredOn(c -> c.kind() == ChangeKind.CREATE_NAT_GATEWAY).singleElement()
          .satisfies(c -> assertThat(c.toString()).contains("CreateNatGateway: create an internet NAT gateway"));
      assertThat(preview.results()).extracting(ChangeResult::status).containsOnly(ChangeResult.Status.WOULD_APPLY);
      assertThat(applied.succeeded()).as("%s", applied).isTrue();
      assertThat(applied.results()).filteredOn(r -> r.kind() == ChangeKind.CREATE_NAT_GATEWAY).singleElement()
          .satisfies(r -> assertThat(r.outputs()).containsKey("natGatewayId"));
      assertThat(Planner.of(fake.inventory()).plan(IntentsFile.read(dir.resolve("intents.json")),
          PlanOptions.defaults()).plan()).hasValueSatisfying(p -> assertThat(p.isEmpty()).isTrue());
    }

    PlanResult unbilled = Planner.fromSnapshot(dir.resolve("snapshot.json"))
        .plan(IntentsFile.read(dir.resolve("intents.json")), PlanOptions.defaults());
    assertThat(unbilled.unfixable()).singleElement().asString()
        .startsWith("svc: internet stays UNREACHABLE: needs a billed change");
  }
}
