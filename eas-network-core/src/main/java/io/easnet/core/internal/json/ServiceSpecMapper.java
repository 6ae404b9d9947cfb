package io.easnet.core.internal.json;

import io.easnet.core.model.ServiceSpec.Autoscaler;
import io.easnet.core.model.ServiceSpec.Container;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.ServiceSpec.RollingStrategy;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.ServiceSpec.StorageMount;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Derives the typed {@link ServiceSpec} from a service JSON tree. Fields we do not model are ignored here (the
 * document keeps them); fields we model are checked strictly, each error naming its JSON pointer.
 *
 * <p>In the service JSON, {@code null} and, for ids, the empty string mean "not set".
 */
public final class ServiceSpecMapper {
  private ServiceSpecMapper() {}

  /** Maps the document at {@code root}. */
  public static ServiceSpec map(Cursor root) {
    if (!root.isObject()) {
      throw root.error(
          "a service JSON must be an object but this is " + Cursor.describe(root.node()) + ".",
          "write the service as a JSON object: {\"metadata\": {\"name\": \"my-service\", \"instance\": 1}}.");
    }
    Cursor meta = root.get("metadata");
    if (!meta.isPresent()) {
      throw meta.error(
          "the required section \"metadata\" is missing.",
          "add \"metadata\": {\"name\": \"my-service\", \"instance\": 1}.");
    }
    meta.requireObject();
    ServiceSpec.Builder b = ServiceSpec.builder();
    b.name(name(root, meta));

    Optional<Cursor> instance = meta.opt("instance");
    if (instance.isPresent()) {
      b.instanceCount(instance.get().integer(0, ServiceSpec.MAX_INSTANCES, "the instance count"));
    }
    meta.opt("workspace_id").ifPresent(w -> b.workspaceId(w.node().isNumber() ? w.node().asText() : w.text()));
    meta.opt("resource").filter(r -> !(r.node().isTextual() && r.node().textValue().isEmpty())).ifPresent(r ->
        b.resourceGroupId(r.as(ResourceGroupId::of,
            "use the id of a dedicated resource group, which starts with \"eas-r-\", or remove the key.")));
    nonNegative(meta, "cpu").ifPresent(b::cpu);
    nonNegative(meta, "memory").ifPresent(b::memoryMb);
    nonNegative(meta, "gpu").ifPresent(b::gpu);
    meta.opt("rolling_strategy").ifPresent(r -> b.rollingStrategy(rolling(r)));

    Optional<Cursor> cloud = root.opt("cloud");
    if (cloud.isPresent()) {
      cloud.get().requireObject();
      cloud.get().opt("networking").ifPresent(n -> b.networking(networking(n)));
      cloud.get().opt("computing").ifPresent(c -> b.addAllInstanceTypes(instanceTypes(c)));
    }
    for (Cursor c : root.elements("containers")) {
      b.addContainer(container(c));
    }
    root.opt("networking").flatMap(ServiceSpecMapper::invocation).ifPresent(b::invocation);
    root.opt("autoscaler").flatMap(ServiceSpecMapper::autoscaler).ifPresent(b::autoscaler);
    for (Cursor s : root.elements("storage")) {
      b.addStorage(storage(s));
    }
    return root.convert(b::build, "correct the service JSON.");
  }

  private static String name(Cursor root, Cursor meta) {
    Optional<Cursor> metaName = meta.opt("name");
    Optional<Cursor> legacy = root.opt("name");
    Optional<String> m = metaName.map(Cursor::text);
    Optional<String> l = legacy.map(Cursor::text);
    if (m.isPresent() && l.isPresent() && !m.get().equals(l.get())) {
      throw metaName.get().error(
          "metadata.name \"" + m.get() + "\" (" + metaName.get().pointer() + ") and the legacy top-level name \""
              + l.get() + "\" (" + legacy.get().pointer() + ") differ.",
          "keep only metadata.name, or make both names the same.");
    }
    Cursor at = metaName.or(() -> legacy).orElse(meta.get("name"));
    String name = m.or(() -> l).orElseThrow(() -> at.error(
        "the service has no name: neither metadata.name nor the legacy top-level name is set.",
        "add \"name\": \"my-service\" to metadata."));
    if (name.isBlank()) {
      throw at.error("the service name is blank.", "give the service a name such as \"my-service\".");
    }
    return name;
  }

