package io.easnet.testkit.gen;

import static io.easnet.testkit.gen.NetworkGenerators.randomId;

import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.DLink;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.Eip;
import io.easnet.core.model.EipAllocationId;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.NatGatewayId;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.RouteEntry;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.RulePeer;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SecurityGroupType;
import io.easnet.core.model.SnatEntry;
import io.easnet.core.model.SnatTableId;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.VSwitchId;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.VpcId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Generates whole, consistent estates: every reference resolves (vSwitches in their VPC's block, rules naming
 * groups of the same VPC, SNAT entries naming vSwitches of the gateway's VPC and its EIPs, instances with addresses
 * in their vSwitch), and every Alibaba invariant holds (at most one SNAT entry per vSwitch, distinct rules, allowlists
 * under 1,000 entries).
 */
public final class EstateGenerator {
  private EstateGenerator() {}

  /** One to three VPCs with vSwitches, groups, NAT gateways, instances, allowlist targets and resource groups. */
  public static Inventory estate(RandomGenerator r) {
    Inventory.Builder b = Inventory.builder();
    int vpcs = r.nextInt(1, 4);
    Set<Integer> firstOctets = new LinkedHashSet<>();
    while (firstOctets.size() < vpcs) {
      firstOctets.add(r.nextInt(1, 100));
    }
    for (int octet : firstOctets) {
      vpc(r, b, Cidr.ofIpv4((long) octet << 24, 16));
    }
    return b.build();
  }

