package io.easnet.aliyun.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.easnet.core.CloudIoException;
import java.io.IOException;
import java.util.Optional;

/**
 * A successful (2xx) response: status, request id and body (at most {@link io.easnet.aliyun.AliyunOptions#maxBodyBytes()}
 * bytes: {@link HttpTransport} reads no more). An answer that cannot be used (not JSON, not the documented shape) is a
 * {@link CloudIoException} naming the action, the endpoint and the request id: {@link #malformed}.
 */
public final class ApiResponse {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final String action;
  private final String endpoint;
  private final int status;
  private final String requestId;
  private final byte[] body;
  /** The body's tree when the transport parsed it already (for the request id); null: parsed by {@link #json}. */
  private final JsonNode tree;

  ApiResponse(String action, int status, String requestId, byte[] body) {
    this(action, "(unrecorded endpoint)", status, requestId, body);
  }

  ApiResponse(String action, String endpoint, int status, String requestId, byte[] body) {
    this(action, endpoint, status, requestId, body, null);
  }

  ApiResponse(String action, String endpoint, int status, String requestId, byte[] body, JsonNode tree) {
    this.action = action;
    this.endpoint = endpoint;
    this.status = status;
    this.requestId = requestId;
    this.body = body;
    this.tree = tree;
  }

  public int status() {
    return status;
  }

  /** {@code RequestId} of the body, else the {@code x-acs-request-id} header. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  public byte[] body() {
    return body.clone();
  }

  /** The body as JSON; a body that is not JSON fails naming the action and request id. */
  public JsonNode json() {
    if (tree != null) {
      return tree; // parsed once, when the answer arrived; a call reads it and lets it go
    }
    try {
      JsonNode n = MAPPER.readTree(body);
      if (n == null) {
        throw new IOException("empty body");
      }
      return n;
    } catch (IOException e) {
      throw malformed("answered HTTP " + status + " with a body that is not JSON: " + ErrorResponses.preview(body),
          null);
    }
  }

  /**
   * The failure for an answer the adapter cannot use: {@code problem} says what is wrong with it; the message adds
   * the request id and that this is the endpoint's fault. A {@link CloudIoException}, so the command line exits 3.
   */
  CloudIoException malformed(String problem, Throwable cause) {
    return CloudIoException.of(action, endpoint, 1, problem
        + (requestId == null ? "" : " [RequestId " + requestId + "]")
        + ". The answer does not have the documented shape: a fault of the endpoint (or of a proxy before it); "
        + "retry later, and report it with the request id if it persists", cause);
  }

  static String requestIdOf(byte[] body, String header) {
    return requestIdOf(parse(body), header);
  }

  /** The body's tree, or null when it is not JSON (or empty): {@link #json} then says so. */
  static JsonNode parse(byte[] body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  /** {@code RequestId} (or {@code requestId}) of a parsed body, else the header. */
  static String requestIdOf(JsonNode n, String header) {
    if (n != null && n.isObject()) {
      JsonNode id = n.hasNonNull("RequestId") ? n.get("RequestId") : n.get("requestId");
      if (id != null && id.isTextual() && !id.asText().isBlank()) {
        return ErrorResponses.truncate(id.asText(), 200);
      }
    }
    return header == null || header.isBlank() ? null : ErrorResponses.truncate(header, 200);
  }
}
