package io.easnet.core.rules.internal;

import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.internal.Suggestions;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * EASNET-032: {@code metadata.resource} names a resource group the inventory does not hold, so its VPC direct
 * connection (if any) could not be taken into account. Checked only when the inventory holds resource groups, and
 * only for services without intents: for those with intents, EASNET-039 reports the undetermined paths.
 */
final class ResourceGroupNotFound extends BaseRule {
  ResourceGroupNotFound() {
    super("EASNET-032", Severity.WARNING, "Resource group not found in the inventory");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    if (context.inventory().resourceGroups().isEmpty()) {
      return out;
    }
    List<String> known = context.inventory().resourceGroups().stream().map(g -> g.id().value()).toList();
    for (ResolvedService s : context.services()) {
      if (s.spec().resourceGroupId().isEmpty()) {
        continue;
      }
      ResourceGroupId id = s.spec().resourceGroupId().get();
      if (id.isPlaceholder() || context.inventory().resourceGroup(id).isPresent() || !s.paths().isEmpty()) {
        // a service with intents is told by EASNET-039 that its paths are undetermined
        continue;
      }
      Finding.Builder f = atService(s, RESOURCE)
          .message("service " + s.name() + " runs in resource group " + id + ", which is not in the inventory;"
              + " its VPC direct connection could not be checked")
          .remediation("fix metadata.resource or add the resource group to the snapshot")
          .addResourceIds(id.value());
      Suggestions.nearestId(id.value(), known).ifPresent(f::didYouMean);
      out.add(f.build());
    }
    return out;
  }
}
