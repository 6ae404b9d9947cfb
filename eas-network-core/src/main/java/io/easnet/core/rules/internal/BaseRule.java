package io.easnet.core.rules.internal;

import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.analysis.SecurityGroupVerdict;
import io.easnet.core.internal.JsonPointers;
import io.easnet.core.model.AllowlistGroup.AllowlistTarget;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.ResourceId;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.resolve.EffectiveNetwork.Provenance;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.Rule;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Id, severity and summary as data; subclasses implement only the check. */
abstract class BaseRule implements Rule {
  /** The pointer of the service's networking block. */
  static final String NETWORKING = "/cloud/networking";
  /** The pointer of the service's resource group. */
  static final String RESOURCE = "/metadata/resource";

  private final String id;
  private final Severity severity;
  private final String summary;

  BaseRule(String id, Severity severity, String summary) {
    this.id = id;
    this.severity = severity;
    this.summary = summary;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final Severity severity() {
    return severity;
  }

  @Override
  public final String summary() {
    return summary;
  }

  /** A copy of {@code resources} sorted by id, so that a rule reports in the same order whatever the input's. */
  static <T> List<T> byId(List<T> resources, Function<T, ? extends ResourceId> id) {
    List<T> out = new ArrayList<>(resources);
    out.sort(Comparator.comparing(r -> id.apply(r).value()));
    return out;
  }

  /**
   * A finding located in a service's JSON, at {@code pointer} within the service: under {@code /services/N} when the
   * service is one a snapshot holds.
   */
  final Finding.Builder atService(ResolvedService s, String pointer) {
    return Finding.of(this).serviceName(s.name()).source(s.source()).pointer(s.input().pointerBase() + pointer);
  }

  /** A finding located in the snapshot. */
  final Finding.Builder atInventory(RuleContext c, String pointer) {
    return Finding.of(this).source(c.inventorySource()).pointer(pointer);
  }

  /**
   * A finding at a resource of the snapshot or a part of it, by position: {@code atResource(c, group, "rules", 3)}
   * points at {@code /securityGroups/<position of group>/rules/3}. The whole snapshot when the inventory does not
   * hold the resource.
   */
  final Finding.Builder atResource(RuleContext c, ResourceId id, Object... path) {
    return atInventory(c, c.inventoryPointer(id).map(p -> p + JsonPointers.of(path)).orElse(""));
  }

  /** A finding at one allowlist entry: {@code /rdsInstances/<i>/allowlists/<group>/entries/<entry>}. */
  final Finding.Builder atEntry(RuleContext c, Allowlists.Entry e) {
    return atResource(c, Allowlists.id(e.target()), "allowlists", e.groupIndex(), "entries", e.entryIndex());
  }

  /** A finding at the allowlists of an RDS or Redis instance; at the instance when it has none. */
  final Finding.Builder atAllowlists(RuleContext c, AllowlistTarget t) {
    return t.allowlists().isEmpty() ? atResource(c, Allowlists.id(t)) : atResource(c, Allowlists.id(t), "allowlists");
  }

  /**
   * A finding at the rules of a security group, when the exposure comes from their combination; at the group when
   * it has none.
   */
  final Finding.Builder atRules(RuleContext c, SecurityGroup g) {
    return g.rules().isEmpty() ? atResource(c, g.id()) : atResource(c, g.id(), "rules");
  }

  /** A finding at the rule of {@code g} that decided {@code verdict}; at the group when its default decided. */
  final Finding.Builder atDecidingRule(RuleContext c, SecurityGroup g, SecurityGroupVerdict verdict) {
    int i = verdict.decidingRule().map(r -> g.rules().indexOf(r)).orElse(-1);
    return i < 0 ? atResource(c, g.id()) : atResource(c, g.id(), "rules", i);
  }

  /** The pointer of a networking key: {@code vpc_id} becomes {@code /cloud/networking/vpc_id}. */
  static String networking(String key) {
    return JsonPointers.child(NETWORKING, key);
  }

  /**
   * A finding at the place a networking value came from: the service's {@code cloud.networking/<key>} when the
   * service sets it, else the field {@code dlinkField} of the resource group's DLink in the snapshot (the DLink
   * itself when the field is not written, e.g. an unset {@code vpcId}).
   */
  final Finding.Builder atNetworkValue(RuleContext c, ResolvedService s, String key, String dlinkField) {
    Optional<ResourceGroup> group = groupOf(c, s);
    if (group.isEmpty()) {
      return atService(s, networking(key));
    }
    boolean written = !dlinkField.equals("vpcId") || group.get().dlink().get().vpcId().isPresent();
    return (written ? atDLink(c, group.get(), dlinkField) : atDLink(c, group.get())).serviceName(s.name());
  }

  /**
   * A finding at the place a vSwitch of the effective network came from: the service's
   * {@code cloud.networking/vswitch_id}, or the DLink's {@code vSwitchId} or {@code auxVSwitchIds/<n>}.
   */
  final Finding.Builder atVSwitchValue(RuleContext c, ResolvedService s, VSwitchId id) {
    Optional<ResourceGroup> group = groupOf(c, s);
    if (group.isEmpty()) {
      return atService(s, networking("vswitch_id"));
    }
    DLink d = group.get().dlink().get();
    int aux = d.auxVSwitchIds().indexOf(id);
    Finding.Builder f = d.vSwitchId().equals(id) ? atDLink(c, group.get(), "vSwitchId")
        : aux >= 0 ? atDLink(c, group.get(), "auxVSwitchIds", aux) : atDLink(c, group.get());
    return f.serviceName(s.name());
  }

  /**
   * A finding about a vSwitch's capacity, at the place its first user (by name) takes it from; about that service
   * only when it is the single user.
   */
  final Finding.Builder atUsage(RuleContext c, Capacity.Usage u) {
    ResolvedService first = u.services().get(0);
    return atVSwitchValue(c, first, u.capacity().vSwitchId())
        .serviceName(u.services().size() == 1 ? Optional.of(first.name()) : Optional.empty());
  }

  /** A finding at the DLink of {@code g}, or a part of it. */
  private Finding.Builder atDLink(RuleContext c, ResourceGroup g, Object... path) {
    return atInventory(c, c.inventoryPointer(g.id()).map(p -> p + "/dlink" + JsonPointers.of(path)).orElse(""));
  }

  /** The resource group whose DLink gave the service its network, when that is where it came from. */
  private static Optional<ResourceGroup> groupOf(RuleContext c, ResolvedService s) {
    return s.network().filter(n -> n.provenance() == Provenance.RESOURCE_GROUP)
        .flatMap(n -> n.resourceGroupId())
        .flatMap(c.inventory()::resourceGroup)
        .filter(g -> g.dlink().isPresent());
  }

  @Override
  public String toString() {
    return id + " " + summary;
  }
}
