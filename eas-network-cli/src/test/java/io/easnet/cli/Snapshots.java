package io.easnet.cli;

import io.easnet.core.model.Inventory;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Test helper: an inventory with every list sorted by id, so that two inventories compare regardless of order. */
final class Snapshots {
  private Snapshots() {}

  static Inventory normalised(Inventory inv) {
    Inventory.Builder b = Inventory.builder();
    inv.regionId().ifPresent(b::regionId);
    return b.addAllVpcs(sorted(inv.vpcs(), v -> v.id().value()))
        .addAllVSwitches(sorted(inv.vSwitches(), v -> v.id().value()))
        .addAllSecurityGroups(sorted(inv.securityGroups(), v -> v.id().value()))
        .addAllNatGateways(sorted(inv.natGateways(), v -> v.id().value()))
        .addAllSnatEntries(sorted(inv.snatEntries(), v -> v.id().value()))
        .addAllEips(sorted(inv.eips(), v -> v.id().value()))
        .addAllRouteTables(sorted(inv.routeTables(), v -> v.id().value()))
        .addAllEcsInstances(sorted(inv.ecsInstances(), v -> v.id().value()))
        .addAllRdsInstances(sorted(inv.rdsInstances(), v -> v.id().value()))
        .addAllRedisInstances(sorted(inv.redisInstances(), v -> v.id().value()))
        .addAllResourceGroups(sorted(inv.resourceGroups(), v -> v.id().value()))
        .build();
  }

  private static <T> List<T> sorted(List<T> list, Function<T, String> key) {
    return list.stream().sorted(Comparator.comparing(key)).toList();
  }
}
