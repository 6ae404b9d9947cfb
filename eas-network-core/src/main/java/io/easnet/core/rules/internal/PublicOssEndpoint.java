package io.easnet.core.rules.internal;

import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.analysis.internal.Endpoints;
import io.easnet.core.model.ServiceSpec.StorageMount;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * EASNET-021: a storage mount uses the public OSS endpoint of the service's region; the {@code -internal}
 * endpoint works from the VPC and costs no internet traffic.
 */
final class PublicOssEndpoint extends BaseRule {
  PublicOssEndpoint() {
    super("EASNET-021", Severity.WARNING, "Storage on a public OSS endpoint");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    Optional<String> region = context.inventory().regionId();
    for (ResolvedService s : context.services()) {
      List<StorageMount> storage = s.spec().storage();
      for (int i = 0; i < storage.size(); i++) {
        StorageMount m = storage.get(i);
        if (m.ossEndpoint().isEmpty()) {
          continue;
        }
        String endpoint = m.ossEndpoint().get();
        Optional<String> internal = Endpoints.internalOss(endpoint);
        Optional<String> endpointRegion = Endpoints.ossRegion(endpoint);
        if (internal.isEmpty() || (region.isPresent() && !region.equals(endpointRegion))) {
          continue;
        }
        out.add(atService(s, "/storage/" + i + "/oss/endpoint")
            .message("service " + s.name() + " mounts " + m.ossPath().orElse("OSS") + " through the public endpoint "
                + endpoint + "; the internal endpoint " + internal.get() + " serves the same bucket inside the"
                + " region without internet traffic")
            .remediation("set oss.endpoint to " + internal.get())
            .identity(m.ossPath().orElse("") + "|" + endpoint)
            .didYouMean(internal.get())
            .build());
      }
    }
    return out;
  }
}
