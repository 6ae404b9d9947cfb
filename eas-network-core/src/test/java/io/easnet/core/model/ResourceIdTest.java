package io.easnet.core.model;

import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.SnatTableId;
import io.easnet.core.model.ResourceId.SnatEntryId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ResourceId.RouteTableId;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.ResourceId.PrefixListId;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.ResourceId.EipAllocationId;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResourceIdTest {
  @Test
  void everyIdChecksItsPrefix() {
    assertThat(VpcId.of("vpc-bp1uepgqtar0000001").value()).isEqualTo("vpc-bp1uepgqtar0000001");
    assertThat(VSwitchId.of("vsw-1")).hasToString("vsw-1");
    assertThat(SecurityGroupId.of("sg-1").value()).isEqualTo("sg-1");
    assertThat(ResourceGroupId.of("eas-r-abc").value()).isEqualTo("eas-r-abc");
    assertThat(NatGatewayId.of("ngw-1").value()).isEqualTo("ngw-1");
    assertThat(SnatTableId.of("stb-1").value()).isEqualTo("stb-1");
    assertThat(SnatEntryId.of("snat-1").value()).isEqualTo("snat-1");
    assertThat(EipAllocationId.of("eip-1").value()).isEqualTo("eip-1");
    assertThat(RouteTableId.of("vtb-1").value()).isEqualTo("vtb-1");
    assertThat(EcsInstanceId.of("i-1").value()).isEqualTo("i-1");
    assertThat(RdsInstanceId.of("rm-1").value()).isEqualTo("rm-1");
    assertThat(RdsInstanceId.of("pgm-1").value()).isEqualTo("pgm-1");
    assertThat(RedisInstanceId.of("r-1").value()).isEqualTo("r-1");
    assertThat(PrefixListId.of("pl-1").value()).isEqualTo("pl-1");
  }

  @Test
  void wrongPrefixNamesTheExpectedOne() {
    assertThatThrownBy(() -> VSwitchId.of("vpc-123"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"vpc-123\" is not a vSwitch id")
        .hasMessageContaining("\"vsw-\"");
    assertThatThrownBy(() -> RdsInstanceId.of("r-1")).hasMessageContaining("\"rm-\" or \"pgm-\" or \"mr-\"");
    assertThatThrownBy(() -> RedisInstanceId.of("rm-1")).hasMessageContaining("is not a Redis instance id");
    assertThatThrownBy(() -> RedisInstanceId.of("r-A")).hasMessageContaining("is not a valid Redis instance id");
  }

  @Test
  void badCharactersAndEmptyBodiesAreRejected() {
    assertThatThrownBy(() -> VpcId.of("vpc-")).hasMessageContaining("only lower-case letters");
    assertThatThrownBy(() -> VpcId.of("vpc-ABC")).hasMessageContaining("only lower-case letters");
    assertThatThrownBy(() -> VpcId.of("vpc-a b")).hasMessageContaining("only lower-case letters");
    assertThatThrownBy(() -> VpcId.of(null)).hasMessageContaining("must not be null");
  }

  @Test
  void documentationPlaceholdersParseAndAreFlagged() {
    VpcId masked = VpcId.of("vpc-bp1uepgqtar*****");
    assertThat(masked.isPlaceholder()).isTrue();
    assertThat(VpcId.of("vpc-bp1uepgqtar12345").isPlaceholder()).isFalse();
  }

  @Test
  void idsOfDifferentKindsAreNeverEqual() {
    assertThat(VpcId.of("vpc-1")).isEqualTo(VpcId.of("vpc-1")).hasSameHashCodeAs(VpcId.of("vpc-1"));
    assertThat((Object) RdsInstanceId.of("rm-1")).isNotEqualTo(RedisInstanceId.of("r-1"));
  }
}
