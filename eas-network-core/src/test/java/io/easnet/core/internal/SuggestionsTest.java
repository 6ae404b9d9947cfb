package io.easnet.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

  @Test
  void distanceCountsInsertionsDeletionsAndSubstitutions() {
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    assertThat(Suggestions.distance("same", "same")).isZero();
  }

  @Test
  void nearestKeyIgnoresCaseAndPrefersTheFirstOnATie() {
    assertThat(Suggestions.nearestKey("VPC_ID", List.of("vswitch_id", "vpc_id"))).contains("vpc_id");
    assertThat(Suggestions.nearestKey("cidrBlok", List.of("cidrBlock", "id"))).contains("cidrBlock");
    assertThat(Suggestions.nearestKey("ab", List.of("ax", "ay"))).contains("ax");
  }

  @Test
  void nearestKeyGivesNothingWhenNoKeyIsClose() {
    assertThat(Suggestions.nearestKey("completelyDifferent", List.of("id", "name"))).isEmpty();
    assertThat(Suggestions.nearestKey("x".repeat(100_000), List.of("id", "name"))).isEmpty();
  }

  @Test
  void nearestIdIsCaseSensitiveSkipsItselfAndPrefersTheSmallerIdOnATie() {
    assertThat(Suggestions.nearestId("vsw-a3", List.of("vsw-b1", "vsw-a2", "vsw-a1"))).contains("vsw-a1");
    assertThat(Suggestions.nearestId("vsw-a1", List.of("vsw-a1"))).isEmpty();
    assertThat(Suggestions.nearestId("vsw-A1", List.of("vsw-a1"))).contains("vsw-a1");
    assertThat(Suggestions.nearestId("rm-bp1abcdefghij", List.of("rm-zzzzzzzzzzzzz"))).isEmpty();
  }
}
