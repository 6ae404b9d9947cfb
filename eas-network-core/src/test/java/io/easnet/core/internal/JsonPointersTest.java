package io.easnet.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonPointersTest {

  @Test
  void tildeAndSlashAreEscapedInThatOrder() {
    assertThat(JsonPointers.escape("a/b~c")).isEqualTo("a~1b~0c");
    assertThat(JsonPointers.escape("~1")).isEqualTo("~01");
    assertThat(JsonPointers.escape("plain")).isEqualTo("plain");
  }

  @Test
  void childrenOfObjectsAndArraysAppendOneToken() {
    assertThat(JsonPointers.child("/securityGroups", 2)).isEqualTo("/securityGroups/2");
    assertThat(JsonPointers.child("/tags", "team/owner")).isEqualTo("/tags/team~1owner");
    assertThat(JsonPointers.child("", "a")).isEqualTo("/a");
  }

  @Test
  void pointerFromTokensResolvesWithJackson() throws Exception {
    String pointer = JsonPointers.of("rdsInstances", 0, "allowlists", 1, "entries", 0);
    assertThat(pointer).isEqualTo("/rdsInstances/0/allowlists/1/entries/0");
    assertThat(new ObjectMapper().readTree("{\"a/b\": {\"~\": [7]}}").at(JsonPointers.of("a/b", "~", 0)).asInt())
        .isEqualTo(7);
    assertThat(JsonPointers.of()).isEmpty();
  }
}
