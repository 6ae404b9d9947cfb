package io.easnet.core.rules.internal;

import io.easnet.core.model.Cidr;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.VSwitch;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * EASNET-047: an ECS instance with a private address outside its vSwitch's block (IPv4, or IPv6 when the vSwitch has
 * an IPv6 block). The cloud assigns addresses from the instance's vSwitch only; paths to and from such an address
 * would be judged in the wrong place.
 */
final class EcsAddressOutsideVSwitch extends BaseRule {
  EcsAddressOutsideVSwitch() {
    super("EASNET-047", Severity.ERROR, "ECS address outside its vSwitch");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (EcsInstance i : byId(context.inventory().ecsInstances(), EcsInstance::id)) {
      Optional<VSwitch> v = context.inventory().vSwitch(i.vSwitchId());
      if (v.isEmpty()) {
        continue;
      }
      for (int k = 0; k < i.privateIps().size(); k++) {
        IpAddress ip = i.privateIps().get(k);
        Optional<Cidr> block = ip.isIpv4() ? Optional.of(v.get().cidrBlock()) : v.get().ipv6CidrBlock();
        if (block.isEmpty() || ip.isIn(block.get())) {
          continue;
        }
        out.add(atResource(context, i.id(), "privateIps", k)
            .message("ECS instance " + i.id() + " has address " + ip + " outside its vSwitch " + v.get().id() + " ("
                + block.get() + "); the cloud assigns addresses from the instance's vSwitch only")
            .remediation("re-read the instance from the cloud (DescribeInstances), or correct its vSwitchId")
            .addResourceIds(i.id().value(), v.get().id().value())
            .identity(ip.toString())
            .build());
      }
    }
    return out;
  }
}
