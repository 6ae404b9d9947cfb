package io.easnet.core.internal.json;

import io.easnet.core.internal.Printable;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.EasNetworkException;
import io.easnet.core.InvalidInputException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Lossless JSON trees: parsing keeps key order, numbers exactly as written ({@code 1.50}, {@code -0}), string
 * escapes as written ({@code \u00e9}, {@code \/}), and rejects duplicate keys, unpaired surrogates and content after
 * the document; writing is stable (two-space indent, one value per line, a final newline).
 *
 * <p>Inputs are bounded: at most {@value #MAX_INPUT_DESCRIPTION} of text and {@value #MAX_DEPTH} levels of nesting.
 */
public final class JsonTrees {
  /** Deepest nesting accepted; deeper input is rejected as malformed. */
  public static final int MAX_DEPTH = 400;

  /** The largest input accepted, in bytes of a file or characters of a text. */
  public static final long MAX_INPUT_BYTES = 64L * 1024 * 1024;

  /** {@link #MAX_INPUT_BYTES} for messages. */
  public static final String MAX_INPUT_DESCRIPTION = "64 MiB";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
      .build();
  /** The mapper only writing needs: built on first write, so a read loads none of Jackson's databind machinery. */
  private static final class Writer {
    static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private Writer() {}
  }
  private static final String BOM_FIX = "save the file as UTF-8 without a byte-order mark.";

  private JsonTrees() {}

  /** The node factory used for every tree. */
  public static JsonNodeFactory nodes() {
    return NODES;
  }

  /**
   * Parses one JSON value.
   *
   * @param source the file name for messages, or {@code null}
   * @throws InvalidInputException for malformed JSON (with line and column), a duplicate key or an unpaired
   *     surrogate (with its pointer), content after the document, a byte-order mark, or text above the size limit
   */
  public static JsonNode parse(String text, String source) {
    return parse(text, source, null);
  }

  /** The most positions {@link #parse(String, String, Map)} records; later values are not indexed. */
  public static final int MAX_POSITIONS = 100_000;

  /**
   * As {@link #parse(String, String)}, recording into {@code positions} (when not {@code null}) where each value
   * starts: the RFC 6901 pointer of the value to its 1-based line and column packed as {@code line << 32 | column}
   * (a member at its key, an array element at its first character), at most {@value #MAX_POSITIONS} entries.
   */
  public static JsonNode parse(String text, String source, Map<String, Long> positions) {
    if (text == null) {
      throw InvalidInputException.of(source, "", "there is no JSON text (null).", "pass the JSON document.");
    }
    if (text.length() > MAX_INPUT_BYTES) {
      throw tooLarge(source, String.format(Locale.ROOT, "%,d characters", text.length()));
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      throw InvalidInputException.of(source, "", "the document starts with a byte-order mark (U+FEFF).", BOM_FIX);
    }
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw InvalidInputException.of(
            source, "", "the document is empty.", "write a JSON object, for example {\"metadata\": {...}}.");
      }
      Reader reader = new Reader(p, text, source, positions);
      reader.mark("", p.currentTokenLocation());
      JsonNode root = reader.read(first, "");
      JsonToken trailing;
      try {
        trailing = p.nextToken();
      } catch (JsonProcessingException e) {
        throw malformed(source, e.getLocation(), "unexpected content after the end of the document", "");
      }
      if (trailing != null) {
        throw malformed(source, p.currentTokenLocation(), "unexpected content after the end of the document", "");
      }
      return root;
    } catch (StreamConstraintsException e) {
      throw InvalidInputException.of(source, near(e), constraint(e.getOriginalMessage()),
          constraintFix(e.getOriginalMessage()), e);
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

  private static InvalidInputException tooLarge(String source, String size) {
    return tooLarge(source, size, MAX_INPUT_BYTES, "split the input, or remove what the analysis does not need (e.g."
        + " resources of other regions).");
  }

  private static InvalidInputException tooLarge(String source, String size, long max, String fix) {
    return InvalidInputException.of(source, "", "the input is " + size + "; eas-network reads at most "
        + describeBytes(max) + " (" + String.format(Locale.ROOT, "%,d", max) + " bytes) of it.", fix);
  }

  private static String describeBytes(long bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : String.format(Locale.ROOT, "%,d bytes",
        bytes);
  }

  private static String constraint(String detail) {
    String d = detail == null ? "" : detail;
    if (d.contains("nesting depth")) {
      return "malformed JSON: the document nests arrays and objects more than " + MAX_DEPTH + " levels deep.";
    }
    if (d.contains("Number value length") || d.contains("Number length")) {
      return "malformed JSON: a number has too many digits.";
    }
    if (d.contains("String value length") || d.contains("String length")) {
      return "malformed JSON: a string is too long.";
    }
    if (d.contains("Name length")) {
      return "malformed JSON: a key is too long.";
    }
    return "malformed JSON: the document exceeds a reader limit: " + withoutParserHints(d) + ".";
  }

  /** The fix for the reader limit {@code detail} names: each limit its own advice. */
  private static String constraintFix(String detail) {
    String d = detail == null ? "" : detail;
    if (d.contains("nesting depth")) {
      return "flatten the document; eas-network reads at most " + MAX_DEPTH + " levels of nesting.";
    }
    if (d.contains("Number value length") || d.contains("Number length")) {
      return "write the number with at most " + StreamReadConstraints.DEFAULT_MAX_NUM_LEN + " digits.";
    }
    if (d.contains("String value length") || d.contains("String length")) {
      return String.format(Locale.ROOT, "shorten the string: eas-network reads strings of at most %,d characters.",
          StreamReadConstraints.DEFAULT_MAX_STRING_LEN);
    }
    if (d.contains("Name length")) {
      return String.format(Locale.ROOT, "shorten the key: eas-network reads keys of at most %,d characters.",
          StreamReadConstraints.DEFAULT_MAX_NAME_LEN);
    }
    return "make the document smaller.";
  }

  private static InvalidInputException malformed(String source, JsonLocation at, String detail, String pointer) {
    String where = at == null || at.getLineNr() < 0
        ? ""
        : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    String msg = detail == null ? "syntax error" : explain(firstLine(detail));
    return InvalidInputException.of(
        source, pointer, "malformed JSON" + where + ": " + msg + ".", "fix the JSON syntax at that position.");
  }

  /** Jackson's message in our words: no feature names, no hints about reader settings. */
  private static String explain(String detail) {
    if (detail.startsWith("Non-standard token '")) {
      int end = detail.indexOf('\'', 20);
      String token = end > 20 ? detail.substring(20, end) : "NaN";
      return token + " is not a JSON number; write a number, or the value as a string";
    }
    return withoutParserHints(detail);
  }

  private static String withoutParserHints(String detail) {
    String d = detail.replaceAll("\\s*\\([^()]*`[^()]*\\)", "")
        .replaceAll("[:;,]?\\s*(?:enable|set|use|disable)[^:;]*`[^`]*`[^:;]*", "")
        .replace("`", "");
    d = d.trim();
    while (d.endsWith(".") || d.endsWith(":") || d.endsWith(";") || d.endsWith(",")) {
      d = d.substring(0, d.length() - 1).trim();
    }
    return d;
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

  /** One pass over the tokens of a document, building the tree and checking what Jackson lets through. */
  private static final class Reader {
    private final JsonParser p;
    private final String text;
    private final String source;

    private final Map<String, Long> positions;

    Reader(JsonParser p, String text, String source, Map<String, Long> positions) {
      this.p = p;
      this.text = text;
      this.source = source;
      this.positions = positions;
    }

    /** Records where the value at {@code pointer} starts, while the index has room. */
    void mark(String pointer, JsonLocation at) {
      if (positions != null && pointer != null && positions.size() < MAX_POSITIONS && at.getLineNr() > 0) {
        positions.putIfAbsent(pointer, (long) at.getLineNr() << 32 | Math.max(1, at.getColumnNr()));
      }
    }

    /** The pointer of a child, or {@code null} when positions are not recorded (no string is built then). */
    private String child(String pointer, String token) {
      if (positions == null || pointer == null || positions.size() >= MAX_POSITIONS) {
        return null;
      }
      return pointer + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    /** The pointer of the current token, from the parser's own path: computed only for a message. */
    private String here() {
      return p.getParsingContext().pathAsPointer().toString();
    }

    JsonNode read(JsonToken t, String pointer) throws IOException {
      switch (t) {
        case START_OBJECT: {
          ObjectNode o = NODES.objectNode();
          JsonToken k;
          while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            checkText(name, "key");
            JsonLocation at = p.currentTokenLocation();
            String member = child(pointer, name);
            mark(member, at);
            JsonToken v = p.nextToken();
            JsonNode value = read(v, member);
            if (o.putIfAbsent(name, value) != null) {
              throw InvalidInputException.of(
                  source,
                  here(),
                  "the key \"" + name + "\" appears twice in the same object (line " + at.getLineNr() + ", column "
                      + at.getColumnNr() + "); JSON readers disagree on which one wins.",
                  "keep one of the two entries.");
            }
          }
          if (k != JsonToken.END_OBJECT) {
            throw malformed(source, p.currentTokenLocation(), "unexpected " + k + " in an object", here());
          }
          return o;
        }
        case START_ARRAY: {
          ArrayNode a = NODES.arrayNode();
          JsonToken v;
          while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
            if (v == null) {
              throw malformed(source, p.currentTokenLocation(), "unexpected end of input in an array", here());
            }
            String element = child(pointer, Integer.toString(a.size()));
            mark(element, p.currentTokenLocation());
            a.add(read(v, element));
          }
          return a;
        }
        case VALUE_STRING:
          return string();
        case VALUE_NUMBER_INT:
          switch (p.getNumberType()) {
            case INT: {
              int n = p.getIntValue();
              return n == 0 && p.getTextLength() == 2 ? NegativeZeroNode.INSTANCE : NODES.numberNode(n);
            }
            case LONG:
              return NODES.numberNode(p.getLongValue());
            default:
              return NODES.numberNode(p.getBigIntegerValue());
          }
        case VALUE_NUMBER_FLOAT:
          try {
            return ExactNumberNode.of(p.getText());
          } catch (NumberFormatException e) {
            throw InvalidInputException.of(source, here(),
                "the number " + abbreviate(p.getText()) + " is out of range.", "use a smaller number.");
          }
        case VALUE_TRUE:
          return NODES.booleanNode(true);
        case VALUE_FALSE:
          return NODES.booleanNode(false);
        case VALUE_NULL:
          return NODES.nullNode();
        default:
          throw malformed(source, p.currentTokenLocation(), "unexpected token " + t, here());
      }
    }

    /** A string value: the raw text is kept when it holds escapes, so that writing reproduces it. */
    private JsonNode string() throws IOException {
      long start = p.currentTokenLocation().getCharOffset();
      String value = p.getText();
      checkText(value, "string");
      long end = p.currentLocation().getCharOffset();
      long rawLength = end - start - 2;
      if (start >= 0 && end <= text.length() && rawLength > value.length() && text.charAt((int) start) == '"'
          && text.charAt((int) end - 1) == '"') {
        return new EscapedTextNode(value, text.substring((int) start, (int) end));
      }
      return NODES.textNode(value);
    }

    private void checkText(String s, String what) {
      int at = Printable.unpairedSurrogate(s);
      if (at >= 0) {
        throw InvalidInputException.of(source, here(),
            "the " + what + " holds an unpaired surrogate (\\u" + String.format("%04x", (int) s.charAt(at))
                + " at character " + (at + 1) + "), which no UTF-8 file can hold.",
            "write the character as a pair of \\uXXXX escapes (high, then low surrogate), or remove it.");
      }
    }
  }

  /** Serializes a tree in the stable pretty format, ending with a newline. */
  public static String write(JsonNode node) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(new StablePrettyPrinter());
      Writer.MAPPER.writeTree(g, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.append('\n').toString();
  }

  /**
   * Reads a UTF-8 file; a missing, unreadable, too large or non-UTF-8 file, or one that starts with a byte-order
   * mark, is bad input naming the path.
   */
  public static String readFile(Path path) {
    return readFile(path, MAX_INPUT_BYTES, "split the input, or remove what the analysis does not need (e.g."
        + " resources of other regions).");
  }

  /**
   * As {@link #readFile(Path)}, with a smaller limit for a kind of file that is never large (a service JSON):
   * {@code fix} says what to do about a larger one.
   */
  public static String readFile(Path path, long maxBytes, String fix) {
    String name = path.toString();
    byte[] bytes;
    try {
      long size = Files.size(path);
      if (size > maxBytes) {
        throw tooLarge(name, String.format(Locale.ROOT, "%,d bytes", size), maxBytes, fix);
      }
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw InvalidInputException.of(name, "", "the file does not exist.", "check the path.", e);
    } catch (IOException e) {
      throw InvalidInputException.of(
          name, "", "the file cannot be read: " + e.getMessage(), "check the path and permissions.", e);
    }
    if (bytes.length > maxBytes) {
      throw tooLarge(name, String.format(Locale.ROOT, "%,d bytes", bytes.length), maxBytes, fix);
    }
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      throw InvalidInputException.of(name, "", "the file starts with a UTF-8 byte-order mark (EF BB BF).", BOM_FIX);
    }
    if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
        || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)) {
      throw InvalidInputException.of(name, "", "the file starts with a UTF-16 byte-order mark: it is UTF-16,"
          + " not UTF-8.", "save the file as UTF-8 without a byte-order mark.");
    }
    int bad = Utf8.firstInvalid(bytes);
    if (bad >= 0) {
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      throw InvalidInputException.of(name, "", "the file is not valid UTF-8: byte 0x"
              + String.format("%02X", bytes[bad] & 0xFF) + " at line " + line + ", byte " + (bad - lineStart + 1)
              + " of the line, starts no UTF-8 character (is the file in another encoding, such as Latin-1 or GBK?).",
          "save the file as UTF-8.");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * Writes text as UTF-8, replacing the file atomically ({@link io.easnet.core.internal.OutputFiles}): a failure
   * leaves the old file as it was.
   */
  public static void writeFile(Path path, String text) {
    int bad = Printable.unpairedSurrogate(text);
    if (bad >= 0) {
      throw new EasNetworkException("cannot write " + path + ": the text holds an unpaired surrogate at character "
          + (bad + 1) + ", which UTF-8 cannot encode");
    }
    try {
      io.easnet.core.internal.OutputFiles.writeAtomically(path, text);
    } catch (IOException e) {
      throw new EasNetworkException("cannot write " + path + ": " + e.getMessage(), e);
    }
  }

  /** Shortens long text for messages. */
  public static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
