package io.easnet.aliyun.internal;

import io.easnet.aliyun.Credentials;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Signs a request with ACS3-HMAC-SHA256 (the V3 signature, the default of current Alibaba Cloud SDKs for RPC and ROA
 * products alike). It adds {@code host}, {@code x-acs-action}, {@code x-acs-version}, {@code x-acs-date} (ISO 8601
 * UTC, seconds), {@code x-acs-signature-nonce}, {@code x-acs-content-sha256}, for STS credentials
 * {@code x-acs-accesskey-id} and {@code x-acs-security-token} (as {@code com.aliyun.teaopenapi.Client#doRequest}
 * does), and {@code Authorization}:
 *
 * <pre>
 * ACS3-HMAC-SHA256 Credential=&lt;AccessKeyId&gt;,SignedHeaders=&lt;names&gt;,Signature=&lt;hex HMAC-SHA256(secret, StringToSign)&gt;
 * StringToSign = "ACS3-HMAC-SHA256\n" + hex(SHA-256(CanonicalRequest))
 * </pre>
 *
 * <p>The clock and the nonce source belong to the instance, so tests fix both and reproduce the official vector.
 * Instances are thread safe when the nonce source is.
 */
public final class Acs3Signer {
  public static final String ALGORITHM = "ACS3-HMAC-SHA256";
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Clock clock;
  private final Supplier<String> nonces;
  /** The last {@code x-acs-date}: the clock has second resolution on the wire, so it is formatted once a second. */
  private volatile StampedDate lastDate = new StampedDate(Long.MIN_VALUE, "");

  private record StampedDate(long epochSecond, String text) {}

  public Acs3Signer(Clock clock, Supplier<String> nonces) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.nonces = Objects.requireNonNull(nonces, "nonces");
  }

  /** A signer on the system UTC clock with 128-bit random hex nonces. */
  public static Acs3Signer system() {
    SecureRandom random = new SecureRandom();
    return new Acs3Signer(Clock.systemUTC(), () -> {
      byte[] b = new byte[16];
      random.nextBytes(b);
      return Hashing.hex(b);
    });
  }

  /**
   * What to sign.
   *
   * @param method upper-case HTTP method
   * @param host the {@code host} header: the endpoint's host, with {@code :port} when the port is not the default
   * @param encodedPath the wire path, percent-encoded ({@code /} for RPC)
   * @param query query parameters, not encoded
   * @param action the API action, for example {@code DescribeVpcs}
   * @param version the API version, for example {@code 2016-04-28}
   * @param contentType the body's content type, or null when there is no body
   * @param body the body bytes exactly as sent (empty array for none)
   */
  @SuppressWarnings("ArrayRecordComponent") // the body is signed and sent, never compared or hashed
  public record Request(String method, String host, String encodedPath, Map<String, String> query, String action,
      String version, String contentType, byte[] body) {
    public Request {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(encodedPath, "encodedPath");
      Objects.requireNonNull(query, "query");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(body, "body");
      if (body.length > 0 && contentType == null) {
        throw new IllegalArgumentException("a body needs a content type (" + action + ")");
      }
    }
  }

  /**
   * The outcome: every header to send (in a stable order, {@code Authorization} last), and the intermediate texts
   * for tests and debugging. {@link #toString()} redacts the security token.
   */
  public record Signed(Map<String, String> headers, CanonicalRequest canonicalRequest, String stringToSign,
      String signature) {
    public String authorization() {
      return headers.get("Authorization");
    }

    @Override
    public String toString() {
      Map<String, String> shown = new LinkedHashMap<>(headers);
      shown.computeIfPresent("x-acs-security-token", (k, v) -> "<redacted>");
      return "Signed{headers=" + shown + ", signature=" + signature + "}";
    }
  }

  private String date() {
    java.time.Instant now = clock.instant();
    StampedDate last = lastDate;
    if (last.epochSecond() != now.getEpochSecond()) {
      last = new StampedDate(now.getEpochSecond(), DATE.format(now));
      lastDate = last;
    }
    return last.text();
  }

  public Signed sign(Request request, Credentials credentials) {
    Objects.requireNonNull(credentials, "credentials");
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("host", request.host());
    headers.put("x-acs-action", request.action());
    headers.put("x-acs-version", request.version());
    headers.put("x-acs-date", date());
    String nonce = nonces.get();
    if (nonce == null || nonce.isBlank()) {
      throw new IllegalStateException("the nonce source returned an empty nonce");
    }
    headers.put("x-acs-signature-nonce", nonce);
    String hashedPayload = request.body().length == 0 ? Hashing.EMPTY_SHA256 : Hashing.sha256Hex(request.body());
    headers.put("x-acs-content-sha256", hashedPayload);
    if (request.contentType() != null) {
      headers.put("content-type", request.contentType());
    }
    credentials.securityToken().ifPresent(token -> {
      headers.put("x-acs-accesskey-id", credentials.accessKeyId());
      headers.put("x-acs-security-token", token);
    });
    CanonicalRequest canonical =
        CanonicalRequest.of(request.method(), request.encodedPath(), request.query(), headers, hashedPayload);
    String stringToSign = ALGORITHM + '\n' + Hashing.sha256Hex(canonical.text());
    String signature = Hashing.hmacSha256Hex(credentials.accessKeySecret(), stringToSign);
    headers.put("Authorization", ALGORITHM + " Credential=" + credentials.accessKeyId() + ",SignedHeaders="
        + canonical.signedHeaders() + ",Signature=" + signature);
    return new Signed(Collections.unmodifiableMap(headers), canonical, stringToSign, signature);
  }
}
