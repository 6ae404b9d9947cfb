package io.easnet.core.rules.internal;

import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EASNET-040: two inputs define a service of the same name. EAS service names are unique in a region, so deploying
 * both would make one replace the other. Each file keeps its own findings (the fingerprint holds the source); this
 * rule says that they clash, at every file after the first (by name). A service file whose deployed copy the
 * estate holds is not a clash: the file wins (the copy is not analysed a second time), and this rule says so once,
 * as a note at the file's {@code metadata.name}.
 */
final class DuplicateServiceName extends BaseRule {
  DuplicateServiceName() {
    super("EASNET-040", Severity.WARNING, "Two definitions of one service name");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    Map<String, List<ResolvedService>> byName = new LinkedHashMap<>();
    for (ResolvedService s : context.services()) {
      byName.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s);
    }
    List<Finding> out = new ArrayList<>();
    for (List<ResolvedService> same : byName.values()) {
      same.stream().filter(s -> s.input().replacesDeployedCopy().isPresent()).findFirst().ifPresent(s -> out.add(
          atService(s, "/metadata/name").severity(Severity.INFO)
              .message("service " + s.name() + " in " + s.source().orElse("an unnamed input")
                  + " is also deployed (" + s.input().replacesDeployedCopy().get() + "); they are the same service:"
                  + " the file is checked, the deployed copy is not checked or counted a second time")
              .remediation("nothing to do when the file is the next version of the deployed service; give the file"
                  + " its own metadata.name if it is meant to be a new service")
              .identity("deployed")
              .build()));
    }
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
