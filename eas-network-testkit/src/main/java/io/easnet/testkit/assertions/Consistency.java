package io.easnet.testkit.assertions;

import io.easnet.core.model.AllowlistGroup.AllowlistTarget;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.ResourceId.EipAllocationId;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.SecurityGroupRule.RulePeer;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.Vpc;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The reference and invariant checks behind {@link InventoryAssert#isConsistent()}. */
final class Consistency {
  private Consistency() {}

  static List<String> problems(Inventory inv) {
    List<String> p = new ArrayList<>();
    for (VSwitch v : inv.vSwitches()) {
      Optional<Vpc> vpc = inv.vpc(v.vpcId());
      if (vpc.isEmpty()) {
        p.add("vSwitch " + v.id() + " names the unknown VPC " + v.vpcId());
      } else if (!vpc.get().covers(v.cidrBlock())) {
        p.add("vSwitch " + v.id() + " (" + v.cidrBlock() + ") lies outside VPC " + v.vpcId());
      }
      if (v.availableIpAddressCount() > v.usableIpCount()) {
        p.add("vSwitch " + v.id() + " reports " + v.availableIpAddressCount() + " free addresses of "
            + v.usableIpCount() + " usable");
      }
      v.routeTableId().filter(t -> inv.routeTable(t).isEmpty())
          .ifPresent(t -> p.add("vSwitch " + v.id() + " names the unknown route table " + t));
    }
    for (int i = 0; i < inv.vSwitches().size(); i++) {
      for (int j = i + 1; j < inv.vSwitches().size(); j++) {
        VSwitch a = inv.vSwitches().get(i);
        VSwitch b = inv.vSwitches().get(j);
        if (a.vpcId().equals(b.vpcId()) && a.cidrBlock().overlaps(b.cidrBlock())) {
          p.add("vSwitches " + a.id() + " and " + b.id() + " overlap");
        }
      }
    }
    for (SecurityGroup g : inv.securityGroups()) {
      if (inv.vpc(g.vpcId()).isEmpty()) {
        p.add("security group " + g.id() + " names the unknown VPC " + g.vpcId());
      }
      if (g.rules().size() > 200) {
        p.add("security group " + g.id() + " holds " + g.rules().size() + " rules; at most 200 are allowed");
      }
      for (SecurityGroupRule r : g.rules()) {
        if (r.peer() instanceof RulePeer.GroupPeer peer) {
          if (inv.securityGroup(peer.groupId()).isEmpty()) {
            p.add("a rule of " + g.id() + " names the unknown group " + peer.groupId());
          }
          if (g.type() == SecurityGroupType.ENTERPRISE) {
            p.add("enterprise group " + g.id() + " uses group " + peer.groupId() + " as a peer");
          }
        }
      }
    }
    p.addAll(duplicateRules(inv));
    for (NatGateway n : inv.natGateways()) {
      if (inv.vpc(n.vpcId()).isEmpty()) {
        p.add("NAT gateway " + n.id() + " names the unknown VPC " + n.vpcId());
      }
      for (EipAllocationId e : n.eipIds()) {
        if (inv.eip(e).isEmpty()) {
          p.add("NAT gateway " + n.id() + " names the unknown EIP " + e);
        }
      }
      Set<VSwitchId> sources = new HashSet<>();
      for (SnatEntry e : inv.snatEntriesOf(n.id())) {
        if (!n.snatTableIds().contains(e.snatTableId())) {
          p.add("SNAT entry " + e.id() + " names table " + e.snatTableId() + ", not one of " + n.id());
        }
        if (e.sourceVSwitchId().isPresent()) {
          VSwitchId v = e.sourceVSwitchId().get();
          if (!sources.add(v)) {
            p.add("vSwitch " + v + " is the source of two SNAT entries of " + n.id());
          }
          Optional<VSwitch> vsw = inv.vSwitch(v);
          if (vsw.isEmpty()) {
            p.add("SNAT entry " + e.id() + " names the unknown vSwitch " + v);
          } else if (!vsw.get().vpcId().equals(n.vpcId())) {
            p.add("SNAT entry " + e.id() + " names vSwitch " + v + " of another VPC");
          }
        }
        Set<IpAddress> natIps = new HashSet<>();
        inv.eipsOf(n).forEach(x -> natIps.add(x.ipAddress()));
        for (IpAddress ip : e.snatIps()) {
          if (!natIps.contains(ip)) {
            p.add("SNAT entry " + e.id() + " uses " + ip + ", not an EIP of " + n.id());
          }
        }
      }
    }
    for (SnatEntry e : inv.snatEntries()) {
      if (inv.natGateway(e.natGatewayId()).isEmpty()) {
        p.add("SNAT entry " + e.id() + " names the unknown NAT gateway " + e.natGatewayId());
      }
    }
    inv.routeTables().stream().filter(t -> inv.vpc(t.vpcId()).isEmpty())
        .forEach(t -> p.add("route table " + t.id() + " names the unknown VPC " + t.vpcId()));
    for (EcsInstance i : inv.ecsInstances()) {
      Optional<VSwitch> v = inv.vSwitch(i.vSwitchId());
      if (v.isEmpty()) {
        p.add("ECS instance " + i.id() + " names the unknown vSwitch " + i.vSwitchId());
      } else {
        i.privateIps().stream().filter(ip -> !ip.isIn(v.get().cidrBlock()))
            .forEach(ip -> p.add("ECS instance " + i.id() + " has " + ip + " outside its vSwitch"));
      }
      groups(inv, "ECS instance " + i.id(), i.securityGroupIds(), p);
    }
    Stream.concat(inv.rdsInstances().stream(), inv.redisInstances().stream()).map(AllowlistTarget.class::cast)
        .forEach(t -> {
          if (t.allowlistEntryCount() > 1000) {
            p.add(t.targetId() + " holds " + t.allowlistEntryCount() + " allowlist entries; at most 1,000");
          }
          t.allowlists().stream().filter(g -> g.entries().isEmpty())
              .forEach(g -> p.add(t.targetId() + "'s allowlist group " + g.name() + " is empty"));
          t.vSwitchId().filter(v -> inv.vSwitch(v).isEmpty())
              .ifPresent(v -> p.add(t.targetId() + " names the unknown vSwitch " + v));
          groups(inv, t.targetId(), t.securityGroupIds(), p);
        });
    for (ResourceGroup g : inv.resourceGroups()) {
      g.dlink().ifPresent(d -> {
        d.allVSwitchIds().stream().filter(v -> inv.vSwitch(v).isEmpty())
            .forEach(v -> p.add("resource group " + g.id() + " names the unknown vSwitch " + v));
        groups(inv, "resource group " + g.id(), List.of(d.securityGroupId()), p);
      });
    }
    return p;
  }

  private static void groups(Inventory inv, String who, List<SecurityGroupId> ids, List<String> p) {
    ids.stream().filter(g -> inv.securityGroup(g).isEmpty())
        .forEach(g -> p.add(who + " names the unknown security group " + g));
  }

  static List<String> duplicateRules(Inventory inv) {
    List<String> p = new ArrayList<>();
    for (SecurityGroup g : inv.securityGroups()) {
      List<SecurityGroupRule> rules = g.rules();
      for (int i = 0; i < rules.size(); i++) {
        for (int j = i + 1; j < rules.size(); j++) {
          if (rules.get(i).sameRuleAs(rules.get(j))) {
            p.add("security group " + g.id() + " holds the rule " + InventoryAssert.describe(rules.get(i)) + " twice");
          }
        }
      }
    }
    return p;
  }
}
