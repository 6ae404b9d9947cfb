package io.easnet.core.rules.internal;

import io.easnet.core.analysis.Target;
import io.easnet.core.model.AllowlistTarget;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.SecurityGroupId;
import io.easnet.core.model.VpcId;
import java.util.List;
import java.util.Optional;

/** A private target as the rules need it: id, kind, VPC, address, port, security groups, allowlists. */
record TargetInfo(String id, String kind, Optional<VpcId> vpcId, Optional<Cidr> address, int port,
    List<SecurityGroupId> groups, Optional<AllowlistTarget> allowlist) {

  /**
   * A target of an intent: an instance looked up in the inventory (its port unless the intent gives one), or a plain
   * TCP address (kind {@code address}, empty id).
   */
  static Optional<TargetInfo> of(Inventory inv, Target target) {
    if (target.resourceId().isPresent()) {
      Optional<TargetInfo> t = find(inv, target.resourceId().get().value());
      if (t.isEmpty() || target.port().isEmpty()) {
        return t;
      }
      TargetInfo i = t.get();
      return Optional.of(new TargetInfo(i.id(), i.kind(), i.vpcId(), i.address(), target.port().getAsInt(),
          i.groups(), i.allowlist()));
    }
    if (target.address().isPresent() && target.protocol() == Protocol.TCP && target.port().isPresent()) {
      return Optional.of(new TargetInfo("", "address", Optional.empty(), Optional.of(target.address().get().asCidr()),
          target.port().getAsInt(), List.of(), Optional.empty()));
    }
    return Optional.empty();
  }

  static Optional<TargetInfo> find(Inventory inv, String id) {
    Optional<AllowlistTarget> a = Targets.allowlistTarget(inv, id);
    if (a.isPresent()) {
      AllowlistTarget t = a.get();
      Optional<Cidr> address = t.privateIp().map(ip -> ip.asCidr())
          .or(() -> t.vSwitchId().flatMap(inv::vSwitch).map(v -> v.cidrBlock()));
      return Optional.of(new TargetInfo(t.targetId(), Allowlists.kind(t), t.vpcId(), address, t.port(),
          t.securityGroupIds(), a));
    }
    Optional<EcsInstance> e = Targets.ecs(inv, id);
    if (e.isPresent()) {
      EcsInstance i = e.get();
      return Optional.of(new TargetInfo(i.id().value(), "ECS instance", Optional.of(i.vpcId()),
          Optional.of(i.privateIps().get(0).asCidr()), 0, i.securityGroupIds(), Optional.empty()));
    }
    return Optional.empty();
  }
}
