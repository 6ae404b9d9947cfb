package io.easnet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.model.Inventory;
import io.easnet.core.plan.Plan;
import io.easnet.core.plan.PlannedChange;
import io.easnet.core.plan.Planner;
import io.easnet.core.plan.Planner.PlanOptions;
import io.easnet.core.plan.Planner.PlanResult;
import io.easnet.testkit.gen.EstateGenerator;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Billed allocations come last among the changes that can fail (issue 17, item 8; docs/plan-safety.md): over
 * generated estates and services (the generators of {@link PlanProofProperties}), no billed change of a plan comes
 * before a change that depends on nothing billed, directly or through other changes; and no billed change is
 * followed by a change that is not billed and does not depend on it (it could have come later).
 */
class BilledLastProperties {
  private static final int ESTATES = 200;

  @Test
  void noBilledChangePrecedesANonBilledChangeThatDoesNotDependOnIt() {
    SplittableRandom r = new SplittableRandom(20261205L);
    int mixed = 0;
    for (int i = 0; i < ESTATES; i++) {
      Inventory estate = EstateGenerator.estate(r);
      List<ServiceInput> services = r.nextBoolean() ? PathFindingAgreementProperties.services(r, estate)
          : PlanProofProperties.sameVpcServices(r, estate);
      PlanResult result = Planner.of(estate).plan(services, PlanOptions.defaults().allowBilled(true));
      if (result.plan().isEmpty()) {
        continue;
      }
      Plan plan = result.plan().get();
      List<PlannedChange> changes = plan.changes();
      boolean billed = changes.stream().anyMatch(PlannedChange::billed);
      if (billed && changes.stream().anyMatch(c -> !c.billed() && !dependsOnBilled(c, changes))) {
        mixed++;
      }
      for (int b = 0; b < changes.size(); b++) {
        PlannedChange billedChange = changes.get(b);
        if (!billedChange.billed()) {
          continue;
        }
        for (int n = b + 1; n < changes.size(); n++) {
          PlannedChange later = changes.get(n);
          // everything that depends on nothing billed comes before the first billed change
          assertThat(later.billed() || dependsOnBilled(later, changes)).as("estate %d: %s comes after the billed %s"
              + " though it depends on nothing billed\n%s", i, later.id(), billedChange.id(), plan.toJson()).isTrue();
        }
        // and a billed change comes as late as its dependants allow: the change right after it is billed or needs it
        if (b + 1 < changes.size() && !changes.get(b + 1).billed()) {
          assertThat(dependencies(changes.get(b + 1), changes)).as("estate %d: %s could come after %s\n%s", i,
              billedChange.id(), changes.get(b + 1).id(), plan.toJson()).contains(billedChange.id());
        }
      }
    }
    // the property means something only when plans mix billed changes with changes independent of them
    assertThat(mixed).as("plans with billed changes and changes independent of them").isGreaterThan(5);
  }

  private static boolean dependsOnBilled(PlannedChange c, List<PlannedChange> changes) {
    Set<String> deps = dependencies(c, changes);
    return changes.stream().anyMatch(o -> o.billed() && deps.contains(o.id()));
  }

  /** Every change {@code c} depends on, directly or through others. */
  private static Set<String> dependencies(PlannedChange c, List<PlannedChange> changes) {
    Map<String, PlannedChange> byId = new HashMap<>();
    changes.forEach(x -> byId.put(x.id(), x));
    Set<String> out = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(c.dependsOn());
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (out.add(id) && byId.containsKey(id)) {
        todo.addAll(byId.get(id).dependsOn());
      }
    }
    return out;
  }
}
