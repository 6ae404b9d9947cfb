package io.easnet.core.change;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.change.Change.ChangeKind;
import io.easnet.core.change.Change.Params;
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
import java.util.Optional;
import java.util.Set;

/**
 * Remove single EAS instance addresses from a named allowlist group of an RDS or Redis instance (ModifySecurityIps,
 * Delete), once a block that covers the EAS vSwitch is admitted: the EASNET-015 leftovers. Planned only with
 * {@code plan --allow-removals}; it needs the append of {@code keptBlock} to {@code keptGroup} when the plan makes it,
 * and it removes nothing while that block is not in place (never access removed before its replacement exists).
 *
 * @param product {@code rds} or {@code redis}
 * @param instanceId the instance
 * @param groupName the allowlist group the entries are removed from
 * @param entries the single addresses to remove, at least one, each inside {@code keptBlock}
 * @param keptGroup the allowlist group that holds (or that the plan's append makes hold) {@code keptBlock}
 * @param keptBlock the block that keeps admitting the EAS vSwitch, and the addresses removed
 */
public record RemoveAllowlistEntries(String product, String instanceId, String groupName, List<Cidr> entries,
    String keptGroup, Cidr keptBlock) implements Change {
  /** Checks the arguments and copies the list. */
  public RemoveAllowlistEntries {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(groupName, "groupName");
    Objects.requireNonNull(keptGroup, "keptGroup");
    Objects.requireNonNull(keptBlock, "keptBlock");
    if (!"rds".equals(product) && !"redis".equals(product)) {
      throw new IllegalArgumentException("allowlists belong to RDS or Redis instances, not " + product);
    }
    entries = List.copyOf(new LinkedHashSet<>(entries));
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("an allowlist removal needs at least one entry");
    }
    for (Cidr e : entries) {
      if (!keptBlock.contains(e) || e.equals(keptBlock)) {
        throw new IllegalArgumentException("the removed entry " + e + " must lie inside the kept block " + keptBlock);
      }
    }
  }

  /** Reads the parameters of a {@link ChangeKind#REMOVE_ALLOWLIST_ENTRIES} change. */
  static RemoveAllowlistEntries read(Cursor p) {
    p.rejectUnknownKeys(List.of("product", "instanceId", "group", "entries", "keptGroup", "keptBlock"));
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
    String keptGroup = Params.text(p, "keptGroup");
    if (keptGroup.isBlank()) {
      throw p.get("keptGroup").error("the kept allowlist group name is empty.",
          "write the group that holds the block covering the EAS vSwitch, such as \"eas\".");
    }
    Cidr kept = Cidr.parse(Params.id(p, "keptBlock", Cidr::parse));
    List<String> entries = Params.ids(p, "entries", Cidr::parse, false);
    if (entries.isEmpty()) {
      throw p.required("entries").error("an allowlist removal needs at least one entry.",
          "list the single addresses to remove, e.g. [\"192.168.1.23/32\"].");
    }
    List<Cursor> items = p.required("entries").elements();
    for (int i = 0; i < entries.size(); i++) {
      Cidr e = Cidr.parse(entries.get(i));
      if (!kept.contains(e) || e.equals(kept)) {
        throw items.get(i).error("the entry " + e + " does not lie inside the kept block " + kept + ".",
            "remove only addresses that the kept block still admits, or plan again with --allow-removals.");
      }
    }
    return new RemoveAllowlistEntries(product, instance, group, entries.stream().map(Cidr::parse).toList(),
        keptGroup, kept);
  }

  /** The deduplication key of the removals from {@code groupName} of {@code instanceId}. */
  static String keyOf(String instanceId, String groupName) {
    return "allowlist-remove:" + instanceId + ":" + groupName;
  }

  @Override
  public List<Change> bind(Binding b) {
    return List.of(this);
  }

  @Override
  public ChangeKind kind() {
    return ChangeKind.REMOVE_ALLOWLIST_ENTRIES;
  }

  @Override
  public String key() {
    return keyOf(instanceId, groupName);
  }

  @Override
  public List<String> targets() {
    return List.of(instanceId);
  }

  /** The append of the kept block, when the plan makes it: the removal comes after it. */
  @Override
  public List<String> needs() {
    return List.of(AppendAllowlistEntries.keyOf(instanceId, keptGroup));
  }

  @Override
  public String describe() {
    return "remove " + String.join(", ", entries.stream().map(RemoveAllowlistEntries::address).toList())
        + " from allowlist group " + groupName + " of " + instanceId + " (ModifySecurityIps with ModifyMode Delete);"
        + " " + keptBlock + " in group " + keptGroup + " keeps admitting the EAS vSwitch";
  }

  private static String address(Cidr c) {
    return c.isSingleAddress() ? c.address().toString() : c.toString();
  }

  @Override
  public void writeParameters(ObjectNode p) {
    p.put("product", product);
    p.put("instanceId", instanceId);
    p.put("group", groupName);
    ArrayNode a = p.putArray("entries");
    entries.forEach(e -> a.add(e.toString()));
    p.put("keptGroup", keptGroup);
    p.put("keptBlock", keptBlock.toString());
  }

  @Override
  public void writeRemedy(ObjectNode n) {
    ObjectNode i = n.putObject("instance");
    i.put("kind", product.equals("rds") ? "RDS_INSTANCE" : "REDIS_INSTANCE");
    i.put("id", instanceId);
    n.put("groupName", groupName);
    ArrayNode a = n.putArray("entries");
    entries.forEach(e -> a.add(e.toString()));
    n.put("keptGroup", keptGroup);
    n.put("keptBlock", keptBlock.toString());
  }

  @Override
  public Change absorb(Change later) {
    if (!(later instanceof RemoveAllowlistEntries r) || !r.keptGroup.equals(keptGroup)
        || !r.keptBlock.equals(keptBlock)) {
      return this;
    }
    Set<Cidr> all = new LinkedHashSet<>(entries);
    all.addAll(r.entries());
    return new RemoveAllowlistEntries(product, instanceId, groupName, List.copyOf(all), keptGroup, keptBlock);
  }

  @Override
  public <S extends Estate<S>> S applyTo(S s) {
    return s.withInventory(Params.editingAllowlists(s.inventory(), product, instanceId, this::removed));
  }


  /**
   * The instance exists; the group exists and still holds every entry; the group keeps an entry after the removal (the
   * cloud refuses to empty a group); the kept block is in the kept group now, or an earlier append of this plan puts it
   * there (see {@link Preflight}).
   */
  @Override
  public void checkBeforeWrites(Execution<?> x) {
    boolean rds = product.equals("rds");
    String what = (rds ? "RDS" : "Redis") + " instance " + instanceId;
    List<AllowlistGroup> groups = Preflight.existing(x, () -> Params.allowlistsOf(x.port(), product, instanceId),
        what);
    x.fact(what, "exists");
    Optional<AllowlistGroup> group = groups.stream().filter(g -> g.name().equals(groupName)).findFirst();
    Preflight.require(group.isPresent(), "NotFound", "allowlist group " + groupName + " of " + what
        + " does not exist in the estate (DescribeDBInstanceIPArrayList / DescribeSecurityIps list no such group)");
    List<Cidr> gone = entries.stream().filter(e -> !group.get().entries().contains(e)).toList();
    Preflight.require(gone.isEmpty(), "EntryNotFound", "allowlist group " + groupName + " of " + what
        + " no longer holds " + gone + ": the estate changed since the plan was made; plan again");
    Preflight.require(group.get().entries().stream().anyMatch(e -> !entries.contains(e))
        || groupName.equals(keptGroup), "GroupWouldBeEmpty", "removing " + entries + " would leave allowlist group "
        + groupName + " of " + what + " empty, which the cloud refuses (a group keeps at least one entry)");
    boolean keptNow = groups.stream().anyMatch(g -> g.name().equals(keptGroup) && g.entries().contains(keptBlock));
    boolean keptByPlan = Preflight.earlier(x).stream().anyMatch(c -> c instanceof AppendAllowlistEntries a
        && a.instanceId().equals(instanceId) && a.groupName().equals(keptGroup) && a.entries().contains(keptBlock));
    Preflight.require(keptNow || keptByPlan, "ReplacementMissing", "allowlist group " + keptGroup + " of " + what
        + " does not hold " + keptBlock + " and no earlier change of the plan appends it: removing " + entries
        + " would cut the EAS vSwitch off");
  }

  @Override
  public <R> R execute(Execution<R> x) {
    boolean rds = product.equals("rds");
    List<AllowlistGroup> groups = x.call(() -> Params.allowlistsOf(x.port(), product, instanceId));
    List<Cidr> present = groups.stream().filter(g -> g.name().equals(groupName))
        .flatMap(g -> g.entries().stream()).toList();
    List<Cidr> still = entries.stream().filter(present::contains).toList();
    if (still.isEmpty()) {
      return x.inPlace("allowlist group " + groupName + " of " + instanceId + " no longer holds " + entries, Map.of());
    }
    boolean kept = groups.stream().anyMatch(g -> g.name().equals(keptGroup) && g.entries().contains(keptBlock));
    if (!kept && !x.dry()) {
      // the append before it did not land: never remove access before its replacement exists
      return x.failed("allowlist group " + keptGroup + " of " + instanceId + " does not hold " + keptBlock
          + ", so " + still + " stay", "ReplacementMissing");
    }
    if (x.dry()) {
      return x.wouldApply();
    }
    x.write(() -> {
      if (rds) {
        x.port().rds().deleteAllowlistEntries(RdsInstanceId.of(instanceId), groupName, still);
      } else {
        x.port().redis().deleteAllowlistEntries(RedisInstanceId.of(instanceId), groupName, still);
      }
    });
    return x.applied(Map.of());
  }

  private List<AllowlistGroup> removed(List<AllowlistGroup> groups) {
    List<AllowlistGroup> out = new ArrayList<>();
    for (AllowlistGroup g : groups) {
      if (g.name().equals(groupName)) {
        List<Cidr> rest = g.entries().stream().filter(e -> !entries.contains(e)).toList();
        out.add(g.toBuilder().entries(rest).build());
      } else {
        out.add(g);
      }
    }
    return out;
  }
}
