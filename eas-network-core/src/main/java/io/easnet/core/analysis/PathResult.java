package io.easnet.core.analysis;

import java.util.List;
import org.immutables.value.Value;

/**
 * The result of analysing one path: the overall verdict, one {@link VSwitchPath} per vSwitch of the effective
 * network, every blocker over all vSwitches (deduplicated) and the assumptions made.
 */
@Value.Immutable
public abstract class PathResult {
  PathResult() {}

  /** The intent this path answers. */
  public abstract Intent intent();

  /** What the path analyses. */
  public abstract PathKind kind();

  /** A one-line description, e.g. {@code EAS svc → RDS rm-1:3306}. */
  public abstract String description();

  /** The service the path starts or ends at. */
  public abstract String serviceName();

  /** The overall verdict over all vSwitches. */
  public abstract Verdict verdict();

  /** One result per vSwitch of the effective network, the primary first; empty when the service has no VPC. */
  public abstract List<VSwitchPath> vSwitchPaths();

  /** Every blocker over all vSwitches, without duplicates, in order of first appearance. */
  public abstract List<Explanation> explanations();

  /** Every assumption over all vSwitches, without duplicates. */
  public abstract List<Assumption> assumptions();

  /** True when some explanation carries {@code code}. */
  public final boolean has(ExplanationCode code) {
    return explanations().stream().anyMatch(e -> e.code() == code);
  }

  /** The codes of all explanations, in order, without duplicates. */
  public final List<ExplanationCode> codes() {
    return explanations().stream().map(Explanation::code).distinct().toList();
  }

  /**
   * True when the verdict is {@link Verdict#UNDETERMINED} only because of facts a Terraform plan leaves unknown until
   * apply: every blocker lacks a fact about a resource the plan creates (a stand-in id,
   * {@link io.easnet.core.model.ResourceId#isKnownAfterApply()}) or a SNAT address not allocated yet. Such a path is
   * not a failure; it is decided once the plan is applied.
   */
  public final boolean isKnownAfterApply() {
    return verdict() == Verdict.UNDETERMINED && !explanations().isEmpty()
        && explanations().stream().allMatch(PathResult::knownAfterApply);
  }

  private static boolean knownAfterApply(Explanation e) {
    if (e.missing().orElse(null) instanceof Missing.FactUnknown f) {
      return f.assumption() == AssumptionKey.SNAT_IP_UNKNOWN
          || f.about().resourceId().map(id -> id.isKnownAfterApply()).orElse(false);
    }
    return false;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PathResult}. */
  public static final class Builder extends ImmutablePathResult.Builder {
    Builder() {}
  }
}
