package io.easnet.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.CloudServiceException;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.RdsInstanceId;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroupId;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.VSwitchId;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.VpcId;
import io.easnet.core.resolve.EffectiveNetwork;
import io.easnet.core.resolve.Provenance;
import io.easnet.core.spi.CloudPort;
import io.easnet.core.spi.EasApi;
import io.easnet.core.spi.EcsApi;
import io.easnet.core.spi.RdsApi;
import io.easnet.core.spi.RedisApi;
import io.easnet.core.spi.VpcApi;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
    VpcApi vpc = stub(VpcApi.class, Map.of(
        "describeVpc", a -> Vpc.builder().id(VPC).cidrBlock("10.0.0.0/16").build(),
        "describeVSwitch", a -> VSwitch.builder().id(VSW).vpcId(VPC).cidrBlock("10.0.1.0/24").build()));
    EcsApi ecs = stub(EcsApi.class, Map.of(
        "describeSecurityGroup", a -> SecurityGroup.builder().id((SecurityGroupId) a[0]).vpcId(VPC).build()));
    RdsApi rds = stub(RdsApi.class, Map.of("describeInstance", a -> {
      if (rdsFails) {
        throw CloudServiceException.builder("rds:DescribeDBInstanceAttribute", "InvalidDBInstanceId.NotFound",
            CloudServiceException.Kind.NOT_FOUND).build();
      }
      return RdsInstance.builder().id(RDS).vpcId(VPC).addSecurityGroupId(SG).build();
    }));
    RedisApi redis = stub(RedisApi.class, Map.of());
    EasApi eas = stub(EasApi.class, Map.of());
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
    };
  }

  private static EffectiveNetwork dlinkNetwork() {
    return EffectiveNetwork.builder().serviceName("svc").provenance(Provenance.RESOURCE_GROUP).addVSwitchId(VSW)
        .securityGroupId(SG).build();
  }

  @Test
  void theVpcOfADlinkNetworkComesFromItsVSwitchAndTheSharedGroupIsReadOnce() {
    try (InventoryLoader loader = InventoryLoader.builder().port(port(false)).parallelism(2).build()) {
      Inventory inv = loader.load(Question.privatePath(dlinkNetwork(), RDS));
      assertThat(inv.vpc(VPC)).isPresent();
      assertThat(inv.securityGroups()).hasSize(1);
    }
    assertThat(calls).containsExactlyInAnyOrder("describeVSwitch", "describeVpc", "describeSecurityGroup",
        "describeInstance");
  }

  @Test
  void aFailingCallFailsTheLoadWithTheSameException() {
    try (InventoryLoader loader = InventoryLoader.builder().port(port(true)).executor(Runnable::run).build()) {
      assertThatThrownBy(() -> loader.load(Question.privatePath(dlinkNetwork(), RDS)))
          .isInstanceOfSatisfying(CloudServiceException.class,
              e -> assertThat(e.kind()).isEqualTo(CloudServiceException.Kind.NOT_FOUND))
          .hasMessageContaining("InvalidDBInstanceId.NotFound");
    }
  }

  @Test
  void questionsDescribeThemselves() {
    assertThat(Question.privatePath(dlinkNetwork(), RDS))
        .hasToString("Question[PRIVATE_PATH, service svc, rm-a]");
    assertThat(Question.everything(VPC).network()).isEmpty();
    assertThat(Question.everything(VPC).kind()).isEqualTo(Question.Kind.EVERYTHING);
  }
}
