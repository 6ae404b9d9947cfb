package io.easnet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.analysis.Target.InternetTarget;
import io.easnet.core.analysis.PathAnalyzer;
import io.easnet.core.analysis.PathResult;
import io.easnet.core.analysis.Target;
import io.easnet.core.load.InventoryLoader;
import io.easnet.core.load.InventoryLoader.Question;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.resolve.EffectiveNetwork;
import io.easnet.core.resolve.NetworkResolver;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Invariant: the loader's minimal set of calls is enough. The path analysis over what the loader fetched for a
 * question gives the same result as over the whole estate, for private paths and for internet egress.
 */
class LoaderSufficiencyProperties {
  @Test
  void analysisOverTheLoadedFactsEqualsAnalysisOverTheWholeEstate() {
    SplittableRandom r = new SplittableRandom(2718);
    int privatePaths = 0;
    java.util.Set<io.easnet.core.analysis.PathResult.Verdict> verdicts = java.util.EnumSet.noneOf(io.easnet.core.analysis.PathResult.Verdict.class);
    for (int i = 0; i < 150; i++) {
      Inventory estate = io.easnet.testkit.gen.EstateGenerator.estate(r);
      FakeCloud fake = FakeCloud.builder().inventory(estate).build();
      VpcId vpc = estate.vpcs().get(r.nextInt(estate.vpcs().size())).id();
      List<VSwitch> vsws = estate.vSwitchesIn(vpc);
      List<SecurityGroup> groups = estate.securityGroups().stream().filter(g -> g.vpcId().equals(vpc)).toList();
      ServiceSpec spec = ServiceSpec.builder().name("svc").networking(ServiceNetworking.of(vpc,
          vsws.get(r.nextInt(vsws.size())).id(), groups.get(r.nextInt(groups.size())).id())).build();
      EffectiveNetwork net = NetworkResolver.create().resolve(spec);
      try (InventoryLoader loader = InventoryLoader.builder().port(fake).build()) {
        InternetTarget internet = InternetTarget.any(443);
        PathResult full = PathAnalyzer.of(estate).internet(net, internet);
        PathResult loaded = PathAnalyzer.of(loader.load(Question.internetEgress(spec))).internet(net, internet);
        assertThat(loaded).as("internet egress, estate %d", i).isEqualTo(full);
        verdicts.add(full.verdict());

        List<RdsInstance> targets = estate.rdsInstances().stream()
            .filter(t -> t.vpcId().map(vpc::equals).orElse(false)).toList();
        if (!targets.isEmpty()) {
          RdsInstance t = targets.get(r.nextInt(targets.size()));
          PathResult fullPrivate = PathAnalyzer.of(estate).privateTarget(net, Target.rds(t.id()));
          PathResult loadedPrivate = PathAnalyzer.of(loader.load(Question.privateTarget(spec, Target.rds(t.id()))))
              .privateTarget(net, Target.rds(t.id()));
          assertThat(loadedPrivate).as("private path, estate %d", i).isEqualTo(fullPrivate);
          verdicts.add(fullPrivate.verdict());
          privatePaths++;
        }
      }
    }
    assertThat(privatePaths).isGreaterThan(40);
    assertThat(verdicts).as("the estates exercise more than one verdict").contains(
        io.easnet.core.analysis.PathResult.Verdict.REACHABLE, io.easnet.core.analysis.PathResult.Verdict.UNREACHABLE);
  }
}
