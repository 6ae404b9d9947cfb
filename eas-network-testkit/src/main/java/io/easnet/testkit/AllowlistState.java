package io.easnet.testkit;

import static io.easnet.testkit.StateContext.existing;

import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.AllowlistGroup.AllowlistTarget;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.ResourceId;
import io.easnet.core.model.ResourceId.VpcId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The instances of one allowlist product, RDS or Redis, with the allowlist semantics both share: Append and Delete
 * only, at most 1,000 entries an instance, a delete leaves at least one entry in its group.
 *
 * @param <I> the instance id type
 * @param <T> the instance type
 */
final class AllowlistState<I extends ResourceId, T extends AllowlistTarget> {
  static final int MAX_ALLOWLIST_ENTRIES = 1000;

  private final Map<I, T> instances = new LinkedHashMap<>();
  private final String notFoundCode;
  private final String what;
  private final Function<T, I> idOf;
  private final BiFunction<T, List<AllowlistGroup>, T> withAllowlists;

  AllowlistState(String notFoundCode, String what, Function<T, I> idOf,
      BiFunction<T, List<AllowlistGroup>, T> withAllowlists) {
    this.notFoundCode = notFoundCode;
    this.what = what;
    this.idOf = idOf;
    this.withAllowlists = withAllowlists;
  }

  void clear() {
    instances.clear();
  }

  void put(T instance) {
    instances.put(idOf.apply(instance), instance);
  }

  Collection<T> all() {
    return List.copyOf(instances.values());
  }

  boolean contains(I id) {
    return instances.containsKey(id);
  }

  boolean uses(VpcId vpc, IpAddress ip) {
    return instances.values().stream()
        .anyMatch(t -> t.vpcId().map(vpc::equals).orElse(false) && t.privateIp().map(ip::equals).orElse(false));
  }

  T instance(I id) {
    return existing(instances, id, notFoundCode, what);
  }

  List<T> inVpc(VpcId vpc) {
    return instances.values().stream().filter(t -> t.vpcId().map(vpc::equals).orElse(false)).toList();
  }

  void append(I id, String group, List<Cidr> entries) {
    T i = instance(id);
    instances.put(id, withAllowlists.apply(i, append(i, group, entries)));
  }

  /** Overwrites a group with {@code entries} ({@code ModifyMode=Cover}), creating it when absent. */
  void cover(I id, String group, List<Cidr> entries) {
    T i = instance(id);
    checkEntries(group, entries);
    List<AllowlistGroup> out = new ArrayList<>();
    boolean found = false;
    int others = 0;
    for (AllowlistGroup g : i.allowlists()) {
      if (g.name().equals(group)) {
        found = true;
        out.add(g.toBuilder().entries(new LinkedHashSet<>(entries)).build());
      } else {
        others += g.entries().size();
        out.add(g);
      }
    }
    if (!found) {
      out.add(AllowlistGroup.builder().name(group).addAllEntries(new LinkedHashSet<>(entries)).build());
    }
    int total = others + new LinkedHashSet<>(entries).size();
    if (total > MAX_ALLOWLIST_ENTRIES) {
      throw Refusal.of("QuotaExceeded.SecurityIps",
          i.targetId() + " would hold " + total + " allowlist entries; an instance holds at most "
              + MAX_ALLOWLIST_ENTRIES + ".");
    }
    instances.put(id, withAllowlists.apply(i, out));
  }

  void delete(I id, String group, List<Cidr> entries) {
    T i = instance(id);
    instances.put(id, withAllowlists.apply(i, delete(i, group, entries)));
  }

  private static void checkEntries(String group, List<Cidr> entries) {
    if (group.isBlank()) {
      throw Refusal.of("InvalidSecurityIPArrayName.Malformed", "the allowlist group name must not be blank.");
    }
    if (entries.isEmpty()) {
      throw Refusal.of("InvalidSecurityIPList.Malformed", "SecurityIps must name at least one entry.");
    }
    for (Cidr c : entries) {
      if (!c.isIpv4() || (c.prefixLength() == 0 && !c.isAny())) {
        throw Refusal.of("InvalidSecurityIPList.Malformed", "entry " + c + " is not an IPv4 address or block.");
      }
    }
  }

  private static List<AllowlistGroup> append(AllowlistTarget t, String group, List<Cidr> entries) {
    checkEntries(group, entries);
    List<AllowlistGroup> out = new ArrayList<>();
    boolean found = false;
    int added = 0;
    for (AllowlistGroup g : t.allowlists()) {
      if (g.name().equals(group)) {
        found = true;
        Set<Cidr> merged = new LinkedHashSet<>(g.entries());
        int before = merged.size();
        merged.addAll(entries);
        added = merged.size() - before;
        out.add(g.toBuilder().entries(merged).build());
      } else {
        out.add(g);
      }
    }
    if (!found) {
      Set<Cidr> fresh = new LinkedHashSet<>(entries);
      added = fresh.size();
      out.add(AllowlistGroup.builder().name(group).addAllEntries(fresh).build());
    }
    int total = t.allowlistEntryCount() + added;
    if (added > 0 && total > MAX_ALLOWLIST_ENTRIES) {
      throw Refusal.of("QuotaExceeded.SecurityIps",
          t.targetId() + " would hold " + total + " allowlist entries; an instance holds at most "
              + MAX_ALLOWLIST_ENTRIES + ".");
    }
    return out;
  }

  private static List<AllowlistGroup> delete(AllowlistTarget t, String group, List<Cidr> entries) {
    checkEntries(group, entries);
    List<AllowlistGroup> out = new ArrayList<>();
    boolean found = false;
    for (AllowlistGroup g : t.allowlists()) {
      if (g.name().equals(group)) {
        found = true;
        List<Cidr> kept = g.entries().stream().filter(e -> !entries.contains(e)).toList();
        if (kept.isEmpty()) {
          throw Refusal.of("InvalidSecurityIPList.AtLeastOne",
              "deleting " + entries + " would leave allowlist group " + group + " of " + t.targetId()
                  + " empty; a group keeps at least one entry.");
        }
        out.add(g.toBuilder().entries(kept).build());
      } else {
        out.add(g);
      }
    }
    if (!found) {
      throw Refusal.of("InvalidSecurityIPArrayName.NotFound",
          "allowlist group " + group + " of " + t.targetId() + " does not exist.");
    }
    return out;
  }
}
