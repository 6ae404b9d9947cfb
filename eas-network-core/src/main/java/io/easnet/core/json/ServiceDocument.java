package io.easnet.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.InvalidInputException;
import io.easnet.core.internal.json.Cursor;
import io.easnet.core.internal.json.JsonTrees;
import io.easnet.core.internal.json.ServiceSpecMapper;
import io.easnet.core.internal.json.ServiceKeys;
import io.easnet.core.internal.json.ServiceSpecWriter;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ServiceSpec;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An EAS service JSON exactly as {@code eascmd create} takes it, read, edited and written back losslessly.
 *
 * <p>The parsed JSON tree is the source of truth: unknown top-level fields, nested sections this library does not
 * model, arrays, numbers as written ({@code 1.50}, {@code 1e5}, big integers), unicode and key order all survive
 * {@link #toJson()}; only whitespace changes. {@link #spec()} is the typed view of the parts that matter to the
 * network, derived (and validated) when the document is created.
 *
 * <pre>{@code
 * ServiceDocument doc = ServiceDocument.read(Path.of("service.json"));
 * doc.withNetworking(ServiceNetworking.of("vpc-…", "vsw-…", "sg-…")).write(Path.of("service.json"));
 * }</pre>
 *
 * <p>Immutable and thread-safe. Two documents are equal when their JSON text ({@link #toJson()}) is equal; the
 * source name does not take part.
 */
public final class ServiceDocument {
  /**
   * The largest service JSON file read: 4 MiB. A service JSON is a few kilobytes; the bound keeps a wrong file far
   * below what a default heap holds (a 50 MB one needed more than 512 MiB of heap).
   */
  public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

  private final ObjectNode tree;
  private final String source;
  private final ServiceSpec spec;
  private final SourcePositions positions;
  /** Written when first asked for: reading a snapshot of many services never serializes them. */
  private volatile String json;

  /** {@code tree} is owned by the document from now on: nobody else holds or changes it. */
  private ServiceDocument(ObjectNode tree, String source, ServiceSpec spec) {
    this(tree, source, spec, SourcePositions.none());
  }

  private ServiceDocument(ObjectNode tree, String source, ServiceSpec spec, SourcePositions positions) {
    this.tree = tree;
    this.source = source;
    this.spec = spec;
    this.positions = positions;
  }

  /**
   * Parses a service JSON.
   *
   * @param json the text
   * @param sourceName the file name used in error messages, or {@code null}
   * @throws InvalidInputException for malformed JSON, duplicate keys, wrong types, invalid ids, a missing
   *     {@code metadata} section or a missing name; the message names the JSON pointer and the fix
   */
  public static ServiceDocument parse(String json, String sourceName) {
    Map<String, Long> at = new HashMap<>();
    JsonNode root = JsonTrees.parse(json, sourceName, at);
    ServiceDocument doc = fromTree(root, "", sourceName);
    return new ServiceDocument(doc.tree, sourceName, doc.spec, SourcePositions.of(at));
  }

  /**
   * Reads a service JSON file (UTF-8, without a byte-order mark, at most {@link #MAX_FILE_BYTES}).
   *
   * @throws InvalidInputException when the file is missing or unreadable, or as {@link #parse(String, String)}
   */
  public static ServiceDocument read(Path path) {
    return parse(readText(path), path.toString());
  }

  /** The text of a service JSON file, at most {@link #MAX_FILE_BYTES}; bad input naming the file otherwise. */
  public static String readText(Path path) {
    return JsonTrees.readFile(path, MAX_FILE_BYTES, "check this is the service JSON (eascmd create takes it); a"
        + " service JSON is a few kilobytes.");
  }

  /**
   * A new service JSON rendering {@code spec} in the layout {@code eascmd} takes: {@code metadata} (name, instance,
   * workspace_id, resource, cpu, memory, gpu, rolling_strategy), {@code cloud} (computing.instances,
   * networking), {@code containers}, {@code autoscaler} and {@code storage}. Unset values are left out, so
   * {@code from(spec).spec()} equals {@code spec}.
   */
  public static ServiceDocument from(ServiceSpec spec) {
    if (spec == null) {
      throw new IllegalArgumentException("spec must not be null");
    }
    return fromTree(ServiceSpecWriter.write(spec), "", null);
  }

  /**
   * A document from a freshly parsed tree that sits at {@code pointer} inside a larger file (a snapshot's services).
   * The document takes the tree over without a copy: the caller must not keep or change it.
   */
  static ServiceDocument fromTree(JsonNode node, String pointer, String sourceName) {
    ServiceSpec spec = ServiceSpecMapper.map(Cursor.at(node, pointer, sourceName));
    return new ServiceDocument((ObjectNode) node, sourceName, spec);
  }

  /** The typed view: name, instances, resources, networking, containers, autoscaler, rolling strategy, storage. */
  public ServiceSpec spec() {
    return spec;
  }

  /**
   * Where each JSON pointer of the text this document was parsed from starts (line and column); none for a
   * document built in code or edited ({@code with…} methods).
   */
  public SourcePositions positions() {
    return positions;
  }

  /** A key that is not one EAS documents but is one edit or two away from one: a likely typo. */
  public record NearMiss(String pointer, String key, String nearest) {}

  /**
   * The keys of this document that are not among the keys EAS documents for their section but are near one
   * ({@code cloud.netwrking}, {@code metadata.instances}, {@code vswitchid}), in document order. EAS accepts keys
   * it does not document, so far-off keys are not listed and none is ever rejected (docs/semantics.md, "Keys of the
   * service JSON").
   */
  public java.util.List<NearMiss> nearMisses() {
    return ServiceKeys.nearMisses(tree, source).stream()
        .map(u -> new NearMiss(u.pointer(), u.key(), u.nearest().orElseThrow())).toList();
  }

  /** The file or other source the document was read from, when known. */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  /** The document as JSON: two-space indent, key order as read, a final newline. Stable for equal documents. */
  public String toJson() {
    String j = json;
    if (j == null) {
      j = JsonTrees.write(tree);
      json = j;
    }
    return j;
  }

  /**
   * A copy of the JSON tree, for this package's tests. Not public: Jackson types stay out of the API; callers who
   * need fields the typed view does not model parse the JSON text with the library of their choice.
   */
  JsonNode tree() {
    return tree.deepCopy();
  }

  /** The tree itself, for writers that only serialize it; never modify it. */
  ObjectNode sharedTree() {
    return tree;
  }

  /** Writes {@link #toJson()} to {@code path} as UTF-8, replacing the file. */
  public void write(Path path) {
    JsonTrees.writeFile(path, toJson());
  }

  /**
   * A copy with {@code cloud.networking} set to {@code networking}: {@code cloud} and {@code cloud.networking} are
   * created when absent; {@code vpc_id}, {@code vswitch_id} and {@code security_group_id} are replaced in place (a
   * key the given block leaves unset is removed); {@code default_route} and {@code destination_cidrs} are replaced
   * when the given block sets them and kept when it does not; every other key of the block, and of the document,
   * stays where it was.
   */
  public ServiceDocument withNetworking(ServiceNetworking networking) {
    if (networking == null) {
      throw new IllegalArgumentException("networking must not be null; use withoutNetworking() to remove it");
    }
    ObjectNode copy = tree.deepCopy();
    ObjectNode cloud = objectMember(copy, "cloud", "metadata");
    ObjectNode net = objectMember(cloud, "networking", null);
    set(net, "vpc_id", networking.vpcId().map(Object::toString));
    set(net, "vswitch_id", networking.vSwitchId().map(Object::toString));
    set(net, "security_group_id", networking.securityGroupId().map(Object::toString));
    // default_route and destination_cidrs are written when the given block sets them and kept otherwise: a block
    // built from the three ids (a plan's SetNetworking) must not drop the routes a user wrote.
    networking.defaultRoute().ifPresent(v -> net.put("default_route", v));
    if (!networking.destinationCidrs().isEmpty()) {
      net.put("destination_cidrs", ServiceSpecWriter.destinationCidrs(networking));
    }
    return derived(copy);
  }

  /** A copy without {@code cloud.networking}; {@code cloud} itself is removed when nothing else is left in it. */
  public ServiceDocument withoutNetworking() {
    ObjectNode copy = tree.deepCopy();
    JsonNode cloud = copy.get("cloud");
    if (cloud instanceof ObjectNode c) {
      c.remove("networking");
      if (c.isEmpty()) {
        copy.remove("cloud");
      }
    }
    return derived(copy);
  }

  private ServiceDocument derived(ObjectNode copy) {
    return new ServiceDocument(copy, source, ServiceSpecMapper.map(Cursor.root(copy, source)));
  }

  private static void set(ObjectNode net, String key, Optional<String> value) {
    if (value.isPresent()) {
      net.put(key, value.get());
    } else {
      net.remove(key);
    }
  }

  /** The object member {@code key} of {@code parent}, created (after {@code after}, when given) if absent or null. */
  private static ObjectNode objectMember(ObjectNode parent, String key, String after) {
    JsonNode existing = parent.get(key);
    if (existing instanceof ObjectNode o) {
      return o;
    }
    ObjectNode created = JsonTrees.nodes().objectNode();
    if (existing != null || after == null || !parent.has(after)) {
      parent.set(key, created);
      return created;
    }
    ObjectNode reordered = JsonTrees.nodes().objectNode();
    for (Map.Entry<String, JsonNode> e : parent.properties()) {
      reordered.set(e.getKey(), e.getValue());
      if (e.getKey().equals(after)) {
        reordered.set(key, created);
      }
    }
    parent.removeAll();
    parent.setAll(reordered);
    return created;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ServiceDocument d && d.toJson().equals(toJson());
  }

  @Override
  public int hashCode() {
    return toJson().hashCode();
  }

  /** The service name and source; the JSON itself is in {@link #toJson()}. */
  @Override
  public String toString() {
    return "ServiceDocument{name=" + spec.name() + (source == null ? "" : ", source=" + source) + "}";
  }
}
