package io.easnet.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.InvalidInputException;
import io.easnet.core.internal.JsonPointers;
import io.easnet.core.internal.json.JsonTrees;
import io.easnet.core.model.ResourceId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads {@code terraform show -json} output into snapshot JSON edits (see {@link TerraformPlan} and
 * {@code docs/terraform.md}): the work happens on JSON trees in the snapshot layout, and the result is read back
 * through {@link SnapshotJson}, so the plan and a snapshot file are one format to the engine.
 */
final class TerraformPlanReader {
  /** The prefix of every stand-in id's body: the id is known after apply. */
  static final String STAND_IN = ResourceId.KNOWN_AFTER_APPLY;
  /** At most this many resource changes are read; a plan is a few hundred. */
  static final int MAX_RESOURCES = 100_000;

  private static final JsonNodeFactory NODES = JsonTrees.nodes();

  private final String source;
  /** Every managed alicloud change, by its address (with the module prefix, without an instance key). */
  private final Map<String, Change> changes = new LinkedHashMap<>();
  /** Configuration modules by prefix ({@code ""}, {@code "module.net."}). */
  private final Map<String, JsonNode> modules = new LinkedHashMap<>();
  /** Module calls by the child's prefix. */
  private final Map<String, JsonNode> calls = new LinkedHashMap<>();
  private final List<String> unknown = new ArrayList<>();

  /** One entry of {@code resource_changes}. */
  static final class Change {
    final String address;
    final String configAddress;
    final String modulePrefix;
    final String type;
    final String pointer;
    final List<String> actions = new ArrayList<>();
    final JsonNode before;
    final JsonNode after;
    final JsonNode afterUnknown;

    Change(String address, String modulePrefix, String type, String pointer, JsonNode change) {
      this.address = address;
      this.configAddress = stripKeys(address);
      this.modulePrefix = modulePrefix;
      this.type = type;
      this.pointer = pointer;
      change.path("actions").forEach(a -> actions.add(a.asText()));
      this.before = change.path("before");
      this.after = change.path("after");
      this.afterUnknown = change.path("after_unknown");
    }

    boolean deletes() {
      return actions.contains("delete");
    }

    boolean creates() {
      return actions.contains("create");
    }

    boolean updates() {
      return actions.contains("update");
    }

    boolean isNoOp() {
      return !deletes() && !creates() && !updates();
    }
  }

  TerraformPlanReader(JsonNode root, String source) {
    this.source = source;
    if (!root.isObject()) {
      throw error("", "the plan is not a JSON object", "pass the output of terraform show -json PLANFILE.");
    }
    JsonNode version = root.path("format_version");
    if (!version.isTextual()) {
      throw error("/format_version", "the plan has no format_version, so it is not terraform show -json output",
          "write it with terraform show -json PLANFILE > plan.json (terraform plan -out=PLANFILE first).");
    }
    if (!version.asText().startsWith("1.")) {
      throw error("/format_version", "format_version " + version.asText() + " is not supported; this reader takes"
          + " the 1.x plan format", "write the plan with Terraform 1.x or OpenTofu (format_version 1.x).");
    }
    indexModules(root.path("configuration").path("root_module"), "");
    JsonNode rc = root.path("resource_changes");
    if (!rc.isMissingNode() && !rc.isArray()) {
      throw error("/resource_changes", "resource_changes is not an array", "pass terraform show -json output.");
    }
    if (rc.size() > MAX_RESOURCES) {
      throw error("/resource_changes", "the plan has " + rc.size() + " resource changes, more than "
          + MAX_RESOURCES, "split the configuration, or plan with -target for the network resources.");
    }
    for (int i = 0; i < rc.size(); i++) {
      JsonNode r = rc.get(i);
      String pointer = "/resource_changes/" + i;
      String type = r.path("type").asText("");
      if (!"managed".equals(r.path("mode").asText("managed")) || !MAPPERS.containsKey(type)) {
        continue;
      }
      String address = r.path("address").asText("");
      if (address.isEmpty() || !r.path("change").isObject()) {
        throw error(pointer, "a resource change has no address or no change object",
            "pass terraform show -json output unchanged.");
      }
      String module = r.path("module_address").asText("");
      Change c = new Change(address, module.isEmpty() ? "" : stripKeys(module) + ".", type, pointer,
          r.get("change"));
      changes.putIfAbsent(c.configAddress, c);
      if (changes.get(c.configAddress) != c) {
        // count / for_each instances: each is its own resource, keyed by its full address
        changes.put(address, c);
      }
    }
    for (Change c : changes.values()) {
      if (!c.deletes() || c.creates()) {
        MAPPERS.get(c.type).describeUnknown(this, c);
      }
    }
  }

