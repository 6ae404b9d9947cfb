package io.easnet.core.rules.internal;

import io.easnet.core.model.AllowlistTarget;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.EcsInstanceId;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.RdsInstanceId;
import io.easnet.core.model.RedisInstanceId;
import io.easnet.core.model.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Looks up the private targets named in intents and lists known ids for near-miss suggestions. */
final class Targets {
  private Targets() {}

  static Optional<AllowlistTarget> allowlistTarget(Inventory inv, String id) {
    try {
      if (RdsInstanceId.PREFIXES.stream().anyMatch(id::startsWith)) {
        return inv.rdsInstance(RdsInstanceId.of(id)).map(t -> t);
      }
      if (id.startsWith("r-")) {
        return inv.redisInstance(RedisInstanceId.of(id)).map(t -> t);
      }
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  static Optional<EcsInstance> ecs(Inventory inv, String id) {
    try {
      return id.startsWith("i-") ? inv.ecsInstance(EcsInstanceId.of(id)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static boolean exists(Inventory inv, String id) {
    return allowlistTarget(inv, id).isPresent() || ecs(inv, id).isPresent();
  }

  static List<String> allIds(Inventory inv) {
    List<String> ids = new ArrayList<>();
    inv.rdsInstances().forEach(r -> ids.add(r.id().value()));
    inv.redisInstances().forEach(r -> ids.add(r.id().value()));
    inv.ecsInstances().forEach(r -> ids.add(r.id().value()));
    return ids;
  }

  static List<String> values(List<? extends ResourceId> ids) {
    return ids.stream().map(ResourceId::value).sorted().toList();
  }
}
