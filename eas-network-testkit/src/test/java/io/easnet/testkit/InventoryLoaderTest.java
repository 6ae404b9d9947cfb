package io.easnet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.CloudServiceException;
import io.easnet.core.analysis.Target;
import io.easnet.core.load.InventoryLoader;
import io.easnet.core.load.InventoryLoader.Question;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.resolve.NetworkResolver;
import io.easnet.core.spi.CloudActions;
import io.easnet.core.spi.RequestListener.RequestEvent;
import io.easnet.core.spi.RequestListener;
import io.easnet.testkit.assertions.InventoryAssert;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live loader against the fake: which calls, how many, and what comes back. */
class InventoryLoaderTest {
  private final FakeCloud fake = FakeCloud.builder().seed(3).build();
  private final List<RequestEvent> heard = new CopyOnWriteArrayList<>();
  private final InventoryLoader loader = InventoryLoader.builder()
      .port(fake)
      .parallelism(4)
      .listener(heard::add)
      .build();

  InventoryLoaderTest() {
    fake.estate()
        .vpc("prod", "192.168.0.0/16")
        .vSwitch("eas", "192.168.1.0/24")
        .vSwitch("db", "192.168.2.0/24")
        .securityGroup("eas-sg")
        .securityGroup("db-sg")
        .rds("orders", "db", "192.168.2.10", "db-sg")
        .redis("cache", "db", "192.168.2.11", "eas-sg")
        .ecsInstance("client", "db", "192.168.2.20", "db-sg")
        .natGateway("nat")
        .eip("nat", "47.100.1.1")
        .snatEntry("nat", "eas")
        .resourceGroup("rg")
        .dlink("rg", "eas", "eas-sg")
        .resourceGroup("bare");
  }

  @AfterEach
  void close() {
    loader.close();
  }

  /** A service whose cloud.networking names the eas vSwitch and group. */
  private ServiceSpec service() {
    return ServiceSpec.builder().name("svc").networking(ServiceNetworking.of(fake.id(VpcId.class, "prod"),
        fake.id(VSwitchId.class, "eas"), fake.id(SecurityGroupId.class, "eas-sg"))).build();
  }

  private Target orders() {
    return Target.rds(fake.id(RdsInstanceId.class, "orders"));
  }

  private List<String> heardActions() {
    return heard.stream().map(RequestEvent::action).toList();
  }

  @Test
  void privatePathToRdsMakesFiveCallsAndNoNatSnatEipOrRouteCall() {
    Inventory inv = loader.load(Question.privateTarget(service(), orders()));

    assertThat(fake.calls()).hasSize(5).containsExactlyInAnyOrder(
        CloudActions.DESCRIBE_VPCS,
        CloudActions.DESCRIBE_VSWITCHES,
        CloudActions.DESCRIBE_SECURITY_GROUP_ATTRIBUTE, // the EAS group
        CloudActions.RDS_DESCRIBE_INSTANCE,
        CloudActions.DESCRIBE_SECURITY_GROUP_ATTRIBUTE); // the group bound to the RDS instance
    assertThat(heardActions()).containsExactlyInAnyOrderElementsOf(fake.calls());
    assertThat(heard).allMatch(RequestEvent::succeeded).allMatch(e -> e.requestId().isPresent());
    assertThat(inv.vpcs()).hasSize(1);
    assertThat(inv.vSwitches()).extracting(v -> v.id()).containsExactly(fake.id(VSwitchId.class, "eas"));
    assertThat(inv.securityGroups()).hasSize(2);
    assertThat(inv.rdsInstance(fake.id(RdsInstanceId.class, "orders"))).isPresent();
    assertThat(inv.natGateways()).isEmpty();
    assertThat(inv.snatEntries()).isEmpty();
    assertThat(inv.routeTables()).isEmpty();
  }

  @Test
  void aGroupNeededTwiceInOneRunIsDescribedOnce() {
    loader.load(Question.privateTarget(service(), Target.redis(fake.id(RedisInstanceId.class, "cache"))));
    assertThat(fake.callCount(CloudActions.DESCRIBE_SECURITY_GROUP_ATTRIBUTE))
        .as("the Redis instance is bound to the EAS group itself").isEqualTo(1);
    assertThat(fake.calls()).hasSize(4);
  }

  @Test
  void eachRunHasItsOwnCache() {
    loader.load(Question.privateTarget(service(), orders()));
    loader.load(Question.privateTarget(service(), orders()));
    assertThat(fake.calls()).hasSize(10);
  }

