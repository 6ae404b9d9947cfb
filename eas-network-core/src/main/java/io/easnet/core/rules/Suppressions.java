package io.easnet.core.rules;

import io.easnet.core.InvalidInputException;
import io.easnet.core.internal.Suggestions;
import io.easnet.core.internal.SourceNames;
import io.easnet.core.internal.json.Cursor;
import io.easnet.core.internal.json.JsonTrees;
import io.easnet.core.rules.internal.SuppressionRules;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
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
 * expiry date. {@link #apply(List, LocalDate)} removes the findings an entry covers; an expired entry suppresses
 * nothing and is reported as {@code EASNET-900}, an entry that covers nothing as {@code EASNET-901}.
 */
public final class Suppressions {
  private static final Pattern RULE_ID = Pattern.compile("EASNET-\\d{3}");
  private static final List<String> KEYS = List.of("id", "scope", "reason", "expires");

  private final List<Suppression> entries;
  private final String source; // null when the entries came from no file

  private Suppressions(List<Suppression> entries, String source) {
    this.entries = List.copyOf(entries);
    this.source = source;
  }

  /** No suppressions. */
  public static Suppressions none() {
    return new Suppressions(List.of(), null);
  }

  /** Suppressions built in code. */
  public static Suppressions of(List<Suppression> entries) {
    return new Suppressions(entries, null);
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
   * Reads a suppressions file (UTF-8, at most 64 MiB) with the same strict reader as the other files: a duplicate
   * key, content after the document or an unknown key is an error. Locations of its findings name the file.
   *
   * @throws InvalidInputException when the file cannot be read or is not a valid suppressions document
   */
  public static Suppressions parse(Path file) {
    return parse(file, SourceNames.of(file));
  }

  /**
   * As {@link #parse(Path)}, naming the file {@code sourceName} in messages and finding locations (e.g. its path
   * relative to the repository root, {@link SourceNames#of(Path, Path)}).
   */
  public static Suppressions parse(Path file, String sourceName) {
    String name = Objects.requireNonNull(sourceName, "sourceName");
    String text;
    try {
      text = JsonTrees.readFile(file);
    } catch (InvalidInputException e) {
      throw e.inSource(name);
    }
    return parse(text, name);
  }

  private static Suppressions parse(String json, String source) {
    Cursor root = Cursor.root(JsonTrees.parse(json == null ? "" : json, source), source);
    if (!root.isObject()) {
      throw root.error("the document must be a JSON object but this is " + Cursor.describe(root.node()) + ".",
          "write a JSON object like {\"suppressions\": [...]}.");
    }
    root.rejectUnknownKeys(List.of("$schema", "suppressions"));
    Cursor list = root.required("suppressions");
    if (!list.isArray()) {
      throw list.error("\"suppressions\" must be an array but this is " + Cursor.describe(list.node()) + ".",
          "put the entries in an array under the key \"suppressions\".");
    }
    List<Suppression> out = new ArrayList<>();
    for (Cursor e : list.elements()) {
      if (!e.isObject()) {
        throw e.error("an entry must be an object but this is " + Cursor.describe(e.node()) + ".",
            "write {\"id\": ..., \"scope\": ..., \"reason\": ..., \"expires\": ...}.");
      }
      e.rejectUnknownKeys(KEYS);
      Cursor idAt = text(e, "id", "the rule id, e.g. \"EASNET-014\"");
      String id = idAt.text();
      if (!RULE_ID.matcher(id).matches()) {
        throw idAt.error("\"" + JsonTrees.abbreviate(id) + "\" is not a rule id.", "use an id like \"EASNET-014\".");
      }
      Cursor scopeAt = text(e, "scope", "\"*\", \"service:NAME\" or \"resource:ID\"");
      String scope = scopeAt.text();
      try {
        Suppression.checkScope(scope);
      } catch (IllegalArgumentException ex) {
        throw scopeAt.error(ex.getMessage(), "use \"*\", \"service:NAME\" or \"resource:ID\".");
      }
      Cursor reasonAt = text(e, "reason", "why the finding is accepted");
      String reason = reasonAt.text();
      if (reason.isBlank()) {
        throw reasonAt.error("the reason is blank.", "say why the finding is accepted.");
      }
      Cursor expiresAt = text(e, "expires", "an ISO date such as \"2027-01-31\"");
      String expiresText = expiresAt.text();
      LocalDate expires;
      try {
        expires = LocalDate.parse(expiresText);
      } catch (DateTimeParseException ex) {
        throw InvalidInputException.of(source, expiresAt.pointer(), "\"" + JsonTrees.abbreviate(expiresText) + "\" is not a date.",
            "write the expiry as an ISO date such as \"2027-01-31\".", ex);
      }
      out.add(Suppression.parsed(id, scope, reason, expires, e.pointer()));
    }
    return new Suppressions(out, source);
  }

  /** The string member {@code key}: missing, null and non-string values are errors saying which. */
  private static Cursor text(Cursor e, String key, String what) {
    Cursor v = e.get(key);
    if (v.node().isMissingNode()) {
      throw v.error("\"" + key + "\" is missing.", "add \"" + key + "\": " + what + ".");
    }
    if (v.node().isNull()) {
      throw v.error("\"" + key + "\" is null.", "write " + what + " as a JSON string.");
    }
    if (!v.node().isTextual()) {
      throw v.error("\"" + key + "\" must be a string but this is " + Cursor.describe(v.node()) + ".",
          "write " + what + " as a JSON string.");
    }
    return v;
  }

  /** The entries, in file order. */
  public List<Suppression> entries() {
    return entries;
  }

  /** The file the entries came from, when known. */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  /**
   * Removes the findings covered by a suppression that is not expired on {@code today}, adds an {@code EASNET-900} warning per expired entry and an {@code EASNET-901} note per entry that
   * covered nothing, and returns the result sorted by {@link Finding#ORDER}.
   */
  public List<Finding> apply(List<Finding> findings, LocalDate today) {
    Objects.requireNonNull(today, "today");
    List<Finding> kept = new ArrayList<>();
    boolean[] used = new boolean[entries.size()];
    for (Finding f : findings) {
      boolean suppressed = false;
      for (int i = 0; i < entries.size(); i++) {
        Suppression s = entries.get(i);
        if (s.isExpiredOn(today)) {
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
      if (s.isExpiredOn(today)) {
        kept.add(SuppressionRules.expired(s, source(), s.pointerIfKnown(), today));
      } else if (!used[i]) {
        kept.add(SuppressionRules.unused(s, source(), s.pointerIfKnown(), scopesOf(s.ruleId(), findings)));
      }
    }
    kept.sort(Finding.ORDER);
    return List.copyOf(kept);
  }

  /**
   * The scopes the findings of {@code ruleId} carry ({@code service:NAME} when a finding is about one service,
   * {@code resource:ID} of its main resource), at most {@value #MAX_SCOPES_SHOWN}: what an entry that matched none
   * of them should have said.
   */
  static List<String> scopesOf(String ruleId, List<Finding> findings) {
    TreeSet<String> scopes = new TreeSet<>();
    for (Finding f : findings) {
      if (f.ruleId().equals(ruleId)) {
        f.serviceName().ifPresent(n -> scopes.add("service:" + n));
        f.resourceId().ifPresent(r -> scopes.add("resource:" + r));
        if (f.serviceName().isEmpty() && f.resourceId().isEmpty()) {
          scopes.add(Suppression.ANY_SCOPE);
        }
      }
    }
    return scopes.stream().limit(MAX_SCOPES_SHOWN).toList();
  }

  private static final int MAX_SCOPES_SHOWN = 5;

  /**
   * Refuses an entry whose rule id is not one of {@code known} (the catalogue's): it would silently suppress nothing.
   *
   * @throws InvalidInputException naming the file, the entry's {@code /id}, the known ids and the nearest one
   */
  public void requireKnownRules(Collection<String> known) {
    for (Suppression s : entries) {
      if (known.contains(s.ruleId())) {
        continue;
      }
      String ids = ranges(known) + " (eas-net rules lists them).";
      throw InvalidInputException.of(source, s.pointer().isEmpty() ? "" : s.pointer() + "/id",
          "\"" + s.ruleId() + "\" is not a rule of the catalogue, so the entry would suppress nothing.",
          Suggestions.nearestId(s.ruleId(), known).map(n -> "did you mean \"" + n + "\"? The known rule ids are "
              + ids).orElse("use one of the known rule ids " + ids));
    }
  }

  /** {@code EASNET-001…EASNET-047, EASNET-900…EASNET-901}: the ids, consecutive numbers as one range. */
  static String ranges(Collection<String> ids) {
    List<String> sorted = new ArrayList<>(new TreeSet<>(ids));
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < sorted.size()) {
      int j = i;
      while (j + 1 < sorted.size() && number(sorted.get(j + 1)) == number(sorted.get(j)) + 1
          && number(sorted.get(j)) >= 0) {
        j++;
      }
      out.add(j == i ? sorted.get(i) : sorted.get(i) + "\u2026" + sorted.get(j));
      i = j + 1;
    }
    return String.join(", ", out);
  }

  private static int number(String id) {
    return RULE_ID.matcher(id).matches() ? Integer.parseInt(id.substring("EASNET-".length())) : -1;
  }

  /**
   * The findings that {@link #apply(List, LocalDate)} removes, in the order given, each with the first entry (not
   * expired on {@code today}) that covers it.
   */
  public List<SuppressedFinding> suppressed(List<Finding> findings, LocalDate today) {
    Objects.requireNonNull(today, "today");
    List<SuppressedFinding> out = new ArrayList<>();
    for (Finding f : findings) {
      entries.stream().filter(s -> !s.isExpiredOn(today) && s.matches(f)).findFirst()
          .ifPresent(s -> out.add(new SuppressedFinding(f, s)));
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return "Suppressions" + entries;
  }

  /**
   * One entry of a suppressions file: the rule id it silences, the scope ({@code *}, {@code service:NAME} or
   * {@code resource:ID}), why, and until when. Read with {@link Suppressions#parse(String)}.
   */
  public static final class Suppression {
    /** The scope that matches every finding of the rule. */
    public static final String ANY_SCOPE = "*";

    private final String ruleId;
    private final String scope;
    private final String reason;
    private final LocalDate expires;
    private final String pointer;

    private Suppression(String ruleId, String scope, String reason, LocalDate expires, String pointer) {
      this.ruleId = Objects.requireNonNull(ruleId, "ruleId");
      this.scope = Objects.requireNonNull(scope, "scope");
      this.reason = Objects.requireNonNull(reason, "reason");
      this.expires = Objects.requireNonNull(expires, "expires");
      this.pointer = Objects.requireNonNull(pointer, "pointer");
    }

    /**
     * A suppression built in code.
     *
     * @throws IllegalArgumentException when the scope is not {@code *}, {@code service:NAME} or {@code resource:ID},
     *     or the reason is blank
     */
    public static Suppression of(String ruleId, String scope, String reason, LocalDate expires) {
      checkScope(scope);
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("a suppression needs a reason");
      }
      return new Suppression(ruleId, scope, reason, expires, "");
    }

    static Suppression parsed(String ruleId, String scope, String reason, LocalDate expires, String pointer) {
      return new Suppression(ruleId, scope, reason, expires, pointer);
    }

    static void checkScope(String scope) {
      if (scope == null
          || !(scope.equals(ANY_SCOPE)
              || (scope.startsWith("service:") && scope.length() > "service:".length())
              || (scope.startsWith("resource:") && scope.length() > "resource:".length()))) {
        throw new IllegalArgumentException(
            "scope \"" + scope + "\" must be \"*\", \"service:NAME\" or \"resource:ID\"");
      }
    }

    /** The rule id, {@code EASNET-NNN}. */
    public String ruleId() {
      return ruleId;
    }

    /** {@code *}, {@code service:NAME} or {@code resource:ID}. */
    public String scope() {
      return scope;
    }

    /** Why the finding is accepted. */
    public String reason() {
      return reason;
    }

    /** The last day the suppression applies; from the day after, it is expired. */
    public LocalDate expires() {
      return expires;
    }

    /** The JSON pointer of the entry in its file ({@code /suppressions/0}); empty for one built in code. */
    public String pointer() {
      return pointer;
    }

    /** True when {@code today} is after {@link #expires()}. */
    public boolean isExpiredOn(LocalDate today) {
      return today.isAfter(expires);
    }

    /** True when this suppression covers {@code finding} (rule id and scope match), expiry aside. */
    public boolean matches(Finding finding) {
      if (!finding.ruleId().equals(ruleId)) {
        return false;
      }
      if (scope.equals(ANY_SCOPE)) {
        return true;
      }
      if (scope.startsWith("service:")) {
        return finding.serviceName().map(n -> n.equals(scope.substring("service:".length()))).orElse(false);
      }
      return finding.resourceIds().contains(scope.substring("resource:".length()));
    }

    /** The pointer when known. */
    Optional<String> pointerIfKnown() {
      return pointer.isEmpty() ? Optional.empty() : Optional.of(pointer);
    }

    @Override
    public String toString() {
      return ruleId + " for " + scope + " until " + expires + " (" + reason + ")";
    }
  }

  /**
   * A finding a suppression covered: reports keep it (SARIF lists it with a suppression entry, so code
   * scanning shows it as dismissed rather than fixed), but it never blocks.
   *
   * @param finding the finding as the rule reported it
   * @param suppression the first entry of the suppressions file that covers it
   */
  public record SuppressedFinding(Finding finding, Suppression suppression) {
    /** Both are required. */
    public SuppressedFinding {
      Objects.requireNonNull(finding, "finding");
      Objects.requireNonNull(suppression, "suppression");
    }
  }
}
