package io.easnet.core.rules.internal;

import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.internal.Suggestions;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;

/** EASNET-005: the configured VPC is not in the inventory. Checked only when the inventory holds VPCs at all. */
final class VpcNotFound extends BaseRule {
  VpcNotFound() {
    super("EASNET-005", Severity.ERROR, "VPC not found in the inventory");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    if (context.inventory().vpcs().isEmpty()) {
      return out;
    }
    List<String> known = context.inventory().vpcs().stream().map(v -> v.id().value()).toList();
    for (ResolvedService s : context.services()) {
      if (s.network().isEmpty() || s.network().get().vpcId().isEmpty()) {
        continue;
      }
      VpcId id = s.network().get().vpcId().get();
      if (id.isPlaceholder() || context.inventory().vpc(id).isPresent()) {
        continue;
      }
      Finding.Builder f = atNetworkValue(context, s, "vpc_id", "vpcId")
          .message("service " + s.name() + ": VPC " + id + " is not in the inventory (" + known.size()
              + " VPCs known)")
          .remediation("use the id of an existing VPC in this region, or refresh the snapshot")
          .addResourceIds(id.value());
      Suggestions.nearestId(id.value(), known).ifPresent(f::didYouMean);
      out.add(f.build());
    }
    return out;
  }
}
