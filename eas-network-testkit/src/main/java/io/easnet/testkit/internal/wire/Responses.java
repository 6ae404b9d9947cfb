package io.easnet.testkit.internal.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;

/**
 * Alibaba-shaped answers. Every response carries {@code RequestId} in the body and {@code x-acs-request-id} as a
 * header; an error body is {@code {RequestId, HostId, Code, Message, Recommend}}; a throttling error adds
 * {@code x-acs-retry-after} (milliseconds).
 */
public final class Responses {
  static final String JSON_TYPE = "application/json;charset=utf-8";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Responses() {}

  public static MockResponse.Builder success(String requestId, ObjectNode body) {
    ObjectNode out = JSON.createObjectNode();
    out.put("RequestId", requestId);
    body.properties().forEach(e -> {
      if (!e.getKey().equals("RequestId")) {
        out.set(e.getKey(), e.getValue());
      }
    });
    return new MockResponse.Builder().code(200).setHeader("Content-Type", JSON_TYPE)
        .setHeader("x-acs-request-id", requestId).body(write(out));
  }

  /**
   * The error answer.
   *
   * @param hostId the endpoint the client called (the {@code Host} it sent)
   * @param product the product, for the troubleshoot link; null when the request named none
   */
  public static MockResponse.Builder error(String requestId, String hostId, Product product, AlibabaError error) {
    ObjectNode out = JSON.createObjectNode();
    out.put("RequestId", requestId);
    out.put("HostId", hostId);
    out.put("Code", error.code());
    out.put("Message", error.getMessage());
    out.put("Recommend", recommend(error.code(), product, requestId));
    MockResponse.Builder b = new MockResponse.Builder().code(error.status()).setHeader("Content-Type", JSON_TYPE)
        .setHeader("x-acs-request-id", requestId).body(write(out));
    if (error.retryAfterMillis() > 0) {
      b.setHeader("x-acs-retry-after", Long.toString(error.retryAfterMillis()));
    }
    return b;
  }

  /** Alibaba's troubleshoot link, as in the reference's example error body. */
  public static String recommend(String code, Product product, String requestId) {
    return "https://api.aliyun.com/troubleshoot?q=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
        + (product == null ? "" : "&product=" + product.troubleshootName()) + "&requestId=" + requestId;
  }

  public static String write(ObjectNode body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }
}