  private void indexModules(JsonNode module, String prefix) {
    if (!module.isObject() || modules.size() > 1_000) {
      return;
    }
    modules.put(prefix, module);
    for (Map.Entry<String, JsonNode> call : module.path("module_calls").properties()) {
      String child = prefix + "module." + call.getKey() + ".";
      calls.put(child, call.getValue());
      indexModules(call.getValue().path("module"), child);
    }
  }

  List<String> unknownFacts() {
    return List.copyOf(unknown);
  }

  // ---------------------------------------------------------------------------------------------------- values

  /** The planned value of {@code attr}, when known and not null. */
  static Optional<JsonNode> known(Change c, String attr) {
    JsonNode v = c.after.path(attr);
    if (v.isMissingNode() || v.isNull()) {
      return Optional.empty();
    }
    return Optional.of(v);
  }

  static boolean isUnknown(Change c, String attr) {
    JsonNode u = c.afterUnknown.path(attr);
    return u.isBoolean() && u.asBoolean();
  }

  /** The planned text of {@code attr}, when known. */
  static Optional<String> text(Change c, String attr) {
    return known(c, attr).filter(JsonNode::isValueNode).map(JsonNode::asText).filter(s -> !s.isEmpty());
  }

  /** The first of {@code attrs} with a known text (old and new attribute names of one argument). */
  static Optional<String> text(Change c, String... attrs) {
    for (String a : attrs) {
      Optional<String> t = text(c, a);
      if (t.isPresent()) {
        return t;
      }
    }
    return Optional.empty();
  }

  /** The configuration expression of {@code attr} of {@code c}, or a missing node. */
  JsonNode expression(Change c, String attr) {
    JsonNode module = modules.getOrDefault(c.modulePrefix, NODES.missingNode());
    String local = c.configAddress.substring(c.modulePrefix.length());
    for (JsonNode r : module.path("resources")) {
      if (local.equals(r.path("address").asText())) {
        return r.path("expressions").path(attr);
      }
    }
    return NODES.missingNode();
  }

  /** A resolved reference: the change it names and the attribute it reads ({@code id} by default). */
  record Ref(Change target, String attribute) {}

  /** The resources the expression of {@code attr} references, followed through module variables and outputs. */
  List<Ref> references(Change c, String attr) {
    List<Ref> out = new ArrayList<>();
    collect(expression(c, attr), c.modulePrefix, out, 0);
    return out;
  }

  private void collect(JsonNode expression, String prefix, List<Ref> out, int depth) {
    if (depth > 16 || expression.isMissingNode()) {
      return;
    }
    List<JsonNode> exprs = new ArrayList<>();
    exprs.add(expression);
    for (int i = 0; i < exprs.size() && i < 10_000; i++) {
      JsonNode e = exprs.get(i);
      if (e.isObject() && !e.has("references") && !e.has("constant_value")) {
        e.forEach(exprs::add); // nested blocks and objects
      } else if (e.isArray()) {
        e.forEach(exprs::add);
      }
      for (JsonNode r : e.path("references")) {
        resolve(r.asText(), prefix, out, depth);
      }
    }
  }

  private void resolve(String ref, String prefix, List<Ref> out, int depth) {
    String[] parts = ref.split("\\.");
    if (parts.length >= 2 && "var".equals(parts[0])) {
      JsonNode call = calls.get(prefix);
      if (call != null) {
        String parent = parentPrefix(prefix);
        collect(call.path("expressions").path(stripKey(parts[1])), parent, out, depth + 1);
      }
      return;
    }
    if (parts.length >= 3 && "module".equals(parts[0])) {
      String child = prefix + "module." + stripKey(parts[1]) + ".";
      JsonNode module = modules.get(child);
      if (module != null) {
        collect(module.path("outputs").path(stripKey(parts[2])).path("expression"), child, out, depth + 1);
      }
      return;
    }
    if (parts.length >= 2 && parts[0].startsWith("alicloud_")) {
      Change target = changes.get(prefix + parts[0] + "." + stripKey(parts[1]));
      if (target != null) {
        String attribute = parts.length >= 3 ? stripKey(parts[2]) : "id";
        // "alicloud_vswitch.eas.id" and "alicloud_vswitch.eas" both appear: one reference
        if (out.stream().noneMatch(r -> r.target == target && r.attribute.equals(attribute))) {
          out.add(new Ref(target, attribute));
        }
      }
    }
  }

