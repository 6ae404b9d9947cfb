package io.easnet.core.spi;

import io.easnet.core.spi.EasApi.UpdateType;
import io.easnet.core.spi.VpcApi.SnatEntryRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.model.ResourceId.SnatTableId;
import org.junit.jupiter.api.Test;

class CloudActionsTest {
  @Test
  void actionsAreDistinctAndSpelledAsRamActions() {
    long constants = java.util.Arrays.stream(CloudActions.class.getFields())
        .filter(f -> f.getType() == String.class).count();
    assertThat(CloudActions.all()).as("all() lists every constant").doesNotHaveDuplicates().hasSize((int) constants)
        .allMatch(a -> a.matches("(vpc|ecs|rds|kvstore|eas):[A-Z][A-Za-z]+"));
  }

  @Test
  void updateTypeUsesTheApiSpelling() {
    assertThat(UpdateType.MERGE.apiName()).isEqualTo("merge");
    assertThat(UpdateType.REPLACE.apiName()).isEqualTo("replace");
  }

  @Test
  void snatEntryRequestKeepsBothSourcesSoTheCloudCanRefuseThem() {
    SnatEntryRequest r = SnatEntryRequest.builder().snatTableId("stb-a").sourceVSwitchId("vsw-a")
        .sourceCidr("10.0.0.0/24").addSnatIp("47.1.1.1").build();
    assertThat(r.snatTableId()).isEqualTo(SnatTableId.of("stb-a"));
    assertThat(r.sourceVSwitchId()).isPresent();
    assertThat(r.sourceCidr()).isPresent();
  }
}
