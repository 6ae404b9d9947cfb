package io.easnet.aliyun.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.CloudServiceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the irregular shapes of Alibaba Cloud's JSON answers: nested containers ({@code VSwitches.VSwitch[]}) that
 * hold an array, a single object (an XML-to-JSON artefact) or nothing ({@code {}}), comma-separated lists, numbers
 * sent as strings, and JSON documents sent as strings ({@code ServiceConfig}, {@code ExtraData}).
 */
final class WireJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private WireJson() {}

  /**
   * The elements of {@code node.container.element}: an array's elements, a single object as one element, nothing
   * for an absent, null or empty container. A bare array at {@code node.container} is accepted too.
   */
  static List<JsonNode> items(JsonNode node, String container, String element) {
    JsonNode c = node.path(container);
    if (c.isArray()) {
      return list(c);
    }
    if (!c.isObject()) {
      return List.of();
    }
    JsonNode e = c.path(element);
    if (e.isArray()) {
      return list(e);
    }
    if (e.isObject() || e.isValueNode() && !e.isNull() && !e.asText().isEmpty()) {
      return List.of(e);
    }
    return List.of();
  }

  /** The elements of an array node, a single non-null node as one element, else nothing. */
  static List<JsonNode> list(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      return List.of(n);
    }
    List<JsonNode> out = new ArrayList<>(n.size());
    n.forEach(out::add);
    return out;
  }

  /** The strings of {@code node.container.element}, each also split at commas; blanks dropped. */
  static List<String> strings(JsonNode node, String container, String element) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : items(node, container, element)) {
      if (n.isValueNode()) {
        out.addAll(commaList(n.asText()));
      }
    }
    return out;
  }

  /** A comma-separated list, entries trimmed, blanks dropped. */
  static List<String> commaList(String s) {
    if (s == null || s.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String part : s.split(",")) {
      String t = part.trim();
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  /** A text field that is present and not blank. */
  static Optional<String> text(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull() || !v.isValueNode()) {
      return Optional.empty();
    }
    String s = v.asText().trim();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  /** A required text field; its absence fails naming the field. */
  static String required(JsonNode node, String name) {
    return text(node, name).orElseThrow(() -> new IllegalArgumentException("the field " + name + " is missing"));
  }

  /** An integer field, sent as a number or as a numeric string. */
  static Optional<Long> number(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (v.isNumber()) {
      return Optional.of(v.asLong());
    }
    String s = v.asText().trim();
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(s));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the field " + name + " is not a whole number: \"" + s + "\"", e);
    }
  }

  /** Tags from {@code Tags.Tag[]} with {@code Key}/{@code Value} or {@code TagKey}/{@code TagValue}. */
  static Map<String, String> tags(JsonNode node) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (JsonNode t : items(node, "Tags", "Tag")) {
      Optional<String> key = text(t, "Key").or(() -> text(t, "TagKey"));
      key.ifPresent(k -> tags.put(k, text(t, "Value").or(() -> text(t, "TagValue")).orElse("")));
    }
    return Collections.unmodifiableMap(tags);
  }

  /** A JSON object that may be sent as an object or as a string holding one; empty object when absent or blank. */
  static JsonNode embedded(JsonNode node, String name) {
    JsonNode v = node.path(name);
    if (v.isObject()) {
      return v;
    }
    if (v.isTextual() && !v.asText().isBlank()) {
      try {
        JsonNode parsed = MAPPER.readTree(v.asText());
        if (parsed != null && parsed.isObject()) {
          return parsed;
        }
      } catch (IOException e) {
        throw new IllegalArgumentException("the field " + name + " is not a JSON object: "
            + ErrorResponses.preview(v.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8)), e);
      }
      throw new IllegalArgumentException("the field " + name + " is not a JSON object");
    }
    return MAPPER.createObjectNode();
  }

  /** Parses a JSON text; a text that is not JSON fails with {@link IllegalArgumentException}. */
  static JsonNode parse(String json, String what) {
    try {
      JsonNode n = MAPPER.readTree(json);
      if (n == null || n.isMissingNode()) {
        throw new IllegalArgumentException(what + " is empty");
      }
      return n;
    } catch (IOException e) {
      throw new IllegalArgumentException(what + " is not JSON: " + e.getMessage(), e);
    }
  }

  /**
   * True when every field of {@code wanted} is in {@code actual} with an equal value, objects compared recursively
   * (the cloud adds defaults, so a configuration that acted holds at least what was sent); arrays and other values
   * compare whole, numbers by value.
   */
  static boolean contains(JsonNode actual, JsonNode wanted) {
    if (wanted.isObject()) {
      if (!actual.isObject()) {
        return false;
      }
      Iterator<String> names = wanted.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        JsonNode a = actual.get(name);
        if (a == null || !contains(a, wanted.get(name))) {
          return false;
        }
      }
      return true;
    }
    if (wanted.isNumber() && actual.isNumber()) {
      return wanted.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    if (wanted.isArray()) {
      if (!actual.isArray() || actual.size() != wanted.size()) {
        return false;
      }
      for (int i = 0; i < wanted.size(); i++) {
        if (!contains(actual.get(i), wanted.get(i))) {
          return false;
        }
      }
      return true;
    }
    return wanted.equals(actual);
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** A JSON array text of strings, as {@code SecurityGroupIds} and {@code InstanceIds} take. */
  static String jsonArray(List<String> values) {
    ArrayNode a = array();
    values.forEach(a::add);
    return a.toString();
  }

  /**
   * The {@code NOT_FOUND} failure of a describe whose filter matched nothing: the code the product uses for the
   * id ({@code InvalidVpcId.NotFound}), classified by core's one mapping.
   */
  static CloudServiceException notFound(String action, String code, String what) {
    return CloudServiceException.builder(action, code, ErrorCodes.kindOf(code, 404))
        .message(what + " does not exist (the filtered list is empty)")
        .build();
  }

  /** A copy of {@code e} with the kind the port's contract gives the failure. */
  static CloudServiceException withKind(CloudServiceException e, CloudServiceException.Kind kind, String note) {
    CloudServiceException.Builder b = CloudServiceException.builder(e.action(), e.code(), kind)
        .message(note).httpStatus(e.httpStatus());
    e.requestId().ifPresent(b::requestId);
    e.recommend().ifPresent(b::recommend);
    e.hostId().ifPresent(b::hostId);
    return b.build();
  }
}
