package io.easnet.core.rules.internal;

import io.easnet.core.json.ServiceDocument;
import io.easnet.core.rules.Finding;
import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * EASNET-048: a key of a service file that EAS does not document but that is one or two edits from a key it does
 * ({@code cloud.netwrking}, {@code metadata.instances}, {@code vswitchid}). EAS accepts unknown keys and ignores them,
 * so the typo silently drops the setting; the reader keeps the key (it never rejects one) and this rule says what it
 * probably meant. Only services read from a file are checked: the services a snapshot holds come from the cloud.
 */
final class MisspeltServiceKey extends BaseRule {
  MisspeltServiceKey() {
    super("EASNET-048", Severity.WARNING, "Misspelt key in the service JSON");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (ResolvedService s : context.services()) {
      for (ServiceDocument.NearMiss m : s.input().document().map(ServiceDocument::nearMisses).orElse(List.of())) {
        String section = m.pointer().substring(0, m.pointer().lastIndexOf('/'));
        String where = section.isEmpty() ? "at the top level" : "in " + section;
        out.add(atService(s, m.pointer())
            .message("service " + s.name() + ": the key \"" + m.key() + "\" " + where + " is not one EAS documents;"
                + " EAS ignores it, so its setting has no effect")
            .remediation("rename it to \"" + m.nearest() + "\" (or remove it if it is meant for another tool)")
            .didYouMean(m.nearest())
            .identity(m.pointer())
            .build());
      }
    }
    return out;
  }
}
