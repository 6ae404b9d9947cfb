package io.easnet.core.rules.internal;

import io.easnet.core.analysis.PathResult;
import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.analysis.internal.Endpoints;
import io.easnet.core.model.ServiceSpec.Container;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * EASNET-023: an image comes from a registry outside Alibaba Cloud (Docker Hub, ghcr.io, …) but the service's
 * network has no internet egress path: the pull fails and the instances never start.
 */
final class ExternalImageWithoutInternet extends BaseRule {
  ExternalImageWithoutInternet() {
    super("EASNET-023", Severity.ERROR, "Image from an external registry without internet egress");
  }

  /** The blockers of internet egress as {@code CODE on component: actual}; empty when reachable. */
  private static List<String> missing(PathResult r) {
    if (r.verdict() == Verdict.REACHABLE) {
      return List.of();
    }
    return r.explanations().stream().map(e -> e.code() + " on " + e.component() + ": " + e.actual()).distinct()
        .toList();
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (ResolvedService s : context.services()) {
      if (s.network().isEmpty()) {
        continue;
      }
      List<Container> containers = s.spec().containers();
      List<String> missing = null;
      for (int i = 0; i < containers.size(); i++) {
        if (containers.get(i).image().isEmpty()) {
          continue;
        }
        String image = containers.get(i).image().get();
        String host = Endpoints.registryHost(image);
        if (!Endpoints.external(host)) {
          continue;
        }
        if (missing == null) {
          missing = s.internetEgress().map(ExternalImageWithoutInternet::missing).orElse(List.of());
        }
        if (missing.isEmpty()) {
          continue;
        }
        out.add(atService(s, "/containers/" + i + "/image")
            .message("service " + s.name() + " pulls " + image + " from " + host + ", outside Alibaba Cloud, but has"
                + " no internet egress (" + String.join("; ", missing) + "): the pull will fail")
            .remediation("push the image to Container Registry in the service's region and pull it through the"
                + " -vpc endpoint, or give the VPC internet egress through a NAT gateway")
            .identity(image)
            .build());
      }
    }
    return out;
  }
}
