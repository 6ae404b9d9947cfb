package io.easnet.core.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.easnet.core.InvalidInputException;
import io.easnet.core.internal.JsonPointers;
import io.easnet.core.internal.Suggestions;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A position in a JSON tree: the node, its JSON pointer and the source name. Every accessor checks the type and
 * fails with an {@link InvalidInputException} naming the pointer, so callers never see a ClassCastException or a
 * NullPointerException.
 */
public final class Cursor {
  private final JsonNode node;
  private final Cursor parent;
  private final String key;
  private final int index;
  private final String source;
  /** Computed when first asked for: most cursors never appear in a message. */
  private String pointer;

  private Cursor(JsonNode node, Cursor parent, String key, int index, String pointer, String source) {
    this.node = node == null ? MissingNode.getInstance() : node;
    this.parent = parent;
    this.key = key;
    this.index = index;
    this.pointer = pointer;
    this.source = source;
  }

  /** The root of a document. */
  public static Cursor root(JsonNode node, String source) {
    return new Cursor(node, null, null, -1, "", source);
  }

  /** A cursor at an arbitrary pointer (for documents embedded in larger ones). */
  public static Cursor at(JsonNode node, String pointer, String source) {
    return new Cursor(node, null, null, -1, pointer, source);
  }

  /** The node here; a missing node when the key is absent. */
  public JsonNode node() {
    return node;
  }

  /** The JSON pointer of this position. */
  public String pointer() {
    String p = pointer;
    if (p == null) {
      p = key != null ? JsonPointers.child(parent.pointer(), key) : JsonPointers.child(parent.pointer(), index);
      pointer = p;
    }
    return p;
  }

  /** The source name for messages, or {@code null}. */
  public String source() {
    return source;
  }

  /** True when the value exists and is not {@code null}. */
  public boolean isPresent() {
    return !node.isMissingNode() && !node.isNull();
  }

  /** The member {@code key} (possibly missing); the cursor must be at an object. */
  public Cursor get(String key) {
    return new Cursor(requireObject().get(key), this, key, -1, null, source);
  }

  /** The member {@code key} when it is present and not null. */
  public Optional<Cursor> opt(String key) {
    Cursor c = get(key);
    return c.isPresent() ? Optional.of(c) : Optional.empty();
  }

  /** The member {@code key}, which must be present. */
  public Cursor required(String key) {
    Cursor c = get(key);
    if (c.node.isNull()) {
      throw InvalidInputException.of(source, c.pointer(), "the required key \"" + key + "\" is null.",
          "write a value for \"" + key + "\".");
    }
    if (c.node.isMissingNode()) {
      throw InvalidInputException.of(
          source, c.pointer(), "the required key \"" + key + "\" is missing.", "add \"" + key + "\".");
    }
    return c;
  }

