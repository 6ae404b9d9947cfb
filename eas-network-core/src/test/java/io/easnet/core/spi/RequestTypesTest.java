package io.easnet.core.spi;

import io.easnet.core.spi.CloudPort.ClientToken;
import io.easnet.core.spi.RequestListener.RequestEvent;
import io.easnet.core.spi.EasApi.ServiceStatus;
import io.easnet.core.spi.EcsApi.SecurityGroupRuleRequest;
import io.easnet.core.spi.VpcApi.SnatEntryRequest;
import io.easnet.core.spi.VpcApi.EipAssociationRequest;
import io.easnet.core.spi.VpcApi.DeleteSnatEntryRequest;
import io.easnet.core.spi.VpcApi.CreateRouteEntryRequest;
import io.easnet.core.spi.VpcApi.CreateNatGatewayRequest;
import io.easnet.core.spi.VpcApi.AllocateEipRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceId.EipAllocationId;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.ResourceId.RouteTableId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.ResourceId.SnatTableId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestTypesTest {
  private static final NatGatewayId NAT = NatGatewayId.of("ngw-a");

  @Test
  void aClientTokenHoldsOneTo64PrintableAsciiCharacters() {
    assertThat(ClientToken.of("a".repeat(64)).value()).hasSize(64);
    assertThat(ClientToken.of("retry-1")).isEqualTo(ClientToken.of("retry-1")).hasToString("retry-1");
    assertThatThrownBy(() -> ClientToken.of("a".repeat(65)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clientToken must be 1 to 64 characters long, was 65");
    assertThatThrownBy(() -> ClientToken.of(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 0");
    assertThatThrownBy(() -> ClientToken.of("tök"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clientToken must hold printable ASCII characters only, found U+00F6 at index 1");
    assertThatThrownBy(() -> ClientToken.of("a b"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+0020 at index 1");
  }

  @Test
  void randomTokensAreValidAndDistinct() {
    ClientToken a = ClientToken.random();
    assertThat(ClientToken.of(a.value())).isEqualTo(a);
    assertThat(ClientToken.random()).isNotEqualTo(a);
  }

  @Test
  void everyWriteRequestCarriesAFreshTokenUnlessOneIsSet() {
    SecurityGroupRule rule = SecurityGroupRule.ingress().tcp(22).peer("10.0.0.0/8").build();
    SecurityGroupRuleRequest one = SecurityGroupRuleRequest.of(SecurityGroupId.of("sg-a"), rule);
    SecurityGroupRuleRequest two = SecurityGroupRuleRequest.of(SecurityGroupId.of("sg-a"), rule);
    assertThat(one.clientToken()).as("one intent, one token").isEqualTo(one.clientToken());
    assertThat(one.clientToken()).as("two intents, two tokens").isNotEqualTo(two.clientToken());
    assertThat(SecurityGroupRuleRequest.builder().from(one).build().clientToken()).isEqualTo(one.clientToken());
    assertThat(DeleteSnatEntryRequest.builder().snatTableId(SnatTableId.of("stb-a"))
        .snatEntryId(io.easnet.core.model.ResourceId.SnatEntryId.of("snat-a")).clientToken("mine").build().clientToken())
        .isEqualTo(ClientToken.of("mine"));
  }

  @Test
  void aTokenTooLongIsRefusedWhenTheRequestIsBuilt() {
    assertThatThrownBy(() -> EipAssociationRequest.builder().eipId(EipAllocationId.of("eip-a")).natGatewayId(NAT)
        .clientToken("x".repeat(65)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 64 characters");
  }

  @Test
  void idsWithTheWrongPrefixAreRefused() {
    assertThatThrownBy(() -> CreateRouteEntryRequest.builder().routeTableId(RouteTableId.of("vpc-a")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with");
  }

  @Test
  void writeRequestsCheckTheirArgumentsWithTheFix() {
    assertThatThrownBy(() -> AllocateEipRequest.builder().bandwidthMbps(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bandwidthMbps must be between 1 and 200, was 0");
    assertThatThrownBy(() -> AllocateEipRequest.builder().internetChargeType("Free").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("internetChargeType must be PayByTraffic or PayByBandwidth, was Free");
    assertThatThrownBy(() -> CreateNatGatewayRequest.builder().vpcId(VpcId.of("vpc-a"))
        .vSwitchId(VSwitchId.of("vsw-a")).name("x").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must be 2 to 128 characters long, was 1");
    assertThatThrownBy(() -> SnatEntryRequest.builder().snatTableId("stb-a").addSnatIp("47.1.1.1")
        .addSnatIp("47.1.1.1").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not repeat an address");
    assertThatThrownBy(() -> CreateRouteEntryRequest.builder().routeTableId(RouteTableId.of("vtb-a"))
        .destination("0.0.0.0/0").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("natGatewayId");
    CreateRouteEntryRequest route = CreateRouteEntryRequest.toNat(RouteTableId.of("vtb-a"), Cidr.ANY_IPV4, NAT);
    assertThat(route.destination()).isEqualTo(Cidr.ANY_IPV4);
    assertThat(AllocateEipRequest.builder().build().bandwidthMbps()).isEqualTo(5);
  }

  @Test
  void serviceStatusTellsRunningFromSettled() {
    ServiceStatus creating = ServiceStatus.builder().name("s").status("Creating").runningInstances(0)
        .totalInstances(2).build();
    ServiceStatus running = ServiceStatus.builder().name("s").status("Running").runningInstances(2)
        .totalInstances(2).build();
    ServiceStatus failed = ServiceStatus.builder().name("s").status("Failed").runningInstances(0)
        .totalInstances(2).build();
    assertThat(creating.isRunning()).isFalse();
    assertThat(creating.isSettled()).isFalse();
    assertThat(running.isRunning()).isTrue();
    assertThat(running.isSettled()).isTrue();
    assertThat(failed.isRunning()).isFalse();
    assertThat(failed.isSettled()).isTrue();
    assertThatThrownBy(() -> ServiceStatus.builder().name("s").status("Running").runningInstances(-1)
        .totalInstances(0).build()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRequestEventChecksItsPageAndDuration() {
    RequestEvent ok = RequestEvent.builder().action(CloudActions.DESCRIBE_VPCS).duration(Duration.ZERO).build();
    assertThat(ok.page()).isEqualTo(1);
    assertThat(ok.succeeded()).isTrue();
    assertThat(ok.httpStatus()).isEqualTo(200);
    assertThatThrownBy(() -> RequestEvent.builder().action("a").page(0).duration(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("page must be greater than or equal to 1, was 0");
  }
}
