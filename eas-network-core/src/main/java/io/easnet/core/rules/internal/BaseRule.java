package io.easnet.core.rules.internal;

import io.easnet.core.resolve.Provenance;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.ResolvedService;
import io.easnet.core.rules.Rule;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Severity;

/** Id, severity and summary as data; subclasses implement only the check. */
abstract class BaseRule implements Rule {
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

  /** A finding located in a service's JSON. */
  final Finding.Builder atService(ResolvedService s, String pointer) {
    return Finding.of(this).serviceName(s.name()).source(s.source()).pointer(pointer);
  }

  /** A finding located in the snapshot. */
  final Finding.Builder atInventory(RuleContext c, String pointer) {
    return Finding.of(this).source(c.inventorySource()).pointer(pointer);
  }

  /**
   * A finding at the place a networking value came from: the service's {@code cloud.networking/<key>} when the
   * service sets it, else the resource group's DLink in the snapshot.
   */
  final Finding.Builder atNetworkValue(RuleContext c, ResolvedService s, String key, String dlinkField) {
    boolean fromGroup = s.network().map(n -> n.provenance() == Provenance.RESOURCE_GROUP).orElse(false);
    if (fromGroup) {
      String group = s.network().get().resourceGroupId().map(Object::toString).orElse("?");
      return atInventory(c, Pointers.of("resourceGroups", group, "dlink", dlinkField)).serviceName(s.name());
    }
    return atService(s, Pointers.networking(key));
  }

  @Override
  public String toString() {
    return id + " " + summary;
  }
}
