package io.easnet.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.EasApi.ServiceStatus;
import io.easnet.core.spi.EasApi.UpdateType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The EAS services: their configurations as JSON, where their instances take addresses, and their status
 * ({@code Creating} or {@code Updating} until the asynchronous delay passes, then {@code Running}).
 */
final class ServiceState {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final StateContext ctx;
  private final NetworkState network;
  private final SecurityGroupState groups;
  private final DLinkState dlinks;
  private final Map<String, ObjectNode> services = new LinkedHashMap<>();
  private final Map<String, Placement> placements = new LinkedHashMap<>();
  private final Map<String, Transition> transitions = new LinkedHashMap<>();

  /** Where a service's instances take their addresses. */
  private record Placement(VSwitchId vSwitch, int instances) {}

  /** A service on its way to {@code Running}. */
  private record Transition(String status, Instant until) {}

  ServiceState(StateContext ctx, NetworkState network, SecurityGroupState groups, DLinkState dlinks) {
    this.ctx = ctx;
    this.network = network;
    this.groups = groups;
    this.dlinks = dlinks;
  }

  void clear() {
    services.clear();
    placements.clear();
    transitions.clear();
  }

  void settle(Instant now) {
    transitions.values().removeIf(t -> !now.isBefore(t.until()));
  }

  int count() {
    return services.size();
  }

  List<String> names() {
    return List.copyOf(services.keySet());
  }

  /** Every service's configuration, in creation order. */
  Map<String, String> configurations() {
    Map<String, String> out = new LinkedHashMap<>();
    services.forEach((n, c) -> out.put(n, c.toString()));
    return out;
  }

  /** Addresses the fake's services take from a vSwitch. */
  long used(VSwitchId id) {
    return placements.values().stream().filter(p -> p.vSwitch().equals(id)).mapToLong(Placement::instances).sum();
  }

  long available(VSwitchId id) {
    return Math.max(0, network.baseline(id) - used(id));
  }

  String describe(String name) {
    return existing(name).toString();
  }

  ServiceStatus status(String name) {
    ObjectNode config = existing(name);
    int total = instances(config);
    Transition t = transitions.get(name);
    return ServiceStatus.builder().name(name).status(t == null ? ServiceStatus.RUNNING : t.status())
        .runningInstances(t == null ? total : 0).totalInstances(total)
        .message(t == null
            ? "Service start successfully"
            : "Service is " + t.status().toLowerCase(java.util.Locale.ROOT))
        .build();
  }

  private ObjectNode existing(String name) {
    ObjectNode s = services.get(name);
    if (s == null) {
      throw Refusal.of("InvalidService.NotFound", "service " + name + " does not exist.");
    }
    return s;
  }

  /**
   * Adds a service read from a snapshot. The snapshot's free-address counts already include its instances, so the
   * vSwitch's baseline is raised by what the placement takes: the reported count stays as loaded.
   */
  void restore(String json) {
    ObjectNode config = parseObject(json);
    String name = serviceName(config);
    int instances = instances(config);
    placementVSwitch(config).ifPresent(v -> network.adjustBaseline(v, instances));
    place(name, config);
    services.put(name, config);
  }

  /** Creates a service; returns its name. */
  String create(String json, boolean runningNow) {
    ObjectNode config = parseObject(json);
    String name = serviceName(config);
    if (services.containsKey(name)) {
      throw Refusal.of("ServiceAlreadyExists", "service " + name + " already exists.");
    }
    place(name, config);
    services.put(name, config);
    if (!runningNow) {
      transitions.put(name, new Transition("Creating", ctx.readyAt()));
    }
    return name;
  }

  void update(String name, String json, UpdateType type) {
    ObjectNode current = existing(name);
    ObjectNode patch = parseObject(json);
    ObjectNode next = type == UpdateType.REPLACE ? patch : merge(current.deepCopy(), patch);
    if (next.path("metadata").path("name").isMissingNode() && next.path("name").isMissingNode()) {
      ObjectNode meta = next.path("metadata").isObject()
          ? (ObjectNode) next.get("metadata")
          : next.putObject("metadata");
      meta.put("name", name);
    }
    if (!serviceName(next).equals(name)) {
      throw Refusal.of("InvalidParameter",
          "the service name cannot change (" + name + " to " + serviceName(next) + ").");
    }
    place(name, next);
    services.put(name, next);
    transitions.put(name, new Transition("Updating", ctx.readyAt()));
  }

