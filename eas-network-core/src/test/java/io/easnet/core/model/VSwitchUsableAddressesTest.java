package io.easnet.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The usable addresses of a vSwitch count every address that is reserved once, however many reasons it has. */
class VSwitchUsableAddressesTest {
  @Test
  void overlappingReservedBlocksAreCountedOnce() {
    VSwitch v = VSwitch.builder().id("vsw-r").vpcId("vpc-a").cidrBlock("192.168.4.0/24")
        .addReservedCidrBlock("192.168.4.64/26").addReservedCidrBlock("192.168.4.64/27").build();
    assertThat(v.usableIpCount()).isEqualTo(256 - 4 - 64);
  }

  @Test
  void aReservedBlockHoldingTheSystemReservedAddressesDoesNotCountThemTwice() {
    // 192.168.4.0 (first) and .253–.255 (last three) are reserved by the system already
    VSwitch v = VSwitch.builder().id("vsw-r").vpcId("vpc-a").cidrBlock("192.168.4.0/24")
        .addReservedCidrBlock("192.168.4.0/28").addReservedCidrBlock("192.168.4.240/28").build();
    assertThat(v.usableIpCount()).isEqualTo(256 - 16 - 16);
  }

  @Test
  void everyAddressReservedLeavesNothingUsable() {
    VSwitch v = VSwitch.builder().id("vsw-r").vpcId("vpc-a").cidrBlock("192.168.4.0/29")
        .addReservedCidrBlock("192.168.4.0/29").build();
    assertThat(v.usableIpCount()).isZero();
    assertThat(v.availableIpAddressCount()).isZero();
  }

  @Test
  void withoutReservationsTheFourSystemAddressesAreTheOnlyOnesTaken() {
    assertThat(VSwitch.builder().id("vsw-r").vpcId("vpc-a").cidrBlock("10.0.0.0/16").build().usableIpCount())
        .isEqualTo(65536 - 4);
    assertThat(VSwitch.builder().id("vsw-r").vpcId("vpc-a").cidrBlock("10.0.0.0/29").build().usableIpCount())
        .isEqualTo(4);
  }

  @Test
  void anIpv6BlockIsStillRejectedWithTheVSwitchMessage() {
    assertThatThrownBy(() -> VSwitch.builder().id("vsw-r").vpcId("vpc-a").cidrBlock("2408:4002::/64").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be IPv4");
  }
}