  @Test
  void internetEgressMakesSixCallsAndNoRdsOrVpcCall() {
    Inventory inv = loader.load(Question.internetEgress(service()));

    assertThat(fake.calls()).hasSize(6).containsExactlyInAnyOrder(
        CloudActions.DESCRIBE_VSWITCHES,
        CloudActions.DESCRIBE_SECURITY_GROUP_ATTRIBUTE,
        CloudActions.DESCRIBE_NAT_GATEWAYS,
        CloudActions.DESCRIBE_SNAT_ENTRIES,
        CloudActions.DESCRIBE_EIPS,
        CloudActions.DESCRIBE_ROUTE_TABLES);
    assertThat(heard).hasSize(6);
    assertThat(inv.natGateways()).hasSize(1);
    assertThat(inv.snatEntries()).hasSize(1);
    assertThat(inv.eips()).hasSize(1);
    assertThat(inv.routeTableFor(inv.vSwitches().get(0))).isPresent();
    assertThat(inv.rdsInstances()).isEmpty();
  }

  @Test
  void aServiceInAResourceGroupIsResolvedByTheLoaderFromTheGroupsDLink() {
    ServiceSpec spec = ServiceSpec.builder().name("svc").resourceGroupId(fake.id(ResourceGroupId.class, "rg"))
        .build();
    Inventory inv = loader.load(Question.privateTarget(spec, orders()));
    assertThat(fake.calls()).hasSize(6).containsExactlyInAnyOrder(
        CloudActions.DESCRIBE_RESOURCE_DLINK,
        CloudActions.DESCRIBE_VSWITCHES,
        CloudActions.DESCRIBE_VPCS,
        CloudActions.DESCRIBE_SECURITY_GROUP_ATTRIBUTE,
        CloudActions.RDS_DESCRIBE_INSTANCE,
        CloudActions.DESCRIBE_SECURITY_GROUP_ATTRIBUTE);
    assertThat(inv.vpc(fake.id(VpcId.class, "prod"))).isPresent();
    assertThat(NetworkResolver.create().resolve(spec, inv).vSwitchId())
        .as("the inventory resolves to the same network")
        .contains(fake.id(VSwitchId.class, "eas"));
  }

  @Test
  void aServiceWithoutAVpcNeedsOnlyItsResourceGroupRead() {
    ServiceSpec spec = ServiceSpec.builder().name("svc").resourceGroupId(fake.id(ResourceGroupId.class, "bare"))
        .build();
    Inventory inv = loader.load(Question.internetEgress(spec));
    assertThat(fake.calls()).containsExactly(CloudActions.DESCRIBE_RESOURCE_DLINK);
    assertThat(inv.resourceGroups()).hasSize(1);
    assertThat(inv.vpcs()).isEmpty();
    assertThat(loader.load(Question.internetEgress(ServiceSpec.builder().name("alone").build())))
        .isEqualTo(Inventory.builder().build());
    assertThat(fake.calls()).as("a service in no group and no VPC needs no call").hasSize(1);
  }

  @Test
  void clientToServiceLoadsTheClientAndItsGroups() {
    Inventory inv = loader.load(Question.clientToService(fake.id(EcsInstanceId.class, "client"), service()));
    assertThat(fake.calls()).containsExactlyInAnyOrder(
        CloudActions.DESCRIBE_VPCS,
        CloudActions.DESCRIBE_VSWITCHES,
        CloudActions.DESCRIBE_SECURITY_GROUP_ATTRIBUTE,
        CloudActions.DESCRIBE_INSTANCES,
        CloudActions.DESCRIBE_SECURITY_GROUP_ATTRIBUTE);
    assertThat(inv.ecsInstance(fake.id(EcsInstanceId.class, "client"))).isPresent();
  }

  @Test
  void everythingEqualsTheFakesOwnSnapshot() {
    Inventory inv = loader.load(Question.everything(fake.id(VpcId.class, "prod")));
    assertThat(InventoryAssert.sortedById(inv)).isEqualTo(InventoryAssert.sortedById(fake.inventory()));
  }

  @Test
  void theRegionIsEveryVpcAndEqualsTheFakesOwnSnapshot() {
    fake.estate().vpc("second", "10.8.0.0/16").vSwitch("second-a", "10.8.1.0/24").securityGroup("second-sg")
        .natGateway("second-nat");
    Inventory inv = loader.load(Question.region());
    assertThat(inv.vpcs()).hasSize(2);
    assertThat(InventoryAssert.sortedById(inv)).isEqualTo(InventoryAssert.sortedById(fake.inventory()));
  }

