package io.easnet.core.rules.internal;

import io.easnet.core.model.AllowlistTarget;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.SecurityGroupId;
import io.easnet.core.model.VpcId;
import java.util.List;
import java.util.Optional;

/** A private target as the rules need it: id, kind, VPC, address, port, security groups, allowlists. */
record Target(String id, String kind, Optional<VpcId> vpcId, Optional<Cidr> address, int port,
    List<SecurityGroupId> groups, Optional<AllowlistTarget> allowlist) {

  static Optional<Target> find(Inventory inv, String id) {
    Optional<AllowlistTarget> a = Targets.allowlistTarget(inv, id);
    if (a.isPresent()) {
      AllowlistTarget t = a.get();
      Optional<Cidr> address = t.privateIp().map(ip -> ip.asCidr())
          .or(() -> t.vSwitchId().flatMap(inv::vSwitch).map(v -> v.cidrBlock()));
      return Optional.of(new Target(t.targetId(), Allowlists.kind(t), t.vpcId(), address, t.port(),
          t.securityGroupIds(), a));
    }
    Optional<EcsInstance> e = Targets.ecs(inv, id);
    if (e.isPresent()) {
      EcsInstance i = e.get();
      return Optional.of(new Target(i.id().value(), "ECS instance", Optional.of(i.vpcId()),
          Optional.of(i.privateIps().get(0).asCidr()), 0, i.securityGroupIds(), Optional.empty()));
    }
    return Optional.empty();
  }
}
