package io.easnet.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.spi.RequestListener.RequestEvent;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The snippet of the module README, compiled and checked. */
class AliyunReadmeExamplesTest {
  /** Stands in for the reader's metrics library. */
  static final class Metrics {
    final Map<String, Integer> counts = new HashMap<>();

    void count(String action, String outcome) {
      counts.merge(action + " " + outcome, 1, Integer::sum);
    }
  }

  @Test
  void readmeOptionsExample() {
    Metrics metrics = new Metrics();
    // --- README snippet (keep in sync) ---
    AliyunOptions options = AliyunOptions.builder("cn-hangzhou")
        .credentials(CredentialsProviders.defaultChain())
        .vpcEndpoints(true)
        .endpointOverride(AliyunProduct.EAS, URI.create("http://127.0.0.1:8089"))
        .readTimeout(Duration.ofSeconds(20))
        .retryPolicy(RetryPolicy.builder().maxAttempts(5).build())
        .callTimeout(Duration.ofSeconds(45))
        .circuitBreaker(5, Duration.ofSeconds(30))
        .rateLimit(20, Duration.ofSeconds(1))
        .requestListener(event -> metrics.count(event.action(), event.errorCode().orElse("OK")))
        .build();
    // --- end of snippet ---
    options.requestListener().onRequest(RequestEvent.builder().action("vpc:DescribeVpcs").duration(Duration.ZERO)
        .build());
    assertThat(metrics.counts).containsEntry("vpc:DescribeVpcs OK", 1);
    assertThat(options.callTimeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(options.vpcEndpoints()).isTrue();
    assertThat(options.retryPolicy().maxAttempts()).isEqualTo(5);
    assertThat(options.endpointOverrides()).containsKey(AliyunProduct.EAS);
  }
}
