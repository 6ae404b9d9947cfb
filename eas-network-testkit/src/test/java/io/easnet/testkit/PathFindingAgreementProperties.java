package io.easnet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.analysis.EstateAnalysis.AnalysisInput;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import io.easnet.core.analysis.Intent;
import io.easnet.core.analysis.PathAnalyzer;
import io.easnet.core.analysis.PathResult;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.analysis.Target;
import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.model.ServiceSpec.Container;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.Vpc;
import io.easnet.core.resolve.EffectiveNetwork;
import io.easnet.core.resolve.NetworkResolver;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleCatalog;
import io.easnet.core.rules.Finding.Severity;
import io.easnet.testkit.gen.EstateGenerator;
import io.easnet.testkit.gen.NetworkGenerators;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The one-engine invariant: over generated estates, services (service-level, resource-group and missing networks,
 * sound and broken) and intents (RDS, Redis, ECS and address targets, known and unknown, internet egress, direct
 * clients), the rule catalogue reports a blocking (ERROR) finding for an intent if and only if the path engine's
 * verdict for it is not {@link Verdict#REACHABLE}: no false negatives, no false positives.
 */
class PathFindingAgreementProperties {
  private static final int ESTATES = 250;

  @Test
  void theCatalogueBlocksAnIntentExactlyWhenItsPathIsNotReachable() {
    SplittableRandom r = new SplittableRandom(20261201L);
    Set<Verdict> verdicts = EnumSet.noneOf(Verdict.class);
    Set<ExplanationCode> codes = EnumSet.noneOf(ExplanationCode.class);
    int intents = 0;
    for (int i = 0; i < ESTATES; i++) {
      Inventory estate = EstateGenerator.estate(r);
      List<ServiceInput> services = services(r, estate);
      List<Finding> findings = RuleCatalog.standard()
          .run(AnalysisInput.builder().inventory(estate).services(services).build());
      PathAnalyzer analyzer = PathAnalyzer.of(estate);
      for (ServiceInput s : services) {
        EffectiveNetwork net = NetworkResolver.create().resolve(s.spec(), estate);
        for (Intent intent : s.intents()) {
          PathResult p = analyzer.analyse(net, s.spec(), intent);
          boolean blocked = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR
              && f.serviceName().equals(java.util.Optional.of(s.name())) && f.intents().contains(intent.describe()));
          assertThat(blocked).as("estate %d, service %s, %s is %s %s", i, s.name(), intent.describe(), p.verdict(),
              p.codes()).isEqualTo(p.verdict() != Verdict.REACHABLE);
          verdicts.add(p.verdict());
          codes.addAll(p.codes());
          intents++;
        }
      }
    }
    assertThat(intents).isGreaterThan(2000);
    assertThat(verdicts).as("the estates exercise every verdict").containsAll(EnumSet.allOf(Verdict.class));
    assertThat(codes).as("the estates exercise most blockers").hasSizeGreaterThan(15);
  }

  /** One to four services with random networks and intents over {@code estate}. */
  static List<ServiceInput> services(SplittableRandom r, Inventory estate) {
    List<ServiceInput> out = new ArrayList<>();
    int n = r.nextInt(1, 5);
    for (int k = 0; k < n; k++) {
      ServiceSpec.Builder spec = ServiceSpec.builder().name("svc-" + k).instanceCount(r.nextInt(1, 40));
      if (r.nextInt(3) > 0) {
        spec.addContainer(Container.builder().image("eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai/x:1")
            .port(8000).build());
      }
      switch (r.nextInt(6)) {
        case 0, 1, 2 -> spec.networking(networking(r, estate));
        case 3 -> {
          if (!estate.resourceGroups().isEmpty()) {
            spec.resourceGroupId(estate.resourceGroups().get(r.nextInt(estate.resourceGroups().size())).id());
          }
        }
        case 4 -> spec.resourceGroupId(ResourceGroupId.of(NetworkGenerators.randomId(r, "eas-r-")));
        default -> { }
      }
      ServiceInput.Builder in = ServiceInput.builder().spec(spec.build()).sourceName("svc-" + k + ".json");
      in.wantsInternetEgress(r.nextBoolean());
      for (Target t : targets(r, estate)) {
        in.addPrivateTarget(t);
      }
      for (EcsInstance e : estate.ecsInstances()) {
        if (r.nextInt(3) == 0) {
          in.addClient(e.id());
        }
      }
      if (r.nextInt(6) == 0) {
        in.addClient(EcsInstanceId.of(NetworkGenerators.randomId(r, "i-")));
      }
      out.add(in.build());
    }
    return out;
  }

  /** A service block over the estate's resources, mostly consistent, sometimes across VPCs or naming unknown ids. */
  private static ServiceNetworking networking(SplittableRandom r, Inventory estate) {
    Vpc vpc = estate.vpcs().get(r.nextInt(estate.vpcs().size()));
    List<VSwitch> vsws = r.nextInt(8) == 0 ? estate.vSwitches() : estate.vSwitchesIn(vpc.id());
    List<SecurityGroup> groups = estate.securityGroups().stream()
        .filter(g -> r.nextInt(8) == 0 || g.vpcId().equals(vpc.id())).toList();
    String vsw = vsws.isEmpty() || r.nextInt(12) == 0 ? NetworkGenerators.randomId(r, "vsw-")
        : vsws.get(r.nextInt(vsws.size())).id().value();
    String sg = groups.isEmpty() || r.nextInt(12) == 0 ? NetworkGenerators.randomId(r, "sg-")
        : groups.get(r.nextInt(groups.size())).id().value();
    return ServiceNetworking.of(vpc.id().value(), vsw, sg);
  }

  private static List<Target> targets(SplittableRandom r, Inventory estate) {
    List<Target> out = new ArrayList<>();
    estate.rdsInstances().stream().filter(x -> r.nextBoolean()).forEach(x -> out.add(Target.rds(x.id())));
    estate.redisInstances().stream().filter(x -> r.nextBoolean()).forEach(x -> out.add(Target.redis(x.id())));
    estate.ecsInstances().stream().filter(x -> r.nextInt(3) == 0)
        .forEach(x -> out.add(Target.ecs(x.id(), r.nextInt(3) == 0 ? 22 : 5432)));
    if (r.nextInt(5) == 0) {
      out.add(Target.rds(RdsInstanceId.of(NetworkGenerators.randomId(r, "rm-"))));
    }
    if (r.nextInt(8) == 0) {
      out.add(Target.redis(RedisInstanceId.of(NetworkGenerators.randomId(r, "r-"))));
    }
    if (r.nextInt(4) == 0 && !estate.vSwitches().isEmpty()) {
      VSwitch v = estate.vSwitches().get(r.nextInt(estate.vSwitches().size()));
      out.add(Target.address(IpAddress.parse(NetworkGenerators.ipv4AddressIn(r, v.cidrBlock()).address()),
          r.nextInt(1, 65536), r.nextInt(5) == 0 ? Protocol.UDP : Protocol.TCP));
    }
    if (r.nextInt(10) == 0) {
      out.add(Target.address(IpAddress.parse("203.0.113.9"), 443, Protocol.TCP));
    }
    return out;
  }
}