  private static OptionalInt nonNegative(Cursor obj, String key) {
    Optional<Cursor> c = obj.opt(key);
    if (c.isEmpty()) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(c.get().integer(0, Integer.MAX_VALUE, key));
  }

  /** Maps a {@code cloud.networking} object; a partial block is allowed here (the resolver reports it). */
  public static ServiceNetworking networking(Cursor n) {
    n.requireObject();
    ServiceNetworking.Builder b = ServiceNetworking.builder();
    n.opt("vpc_id").filter(ServiceSpecMapper::notEmptyString).ifPresent(c -> b.vpcId(
        c.as(VpcId::of, "use the id of a VPC, which starts with \"vpc-\".")));
    n.opt("vswitch_id").filter(ServiceSpecMapper::notEmptyString).ifPresent(c -> b.vSwitchId(
        c.as(VSwitchId::of, "use the id of a vSwitch, which starts with \"vsw-\".")));
    n.opt("security_group_id").filter(ServiceSpecMapper::notEmptyString).ifPresent(c -> b.securityGroupId(
        c.as(SecurityGroupId::of, "use the id of a security group, which starts with \"sg-\".")));
    n.opt("default_route").filter(ServiceSpecMapper::notEmptyString).ifPresent(c -> b.defaultRoute(c.text()));
    n.opt("destination_cidrs").ifPresent(c -> b.addAllDestinationCidrs(destinationCidrs(c)));
    return n.convert(b::build, "correct cloud.networking.");
  }

  /** The most blocks {@code cloud.networking.destination_cidrs} may list: far above any route table's entries. */
  static final int MAX_DESTINATION_CIDRS = 1000;

  /**
   * {@code destination_cidrs}: a comma-separated string (what the PAI Python SDK writes) or an array of strings;
   * {@code null} and {@code ""} are none.
   */
  private static List<Cidr> destinationCidrs(Cursor c) {
    List<Cidr> out = new ArrayList<>();
    String fix = "write the blocks as a comma-separated string such as \"10.0.0.0/8,172.16.0.0/12\".";
    if (c.isArray()) {
      List<Cursor> elements = c.elements();
      bound(c, elements.size());
      for (Cursor e : elements) {
        out.add(e.as(Cidr::parse, fix));
      }
      return out;
    }
    if (c.node().isNull()) {
      return out;
    }
    String text = c.text();
    if (text.isBlank()) {
      return out;
    }
    String[] parts = text.split(",", MAX_DESTINATION_CIDRS + 2);
    bound(c, parts.length);
    for (String part : parts) {
      String p = part.strip();
      if (p.isEmpty()) {
        throw c.error("destination_cidrs \"" + JsonTrees.abbreviate(text) + "\" has an empty entry.", fix);
      }
      out.add(c.convert(() -> Cidr.parse(p), fix));
    }
    return out;
  }

  private static void bound(Cursor c, int n) {
    if (n > MAX_DESTINATION_CIDRS) {
      throw c.error("destination_cidrs lists more than " + MAX_DESTINATION_CIDRS + " blocks.",
          "merge the blocks into fewer, larger ones.");
    }
  }

  /**
   * Maps the top-level {@code networking} block (the service invocation configuration): {@code gateway} and
   * {@code disable_internet_endpoint}; nothing when it sets neither. Its other keys stay in the document.
   */
  private static Optional<ServiceSpec.Invocation> invocation(Cursor n) {
    if (n.node().isNull()) {
      return Optional.empty();
    }
    n.requireObject();
    Optional<String> gateway = n.opt("gateway").filter(c -> !c.node().isNull()).map(Cursor::text)
        .filter(g -> !g.isBlank());
    Optional<Boolean> disable = n.opt("disable_internet_endpoint").filter(c -> !c.node().isNull())
        .map(ServiceSpecMapper::flag);
    if (gateway.isEmpty() && disable.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(n.convert(() -> new ServiceSpec.Invocation(gateway, disable), "correct networking."));
  }

  /** A boolean written as JSON {@code true}/{@code false} or as the string {@code "true"}/{@code "false"}. */
  private static boolean flag(Cursor c) {
    if (c.node().isTextual()) {
      String t = c.node().textValue().strip();
      if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(t);
      }
      throw c.error("expected true or false but found the string \"" + JsonTrees.abbreviate(t) + "\".",
          "write true or false.");
    }
    return c.bool();
  }

