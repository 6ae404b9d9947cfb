package io.easnet.aliyun.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.easnet.core.CloudServiceException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whatever the cloud answers, reading it never fails with anything but the exception it describes, and whatever the
 * parameters, the canonical request stays well formed. Regression mode runs the empty input; {@code -Pfuzz} fuzzes.
 */
class WireParsingFuzzTest {
  @FuzzTest(maxDuration = "10s")
  void anyErrorBodyAndRetryAfterGiveACloudServiceException(FuzzedDataProvider data) {
    int status = data.consumeInt(400, 599);
    String retryAfter = data.consumeBoolean() ? data.consumeString(12) : null;
    byte[] body = data.consumeRemainingAsBytes();
    CloudServiceException e = ErrorResponses.toException("vpc:DescribeVpcs", status, body, retryAfter, null);
    assertThat(e.code()).isNotBlank();
    assertThat(e.httpStatus()).isEqualTo(status);
    assertThat(e.getMessage()).startsWith("vpc:DescribeVpcs failed: ");
  }

  @FuzzTest(maxDuration = "10s")
  void anyParametersGiveAWellFormedCanonicalQuery(FuzzedDataProvider data) {
    Map<String, String> query = new LinkedHashMap<>();
    int n = data.consumeInt(0, 8);
    for (int i = 0; i < n; i++) {
      query.put(data.consumeString(16), data.consumeString(32));
    }
    CanonicalRequest c = CanonicalRequest.of("POST", "/", query, Map.of("host", "h"), Hashing.EMPTY_SHA256);
    String q = c.canonicalQueryString();
    if (!q.isEmpty()) {
      assertThat(q.split("&", -1)).hasSize(query.size())
          .allSatisfy(pair -> assertThat(pair).matches("([A-Za-z0-9\\-_.~]|%[0-9A-F]{2})*=([A-Za-z0-9\\-_.~]|%[0-9A-F]{2})*"));
    }
    assertThat(c.text().split("\n", -1)).hasSize(7); // method, uri, query, one header, blank, signed, hash
  }
}
