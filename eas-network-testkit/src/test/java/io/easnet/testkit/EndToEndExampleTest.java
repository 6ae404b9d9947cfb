package io.easnet.testkit;

import static io.easnet.testkit.assertions.EasAssertions.assertThat;

import io.easnet.core.analysis.Explanation.ExplanationCode;
import io.easnet.core.analysis.Target.InternetTarget;
import io.easnet.core.analysis.PathAnalyzer;
import io.easnet.core.analysis.Target;
import io.easnet.core.load.InventoryLoader;
import io.easnet.core.load.InventoryLoader.Question;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.resolve.EffectiveNetwork;
import io.easnet.core.resolve.NetworkResolver;
import io.easnet.core.spi.CloudActions;
import io.easnet.core.spi.VpcApi.SnatEntryRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example of docs/testkit.md: plant an estate, load through the port, analyse, fix through the port, analyse again. */
@EasNetworkTest(seed = 42)
class EndToEndExampleTest {
  // ROOT-README: end-to-end
  @Test
  void internetEgressNeedsAnAvailableSnatEntry(FakeCloud fake) {
    fake.estate()
        .vpc("prod", "192.168.0.0/16")
        .vSwitch("eas", "192.168.1.0/24")
        .securityGroup("eas-sg")
        .natGateway("nat")
        .eip("nat", "47.100.1.1");
    ServiceSpec spec = ServiceSpec.builder().name("chat").networking(ServiceNetworking.of(fake.id(VpcId.class, "prod"),
        fake.id(VSwitchId.class, "eas"), fake.id(SecurityGroupId.class, "eas-sg"))).build();
    EffectiveNetwork net = NetworkResolver.create().resolve(spec);

    try (InventoryLoader loader = InventoryLoader.builder().port(fake).build()) {
      assertThat(PathAnalyzer.of(loader.load(Question.internetEgress(spec))).internet(net, InternetTarget.any(443)))
          .isUnreachable()
          .hasExplanation(ExplanationCode.SNAT_NO_ENTRY_FOR_SOURCE);

      fake.vpc().createSnatEntry(SnatEntryRequest.builder()
          .snatTableId(fake.vpc().describeNatGateway(fake.id(NatGatewayId.class, "nat")).snatTableIds().get(0))
          .sourceVSwitchId(fake.id(VSwitchId.class, "eas")).addSnatIp("47.100.1.1").build());
      assertThat(PathAnalyzer.of(loader.load(Question.internetEgress(spec))).internet(net, InternetTarget.any(443)))
          .hasExplanation(ExplanationCode.SNAT_ENTRY_NOT_AVAILABLE);

      fake.advance(); // the entry goes from Pending to Available
      assertThat(PathAnalyzer.of(loader.load(Question.internetEgress(spec))).internet(net, InternetTarget.any(443)))
          .isReachable()
          .hasNoExplanation(ExplanationCode.SNAT_NO_ENTRY_FOR_SOURCE);
    }
    assertThat(fake).madeCall(CloudActions.CREATE_SNAT_ENTRY, 1).madeNoCallTo(CloudActions.RDS_DESCRIBE_INSTANCE);
  }
  // end

  @Test
  void privateAccessNeedsTheVSwitchCidrInTheAllowlist(FakeCloud fake) {
    fake.estate()
        .vpc("prod", "192.168.0.0/16")
        .vSwitch("eas", "192.168.1.0/24")
        .vSwitch("db", "192.168.2.0/24")
        .securityGroup("eas-sg")
        .rds("orders", "db", "192.168.2.10");
    ServiceSpec spec = ServiceSpec.builder().name("chat").networking(ServiceNetworking.of(fake.id(VpcId.class, "prod"),
        fake.id(VSwitchId.class, "eas"), fake.id(SecurityGroupId.class, "eas-sg"))).build();
    EffectiveNetwork net = NetworkResolver.create().resolve(spec);
    Target orders = Target.rds(fake.id(RdsInstanceId.class, "orders"));

    try (InventoryLoader loader = InventoryLoader.builder().port(fake).build()) {
      assertThat(PathAnalyzer.of(loader.load(Question.privateTarget(spec, orders)))
          .privateTarget(net, orders))
          .isUnreachable()
          .hasExplanation(ExplanationCode.TARGET_ALLOWLIST_MISSING_SOURCE);

      fake.rds().appendAllowlistEntries(fake.id(RdsInstanceId.class, "orders"), "default",
          List.of(Cidr.parse("192.168.1.0/24")));
      assertThat(PathAnalyzer.of(loader.load(Question.privateTarget(spec, orders)))
          .privateTarget(net, orders))
          .isReachable();
    }
  }
}
