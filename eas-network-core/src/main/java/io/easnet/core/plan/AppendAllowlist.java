package io.easnet.core.plan;

import io.easnet.core.internal.ChangeSentences;
import io.easnet.core.analysis.Component;
import io.easnet.core.analysis.Remedy;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.internal.json.Cursor;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.RdsInstanceId;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.RedisInstanceId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Append entries to an allowlist group of an RDS or Redis instance. */
record AppendAllowlist(String product, String instanceId, String group, List<String> entries) implements Action {
  /** The append the remedy asks for. */
  static List<Action> plan(Remedy.AppendAllowlistEntries r, Planning p) {
    String product = r.instance().kind() == Component.Kind.RDS_INSTANCE ? "rds" : "redis";
    return List.of(new AppendAllowlist(product, r.instance().id(), r.groupName(),
        r.entries().stream().map(Object::toString).toList()));
  }

  /** Reads the parameters of a {@link ChangeKind#APPEND_ALLOWLIST_ENTRIES} change (see {@link Action#read}). */
  static AppendAllowlist read(Cursor p) {
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
    return new AppendAllowlist(product, instance, group, entries);
  }

  public AppendAllowlist {
    entries = List.copyOf(entries);
  }

  @Override
  public ChangeKind kind() {
    return ChangeKind.APPEND_ALLOWLIST_ENTRIES;
  }

  @Override
  public String key() {
    return "allowlist:" + instanceId + ":" + group;
  }

  @Override
  public List<String> targets() {
    return List.of(instanceId);
  }

  @Override
  public String describe() {
    return ChangeSentences.appendAllowlist(entries, group, instanceId);
  }

  @Override
  public void writeParameters(ObjectNode p) {
    p.put("product", product);
    p.put("instanceId", instanceId);
    p.put("group", group);
    Params.array(p, "entries", entries);
  }

  @Override
  public Action absorb(Action later) {
    return later instanceof AppendAllowlist a ? merge(a.entries()) : this;
  }

  /** This append with {@code more} entries merged in, without duplicates, in first-seen order. */
  AppendAllowlist merge(List<String> more) {
    Set<String> all = new LinkedHashSet<>(entries);
    all.addAll(more);
    return new AppendAllowlist(product, instanceId, group, List.copyOf(all));
  }

  @Override
  public Action mapValues(UnaryOperator<String> f) {
    return new AppendAllowlist(product, instanceId, group, entries.stream().map(f).toList());
  }

  @Override
  public List<String> values() {
    return entries;
  }

  List<Cidr> cidrs(PlanState s) {
    return entries.stream().map(e -> Cidr.parse(s.resolve(e))).toList();
  }

  @Override
  public PlanState applyTo(PlanState s) {
    Inventory inv = s.inventory();
    List<Cidr> add = cidrs(s);
    if (product.equals("rds")) {
      return s.withInventory(inv.toBuilder().rdsInstances(PlanState.replacing(inv.rdsInstances(),
          r -> r.id().value(), instanceId,
          r -> RdsInstance.builder().from(r).allowlists(appended(r.allowlists(), add)).build(), "RDS instance"))
          .build());
    }
    List<RedisInstance> out = PlanState.replacing(inv.redisInstances(), r -> r.id().value(), instanceId,
        r -> RedisInstance.builder().from(r).allowlists(appended(r.allowlists(), add)).build(), "Redis instance");
    return s.withInventory(inv.toBuilder().redisInstances(out).build());
  }

  /** The database instance exists (see {@link Preflight}). */
  @Override
  public void checkBeforeWrites(Execution x) {
    boolean rds = product.equals("rds");
    Preflight.existing(x, () -> rds ? x.port().rds().describeInstance(RdsInstanceId.of(instanceId))
        : x.port().redis().describeInstance(RedisInstanceId.of(instanceId)), (rds ? "RDS" : "Redis")
        + " instance " + instanceId);
    x.fact((rds ? "RDS" : "Redis") + " instance " + instanceId, "exists");
  }

  @Override
  public ChangeResult execute(Execution x) {
    List<Cidr> wanted = entries.stream().map(e -> Cidr.parse(x.resolve(e))).toList();
    boolean rds = product.equals("rds");
    List<AllowlistGroup> groups = rds ? x.call(() -> x.port().rds().describeAllowlists(RdsInstanceId.of(instanceId)))
        : x.call(() -> x.port().redis().describeAllowlists(RedisInstanceId.of(instanceId)));
    List<Cidr> present = groups.stream().filter(g -> g.name().equals(group))
        .flatMap(g -> g.entries().stream()).toList();
    List<Cidr> missing = wanted.stream().filter(c -> !present.contains(c)).toList();
    if (missing.isEmpty()) {
      return x.inPlace("allowlist group " + group + " of " + instanceId + " already holds " + entries, Map.of());
    }
    if (x.dry()) {
      return x.wouldApply();
    }
    x.write(() -> {
      if (rds) {
        x.port().rds().appendAllowlistEntries(RdsInstanceId.of(instanceId), group, missing);
      } else {
        x.port().redis().appendAllowlistEntries(RedisInstanceId.of(instanceId), group, missing);
      }
    });
    return x.applied(Map.of());
  }

  private List<AllowlistGroup> appended(List<AllowlistGroup> groups, List<Cidr> add) {
    List<AllowlistGroup> out = new ArrayList<>();
    boolean found = false;
    for (AllowlistGroup g : groups) {
      if (g.name().equals(group)) {
        found = true;
        Set<Cidr> all = new LinkedHashSet<>(g.entries());
        all.addAll(add);
        out.add(g.toBuilder().entries(all).build());
      } else {
        out.add(g);
      }
    }
    if (!found) {
      out.add(AllowlistGroup.builder().name(group).entries(add).build());
    }
    return out;
  }
}
