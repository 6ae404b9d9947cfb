package io.easnet.core.rules.internal;

import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * EASNET-044: one vSwitch is the source of several SNAT entries. The cloud allows a vSwitch in one SNAT entry only, so
 * the snapshot is stale or edited, and which EIP the vSwitch's traffic leaves through is unknown.
 */
final class VSwitchInSeveralSnatEntries extends BaseRule {
  VSwitchInSeveralSnatEntries() {
    super("EASNET-044", Severity.ERROR, "vSwitch in more than one SNAT entry");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    Map<VSwitchId, List<SnatEntry>> byVSwitch = new TreeMap<>();
    for (SnatEntry e : byId(context.inventory().snatEntries(), SnatEntry::id)) {
      e.sourceVSwitchId().ifPresent(v -> byVSwitch.computeIfAbsent(v, k -> new ArrayList<>()).add(e));
    }
    List<Finding> out = new ArrayList<>();
    byVSwitch.forEach((vSwitch, entries) -> {
      if (entries.size() < 2) {
        return;
      }
      List<String> ids = entries.stream().map(e -> e.id().value()).toList();
      Finding.Builder f = atResource(context, entries.get(1).id(), "sourceVSwitchId")
          .message("vSwitch " + vSwitch + " is the source of " + entries.size() + " SNAT entries ("
              + String.join(", ", ids) + "); the cloud allows a vSwitch in one SNAT entry only")
          .remediation("re-read the SNAT entries from the cloud (DescribeSnatTableEntries): all but one are stale")
          .addResourceIds(vSwitch.value());
      f.addAllResourceIds(ids);
      out.add(f.build());
    });
    return out;
  }
}
