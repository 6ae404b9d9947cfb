package io.easnet.core.rules.internal;

import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.AllowlistGroup.AllowlistTarget;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.ResourceId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The allowlist targets of an inventory, sorted by id, and their typed ids for snapshot pointers. */
final class Allowlists {
  /** Entries per instance the cloud accepts. */
  static final int QUOTA = 1000;
  /** From this count on, the quota is near. */
  static final int NEAR_QUOTA = 900;

  private Allowlists() {}

  static List<AllowlistTarget> targets(Inventory inv) {
    List<AllowlistTarget> out = new ArrayList<>();
    out.addAll(inv.rdsInstances());
    out.addAll(inv.redisInstances());
    out.sort(Comparator.comparing(AllowlistTarget::targetId));
    return out;
  }

  static String kind(AllowlistTarget t) {
    return t instanceof RdsInstance ? "RDS instance" : "Redis instance";
  }

  /** One allowlist entry of an instance, with the positions of its group and of itself. */
  record Entry(AllowlistTarget target, int groupIndex, AllowlistGroup group, int entryIndex, Cidr cidr) {}

  /** Every allowlist entry: instances sorted by id, groups and entries in their order. */
  static List<Entry> entries(Inventory inv) {
    List<Entry> out = new ArrayList<>();
    for (AllowlistTarget t : targets(inv)) {
      for (int gi = 0; gi < t.allowlists().size(); gi++) {
        AllowlistGroup g = t.allowlists().get(gi);
        for (int ei = 0; ei < g.entries().size(); ei++) {
          out.add(new Entry(t, gi, g, ei, g.entries().get(ei)));
        }
      }
    }
    return out;
  }

  /** The typed id of the instance, to locate it in the snapshot. */
  static ResourceId id(AllowlistTarget t) {
    return t instanceof RdsInstance r ? r.id() : ((RedisInstance) t).id();
  }
}
