package io.easnet.core.analysis;

import io.easnet.core.analysis.PathResult.Hop;
import io.easnet.core.analysis.PathResult.VSwitchPath;
import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.analysis.PathResult.PathKind;
import io.easnet.core.analysis.PathResult.Hop.HopStatus;
import io.easnet.core.analysis.Assumption.AssumptionKey;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.resolve.EffectiveNetwork;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Records the hops, blockers and assumptions of one vSwitch's path, and builds the {@link VSwitchPath} and the
 * {@link PathResult}. Every blocker goes with a hop that does not pass, so a path has explanations exactly when its
 * verdict is not {@link Verdict#REACHABLE}.
 */
final class PathRecorder {
  private final VSwitchId vSwitchId;
  private final List<Hop> hops = new ArrayList<>();
  private final Set<Explanation> explanations = new LinkedHashSet<>();
  private final Set<Assumption> assumptions = new LinkedHashSet<>();

  PathRecorder(VSwitchId vSwitchId) {
    this.vSwitchId = vSwitchId;
  }

  void pass(String label, String component, String detail) {
    hop(label, component, HopStatus.PASS, detail);
  }

  /** A hop that blocks, with the explanation why. */
  void block(String label, String component, String detail, Explanation why) {
    hop(label, component, HopStatus.BLOCKED, detail);
    explanations.add(why);
  }

  /** A hop that passes for some instances only, with the explanation why. */
  void partial(String label, String component, String detail, Explanation why) {
    hop(label, component, HopStatus.PARTIAL, detail);
    explanations.add(why);
  }

  /** A hop whose outcome depends on a missing fact, with the explanation naming it. */
  void unknown(String label, String component, String detail, Explanation why) {
    hop(label, component, HopStatus.UNKNOWN, detail);
    explanations.add(why);
  }

  /**
   * A hop that cannot be evaluated because an earlier hop already failed (its input is missing); it adds no blocker
   * of its own: the earlier one explains it.
   */
  void skipped(String label, String component, String detail) {
    hop(label, component, HopStatus.UNKNOWN, detail);
  }

  /** A further blocker on a hop already recorded as not passing. */
  void also(Explanation why) {
    explanations.add(why);
  }

  void assume(Assumption a) {
    assumptions.add(a);
  }

  void assume(AssumptionKey key, String sentence) {
    assumptions.add(Assumption.of(key, sentence));
  }

  private void hop(String label, String component, HopStatus status, String detail) {
    Hop.Builder b = Hop.builder().label(label).component(component).status(status);
    if (detail != null) {
      b.detail(detail);
    }
    hops.add(b.build());
  }

  /**
   * One memoized part of a path: the hops, blockers and assumptions a recorder holds, in recording order, to
   * {@link #replay} into the recorder of another path that asks the same question. Replaying gives exactly the path
   * that recording the same calls in place gives (hops append; blockers and assumptions keep their first occurrence).
   */
  record Segment(List<Hop> hops, List<Explanation> explanations, List<Assumption> assumptions) {
    Segment {
      hops = List.copyOf(hops);
      explanations = List.copyOf(explanations);
      assumptions = List.copyOf(assumptions);
    }
  }

  /** What this recorder holds, as a {@link Segment}. */
  Segment segment() {
    return new Segment(hops, List.copyOf(explanations), List.copyOf(assumptions));
  }

  /** Records every hop, blocker and assumption of {@code segment}, in order. */
  void replay(Segment segment) {
    hops.addAll(segment.hops());
    explanations.addAll(segment.explanations());
    assumptions.addAll(segment.assumptions());
  }

  VSwitchPath build() {
    boolean blocked = hops.stream().anyMatch(h -> h.status() == HopStatus.BLOCKED);
    boolean unknown = hops.stream().anyMatch(h -> h.status() == HopStatus.UNKNOWN);
    boolean partial = hops.stream().anyMatch(h -> h.status() == HopStatus.PARTIAL);
    Verdict v = blocked ? Verdict.UNREACHABLE
        : unknown ? Verdict.UNDETERMINED
        : partial ? Verdict.AMBIGUOUS
        : Verdict.REACHABLE;
    if ((v == Verdict.REACHABLE) != explanations.isEmpty()) {
      throw new IllegalStateException("path of " + vSwitchId + " is " + v + " with explanations " + explanations);
    }
    return VSwitchPath.builder().vSwitchId(vSwitchId).verdict(v).hops(hops).explanations(explanations)
        .assumptions(assumptions).build();
  }

  /** The result over every vSwitch's path. */
  static PathResult result(Intent intent, String description, EffectiveNetwork service, List<VSwitchPath> paths) {
    Set<Explanation> explanations = new LinkedHashSet<>();
    Set<Assumption> assumptions = new LinkedHashSet<>();
    for (VSwitchPath p : paths) {
      explanations.addAll(p.explanations());
      assumptions.addAll(p.assumptions());
    }
    return PathResult.builder().intent(intent).kind(PathKind.of(intent)).description(description)
        .serviceName(service.serviceName()).verdict(Verdict.combine(paths.stream().map(VSwitchPath::verdict).toList()))
        .vSwitchPaths(paths).explanations(explanations).assumptions(assumptions).build();
  }

  /** A result without vSwitch paths: the service's network itself is the blocker. */
  static PathResult withoutPaths(Intent intent, String description, EffectiveNetwork service, Verdict verdict,
      Explanation why, List<Assumption> assumptions) {
    return PathResult.builder().intent(intent).kind(PathKind.of(intent)).description(description)
        .serviceName(service.serviceName()).verdict(verdict).addExplanation(why).addAllAssumptions(assumptions)
        .build();
  }
}
