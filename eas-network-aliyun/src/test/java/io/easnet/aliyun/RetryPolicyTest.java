package io.easnet.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  @Test
  void defaultsAreTheDocumentedOnes() {
    RetryPolicy p = RetryPolicy.defaults();
    assertThat(p.maxAttempts()).isEqualTo(3);
    assertThat(p.initialBackoff()).isEqualTo(Duration.ofMillis(200));
    assertThat(p.multiplier()).isEqualTo(2.0);
    assertThat(p.maxBackoff()).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.jitter()).isEqualTo(0.5);
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    assertThat(p.toString()).isEqualTo("RetryPolicy{maxAttempts=3, initialBackoff=PT0.2S, multiplier=2.0, "
        + "maxBackoff=PT10S, jitter=0.5}");
  }

  @Test
  void zeroMaxAttemptsShouldFail() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxAttempts must be greater than or equal to 1, was 0");
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(21)).hasMessageContaining("at most 20");
  }

  @Test
  void everySetterChecksItsValue() {
    assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ZERO))
        .hasMessage("initialBackoff must be positive, was PT0S");
    assertThatThrownBy(() -> RetryPolicy.builder().maxBackoff(Duration.ofHours(1)))
        .hasMessage("maxBackoff must be at most 10 minutes, was PT1H");
    assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(null))
        .hasMessage("initialBackoff must not be null");
    assertThatThrownBy(() -> RetryPolicy.builder().multiplier(0.5))
        .hasMessage("multiplier must be greater than or equal to 1.0, was 0.5");
    assertThatThrownBy(() -> RetryPolicy.builder().multiplier(Double.NaN)).hasMessageContaining("was NaN");
    assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5))
        .hasMessage("jitter must be between 0.0 and 1.0 (inclusive), was 1.5");
  }

  @Test
  void conflictingBackoffsAreExplained() {
    assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ofSeconds(5))
        .maxBackoff(Duration.ofSeconds(1)).build())
        .hasMessage("maxBackoff (PT1S) must be greater than or equal to initialBackoff (PT5S)");
  }

  @Test
  void backoffGrowsExponentiallyIsCappedAndJitteredWithinBounds() {
    RetryPolicy p = RetryPolicy.builder().jitter(0.0).build();
    assertThat(p.backoff(1, 0.9)).isEqualTo(Duration.ofMillis(200));
    assertThat(p.backoff(2, 0.9)).isEqualTo(Duration.ofMillis(400));
    assertThat(p.backoff(3, 0.9)).isEqualTo(Duration.ofMillis(800));
    assertThat(p.backoff(10, 0.9)).isEqualTo(Duration.ofSeconds(10));
    RetryPolicy j = RetryPolicy.builder().jitter(0.5).build();
    assertThat(j.backoff(2, 0.0)).isEqualTo(Duration.ofMillis(200));
    assertThat(j.backoff(2, 0.5)).isEqualTo(Duration.ofMillis(400));
    assertThat(j.backoff(2, 0.999)).isBetween(Duration.ofMillis(599), Duration.ofMillis(600));
    assertThat(j.backoff(12, 0.999)).isEqualTo(Duration.ofSeconds(10));
    assertThatThrownBy(() -> j.backoff(0, 0.5)).hasMessageContaining("retry must be greater than or equal to 1");
    assertThatThrownBy(() -> j.backoff(1, 1.0)).hasMessageContaining("random must be in [0, 1)");
  }
}
