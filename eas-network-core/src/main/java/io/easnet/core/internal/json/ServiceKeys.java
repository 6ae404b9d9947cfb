package io.easnet.core.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The keys EAS documents for a service JSON, per section, and the near misses of a document: a key that is not one
 * of them but is within "did you mean" distance of one ({@link Cursor#unknownKeys}). EAS accepts keys this list
 * does not know, so an unknown key far from every known one is not reported; the reader never rejects either. The
 * lists and their sources are in docs/semantics.md ("Keys of the service JSON").
 */
public final class ServiceKeys {
  /** Top-level keys: the sections and the legacy processor-mode keys. */
  static final List<String> TOP = List.of("metadata", "cloud", "containers", "dockerAuth", "storage", "networking",
      "autoscaler", "runtime", "features", "options", "meta", "name", "model_path", "model_entry", "model_config",
      "processor", "processor_entry", "processor_path", "processor_type", "token", "labels");
  static final List<String> METADATA = List.of("name", "instance", "workspace_id", "cpu", "memory", "gpu", "resource",
      "enable_webservice", "disk", "shm_size", "rdma", "enable_grpc", "rolling_strategy", "type", "group");
  static final List<String> ROLLING = List.of("max_surge", "max_unavailable");
  static final List<String> CLOUD = List.of("computing", "networking");
  static final List<String> CLOUD_NETWORKING = List.of("vpc_id", "vswitch_id", "security_group_id", "default_route",
      "destination_cidrs", "vswitch_owner");
  static final List<String> COMPUTING = List.of("instances", "instance_type");
  static final List<String> NETWORKING = List.of("gateway", "disable_internet_endpoint", "gateway_policy", "nlb",
      "path", "port_exposure", "traffic_state", "enable_https", "enable_http2", "enable_grpc", "dns",
      "restriction_model", "restriction_rules", "nacos", "use_host_network");
  static final List<String> AUTOSCALER = List.of("min", "max", "scaleStrategies");
  static final List<String> CONTAINER = List.of("image", "script", "port", "command", "env");
  static final List<String> STORAGE = List.of("mount_path", "oss", "nfs", "dataset", "properties");

  private ServiceKeys() {}

  /**
   * The near-miss keys of a service JSON tree, section by section in document order: each with its pointer and
   * the documented key it is nearest to. Sections that are not objects (or arrays of objects) are skipped: the
   * typed reader reports their types.
   */
  public static List<Cursor.UnknownKey> nearMisses(JsonNode root, String source) {
    List<Cursor.UnknownKey> out = new ArrayList<>();
    Cursor r = Cursor.root(root, source);
    add(out, r, TOP);
    Cursor meta = member(r, "metadata");
    add(out, meta, METADATA);
    add(out, member(meta, "rolling_strategy"), ROLLING);
    Cursor cloud = member(r, "cloud");
    add(out, cloud, CLOUD);
    add(out, member(cloud, "networking"), CLOUD_NETWORKING);
    add(out, member(cloud, "computing"), COMPUTING);
    add(out, member(r, "networking"), NETWORKING);
    add(out, member(r, "autoscaler"), AUTOSCALER);
    for (String array : List.of("containers", "storage")) {
      Cursor a = member(r, array);
      if (a != null && a.isArray()) {
        for (Cursor e : a.elements()) {
          add(out, e, array.equals("containers") ? CONTAINER : STORAGE);
        }
      }
    }
    return out;
  }

  /** The member {@code key} of an object; {@code null} when {@code c} is no object or has no such member. */
  private static Cursor member(Cursor c, String key) {
    return c == null || !c.isObject() || !c.node().has(key) ? null : c.get(key);
  }

  private static void add(List<Cursor.UnknownKey> out, Cursor c, List<String> known) {
    if (c == null) {
      return;
    }
    for (Cursor.UnknownKey u : c.unknownKeys(known, Map.of())) {
      if (u.nearest().isPresent()) {
        out.add(u);
      }
    }
  }
}
