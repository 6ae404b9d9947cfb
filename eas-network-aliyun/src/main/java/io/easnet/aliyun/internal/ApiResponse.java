package io.easnet.aliyun.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.easnet.core.EasNetworkException;
import java.io.IOException;
import java.util.Optional;

/** A successful (2xx) response: status, request id and body. */
public final class ApiResponse {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final String action;
  private final int status;
  private final String requestId;
  private final byte[] body;

  ApiResponse(String action, int status, String requestId, byte[] body) {
    this.action = action;
    this.status = status;
    this.requestId = requestId;
    this.body = body;
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
    try {
      JsonNode n = MAPPER.readTree(body);
      if (n == null) {
        throw new IOException("empty body");
      }
      return n;
    } catch (IOException e) {
      throw new EasNetworkException(action + " answered HTTP " + status + " with a body that is not JSON"
          + (requestId == null ? "" : " [RequestId " + requestId + "]") + ": " + ErrorResponses.preview(body));
    }
  }

  static String requestIdOf(byte[] body, String header) {
    try {
      JsonNode n = MAPPER.readTree(body);
      if (n != null && n.isObject()) {
        JsonNode id = n.hasNonNull("RequestId") ? n.get("RequestId") : n.get("requestId");
        if (id != null && id.isTextual() && !id.asText().isBlank()) {
          return id.asText();
        }
      }
    } catch (IOException e) {
      // not JSON: fall back to the header
    }
    return header == null || header.isBlank() ? null : header;
  }
}
