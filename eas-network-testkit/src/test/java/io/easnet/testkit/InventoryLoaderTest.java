package io.easnet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.CloudServiceException;
import io.easnet.core.load.InventoryLoader;
import io.easnet.core.load.LoadListener;
import io.easnet.core.load.Question;
import io.easnet.core.model.Inventory;
import io.easnet.core.resolve.EffectiveNetwork;
import io.easnet.core.resolve.Provenance;
import io.easnet.core.spi.CloudActions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live loader against the fake: which calls, how many, and what comes back. */
class InventoryLoaderTest {
  private final FakeCloud fake = FakeCloud.builder().seed(3).build();
  private final List<String> heard = new CopyOnWriteArrayList<>();
  private final List<Boolean> outcomes = new CopyOnWriteArrayList<>();
  private final InventoryLoader loader = InventoryLoader.builder()
      .port(fake)
      .parallelism(4)
      .listener((action, elapsed, ok) -> {
        heard.add(action);
        outcomes.add(ok);
      })
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
        .snatEntry("nat", "eas");
  }

  @AfterEach
  void close() {
    loader.close();
  }

  private EffectiveNetwork network() {
    return EffectiveNetwork.builder()
        .serviceName("svc")
        .provenance(Provenance.SERVICE)
        .vpcId(fake.vpcId("prod"))
        .addVSwitchId(fake.vSwitchId("eas"))
        .securityGroupId(fake.securityGroupId("eas-sg"))
        .build();
  }

  @Test
  void privatePathToRdsMakesFiveCallsAndNoNatSnatEipOrRouteCall() {
    Inventory inv = loader.load(Question.privatePath(network(), fake.rdsInstanceId("orders")));

    assertThat(fake.calls()).hasSize(5).containsExactlyInAnyOrder(
        CloudActions.DESCRIBE_VPCS,
        CloudActions.DESCRIBE_VSWITCHES,
        CloudActions.DESCRIBE_SECURITY_GROUP_ATTRIBUTE, // the EAS group
        CloudActions.RDS_DESCRIBE_INSTANCE,
        CloudActions.DESCRIBE_SECURITY_GROUP_ATTRIBUTE); // the group bound to the RDS instance
    assertThat(heard).containsExactlyInAnyOrderElementsOf(fake.calls());
    assertThat(outcomes).containsOnly(true);
    assertThat(inv.vpcs()).hasSize(1);
    assertThat(inv.vSwitches()).extracting(v -> v.id()).containsExactly(fake.vSwitchId("eas"));
    assertThat(inv.securityGroups()).hasSize(2);
    assertThat(inv.rdsInstance(fake.rdsInstanceId("orders"))).isPresent();
    assertThat(inv.natGateways()).isEmpty();
    assertThat(inv.snatEntries()).isEmpty();
    assertThat(inv.routeTables()).isEmpty();
  }

  @Test
  void aGroupNeededTwiceInOneRunIsDescribedOnce() {
    loader.load(Question.privatePath(network(), fake.redisInstanceId("cache")));
    assertThat(fake.callCount(CloudActions.DESCRIBE_SECURITY_GROUP_ATTRIBUTE))
        .as("the Redis instance is bound to the EAS group itself").isEqualTo(1);
    assertThat(fake.calls()).hasSize(4);
  }

  @Test
  void eachRunHasItsOwnCache() {
    loader.load(Question.privatePath(network(), fake.rdsInstanceId("orders")));
    loader.load(Question.privatePath(network(), fake.rdsInstanceId("orders")));
    assertThat(fake.calls()).hasSize(10);
  }

  @Test
  void internetEgressMakesSixCallsAndNoRdsOrVpcCall() {
    Inventory inv = loader.load(Question.internetEgress(network()));

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
  void aResourceGroupNetworkWithoutVpcIdFindsTheVpcThroughItsVSwitch() {
    EffectiveNetwork dlink = EffectiveNetwork.builder()
        .serviceName("svc")
        .provenance(Provenance.RESOURCE_GROUP)
        .addVSwitchId(fake.vSwitchId("eas"))
        .securityGroupId(fake.securityGroupId("eas-sg"))
        .build();
    Inventory inv = loader.load(Question.privatePath(dlink, fake.rdsInstanceId("orders")));
    assertThat(inv.vpc(fake.vpcId("prod"))).isPresent();
    assertThat(fake.calls()).hasSize(5);
  }

  @Test
  void clientToServiceLoadsTheClientAndItsGroups() {
    Inventory inv = loader.load(Question.clientToService(fake.ecsInstanceId("client"), network()));
    assertThat(fake.calls()).containsExactlyInAnyOrder(
        CloudActions.DESCRIBE_VPCS,
        CloudActions.DESCRIBE_VSWITCHES,
        CloudActions.DESCRIBE_SECURITY_GROUP_ATTRIBUTE,
        CloudActions.DESCRIBE_INSTANCES,
        CloudActions.DESCRIBE_SECURITY_GROUP_ATTRIBUTE);
    assertThat(inv.ecsInstance(fake.ecsInstanceId("client"))).isPresent();
  }

  @Test
  void everythingEqualsTheFakesOwnSnapshot() {
    Inventory inv = loader.load(Question.everything(fake.vpcId("prod")));
    assertThat(Inventories.normalized(inv)).isEqualTo(Inventories.normalized(fake.inventory()));
  }

  @Test
  void aFailedCallFailsTheLoadWithTheCloudErrorAndIsReported() {
    fake.failNext(CloudActions.DESCRIBE_SNAT_ENTRIES, "InternalError");
    assertThatThrownBy(() -> loader.load(Question.internetEgress(network())))
        .isInstanceOfSatisfying(CloudServiceException.class,
            e -> assertThat(e.action()).isEqualTo(CloudActions.DESCRIBE_SNAT_ENTRIES))
        .hasMessageContaining("InternalError");
    assertThat(outcomes).contains(false);
  }

  @Test
  void callsAreTimedOnTheGivenClock() {
    fake.faults(FaultPlan.builder().latency(CloudActions.DESCRIBE_VPCS, Duration.ofMillis(120)).build());
    List<Duration> vpcTimes = new CopyOnWriteArrayList<>();
    LoadListener timing = (action, elapsed, ok) -> {
      if (action.equals(CloudActions.DESCRIBE_VPCS)) {
        vpcTimes.add(elapsed);
      }
    };
    try (InventoryLoader sequential = InventoryLoader.builder().port(fake).executor(Runnable::run)
        .clock(fake.clock()).listener(timing).build()) {
      sequential.load(Question.privatePath(network(), fake.rdsInstanceId("orders")));
    }
    assertThat(vpcTimes).containsExactly(Duration.ofMillis(120));
  }

  @Test
  void questionsNeedAServiceWithAVpc() {
    EffectiveNetwork none = EffectiveNetwork.builder().serviceName("svc").provenance(Provenance.NONE).build();
    assertThatThrownBy(() -> Question.internetEgress(none))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("service svc has no VPC configuration");
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
