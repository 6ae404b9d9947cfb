package io.easnet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.analysis.PathResult;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.check.NetworkCheck;
import io.easnet.core.json.ServiceDocument;
import io.easnet.core.model.Inventory;
import io.easnet.core.plan.Applier;
import io.easnet.core.plan.Applier.ApplyResult;
import io.easnet.core.change.Change.ChangeKind;
import io.easnet.core.plan.Plan;
import io.easnet.core.plan.Planner.PlanOptions;
import io.easnet.core.plan.Planner.PlanResult;
import io.easnet.core.plan.Planner;
import io.easnet.testkit.gen.EstateGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner's proof never lies: over generated estates and services (the generators of
 * {@link PathFindingAgreementProperties}), whenever the planner returns a working plan, applying it to a fake cloud
 * holding the estate succeeds, every intent is then reachable in the fake's estate, and planning again gives an empty
 * plan.
 */
class PlanProofProperties {
  private static final int ESTATES = 160;

  /**
   * One or two services whose networking is consistent (a vSwitch and a group of one VPC) with intents inside that
   * VPC (its RDS, Redis and ECS instances, internet egress, ECS clients): the cases a plan can fix.
   */
  static List<ServiceInput> sameVpcServices(SplittableRandom r, Inventory estate) {
    List<ServiceInput> out = new ArrayList<>();
    int n = r.nextInt(1, 3);
    for (int k = 0; k < n; k++) {
      io.easnet.core.model.Vpc vpc = estate.vpcs().get(r.nextInt(estate.vpcs().size()));
      List<io.easnet.core.model.VSwitch> vsws = estate.vSwitchesIn(vpc.id());
      List<io.easnet.core.model.SecurityGroup> groups = estate.securityGroups().stream()
          .filter(g -> g.vpcId().equals(vpc.id())).toList();
      if (vsws.isEmpty() || groups.isEmpty()) {
        continue;
      }
      io.easnet.core.model.ServiceSpec spec = io.easnet.core.model.ServiceSpec.builder().name("ok-" + k)
          .networking(io.easnet.core.model.ServiceSpec.ServiceNetworking.of(vpc.id(), vsws.get(r.nextInt(vsws.size())).id(),
              groups.get(r.nextInt(groups.size())).id()))
          .addContainer(io.easnet.core.model.ServiceSpec.Container.builder().image("eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com"
              + "/pai/x:1").port(8000).build()).build();
      ServiceInput.Builder in = ServiceInput.builder().spec(spec).sourceName(spec.name() + ".json");
      in.wantsInternetEgress(r.nextBoolean());
      estate.rdsInstances().stream().filter(x -> x.vpcId().equals(java.util.Optional.of(vpc.id())) && r.nextBoolean())
          .forEach(x -> in.addPrivateTarget(io.easnet.core.analysis.Target.rds(x.id())));
      estate.redisInstances().stream()
          .filter(x -> x.vpcId().equals(java.util.Optional.of(vpc.id())) && r.nextBoolean())
          .forEach(x -> in.addPrivateTarget(io.easnet.core.analysis.Target.redis(x.id())));
      estate.ecsInstances().stream().filter(x -> x.vpcId().equals(vpc.id()) && r.nextInt(3) == 0)
          .forEach(x -> in.addPrivateTarget(io.easnet.core.analysis.Target.ecs(x.id(), 5432)));
      estate.ecsInstances().stream().filter(x -> x.vpcId().equals(vpc.id()) && r.nextInt(3) == 0)
          .forEach(x -> in.addClient(x.id()));
      out.add(in.build());
    }
    return out;
  }

  @TempDir
  Path dir;

  @Test
  void aWorkingPlanAppliedToTheFakeMakesEveryIntentReachable() {
    SplittableRandom r = new SplittableRandom(20261202L);
    int working = 0;
    int nonEmpty = 0;
    Set<ChangeKind> kinds = EnumSet.noneOf(ChangeKind.class);
    for (int i = 0; i < ESTATES; i++) {
      Inventory estate = EstateGenerator.estate(r);
      List<ServiceInput> services = r.nextBoolean() ? PathFindingAgreementProperties.services(r, estate)
          : sameVpcServices(r, estate);
      PlanOptions options = PlanOptions.defaults().allowBilled(r.nextBoolean());
      PlanResult result = Planner.of(estate).plan(services, options);
      if (!result.works()) {
        assertThat(result.unfixable()).as("estate %d", i).allMatch(u -> !u.reasons().isEmpty());
        continue;
      }
      working++;
      Plan plan = result.plan().orElseThrow();
      assertThat(plan.billed() && !options.allowsBilled()).as("estate %d: billed without leave", i).isFalse();
      if (plan.isEmpty()) {
        continue;
      }
      nonEmpty++;
      plan.changes().forEach(c -> kinds.add(c.kind()));
      try (FakeCloud fake = FakeCloud.builder().inventory(estate).build()) {
        Map<String, Path> files = new HashMap<>();
        Applier.Builder applier = Applier.builder(fake).clock(fake.clock()).sleeper(fake::advance);
        for (ServiceInput s : services) {
          Path f = dir.resolve("estate-" + i + "-" + s.name() + ".json");
          ServiceDocument.from(s.spec()).write(f);
          files.put(s.name(), f);
          applier.serviceFile(s.name(), f);
        }
        ApplyResult applied = applier.build().apply(plan);
        assertThat(applied.succeeded()).as("estate %d: %s\n%s", i, applied.results(), plan.toJson()).isTrue();

        List<ServiceInput> after = new ArrayList<>();
        for (ServiceInput s : services) {
          after.add(ServiceInput.builder().from(s).spec(ServiceDocument.read(files.get(s.name())).spec()).build());
        }
        NetworkCheck.Builder check = NetworkCheck.builder().inventory(fake.inventory(), "fake");
        after.forEach(check::addService);
        List<PathResult> paths = check.build().run().pathResults();
        assertThat(paths).as("estate %d after the plan\n%s", i, plan.toJson()).allSatisfy(p ->
            assertThat(p.verdict()).as("%s: %s %s", p.description(), p.codes(), p.explanations()).isEqualTo(
                Verdict.REACHABLE));
        PlanResult again = Planner.of(fake.inventory()).plan(after, options);
        assertThat(again.plan()).as("estate %d: plan again", i).hasValueSatisfying(p ->
            assertThat(p.isEmpty()).as(p.toJson()).isTrue());
      }
    }
    assertThat(working).as("working plans").isGreaterThan(ESTATES / 5);
    assertThat(nonEmpty).as("non-empty working plans").isGreaterThan(ESTATES / 8);
    assertThat(kinds).as("kinds of change exercised").hasSizeGreaterThanOrEqualTo(5);
  }
}
