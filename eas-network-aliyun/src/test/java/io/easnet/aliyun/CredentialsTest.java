package io.easnet.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CredentialsTest {
  @Test
  void toStringNeverShowsTheSecretOrTokenAndMasksTheId() {
    Credentials c = Credentials.builder().accessKeyId("LTAI5tAbCdEfGh1234").accessKeySecret("s3cr3t-value")
        .securityToken("tok-value").expiration(Instant.parse("2026-12-01T12:00:00Z")).build();
    assertThat(c.toString()).doesNotContain("s3cr3t-value").doesNotContain("tok-value")
        .doesNotContain("LTAI5tAbCdEfGh1234").contains("LTAI****1234").contains("2026-12-01T12:00:00Z");
    assertThat(c.securityToken()).contains("tok-value");
    assertThat(c.expiration()).contains(Instant.parse("2026-12-01T12:00:00Z"));
  }

  @Test
  void longTermCredentialsHaveNoTokenAndNoExpiry() {
    Credentials c = Credentials.of("id-123456789", "secret");
    assertThat(c.securityToken()).isEmpty();
    assertThat(c.expiration()).isEmpty();
    assertThat(c).isEqualTo(Credentials.of("id-123456789", "secret")).isNotEqualTo(Credentials.of("id-123456789", "x"));
  }

  @Test
  void blankOrPaddedValuesAreRejectedWithoutEchoingThem() {
    assertThatThrownBy(() -> Credentials.of("id", " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("accessKeySecret must not be null or blank");
    assertThatThrownBy(() -> Credentials.of("id", "secret-with-newline\n"))
        .hasMessageContaining("white space").hasMessageNotContaining("secret-with-newline");
    assertThatThrownBy(() -> Credentials.builder().accessKeyId("id").build())
        .isInstanceOf(IllegalStateException.class).hasMessage("accessKeySecret must be set");
  }
}
