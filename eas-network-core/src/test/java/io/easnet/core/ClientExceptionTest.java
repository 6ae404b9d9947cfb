package io.easnet.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientExceptionTest {
  @Test
  void aConfigurationProblemSaysWhatWasTriedAndTheFix() {
    ConfigurationException e = ConfigurationException.of("no Alibaba Cloud credentials found.",
        List.of("environment ALIBABA_CLOUD_ACCESS_KEY_ID (not set)", "~/.aliyun/config.json (absent)"),
        "set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET.");
    assertThat(e).isInstanceOf(ClientException.class).isInstanceOf(EasNetworkException.class);
    assertThat(e.getMessage()).isEqualTo("no Alibaba Cloud credentials found. Tried: environment"
        + " ALIBABA_CLOUD_ACCESS_KEY_ID (not set); ~/.aliyun/config.json (absent). Fix: set"
        + " ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET.");
    assertThat(e.tried()).hasSize(2);
    assertThat(e.action()).isEmpty();
  }

  @Test
  void ioAndTimeoutFailuresNameTheActionAndWhatWasTried() {
    CloudIoException io = CloudIoException.of("vpc:DescribeVpcs", "vpc.cn-hangzhou.aliyuncs.com", 3,
        "connection refused", new IOException("refused"));
    assertThat(io.getMessage())
        .isEqualTo("vpc:DescribeVpcs: connection refused (endpoint vpc.cn-hangzhou.aliyuncs.com, 3 attempts)");
    assertThat(io.action()).contains("vpc:DescribeVpcs");
    assertThat(io.attempts()).isEqualTo(3);
    CloudTimeoutException t = CloudTimeoutException.of("vpc:CreateSnatEntry", "SNAT entry snat-a to be Available",
        Duration.ofSeconds(90), new SocketTimeoutException());
    assertThat(t.getMessage())
        .isEqualTo("vpc:CreateSnatEntry: gave up waiting for SNAT entry snat-a to be Available after 90000 ms");
    assertThat(t).isInstanceOf(ClientException.class);
    SigningException s = SigningException.of("eas:DescribeService", "ACS3-HMAC-SHA256", "no HmacSHA256", null);
    assertThat(s.getMessage()).isEqualTo("eas:DescribeService: cannot sign the request with ACS3-HMAC-SHA256: no"
        + " HmacSHA256");
  }

  @Test
  void argumentsAreChecked() {
    assertThatThrownBy(() -> CloudIoException.of("a", "h", 0, "p", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attempts must be greater than or equal to 1, was 0");
    assertThatThrownBy(() -> ConfigurationException.of(" ", List.of(), "fix"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("problem must not be blank");
    assertThatThrownBy(() -> CloudTimeoutException.of("a", "b", Duration.ofSeconds(-1), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was PT-1S");
  }

  @Test
  void conflictIsRetryable() {
    CloudServiceException e = CloudServiceException.builder("vpc:CreateSnatEntry", "IncorrectStatus.NatGateway",
        CloudServiceException.Kind.CONFLICT).httpStatus(400).build();
    assertThat(e.retryable()).isTrue();
  }
}
