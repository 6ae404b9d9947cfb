package io.easnet.core.rules.internal;

import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.analysis.internal.Endpoints;
import io.easnet.core.model.ServiceSpec.Container;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * EASNET-022: an image is pulled from the public endpoint of an Alibaba Cloud Container Registry while the
 * service has a VPC: the {@code -vpc} endpoint of the same registry pulls without internet traffic.
 */
final class PublicRegistryEndpoint extends BaseRule {
  PublicRegistryEndpoint() {
    super("EASNET-022", Severity.WARNING, "Image pulled from a public registry endpoint");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    Optional<String> region = context.inventory().regionId();
    for (ResolvedService s : context.services()) {
      if (s.network().isEmpty() || !s.network().get().hasVpc()) {
        continue;
      }
      List<Container> containers = s.spec().containers();
      for (int i = 0; i < containers.size(); i++) {
        if (containers.get(i).image().isEmpty()) {
          continue;
        }
        String image = containers.get(i).image().get();
        String host = Endpoints.registryHost(image);
        Optional<String> vpcHost = Endpoints.vpcRegistry(host);
        if (vpcHost.isEmpty() || (region.isPresent() && !region.equals(Endpoints.registryRegion(host)))) {
          continue;
        }
        String suggested = vpcHost.get() + image.substring(host.length());
        out.add(atService(s, "/containers/" + i + "/image")
            .message("service " + s.name() + " pulls " + image + " from the public endpoint " + host + "; the"
                + " VPC endpoint " + vpcHost.get() + " serves the same repository inside the region")
            .remediation("use the image " + suggested)
            .identity(image)
            .didYouMean(suggested)
            .build());
      }
    }
    return out;
  }
}