  private static String parentPrefix(String prefix) {
    String p = prefix.substring(0, prefix.length() - 1);
    int i = p.lastIndexOf("module.");
    return i <= 0 ? "" : p.substring(0, i);
  }

  private static String stripKey(String s) {
    int i = s.indexOf('[');
    return i < 0 ? s : s.substring(0, i);
  }

  /** {@code module.net["a"].alicloud_vswitch.eas[0]} without the instance keys. */
  static String stripKeys(String address) {
    StringBuilder sb = new StringBuilder();
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < address.length(); i++) {
      char ch = address.charAt(i);
      if (depth > 0 && ch == '"') {
        quoted = !quoted;
      } else if (!quoted && ch == '[') {
        depth++;
      } else if (!quoted && ch == ']') {
        depth--;
      } else if (depth == 0) {
        sb.append(ch);
      }
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------------------------------------------- ids

  /** The id prefix of the stand-in for each type's {@code id}. */
  static String standIn(String prefix, Change c) {
    String body = STAND_IN + c.address.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-+|-+$", "");
    if (body.length() > 63) {
      body = body.substring(0, 50).replaceAll("-+$", "") + "-" + hash(c.address);
    }
    return prefix + body;
  }

  private static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** The id of {@code c} after apply: planned, else (update, no-op) prior, else its stand-in. */
  String idOf(Change c) {
    Mapper m = MAPPERS.get(c.type);
    Optional<String> planned = text(c, m.idAttribute);
    if (planned.isPresent()) {
      return planned.get();
    }
    if (!c.creates() && c.before.path(m.idAttribute).isTextual()) {
      return c.before.path(m.idAttribute).asText();
    }
    return standIn(m.idPrefix, c);
  }

  /**
   * The value of an id-valued attribute: planned, else the id (or the named attribute) of the resource its
   * expression references, else empty (and the fact is recorded as unknown).
   */
  Optional<String> idAttr(Change c, String attr) {
    Optional<String> t = text(c, attr);
    if (t.isPresent() || !isUnknown(c, attr)) {
      return t;
    }
    for (Ref r : references(c, attr)) {
      Optional<String> v = attributeOf(r);
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }

  /** The value a reference reads: an id (known or stand-in), a NAT's SNAT table, a VPC's route table, or text. */
  Optional<String> attributeOf(Ref r) {
    Change t = r.target;
    Mapper m = MAPPERS.get(t.type);
    if (r.attribute.equals("id") || r.attribute.equals(m.idAttribute)) {
      return Optional.of(idOf(t));
    }
    Optional<String> planned = text(t, r.attribute);
    if (planned.isPresent()) {
      return planned;
    }
    if (t.type.equals("alicloud_nat_gateway") && r.attribute.equals("snat_table_ids")) {
      return Optional.of(standIn("stb-", t));
    }
    if (t.type.equals("alicloud_vpc") && (r.attribute.equals("route_table_id")
        || r.attribute.equals("system_route_table_id"))) {
      return Optional.of(standIn("vtb-", t));
    }
    return Optional.empty();
  }

  void noteUnknown(Change c, String fact) {
    String s = c.address + ": " + fact + " is known after apply";
    if (!unknown.contains(s)) {
      unknown.add(s);
    }
  }

  InvalidInputException error(String pointer, String problem, String fix) {
    return InvalidInputException.of(source, pointer, problem, fix);
  }

  /** Checks a value with the model's parser, failing with the plan pointer. */
  <T> String checked(Change c, String attr, String value, Function<String, T> parser, String fix) {
    try {
      Objects.requireNonNull(parser.apply(value), attr);
      return value;
    } catch (IllegalArgumentException e) {
      throw error(c.pointer + "/change/after/" + JsonPointers.escape(attr), c.address + "." + attr + " \""
          + value + "\" cannot be read: " + e.getMessage(), fix);
    }
  }

  // ---------------------------------------------------------------------------------------------------- overlay

  Snapshot overlay(Snapshot current) {
    ObjectNode estate = (ObjectNode) JsonTrees.parse(SnapshotJson.toJson(current), "the current snapshot");
    for (Change c : changes.values()) {
      if (c.deletes() || c.updates()) {
        MAPPERS.get(c.type).remove(this, c, estate);
      }
    }
    for (Change c : changes.values()) {
      // a no-op resource exists already: added idempotently, so a plan alone still holds it
      if (!c.deletes() || c.creates()) {
        MAPPERS.get(c.type).add(this, c, estate);
      }
    }
    try {
      return SnapshotJson.parse(JsonTrees.write(estate), source);
    } catch (InvalidInputException e) {
      throw error("", "the estate after the plan is not valid: " + e.getMessage(),
          "check the plan's values for the resource named there.");
    }
  }

  static ArrayNode array(ObjectNode estate, String key) {
    JsonNode a = estate.get(key);
    if (a instanceof ArrayNode arr) {
      return arr;
    }
    return estate.putArray(key);
  }

  /** The object of {@code key} with {@code id}, or empty. */
  static Optional<ObjectNode> byId(ObjectNode estate, String key, String id) {
    for (JsonNode n : array(estate, key)) {
      if (id.equals(n.path("id").asText()) && n instanceof ObjectNode o) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  static void removeById(ObjectNode estate, String key, String id) {
    removeWhere(array(estate, key), n -> id.equals(n.path("id").asText()));
  }

  /** Removes every element of {@code a} that {@code matches}, keeping the others in order. */
  static void removeWhere(ArrayNode a, Predicate<JsonNode> matches) {
    for (int i = a.size() - 1; i >= 0; i--) {
      if (matches.test(a.get(i))) {
        a.remove(i);
      }
    }
  }

  /** The existing object of {@code key} with the id (kept for what the plan does not say), or a new one. */
  static ObjectNode upsert(ObjectNode estate, String key, String id) {
    Optional<ObjectNode> existing = byId(estate, key, id);
    if (existing.isPresent()) {
      return existing.get();
    }
    ObjectNode o = array(estate, key).addObject();
    o.put("id", id);
    return o;
  }

  static ArrayNode textArray(List<String> values) {
    ArrayNode a = NODES.arrayNode();
    values.forEach(a::add);
    return a;
  }

  /** The strings of a set or list attribute (or a comma-separated string). */
  static List<String> strings(JsonNode v) {
    List<String> out = new ArrayList<>();
    if (v.isArray()) {
      v.forEach(e -> {
        if (e.isValueNode() && !e.asText().isBlank()) {
          out.add(e.asText().trim());
        }
      });
    } else if (v.isValueNode() && !v.isNull()) {
      for (String s : v.asText().split(",")) {
        if (!s.isBlank()) {
          out.add(s.trim());
        }
      }
    }
    return out;
  }

  static final String CIDR_FIX = "write a CIDR block such as 192.168.0.0/16.";
  static final String IP_FIX = "write an IPv4 address such as 47.96.120.33.";

  /** One alicloud resource type: its id, how it leaves the estate, how it enters it, what it leaves unknown. */
  abstract static class Mapper {
    final String idPrefix;
    final String idAttribute;

    Mapper(String idPrefix, String idAttribute) {
      this.idPrefix = idPrefix;
      this.idAttribute = idAttribute;
    }

    /** Removes what {@code c.before} was from the estate. */
    abstract void remove(TerraformPlanReader r, Change c, ObjectNode estate);

    /** Adds (or rewrites) what {@code c.after} will be. */
    abstract void add(TerraformPlanReader r, Change c, ObjectNode estate);

    /** Records the facts this change leaves unknown. */
    void describeUnknown(TerraformPlanReader r, Change c) {
      if (!text(c, idAttribute).isPresent() && c.creates()) {
        r.noteUnknown(c, "the id (stand-in " + r.idOf(c) + ")");
      }
    }
  }

  /** A resource kept as one object of a snapshot array, removed by its prior id. */
  abstract static class ObjectMapper extends Mapper {
    final String key;

    ObjectMapper(String idPrefix, String idAttribute, String key) {
      super(idPrefix, idAttribute);
      this.key = key;
    }

    @Override
    void remove(TerraformPlanReader r, Change c, ObjectNode estate) {
      JsonNode id = c.before.path(idAttribute);
      if (id.isTextual() && c.deletes()) {
        removeById(estate, key, id.asText());
      }
    }
  }

  static final Map<String, Mapper> MAPPERS = TerraformResources.mappers();
}