  private static void vpc(RandomGenerator r, Inventory.Builder b, Cidr block) {
    VpcId vpc = VpcId.of(randomId(r, "vpc-"));
    b.addVpc(Vpc.builder().id(vpc).name("vpc-" + block.address()).cidrBlock(block).build());

    List<VSwitch> vSwitches = new ArrayList<>();
    Set<Long> used = new LinkedHashSet<>();
    int nv = r.nextInt(1, 5);
    while (vSwitches.size() < nv) {
      Cidr cidr = NetworkGenerators.ipv4Subnet(r, block, 24);
      if (!used.add(cidr.firstIpv4())) {
        continue;
      }
      VSwitch probe = VSwitch.builder().id(VSwitchId.of(randomId(r, "vsw-"))).vpcId(vpc).cidrBlock(cidr)
          .zoneId("cn-hangzhou-" + (char) ('a' + r.nextInt(8))).build();
      VSwitch v = probe.toBuilder().availableIpAddressCount(r.nextLong(0, probe.usableIpCount() + 1)).build();
      vSwitches.add(v);
      b.addVSwitch(v);
    }

    List<SecurityGroupId> groupIds = new ArrayList<>();
    int ng = r.nextInt(1, 4);
    for (int i = 0; i < ng; i++) {
      groupIds.add(SecurityGroupId.of(randomId(r, "sg-")));
    }
    for (SecurityGroupId id : groupIds) {
      SecurityGroupType type = r.nextInt(4) == 0 ? SecurityGroupType.ENTERPRISE : SecurityGroupType.BASIC;
      List<RulePeer> peers = new ArrayList<>();
      peers.add(RulePeer.cidr(Cidr.ANY_IPV4));
      peers.add(RulePeer.cidr(block));
      vSwitches.forEach(v -> peers.add(RulePeer.cidr(v.cidrBlock())));
      peers.add(RulePeer.cidr(NetworkGenerators.ipv4Cidr(r, 8, 32)));
      if (type == SecurityGroupType.BASIC) {
        groupIds.forEach(g -> peers.add(RulePeer.group(g)));
      }
      List<SecurityGroupRule> rules = new ArrayList<>();
      int nr = r.nextInt(0, 9);
      for (int i = 0; i < nr; i++) {
        SecurityGroupRule rule = NetworkGenerators.rule(r, peers);
        if (rules.stream().noneMatch(x -> x.sameRuleAs(rule))) {
          rules.add(rule);
        }
      }
      b.addSecurityGroup(SecurityGroup.builder().id(id).vpcId(vpc).type(type).addAllRules(rules).build());
    }

    RouteTable.Builder system = RouteTable.builder().id(randomId(r, "vtb-")).vpcId(vpc).type(RouteTable.Type.SYSTEM);
    if (r.nextInt(3) > 0) {
      NatGatewayId nat = NatGatewayId.of(randomId(r, "ngw-"));
      SnatTableId table = SnatTableId.of(randomId(r, "stb-"));
      NatGateway.Builder nb = NatGateway.builder().id(nat).vpcId(vpc).addSnatTableId(table);
      List<IpAddress> ips = new ArrayList<>();
      int ne = r.nextInt(0, 3);
      for (int i = 0; i < ne; i++) {
        EipAllocationId eip = EipAllocationId.of(randomId(r, "eip-"));
        IpAddress ip = IpAddress.parse(NetworkGenerators.formatV4(r.nextLong(0x2F00_0000L, 0x3000_0000L)));
        if (ips.contains(ip)) {
          continue;
        }
        ips.add(ip);
        nb.addEipId(eip);
        b.addEip(Eip.builder().id(eip).ipAddress(ip).instanceId(nat.value()).instanceType("Nat").build());
      }
      b.addNatGateway(nb.build());
      if (!ips.isEmpty()) {
        for (VSwitch v : vSwitches) {
          if (r.nextBoolean()) {
            b.addSnatEntry(SnatEntry.builder().id(randomId(r, "snat-")).snatTableId(table).natGatewayId(nat)
                .sourceVSwitchId(v.id()).addSnatIp(ips.get(r.nextInt(ips.size()))).build());
          } else if (r.nextInt(3) == 0) {
            // a CIDR entry for half of the vSwitch: only some of its instances have egress
            b.addSnatEntry(SnatEntry.builder().id(randomId(r, "snat-")).snatTableId(table).natGatewayId(nat)
                .sourceCidr(Cidr.ofIpv4(v.cidrBlock().firstIpv4(), v.cidrBlock().prefixLength() + 1))
                .addSnatIp(ips.get(r.nextInt(ips.size()))).build());
          }
        }
      }
      if (r.nextInt(4) > 0) {
        system.addEntry(RouteEntry.toNat("0.0.0.0/0", nat));
      }
    }
    b.addRouteTable(system.build());

    int ne = r.nextInt(0, 4);
    for (int i = 0; i < ne; i++) {
      VSwitch v = vSwitches.get(r.nextInt(vSwitches.size()));
      b.addEcsInstance(EcsInstance.builder().id(randomId(r, "i-")).vpcId(vpc).vSwitchId(v.id())
          .addPrivateIp(IpAddress.parse(NetworkGenerators.ipv4AddressIn(r, v.cidrBlock()).address()))
          .addAllSecurityGroupIds(someOf(r, groupIds, 1)).build());
    }
    int nrds = r.nextInt(0, 3);
    for (int i = 0; i < nrds; i++) {
      VSwitch v = vSwitches.get(r.nextInt(vSwitches.size()));
      b.addRdsInstance(RdsInstance.builder().id(randomId(r, "rm-")).vpcId(vpc).vSwitchId(v.id())
          .privateIp(IpAddress.parse(NetworkGenerators.ipv4AddressIn(r, v.cidrBlock()).address()))
          .addAllAllowlists(allowlists(r, vSwitches)).addAllSecurityGroupIds(someOf(r, groupIds, 0)).build());
    }
    if (r.nextBoolean()) {
      VSwitch v = vSwitches.get(r.nextInt(vSwitches.size()));
      b.addRedisInstance(RedisInstance.builder().id(randomId(r, "r-")).vpcId(vpc).vSwitchId(v.id())
          .privateIp(IpAddress.parse(NetworkGenerators.ipv4AddressIn(r, v.cidrBlock()).address()))
          .addAllAllowlists(allowlists(r, vSwitches)).addAllSecurityGroupIds(someOf(r, groupIds, 0)).build());
    }
    if (r.nextBoolean()) {
      ResourceGroup.Builder rg = ResourceGroup.builder().id(randomId(r, "eas-r-"));
      if (r.nextBoolean()) {
        VSwitch v = vSwitches.get(r.nextInt(vSwitches.size()));
        DLink.Builder d = DLink.builder().vpcId(vpc).vSwitchId(v.id()).securityGroupId(groupIds.get(0));
        // client vSwitches and destination CIDRs of the return route, sometimes
        for (VSwitch c : vSwitches) {
          if (!c.equals(v) && r.nextInt(3) == 0) {
            d.addAuxVSwitchId(c.id());
          }
        }
        if (r.nextInt(4) == 0) {
          d.addDestinationCidr(NetworkGenerators.ipv4Subnet(r, block, 20));
        }
        rg.dlink(d.build());
      }
      b.addResourceGroup(rg.build());
    }
  }

  private static List<AllowlistGroup> allowlists(RandomGenerator r, List<VSwitch> vSwitches) {
    Set<Cidr> entries = new LinkedHashSet<>();
    entries.add(Cidr.parse("127.0.0.1/32"));
    int n = r.nextInt(0, 5);
    for (int i = 0; i < n; i++) {
      entries.add(r.nextBoolean()
          ? vSwitches.get(r.nextInt(vSwitches.size())).cidrBlock()
          : NetworkGenerators.ipv4Cidr(r, 1, 32));
    }
    return List.of(AllowlistGroup.builder().name("default").addAllEntries(entries).build());
  }

  private static List<SecurityGroupId> someOf(RandomGenerator r, List<SecurityGroupId> all, int min) {
    List<SecurityGroupId> out = new ArrayList<>();
    for (SecurityGroupId g : all) {
      if (r.nextBoolean()) {
        out.add(g);
      }
    }
    while (out.size() < min) {
      SecurityGroupId g = all.get(r.nextInt(all.size()));
      if (!out.contains(g)) {
        out.add(g);
      }
    }
    return out;
  }
}
