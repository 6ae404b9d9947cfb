package io.easnet.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CidrTest {

  @ParameterizedTest
  @ValueSource(strings = {"1.1.3", "1.1.1.1.1", "256.0.0.0/8", "010.0.0.0/8", "10.0.0.0/33", "10.0.0.0/08",
      "0x0a.0.0.0/8", "10.0.0.0/", "/24", "10.0.0.0/-1", "a.b.c.d", "10.0.0.0 /24", "2001:db8::/129",
      "2001:db8::*", "1.2.3.4-1.2.3.9", "::ffff:1.2.3.4"})
  void strictParsingRejectsMalformedBlocks(String text) {
    assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(text.trim());
  }

  @Test
  void emptyAndNullAreRejectedWithAClearMessage() {
    assertThatThrownBy(() -> Cidr.parse("")).hasMessageContaining("must not be empty");
    assertThatThrownBy(() -> Cidr.parse(null)).hasMessageContaining("must not be null");
  }

  @Test
  void hostBitsAreRejectedUnlessNormalizing() {
    assertThatThrownBy(() -> Cidr.parse("10.0.0.1/24"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("host bits set")
        .hasMessageContaining("10.0.0.0/24");
    assertThat(Cidr.parseNormalizing("10.0.0.1/24")).hasToString("10.0.0.0/24");
    assertThatThrownBy(() -> Cidr.parse("2001:db8::1/64")).hasMessageContaining("host bits set");
    assertThat(Cidr.parseNormalizing("2001:db8::1/64")).hasToString("2001:db8::/64");
  }

  @Test
  void bareAddressIsASingleAddressBlock() {
    Cidr v4 = Cidr.parse("192.168.1.7");
    assertThat(v4).hasToString("192.168.1.7/32");
    assertThat(v4.isSingleAddress()).isTrue();
    Cidr v6 = Cidr.parse("2001:db8::1");
    assertThat(v6).hasToString("2001:db8::1/128");
    assertThat(v6.isSingleAddress()).isTrue();
  }

  @Test
  void containsAndOverlapsFollowTheBounds() {
    Cidr vpc = Cidr.parse("192.168.0.0/16");
    Cidr vsw = Cidr.parse("192.168.1.0/24");
    assertThat(vpc.contains(vsw)).isTrue();
    assertThat(vsw.contains(vpc)).isFalse();
    assertThat(vsw.overlaps(vpc)).isTrue();
    assertThat(vsw.overlaps(Cidr.parse("192.168.2.0/24"))).isFalse();
    assertThat(Cidr.ANY_IPV4.contains(Cidr.parse("255.255.255.255"))).isTrue();
    assertThat(Cidr.ANY_IPV4.contains(Cidr.parse("2001:db8::1"))).isFalse();
    assertThat(Cidr.ANY_IPV6.contains(Cidr.parse("2001:db8::/32"))).isTrue();
    assertThat(Cidr.parse("2408:4002:10c4:4e03::/64").contains(Cidr.parse("2408:4002:10c4:4e03::9"))).isTrue();
  }

  @Test
  void halvesOfTheInternetAreEachHalf() {
    Cidr low = Cidr.parse("0.0.0.0/1");
    Cidr high = Cidr.parse("128.0.0.0/1");
    assertThat(low.lastIpv4() + 1).isEqualTo(high.firstIpv4());
    assertThat(low.size().add(high.size())).isEqualTo(BigInteger.ONE.shiftLeft(32));
  }

  @Test
  void equalityIsByCanonicalBlock() {
    assertThat(Cidr.parse("2001:0db8:0000::/32")).isEqualTo(Cidr.parse("2001:db8::/32"));
    assertThat(Cidr.parse("10.0.0.0/8")).isNotEqualTo(Cidr.parse("10.0.0.0/9"));
    assertThat(Cidr.parse("10.0.0.0/8").compareTo(Cidr.parse("10.0.0.0/9"))).isNegative();
  }

  @Test
  void ofIpv4RejectsHostBits() {
    assertThat(Cidr.ofIpv4(0xC0A80100L, 24)).hasToString("192.168.1.0/24");
    assertThatThrownBy(() -> Cidr.ofIpv4(0xC0A80101L, 24)).hasMessageContaining("host bits");
  }
}
