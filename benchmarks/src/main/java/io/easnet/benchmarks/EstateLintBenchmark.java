package io.easnet.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.easnet.core.analysis.EstateAnalysis.AnalysisInput;
import io.easnet.core.analysis.EstateAnalysis;
import io.easnet.core.json.Snapshot;
import io.easnet.core.json.SnapshotJson;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.Rule;
import io.easnet.core.rules.RuleCatalog;
import io.easnet.core.rules.RuleContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lint at scale: the rule catalogue and the snapshot reader against the floor, Jackson parsing the same
 * snapshot bytes into a tree, on the estate of {@link EstateGenerator} at 10,000 and 20,000 services.
 *
 * <p>The estate grows in proportion ({@link EstateGenerator.Size#proportional}: a vSwitch per 10 services, a group of
 * 50 rules per 5), so every input dimension doubles from one size to the next: a linear stage takes 2× as long, a
 * stage that scans one dimension inside a loop over another takes 4×. Budgets: {@code catalogueRun} ≤ 2× the floor,
 * {@code snapshotRead} ≤ 3× the floor, every stage at 20,000 ≤ 2.2× its time at 10,000. {@code ./bench} prints the
 * ratios.
 *
 * <p>Few iterations and one fork (more for the fast floor and reader), so that a run takes well under an hour on a
 * shared 2-core machine: compare ratios within one run, not absolute times across runs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class EstateLintBenchmark {
  /** The seed of every estate; the same seed gives the same bytes. */
  static final long SEED = 7;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The estate at one size, built once per trial. */
  @State(Scope.Benchmark)
  public static class EstateState {
    /** The number of services; the rest of the estate scales with it. */
    @Param({"10000", "20000"})
    public int services;

    byte[] snapshotJson;
    AnalysisInput input;

    /** Generates the estate (not timed). */
    @Setup(Level.Trial)
    public void setUp() {
      EstateGenerator.Estate estate = EstateGenerator.generate(EstateGenerator.Size.proportional(services), SEED);
      snapshotJson = estate.snapshotJson();
      input = estate.analysisInput();
    }
  }

  /** One rule of the standard catalogue, alone in a catalogue. */
  @State(Scope.Benchmark)
  public static class RuleState {
    /**
     * The rules that grow fastest with the estate (003, 010, 011, 015, 019) and the two next slowest on this
     * estate (013 open sensitive port, 029 target allowlist); the same list as {@link #ruleId}'s values.
     */
    static final String[] RULES =
        {"EASNET-003", "EASNET-010", "EASNET-011", "EASNET-013", "EASNET-015", "EASNET-019", "EASNET-029"};

    /** The rule of this trial. */
    @Param({"EASNET-003", "EASNET-010", "EASNET-011", "EASNET-013", "EASNET-015", "EASNET-019", "EASNET-029"})
    public String ruleId;

    RuleCatalog catalogue;

    /** Looks the rule up. */
    @Setup(Level.Trial)
    public void setUp() {
      Rule rule = RuleCatalog.standard().rule(ruleId)
          .orElseThrow(() -> new IllegalArgumentException("the standard catalogue has no rule " + ruleId));
      catalogue = RuleCatalog.of(List.of(rule));
    }
  }

  /**
   * The floor: Jackson reads the snapshot bytes into a tree, nothing else. Allocation-bound, so noisy on a shared
   * machine: more iterations than the slow stages, which cost little since an operation takes well under a second.
   */
  @Benchmark
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 8, time = 1)
  public JsonNode floorJacksonTree(EstateState estate) throws IOException {
    return MAPPER.readTree(estate.snapshotJson);
  }

  /** The snapshot reader on the same bytes: decoding, tree, validation, the typed inventory and services. */
  @Benchmark
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  public Snapshot snapshotRead(EstateState estate) {
    return SnapshotJson.parse(new String(estate.snapshotJson, StandardCharsets.UTF_8), "snapshot.json");
  }

  /**
   * The estate analysis (every service resolved, every path analysed, the capacity): what each catalogue run does
   * before its rules.
   */
  @Benchmark
  public RuleContext resolveContext(EstateState estate) {
    return RuleContext.of(EstateAnalysis.of(estate.input));
  }

  /** The whole standard catalogue on the prebuilt input. */
  @Benchmark
  public List<Finding> catalogueRun(EstateState estate) {
    return RuleCatalog.standard().run(estate.input);
  }

  /** One rule, run as a catalogue of its own (so it includes {@link #resolveContext}). */
  @Benchmark
  public List<Finding> rule(EstateState estate, RuleState rule) {
    return rule.catalogue.run(estate.input);
  }
}
