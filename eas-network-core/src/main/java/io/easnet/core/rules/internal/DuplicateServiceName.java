package io.easnet.core.rules.internal;

import io.easnet.core.analysis.ResolvedService;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EASNET-040: two inputs define a service of the same name. EAS service names are unique in a region, so deploying
 * both would make one replace the other. Each file keeps its own findings (the fingerprint holds the source); this
 * rule says that they clash, at every file after the first (by name).
 */
final class DuplicateServiceName extends BaseRule {
  DuplicateServiceName() {
    super("EASNET-040", Severity.WARNING, "Two service files define the same service name");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    Map<String, List<ResolvedService>> byName = new LinkedHashMap<>();
    for (ResolvedService s : context.services()) {
      byName.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s);
    }
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<String, List<ResolvedService>> e : byName.entrySet()) {
      List<ResolvedService> same = e.getValue();
      if (same.size() < 2) {
        continue;
      }
      List<String> files = same.stream().map(s -> s.source().orElse("an unnamed input")).toList();
      for (ResolvedService s : same.subList(1, same.size())) {
        out.add(atService(s, "/metadata/name")
            .message("service " + e.getKey() + " is defined in " + same.size() + " files (" + String.join(", ", files)
                + "); EAS service names are unique in a region, so deploying them would replace one with the other")
            .remediation("give each service its own metadata.name, or keep one file per service")
            .identity(String.join(",", files))
            .build());
      }
    }
    return out;
  }
}
