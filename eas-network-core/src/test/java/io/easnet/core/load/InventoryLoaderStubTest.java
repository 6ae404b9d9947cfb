package io.easnet.core.load;

import io.easnet.core.load.InventoryLoader.Question;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.CloudServiceException;
import io.easnet.core.InvalidInputException;
import io.easnet.core.analysis.Target;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.CloudPort;
import io.easnet.core.spi.EasApi;
import io.easnet.core.spi.EcsApi;
import io.easnet.core.spi.RdsApi;
import io.easnet.core.spi.RedisApi;
import io.easnet.core.spi.RequestListener;
import io.easnet.core.spi.VpcApi;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The loader over a minimal hand-made port (core cannot see the testkit's fake): the dependency from vSwitch to VPC,
 * the per-run cache and failure propagation.
 */
class InventoryLoaderStubTest {
  private final List<String> calls = new CopyOnWriteArrayList<>();

  private static final VpcId VPC = VpcId.of("vpc-a");
  private static final VSwitchId VSW = VSwitchId.of("vsw-a");
  private static final SecurityGroupId SG = SecurityGroupId.of("sg-a");
  private static final RdsInstanceId RDS = RdsInstanceId.of("rm-a");
  private static final ResourceGroupId RG = ResourceGroupId.of("eas-r-a");
  private static final ResourceGroupId RG_WITHOUT_DLINK = ResourceGroupId.of("eas-r-none");

  @SuppressWarnings("unchecked")
  private <T> T stub(Class<T> api, Map<String, Function<Object[], Object>> answers) {
    return (T) Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, (p, m, args) -> {
      calls.add(m.getName());
      Function<Object[], Object> f = answers.get(m.getName());
      if (f == null) {
        throw new AssertionError("unexpected call " + m.getName());
      }
      return f.apply(args);
    });
  }

  private CloudPort port(boolean rdsFails) {
    return port(rdsFails ? CloudServiceException.builder("rds:DescribeDBInstanceAttribute", "Forbidden.RAM",
        CloudServiceException.Kind.FORBIDDEN).build() : null);
  }

  /** A port whose RDS describe throws {@code rdsFailure} when it is not null. */
  private CloudPort port(CloudServiceException rdsFailure) {
    return port(rdsFailure, null);
  }

  /** A port whose RDS API is {@code rdsApi} when it is not null. */
  private CloudPort port(CloudServiceException rdsFailure, RdsApi rdsApi) {
    VpcApi vpc = stub(VpcApi.class, Map.of(
        "describeVpc", a -> Vpc.builder().id(VPC).cidrBlock("10.0.0.0/16").build(),
        "describeVSwitch", a -> VSwitch.builder().id(VSW).vpcId(VPC).cidrBlock("10.0.1.0/24").build()));
    EcsApi ecs = stub(EcsApi.class, Map.of(
        "describeSecurityGroup", a -> SecurityGroup.builder().id((SecurityGroupId) a[0]).vpcId(VPC).build()));
    RdsApi rds = rdsApi != null ? rdsApi : stub(RdsApi.class, Map.of("describeInstance", a -> {
      if (rdsFailure != null) {
        throw rdsFailure;
      }
      return RdsInstance.builder().id(RDS).vpcId(VPC).addSecurityGroupId(SG).build();
    }));
    RedisApi redis = stub(RedisApi.class, Map.of());
    EasApi eas = stub(EasApi.class, Map.of("describeResourceDLink", a -> a[0].equals(RG)
        ? Optional.of(DLink.builder().vSwitchId(VSW).securityGroupId(SG).build())
        : Optional.empty()));
    return new CloudPort() {
      @Override
      public VpcApi vpc() {
        return vpc;
      }

      @Override
      public EcsApi ecs() {
        return ecs;
      }

      @Override
      public RdsApi rds() {
        return rds;
      }

      @Override
      public RedisApi redis() {
        return redis;
      }

      @Override
      public EasApi eas() {
        return eas;
      }

      @Override
      public java.util.Optional<String> regionId() {
        return java.util.Optional.empty();
      }

      @Override
      public CloudPort withRequestListener(RequestListener listener) {
        calls.add("withRequestListener");
        return this;
      }
    };
  }

  private static ServiceSpec inResourceGroup(ResourceGroupId rg) {
    return ServiceSpec.builder().name("svc").resourceGroupId(rg).build();
  }

  @Test
  void theLoaderReadsTheResourceGroupResolvesTheNetworkAndReadsTheSharedGroupOnce() {
    try (InventoryLoader loader = InventoryLoader.builder().port(port(false)).parallelism(2).build()) {
      Inventory inv = loader.load(Question.privateTarget(inResourceGroup(RG), Target.rds(RDS)));
      assertThat(inv.vpc(VPC)).as("the VPC comes from the DLink's vSwitch").isPresent();
      assertThat(inv.securityGroups()).hasSize(1);
      assertThat(inv.resourceGroup(RG)).hasValueSatisfying(g -> assertThat(g.dlink()).isPresent());
    }
    assertThat(calls).containsExactlyInAnyOrder("withRequestListener", "describeResourceDLink", "describeVSwitch",
        "describeVpc", "describeSecurityGroup", "describeInstance");
  }

  @Test
  void aServiceWithoutAVpcNeedsOnlyItsResourceGroup() {
    try (InventoryLoader loader = InventoryLoader.builder().port(port(false)).executor(Runnable::run).build()) {
      Inventory inv = loader.load(Question.internetEgress(inResourceGroup(RG_WITHOUT_DLINK)));
      assertThat(inv.resourceGroups()).hasSize(1);
      assertThat(inv.vpcs()).isEmpty();
    }
    assertThat(calls).containsExactly("withRequestListener", "describeResourceDLink");
  }

  @Test
  void serviceNetworkingStartsBesideTheResourceGroupRead() {
    ServiceSpec spec = ServiceSpec.builder().name("svc").resourceGroupId(RG)
        .networking(ServiceNetworking.of(VPC, VSW, SG)).build();
    try (InventoryLoader loader = InventoryLoader.builder().port(port(false)).executor(Runnable::run).build()) {
      Inventory inv = loader.load(Question.privateTarget(spec, Target.rds(RDS)));
      assertThat(inv.vSwitches()).hasSize(1);
    }
    assertThat(calls).as("the shadowed DLink names the same vSwitch and group; each is read once")
        .containsExactlyInAnyOrder("withRequestListener", "describeResourceDLink", "describeVSwitch",
            "describeSecurityGroup", "describeVpc", "describeInstance");
  }

  @Test
  void aPartialServiceNetworkingBlockIsBadInput() {
    ServiceSpec spec = ServiceSpec.builder().name("svc")
        .networking(ServiceNetworking.builder().vSwitchId(VSW).build()).build();
    try (InventoryLoader loader = InventoryLoader.builder().port(port(false)).executor(Runnable::run).build()) {
      assertThatThrownBy(() -> loader.load(Question.internetEgress(spec)))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("/cloud/networking");
    }
  }

  @Test
  void aFailingCallFailsTheLoadWithTheSameException() {
    try (InventoryLoader loader = InventoryLoader.builder().port(port(true)).executor(Runnable::run).build()) {
      assertThatThrownBy(() -> loader.load(Question.privateTarget(inResourceGroup(RG), Target.rds(RDS))))
          .isInstanceOfSatisfying(CloudServiceException.class,
              e -> assertThat(e.kind()).isEqualTo(CloudServiceException.Kind.FORBIDDEN))
          .hasMessageContaining("Forbidden.RAM");
    }
  }

  @Test
  void aTargetTheCloudDoesNotHoldIsAbsentAsInAFileNotAFailedLoad() {
    CloudPort port = port(CloudServiceException.builder("rds:DescribeDBInstanceAttribute",
        "InvalidDBInstanceId.NotFound", CloudServiceException.Kind.NOT_FOUND).build());
    try (InventoryLoader loader = InventoryLoader.builder().port(port).executor(Runnable::run).build()) {
      Inventory inv = loader.load(Question.privateTarget(inResourceGroup(RG), Target.rds(RDS)));
      assertThat(inv.rdsInstances()).isEmpty();
      assertThat(inv.vpcs()).extracting(Vpc::id).containsExactly(VPC);
    }
  }

  @Test
  void aThrottledReadIsRetriedAfterWaitingOnTheInjectedSleeperNotTheThread() {
    AtomicInteger rdsCalls = new AtomicInteger();
    RdsApi throttledOnce = stub(RdsApi.class, Map.of("describeInstance", a -> {
      if (rdsCalls.getAndIncrement() == 0) {
        throw CloudServiceException.builder("rds:DescribeDBInstanceAttribute", "Throttling.User",
            CloudServiceException.Kind.THROTTLED).httpStatus(400).retryAfterSeconds(7).build();
      }
      return RdsInstance.builder().id(RDS).vpcId(VPC).addSecurityGroupId(SG).build();
    }));
    CloudPort throttling = port(null, throttledOnce);
    List<Duration> waits = new CopyOnWriteArrayList<>();
    try (InventoryLoader loader = InventoryLoader.builder().port(throttling).executor(Runnable::run)
        .sleeper(waits::add).build()) {
      Inventory inv = loader.load(Question.privateTarget(inResourceGroup(RG), Target.rds(RDS)));
      assertThat(inv.rdsInstances()).hasSize(1);
    }
    assertThat(rdsCalls).hasValue(2);
    assertThat(waits).as("the server's retry-after, waited on the injected sleeper").containsExactly(
        Duration.ofSeconds(7));
  }

  @Test
  void questionsDescribeThemselves() {
    assertThat(Question.privateTarget(inResourceGroup(RG), Target.rds(RDS)))
        .hasToString("Question[PRIVATE_TARGET, service svc, rm-a]");
    assertThat(Question.everything(VPC).service()).isEmpty();
    assertThat(Question.everything(VPC)).hasToString("Question[EVERYTHING, vpc-a]");
    assertThat(Question.everything(VPC).kind()).isEqualTo(Question.Kind.EVERYTHING);
  }
}
