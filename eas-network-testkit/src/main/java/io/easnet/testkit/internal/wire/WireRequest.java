package io.easnet.testkit.internal.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request exactly as the emulator received it, parsed but not interpreted: the raw path and query (what a
 * client signed), their decoded parameters, a form body's parameters, lower-cased headers and the body bytes.
 *
 * @param method the HTTP method, upper case
 * @param host the {@code Host} header as sent (with a port when the client sent one)
 * @param rawPath the path as sent, still percent-encoded
 * @param rawQuery the query string as sent, without {@code ?}; empty when there is none
 * @param query the decoded query parameters, in order
 * @param form the decoded parameters of an {@code application/x-www-form-urlencoded} body, in order
 * @param headers lower-cased header names to their values, in order
 * @param body the body bytes, empty when there is none
 */
record WireRequest(
    String method,
    String host,
    String rawPath,
    String rawQuery,
    List<Parameter> query,
    List<Parameter> form,
    Map<String, List<String>> headers,
    @SuppressWarnings("ArrayRecordComponent") byte[] body) { // read, never compared or hashed

  WireRequest {
    query = List.copyOf(query);
    form = List.copyOf(form);
    headers = Collections.unmodifiableMap(headers);
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The first value of a header (name in any case), or "" when absent. */
  String header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? "" : values.get(0);
  }

  boolean hasHeader(String name) {
    return headers.containsKey(name.toLowerCase(java.util.Locale.ROOT));
  }

  /** Query parameters followed by form parameters: every RPC parameter the client sent. */
  List<Parameter> parameters() {
    List<Parameter> all = new ArrayList<>(query);
    all.addAll(form);
    return all;
  }

  /** The first value of an RPC parameter (query first, then form body), or "" when absent. */
  String parameter(String name) {
    for (Parameter p : query) {
      if (p.name().equals(name)) {
        return p.value();
      }
    }
    for (Parameter p : form) {
      if (p.name().equals(name)) {
        return p.value();
      }
    }
    return "";
  }

  boolean hasParameter(String name) {
    return query.stream().anyMatch(p -> p.name().equals(name)) || form.stream().anyMatch(p -> p.name().equals(name));
  }

  /** {@code GET /path?query} for logs; never carries a body or a header value. */
  String requestLine() {
    return method + " " + rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
  }

  @Override
  public String toString() {
    return "WireRequest[" + requestLine() + ", host=" + host + ", body=" + body.length + " bytes]";
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
