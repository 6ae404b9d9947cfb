package io.easnet.aliyun.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * Recomputes the V3 signature of a request from what the server received (method, path, query, headers, body
 * bytes), the way Alibaba Cloud's gateway checks it.
 */
final class WireSignature {
  private WireSignature() {}

  static CanonicalRequest canonicalRequestOf(RecordedRequest r) {
    HttpUrl url = r.getUrl();
    Map<String, String> query = new LinkedHashMap<>();
    for (int i = 0; i < url.querySize(); i++) {
      query.put(url.queryParameterName(i), url.queryParameterValue(i) == null ? "" : url.queryParameterValue(i));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 0; i < r.getHeaders().size(); i++) {
      headers.put(r.getHeaders().name(i), r.getHeaders().value(i));
    }
    byte[] body = r.getBody() == null ? new byte[0] : r.getBody().toByteArray();
    return CanonicalRequest.of(r.getMethod(), url.encodedPath(), query, headers, Hashing.sha256Hex(body));
  }

  /** The signature the server computes with {@code secret}. */
  static String expectedSignature(RecordedRequest r, String secret) {
    String stringToSign = "ACS3-HMAC-SHA256\n" + Hashing.sha256Hex(canonicalRequestOf(r).text());
    return Hashing.hmacSha256Hex(secret, stringToSign);
  }

  /** The {@code Signature=} part of the received Authorization header. */
  static String receivedSignature(RecordedRequest r) {
    String auth = r.getHeaders().get("Authorization");
    if (auth == null) {
      return null;
    }
    return auth.substring(auth.indexOf("Signature=") + "Signature=".length());
  }
}
