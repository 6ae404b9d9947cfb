package io.easnet.testkit.gen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Generates service JSON text as {@code eascmd create} takes it: valid documents (with and without
 * {@code cloud.networking}, with unknown fields that must survive a round trip), malformed text that is not JSON at
 * all, and well-formed JSON of the wrong shape.
 */
public final class ServiceJsonGenerator {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ServiceJsonGenerator() {}

  /**
   * A valid service document; half of them carry a complete {@code cloud.networking} block with random ids, and of
   * those about two in three carry the inbound keys as well ({@link #inbound}).
   */
  public static String valid(RandomGenerator r) {
    Optional<String[]> net = r.nextBoolean()
        ? Optional.of(new String[] {
            NetworkGenerators.randomId(r, "vpc-"), NetworkGenerators.randomId(r, "vsw-"),
            NetworkGenerators.randomId(r, "sg-")})
        : Optional.empty();
    ObjectNode doc = document(r, net);
    net.ifPresent(ids -> inbound(doc, new SplittableRandom(String.join(",", ids).hashCode())));
    return doc.toString();
  }

  /**
   * Adds the inbound keys (docs/semantics.md, "The inbound side of the service JSON") to a document with a
   * {@code cloud.networking} block, each with some probability: {@code default_route} ({@code eth0} or
   * {@code eth1}), {@code destination_cidrs} (one to three private blocks, as a comma-separated string or as an
   * array), and a top-level {@code networking} block with {@code gateway}, {@code disable_internet_endpoint} (a
   * boolean or the string the EAS keys allow) and a key the library does not model ({@code path}), which must
   * survive a round trip. The draws come from {@code x}, so that callers can keep their own generator's sequence.
   */
  public static void inbound(ObjectNode doc, RandomGenerator x) {
    ObjectNode net = (ObjectNode) doc.path("cloud").path("networking");
    if (net.isMissingNode()) {
      return;
    }
    if (x.nextInt(3) == 0) {
      net.put("default_route", x.nextBoolean() ? "eth1" : "eth0");
    }
    if (x.nextInt(3) == 0) {
      int n = x.nextInt(1, 4);
      ArrayNode array = JSON.createArrayNode();
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < n; i++) {
        String block = switch (x.nextInt(3)) {
          case 0 -> "10." + x.nextInt(256) + ".0.0/16";
          case 1 -> "172." + x.nextInt(16, 32) + ".0.0/16";
          default -> "192.168." + x.nextInt(256) + ".0/24";
        };
        array.add(block);
        text.append(i == 0 ? "" : ",").append(block);
      }
      if (x.nextBoolean()) {
        net.set("destination_cidrs", array);
      } else {
        net.put("destination_cidrs", text.toString());
      }
    }
    if (x.nextInt(3) != 0) {
      ObjectNode inv = doc.putObject("networking");
      if (x.nextBoolean()) {
        inv.put("gateway", NetworkGenerators.randomId(x, "gw-"));
      }
      switch (x.nextInt(3)) {
        case 0 -> inv.put("disable_internet_endpoint", x.nextBoolean());
        case 1 -> inv.put("disable_internet_endpoint", x.nextBoolean() ? "true" : "false");
        default -> { }
      }
      if (x.nextBoolean()) {
        inv.put("path", "/api/predict/" + x.nextInt(100));
      }
    }
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
