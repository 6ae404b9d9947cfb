import io.easnet.benchmarks.EstateGenerator;
import io.easnet.core.analysis.EstateAnalysis;
import io.easnet.core.analysis.internal.Memo;
import io.easnet.core.rules.RuleCatalog;

/** Same JVM, interleaved: the analysis and the catalogue with the memos, and with every memo bypassed. Min of N. */
public class SameJvm {
  public static void main(String[] args) {
    var input = EstateGenerator.generate(EstateGenerator.Size.proportional(Integer.parseInt(args[0])), 7).analysisInput();
    int n = Integer.parseInt(args[1]);
    long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
    int sink = 0;
    for (int i = 0; i < n; i++) {
      System.gc();
      long t0 = System.nanoTime();
      sink += EstateAnalysis.of(input).services().size();
      long t1 = System.nanoTime();
      System.gc();
      long u1 = System.nanoTime();
      sink += Memo.bypassing(() -> EstateAnalysis.of(input)).services().size();
      long t2 = System.nanoTime();
      System.gc();
      long u2 = System.nanoTime();
      sink += RuleCatalog.standard().run(input).size();
      long t3 = System.nanoTime();
      System.gc();
      long u3 = System.nanoTime();
      sink += Memo.bypassing(() -> RuleCatalog.standard().run(input)).size();
      long t4 = System.nanoTime();
      if (i >= 2) { // two warm-up rounds
        best[0] = Math.min(best[0], t1 - t0);
        best[1] = Math.min(best[1], t2 - u1);
        best[2] = Math.min(best[2], t3 - u2);
        best[3] = Math.min(best[3], t4 - u3);
      }
    }
    System.out.printf("analysis memoized %d ms, bypassed %d ms; catalogue memoized %d ms, bypassed %d ms (min of %d, sink %d)%n",
        best[0] / 1_000_000, best[1] / 1_000_000, best[2] / 1_000_000, best[3] / 1_000_000, n - 2, sink);
  }
}
