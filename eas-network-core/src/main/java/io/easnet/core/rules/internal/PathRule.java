package io.easnet.core.rules.internal;

import io.easnet.core.analysis.Explanation.Component;
import io.easnet.core.analysis.EstateAnalysis;
import io.easnet.core.analysis.Explanation;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import io.easnet.core.analysis.Intent;
import io.easnet.core.analysis.PathResult.PathKind;
import io.easnet.core.analysis.PathResult;
import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule whose findings are the blockers of the run's path results that {@link PathRules} assigns to it: message,
 * fix, near miss and location come from the {@link Explanation}; it never analyses anything itself. It visits only
 * the services the analysis lists with a blocker of one of its codes ({@link EstateAnalysis#servicesBlockedBy}).
 */
final class PathRule extends BaseRule {
  private final PathRules.Spec spec;
  private final Set<ExplanationCode> codes;

  PathRule(PathRules.Spec spec) {
    super(spec.id(), spec.severity(), spec.summary());
    this.spec = spec;
    this.codes = PathRules.codesOf(spec);
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (ResolvedService s : context.analysis().servicesBlockedBy(codes)) {
      if (s.network().isEmpty()) {
        continue;
      }
      perIntent(context, s, out);
      perService(context, s, out);
    }
    return out;
  }

  private static PathRules.Spec specOf(PathResult p, Explanation e, ResolvedService s) {
    return PathRules.specFor(p.kind(), e.code(), s.networkBlockers().contains(e));
  }

  private void perIntent(RuleContext c, ResolvedService s, List<Finding> out) {
    for (PathResult p : s.paths()) {
      for (Explanation e : p.explanations()) {
        PathRules.Spec sp = specOf(p, e, s);
        if (sp.scope() != PathRules.Scope.INTENT || !sp.equals(spec)) {
          continue;
        }
        // a fact a Terraform plan leaves unknown until apply is not a failure (docs/terraform.md)
        boolean afterApply = p.isKnownAfterApply();
        Finding.Builder f = atComponent(c, s, e)
            .serviceName(s.name())
            .message("service " + s.name() + (afterApply ? " may " : " cannot ") + p.intent().describe() + " ("
                + p.verdict() + (afterApply ? ", known after apply" : "") + "): "
                + e.component().describe() + ": " + e.actual())
            .remediation(e.fix())
            .addAllResourceIds(resourceIds(e, p.intent()))
            .addIntents(p.intent().describe())
            .identity(p.intent().describe() + "|" + e.code() + "|" + e.component());
        if (afterApply) {
          f.severity(Severity.INFO);
        }
        e.didYouMean().ifPresent(f::didYouMean);
        out.add(f.build());
      }
    }
  }

  /** Blockers of the service itself, once each, naming every intent they block. */
  private void perService(RuleContext c, ResolvedService s, List<Finding> out) {
    Map<Explanation, Set<String>> blocked = new LinkedHashMap<>();
    Map<Explanation, PathRules.Spec> specs = new LinkedHashMap<>();
    for (Explanation e : s.networkBlockers()) {
      blocked.put(e, new LinkedHashSet<>());
      specs.put(e, PathRules.specFor(PathKind.PRIVATE_TARGET, e.code(), true));
    }
    for (PathResult p : s.paths()) {
      for (Explanation e : p.explanations()) {
        PathRules.Spec sp = specOf(p, e, s);
        if (sp.scope() != PathRules.Scope.INTENT && p.verdict() != Verdict.REACHABLE) {
          blocked.computeIfAbsent(e, k -> new LinkedHashSet<>()).add(p.intent().describe());
          specs.putIfAbsent(e, sp);
        }
      }
    }
    for (Map.Entry<Explanation, Set<String>> entry : blocked.entrySet()) {
      Explanation e = entry.getKey();
      if (!specs.get(e).equals(spec)) {
        continue;
      }
      List<String> intents = List.copyOf(entry.getValue());
      if (intents.isEmpty() && !reportWithoutIntents(c, e)) {
        continue;
      }
      Finding.Builder f = atComponent(c, s, e)
          .serviceName(s.name())
          .message(serviceMessage(s, e, intents))
          .remediation(e.fix())
          .addAllResourceIds(resourceIds(e, null))
          .addAllIntents(intents)
          .identity(e.code() + "|" + e.component());
      s.network().flatMap(n -> n.vpcId()).filter(v -> e.code() == ExplanationCode.VSWITCH_NOT_IN_VPC
          || e.code() == ExplanationCode.SECURITY_GROUP_NOT_IN_VPC).ifPresent(v -> f.addResourceIds(v.value()));
      e.didYouMean().ifPresent(f::didYouMean);
      out.add(f.build());
    }
  }

  /**
   * Without a blocked intent, a network blocker is still worth a finding, but a placeholder id is EASNET-002's, and a
   * snapshot that holds no resource of that kind at all is partial, not wrong. A missing network is only a problem
   * for a service that needs one (EASNET-031, -039 report only with intents).
   */
  private static boolean reportWithoutIntents(RuleContext c, Explanation e) {
    Component comp = e.component();
    boolean placeholder = comp.resourceId().map(id -> id.isPlaceholder()).orElse(false);
    return switch (e.code()) {
      case VSWITCH_NOT_FOUND -> !placeholder && !c.inventory().vSwitches().isEmpty();
      case SECURITY_GROUP_NOT_FOUND -> comp.kind() == Component.Kind.SERVICE
          || !placeholder && !c.inventory().securityGroups().isEmpty();
      case VSWITCH_NOT_IN_VPC, SECURITY_GROUP_NOT_IN_VPC -> true;
      default -> false;
    };
  }

  private static String serviceMessage(ResolvedService s, Explanation e, List<String> intents) {
    String needs = String.join(", ", intents);
    return switch (e.code()) {
      case VPC_NONE -> "service " + s.name() + " must " + needs + " but neither its cloud.networking nor its"
          + " resource group configures a VPC";
      case RESOURCE_GROUP_UNKNOWN -> "service " + s.name() + " sets no cloud.networking block and runs in "
          + e.component().describe() + ", which is not in the inventory: its network is unknown, so whether it can "
          + needs + " is UNDETERMINED";
      default -> "service " + s.name() + ": " + e.actual() + (intents.isEmpty() ? "" : " (this blocks: " + needs + ")");
    };
  }

  private static List<String> resourceIds(Explanation e, Intent intent) {
    Set<String> ids = new LinkedHashSet<>();
    e.component().parent().ifPresent(p -> ids.add(p.id()));
    if (e.component().kind() != Component.Kind.SERVICE && e.component().kind() != Component.Kind.EXTERNAL_TARGET) {
      ids.add(e.component().id());
    }
    if (intent instanceof Intent.Reach r) {
      r.target().resourceId().ifPresent(id -> ids.add(id.value()));
    } else if (intent instanceof Intent.Client cl) {
      ids.add(cl.client().value());
    }
    return new ArrayList<>(ids);
  }

  /** The location of a blocker: the service file for values it sets, the snapshot for resources it holds. */
  private Finding.Builder atComponent(RuleContext c, ResolvedService s, Explanation e) {
    Component comp = e.component();
    return switch (e.code()) {
      case VPC_NONE -> atService(s, "/cloud");
      case RESOURCE_GROUP_UNKNOWN -> atService(s, RESOURCE);
      case VSWITCH_NOT_FOUND, VSWITCH_NOT_IN_VPC -> atVSwitchValue(c, s, (VSwitchId) comp.resourceId().orElseThrow());
      case SECURITY_GROUP_NOT_IN_VPC -> atNetworkValue(c, s, "security_group_id", "securityGroupId");
      case SECURITY_GROUP_NOT_FOUND -> s.networkBlockers().contains(e)
          ? atNetworkValue(c, s, "security_group_id", "securityGroupId") : atAny(c, s, comp, e);
      case SNAT_NO_ENTRY_FOR_SOURCE, SNAT_PARTIAL_COVERAGE, NAT_MISSING ->
          atNetworkValue(c, s, "vswitch_id", "vSwitchId");
      case VPC_MISMATCH -> atNetworkValue(c, s, "vpc_id", "vpcId");
      case TARGET_ALLOWLIST_MISSING_SOURCE, TARGET_ALLOWLIST_SINGLE_INSTANCE_IP -> allowlistTarget(c, comp)
          .map(t -> atAllowlists(c, t)).orElseGet(() -> atAny(c, s, comp, e));
      case DLINK_CLIENT_OUTSIDE_RETURN_ROUTES, DLINK_DESTINATION_OUTSIDE_RETURN_ROUTES,
          DLINK_ROUTE_VSWITCH_NOT_FOUND -> comp.resourceId().isPresent()
              ? atResource(c, comp.resourceId().get(), "dlink") : atService(s, RESOURCE);
      case SERVICE_CLIENT_OUTSIDE_DESTINATION_CIDRS -> atService(s, networking("destination_cidrs"));
      default -> atAny(c, s, comp, e);
    };
  }

  private static java.util.Optional<io.easnet.core.model.AllowlistGroup.AllowlistTarget> allowlistTarget(RuleContext c,
      Component comp) {
    if (comp.kind() == Component.Kind.RDS_INSTANCE) {
      return c.inventory().rdsInstance((io.easnet.core.model.ResourceId.RdsInstanceId) comp.resourceId().orElseThrow())
          .map(t -> t);
    }
    if (comp.kind() == Component.Kind.REDIS_INSTANCE) {
      return c.inventory().redisInstance((io.easnet.core.model.ResourceId.RedisInstanceId) comp.resourceId().orElseThrow())
          .map(t -> t);
    }
    return java.util.Optional.empty();
  }

  private Finding.Builder atAny(RuleContext c, ResolvedService s, Component comp, Explanation e) {
    if (comp.kind() == Component.Kind.SECURITY_GROUP) {
      var group = c.inventory().securityGroup((io.easnet.core.model.ResourceId.SecurityGroupId) comp.resourceId().orElseThrow());
      int i = group.flatMap(g -> e.decidingRule().flatMap(r -> r.rule()).map(r -> g.rules().indexOf(r))).orElse(-1);
      return i < 0 ? atResource(c, comp.resourceId().get()) : atResource(c, comp.resourceId().get(), "rules", i);
    }
    if (comp.resourceId().isPresent()) {
      return atResource(c, comp.resourceId().get());
    }
    return atService(s, "");
  }
}
