package io.easnet.testkit.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okio.Buffer;
import okio.ByteString;

/**
 * Whatever arrives, the dispatcher answers in Alibaba's shape: a status, a JSON body with {@code RequestId}, and on
 * an error a {@code Code} and {@code Message}; it never throws. Inputs are request targets, headers and bodies
 * built from fuzzer bytes, biased towards the shapes clients send.
 */
class WireParsingFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> TARGETS = List.of("/", "/?Action=DescribeVpcs&Version=2016-04-28",
      "/api/v2/services/cn-hangzhou/", "/api/v2/resources/", "/vpc/", "/eas/api/v2/services", "%", "/a%zz/b?c=%");
  private static final List<String> HEADERS = List.of("host", "authorization", "x-acs-date", "x-acs-action",
      "x-acs-version", "x-acs-signature-nonce", "x-acs-content-sha256", "content-type");

  private final EmulatorDispatcher dispatcher = EmulatorDispatcher.builder().accessKey("ak", "secret")
      .clock(Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC))
      .handler("vpc:DescribeVpcs", call -> Reply.ok(Pagination.page(call, List.of(1, 2, 3)).fields()))
      .build();

  @FuzzTest(maxDuration = "10s")
  void anyRequestGetsAnAlibabaAnswer(FuzzedDataProvider data) throws IOException {
    String method = data.pickValue(List.of("GET", "POST", "PUT", "DELETE", "PATCH"));
    String target = data.pickValue(TARGETS) + data.consumeString(40);
    Headers.Builder headers = new Headers.Builder();
    int n = data.consumeInt(0, 6);
    for (int i = 0; i < n; i++) {
      String name = data.pickValue(HEADERS);
      String value = data.consumeBoolean() ? data.pickValue(List.of("ACS3-HMAC-SHA256 Credential=ak,SignedHeaders="
          + "host;x-acs-date,Signature=00", "2026-12-01T00:00:00Z", "application/x-www-form-urlencoded",
          "2016-04-28", "vpc.aliyuncs.com", "DescribeVpcs")) : data.consumeAsciiString(30);
      headers.addUnsafeNonAscii(name, value);
    }
    byte[] body = data.consumeRemainingAsBytes();
    RecordedRequest request = new RecordedRequest(0, 0, null, List.of(), method, target, "HTTP/1.1",
        HttpUrl.get("http://127.0.0.1/"), headers.build(), ByteString.of(body), body.length, List.of(), null);

    MockResponse response;
    try {
      response = dispatcher.dispatch(request);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    assertThat(response.getCode()).isBetween(200, 599);
    Buffer buffer = new Buffer();
    response.getBody().writeTo(buffer);
    JsonNode answer = JSON.readTree(buffer.readUtf8());
    assertThat(answer.path("RequestId").asText()).isNotEmpty();
    if (response.getCode() >= 400) {
      assertThat(answer.path("Code").asText()).isNotEmpty();
      assertThat(answer.path("Message").asText()).isNotEmpty();
      assertThat(answer.path("Code").asText()).isNotEqualTo("InternalError");
    }
  }
}
