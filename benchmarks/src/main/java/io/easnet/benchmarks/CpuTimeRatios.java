package io.easnet.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.easnet.core.analysis.EstateAnalysis.AnalysisInput;
import io.easnet.core.analysis.EstateAnalysis;
import io.easnet.core.json.SnapshotJson;
import io.easnet.core.rules.RuleCatalog;
import io.easnet.core.rules.RuleContext;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The lint stages of {@link EstateLintBenchmark} timed by the CPU time of the measuring thread (best of N after a
 * warm-up), for a machine shared with other work: wall-clock averages there measure the neighbours as much as the
 * code, while a thread's CPU time mostly does not. Prints each stage against the floor and the growth from the first
 * size to the second. Run with {@code java -cp benchmarks/target/benchmarks.jar io.easnet.benchmarks.CpuTimeRatios
 * [services...] [--runs N]}; the JMH benchmark stays the reference on a quiet machine.
 */
public final class CpuTimeRatios {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CpuTimeRatios() {}

  public static void main(String[] args) throws Exception {
    int runs = 5;
    java.util.List<Integer> sizes = new java.util.ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--runs")) {
        runs = Integer.parseInt(args[++i]);
      } else {
        sizes.add(Integer.parseInt(args[i]));
      }
    }
    if (sizes.isEmpty()) {
      sizes = java.util.List.of(10_000, 20_000);
    }
    Map<Integer, Map<String, Double>> results = new LinkedHashMap<>();
    for (int services : sizes) {
      EstateGenerator.Estate estate = EstateGenerator.generate(EstateGenerator.Size.proportional(services), 7);
      byte[] bytes = estate.snapshotJson();
      AnalysisInput input = estate.analysisInput();
      Map<String, Double> stage = new LinkedHashMap<>();
      stage.put("floorJacksonTree", best(runs, () -> MAPPER.readTree(bytes)));
      stage.put("snapshotRead", best(runs, () -> SnapshotJson.parse(new String(bytes, StandardCharsets.UTF_8),
          "snapshot.json")));
      stage.put("resolveContext", best(runs, () -> RuleContext.of(EstateAnalysis.of(input))));
      stage.put("catalogueRun", best(runs, () -> RuleCatalog.standard().run(input)));
      results.put(services, stage);
      System.out.printf(Locale.ROOT, "services=%d (%d MB of JSON): %s%n", services, bytes.length >> 20, stage);
    }
    System.out.printf(Locale.ROOT, "%-18s", "stage (CPU ms)");
    sizes.forEach(s -> System.out.printf(Locale.ROOT, "%14s %8s", "services=" + s, "/floor"));
    System.out.println(sizes.size() > 1 ? "   growth" : "");
    for (String name : results.get(sizes.get(0)).keySet()) {
      System.out.printf(Locale.ROOT, "%-18s", name);
      for (int s : sizes) {
        double v = results.get(s).get(name);
        double f = results.get(s).get("floorJacksonTree");
        System.out.printf(Locale.ROOT, "%14.0f %7.1fx", v, v / f);
      }
      if (sizes.size() > 1) {
        System.out.printf(Locale.ROOT, "   %.2fx", results.get(sizes.get(1)).get(name)
            / results.get(sizes.get(0)).get(name));
      }
      System.out.println();
    }
  }

  /** The smallest CPU time of {@code runs} runs after two warm-up runs, in milliseconds. */
  private static double best(int runs, Callable<?> stage) throws Exception {
    for (int i = 0; i < 2; i++) {
      stage.call();
    }
    long best = Long.MAX_VALUE;
    for (int i = 0; i < runs; i++) {
      System.gc();
      long start = THREADS.getCurrentThreadCpuTime();
      Object out = stage.call();
      long took = THREADS.getCurrentThreadCpuTime() - start;
      if (out == null) {
        throw new IllegalStateException("a stage returned nothing");
      }
      best = Math.min(best, took);
    }
    return best / 1e6;
  }
}
