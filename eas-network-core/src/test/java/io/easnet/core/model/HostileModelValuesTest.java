package io.easnet.core.model;

import io.easnet.core.model.RouteTable.RouteEntry;
import io.easnet.core.model.ServiceSpec.RollingStrategy;
import io.easnet.core.model.ServiceSpec.Autoscaler;
import io.easnet.core.model.ResourceId.NatGatewayId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Model values reject what no EAS service or cloud resource can be, and their arithmetic is exact. */
class HostileModelValuesTest {

  // ---------------------------------------------------------------- 1: counts and exact arithmetic

  @Test
  void instanceCountAboveTheMaximumIsRejected() {
    assertThatThrownBy(() -> ServiceSpec.builder().name("s").instanceCount(Integer.MAX_VALUE).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.format(Locale.ROOT, "%,d", ServiceSpec.MAX_INSTANCES));
    assertThat(ServiceSpec.builder().name("s").instanceCount(ServiceSpec.MAX_INSTANCES).build().peakInstances())
        .isEqualTo(ServiceSpec.MAX_INSTANCES);
  }

  @Test
  void autoscalerAboveTheMaximumIsRejected() {
    assertThatThrownBy(() -> Autoscaler.of(1, ServiceSpec.MAX_INSTANCES + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.format(Locale.ROOT, "%,d", ServiceSpec.MAX_INSTANCES));
  }

  @Test
  void surgeCountAboveTheMaximumIsRejected() {
    assertThatThrownBy(() -> RollingStrategy.builder().maxSurge(String.valueOf(Integer.MAX_VALUE)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.format(Locale.ROOT, "%,d", ServiceSpec.MAX_INSTANCES));
    assertThatThrownBy(() -> RollingStrategy.builder().maxSurge("99999999999999999999").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RollingStrategy.builder().maxUnavailable("101%").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("100%");
  }

  @Test
  void percentageSurgeIsExactForEveryInstanceCount() {
    RollingStrategy all = RollingStrategy.builder().maxSurge("100%").build();
    assertThat(all.surgeFor(30_000_000)).hasValue(30_000_000);
    assertThat(all.surgeFor(Integer.MAX_VALUE)).hasValue(Integer.MAX_VALUE);
    RollingStrategy third = RollingStrategy.builder().maxSurge("33%").build();
    assertThat(third.surgeFor(1_000_000)).hasValue(330_000);
    assertThat(third.surgeFor(1)).hasValue(1);
    assertThat(third.surgeFor(0)).hasValue(0);
    assertThat(RollingStrategy.builder().maxSurge("1%").build().surgeFor(ServiceSpec.MAX_INSTANCES))
        .hasValue(ServiceSpec.MAX_INSTANCES / 100);
  }

  @Test
  void peakInstancesWithSurgeFitsForTheLargestService() {
    ServiceSpec s = ServiceSpec.builder().name("s").instanceCount(ServiceSpec.MAX_INSTANCES)
        .autoscaler(Autoscaler.of(0, ServiceSpec.MAX_INSTANCES))
        .rollingStrategy(RollingStrategy.builder().maxSurge("100%").build()).build();
    long demand = (long) s.peakInstances() + s.rollingStrategy().get().surgeFor(s.peakInstances()).get();
    assertThat(demand).isEqualTo(2L * ServiceSpec.MAX_INSTANCES).isLessThan(Integer.MAX_VALUE);
  }

  // ---------------------------------------------------------------- 6: strict CIDRs

  @Test
  void controlCharactersAreNeverTrimmedFromACidr() {
    for (String s : new String[] {"10.0.0.0/8\u0000", "\u000010.0.0.0/8", "10.0.0.0/8\n", "10.0.0.0/8\t",
        "\u001b10.0.0.0/8", "10.0.0.0/8\u007f", "2001:db8::/32\u0000", "10.0.0.0/8\u00a0", "10.0.0.0\u2028/8"}) {
      assertThatThrownBy(() -> Cidr.parse(s)).as(s).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("character")
          .hasMessageNotContaining("\u0000")
          .hasMessageNotContaining("\u001b");
    }
  }

  @Test
  void ipv6GroupsOfMoreThanFourHexDigitsAreRejected() {
    for (String s : new String[] {"02001:db8::/32", "2001:0db80::/32", "2001:db8::00001/128", "12345::/16"}) {
      assertThatThrownBy(() -> Cidr.parse(s)).as(s).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("four hex digits");
    }
    assertThat(Cidr.parse("2001:0db8::/32")).hasToString("2001:db8::/32");
  }

  @Test
  void embeddedIpv4InIpv6IsRejectedWithTheReason() {
    assertThatThrownBy(() -> Cidr.parse("::ffff:10.0.0.0/104")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("IPv4")
        .hasMessageContaining("::ffff:a00:0/104");
  }

  // ---------------------------------------------------------------- 7: single values the cloud cannot produce

  @Test
  void availableAddressesAboveTheUsableCountAreRejected() {
    assertThatThrownBy(() -> VSwitch.builder().id("vsw-a").vpcId("vpc-a").cidrBlock("192.168.1.0/24")
        .availableIpAddressCount(253).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("252");
    assertThat(VSwitch.builder().id("vsw-a").vpcId("vpc-a").cidrBlock("192.168.1.0/24")
        .availableIpAddressCount(252).build().availableIpAddressCount()).isEqualTo(252);
  }

  @Test
  void privateEipIsRejected() {
    assertThatThrownBy(() -> Eip.builder().id("eip-a").ipAddress("192.168.0.1").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a public address");
    assertThat(Eip.builder().id("eip-a").ipAddress("47.96.1.1").build().ipAddress()).hasToString("47.96.1.1");
  }

  @Test
  void routeTableWithTwoRoutesToOneDestinationIsRejected() {
    assertThatThrownBy(() -> RouteTable.builder().id("vtb-a").vpcId("vpc-a")
        .addEntry(RouteEntry.toNat("0.0.0.0/0", NatGatewayId.of("ngw-a")))
        .addEntry(RouteEntry.toNat("0.0.0.0/0", NatGatewayId.of("ngw-b"))).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.0.0.0/0");
  }

  @Test
  void instanceWithTwoAllowlistGroupsOfOneNameIsRejected() {
    assertThatThrownBy(() -> RdsInstance.builder().id("rm-a")
        .addAllowlist(AllowlistGroup.builder().name("default").addEntry("10.0.0.0/8"))
        .addAllowlist(AllowlistGroup.builder().name("default")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("default");
    assertThatThrownBy(() -> RedisInstance.builder().id("r-a")
        .addAllowlist(AllowlistGroup.builder().name("default"))
        .addAllowlist(AllowlistGroup.builder().name("default")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("default");
  }
}
