package io.easnet.core.internal.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.model.ServiceSpec.Container;
import io.easnet.core.model.ServiceSpec.RollingStrategy;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.ServiceSpec.StorageMount;
import java.util.Optional;

/** Renders a {@link ServiceSpec} as a service JSON tree, the inverse of {@link ServiceSpecMapper}. */
public final class ServiceSpecWriter {
  private ServiceSpecWriter() {}

  /** The tree for {@code spec}; unset values are omitted. */
  public static ObjectNode write(ServiceSpec spec) {
    ObjectNode root = JsonTrees.nodes().objectNode();
    ObjectNode meta = root.putObject("metadata");
    meta.put("name", spec.name());
    spec.instanceCount().ifPresent(n -> meta.put("instance", n));
    spec.workspaceId().ifPresent(w -> meta.put("workspace_id", w));
    spec.resourceGroupId().ifPresent(r -> meta.put("resource", r.value()));
    spec.cpu().ifPresent(n -> meta.put("cpu", n));
    spec.memoryMb().ifPresent(n -> meta.put("memory", n));
    spec.gpu().ifPresent(n -> meta.put("gpu", n));
    spec.rollingStrategy().ifPresent(r -> rolling(meta.putObject("rolling_strategy"), r));

    if (!spec.instanceTypes().isEmpty() || spec.networking().isPresent()) {
      ObjectNode cloud = root.putObject("cloud");
      if (!spec.instanceTypes().isEmpty()) {
        ArrayNode instances = cloud.putObject("computing").putArray("instances");
        spec.instanceTypes().forEach(t -> instances.addObject().put("type", t));
      }
      spec.networking().ifPresent(n -> networking(cloud.putObject("networking"), n));
    }
    if (!spec.containers().isEmpty()) {
      ArrayNode containers = root.putArray("containers");
      spec.containers().forEach(c -> container(containers.addObject(), c));
    }
    spec.invocation().ifPresent(i -> {
      ObjectNode o = root.putObject("networking");
      i.gateway().ifPresent(g -> o.put("gateway", g));
      i.disableInternetEndpoint().ifPresent(d -> o.put("disable_internet_endpoint", d));
    });
    spec.autoscaler().ifPresent(a -> {
      ObjectNode o = root.putObject("autoscaler");
      o.put("min", a.min());
      o.put("max", a.max());
    });
    if (!spec.storage().isEmpty()) {
      ArrayNode storage = root.putArray("storage");
      spec.storage().forEach(s -> storage(storage.addObject(), s));
    }
    return root;
  }

  private static void rolling(ObjectNode o, RollingStrategy r) {
    r.maxSurge().ifPresent(v -> countOrText(o, "max_surge", v));
    r.maxUnavailable().ifPresent(v -> countOrText(o, "max_unavailable", v));
  }

  private static void countOrText(ObjectNode o, String key, String value) {
    if (value.matches("0|[1-9][0-9]{0,8}")) {
      o.put(key, Integer.parseInt(value));
    } else {
      o.put(key, value);
    }
  }

  private static void networking(ObjectNode o, ServiceNetworking n) {
    n.vpcId().ifPresent(v -> o.put("vpc_id", v.value()));
    n.vSwitchId().ifPresent(v -> o.put("vswitch_id", v.value()));
    n.securityGroupId().ifPresent(v -> o.put("security_group_id", v.value()));
    n.defaultRoute().ifPresent(v -> o.put("default_route", v));
    if (!n.destinationCidrs().isEmpty()) {
      o.put("destination_cidrs", destinationCidrs(n));
    }
  }

  /** {@code destination_cidrs} as the comma-separated string the PAI Python SDK writes. */
  public static String destinationCidrs(ServiceNetworking n) {
    return String.join(",", n.destinationCidrs().stream().map(Object::toString).toList());
  }

  private static void container(ObjectNode o, Container c) {
    c.image().ifPresent(v -> o.put("image", v));
    c.script().ifPresent(v -> o.put("script", v));
    c.command().ifPresent(v -> o.put("command", v));
    c.port().ifPresent(v -> o.put("port", v));
  }

  private static void storage(ObjectNode o, StorageMount s) {
    s.mountPath().ifPresent(v -> o.put("mount_path", v));
    if (s.ossPath().isPresent() || s.ossEndpoint().isPresent()) {
      ObjectNode oss = o.putObject("oss");
      put(oss, "path", s.ossPath());
      put(oss, "endpoint", s.ossEndpoint());
    }
    if (s.nfsServer().isPresent() || s.nfsPath().isPresent()) {
      ObjectNode nfs = o.putObject("nfs");
      put(nfs, "server", s.nfsServer());
      put(nfs, "path", s.nfsPath());
    }
  }

  private static void put(ObjectNode o, String key, Optional<String> value) {
    value.ifPresent(v -> o.put(key, v));
  }
}
