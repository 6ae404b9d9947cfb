package io.easnet.core.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.InvalidInputException;
import io.easnet.core.change.Change;
import io.easnet.core.change.Change.ChangeKind;
import io.easnet.core.change.Change.Refs;
import io.easnet.core.internal.Sha256;
import io.easnet.core.internal.json.Cursor;
import io.easnet.core.internal.json.JsonTrees;
import io.easnet.core.spi.CloudPort.ClientToken;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An ordered set of changes that makes every intent reachable, as the {@link Planner} proved it in memory, and as
 * the {@link Applier} applies it: as written, never planned again. The JSON form ({@link #toJson()}, schema in the jar
 * at {@value #SCHEMA_RESOURCE}) is deterministic: the same estate and intents give byte-identical plans.
 *
 * <pre>{@code
 * plan.write(Path.of("plan.json"));
 * Plan again = Plan.read(Path.of("plan.json"));
 * }</pre>
 */
public final class Plan {
  /** The class-path resource of the JSON Schema (draft 2020-12). */
  public static final String SCHEMA_RESOURCE = "/io/easnet/core/plan/plan.schema.json";

  /**
   * The plan format version: 3 since a plan may record the estate it was made from ({@code "estate"}: region and the
   * facts its changes depend on, which apply compares); 2 since service file paths are relative to the plan file and
   * carry the file's SHA-256. Versions 1 and 2 are still read: they record no estate, so apply checks every change
   * against the estate but cannot say what drifted; a networking change of a version 1 plan is refused unless its
   * file is named at apply time.
   */
  public static final int VERSION = 3;

  private final int version;
  private final boolean allowBilled;
  private final List<PlannedChange> changes;
  private final String json;
  private final String digest;
  private final Path directory;
  private final EstateFacts estate;

  Plan(boolean allowBilled, List<PlannedChange> changes) {
    this(VERSION, allowBilled, changes, null, null);
  }

  private Plan(int version, boolean allowBilled, List<PlannedChange> changes, Path directory, EstateFacts estate) {
    this.version = version;
    this.allowBilled = allowBilled;
    this.changes = List.copyOf(changes);
    this.directory = directory;
    this.estate = estate;
    this.json = render();
    this.digest = sha256(json);
  }

  /** The format version the plan was written in. */
  int version() {
    return version;
  }

  /** The estate the plan was made from, when it records one (version 3 plans written by eas-net plan). */
  Optional<EstateFacts> estate() {
    return Optional.ofNullable(estate);
  }

  /**
   * True when the plan records the estate it was made from (region and the facts its changes depend on), so that
   * an apply refuses an estate whose facts changed; plans of versions 1 and 2, and plans made in code without
   * {@link Applier#recordEstate}, record none.
   */
  public boolean recordsEstate() {
    return estate != null;
  }

  /** This plan recording {@code facts} as the estate it was made from. */
  Plan withEstate(EstateFacts facts) {
    return new Plan(VERSION, allowBilled, changes, directory, Objects.requireNonNull(facts, "facts"));
  }

  /**
   * The file a networking change names, resolved against the plan file's directory (for a plan read from a file);
   * relative to the working directory for a plan made or parsed in memory.
   */
  Path serviceFile(String file) {
    Path p = Path.of(file);
    if (p.isAbsolute() || directory == null) {
      return p;
    }
    return directory.resolve(p).normalize();
  }

  /** The changes in apply order. */
  public List<PlannedChange> changes() {
    return changes;
  }

  /** The change with {@code id}. */
  public Optional<PlannedChange> change(String id) {
    return changes.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /**
   * The service JSON files the plan's networking changes write, resolved against the plan file's directory (for a
   * plan read from a file).
   */
  public List<Path> serviceFiles() {
    List<Path> out = new ArrayList<>();
    for (PlannedChange c : changes) {
      c.action().serviceFilePath().ifPresent(f -> out.add(serviceFile(f)));
    }
    return out;
  }

  /** True when nothing needs to change: every intent is reachable as the estate stands. */
  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** True when the plan was made with billed changes allowed. */
  public boolean allowsBilled() {
    return allowBilled;
  }

  /** True when some change is billed. */
  public boolean billed() {
    return changes.stream().anyMatch(PlannedChange::billed);
  }

  /** The billing notes of the billed changes, as {@code change-1: …}. */
  public List<String> billing() {
    List<String> out = new ArrayList<>();
    for (PlannedChange c : changes) {
      c.billing().ifPresent(b -> out.add(c.id() + ": " + b));
    }
    return out;
  }

  /** The SHA-256 of {@link #toJson()} in hex: what client tokens and resource names are derived from. */
  public String digest() {
    return digest;
  }

  /** The idempotency token of a change: the same plan and change id give the same token. */
  ClientToken token(PlannedChange change) {
    return ClientToken.of("easnet-" + sha256(digest + "/" + change.id()).substring(0, 40));
  }

  /** The name of a resource a change creates: {@code easnet-<digest prefix>-change-N}. */
  String resourceName(PlannedChange change) {
    return "easnet-" + digest.substring(0, 12) + "-" + change.id();
  }

  /** The plan as JSON, deterministic, ending with a newline. */
  public String toJson() {
    return json;
  }

  /**
   * Writes the plan to a file, atomically, with every service file path rewritten relative to the plan file's
   * directory (so that {@code apply} finds the same files from any working directory); {@link #read} resolves them
   * back. The written JSON is {@link #relativeTo(Path) relativeTo(file)}{@code .toJson()}.
   */
  public void write(Path file) {
    Objects.requireNonNull(file, "file");
    JsonTrees.writeFile(file, relativeTo(file).json);
  }

  /**
   * This plan as it is written to {@code planFile}: service file paths relative to its directory, with forward
   * slashes (an absolute path stays absolute when no relative path leads there, e.g. another drive).
   */
  public Plan relativeTo(Path planFile) {
    Path dir = Objects.requireNonNull(planFile, "planFile").toAbsolutePath().normalize().getParent();
    List<PlannedChange> out = new ArrayList<>();
    boolean changed = false;
    for (PlannedChange c : changes) {
      Optional<String> file = c.action().serviceFilePath();
      if (file.isPresent() && dir != null) {
        Path target = serviceFile(file.get()).toAbsolutePath().normalize();
        String rel;
        try {
          rel = dir.relativize(target).toString().replace(java.io.File.separatorChar, '/');
        } catch (IllegalArgumentException e) {
          rel = target.toString();
        }
        if (!rel.equals(file.get())) {
          changed = true;
          out.add(new PlannedChange(c.id(), c.action().withServiceFilePath(rel), c.dependsOn(), c.serves()));
          continue;
        }
      }
      out.add(c);
    }
    Path newDir = dir;
    if (!changed && java.util.Objects.equals(directory, newDir)) {
      return this;
    }
    return new Plan(version, allowBilled, out, newDir, estate);
  }

  private String render() {
    ObjectNode root = JsonTrees.nodes().objectNode();
    root.put("version", version);
    root.put("allowBilled", allowBilled);
    root.put("billed", billed());
    ArrayNode list = root.putArray("changes");
    for (PlannedChange c : changes) {
      ObjectNode o = list.addObject();
      o.put("id", c.id());
      o.put("kind", c.kind().jsonName());
      ArrayNode targets = o.putArray("targets");
      c.targets().forEach(targets::add);
      c.action().writeParameters(o.putObject("parameters"));
      ArrayNode deps = o.putArray("dependsOn");
      c.dependsOn().forEach(deps::add);
      o.put("billed", c.billed());
      c.billing().ifPresent(b -> o.put("billing", b));
      ArrayNode serves = o.putArray("serves");
      c.serves().forEach(serves::add);
      o.put("description", c.description());
    }
    if (estate != null) {
      estate.write(root.putObject("estate"));
    }
    return JsonTrees.write(root);
  }

  /**
   * Reads a plan file.
   *
   * @throws InvalidInputException naming the file, the JSON pointer and the fix
   */
  public static Plan read(Path file) {
    Objects.requireNonNull(file, "file");
    Plan p = parse(JsonTrees.readFile(file), file.toString());
    return new Plan(p.version, p.allowBilled, p.changes, file.toAbsolutePath().normalize().getParent(), p.estate);
  }

  /**
   * Reads a plan from JSON text; {@code source} names it in errors.
   *
   * @throws InvalidInputException naming the source, the JSON pointer and the fix: unknown keys, wrong types, an
   *     unknown kind, a duplicate id, a dependency or reference on a change that is not before it
   */
  public static Plan parse(String json, String source) {
    Objects.requireNonNull(json, "json");
    Cursor root = Cursor.root(JsonTrees.parse(json, source), source);
    if (!root.isObject()) {
      throw root.error("a plan must be a JSON object but this is " + Cursor.describe(root.node()) + ".",
          "write the plan as eas-net plan wrote it.");
    }
    root.rejectUnknownKeys(List.of("$schema", "version", "allowBilled", "billed", "changes", "estate"));
    int version = root.required("version").integer();
    if (version != VERSION && version != 2 && version != 1) {
      throw root.get("version").error("plan version " + version + " is not supported.", "write \"version\": "
          + VERSION + ", or plan again with this version.");
    }
    boolean allowBilled = root.required("allowBilled").bool();
    root.opt("billed").ifPresent(Cursor::bool);
    Cursor list = root.required("changes");
    if (!list.isArray()) {
      throw list.error("\"changes\" must be an array but this is " + Cursor.describe(list.node()) + ".",
          "write an array of changes.");
    }
    List<PlannedChange> changes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Map<String, Change> before = new HashMap<>();
    for (Cursor c : list.elements()) {
      if (!c.isObject()) {
        throw c.error("a change must be an object but this is " + Cursor.describe(c.node()) + ".",
            "write the change as eas-net plan wrote it.");
      }
      c.rejectUnknownKeys(List.of("id", "kind", "targets", "parameters", "dependsOn", "billed", "billing",
          "serves", "description"));
      Cursor idAt = c.required("id");
      String id = idAt.text();
      if (!id.matches("change-[1-9][0-9]*")) {
        throw idAt.error("\"" + id + "\" is not a change id.", "write change-1, change-2, ….");
      }
      if (!seen.add(id)) {
        throw idAt.error("the change id " + id + " is used twice.", "give every change its own id.");
      }
      Cursor kindAt = c.required("kind");
      String kindName = kindAt.text();
      ChangeKind kind = ChangeKind.ofJsonName(kindName).orElseThrow(() -> kindAt.error("\"" + kindName
          + "\" is not a kind of change.", "write one of " + String.join(", ", java.util.Arrays.stream(
              ChangeKind.values()).map(ChangeKind::jsonName).toList()) + "."));
      Cursor params = c.required("parameters");
      params.requireObject();
      Change action = kind.read(params.node(), params.pointer(), params.source());
      for (String v : action.values()) {
        Optional<String> ref = Refs.changeOf(v);
        if (ref.isEmpty()) {
          continue;
        }
        Change earlier = before.get(ref.get());
        if (earlier == null) {
          throw params.error("the value " + v + " refers to " + ref.get() + ", which is not an earlier change.",
              "refer only to changes listed before " + id + ".");
        }
        if (!earlier.outputs().contains(Refs.outputOf(v))) {
          throw params.error("the value " + v + " names an output " + ref.get() + " does not have ("
              + earlier.kind().jsonName() + " creates " + (earlier.outputs().isEmpty() ? "nothing"
                  : String.join(", ", earlier.outputs())) + ").", "refer to an output the change creates.");
        }
      }
      List<String> deps = new ArrayList<>();
      for (Cursor d : c.elements("dependsOn")) {
        String dep = d.text();
        if (!seen.contains(dep) || dep.equals(id)) {
          throw d.error("\"" + dep + "\" is not an earlier change.", "depend only on changes listed before " + id
              + ".");
        }
        deps.add(dep);
      }
      List<String> serves = new ArrayList<>();
      for (Cursor s : c.elements("serves")) {
        serves.add(s.text());
      }
      c.opt("billed").ifPresent(Cursor::bool);
      c.opt("billing").ifPresent(Cursor::text);
      c.opt("description").ifPresent(Cursor::text);
      for (Cursor t : c.elements("targets")) {
        t.text();
      }
      if (action.billed() && !allowBilled) {
        throw kindAt.error(id + " is billed (" + kindName + ") but the plan says \"allowBilled\": false.",
            "plan again with billed changes allowed, or remove " + id + " and the changes that depend on it.");
      }
      changes.add(new PlannedChange(id, action, deps, serves));
      before.put(id, action);
    }
    EstateFacts estate = null;
    Optional<Cursor> e = root.opt("estate");
    if (e.isPresent()) {
      if (version < 3) {
        throw e.get().error("\"estate\" is recorded by plan version 3, but this plan says version " + version + ".",
            "write \"version\": 3, or remove \"estate\".");
      }
      estate = EstateFacts.read(e.get());
    }
    return new Plan(version, allowBilled, changes, null, estate);
  }

  static String sha256(String text) {
    return Sha256.hex(text);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Plan p && p.json.equals(json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return "Plan{" + changes.size() + " changes, digest " + digest.substring(0, 12) + "}";
  }
}
