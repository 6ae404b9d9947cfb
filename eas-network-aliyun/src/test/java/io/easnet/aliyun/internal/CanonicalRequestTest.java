package io.easnet.aliyun.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalRequestTest {
  /** The official V3 vector (docs/wire.md §7.3, "Request syntax and signature method V3"), canonical part. */
  static final String OFFICIAL_CANONICAL_REQUEST = "POST\n"
      + "/\n"
      + "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai\n"
      + "host:ecs.cn-shanghai.aliyuncs.com\n"
      + "x-acs-action:RunInstances\n"
      + "x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
      + "x-acs-date:2023-10-26T10:22:32Z\n"
      + "x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\n"
      + "x-acs-version:2014-05-26\n"
      + "\n"
      + "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n"
      + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void officialVectorCanonicalRequestIsReproducedExactly() {
    Map<String, String> headers = new LinkedHashMap<>();
    // deliberately unsorted and mixed case: the canonical form sorts and lower-cases
    headers.put("x-acs-version", "2014-05-26");
    headers.put("Host", "ecs.cn-shanghai.aliyuncs.com");
    headers.put("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d");
    headers.put("X-Acs-Action", "RunInstances");
    headers.put("x-acs-date", "2023-10-26T10:22:32Z");
    headers.put("x-acs-content-sha256", Hashing.EMPTY_SHA256);
    headers.put("user-agent", "not signed");
    headers.put("accept", "application/json");
    Map<String, String> query = new LinkedHashMap<>();
    query.put("RegionId", "cn-shanghai");
    query.put("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd");

    CanonicalRequest c = CanonicalRequest.of("POST", "/", query, headers, Hashing.EMPTY_SHA256);

    assertThat(c.text()).isEqualTo(OFFICIAL_CANONICAL_REQUEST);
    assertThat(Hashing.sha256Hex(c.text()))
        .isEqualTo("7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259");
  }

  @Test
  void percentEncodingFollowsRfc3986() {
    assertThat(CanonicalRequest.percentEncode("a b")).isEqualTo("a%20b");
    assertThat(CanonicalRequest.percentEncode("*")).isEqualTo("%2A");
    assertThat(CanonicalRequest.percentEncode("~-_.")).isEqualTo("~-_.");
    assertThat(CanonicalRequest.percentEncode("a+b=c&d/e:f")).isEqualTo("a%2Bb%3Dc%26d%2Fe%3Af");
    assertThat(CanonicalRequest.percentEncode("杭州")).isEqualTo("%E6%9D%AD%E5%B7%9E");
    assertThat(CanonicalRequest.percentEncode("[\"sg-1\",\"sg-2\"]")).isEqualTo("%5B%22sg-1%22%2C%22sg-2%22%5D");
  }

  @Test
  void queryIsSortedEncodedAndEmptyValuesKeepTheirEqualsSign() {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("b", "x y");
    query.put("a", "");
    query.put("Tag.1.Key", "env*");
    CanonicalRequest c = CanonicalRequest.of("GET", "/", query, Map.of("host", "h"), Hashing.EMPTY_SHA256);
    assertThat(c.canonicalQueryString()).isEqualTo("Tag.1.Key=env%2A&a=&b=x%20y");
  }

  @Test
  void noQueryGivesAnEmptyLine() {
    CanonicalRequest c = CanonicalRequest.of("GET", "/api/v2/services", Map.of(), Map.of("host", "h"),
        Hashing.EMPTY_SHA256);
    assertThat(c.text()).startsWith("GET\n/api/v2/services\n\nhost:h\n\nhost\n");
  }

  @Test
  void onlyHostContentTypeAndAcsHeadersAreSignedWithTrimmedValues() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "  application/json; charset=utf-8 ");
    headers.put("host", "pai-eas.cn-hangzhou.aliyuncs.com");
    headers.put("x-acs-security-token", "tok");
    headers.put("Authorization", "old");
    headers.put("x-acsnot-a-prefix", "nope");
    CanonicalRequest c = CanonicalRequest.of("PUT", "/a", Map.of(), headers, Hashing.EMPTY_SHA256);
    assertThat(c.signedHeaders()).isEqualTo("content-type;host;x-acs-security-token");
    assertThat(c.canonicalHeaders()).isEqualTo("content-type:application/json; charset=utf-8\n"
        + "host:pai-eas.cn-hangzhou.aliyuncs.com\nx-acs-security-token:tok\n");
  }

  @Test
  void aHeaderGivenTwiceInDifferentCaseIsRejected() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-acs-action", "A");
    headers.put("X-ACS-ACTION", "B");
    assertThatThrownBy(() -> CanonicalRequest.of("GET", "/", Map.of(), headers, Hashing.EMPTY_SHA256))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x-acs-action is given twice");
  }

  @Test
  void roaPathSegmentsArePercentEncodedAndCannotAddSegments() {
    assertThat(CanonicalRequest.encodePath(List.of("api", "v2", "services", "cn-hangzhou", "my svc/../x")))
        .isEqualTo("/api/v2/services/cn-hangzhou/my%20svc%2F..%2Fx");
    assertThat(CanonicalRequest.encodePath(List.of())).isEqualTo("/");
    assertThatThrownBy(() -> CanonicalRequest.encodePath(List.of("api", "")))
        .hasMessageContaining("must not be empty");
  }

  @Test
  void emptyPathIsTheRoot() {
    assertThat(CanonicalRequest.of("GET", "", Map.of(), Map.of(), Hashing.EMPTY_SHA256).canonicalUri()).isEqualTo("/");
  }

  @Test
  void badArgumentsAreRejectedWithTheReason() {
    assertThatThrownBy(() -> CanonicalRequest.of("get", "/", Map.of(), Map.of(), Hashing.EMPTY_SHA256))
        .hasMessageContaining("upper-case");
    assertThatThrownBy(() -> CanonicalRequest.of("GET", "api", Map.of(), Map.of(), Hashing.EMPTY_SHA256))
        .hasMessageContaining("must start with /");
    assertThatThrownBy(() -> CanonicalRequest.of("GET", "/", Map.of(), Map.of(), "ABC"))
        .hasMessageContaining("64 lower-case hex");
  }
}
