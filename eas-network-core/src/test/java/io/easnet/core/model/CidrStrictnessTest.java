package io.easnet.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Strict parsing beyond the obvious cases: forms the IPAddress library accepts in its lenient defaults (wildcards,
 * masks instead of prefix lengths, brackets, zones, inet_aton and hex forms) are not CIDR blocks.
 */
class CidrStrictnessTest {

  @ParameterizedTest
  @ValueSource(strings = {
    "1.1.3", "1.1", "1", "0x0a.0.0.1", "010.0.0.1", "1.2.3.4/", "1.2.3.4/33", "1.2.3.4/024", "1.2.3.4/-1",
    "1.2.3.4 /24", "1.2.3.256", "1.2.3.*", "1.2.3.0-255", "1.2.3.4/255.255.255.0", "01.2.3.4",
    "1::_", "1::*", "1::/ffff::", "[::1]", "::1%eth0", "1:2:3:4:5:6:7:8:9", "1::1/129", "1::/0x40", "::1/64",
    "1::/064", "::ffff:1.2.3.4", "1::1-2", ":::", "1:::2", "g::1", "1::/ 64", "", " ", "/24", "::/", "1::/+64"
  })
  void isRejectedWithIllegalArgument(String text) {
    assertThatThrownBy(() -> Cidr.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0/0", "::/0", "2408:4002:10c4:4e03::/64", "2001:DB8::1", "1.2.3.4", " 10.0.0.0/8 "})
  void isAccepted(String text) {
    assertThat(Cidr.parse(text)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2001:DB8::1", "2001:db8:0:0:0:0:0:1", "2001:0db8::0001"})
  void ipv6SpellingsAreCanonical(String text) {
    assertThat(Cidr.parse(text)).hasToString("2001:db8::1/128");
  }
}
