package io.easnet.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

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

    void count(String action, RequestEvent.Outcome outcome) {
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
        .requestListener(event -> metrics.count(event.action(), event.outcome()))
        .build();
    // --- end of snippet ---
    options.requestListener().onRequest(RequestEvent.builder(AliyunProduct.VPC, "vpc:DescribeVpcs").build());
    assertThat(metrics.counts).containsEntry("vpc:DescribeVpcs SUCCESS", 1);
    assertThat(options.vpcEndpoints()).isTrue();
    assertThat(options.retryPolicy().maxAttempts()).isEqualTo(5);
    assertThat(options.endpointOverrides()).containsKey(AliyunProduct.EAS);
  }
}
