package io.easnet.testkit.gen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Generates service JSON text as {@code eascmd create} takes it: valid documents (with and without
 * {@code cloud.networking}, with unknown fields that must survive a round trip), malformed text that is not JSON at
 * all, and well-formed JSON of the wrong shape.
 */
public final class ServiceJsonGenerator {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ServiceJsonGenerator() {}

  /** A valid service document; half of them carry a complete {@code cloud.networking} block with random ids. */
  public static String valid(RandomGenerator r) {
    Optional<String[]> net = r.nextBoolean()
        ? Optional.of(new String[] {
            NetworkGenerators.randomId(r, "vpc-"), NetworkGenerators.randomId(r, "vsw-"),
            NetworkGenerators.randomId(r, "sg-")})
        : Optional.empty();
    return document(r, net).toString();
  }

  /** A valid service document whose {@code cloud.networking} names these resources. */
  public static String valid(RandomGenerator r, VpcId vpc, VSwitchId vSwitch, SecurityGroupId group) {
    return document(r, Optional.of(new String[] {vpc.value(), vSwitch.value(), group.value()})).toString();
  }

  /** A valid service document with this name and instance count, without networking. */
  public static String valid(RandomGenerator r, String name, int instances) {
    ObjectNode doc = document(r, Optional.empty());
    ((ObjectNode) doc.get("metadata")).put("name", name).put("instance", instances);
    return doc.toString();
  }

  /** A valid service document with this name whose {@code cloud.networking} names these resources. */
  public static String valid(RandomGenerator r, String name, VpcId vpc, VSwitchId vSwitch, SecurityGroupId group) {
    ObjectNode doc = document(r, Optional.of(new String[] {vpc.value(), vSwitch.value(), group.value()}));
    ((ObjectNode) doc.get("metadata")).put("name", name);
    return doc.toString();
  }

  /**
   * A valid service document with this name, deployed in a dedicated resource group ({@code metadata.resource}) and
   * without networking of its own: its network is the group's VPC direct connection, if any.
   */
  public static String valid(RandomGenerator r, String name, ResourceGroupId group) {
    ObjectNode doc = document(r, Optional.empty());
    ((ObjectNode) doc.get("metadata")).put("name", name).put("resource", group.value());
    return doc.toString();
  }

  /** A random service name, as EAS allows: a lower-case letter, then letters, digits and underscores. */
  public static String serviceName(RandomGenerator r) {
    StringBuilder sb = new StringBuilder().append((char) ('a' + r.nextInt(26)));
    int n = r.nextInt(2, 20);
    String chars = "abcdefghijklmnopqrstuvwxyz0123456789_";
    for (int i = 0; i < n; i++) {
      sb.append(chars.charAt(r.nextInt(chars.length())));
    }
    return sb.toString();
  }

  /** Text that is not JSON: truncated, with a stray character, unbalanced, or not JSON at all. */
  public static String malformed(RandomGenerator r) {
    String valid = valid(r);
    return switch (r.nextInt(6)) {
      case 0 -> valid.substring(0, r.nextInt(1, valid.length() - 1));
      case 1 -> valid + "}";
      case 2 -> valid.replaceFirst(":", "");
      case 3 -> valid.replaceFirst("\\{", "[");
      case 4 -> "metadata: {name: " + serviceName(r) + "}";
      default -> "{\"metadata\":{\"name\":\"" + serviceName(r) + "\",}}";
    };
  }

  /**
   * Well-formed JSON of the wrong shape for a service: not an object, {@code metadata} not an object, a name that is
   * not text, a non-numeric instance count, a networking id of the wrong type, or a partial networking block.
   */
  public static String wrongShape(RandomGenerator r) {
    String name = serviceName(r);
    return switch (r.nextInt(6)) {
      case 0 -> "[{\"metadata\":{\"name\":\"" + name + "\"}}]";
      case 1 -> "{\"metadata\":[\"" + name + "\"]}";
      case 2 -> "{\"metadata\":{\"name\":" + r.nextInt(1000) + "}}";
      case 3 -> "{\"metadata\":{\"name\":\"" + name + "\",\"instance\":\"two\"}}";
      case 4 -> "{\"metadata\":{\"name\":\"" + name + "\"},\"cloud\":{\"networking\":{\"vpc_id\":"
          + r.nextInt(1000) + ",\"vswitch_id\":\"vsw-a\",\"security_group_id\":\"sg-a\"}}}";
      default -> "{\"metadata\":{\"name\":\"" + name + "\"},\"cloud\":{\"networking\":{\"vpc_id\":\""
          + NetworkGenerators.randomId(r, "vpc-") + "\"}}}";
    };
  }

  private static ObjectNode document(RandomGenerator r, Optional<String[]> net) {
    ObjectNode doc = JSON.createObjectNode();
    ObjectNode meta = doc.putObject("metadata");
    meta.put("name", serviceName(r));
    meta.put("instance", r.nextInt(1, 11));
    if (r.nextBoolean()) {
      meta.put("cpu", r.nextInt(1, 33)).put("memory", 1024 * r.nextInt(1, 65));
    }
    if (r.nextInt(4) == 0) {
      meta.putObject("rolling_strategy").put("max_surge", r.nextInt(0, 4)).put("max_unavailable", r.nextInt(0, 2));
    }
    ArrayNode containers = doc.putArray("containers");
    containers.addObject().put("image", "registry.example/app:" + r.nextInt(1, 100)).put("script", "python app.py")
        .put("port", r.nextInt(1024, 65536));
    if (r.nextBoolean()) {
      doc.putObject("cloud").putObject("computing").putArray("instances").addObject().put("type", "ecs.c7a.large");
    }
    net.ifPresent(ids -> {
      ObjectNode cloud = doc.has("cloud") ? (ObjectNode) doc.get("cloud") : doc.putObject("cloud");
      cloud.putObject("networking").put("vpc_id", ids[0]).put("vswitch_id", ids[1]).put("security_group_id", ids[2]);
    });
    if (r.nextBoolean()) {
      doc.putObject("autoscaler").put("min", 1).put("max", r.nextInt(1, 20));
    }
    if (r.nextInt(3) == 0) {
      doc.put("x_unknown_" + r.nextInt(100), "kept as is");
    }
    return doc;
  }
}
