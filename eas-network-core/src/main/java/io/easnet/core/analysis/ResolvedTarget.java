package io.easnet.core.analysis;

import io.easnet.core.analysis.Explanation.Missing;
import io.easnet.core.analysis.Explanation.Component;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import io.easnet.core.analysis.Assumption.AssumptionKey;
import io.easnet.core.internal.Suggestions;
import io.easnet.core.model.AllowlistGroup.AllowlistTarget;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A private target looked up in the inventory, once: its label, component, VPC, address, vSwitch, security groups,
 * port, protocol and allowlists, or the {@link ExplanationCode#TARGET_NOT_FOUND} blocker (with a near miss) when the
 * inventory does not hold it. The one place that resolves targets: paths use it and rules read its blockers.
 */
final class ResolvedTarget {
  /** RDS port when the inventory records none. */
  static final int RDS_DEFAULT_PORT = 3306;
  /** Redis port when the inventory records none. */
  static final int REDIS_DEFAULT_PORT = 6379;

  Target.Kind kind;
  String label;
  Component component;
  Explanation notFound;
  Optional<VpcId> vpcId = Optional.empty();
  Optional<VSwitchId> vSwitchId = Optional.empty();
  Cidr address;
  List<SecurityGroupId> groups = List.of();
  int port;
  Protocol protocol;
  AllowlistTarget allowlist;

  boolean isAllowlistTarget() {
    return allowlist != null;
  }

  static ResolvedTarget of(InventoryIndex index, Optional<VpcId> serviceVpc, Target target) {
    Inventory inventory = index.inventory();
    ResolvedTarget t = new ResolvedTarget();
    t.kind = target.kind();
    t.protocol = target.protocol();
    switch (target.kind()) {
      case RDS, REDIS -> {
        boolean rds = target.kind() == Target.Kind.RDS;
        t.component = Component.of(rds ? Component.Kind.RDS_INSTANCE : Component.Kind.REDIS_INSTANCE,
            target.resourceId().orElseThrow());
        Optional<? extends AllowlistTarget> a = rds
            ? inventory.rdsInstance((RdsInstanceId) target.resourceId().orElseThrow())
            : inventory.redisInstance((RedisInstanceId) target.resourceId().orElseThrow());
        String kindName = rds ? "RDS " : "Redis ";
        if (a.isEmpty()) {
          t.port = target.port().orElse(rds ? RDS_DEFAULT_PORT : REDIS_DEFAULT_PORT);
          t.label = kindName + t.component.id() + ":" + t.port;
          t.notFound = notFound(index, t.component, kindName + "instance");
          return t;
        }
        AllowlistTarget at = a.get();
        t.allowlist = at;
        t.port = target.port().orElse(at.port());
        t.label = kindName + t.component.id() + ":" + t.port;
        t.groups = at.securityGroupIds();
        t.vSwitchId = at.vSwitchId();
        Optional<VSwitch> tv = at.vSwitchId().flatMap(inventory::vSwitch);
        t.vpcId = at.vpcId().or(() -> tv.map(VSwitch::vpcId));
        t.address = at.privateIp().map(IpAddress::asCidr).or(() -> tv.map(VSwitch::cidrBlock)).orElse(null);
        if (t.vpcId.isEmpty() && t.address != null) {
          t.vpcId = index.vpcCovering(t.address, serviceVpc);
        }
      }
      case ECS -> {
        EcsInstanceId id = (EcsInstanceId) target.resourceId().orElseThrow();
        t.component = Component.of(Component.Kind.ECS_INSTANCE, id);
        t.port = target.port().orElseThrow();
        t.label = "ECS " + id + ":" + t.port;
        Optional<EcsInstance> e = inventory.ecsInstance(id);
        if (e.isEmpty()) {
          t.notFound = notFound(index, t.component, "ECS instance");
          return t;
        }
        t.vpcId = Optional.of(e.get().vpcId());
        t.vSwitchId = Optional.of(e.get().vSwitchId());
        t.address = e.get().privateIps().get(0).asCidr();
        t.groups = e.get().securityGroupIds();
      }
      case ADDRESS -> {
        IpAddress ip = target.address().orElseThrow();
        t.port = target.port().orElse(-1);
        t.label = ip + (t.port == -1 ? "" : ":" + t.port) + "/" + t.protocol.name().toLowerCase(Locale.ROOT);
        t.address = ip.asCidr();
        t.component = Component.address(ip);
        Optional<EcsInstance> owner = index.ecsWithAddress(ip);
        if (owner.isPresent()) {
          t.groups = owner.get().securityGroupIds();
          t.vpcId = Optional.of(owner.get().vpcId());
          t.vSwitchId = Optional.of(owner.get().vSwitchId());
          t.component = Component.of(Component.Kind.ECS_INSTANCE, owner.get().id());
        } else {
          t.vSwitchId = index.vSwitchContaining(t.address).map(VSwitch::id);
          t.vpcId = index.vpcCovering(t.address, serviceVpc);
        }
      }
      default -> throw new IllegalStateException();
    }
    return t;
  }

  private static Explanation notFound(InventoryIndex index, Component c, String kind) {
    Explanation.Builder b = Explanation.builder().code(ExplanationCode.TARGET_NOT_FOUND).component(c)
        .expected(kind + " " + c.id() + " is in the inventory").actual("it is not in the inventory")
        .missing(new Missing.FactUnknown(c, AssumptionKey.TARGET_UNKNOWN))
        .advice("check the id and region, or add the instance to the snapshot");
    Suggestions.nearestId(c.id(), index.targetIds()).ifPresent(b::didYouMean);
    return b.build();
  }
}