  static ObjectNode merge(ObjectNode target, ObjectNode patch) {
    patch.properties().forEach(e -> {
      JsonNode old = target.get(e.getKey());
      if (old instanceof ObjectNode o && e.getValue() instanceof ObjectNode p) {
        merge(o, p);
      } else {
        target.set(e.getKey(), e.getValue().deepCopy());
      }
    });
    return target;
  }

  private static ObjectNode parseObject(String json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw Refusal.of("InvalidParameter", "the service configuration is not valid JSON: " + e.getOriginalMessage());
    }
    if (!(node instanceof ObjectNode o)) {
      throw Refusal.of("InvalidParameter", "the service configuration must be a JSON object.");
    }
    return o;
  }

  private static String serviceName(ObjectNode config) {
    JsonNode n = config.path("metadata").path("name");
    if (!n.isTextual()) {
      n = config.path("name");
    }
    if (!n.isTextual() || n.asText().isBlank()) {
      throw Refusal.of("MissingParameter", "the service configuration needs metadata.name.");
    }
    return n.asText();
  }

  private static int instances(ObjectNode config) {
    JsonNode inst = config.path("metadata").path("instance");
    int instances = inst.isMissingNode() ? 1 : inst.asInt(-1);
    if (instances < 0 || (!inst.isMissingNode() && !inst.isIntegralNumber())) {
      throw Refusal.of("InvalidParameter", "metadata.instance must be a count >= 0, was " + inst);
    }
    return instances;
  }

  /** Checks the networking of a configuration; the vSwitch its instances take addresses from, if any. */
  private Optional<VSwitchId> placementVSwitch(ObjectNode config) {
    JsonNode net = config.path("cloud").path("networking");
    if (net.isObject() && net.size() > 0) {
      for (String key : List.of("vpc_id", "vswitch_id", "security_group_id")) {
        if (!net.path(key).isTextual() || net.path(key).asText().isEmpty()) {
          throw Refusal.of("InvalidParameter",
              "cloud.networking needs vpc_id, vswitch_id and security_group_id together, as text; " + key
                  + " is " + (net.has(key) ? net.get(key) : "missing") + ".");
        }
      }
      VpcId vpcId = parse(net.path("vpc_id").asText(), VpcId::of, "cloud.networking.vpc_id");
      VSwitchId vsId = parse(net.path("vswitch_id").asText(), VSwitchId::of, "cloud.networking.vswitch_id");
      SecurityGroupId sgId = parse(net.path("security_group_id").asText(), SecurityGroupId::of,
          "cloud.networking.security_group_id");
      network.vpc(vpcId);
      VSwitch v = network.vSwitch(vsId);
      groups.group(sgId);
      if (!v.vpcId().equals(vpcId)) {
        throw Refusal.of("InvalidVSwitchId.NotInVpc", "vSwitch " + v.id() + " is not in VPC " + vpcId + ".");
      }
      return Optional.of(v.id());
    }
    if (config.path("metadata").path("resource").isTextual()) {
      ResourceGroupId rg = parse(config.path("metadata").path("resource").asText(), ResourceGroupId::of,
          "metadata.resource");
      return dlinks.resourceGroup(rg).dlink().map(DLink::vSwitchId);
    }
    return Optional.empty();
  }

  /** Checks the networking of a configuration and takes its instances' addresses from the vSwitch. */
  private void place(String name, ObjectNode config) {
    int instances = instances(config);
    Optional<VSwitchId> vsw = placementVSwitch(config);
    Placement old = placements.remove(name);
    if (vsw.isPresent()) {
      long free = available(vsw.get());
      if (free < instances) {
        if (old != null) {
          placements.put(name, old);
        }
        throw Refusal.of("InvalidVSwitchId.IpNotEnough",
            "vSwitch " + vsw.get() + " has " + free + " free addresses; service " + name + " needs " + instances
                + ", one per instance.");
      }
      placements.put(name, new Placement(vsw.get(), instances));
    }
  }

  private static <T> T parse(String text, Function<String, T> f, String field) {
    try {
      return f.apply(text);
    } catch (IllegalArgumentException e) {
      throw Refusal.of("InvalidParameter", field + ": " + e.getMessage());
    }
  }
}
