package io.easnet.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Helpers shared by the JSON tests. */
final class JsonTestSupport {
  private JsonTestSupport() {}

  /** A test resource under {@code /json/} as text. */
  static String resource(String name) {
    try (InputStream in = JsonTestSupport.class.getResourceAsStream("/json/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource /json/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text with every whitespace character outside string literals removed. */
  static String stripWhitespaceOutsideStrings(String json) {
    StringBuilder sb = new StringBuilder(json.length());
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        sb.append(c);
        if (c == '\\') {
          sb.append(json.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
        sb.append(c);
      } else if (!Character.isWhitespace(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Asserts equal trees with the same key order in every object. */
  static void assertSameTree(JsonNode actual, JsonNode expected) {
    assertThat(actual).isEqualTo(expected);
    assertSameOrder(actual, expected, "");
  }

  private static void assertSameOrder(JsonNode a, JsonNode e, String pointer) {
    if (e.isObject()) {
      assertThat(names(a)).as("key order at %s", pointer.isEmpty() ? "/" : pointer).isEqualTo(names(e));
      for (String k : names(e)) {
        assertSameOrder(a.get(k), e.get(k), pointer + "/" + k);
      }
    } else if (e.isArray()) {
      for (int i = 0; i < e.size(); i++) {
        assertSameOrder(a.get(i), e.get(i), pointer + "/" + i);
      }
    }
  }

  private static List<String> names(JsonNode n) {
    List<String> out = new ArrayList<>();
    Iterator<String> it = n.fieldNames();
    it.forEachRemaining(out::add);
    return out;
  }
}
