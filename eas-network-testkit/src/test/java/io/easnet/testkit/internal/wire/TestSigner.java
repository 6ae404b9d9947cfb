package io.easnet.testkit.internal.wire;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests the way {@code docs/wire.md} §7 describes, written from that text for the tests alone: it shares
 * no code with the emulator's verifier, so a bug in one is not mirrored in the other.
 */
public final class TestSigner {
  private TestSigner() {}

  /** §7.1 step 2: the reference's Java recipe. */
  public static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
  }

  /** §7.1: RPC HMAC-SHA1; {@code params} without Signature. Returns the Base64 signature. */
  static String v1Signature(String method, Map<String, String> params, String secret) {
    TreeMap<String, String> sorted = new TreeMap<>(params);
    StringBuilder canonical = new StringBuilder();
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      if (canonical.length() > 0) {
        canonical.append('&');
      }
      canonical.append(encode(e.getKey())).append('=').append(encode(e.getValue()));
    }
    String stringToSign = method + "&" + encode("/") + "&" + encode(canonical.toString());
    return Base64.getEncoder().encodeToString(mac("HmacSHA1", secret + "&", stringToSign));
  }

  /** §7.1 step 6: the parameters plus Signature, as an encoded query string or form body. */
  public static String v1Encoded(String method, Map<String, String> params, String secret) {
    TreeMap<String, String> all = new TreeMap<>(params);
    all.put("Signature", v1Signature(method, params, secret));
    List<String> pairs = new ArrayList<>();
    all.forEach((k, v) -> pairs.add(encode(k) + "=" + encode(v)));
    return String.join("&", pairs);
  }

  /**
   * §7.3: the V3 Authorization header for a request whose headers (host, x-acs-*, content-type) are given; signs
   * every header of {@code headers} whose name starts with x-acs- or is host or content-type.
   *
   * @param encodedPath the path as it goes on the wire
   * @param query decoded query parameters
   */
  public static String v3Authorization(String method, String encodedPath, Map<String, String> query,
      Map<String, String> headers, String payloadHex, String accessKeyId, String secret) {
    TreeMap<String, String> sortedQuery = new TreeMap<>();
    query.forEach((k, v) -> sortedQuery.put(encode(k), encode(v)));
    List<String> q = new ArrayList<>();
    sortedQuery.forEach((k, v) -> q.add(k + "=" + v));
    TreeMap<String, String> signed = new TreeMap<>();
    headers.forEach((k, v) -> {
      String name = k.toLowerCase(Locale.ROOT);
      if (name.startsWith("x-acs-") || name.equals("host") || name.equals("content-type")) {
        signed.put(name, v.trim());
      }
    });
    StringBuilder canonicalHeaders = new StringBuilder();
    signed.forEach((k, v) -> canonicalHeaders.append(k).append(':').append(v).append('\n'));
    String signedHeaders = String.join(";", signed.keySet());
    String canonicalRequest = method + "\n" + encodedPath + "\n" + String.join("&", q) + "\n" + canonicalHeaders
        + "\n" + signedHeaders + "\n" + payloadHex;
    String stringToSign = "ACS3-HMAC-SHA256\n" + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    String signature = hex(mac("HmacSHA256", secret, stringToSign));
    return "ACS3-HMAC-SHA256 Credential=" + accessKeyId + ",SignedHeaders=" + signedHeaders + ",Signature="
        + signature;
  }

  /**
   * §7.2: the legacy ROA header {@code acs AK:sig}: {@code METHOD\naccept\ncontent-md5\ncontent-type\ndate\n},
   * the x-acs-* headers lower-cased and sorted as {@code name:value\n}, then the path and the sorted query with
   * values not encoded; HMAC-SHA1 keyed by the raw secret.
   */
  public static String roaAuthorization(String method, Map<String, String> headers, String encodedPath,
      Map<String, String> query, String accessKeyId, String secret) {
    Map<String, String> lower = new TreeMap<>();
    headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    StringBuilder s = new StringBuilder(method + "\n" + lower.getOrDefault("accept", "") + "\n"
        + lower.getOrDefault("content-md5", "") + "\n" + lower.getOrDefault("content-type", "") + "\n"
        + lower.getOrDefault("date", "") + "\n");
    lower.forEach((k, v) -> {
      if (k.startsWith("x-acs-")) {
        s.append(k).append(':').append(v).append('\n');
      }
    });
    s.append(encodedPath);
    if (!query.isEmpty()) {
      List<String> pairs = new ArrayList<>();
      new TreeMap<>(query).forEach((k, v) -> pairs.add(v.isEmpty() ? k : k + "=" + v));
      s.append('?').append(String.join("&", pairs));
    }
    return "acs " + accessKeyId + ":" + Base64.getEncoder().encodeToString(mac("HmacSHA1", secret, s.toString()));
  }

  public static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  public static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      out.append(String.format("%02x", b));
    }
    return out.toString();
  }

  private static byte[] mac(String algorithm, String key, String data) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
