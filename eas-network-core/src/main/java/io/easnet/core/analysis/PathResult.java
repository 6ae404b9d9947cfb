package io.easnet.core.analysis;

import io.easnet.core.analysis.PathResult.Hop.HopStatus;
import java.util.Optional;
import io.easnet.core.analysis.Explanation.Missing;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import io.easnet.core.analysis.Assumption.AssumptionKey;
import java.util.List;
import org.immutables.value.Value;
import io.easnet.core.model.ResourceId.VSwitchId;

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

  /** What a {@link PathResult} analyses. */
  public enum PathKind {
    /** EAS instances to a private target in a VPC: RDS, Redis, ECS or an address. */
    PRIVATE_TARGET,
    /** EAS instances to the internet through a NAT gateway. */
    INTERNET,
    /** An ECS client connecting directly to the EAS instances in the VPC. */
    CLIENT_TO_SERVICE;

    /** The kind of path an intent asks about. */
    public static PathKind of(Intent intent) {
      if (intent instanceof Intent.Reach) {
        return PRIVATE_TARGET;
      }
      return intent instanceof Intent.Internet ? INTERNET : CLIENT_TO_SERVICE;
    }
  }

  /** The verdict on a path. */
  public enum Verdict {
    /** Every analysed vSwitch (every instance) reaches the target. */
    REACHABLE,
    /** No analysed vSwitch reaches the target; the explanations say why. */
    UNREACHABLE,
    /** Some vSwitches or instances reach the target and some do not. */
    AMBIGUOUS,
    /** A fact the analysis needs is missing; the assumptions and explanations say which. */
    UNDETERMINED;

    /**
     * Combines per-vSwitch verdicts: all reachable → {@link #REACHABLE}; all unreachable → {@link #UNREACHABLE}; any
     * undetermined → {@link #UNDETERMINED}; otherwise {@link #AMBIGUOUS}. An empty list is {@link #UNREACHABLE}.
     */
    public static Verdict combine(Iterable<Verdict> verdicts) {
      boolean any = false;
      boolean allReachable = true;
      boolean allUnreachable = true;
      boolean undetermined = false;
      for (Verdict v : verdicts) {
        any = true;
        allReachable &= v == REACHABLE;
        allUnreachable &= v == UNREACHABLE;
        undetermined |= v == UNDETERMINED;
      }
      if (!any || allUnreachable) {
        return UNREACHABLE;
      }
      if (allReachable) {
        return REACHABLE;
      }
      return undetermined ? UNDETERMINED : AMBIGUOUS;
    }
  }

  /** The result of a path for the EAS instances in one vSwitch: verdict, hops in order, every blocker. */
  @Value.Immutable
  public static abstract class VSwitchPath {
    VSwitchPath() {}

    /** The vSwitch the EAS instances take addresses from. */
    public abstract VSwitchId vSwitchId();

    /** The verdict for the instances in this vSwitch. */
    public abstract Verdict verdict();

    /** The components along the path, in order. */
    public abstract List<Hop> hops();

    /** Every blocker on this vSwitch's path, not only the first. */
    public abstract List<Explanation> explanations();

    /** The assumptions made for this vSwitch. */
    public abstract List<Assumption> assumptions();

    /** A new builder. */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link VSwitchPath}. */
    public static final class Builder extends ImmutableVSwitchPath.Builder {
      Builder() {}
    }
  }

  /**
   * One component along a path, in order (the EAS vSwitch, the EAS security group's egress, the target's security
   * group, the target's allowlist, the NAT gateway, the SNAT entry, the route table, the target), with its status,
   * so that a report can draw the path and mark the blocked hop.
   */
  @Value.Immutable
  public abstract static class Hop {
    Hop() {}

    /** A short label, e.g. {@code security group sg-eas (egress)}. */
    public abstract String label();

    /** The resource id or name, e.g. {@code sg-eas}; {@code internet} for the internet. */
    public abstract String component();

    /** Whether the hop passes, blocks, passes partly or is unknown. */
    public abstract HopStatus status();

    /** The deciding rule or a short detail, when there is one. */
    public abstract Optional<String> detail();

    /** A hop with no detail. */
    public static Hop of(String label, String component, HopStatus status) {
      return builder().label(label).component(component).status(status).build();
    }

    /** A hop with a detail. */
    public static Hop of(String label, String component, HopStatus status, String detail) {
      return builder().label(label).component(component).status(status).detail(detail).build();
    }

    /** A new builder. */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link Hop}. */
    public static final class Builder extends ImmutableHop.Builder {
      Builder() {}
    }

    /** The state of one {@link Hop} of a path. */
    public enum HopStatus {
      /** The hop lets the traffic through. */
      PASS,
      /** The hop stops the traffic; an explanation says why. */
      BLOCKED,
      /** The hop lets only part of the traffic through (for example a SNAT entry covering part of the vSwitch). */
      PARTIAL,
      /** The analysis cannot tell: a fact is missing. */
      UNKNOWN
    }
  }
}