  /** The members of an object, in document order. */
  public Map<String, Cursor> members() {
    Map<String, Cursor> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : requireObject().properties()) {
      out.put(e.getKey(), new Cursor(e.getValue(), this, e.getKey(), -1, null, source));
    }
    return out;
  }

  /** The elements of an array. */
  public List<Cursor> elements() {
    JsonNode a = requireArray();
    List<Cursor> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      out.add(new Cursor(a.get(i), this, null, i, null, source));
    }
    return out;
  }

  /** The elements of the array at {@code key}, or none when it is absent. */
  public List<Cursor> elements(String key) {
    return opt(key).map(Cursor::elements).orElse(List.of());
  }

  /** True when the node is an object. */
  public boolean isObject() {
    return node.isObject();
  }

  /** True when the node is an array. */
  public boolean isArray() {
    return node.isArray();
  }

  /** Requires an object. */
  public JsonNode requireObject() {
    if (!node.isObject()) {
      throw typeError("an object");
    }
    return node;
  }

  /** Requires an array. */
  public JsonNode requireArray() {
    if (!node.isArray()) {
      throw typeError("an array");
    }
    return node;
  }

  /** The value as a string. */
  public String text() {
    if (!node.isTextual()) {
      throw typeError("a string");
    }
    return node.textValue();
  }

  /** The value as a whole number in the int range. */
  public int integer() {
    if (!node.isIntegralNumber()) {
      throw typeError("a whole number");
    }
    if (!node.canConvertToInt()) {
      throw error("the number " + JsonTrees.abbreviate(node.asText()) + " is too large for this value.",
          "use a smaller number.");
    }
    return node.intValue();
  }

  /**
   * The value as a whole number from {@code min} to {@code max}; otherwise an error giving that range, e.g. "the port
   * 99999 is outside 1 to 65535".
   */
  public int integer(int min, int max, String what) {
    if (!node.isIntegralNumber()) {
      throw typeError("a whole number");
    }
    if (node.canConvertToInt()) {
      int v = node.intValue();
      if (v >= min && v <= max) {
        // the common case builds no text: the range and the value are formatted only for an error
        return v;
      }
    }
    String range = number(min) + " to " + number(max);
    String value = JsonTrees.abbreviate(node.asText());
    if (!node.canConvertToInt()) {
      throw error(what + " " + value + " is out of range: it must be " + range + ".", "use a number from " + range
          + ".");
    }
    if (node.intValue() < 0 && min == 0) {
      throw error(what + " " + value + " is negative: it must be " + range + ".", "use a number from " + range + ".");
    }
    throw error(what + " " + value + " is outside " + range + ".", "use a number from " + range + ".");
  }

  /** Digit groups for large bounds only: {@code 65535}, but {@code 1,000,000}. */
  private static String number(int n) {
    return Math.abs((long) n) < 100_000 ? Integer.toString(n) : String.format(Locale.ROOT, "%,d", n);
  }

  /** The value as a whole number in the long range. */
  public long longInteger() {
    if (!node.isIntegralNumber()) {
      throw typeError("a whole number");
    }
    if (!node.canConvertToLong()) {
      throw error("the number " + node.asText() + " is out of range.", "use a smaller number.");
    }
    return node.longValue();
  }

  /** The value as a boolean. */
  public boolean bool() {
    if (!node.isBoolean()) {
      throw typeError("true or false");
    }
    return node.booleanValue();
  }

  /** The member as a string, when present; an empty string counts as absent when {@code emptyIsAbsent}. */
  public Optional<String> optText(String key, boolean emptyIsAbsent) {
    Optional<String> s = opt(key).map(Cursor::text);
    return emptyIsAbsent ? s.filter(v -> !v.isEmpty()) : s;
  }

  /** The member as a string, when present. */
  public Optional<String> optText(String key) {
    return optText(key, false);
  }

  /** The member as an int, when present. */
  public OptionalInt optInt(String key) {
    Optional<Cursor> c = opt(key);
    return c.isPresent() ? OptionalInt.of(c.get().integer()) : OptionalInt.empty();
  }

  /**
   * Converts the string value with a model parser; its IllegalArgumentException or IllegalStateException becomes an
   * InvalidInputException at this pointer.
   */
  public <T> T as(Function<String, T> parser, String fix) {
    String s = text();
    return convert(() -> parser.apply(s), fix);
  }

  /** Runs {@code action} and re-homes model validation failures at this pointer. */
  public <T> T convert(Supplier<T> action, String fix) {
    try {
      return action.get();
    } catch (InvalidInputException e) {
      throw e;
    } catch (IllegalArgumentException | IllegalStateException e) {
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw InvalidInputException.of(source, pointer(), sentence(m), fix, e);
    }
  }

  /**
   * Rejects members that are not in {@code known}, suggesting the nearest known key: a typo must not silently drop
   * data.
   */
  public void rejectUnknownKeys(Collection<String> known) {
    rejectUnknownKeys(known, Map.of());
  }

  /**
   * As {@link #rejectUnknownKeys(Collection)}, with {@code aliases} mapping well-known foreign spellings (such as the
   * cloud API's) to the key to use instead.
   */
  public void rejectUnknownKeys(Collection<String> known, Map<String, String> aliases) {
    requireObject();
    for (UnknownKey u : unknownKeys(known, aliases)) {
      throw InvalidInputException.of(
          source,
          u.pointer(),
          "unknown key \"" + u.key() + "\"" + u.nearest().map(n -> " (did you mean \"" + n + "\"?)").orElse("")
              + ".",
          u.nearest().map(n -> "rename it to \"" + n + "\" or remove it").orElse("remove it") + "; known keys here: "
              + String.join(", ", known) + ".");
    }
  }

  /** A member whose key is not a known one: its pointer, the key, and the known key it is nearest to, if any. */
  public record UnknownKey(String pointer, String key, Optional<String> nearest) {}

  /**
   * The members of this object whose keys are not in {@code known}, in document order, each with the known key it
   * is nearest to ({@code aliases} first, then {@link Suggestions#nearestKey}): the one place every reader finds
   * "did you mean". Empty when this is not an object.
   */
  public List<UnknownKey> unknownKeys(Collection<String> known, Map<String, String> aliases) {
    if (!isObject()) {
      return List.of();
    }
    List<UnknownKey> out = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        Optional<String> near = Optional.ofNullable(aliases.get(key)).or(() -> Suggestions.nearestKey(key, known));
        out.add(new UnknownKey(JsonPointers.child(pointer(), key), key, near));
      }
    }
    return out;
  }

  /** An error at this pointer. */
  public InvalidInputException error(String problem, String fix) {
    return InvalidInputException.of(source, pointer(), problem, fix);
  }

  private InvalidInputException typeError(String expected) {
    return error(
        "expected " + expected + " but found " + describe(node) + ".", "write " + expected + " here.");
  }

  /** A short description of a node for messages: its type and, for scalars, its value. */
  public static String describe(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "nothing";
    }
    if (n.isNull()) {
      return "null";
    }
    if (n.isObject()) {
      return "an object";
    }
    if (n.isArray()) {
      return "an array";
    }
    if (n.isTextual()) {
      return "the string \"" + JsonTrees.abbreviate(n.textValue()) + "\"";
    }
    if (n.isBoolean()) {
      return n.booleanValue() ? "true" : "false";
    }
    if (n.isNumber()) {
      String t = n.asText();
      if (n.isIntegralNumber() && n.bigIntegerValue().abs().compareTo(BigInteger.TEN.pow(18)) > 0) {
        t = JsonTrees.abbreviate(t);
      }
      return "the number " + JsonTrees.abbreviate(t);
    }
    return n.getNodeType().toString().toLowerCase(Locale.ROOT);
  }

  private static String sentence(String m) {
    String s = m.trim();
    return s.endsWith(".") ? s : s + ".";
  }
}
