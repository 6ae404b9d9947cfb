package io.easnet.testkit.internal.wire;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a request's signature from the request as received, never from client code: ACS3-HMAC-SHA256 (V3, the
 * {@code Authorization} header) and the RPC HMAC-SHA1 signature (V1, the {@code Signature} parameter that older
 * SDKs and the aliyun CLI send). Checks, in order: the access key is known, the timestamp is inside the window,
 * the signature matches, the nonce is new. A nonce is remembered only once its request verified, so a forged
 * request cannot burn a real client's nonce. Thread-safe.
 */
final class SignatureVerifier {
  static final String V3_ALGORITHM = "ACS3-HMAC-SHA256";
  static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  /** Headers a V3 signature must cover when present: without them a request could be replayed or re-aimed. */
  private static final List<String> MUST_SIGN = List.of(
      "host", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256", "x-acs-action", "x-acs-version");

  private final Map<String, String> secrets;
  private final Clock clock;
  private final Duration window;
  private final Consumer<String> log;
  private final Map<String, Instant> nonces = new LinkedHashMap<>();

  /** Who signed a verified request, and how. */
  record Signer(String accessKeyId, String scheme) {}

  SignatureVerifier(Map<String, String> secrets, Clock clock, Duration window, Consumer<String> log) {
    this.secrets = Map.copyOf(secrets);
    this.clock = clock;
    this.window = window;
    this.log = log;
  }

  /**
   * Verifies one request.
   *
   * @throws AlibabaError with Alibaba's code for the first check that fails
   */
  Signer verify(WireRequest request) {
    String authorization = request.header("authorization");
    if (!authorization.isEmpty()) {
      int space = authorization.indexOf(' ');
      String scheme = space < 0 ? authorization : authorization.substring(0, space);
      if (scheme.equals(V3_ALGORITHM)) {
        return verifyV3(request, authorization.substring(space + 1));
      }
      if (scheme.equals("acs")) {
        return verifyRoaV1(request, authorization.substring(space + 1).trim());
      }
      throw AlibabaError.of(400, "InvalidSignatureMethod", "Specified signature method \"" + scheme
          + "\" is not supported by the emulator: it verifies ACS3-HMAC-SHA256 (the SDK default), the RPC"
          + " HMAC-SHA1 Signature parameter and the ROA \"acs <AccessKeyId>:<signature>\" HMAC-SHA1 header.");
    }
    if (request.hasParameter("Signature")) {
      return verifyV1(request);
    }
    throw AlibabaError.of(400, "MissingParameter", "The input parameter \"Signature\" that is mandatory for"
        + " processing this request is not supplied: send an ACS3-HMAC-SHA256 Authorization header or the RPC"
        + " Signature parameter.");
  }

  private Signer verifyV3(WireRequest request, String credentials) {
    Map<String, String> fields = new HashMap<>();
    for (String part : credentials.split(",")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        fields.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
      }
    }
    for (String required : List.of("Credential", "SignedHeaders", "Signature")) {
      if (fields.getOrDefault(required, "").isEmpty()) {
        throw AlibabaError.of(400, "IncompleteSignature", "The request signature does not conform to Aliyun"
            + " standards: the Authorization header has no " + required + "=; it reads \"" + V3_ALGORITHM
            + " Credential=<AccessKeyId>,SignedHeaders=<a;b;c>,Signature=<hex>\".");
      }
    }
    String accessKeyId = fields.get("Credential");
    String secret = secretOf(accessKeyId);
    for (String header : List.of("x-acs-date", "x-acs-signature-nonce")) {
      if (request.header(header).isEmpty()) {
        throw AlibabaError.missingParameter(header);
      }
    }
    checkTimestamp(request.header("x-acs-date"));
    List<String> signedHeaders = new ArrayList<>();
    for (String name : fields.get("SignedHeaders").split(";")) {
      signedHeaders.add(name.trim().toLowerCase(Locale.ROOT));
    }
    for (String header : MUST_SIGN) {
      if (request.hasHeader(header) && !signedHeaders.contains(header)) {
        throw AlibabaError.of(400, "IncompleteSignature", "The request signature does not conform to Aliyun"
            + " standards: the header " + header + " is sent but not in SignedHeaders ("
            + fields.get("SignedHeaders") + ").");
      }
    }
    String payloadHash = hex(sha256(request.body()));
    String declared = request.header("x-acs-content-sha256");
    if (!declared.isEmpty() && !declared.equalsIgnoreCase(payloadHash)) {
      throw AlibabaError.of(400, "SignatureDoesNotMatch", "Specified signature is not matched with our"
          + " calculation: x-acs-content-sha256 is " + declared + " but the SHA-256 of the "
          + request.body().length + "-byte body is " + payloadHash + ".");
    }
    String canonicalRequest = request.method() + "\n" + canonicalUri(request.rawPath()) + "\n"
        + canonicalQuery(request.query()) + "\n" + canonicalHeaders(request, signedHeaders) + "\n"
        + String.join(";", signedHeaders) + "\n" + payloadHash;
    String stringToSign = V3_ALGORITHM + "\n" + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    byte[] expected = hex(hmac("HmacSHA256", secret.getBytes(StandardCharsets.UTF_8), stringToSign))
        .getBytes(StandardCharsets.US_ASCII);
    byte[] provided = fields.get("Signature").toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, provided)) {
      log.accept("SignatureDoesNotMatch (V3) for " + request.method() + " " + request.rawPath()
          + " by " + accessKeyId + "; server canonical request:\n"
          + canonicalRequest.replaceAll("(?m)^(x-acs-security-token:).*$", "$1<redacted>"));
      throw signatureDoesNotMatch(stringToSign);
    }
    rememberNonce(accessKeyId, request.header("x-acs-signature-nonce"));
    return new Signer(accessKeyId, V3_ALGORITHM);
  }

  private Signer verifyV1(WireRequest request) {
    for (String required : List.of("AccessKeyId", "SignatureMethod", "SignatureNonce", "Timestamp")) {
      if (request.parameter(required).isEmpty()) {
        throw AlibabaError.missingParameter(required);
      }
    }
    String method = request.parameter("SignatureMethod");
    if (!method.equals("HMAC-SHA1")) {
      throw AlibabaError.of(400, "InvalidSignatureMethod", "Specified signature method \"" + method
          + "\" is not valid: RPC signatures use HMAC-SHA1.");
    }
    String version = request.parameter("SignatureVersion");
    if (!version.isEmpty() && !version.equals("1.0")) {
      throw AlibabaError.of(400, "InvalidParameter", "The specified parameter \"SignatureVersion\" is not valid: "
          + version + "; RPC HMAC-SHA1 signatures are version 1.0.");
    }
    String accessKeyId = request.parameter("AccessKeyId");
    String secret = secretOf(accessKeyId);
    checkTimestamp(request.parameter("Timestamp"));
    String stringToSign = v1StringToSign(request.method(), request.parameters());
    byte[] expected = hmac("HmacSHA1", (secret + "&").getBytes(StandardCharsets.UTF_8), stringToSign);
    byte[] provided;
    try {
      provided = Base64.getDecoder().decode(request.parameter("Signature"));
    } catch (IllegalArgumentException e) {
      provided = new byte[0];
    }
    if (!MessageDigest.isEqual(expected, provided)) {
      log.accept("SignatureDoesNotMatch (RPC HMAC-SHA1) for " + request.method() + " " + request.rawPath()
          + " by " + accessKeyId);
      throw signatureDoesNotMatch(stringToSign);
    }
    rememberNonce(accessKeyId, request.parameter("SignatureNonce"));
    return new Signer(accessKeyId, "HMAC-SHA1");
  }

  /**
   * The legacy ROA signature ({@code Authorization: acs <AccessKeyId>:<Base64 HMAC-SHA1>}, key = the secret without
   * {@code &}), which SDKs send for ROA APIs when told to use signature algorithm "v2" ({@code docs/wire.md} §7.2).
   */
  private Signer verifyRoaV1(WireRequest request, String credentials) {
    int colon = credentials.lastIndexOf(':');
    if (colon <= 0 || colon == credentials.length() - 1) {
      throw AlibabaError.of(400, "IncompleteSignature", "The request signature does not conform to Aliyun"
          + " standards: the Authorization header reads \"acs <AccessKeyId>:<signature>\".");
    }
    String accessKeyId = credentials.substring(0, colon);
    String secret = secretOf(accessKeyId);
    for (String header : List.of("date", "x-acs-signature-nonce")) {
      if (request.header(header).isEmpty()) {
        throw AlibabaError.missingParameter(header);
      }
    }
    String method = request.header("x-acs-signature-method");
    if (!method.isEmpty() && !method.equals("HMAC-SHA1")) {
      throw AlibabaError.of(400, "InvalidSignatureMethod", "Specified signature method \"" + method
          + "\" is not valid: ROA \"acs\" signatures use HMAC-SHA1.");
    }
    Instant sent;
    try {
      sent = java.time.ZonedDateTime.parse(request.header("date"), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
          .toInstant();
    } catch (DateTimeParseException e) {
      throw AlibabaError.of(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well"
          + " formatted: date \"" + request.header("date") + "\"; send RFC 1123 GMT, e.g. Tue, 01 Dec 2026 10:00:00 GMT.");
    }
    checkWindow(sent, request.header("date"));
    String stringToSign = roaStringToSign(request);
    byte[] expected = hmac("HmacSHA1", secret.getBytes(StandardCharsets.UTF_8), stringToSign);
    byte[] provided;
    try {
      provided = Base64.getDecoder().decode(credentials.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      provided = new byte[0];
    }
    if (!MessageDigest.isEqual(expected, provided)) {
      log.accept("SignatureDoesNotMatch (ROA HMAC-SHA1) for " + request.method() + " " + request.rawPath()
          + " by " + accessKeyId);
      throw signatureDoesNotMatch(stringToSign);
    }
    rememberNonce(accessKeyId, request.header("x-acs-signature-nonce"));
    return new Signer(accessKeyId, "acs HMAC-SHA1");
  }

  /**
   * {@code METHOD\naccept\ncontent-md5\ncontent-type\ndate\n}, every {@code x-acs-*} header as {@code name:value\n}
   * sorted by name, then the path as sent and, when there is a query, {@code ?} and its decoded {@code k=v} (or bare
   * {@code k}) sorted by name and joined by {@code &}.
   */
  static String roaStringToSign(WireRequest request) {
    StringBuilder out = new StringBuilder();
    out.append(request.method()).append('\n').append(request.header("accept")).append('\n')
        .append(request.header("content-md5")).append('\n').append(request.header("content-type")).append('\n')
        .append(request.header("date")).append('\n');
    request.headers().keySet().stream().filter(n -> n.startsWith("x-acs-")).sorted()
        .forEach(n -> out.append(n).append(':').append(request.header(n)).append('\n'));
    out.append(request.rawPath());
    List<Parameter> query = new ArrayList<>(request.query());
    if (!query.isEmpty()) {
      query.sort(Comparator.comparing(Parameter::name));
      out.append('?');
      for (int i = 0; i < query.size(); i++) {
        Parameter p = query.get(i);
        out.append(i == 0 ? "" : "&").append(p.name()).append(p.value().isEmpty() ? "" : "=" + p.value());
      }
    }
    return out.toString();
  }

  /** {@code METHOD&%2F&enc(sorted enc(name)=enc(value) joined by &)}, every parameter but Signature. */
  static String v1StringToSign(String method, List<Parameter> parameters) {
    List<String[]> pairs = new ArrayList<>();
    for (Parameter p : parameters) {
      if (!p.name().equals("Signature")) {
        pairs.add(new String[] {Percent.encode(p.name()), Percent.encode(p.value())});
      }
    }
    pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
    StringBuilder canonical = new StringBuilder();
    for (String[] p : pairs) {
      if (canonical.length() > 0) {
        canonical.append('&');
      }
      canonical.append(p[0]).append('=').append(p[1]);
    }
    return method + "&" + Percent.encode("/") + "&" + Percent.encode(canonical.toString());
  }

  /**
   * The path as sent, with the three rewrites the SDKs make before signing ({@code +} to {@code %20}, {@code *} to
   * {@code %2A}, {@code %7E} to {@code ~}; darabonba-openapi {@code GetAuthorization}); {@code /} when empty.
   */
  static String canonicalUri(String rawPath) {
    String uri = rawPath.isEmpty() ? "/" : rawPath;
    return uri.replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
  }

  /** Decoded query parameters, re-encoded per RFC 3986, sorted by name then value, {@code k=v} joined by {@code &}. */
  static String canonicalQuery(List<Parameter> query) {
    List<String[]> pairs = new ArrayList<>();
    for (Parameter p : query) {
      pairs.add(new String[] {Percent.encode(p.name()), Percent.encode(p.value())});
    }
    pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
    StringBuilder out = new StringBuilder();
    for (String[] p : pairs) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(p[0]).append('=').append(p[1]);
    }
    return out.toString();
  }

  /** {@code name:value\n} for each signed header in the client's order; several values trimmed, sorted, joined. */
  static String canonicalHeaders(WireRequest request, List<String> signedHeaders) {
    StringBuilder out = new StringBuilder();
    for (String name : signedHeaders) {
      List<String> values = new ArrayList<>();
      for (String v : request.headers().getOrDefault(name, List.of())) {
        values.add(v.trim());
      }
      values.sort(Comparator.naturalOrder());
      out.append(name).append(':').append(String.join(",", values)).append('\n');
    }
    return out.toString();
  }

  private String secretOf(String accessKeyId) {
    String secret = secrets.get(accessKeyId);
    if (secret == null) {
      throw AlibabaError.of(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found: \""
          + accessKeyId + "\" is not an access key id the emulator was started with.");
    }
    return secret;
  }

  private void checkTimestamp(String text) {
    Instant sent;
    try {
      sent = Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw AlibabaError.of(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well"
          + " formatted: \"" + text + "\"; send UTC as yyyy-MM-ddTHH:mm:ssZ.");
    }
    checkWindow(sent, text);
  }

  private void checkWindow(Instant sent, String text) {
    Instant now = clock.instant();
    if (Duration.between(sent, now).abs().compareTo(window) > 0) {
      throw AlibabaError.of(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired: "
          + text + " is more than " + window.toMinutes() + " minutes from the server time " + now + ".");
    }
  }

  private synchronized void rememberNonce(String accessKeyId, String nonce) {
    Instant now = clock.instant();
    Instant horizon = now.minus(window.multipliedBy(2));
    for (Iterator<Instant> it = nonces.values().iterator(); it.hasNext(); ) {
      if (it.next().isBefore(horizon)) {
        it.remove();
      }
    }
    String key = accessKeyId + "\n" + nonce;
    if (nonces.containsKey(key)) {
      throw AlibabaError.of(400, "SignatureNonceUsed", "Specified signature nonce was used already: \"" + nonce
          + "\"; send a new nonce with every request, retries included.");
    }
    nonces.put(key, now);
  }

  private static AlibabaError signatureDoesNotMatch(String stringToSign) {
    return AlibabaError.of(400, "SignatureDoesNotMatch",
        "Specified signature is not matched with our calculation. server string to sign is:" + stringToSign);
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  static byte[] hmac(String algorithm, byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public String toString() {
    return "SignatureVerifier[accessKeyIds=" + secrets.keySet() + ", window=" + window + "]";
  }
}
