package io.easnet.core.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.EasNetworkException;
import io.easnet.core.InvalidInputException;
import io.easnet.core.internal.JsonPointers;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Lossless JSON trees: parsing keeps key order, numbers exactly as written and rejects duplicate keys; writing is
 * stable (two-space indent, one value per line, a final newline).
 */
public final class JsonTrees {
  /** Deepest nesting accepted; deeper input is rejected as malformed. */
  public static final int MAX_DEPTH = 400;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
      .build();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private JsonTrees() {}

  /** The node factory used for every tree. */
  public static JsonNodeFactory nodes() {
    return NODES;
  }

  /**
   * Parses one JSON value.
   *
   * @param source the file name for messages, or {@code null}
   * @throws InvalidInputException for malformed JSON (with line and column) or a duplicate key (with its pointer)
   */
  public static JsonNode parse(String text, String source) {
    if (text == null) {
      throw InvalidInputException.of(source, "", "there is no JSON text (null).", "pass the JSON document.");
    }
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw InvalidInputException.of(
            source, "", "the document is empty.", "write a JSON object, for example {\"metadata\": {...}}.");
      }
      JsonNode root = read(p, first, "", source);
      JsonToken trailing = p.nextToken();
      if (trailing != null) {
        throw malformed(source, p.currentTokenLocation(), "unexpected content after the end of the document");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw malformed(source, e.getLocation(), e.getOriginalMessage(), near(e));
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidInputException iie) {
        throw iie;
      }
      throw InvalidInputException.of(
          source, "", "the document is not valid JSON: " + e.getMessage(), "fix the JSON syntax.", e);
    }
  }

  private static InvalidInputException malformed(String source, JsonLocation at, String detail) {
    return malformed(source, at, detail, "");
  }

  private static InvalidInputException malformed(String source, JsonLocation at, String detail, String pointer) {
    String where = at == null || at.getLineNr() < 0
        ? ""
        : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    String msg = detail == null ? "syntax error" : firstLine(detail);
    return InvalidInputException.of(
        source, pointer, "malformed JSON" + where + ": " + msg + ".", "fix the JSON syntax at that position.");
  }

  /** The pointer of the value the parser was in when it failed, or {@code ""}. */
  private static String near(JsonProcessingException e) {
    try {
      if (e.getProcessor() instanceof JsonParser p && p.getParsingContext() != null) {
        return p.getParsingContext().pathAsPointer().toString();
      }
    } catch (RuntimeException ignored) {
      // the context is only a hint
    }
    return "";
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static JsonNode read(JsonParser p, JsonToken t, String pointer, String source) throws IOException {
    switch (t) {
      case START_OBJECT: {
        ObjectNode o = NODES.objectNode();
        JsonToken k;
        while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonLocation at = p.currentTokenLocation();
          String child = JsonPointers.child(pointer, name);
          JsonToken v = p.nextToken();
          JsonNode value = read(p, v, child, source);
          if (o.has(name)) {
            throw InvalidInputException.of(
                source,
                child,
                "the key \"" + name + "\" appears twice in the same object (line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + "); JSON readers disagree on which one wins.",
                "keep one of the two entries.");
          }
          o.set(name, value);
        }
        if (k != JsonToken.END_OBJECT) {
          throw malformed(source, p.currentTokenLocation(), "unexpected " + k + " in an object");
        }
        return o;
      }
      case START_ARRAY: {
        ArrayNode a = NODES.arrayNode();
        JsonToken v;
        int i = 0;
        while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
          if (v == null) {
            throw malformed(source, p.currentTokenLocation(), "unexpected end of input in an array");
          }
          a.add(read(p, v, pointer + "/" + i, source));
          i++;
        }
        return a;
      }
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return NODES.numberNode(p.getIntValue());
          case LONG:
            return NODES.numberNode(p.getLongValue());
          default:
            return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        try {
          return ExactNumberNode.of(p.getText());
        } catch (NumberFormatException e) {
          throw InvalidInputException.of(
              source, pointer, "the number " + abbreviate(p.getText()) + " is out of range.", "use a smaller number.");
        }
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw malformed(source, p.currentTokenLocation(), "unexpected token " + t);
    }
  }

  /** Serializes a tree in the stable pretty format, ending with a newline. */
  public static String write(JsonNode node) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(new StablePrettyPrinter());
      MAPPER.writeTree(g, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.append('\n').toString();
  }

  /** Reads a UTF-8 file; a missing or unreadable file is bad input naming the path. */
  public static String readFile(Path path) {
    try {
      byte[] bytes = Files.readAllBytes(path);
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (NoSuchFileException e) {
      throw InvalidInputException.of(path.toString(), "", "the file does not exist.", "check the path.", e);
    } catch (CharacterCodingException e) {
      throw InvalidInputException.of(
          path.toString(), "", "the file is not valid UTF-8.", "save the file as UTF-8.", e);
    } catch (IOException e) {
      throw InvalidInputException.of(
          path.toString(), "", "the file cannot be read: " + e.getMessage(), "check the path and permissions.", e);
    }
  }

  /** Writes text as UTF-8, replacing the file. */
  public static void writeFile(Path path, String text) {
    try {
      Files.writeString(path, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new EasNetworkException("cannot write " + path + ": " + e.getMessage(), e);
    }
  }

  /** Shortens long text for messages. */
  public static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
