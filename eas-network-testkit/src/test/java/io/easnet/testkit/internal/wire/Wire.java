package io.easnet.testkit.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A MockWebServer running a dispatcher, and an OkHttp client that sends hand-signed requests to it. */
final class Wire implements AutoCloseable {
  static final String AK = "YourAccessKeyId";
  static final String SECRET = "YourAccessKeySecret";
  static final ObjectMapper JSON = new ObjectMapper();

  final MockWebServer server = new MockWebServer();
  final OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  private final AtomicInteger nonces = new AtomicInteger();
  String date;

  Wire(EmulatorDispatcher dispatcher, String date) throws IOException {
    server.setDispatcher(dispatcher);
    server.start();
    this.date = date;
  }

  /** What came back. */
  record Answer(int status, Headers headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String code() {
      return json().path("Code").asText();
    }
  }

  String nextNonce() {
    return "nonce-" + nonces.incrementAndGet();
  }

  String base() {
    return "http://" + server.getHostName() + ":" + server.getPort();
  }

  static String query(Map<String, String> params) {
    List<String> pairs = new ArrayList<>();
    new TreeMap<>(params).forEach((k, v) -> pairs.add(TestSigner.encode(k) + "=" + TestSigner.encode(v)));
    return String.join("&", pairs);
  }

  /** A V3-signed request; {@code headers} may add or override any header before signing. */
  Request v3(String method, String host, String encodedPath, Map<String, String> query, String action,
      String version, byte[] body, String contentType, Map<String, String> headers) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("host", host);
    h.put("x-acs-action", action);
    h.put("x-acs-version", version);
    h.put("x-acs-date", date);
    h.put("x-acs-signature-nonce", nextNonce());
    h.put("x-acs-content-sha256", TestSigner.hex(TestSigner.sha256(body)));
    if (contentType != null) {
      h.put("content-type", contentType);
    }
    h.putAll(headers);
    h.values().removeIf(v -> v == null);
    String auth = TestSigner.v3Authorization(method, encodedPath, query, h, TestSigner.hex(TestSigner.sha256(body)),
        AK, SECRET);
    return build(method, encodedPath, query(query), h, auth, body, contentType);
  }

  Request rpcV3(String host, String action, String version, Map<String, String> query) {
    return v3("POST", host, "/", query, action, version, new byte[0], null, Map.of());
  }

  /** The common V1 parameters plus {@code params}. */
  Map<String, String> v1Params(String action, String version, Map<String, String> params) {
    Map<String, String> p = new TreeMap<>(params);
    p.put("Action", action);
    p.put("Version", version);
    p.put("Format", "JSON");
    p.put("AccessKeyId", AK);
    p.put("SignatureMethod", "HMAC-SHA1");
    p.put("SignatureVersion", "1.0");
    p.put("SignatureNonce", nextNonce());
    p.put("Timestamp", date);
    return p;
  }

  Request v1Get(String host, Map<String, String> params) {
    String q = TestSigner.v1Encoded("GET", params, SECRET);
    return new Request.Builder().url(base() + "/?" + q).header("Host", host).get().build();
  }

  Request v1PostForm(String host, Map<String, String> params) {
    String form = TestSigner.v1Encoded("POST", params, SECRET);
    return new Request.Builder().url(base() + "/").header("Host", host)
        .post(RequestBody.create(form.getBytes(StandardCharsets.UTF_8),
            MediaType.get("application/x-www-form-urlencoded")))
        .build();
  }

  Request build(String method, String encodedPath, String query, Map<String, String> headers, String auth,
      byte[] body, String contentType) {
    Request.Builder b = new Request.Builder().url(base() + encodedPath + (query.isEmpty() ? "" : "?" + query));
    headers.forEach(b::header);
    if (auth != null) {
      b.header("Authorization", auth);
    }
    RequestBody rb = null;
    if (!method.equals("GET") && !method.equals("DELETE") || body.length > 0) {
      rb = RequestBody.create(body, contentType == null ? null : MediaType.get(contentType));
    }
    return b.method(method, rb).build();
  }

  Answer send(Request request) throws IOException {
    try (Response r = client.newCall(request).execute()) {
      return new Answer(r.code(), r.headers(), r.body().string());
    }
  }

  @Override
  public void close() {
    server.close();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
