package io.easnet.aliyun.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.CloudServiceException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ErrorResponsesTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void retryAfterIsAPositiveIntegerOfMillisecondsOrNothing() {
    assertThat(ErrorResponses.retryAfterMillis("2000")).contains(2000L);
    assertThat(ErrorResponses.retryAfterMillis(" 15 ")).contains(15L);
    assertThat(ErrorResponses.retryAfterMillis("0")).isEmpty();
    assertThat(ErrorResponses.retryAfterMillis("-5")).isEmpty();
    assertThat(ErrorResponses.retryAfterMillis("invalid")).isEmpty();
    assertThat(ErrorResponses.retryAfterMillis("")).isEmpty();
    assertThat(ErrorResponses.retryAfterMillis(null)).isEmpty();
  }

  @Test
  void retryAfterSecondsAreRoundedUpSoNobodyRetriesEarly() {
    CloudServiceException e = ErrorResponses.toException("vpc:DescribeVpcs", 400,
        utf8("{\"Code\":\"Throttling\",\"Message\":\"m\"}"), "1001", null);
    assertThat(e.retryAfterSeconds()).contains(2);
    assertThat(e.kind()).isEqualTo(CloudServiceException.Kind.THROTTLED);
  }

  @Test
  void theRequestIdHeaderIsUsedWhenTheBodyHasNone() {
    CloudServiceException e = ErrorResponses.toException("eas:DescribeService", 404, utf8("{\"Code\":\"NotFound\"}"),
        null, "HDR-1");
    assertThat(e.requestId()).contains("HDR-1");
    assertThat(e.getMessage()).contains("the error body has no Message");
  }

  @Test
  void anEmptyBodyGivesTheStatusAsCode() {
    CloudServiceException e = ErrorResponses.toException("ecs:DescribeSecurityGroups", 403, new byte[0], null, null);
    assertThat(e.code()).isEqualTo("Http403");
    assertThat(e.getMessage()).contains("(empty)");
    assertThat(e.kind()).isEqualTo(CloudServiceException.Kind.INVALID_PARAMETER);
  }

  @Test
  void aLongBodyIsCutInThePreview() {
    String preview = ErrorResponses.preview(utf8("x".repeat(500)));
    assertThat(preview).hasSize(203).endsWith("…\"");
  }
}
