package io.easnet.core.rules.internal;

import io.easnet.core.internal.Suggestions;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.ResolvedService;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/** EASNET-027: a private target named in the service's intents is not in the inventory. */
final class PrivateTargetNotFound extends BaseRule {
  PrivateTargetNotFound() {
    super("EASNET-027", Severity.ERROR, "Private target not found in the inventory");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    List<String> known = Targets.allIds(context.inventory());
    for (ResolvedService s : context.services()) {
      for (String t : s.input().privateTargetIds()) {
        if (Targets.exists(context.inventory(), t)) {
          continue;
        }
        Finding.Builder f = atInventory(context, "")
            .serviceName(s.name())
            .message("service " + s.name() + " must reach " + t + ", which is not in the inventory (RDS, Redis and"
                + " ECS instances are looked up by id)")
            .remediation("check the target id, or add the instance to the snapshot")
            .addResourceIds(t);
        Suggestions.nearestId(t, known).ifPresent(f::didYouMean);
        out.add(f.build());
      }
    }
    return out;
  }
}
