package io.easnet.core.json;

import io.easnet.core.analysis.PathResult;
import io.easnet.core.check.NetworkCheck;
import io.easnet.core.report.Report;
import io.easnet.core.report.ReportFormat;
import io.easnet.core.rules.ServiceInput;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TerraformPlanTest {
  static final Path DIR = Path.of("..", "examples", "terraform");

  @Test
  void explore() {
    TerraformPlan plan = TerraformPlan.read(DIR.resolve("new-estate.plan.json"));
    Snapshot after = plan.alone();
    System.out.println(SnapshotJson.toJson(after));
    plan.unknownFacts().forEach(System.out::println);
    ServiceInput svc = ServiceInput.builder().spec(after.services().get(0).spec()).wantsInternetEgress(true)
        .addPrivateTarget(after.inventory().redisInstances().get(0).id().value()).build();
    Report r = NetworkCheck.builder().inventory(after.inventory(), "new-estate.plan.json").addService(svc).build().run();
    System.out.println(ReportFormat.TEXT.render(r));
  }
}
