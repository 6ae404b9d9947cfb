package io.easnet.core.rules.internal;

import io.easnet.core.internal.Suggestions;
import io.easnet.core.model.VSwitchId;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.ResolvedService;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/** EASNET-006: a vSwitch of the effective network is not in the inventory. */
final class VSwitchNotFound extends BaseRule {
  VSwitchNotFound() {
    super("EASNET-006", Severity.ERROR, "vSwitch not found in the inventory");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    if (context.inventory().vSwitches().isEmpty()) {
      return out;
    }
    List<String> known = context.inventory().vSwitches().stream().map(v -> v.id().value()).toList();
    for (ResolvedService s : context.services()) {
      if (s.network().isEmpty()) {
        continue;
      }
      List<VSwitchId> ids = s.network().get().vSwitchIds();
      for (int i = 0; i < ids.size(); i++) {
        VSwitchId id = ids.get(i);
        if (id.isPlaceholder() || context.inventory().vSwitch(id).isPresent()) {
          continue;
        }
        Finding.Builder f = atVSwitchValue(context, s, ids.get(i))
            .message("service " + s.name() + ": vSwitch " + id + " is not in the inventory")
            .remediation("use the id of an existing vSwitch of the service's VPC, or refresh the snapshot")
            .addResourceIds(id.value());
        Suggestions.nearestId(id.value(), known).ifPresent(f::didYouMean);
        out.add(f.build());
      }
    }
    return out;
  }
}
