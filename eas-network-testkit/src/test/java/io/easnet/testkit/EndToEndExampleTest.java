package io.easnet.testkit;

import static io.easnet.testkit.assertions.EasAssertions.assertThat;

import io.easnet.core.analysis.ExplanationCode;
import io.easnet.core.analysis.InternetTarget;
import io.easnet.core.analysis.PathAnalyzer;
import io.easnet.core.analysis.Target;
import io.easnet.core.load.InventoryLoader;
import io.easnet.core.load.Question;
import io.easnet.core.model.Cidr;
import io.easnet.core.resolve.EffectiveNetwork;
import io.easnet.core.resolve.Provenance;
import io.easnet.core.spi.CloudActions;
import io.easnet.core.spi.SnatEntryRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's example: plant an estate, load through the port, analyse, fix through the port, analyse again. */
@EasNetworkTest(seed = 42)
class EndToEndExampleTest {
  @Test
  void internetEgressNeedsAnAvailableSnatEntry(FakeCloud fake) {
    fake.estate()
        .vpc("prod", "192.168.0.0/16")
        .vSwitch("eas", "192.168.1.0/24")
        .securityGroup("eas-sg")
        .natGateway("nat")
        .eip("nat", "47.100.1.1");
    EffectiveNetwork net = EffectiveNetwork.builder().serviceName("chat").provenance(Provenance.SERVICE)
        .vpcId(fake.vpcId("prod")).addVSwitchId(fake.vSwitchId("eas")).securityGroupId(fake.securityGroupId("eas-sg"))
        .build();

    try (InventoryLoader loader = InventoryLoader.builder().port(fake).build()) {
      assertThat(PathAnalyzer.of(loader.load(Question.internetEgress(net))).internet(net, InternetTarget.any(443)))
          .isUnreachable()
          .hasExplanation(ExplanationCode.SNAT_NO_ENTRY_FOR_SOURCE);

      fake.vpc().createSnatEntry(SnatEntryRequest.builder()
          .snatTableId(fake.inventory().natGateway(fake.natGatewayId("nat")).orElseThrow().snatTableIds().get(0))
          .sourceVSwitchId(fake.vSwitchId("eas")).addSnatIp("47.100.1.1").build());
      assertThat(PathAnalyzer.of(loader.load(Question.internetEgress(net))).internet(net, InternetTarget.any(443)))
          .hasExplanation(ExplanationCode.SNAT_ENTRY_NOT_AVAILABLE);

      fake.advance(); // the entry goes from Pending to Available
      assertThat(PathAnalyzer.of(loader.load(Question.internetEgress(net))).internet(net, InternetTarget.any(443)))
          .isReachable()
          .hasNoExplanation(ExplanationCode.SNAT_NO_ENTRY_FOR_SOURCE);
    }
    assertThat(fake).madeCall(CloudActions.CREATE_SNAT_ENTRY, 1).madeNoCallTo(CloudActions.RDS_DESCRIBE_INSTANCE);
  }

  @Test
  void privateAccessNeedsTheVSwitchCidrInTheAllowlist(FakeCloud fake) {
    fake.estate()
        .vpc("prod", "192.168.0.0/16")
        .vSwitch("eas", "192.168.1.0/24")
        .vSwitch("db", "192.168.2.0/24")
        .securityGroup("eas-sg")
        .rds("orders", "db", "192.168.2.10");
    EffectiveNetwork net = EffectiveNetwork.builder().serviceName("chat").provenance(Provenance.SERVICE)
        .vpcId(fake.vpcId("prod")).addVSwitchId(fake.vSwitchId("eas")).securityGroupId(fake.securityGroupId("eas-sg"))
        .build();
    Target orders = Target.rds(fake.rdsInstanceId("orders"));

    try (InventoryLoader loader = InventoryLoader.builder().port(fake).build()) {
      assertThat(PathAnalyzer.of(loader.load(Question.privatePath(net, fake.rdsInstanceId("orders"))))
          .privateTarget(net, orders))
          .isUnreachable()
          .hasExplanation(ExplanationCode.TARGET_ALLOWLIST_MISSING_SOURCE);

      fake.rds().appendAllowlistEntries(fake.rdsInstanceId("orders"), "default",
          List.of(Cidr.parse("192.168.1.0/24")));
      assertThat(PathAnalyzer.of(loader.load(Question.privatePath(net, fake.rdsInstanceId("orders"))))
          .privateTarget(net, orders))
          .isReachable();
    }
  }
}
