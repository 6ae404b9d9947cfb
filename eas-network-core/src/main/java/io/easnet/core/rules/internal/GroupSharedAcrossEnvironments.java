package io.easnet.core.rules.internal;

import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * EASNET-014: one security group serves services of different environments (dev, test, staging, prod, from the
 * service's declared environment or its name), or a group tagged for one environment serves another.
 */
final class GroupSharedAcrossEnvironments extends BaseRule {
  GroupSharedAcrossEnvironments() {
    super("EASNET-014", Severity.WARNING, "Security group shared across environments");
  }

  static Optional<String> environmentOf(ResolvedService s) {
    return s.input().environment().flatMap(Names::environment).or(() -> Names.environment(s.name()));
  }

  static Optional<String> environmentOf(SecurityGroup g) {
    for (String key : List.of("env", "environment", "Env", "Environment")) {
      if (g.tags().containsKey(key)) {
        Optional<String> e = Names.environment(g.tags().get(key));
        if (e.isPresent()) {
          return e;
        }
      }
    }
    return g.name().flatMap(Names::environment);
  }

  @Override
  public List<Finding> check(RuleContext context) {
    Map<String, Map<String, TreeSet<String>>> byGroup = new TreeMap<>();
    for (ResolvedService s : context.services()) {
      Optional<SecurityGroupId> g = s.network().flatMap(n -> n.securityGroupId());
      Optional<String> env = environmentOf(s);
      if (g.isPresent() && env.isPresent()) {
        byGroup.computeIfAbsent(g.get().value(), k -> new TreeMap<>())
            .computeIfAbsent(env.get(), k -> new TreeSet<>()).add(s.name());
      }
    }
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, TreeSet<String>>> e : byGroup.entrySet()) {
      Map<String, TreeSet<String>> envs = e.getValue();
      Optional<String> groupEnv = context.inventory().securityGroup(SecurityGroupId.of(e.getKey()))
          .flatMap(GroupSharedAcrossEnvironments::environmentOf);
      boolean mixed = envs.size() > 1;
      boolean mismatched = groupEnv.isPresent() && !(envs.size() == 1 && envs.containsKey(groupEnv.get()));
      if (!mixed && !mismatched) {
        continue;
      }
      List<String> parts = new ArrayList<>();
      envs.forEach((env, names) -> parts.add(env + ": " + String.join(", ", names)));
      out.add(atResource(context, SecurityGroupId.of(e.getKey()))
          .message("security group " + e.getKey() + groupEnv.map(x -> " (tagged " + x + ")").orElse("")
              + " is used by services of " + (mixed ? "several environments" : "another environment") + " ("
              + String.join("; ", parts) + "); a rule opened for one environment opens it for the others")
          .remediation("give each environment its own security group and allow traffic between them"
              + " explicitly")
          .addResourceIds(e.getKey())
          .identity(String.join(",", envs.keySet()))
          .build());
    }
    return out;
  }
}
