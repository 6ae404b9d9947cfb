package io.easnet.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortRangeTest {
  @Test
  void minusOneCoversEveryPortIncluding22() {
    PortRange all = PortRange.parse("-1/-1");
    assertThat(all.isAll()).isTrue();
    assertThat(all.contains(22)).isTrue();
    assertThat(all.contains(65535)).isTrue();
    assertThat(all.coversAllPorts()).isTrue();
    assertThat(all).hasToString("-1/-1");
  }

  @Test
  void spelledOutFullRangeCoversAllPortsButIsNotMinusOne() {
    PortRange full = PortRange.parse("1/65535");
    assertThat(full.coversAllPorts()).isTrue();
    assertThat(full.isAll()).isFalse();
  }

  @Test
  void singlePortContainsOnlyItself() {
    PortRange ssh = PortRange.parse("22/22");
    assertThat(ssh.contains(22)).isTrue();
    assertThat(ssh.contains(23)).isFalse();
    assertThat(ssh).isEqualTo(PortRange.single(22));
  }

  @ParameterizedTest
  @ValueSource(strings = {"22", "0/22", "22/65536", "30/20", "-1/22", "a/b", "22-22", ""})
  void invalidRangesAreRejected(String text) {
    assertThatThrownBy(() -> PortRange.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("port range");
  }
}
