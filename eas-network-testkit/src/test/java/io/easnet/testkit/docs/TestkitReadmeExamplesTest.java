package io.easnet.testkit.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import io.easnet.core.spi.VpcApi.SnatEntryRequest;
import io.easnet.core.spi.RequestListener.RequestEvent;
import io.easnet.core.spi.CloudPort;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.SnatTableId;
import io.easnet.core.model.ResourceId.SnatEntryId;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.CloudServiceException;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.spi.CloudActions;
import io.easnet.testkit.EasNetworkExtension;
import io.easnet.testkit.FakeCloud;
import io.easnet.testkit.FaultPlan;
import io.easnet.testkit.gen.EstateGenerator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The snippets of eas-network-testkit/README.md, compiled and run. */
class TestkitReadmeExamplesTest {

  // README: programmatic
  @RegisterExtension
  static EasNetworkExtension cloud = EasNetworkExtension.builder()
      .seed(7)
      .faults(FaultPlan.builder().fail(CloudActions.AUTHORIZE_SECURITY_GROUP, "Throttling", 0.5).build())
      .estate(e -> e.vpc("prod", "192.168.0.0/16").vSwitch("eas", "192.168.1.0/24").securityGroup("eas-sg"))
      .build();
  // end

  @Test
  void throttleNextFailsTheNextCallsOnly(FakeCloud fake) {
    // README: faults
    fake.throttleNext(2);
    // the next two calls fail with Throttling (Kind.THROTTLED); the third succeeds
    // end
    SecurityGroupRule rule = SecurityGroupRule.ingress().tcp(8000).peer("192.168.0.0/16").build();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> fake.ecs().describeSecurityGroup(fake.id(SecurityGroupId.class, "eas-sg")))
          .isInstanceOf(CloudServiceException.class)
          .satisfies(e -> assertThat(((CloudServiceException) e).kind())
              .isEqualTo(CloudServiceException.Kind.THROTTLED));
    }
    assertThat(fake.ecs().describeSecurityGroup(fake.id(SecurityGroupId.class, "eas-sg")).id())
        .isEqualTo(fake.id(SecurityGroupId.class, "eas-sg"));
    assertThat(rule.portRange().contains(8000)).isTrue();
  }

  @Test
  void aRetryWithTheSameTokenActsOnce(FakeCloud fake) {
    fake.estate().inVpc("prod").natGateway("nat").eip("nat", "47.100.1.1");
    SnatTableId table = fake.vpc().describeNatGateway(fake.id(NatGatewayId.class, "nat")).snatTableIds().get(0);
    VSwitchId vSwitch = fake.id(VSwitchId.class, "eas");
    // README: one call path
    List<RequestEvent> events = new ArrayList<>();
    SnatEntryRequest request = SnatEntryRequest.builder().snatTableId(table).sourceVSwitchId(vSwitch)
        .addSnatIp("47.100.1.1").clientToken("apply-42").build();
    CloudPort port = fake.withRequestListener(events::add);
    SnatEntryId id = port.vpc().createSnatEntry(request);
    // a retry with the same token answers the same id and creates nothing
    // end
    assertThat(port.vpc().createSnatEntry(request)).isEqualTo(id);
    assertThat(fake.inventory().snatEntries()).hasSize(1);
    assertThat(events).extracting(RequestEvent::action).containsOnly(CloudActions.CREATE_SNAT_ENTRY);
  }

  @Test
  void generatorsAreSeeded() {
    // README: generators
    Inventory estate = EstateGenerator.estate(new SplittableRandom(42));
    // end
    assertThat(EstateGenerator.estate(new SplittableRandom(42))).isEqualTo(estate);
    assertThat(estate.vpcs()).isNotEmpty();
  }
}
