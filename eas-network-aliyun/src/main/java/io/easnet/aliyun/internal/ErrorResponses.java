package io.easnet.aliyun.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.easnet.core.CloudServiceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads Alibaba Cloud's error body ({@code RequestId}, {@code HostId}, {@code Code}, {@code Message},
 * {@code Recommend}; ROA services may spell them {@code requestId}, {@code code}, … — darabonba-openapi accepts
 * both) into a {@link CloudServiceException}, its kind from the one mapping in core
 * ({@link ErrorCodes#kindOf}). A positive {@code x-acs-retry-after} header (milliseconds, as in
 * darabonba-openapi's {@code GetThrottlingTimeLeft} and its tests) marks throttling too.
 */
public final class ErrorResponses {
  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * The most characters of an error's {@code Message} (and of {@code Recommend}) kept in an exception; the rest is
   * cut and the cut says how many characters were dropped. Codes, request ids and host ids keep at most
   * {@value #MAX_FIELD_CHARS}.
   */
  public static final int MAX_MESSAGE_CHARS = 1_000;
  /** The most characters of an error's {@code Code}, {@code RequestId} and {@code HostId} kept. */
  public static final int MAX_FIELD_CHARS = 200;

  private ErrorResponses() {}

  /** The fields of an error body; absent ones are null. */
  public record ErrorBody(String code, String message, String requestId, String recommend, String hostId) {}

  /** Parses the body; empty when it is not a JSON object. */
  public static Optional<ErrorBody> parse(byte[] body) {
    try {
      JsonNode n = JSON.readTree(body);
      if (n == null || !n.isObject()) {
        return Optional.empty();
      }
      return Optional.of(new ErrorBody(truncate(text(n, "Code", "code"), MAX_FIELD_CHARS),
          truncate(text(n, "Message", "message"), MAX_MESSAGE_CHARS),
          truncate(text(n, "RequestId", "requestId"), MAX_FIELD_CHARS),
          truncate(text(n, "Recommend", "recommend"), MAX_MESSAGE_CHARS),
          truncate(text(n, "HostId", "hostId"), MAX_FIELD_CHARS)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The {@code x-acs-retry-after} header in milliseconds when it is a positive integer, else empty. */
  public static Optional<Long> retryAfterMillis(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    try {
      long v = Long.parseLong(header.trim());
      return v > 0 ? Optional.of(v) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The exception for an HTTP error response.
   *
   * @param action the action as in {@code io.easnet.core.spi.CloudActions}, e.g. {@code vpc:DescribeVpcs}
   * @param status HTTP status (400–599)
   * @param retryAfterHeader the {@code x-acs-retry-after} header, or null
   * @param headerRequestId the {@code x-acs-request-id} header, or null (used when the body has no RequestId)
   */
  public static CloudServiceException toException(String action, int status, byte[] body, String retryAfterHeader,
      String headerRequestId) {
    Optional<ErrorBody> parsed = parse(body);
    String code = parsed.map(ErrorBody::code).filter(c -> !c.isBlank()).orElse("Http" + status);
    String message = parsed.map(ErrorBody::message).orElseGet(() -> parsed.isPresent()
        ? "the error body has no Message"
        : "the response body is not Alibaba Cloud's error JSON: " + preview(body));
    Optional<Long> retryAfter = retryAfterMillis(retryAfterHeader);
    CloudServiceException.Kind kind = retryAfter.isPresent()
        ? CloudServiceException.Kind.THROTTLED
        : ErrorCodes.kindOf(code, status);
    CloudServiceException.Builder b = CloudServiceException.builder(action, code, kind)
        .message(message)
        .httpStatus(status)
        .recommend(parsed.map(ErrorBody::recommend).orElse(null))
        .hostId(parsed.map(ErrorBody::hostId).orElse(null));
    String requestId = parsed.map(ErrorBody::requestId).orElse(truncate(headerRequestId, MAX_FIELD_CHARS));
    if (requestId != null && !requestId.isBlank()) {
      b.requestId(requestId);
    }
    // core keeps whole seconds; the wire gives milliseconds: round up so a caller never retries too early
    // (ms + 999) / 1000 overflows near Long.MAX_VALUE; this does not. The applier caps what it waits (MAX_WAIT).
    retryAfter.ifPresent(ms -> b.retryAfterSeconds((int) Math.min(Integer.MAX_VALUE, ms / 1000 + (ms % 1000 == 0
        ? 0 : 1))));
    return b.build();
  }

  private static String text(JsonNode n, String name, String alternative) {
    JsonNode v = n.hasNonNull(name) ? n.get(name) : n.get(alternative);
    return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
  }

  /**
   * {@code s} when it has at most {@code max} characters, else its first {@code max} characters and a note of how
   * many were cut ({@code … (5242741 more characters)}); null stays null. Never splits a surrogate pair.
   */
  public static String truncate(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
    return s.substring(0, end) + "… (" + (s.length() - end) + " more characters)";
  }

  /** At most 200 printable characters of a body, for a message. */
  static String preview(byte[] body) {
    String s = new String(body, 0, Math.min(body.length, 800), StandardCharsets.UTF_8).replaceAll("[\\p{Cntrl}&&[^\\t]]", " ").strip();
    if (s.isEmpty()) {
      return "(empty)";
    }
    return s.length() > 200 ? "\"" + s.substring(0, 200) + "…\"" : "\"" + s + "\"";
  }
}
