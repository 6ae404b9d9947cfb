package io.easnet.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.easnet.core.json.Snapshot;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/** Each benchmark method once, on a small estate: they run and do the work they claim. Nothing is timed. */
class EstateLintBenchmarkTest {
  private final EstateLintBenchmark benchmark = new EstateLintBenchmark();

  private static EstateLintBenchmark.EstateState estate(int services) {
    EstateLintBenchmark.EstateState s = new EstateLintBenchmark.EstateState();
    s.services = services;
    s.setUp();
    return s;
  }

  @Test
  void everyStageRunsOnceOnASmallEstate() throws Exception {
    EstateLintBenchmark.EstateState estate = estate(300);

    JsonNode tree = benchmark.floorJacksonTree(estate);
    Snapshot snapshot = benchmark.snapshotRead(estate);
    RuleContext context = benchmark.resolveContext(estate);
    List<Finding> all = benchmark.catalogueRun(estate);

    assertThat(tree.get("services").size()).isEqualTo(300);
    assertThat(snapshot.services()).hasSize(300);
    assertThat(snapshot.inventory()).isEqualTo(estate.input.inventory());
    assertThat(context.services()).hasSize(300);
    assertThat(all).isNotEmpty();
  }

  @Test
  void eachRuleStageRunsItsRuleOnly() throws Exception {
    EstateLintBenchmark.EstateState estate = estate(300);
    String[] params = EstateLintBenchmark.RuleState.class.getField("ruleId").getAnnotation(Param.class).value();
    assertThat(params).containsExactly(EstateLintBenchmark.RuleState.RULES);

    for (String id : params) {
      EstateLintBenchmark.RuleState rule = new EstateLintBenchmark.RuleState();
      rule.ruleId = id;
      rule.setUp();

      assertThat(benchmark.rule(estate, rule)).extracting(Finding::ruleId).containsOnly(id);
    }
  }

  @Test
  void servicesParameterCoversTheReferenceEstateAndTwiceIt() throws Exception {
    String[] sizes = EstateLintBenchmark.EstateState.class.getField("services").getAnnotation(Param.class).value();

    assertThat(sizes).containsExactly("10000", "20000");
  }
}