  @Test
  void everyPageOfAListIsOneRequestTheListenerHears() {
    FakeCloud paged = FakeCloud.builder().seed(3).pageSize(2).build();
    paged.estate().vpc("prod", "192.168.0.0/16");
    for (int i = 0; i < 5; i++) {
      paged.estate().inVpc("prod").vSwitch("v" + i, "192.168." + i + ".0/24").securityGroup("g" + i);
    }
    List<RequestEvent> events = new CopyOnWriteArrayList<>();
    try (InventoryLoader l = InventoryLoader.builder().port(paged).listener(events::add).build()) {
      Inventory inv = l.load(Question.everything(paged.id(VpcId.class, "prod")));
      assertThat(inv.vSwitches()).hasSize(5);
      assertThat(inv.securityGroups()).hasSize(5);
    }
    assertThat(events).filteredOn(e -> e.action().equals(CloudActions.DESCRIBE_VSWITCHES))
        .extracting(RequestEvent::page).as("5 vSwitches in pages of 2").containsExactly(1, 2, 3);
    assertThat(events).filteredOn(e -> e.action().equals(CloudActions.DESCRIBE_SECURITY_GROUPS))
        .extracting(RequestEvent::page).containsExactly(1, 2, 3);
    assertThat(events).hasSameSizeAs(paged.calls());
  }

  @Test
  void aTransientFailureIsRetriedByTheLoadAndNoOtherReadIsRepeated() {
    // before the load retried, one InternalError (after the adapter's own retries) aborted the whole load
    fake.failNext(CloudActions.DESCRIBE_SNAT_ENTRIES, "InternalError");
    Inventory inv = loader.load(Question.internetEgress(service()));
    assertThat(inv.vSwitches()).isNotEmpty();
    List<String> calls = fake.calls();
    assertThat(calls.stream().filter(CloudActions.DESCRIBE_SNAT_ENTRIES::equals).count()).isEqualTo(2);
    assertThat(calls.stream().filter(c -> !c.equals(CloudActions.DESCRIBE_SNAT_ENTRIES)).distinct().count())
        .isEqualTo(calls.stream().filter(c -> !c.equals(CloudActions.DESCRIBE_SNAT_ENTRIES)).count());
  }

  @Test
  void aFailedCallFailsTheLoadWithTheCloudErrorAndIsReported() {
    // a refusal (not transient: a transient failure is retried by the load session, LoadSessionRetryTest)
    fake.failNext(CloudActions.DESCRIBE_SNAT_ENTRIES, "Forbidden.RAM");
    assertThatThrownBy(() -> loader.load(Question.internetEgress(service())))
        .isInstanceOfSatisfying(CloudServiceException.class, e -> {
          assertThat(e.action()).isEqualTo(CloudActions.DESCRIBE_SNAT_ENTRIES);
          assertThat(e.httpStatus()).isEqualTo(403);
        })
        .hasMessageContaining("Forbidden.RAM");
    assertThat(heard).filteredOn(e -> !e.succeeded()).singleElement().satisfies(e -> {
      assertThat(e.errorCode()).contains("Forbidden.RAM");
      assertThat(e.action()).isEqualTo(CloudActions.DESCRIBE_SNAT_ENTRIES);
    });
  }

  @Test
  void eachRequestIsTimedByThePort() {
    fake.faults(FaultPlan.builder().latency(CloudActions.DESCRIBE_VPCS, Duration.ofMillis(120)).build());
    List<Duration> vpcTimes = new CopyOnWriteArrayList<>();
    RequestListener timing = e -> {
      if (e.action().equals(CloudActions.DESCRIBE_VPCS)) {
        vpcTimes.add(e.duration());
      }
    };
    try (InventoryLoader sequential = InventoryLoader.builder().port(fake).executor(Runnable::run)
        .listener(timing).build()) {
      sequential.load(Question.privateTarget(service(), orders()));
    }
    assertThat(vpcTimes).containsExactly(Duration.ofMillis(120));
  }

  @Test
  void loaderBuilderValidatesItsSettings() {
    assertThatThrownBy(() -> InventoryLoader.builder().parallelism(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parallelism must be greater than or equal to 1, was 0");
    assertThatThrownBy(() -> InventoryLoader.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("port is required");
  }
}
