package io.easnet.testkit.internal.wire;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/** Turns what MockWebServer recorded into a {@link WireRequest}, keeping the path and query as they were sent. */
final class RequestParser {
  private RequestParser() {}

  /**
   * Parses one request.
   *
   * @throws AlibabaError {@code InvalidParameter} for malformed percent-encoding in the query or form body
   */
  static WireRequest parse(RecordedRequest recorded) {
    String target = recorded.getTarget();
    if (target.startsWith("http://") || target.startsWith("https://")) {
      int slash = target.indexOf('/', target.indexOf("//") + 2);
      target = slash < 0 ? "/" : target.substring(slash);
    }
    int hash = target.indexOf('#');
    if (hash >= 0) {
      target = target.substring(0, hash);
    }
    int question = target.indexOf('?');
    String rawPath = question < 0 ? target : target.substring(0, question);
    String rawQuery = question < 0 ? "" : target.substring(question + 1);
    if (rawPath.isEmpty()) {
      rawPath = "/";
    }

    Map<String, List<String>> headers = new LinkedHashMap<>();
    Headers h = recorded.getHeaders();
    for (int i = 0; i < h.size(); i++) {
      headers.computeIfAbsent(h.name(i).toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>()).add(h.value(i));
    }
    headers.replaceAll((k, v) -> List.copyOf(v));

    byte[] body = recorded.getBody() == null ? new byte[0] : recorded.getBody().toByteArray();
    List<Parameter> query;
    try {
      query = Parameter.parseForm(rawQuery);
    } catch (IllegalArgumentException e) {
      throw AlibabaError.invalidParameter("The query string is not valid percent-encoding: " + e.getMessage());
    }
    List<Parameter> form = List.of();
    List<String> contentType = headers.getOrDefault("content-type", List.of());
    if (!contentType.isEmpty()
        && contentType.get(0).toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      try {
        form = Parameter.parseForm(new String(body, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw AlibabaError.invalidParameter("The form body is not valid percent-encoding: " + e.getMessage());
      }
    }
    String host = headers.getOrDefault("host", List.of("")).get(0);
    return new WireRequest(recorded.getMethod().toUpperCase(Locale.ROOT), host, rawPath, rawQuery, query, form,
        headers, body);
  }
}
