package io.easnet.testkit.internal.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One verified, routed call, as a handler sees it.
 *
 * @param spec the operation called
 * @param request the request as received
 * @param pathParameters the decoded ROA path parameters ({@code ClusterId}, {@code ServiceName}, ...)
 * @param accessKeyId who signed it
 */
public record Call(OperationSpec spec, WireRequest request, Map<String, String> pathParameters, String accessKeyId) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public Call {
    pathParameters = Map.copyOf(pathParameters);
  }

  /** An RPC parameter (query, then form body) or an ROA query parameter; "" when absent. */
  public String parameter(String name) {
    return request.parameter(name);
  }

  /** True when the request carries a parameter whose name starts with {@code prefix} ({@code Permissions.1.}). */
  public boolean hasParameterStartingWith(String prefix) {
    return request.parameters().stream().anyMatch(p -> p.name().startsWith(prefix));
  }

  /** A decoded ROA path parameter. */
  public String pathParameter(String name) {
    String value = pathParameters.get(name);
    if (value == null) {
      throw new IllegalArgumentException(spec.name() + " has no path parameter " + name + "; it has "
          + pathParameters.keySet());
    }
    return value;
  }

  /**
   * The ROA JSON body.
   *
   * @throws AlibabaError {@code InvalidParameter} naming the operation when the body is not JSON
   */
  public JsonNode jsonBody() {
    byte[] body = request.body();
    if (body.length == 0) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw AlibabaError.invalidParameter("The body of " + spec.action() + " is not valid JSON: "
          + e.getOriginalMessage() + " at line " + (e.getLocation() == null ? 0 : e.getLocation().getLineNr()));
    } catch (IOException e) {
      throw AlibabaError.invalidParameter("The body of " + spec.action() + " cannot be read: " + e.getMessage());
    }
  }

  /** The body as UTF-8 text (CreateService takes the service JSON as it is). */
  public String bodyText() {
    return new String(request.body(), StandardCharsets.UTF_8);
  }

  /** A new empty JSON object for a response body. */
  public static ObjectNode newBody() {
    return JSON.createObjectNode();
  }
}
