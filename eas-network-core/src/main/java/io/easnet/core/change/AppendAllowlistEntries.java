package io.easnet.core.change;

import io.easnet.core.change.Change.ChangeKind;
import io.easnet.core.change.Change.Params;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.internal.json.Cursor;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Append entries to a named allowlist group of an RDS or Redis instance (ModifySecurityIps, Append).
 *
 * @param product {@code rds} or {@code redis}
 * @param instanceId the instance
 * @param groupName the allowlist group
 * @param entries the blocks to append, at least one
 */
public record AppendAllowlistEntries(String product, String instanceId, String groupName, List<Cidr> entries)
    implements Change {
  /** Checks the arguments and copies the list. */
  public AppendAllowlistEntries {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(groupName, "groupName");
    if (!"rds".equals(product) && !"redis".equals(product)) {
      throw new IllegalArgumentException("allowlists belong to RDS or Redis instances, not " + product);
    }
    entries = List.copyOf(entries);
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("an allowlist append needs at least one entry");
    }
  }

  /** Reads the parameters of a {@link ChangeKind#APPEND_ALLOWLIST_ENTRIES} change. */
  static AppendAllowlistEntries read(Cursor p) {
    p.rejectUnknownKeys(List.of("product", "instanceId", "group", "entries"));
    String product = Params.text(p, "product");
    if (!product.equals("rds") && !product.equals("redis")) {
      throw p.get("product").error("\"product\" must be \"rds\" or \"redis\", not \"" + product + "\".",
          "write \"rds\" or \"redis\".");
    }
    String instance = product.equals("rds") ? Params.id(p, "instanceId", RdsInstanceId::of)
        : Params.id(p, "instanceId", RedisInstanceId::of);
    String group = Params.text(p, "group");
    if (group.isBlank()) {
      throw p.get("group").error("the allowlist group name is empty.", "write a group name such as \"eas\".");
    }
    List<String> entries = Params.ids(p, "entries", Cidr::parse, false);
    if (entries.isEmpty()) {
      throw p.required("entries").error("an allowlist append needs at least one entry.",
          "list the CIDR blocks to append, e.g. [\"192.168.1.0/24\"].");
    }
    return new AppendAllowlistEntries(product, instance, group, entries.stream().map(Cidr::parse).toList());
  }

  @Override
  public List<Change> bind(Binding b) {
    return List.of(this);
  }

  @Override
  public ChangeKind kind() {
    return ChangeKind.APPEND_ALLOWLIST_ENTRIES;
  }

  @Override
  public String key() {
    return keyOf(instanceId, groupName);
  }

  /** The deduplication key of the appends to {@code groupName} of {@code instanceId}. */
  static String keyOf(String instanceId, String groupName) {
    return "allowlist:" + instanceId + ":" + groupName;
  }

  @Override
  public List<String> targets() {
    return List.of(instanceId);
  }

  @Override
  public String describe() {
    return "append " + String.join(", ", entries.stream().map(Object::toString).toList()) + " to allowlist group "
        + groupName + " of " + instanceId + " (ModifySecurityIps with ModifyMode Append)";
  }

  @Override
  public void writeParameters(ObjectNode p) {
    p.put("product", product);
    p.put("instanceId", instanceId);
    p.put("group", groupName);
    ArrayNode a = p.putArray("entries");
    entries.forEach(e -> a.add(e.toString()));
  }

  @Override
  public void writeRemedy(ObjectNode n) {
    ObjectNode i = n.putObject("instance");
    i.put("kind", product.equals("rds") ? "RDS_INSTANCE" : "REDIS_INSTANCE");
    i.put("id", instanceId);
    n.put("groupName", groupName);
    ArrayNode a = n.putArray("entries");
    entries.forEach(e -> a.add(e.toString()));
  }

  @Override
  public Change absorb(Change later) {
    if (!(later instanceof AppendAllowlistEntries a)) {
      return this;
    }
    Set<Cidr> all = new LinkedHashSet<>(entries);
    all.addAll(a.entries());
    return new AppendAllowlistEntries(product, instanceId, groupName, List.copyOf(all));
  }

  @Override
  public <S extends Estate<S>> S applyTo(S s) {
    return s.withInventory(Params.editingAllowlists(s.inventory(), product, instanceId, this::appended));
  }


  /** The database instance exists (see {@link Preflight}). */
  @Override
  public void checkBeforeWrites(Execution<?> x) {
    boolean rds = product.equals("rds");
    String what = (rds ? "RDS" : "Redis") + " instance " + instanceId;
    io.easnet.core.model.AllowlistGroup.AllowlistTarget t = Preflight.existing(x, () -> rds
        ? x.port().rds().describeInstance(RdsInstanceId.of(instanceId))
        : x.port().redis().describeInstance(RedisInstanceId.of(instanceId)), what);
    x.fact(what, "exists");
    // the quota counts the entries of all groups; an entry a group holds already is not appended again
    List<AllowlistGroup> groups = t.allowlists();
    int now = groups.stream().mapToInt(g -> g.entries().size()).sum();
    Set<String> adding = new LinkedHashSet<>();
    List<Change> changes = new ArrayList<>(Preflight.earlier(x));
    changes.add(this);
    for (Change c : changes) {
      if (c instanceof AppendAllowlistEntries a && a.instanceId().equals(instanceId)) {
        for (Cidr e : a.entries()) {
          boolean held = groups.stream().anyMatch(g -> g.name().equals(a.groupName()) && g.entries().contains(e));
          if (!held) {
            adding.add(a.groupName() + "\n" + e);
          }
        }
      }
    }
    if (entries.stream().anyMatch(e -> adding.contains(groupName + "\n" + e))) {
      Preflight.quota(rds ? "RDS instance" : "Redis instance", instanceId, "allowlist entries", now, adding.size(), Preflight.ALLOWLIST_ENTRIES_PER_INSTANCE,
          "remove entries the instance no longer needs (ModifySecurityIps with ModifyMode Delete; a vSwitch block"
          + " can replace many single addresses), then plan again");
    }
  }

  @Override
  public <R> R execute(Execution<R> x) {
    boolean rds = product.equals("rds");
    List<AllowlistGroup> groups = x.call(() -> Params.allowlistsOf(x.port(), product, instanceId));
    List<Cidr> present = groups.stream().filter(g -> g.name().equals(groupName))
        .flatMap(g -> g.entries().stream()).toList();
    List<Cidr> missing = entries.stream().filter(c -> !present.contains(c)).toList();
    if (missing.isEmpty()) {
      return x.inPlace("allowlist group " + groupName + " of " + instanceId + " already holds " + entries, Map.of());
    }
    if (x.dry()) {
      return x.wouldApply();
    }
    x.write(() -> {
      if (rds) {
        x.port().rds().appendAllowlistEntries(RdsInstanceId.of(instanceId), groupName, missing);
      } else {
        x.port().redis().appendAllowlistEntries(RedisInstanceId.of(instanceId), groupName, missing);
      }
    });
    return x.applied(Map.of());
  }

  private List<AllowlistGroup> appended(List<AllowlistGroup> groups) {
    List<AllowlistGroup> out = new ArrayList<>();
    boolean found = false;
    for (AllowlistGroup g : groups) {
      if (g.name().equals(groupName)) {
        found = true;
        Set<Cidr> all = new LinkedHashSet<>(g.entries());
        all.addAll(entries);
        out.add(g.toBuilder().entries(all).build());
      } else {
        out.add(g);
      }
    }
    if (!found) {
      out.add(AllowlistGroup.builder().name(groupName).entries(entries).build());
    }
    return out;
  }
}
