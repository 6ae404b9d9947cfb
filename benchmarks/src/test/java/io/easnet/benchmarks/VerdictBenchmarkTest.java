package io.easnet.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.analysis.SecurityGroupVerdict.SecurityGroupDecision;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The two sides of budget 2 answer the same question: over every generated flow of the benchmark the library's
 * verdict and the naive baseline agree, and both decisions occur. Nothing is timed.
 */
class VerdictBenchmarkTest {
  @Test
  void theCompiledVerdictAndTheNaiveBaselineAgreeOnEveryFlow() {
    VerdictBenchmark benchmark = new VerdictBenchmark();
    VerdictBenchmark.Groups g = new VerdictBenchmark.Groups();
    g.setUp();
    assertThat(g.group.rules()).hasSize(VerdictBenchmark.RULES);
    Map<SecurityGroupDecision, Integer> seen = new EnumMap<>(SecurityGroupDecision.class);
    for (int i = 0; i < VerdictBenchmark.FLOWS; i++) {
      int at = g.next;
      SecurityGroupDecision compiled = benchmark.compiled(g);
      g.next = at;
      SecurityGroupDecision naive = benchmark.naive(g);
      assertThat(compiled).as("flow %d: %s %s %s port %d", at, g.directions[at], g.protocols[at], g.peers[at],
          g.ports[at]).isEqualTo(naive);
      seen.merge(compiled, 1, Integer::sum);
    }
    assertThat(g.next).isZero();
    assertThat(seen).containsKeys(SecurityGroupDecision.ALLOW, SecurityGroupDecision.DENY);
  }
}
