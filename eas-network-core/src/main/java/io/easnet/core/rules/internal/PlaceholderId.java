package io.easnet.core.rules.internal;

import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.model.ResourceId;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** EASNET-002: an id with {@code *} in it, copied from a masked example such as {@code vpc-bp1uepgqtar*****}. */
final class PlaceholderId extends BaseRule {
  PlaceholderId() {
    super("EASNET-002", Severity.ERROR, "Id copied from a documentation placeholder");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (ResolvedService s : context.services()) {
      Optional<ServiceNetworking> n = s.spec().networking();
      if (n.isPresent()) {
        n.get().vpcId().ifPresent(id -> add(out, s, "vpc_id", networking("vpc_id"), id,
            context.inventory().vpcs().stream().map(v -> v.id().value())));
        n.get().vSwitchId().ifPresent(id -> add(out, s, "vswitch_id", networking("vswitch_id"), id,
            context.inventory().vSwitches().stream().map(v -> v.id().value())));
        n.get().securityGroupId().ifPresent(id -> add(out, s, "security_group_id",
            networking("security_group_id"), id,
            context.inventory().securityGroups().stream().map(v -> v.id().value())));
      }
      s.spec().resourceGroupId().ifPresent(id -> add(out, s, "resource", RESOURCE, id,
          context.inventory().resourceGroups().stream().map(v -> v.id().value())));
    }
    return out;
  }

  private void add(List<Finding> out, ResolvedService s, String key, String pointer,
      ResourceId id, Stream<String> known) {
    if (!id.isPlaceholder()) {
      return;
    }
    String visible = id.value().substring(0, id.value().indexOf('*'));
    List<String> candidates = known.filter(k -> k.startsWith(visible)).sorted().toList();
    Finding.Builder f = atService(s, pointer)
        .message("service " + s.name() + ": " + key + " \"" + id.value() + "\" is a masked placeholder from the"
            + " documentation, not the id of a real resource")
        .remediation("replace it with the full id of your resource (see the console or the Describe API)")
        .addResourceIds(id.value())
        .identity(key);
    if (candidates.size() == 1) {
      f.didYouMean(candidates.get(0));
    }
    out.add(f.build());
  }
}
