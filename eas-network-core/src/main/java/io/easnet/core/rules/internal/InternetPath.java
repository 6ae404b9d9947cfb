package io.easnet.core.rules.internal;

import io.easnet.core.analysis.Explanation;
import io.easnet.core.analysis.InternetTarget;
import io.easnet.core.analysis.PathAnalyzer;
import io.easnet.core.analysis.PathResult;
import io.easnet.core.analysis.Verdict;
import io.easnet.core.model.Inventory;
import io.easnet.core.resolve.EffectiveNetwork;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Internet egress of a service through the analysis {@link PathAnalyzer}: TCP 443 to any internet address from
 * every vSwitch of the effective network (NAT gateway, EIP, SNAT entry by longest prefix, route, EAS group egress).
 */
final class InternetPath {
  /** The port checked for internet egress: HTTPS, what downloads and APIs use. */
  static final int PORT = 443;

  private InternetPath() {}

  static PathResult analyse(EffectiveNetwork network, Inventory inventory) {
    return PathAnalyzer.of(inventory).internet(network, InternetTarget.any(PORT));
  }

  /** The blockers as {@code CODE on component: actual} sentences; empty when reachable. */
  static List<String> missing(EffectiveNetwork network, Inventory inventory) {
    PathResult r = analyse(network, inventory);
    if (r.verdict() == Verdict.REACHABLE) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (Explanation e : r.explanations()) {
      out.add(e.code() + " on " + e.component() + ": " + e.actual());
    }
    if (out.isEmpty()) {
      out.add("the path is " + r.verdict());
    }
    return new ArrayList<>(out);
  }

  /** The distinct fixes of the blockers. */
  static List<String> fixes(EffectiveNetwork network, Inventory inventory) {
    Set<String> out = new LinkedHashSet<>();
    for (Explanation e : analyse(network, inventory).explanations()) {
      out.add(e.fix());
    }
    return new ArrayList<>(out);
  }
}
