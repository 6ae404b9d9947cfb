package io.easnet.core.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.easnet.core.InvalidInputException;
import io.easnet.core.internal.JsonPointers;
import io.easnet.core.rules.internal.SuppressionRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The suppressions of a project, read from a file such as:
 *
 * <pre>{@code
 * {"suppressions": [
 *   {"id": "EASNET-014", "scope": "service:my-svc", "reason": "shared on purpose until the split", "expires": "2027-01-31"}
 * ]}
 * }</pre>
 *
 * <p>Every entry needs an id, a scope ({@code *}, {@code service:NAME}, {@code resource:ID}), a reason and an
 * expiry date. {@link #apply(List, Optional)} removes the findings an entry covers; an expired entry suppresses
 * nothing and is reported as {@code EASNET-900}, an entry that covers nothing as {@code EASNET-901}.
 */
public final class Suppressions {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern RULE_ID = Pattern.compile("EASNET-\\d{3}");
  private static final Set<String> KEYS = Set.of("id", "scope", "reason", "expires");

  private final List<Suppression> entries;
  private final Optional<String> source;

  private Suppressions(List<Suppression> entries, Optional<String> source) {
    this.entries = List.copyOf(entries);
    this.source = source;
  }

  /** No suppressions. */
  public static Suppressions none() {
    return new Suppressions(List.of(), Optional.empty());
  }

  /** Suppressions built in code. */
  public static Suppressions of(List<Suppression> entries) {
    return new Suppressions(entries, Optional.empty());
  }

  /**
   * Parses a suppressions document.
   *
   * @throws InvalidInputException naming the JSON pointer, the problem and the fix
   */
  public static Suppressions parse(String json) {
    return parse(json, null);
  }

  /**
   * Reads a suppressions file; locations of its findings name the file.
   *
   * @throws InvalidInputException when the file cannot be read or is not a valid suppressions document
   */
  public static Suppressions parse(Path file) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw InvalidInputException.of(name, "", "cannot read the suppressions file: " + e.getMessage(),
          "check that the file exists and is readable.", e);
    }
    return parse(text, name);
  }

  private static Suppressions parse(String json, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json == null ? "" : json);
    } catch (JsonProcessingException e) {
      throw InvalidInputException.of(source, "", "is not valid JSON: " + e.getOriginalMessage(),
          "write a JSON object like {\"suppressions\": [...]}.", e);
    }
    if (root == null || !root.isObject()) {
      throw InvalidInputException.of(source, "", "the document must be a JSON object",
          "write a JSON object like {\"suppressions\": [...]}.");
    }
    JsonNode list = root.get("suppressions");
    if (list == null || !list.isArray()) {
      throw InvalidInputException.of(source, "/suppressions", "\"suppressions\" must be an array",
          "put the entries in an array under the key \"suppressions\".");
    }
    List<Suppression> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = JsonPointers.child("/suppressions", i);
      JsonNode e = list.get(i);
      if (!e.isObject()) {
        throw InvalidInputException.of(source, at, "an entry must be an object",
            "write {\"id\": ..., \"scope\": ..., \"reason\": ..., \"expires\": ...}.");
      }
      for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!KEYS.contains(key)) {
          throw InvalidInputException.of(source, JsonPointers.child(at, key), "unknown key \"" + key + "\"",
              "use only id, scope, reason and expires.");
        }
      }
      String id = text(e, "id", source, at, "the rule id, e.g. \"EASNET-014\"");
      if (!RULE_ID.matcher(id).matches()) {
        throw InvalidInputException.of(source, at + "/id", "\"" + id + "\" is not a rule id",
            "use an id like \"EASNET-014\".");
      }
      String scope = text(e, "scope", source, at, "\"*\", \"service:NAME\" or \"resource:ID\"");
      try {
        Suppression.checkScope(scope);
      } catch (IllegalArgumentException ex) {
        throw InvalidInputException.of(source, at + "/scope", ex.getMessage(),
            "use \"*\", \"service:NAME\" or \"resource:ID\".");
      }
      String reason = text(e, "reason", source, at, "why the finding is accepted");
      if (reason.isBlank()) {
        throw InvalidInputException.of(source, at + "/reason", "the reason is blank",
            "say why the finding is accepted.");
      }
      String expiresText = text(e, "expires", source, at, "an ISO date such as \"2027-01-31\"");
      LocalDate expires;
      try {
        expires = LocalDate.parse(expiresText);
      } catch (DateTimeParseException ex) {
        throw InvalidInputException.of(source, at + "/expires", "\"" + expiresText + "\" is not a date",
            "write the expiry as an ISO date such as \"2027-01-31\".", ex);
      }
      out.add(Suppression.parsed(id, scope, reason, expires, at));
    }
    return new Suppressions(out, Optional.ofNullable(source));
  }

  private static String text(JsonNode e, String key, String source, String at, String what) {
    JsonNode v = e.get(key);
    if (v == null || v.isNull()) {
      throw InvalidInputException.of(source, JsonPointers.child(at, key), "\"" + key + "\" is missing",
          "add \"" + key + "\": " + what + ".");
    }
    if (!v.isTextual()) {
      throw InvalidInputException.of(source, JsonPointers.child(at, key), "\"" + key + "\" must be a string",
          "write " + what + " as a JSON string.");
    }
    return v.asText();
  }

  /** The entries, in file order. */
  public List<Suppression> entries() {
    return entries;
  }

  /** The file the entries came from, when known. */
  public Optional<String> source() {
    return source;
  }

  /**
   * Removes the findings covered by a suppression that is not expired on {@code today} (without a date nothing
   * expires), adds an {@code EASNET-900} warning per expired entry and an {@code EASNET-901} note per entry that
   * covered nothing, and returns the result sorted by {@link Finding#ORDER}.
   */
  public List<Finding> apply(List<Finding> findings, Optional<LocalDate> today) {
    List<Finding> kept = new ArrayList<>();
    boolean[] used = new boolean[entries.size()];
    for (Finding f : findings) {
      boolean suppressed = false;
      for (int i = 0; i < entries.size(); i++) {
        Suppression s = entries.get(i);
        if (today.isPresent() && s.isExpiredOn(today.get())) {
          continue;
        }
        if (s.matches(f)) {
          used[i] = true;
          suppressed = true;
        }
      }
      if (!suppressed) {
        kept.add(f);
      }
    }
    for (int i = 0; i < entries.size(); i++) {
      Suppression s = entries.get(i);
      if (today.isPresent() && s.isExpiredOn(today.get())) {
        kept.add(SuppressionRules.expired(s, source, s.pointerIfKnown(), today.get()));
      } else if (!used[i]) {
        kept.add(SuppressionRules.unused(s, source, s.pointerIfKnown()));
      }
    }
    kept.sort(Finding.ORDER);
    return List.copyOf(kept);
  }

  @Override
  public String toString() {
    return "Suppressions" + entries;
  }
}
