package io.easnet.aliyun.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The canonical request of the V3 signature (ACS3-HMAC-SHA256), and nothing else:
 *
 * <pre>
 * HTTPRequestMethod '\n' CanonicalURI '\n' CanonicalQueryString '\n' CanonicalHeaders '\n' SignedHeaders '\n' HashedRequestPayload
 * </pre>
 *
 * <ul>
 *   <li>CanonicalURI: the request path as sent, each segment percent-encoded (RFC 3986, see
 *       {@link #percentEncode(String)}), {@code /} kept as separator; {@code /} for RPC calls.
 *   <li>CanonicalQueryString: the parameters sorted by name, names and values percent-encoded, {@code name=value}
 *       joined by {@code &}; an empty value gives {@code name=}; no parameters give the empty string.
 *   <li>CanonicalHeaders: {@code host}, {@code content-type} and every {@code x-acs-*} header, names lower-cased,
 *       values trimmed, sorted by name, each as {@code name:value\n}.
 *   <li>SignedHeaders: the same names joined by {@code ;}.
 *   <li>HashedRequestPayload: lower-case hex SHA-256 of the body bytes exactly as sent.
 * </ul>
 *
 * <p>This matches {@code com.aliyun.openapiutil.Client#getAuthorization} (aliyun/darabonba-openapi-util) and the
 * official V3 page; the official test vector is reproduced in {@code CanonicalRequestTest}.
 */
public final class CanonicalRequest {
  private static final java.util.regex.Pattern HEX64 = java.util.regex.Pattern.compile("[0-9a-f]{64}");

  private final String method;
  private final String canonicalUri;
  private final String canonicalQueryString;
  private final String canonicalHeaders;
  private final String signedHeaders;
  private final String hashedPayload;

  private CanonicalRequest(String method, String canonicalUri, String canonicalQueryString, String canonicalHeaders,
      String signedHeaders, String hashedPayload) {
    this.method = method;
    this.canonicalUri = canonicalUri;
    this.canonicalQueryString = canonicalQueryString;
    this.canonicalHeaders = canonicalHeaders;
    this.signedHeaders = signedHeaders;
    this.hashedPayload = hashedPayload;
  }

  /**
   * Builds the canonical request.
   *
   * @param method the HTTP method, upper case ({@code GET}, {@code POST}, …)
   * @param encodedPath the path exactly as it goes on the wire, already percent-encoded segment by segment (see
   *     {@link #encodePath(List)}); empty means {@code /}
   * @param query the query parameters, not encoded
   * @param headers the request headers; those that are not signed are ignored
   * @param hashedPayload lower-case hex SHA-256 of the body ({@link Hashing#EMPTY_SHA256} for no body)
   */
  public static CanonicalRequest of(String method, String encodedPath, Map<String, String> query,
      Map<String, String> headers, String hashedPayload) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(encodedPath, "encodedPath");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(hashedPayload, "hashedPayload");
    if (method.isEmpty() || !method.equals(method.toUpperCase(Locale.ROOT))) {
      throw new IllegalArgumentException("method must be an upper-case HTTP method, was \"" + method + "\"");
    }
    if (!encodedPath.isEmpty() && !encodedPath.startsWith("/")) {
      throw new IllegalArgumentException("encodedPath must start with /, was \"" + encodedPath + "\"");
    }
    if (!HEX64.matcher(hashedPayload).matches()) {
      throw new IllegalArgumentException("hashedPayload must be 64 lower-case hex digits");
    }
    String uri = encodedPath.isEmpty() ? "/" : encodedPath;
    return new CanonicalRequest(method, uri, canonicalQuery(query), headerBlock(headers), signedHeaderNames(headers),
        hashedPayload);
  }

  /** The whole canonical request, the text whose SHA-256 goes into the string to sign. */
  public String text() {
    return method + '\n' + canonicalUri + '\n' + canonicalQueryString + '\n' + canonicalHeaders + '\n'
        + signedHeaders + '\n' + hashedPayload;
  }

  public String method() {
    return method;
  }

  public String canonicalUri() {
    return canonicalUri;
  }

  public String canonicalQueryString() {
    return canonicalQueryString;
  }

  /** The header block, each header as {@code name:value\n} (so it ends with a newline when not empty). */
  public String canonicalHeaders() {
    return canonicalHeaders;
  }

  public String signedHeaders() {
    return signedHeaders;
  }

  public String hashedPayload() {
    return hashedPayload;
  }

  @Override
  public String toString() {
    return text();
  }

  /**
   * RFC 3986 percent-encoding of UTF-8 bytes: {@code A-Z a-z 0-9 - _ . ~} stay, every other byte becomes
   * {@code %XY} with upper-case hex (so a space is {@code %20}, never {@code +}; {@code *} is {@code %2A}).
   */
  public static String percentEncode(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(bytes.length + 16);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return sb.toString();
  }

  /**
   * The wire path of a ROA call from its raw segments: {@code ["api","v2","services","cn-hangzhou","my svc"]} →
   * {@code /api/v2/services/cn-hangzhou/my%20svc}. A segment may contain {@code /}; it is encoded as {@code %2F},
   * so a path parameter can never add a segment.
   */
  public static String encodePath(List<String> segments) {
    if (segments.isEmpty()) {
      return "/";
    }
    StringBuilder sb = new StringBuilder();
    for (String s : segments) {
      if (s.isEmpty()) {
        throw new IllegalArgumentException("a path segment must not be empty (a missing path parameter?): " + segments);
      }
      sb.append('/').append(percentEncode(s));
    }
    return sb.toString();
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private static String canonicalQuery(Map<String, String> query) {
    if (query.isEmpty()) {
      return "";
    }
    TreeMap<String, String> sorted = new TreeMap<>();
    for (Map.Entry<String, String> e : query.entrySet()) {
      Objects.requireNonNull(e.getKey(), "query parameter name");
      sorted.put(percentEncode(e.getKey()), e.getValue() == null ? "" : percentEncode(e.getValue()));
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(e.getKey()).append('=').append(e.getValue());
    }
    return sb.toString();
  }

  /** Signed headers by lower-case name; two spellings of one name are an error, not a silent pick. */
  static TreeMap<String, String> signed(Map<String, String> headers) {
    TreeMap<String, String> out = new TreeMap<>();
    for (Map.Entry<String, String> e : headers.entrySet()) {
      String name = e.getKey().toLowerCase(Locale.ROOT).trim();
      if (name.equals("host") || name.equals("content-type") || name.startsWith("x-acs-")) {
        String value = Objects.requireNonNull(e.getValue(), () -> "value of header " + e.getKey()).trim();
        if (out.put(name, value) != null) {
          throw new IllegalArgumentException("header " + name + " is given twice (names differ only in case)");
        }
      }
    }
    return out;
  }

  private static String headerBlock(Map<String, String> headers) {
    StringBuilder sb = new StringBuilder();
    signed(headers).forEach((k, v) -> sb.append(k).append(':').append(v).append('\n'));
    return sb.toString();
  }

  private static String signedHeaderNames(Map<String, String> headers) {
    return String.join(";", new ArrayList<>(signed(headers).keySet()));
  }
}