  private static boolean notEmptyString(Cursor c) {
    return !(c.node().isTextual() && c.node().textValue().isEmpty());
  }

  private static List<String> instanceTypes(Cursor computing) {
    computing.requireObject();
    List<String> out = new ArrayList<>();
    for (Cursor i : computing.elements("instances")) {
      i.requireObject();
      i.optText("type", true).ifPresent(out::add);
    }
    computing.optText("instance_type", true).ifPresent(out::add);
    return out;
  }

  private static Container container(Cursor c) {
    c.requireObject();
    Container.Builder b = Container.builder();
    c.optText("image").ifPresent(b::image);
    c.optText("script").ifPresent(b::script);
    c.opt("command").ifPresent(cmd -> b.command(command(cmd)));
    Optional<Cursor> port = c.opt("port");
    if (port.isPresent()) {
      b.port(port.get().integer(1, 65535, "the port"));
    }
    return c.convert(b::build, "correct the container.");
  }

  private static String command(Cursor cmd) {
    if (cmd.isArray()) {
      List<String> parts = new ArrayList<>();
      for (Cursor part : cmd.elements()) {
        parts.add(part.text());
      }
      return String.join(" ", parts);
    }
    return cmd.text();
  }

  private static Optional<Autoscaler> autoscaler(Cursor a) {
    a.requireObject();
    Optional<Cursor> min = a.opt("min");
    Optional<Cursor> max = a.opt("max");
    if (min.isEmpty() && max.isEmpty()) {
      return Optional.empty();
    }
    if (min.isEmpty() || max.isEmpty()) {
      Cursor missing = min.isEmpty() ? a.get("min") : a.get("max");
      throw missing.error(
          "the autoscaler sets " + (min.isEmpty() ? "max" : "min") + " but not "
              + (min.isEmpty() ? "min" : "max") + ".",
          "set both autoscaler.min and autoscaler.max.");
    }
    int lo = min.get().integer(0, ServiceSpec.MAX_INSTANCES, "autoscaler.min");
    int hi = max.get().integer(0, ServiceSpec.MAX_INSTANCES, "autoscaler.max");
    if (hi < lo) {
      throw max.get().error(
          "autoscaler.max (" + hi + ") is below autoscaler.min (" + lo + ").", "make max at least min.");
    }
    return Optional.of(a.convert(() -> Autoscaler.of(lo, hi), "correct the autoscaler."));
  }

  private static RollingStrategy rolling(Cursor r) {
    r.requireObject();
    RollingStrategy.Builder b = RollingStrategy.builder();
    rollingValue(r, "max_surge").ifPresent(b::maxSurge);
    rollingValue(r, "max_unavailable").ifPresent(b::maxUnavailable);
    return r.convert(b::build, "correct the rolling strategy.");
  }

  private static Optional<String> rollingValue(Cursor r, String key) {
    Optional<Cursor> c = r.opt(key);
    if (c.isEmpty()) {
      return Optional.empty();
    }
    Cursor v = c.get();
    String s;
    if (v.node().isIntegralNumber()) {
      s = String.valueOf(v.integer(0, ServiceSpec.MAX_INSTANCES, key));
    } else if (v.node().isTextual()) {
      s = v.text();
    } else {
      throw v.error(
          "expected a count (2) or a percentage (\"20%\") but found " + Cursor.describe(v.node()) + ".",
          "write a whole number or a string such as \"20%\".");
    }
    String fix = "write a whole number such as 2 or a percentage such as \"20%\".";
    v.convert(() -> RollingStrategy.builder().maxSurge(s).build(), fix);
    return Optional.of(s);
  }

  private static StorageMount storage(Cursor s) {
    s.requireObject();
    StorageMount.Builder b = StorageMount.builder();
    s.optText("mount_path").ifPresent(b::mountPath);
    Optional<Cursor> oss = s.opt("oss");
    if (oss.isPresent()) {
      oss.get().requireObject();
      oss.get().optText("path").ifPresent(b::ossPath);
      oss.get().optText("endpoint").ifPresent(b::ossEndpoint);
    }
    Optional<Cursor> nfs = s.opt("nfs");
    if (nfs.isPresent()) {
      nfs.get().requireObject();
      nfs.get().optText("server").ifPresent(b::nfsServer);
      nfs.get().optText("path").ifPresent(b::nfsPath);
    }
    return s.convert(b::build, "correct the storage entry.");
  }
}
