import io.easnet.benchmarks.EstateGenerator;
import io.easnet.core.analysis.EstateAnalysis;
import io.easnet.core.analysis.PathResult;
import java.lang.reflect.Field;

/** Diagnostic: how many distinct questions each memo answered for the 10,000-service benchmark estate. */
public class Hits {
  static Object field(Object o, String name) throws Exception {
    Field f = o.getClass().getDeclaredField(name);
    f.setAccessible(true);
    return f.get(o);
  }

  public static void main(String[] args) throws Exception {
    var estate = EstateGenerator.generate(EstateGenerator.Size.proportional(Integer.parseInt(args[0])), 7);
    EstateAnalysis a = EstateAnalysis.of(estate.analysisInput());
    long internet = 0, priv = 0;
    for (var s : a.services()) {
      for (PathResult p : s.paths()) {
        if (p.vSwitchPaths().isEmpty()) continue;
        if (p.kind() == PathResult.PathKind.INTERNET) internet++;
        if (p.kind() == PathResult.PathKind.PRIVATE_TARGET) priv++;
      }
      if (s.internetEgress().isPresent() && s.paths().stream().noneMatch(p -> p == s.internetEgress().get())
          && !s.internetEgress().get().vSwitchPaths().isEmpty()) internet++;
    }
    Object analyzer = field(a, "analyzer");
    Object ip = field(analyzer, "internetPath");
    Object pp = field(analyzer, "privatePath");
    System.out.println("internet paths with a vSwitch: " + internet + ", private paths with a vSwitch: " + priv);
    for (String m : new String[] {"egressHops", "gatewayHops"}) {
      System.out.println("InternetPath." + m + ": " + field(ip, m).getClass().getMethod("size").invoke(field(ip, m)) + " distinct");
    }
    for (String m : new String[] {"targets", "egressHops", "targetHops"}) {
      System.out.println("PrivatePath." + m + ": " + field(pp, m).getClass().getMethod("size").invoke(field(pp, m)) + " distinct");
    }
  }
}
