package io.easnet.testkit;

import io.easnet.testkit.assertions.InventoryAssert;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.analysis.Target;
import io.easnet.core.load.InventoryLoader;
import io.easnet.core.load.InventoryLoader.Question;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.CloudActions;
import io.easnet.testkit.gen.EstateGenerator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the live loader over random estates: loading everything of a VPC gives exactly the fake's own
 * snapshot restricted to that VPC; a private-path question never touches NAT, SNAT, EIP or routes and makes one call
 * per needed fact; an internet question never touches RDS, Redis or ECS.
 */
class LoaderProperties {
  private final InventoryLoader.Builder loaders = InventoryLoader.builder().parallelism(3);

  @Test
  void everythingEqualsTheSnapshotRestrictedToTheVpc() {
    SplittableRandom r = new SplittableRandom(404);
    for (int i = 0; i < 120; i++) {
      Inventory estate = EstateGenerator.estate(r);
      FakeCloud fake = FakeCloud.builder().inventory(estate).build();
      try (InventoryLoader loader = loaders.port(fake).build()) {
        for (Vpc vpc : estate.vpcs()) {
          Inventory loaded = loader.load(Question.everything(vpc.id()));
          assertThat(InventoryAssert.sortedById(loaded)).isEqualTo(InventoryAssert.sortedById(restrict(estate, vpc.id())));
        }
      }
    }
  }

  @Test
  void privatePathCallsOnlyWhatItNeeds() {
    SplittableRandom r = new SplittableRandom(405);
    int checked = 0;
    for (int i = 0; i < 200; i++) {
      Inventory estate = EstateGenerator.estate(r);
      List<RdsInstance> targets = estate.rdsInstances();
      if (targets.isEmpty()) {
        continue;
      }
      RdsInstance target = targets.get(r.nextInt(targets.size()));
      VpcId vpc = target.vpcId().orElseThrow();
      List<VSwitch> vsws = estate.vSwitchesIn(vpc);
      VSwitch vsw = vsws.get(r.nextInt(vsws.size()));
      SecurityGroupId sg = estate.securityGroups().stream().filter(g -> g.vpcId().equals(vpc)).findFirst()
          .orElseThrow().id();
      FakeCloud fake = FakeCloud.builder().inventory(estate).build();
      try (InventoryLoader loader = loaders.port(fake).build()) {
        loader.load(Question.privateTarget(service(vpc, vsw, sg), Target.rds(target.id())));
      }
      Set<SecurityGroupId> groups = new HashSet<>(target.securityGroupIds());
      groups.add(sg);
      assertThat(fake.calls()).hasSize(3 + groups.size())
          .doesNotContain(CloudActions.DESCRIBE_NAT_GATEWAYS, CloudActions.DESCRIBE_SNAT_ENTRIES,
              CloudActions.DESCRIBE_EIPS, CloudActions.DESCRIBE_ROUTE_TABLES);
      assertThat(fake.callCount(CloudActions.DESCRIBE_SECURITY_GROUP_ATTRIBUTE)).isEqualTo(groups.size());
      checked++;
    }
    assertThat(checked).isGreaterThan(50);
  }

  @Test
  void internetEgressCallsOnlyWhatItNeeds() {
    SplittableRandom r = new SplittableRandom(406);
    for (int i = 0; i < 200; i++) {
      Inventory estate = EstateGenerator.estate(r);
      Vpc vpc = estate.vpcs().get(r.nextInt(estate.vpcs().size()));
      VSwitch vsw = estate.vSwitchesIn(vpc.id()).get(0);
      SecurityGroupId sg = estate.securityGroups().stream().filter(g -> g.vpcId().equals(vpc.id())).findFirst()
          .orElseThrow().id();
      FakeCloud fake = FakeCloud.builder().inventory(estate).build();
      Inventory loaded;
      try (InventoryLoader loader = loaders.port(fake).build()) {
        loaded = loader.load(Question.internetEgress(service(vpc.id(), vsw, sg)));
      }
      int nats = estate.natGatewaysIn(vpc.id()).size();
      int regionEips = LoaderMinimalCallsProperties.noInternetGatewayHasAnEip(estate, vpc.id()) ? 1 : 0;
      assertThat(fake.calls()).hasSize(4 + 2 * nats + regionEips)
          .doesNotContain(CloudActions.RDS_DESCRIBE_INSTANCE, CloudActions.REDIS_DESCRIBE_INSTANCE,
              CloudActions.DESCRIBE_INSTANCES, CloudActions.DESCRIBE_VPCS);
      for (NatGateway nat : estate.natGatewaysIn(vpc.id())) {
        assertThat(loaded.snatEntriesOf(nat.id())).containsExactlyInAnyOrderElementsOf(estate.snatEntriesOf(nat.id()));
      }
    }
  }

  private static ServiceSpec service(VpcId vpc, VSwitch vsw, SecurityGroupId sg) {
    return ServiceSpec.builder().name("svc").networking(ServiceNetworking.of(vpc, vsw.id(), sg)).build();
  }

  static Inventory restrict(Inventory inv, VpcId vpc) {
    List<NatGateway> nats = inv.natGatewaysIn(vpc);
    return Inventory.builder()
        .addAllVpcs(inv.vpc(vpc).stream().toList())
        .addAllVSwitches(inv.vSwitchesIn(vpc))
        .addAllSecurityGroups(inv.securityGroups().stream().filter(g -> g.vpcId().equals(vpc)).toList())
        .addAllNatGateways(nats)
        .addAllSnatEntries(nats.stream().flatMap(n -> inv.snatEntriesOf(n.id()).stream()).toList())
        .addAllEips(nats.stream().flatMap(n -> inv.eipsOf(n).stream()).toList())
        .addAllRouteTables(inv.routeTables().stream().filter(t -> t.vpcId().equals(vpc)).toList())
        .addAllEcsInstances(inv.ecsInstances().stream().filter(x -> x.vpcId().equals(vpc)).toList())
        .addAllRdsInstances(inv.rdsInstances().stream().filter(x -> x.vpcId().equals(java.util.Optional.of(vpc)))
            .toList())
        .addAllRedisInstances(inv.redisInstances().stream()
            .filter(x -> x.vpcId().equals(java.util.Optional.of(vpc))).toList())
        .addAllResourceGroups(inv.resourceGroups().stream()
            .filter(g -> g.dlink().flatMap(d -> d.vpcId()).map(vpc::equals).orElse(true)).toList())
        .build();
  }
}
