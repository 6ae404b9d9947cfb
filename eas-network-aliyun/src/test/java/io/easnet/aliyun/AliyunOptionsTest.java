package io.easnet.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AliyunOptionsTest {
  private final CredentialsProvider fixed = CredentialsProviders.of(Credentials.of("LTAI5tTestKeyId", "s3cr3t"));

  @Test
  void defaultsAreTheDocumentedOnes() {
    AliyunOptions o = AliyunOptions.builder("cn-hangzhou").credentials(fixed).build();
    assertThat(o.regionId()).isEqualTo("cn-hangzhou");
    assertThat(o.vpcEndpoints()).isFalse();
    assertThat(o.endpointOverrides()).isEmpty();
    assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(o.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(o.retryPolicy()).isEqualTo(RetryPolicy.defaults());
    assertThat(o.callTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(o.circuitBreakerFailures()).isEqualTo(5);
    assertThat(o.circuitBreakerOpenFor()).isEqualTo(Duration.ofSeconds(30));
    assertThat(o.rateLimitRequests()).isEqualTo(20);
    assertThat(o.rateLimitPeriod()).isEqualTo(Duration.ofSeconds(1));
    assertThat(o.toString()).contains("credentials=static credentials").doesNotContain("s3cr3t")
        .contains("callTimeout=PT1M").contains("circuitBreaker=5 failures, open for PT30S")
        .contains("rateLimit=20 per PT1S");
  }

  @Test
  void resilienceOptionsAreValidatedWithMessagesThatSayWhatIsWrong() {
    assertThatThrownBy(() -> AliyunOptions.builder("cn-hangzhou").circuitBreaker(0, Duration.ofSeconds(1)))
        .hasMessage("circuitBreaker failuresInARow must be between 1 and 100, was 0");
    assertThatThrownBy(() -> AliyunOptions.builder("cn-hangzhou").circuitBreaker(3, Duration.ZERO))
        .hasMessage("circuitBreaker openFor must be positive, was PT0S");
    assertThatThrownBy(() -> AliyunOptions.builder("cn-hangzhou").rateLimit(0, Duration.ofSeconds(1)))
        .hasMessage("rateLimit requests must be greater than or equal to 1, was 0");
    assertThatThrownBy(() -> AliyunOptions.builder("cn-hangzhou").callTimeout(Duration.ofMinutes(11)))
        .hasMessage("callTimeout must be at most 10 minutes, was PT11M");
    assertThatThrownBy(() -> AliyunOptions.builder("cn-hangzhou").readTimeout(Duration.ofSeconds(30))
        .callTimeout(Duration.ofSeconds(10)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("callTimeout (PT10S) must be greater than or equal to readTimeout (PT30S)");
  }

  @Test
  void oneOverrideSendsEveryProductButStsToTheEmulator() {
    AliyunOptions o = AliyunOptions.builder("cn-hangzhou").credentials(fixed)
        .endpointOverride(URI.create("http://127.0.0.1:9000")).build();
    assertThat(o.endpointOverrides()).containsOnlyKeys(AliyunProduct.VPC, AliyunProduct.ECS, AliyunProduct.RDS,
        AliyunProduct.REDIS, AliyunProduct.EAS);
    assertThat(o.endpointOverrides().values()).containsOnly(URI.create("http://127.0.0.1:9000"));
  }

  @Test
  void withoutCredentialsTheDefaultChainIsUsed() {
    assertThat(AliyunOptions.builder("cn-hangzhou").build().credentials().description())
        .isEqualTo("default credentials chain");
  }

  @Test
  void aBadRegionIsRejectedWithAnExample() {
    assertThatThrownBy(() -> AliyunOptions.builder("Hangzhou"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("regionId must be an Alibaba Cloud region id such as cn-hangzhou or ap-southeast-1, was "
            + "\"Hangzhou\"");
  }

  @Test
  void timeoutsMustBePositiveAndBounded() {
    assertThatThrownBy(() -> AliyunOptions.builder("cn-hangzhou").connectTimeout(Duration.ZERO))
        .hasMessage("connectTimeout must be positive, was PT0S");
    assertThatThrownBy(() -> AliyunOptions.builder("cn-hangzhou").readTimeout(Duration.ofMinutes(11)))
        .hasMessage("readTimeout must be at most 10 minutes, was PT11M");
  }

  @Test
  void overridesAreValidatedWhenSet() {
    assertThatThrownBy(() -> AliyunOptions.builder("cn-hangzhou")
        .endpointOverride(AliyunProduct.ECS, URI.create("http://ecs.aliyuncs.com")))
        .hasMessageContaining("http is allowed only to a loopback address");
    AliyunOptions o = AliyunOptions.builder("cn-hangzhou").credentials(fixed)
        .endpointOverride(AliyunProduct.ECS, URI.create("http://127.0.0.1:8080/")).build();
    assertThat(o.endpointOverrides()).containsEntry(AliyunProduct.ECS, URI.create("http://127.0.0.1:8080"));
  }

  @Test
  void productsKnowTheirVersionAndStyle() {
    assertThat(AliyunProduct.VPC.apiVersion()).isEqualTo("2016-04-28");
    assertThat(AliyunProduct.ECS.apiVersion()).isEqualTo("2014-05-26");
    assertThat(AliyunProduct.RDS.apiVersion()).isEqualTo("2014-08-15");
    assertThat(AliyunProduct.REDIS.apiVersion()).isEqualTo("2015-01-01");
    assertThat(AliyunProduct.EAS.apiVersion()).isEqualTo("2021-07-01");
    assertThat(AliyunProduct.EAS.roaStyle()).isTrue();
    assertThat(AliyunProduct.VPC.roaStyle()).isFalse();
  }
}
