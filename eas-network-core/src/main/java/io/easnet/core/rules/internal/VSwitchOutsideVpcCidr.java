package io.easnet.core.rules.internal;

import io.easnet.core.model.Cidr;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.Vpc;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * EASNET-041: a vSwitch whose CIDR block lies outside the primary and secondary blocks of its VPC (both in the
 * snapshot). The cloud never creates one; a snapshot that lacks the VPC's secondary blocks, or was edited, holds it,
 * and every path through the vSwitch would be judged on a network that does not exist.
 */
final class VSwitchOutsideVpcCidr extends BaseRule {
  VSwitchOutsideVpcCidr() {
    super("EASNET-041", Severity.ERROR, "vSwitch CIDR block outside its VPC");
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> out = new ArrayList<>();
    for (VSwitch v : byId(context.inventory().vSwitches(), VSwitch::id)) {
      Optional<Vpc> vpc = context.inventory().vpc(v.vpcId());
      if (vpc.isEmpty()) {
        continue;
      }
      List<Cidr> blocks = Stream.concat(Stream.of(vpc.get().cidrBlock()), vpc.get().secondaryCidrBlocks().stream())
          .toList();
      if (blocks.stream().anyMatch(b -> b.contains(v.cidrBlock()))) {
        continue;
      }
      out.add(atResource(context, v.id(), "cidrBlock")
          .message("vSwitch " + v.id() + " (" + v.cidrBlock() + ") lies outside every CIDR block of its VPC "
              + v.vpcId() + " (" + blocks.stream().map(Cidr::toString).collect(Collectors.joining(", "))
              + "); the cloud never creates such a vSwitch, so the snapshot is incomplete or edited and path"
              + " verdicts through it cannot be trusted")
          .remediation("add the VPC's secondary CIDR blocks (DescribeVpcs SecondaryCidrBlocks) to the snapshot, or"
              + " correct the vSwitch's cidrBlock from DescribeVSwitches")
          .addResourceIds(v.id().value(), v.vpcId().value())
          .build());
    }
    return out;
  }
}
