package io.easnet.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.json.Snapshot;
import io.easnet.core.json.SnapshotJson;
import io.easnet.core.report.Report;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.Rule;
import io.easnet.core.rules.RuleCatalog;
import io.easnet.core.rules.Finding.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 17, done-when (b): every rule has a negative test on a realistic healthy estate: the project's healthy
 * example (examples/snapshot.json with its two deployed services, and with examples/service-vpc.json reaching the
 * RDS and Redis instances and the internet), not only a minimal one. No rule raises an ERROR or a WARNING there.
 */
class HealthyEstateNegativeTest {
  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final List<Finding> HEALTHY = healthyFindings();

  static Stream<String> rules() {
    return RuleCatalog.standard().rules().stream().map(Rule::id);
  }

  private static List<Finding> healthyFindings() {
    Snapshot s = SnapshotJson.read(EXAMPLES.resolve("snapshot.json"));
    List<Finding> out = new ArrayList<>();
    Report alone = NetworkCheck.builder().snapshot(s, "snapshot.json").build().run();
    out.addAll(alone.findings());
    ServiceInput.Builder chat = ServiceInput.fromFile(EXAMPLES.resolve("service-vpc.json")).wantsInternetEgress(true);
    s.inventory().rdsInstances().forEach(r -> chat.addPrivateTarget(r.id().value()));
    s.inventory().redisInstances().forEach(r -> chat.addPrivateTarget(r.id().value()));
    s.inventory().ecsInstances().forEach(e -> chat.addClient(e.id()));
    Report withIntents = NetworkCheck.builder().snapshot(s, "snapshot.json").addService(chat).build().run();
    out.addAll(withIntents.findings());
    assertThat(withIntents.pathResults()).as("the intents were analysed").isNotEmpty();
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void noRuleRaisesAnAlarmOnTheHealthyExample(String id) {
    assertThat(HEALTHY).filteredOn(f -> f.ruleId().equals(id) && f.severity() != Severity.INFO)
        .as(id + " on the healthy example").isEmpty();
  }
}
