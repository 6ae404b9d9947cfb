package io.easnet.testkit.gen;

import static io.easnet.testkit.gen.NetworkGenerators.randomId;

import io.easnet.core.json.ServiceDocument;
import io.easnet.core.json.Snapshot;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.Eip;
import io.easnet.core.model.ResourceId.EipAllocationId;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.NatGateway.NatNetworkType;
import io.easnet.core.model.SecurityGroupRule.Policy;
import io.easnet.core.model.ResourceId.PrefixListId;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.ResourceId.RouteTableId;
import io.easnet.core.model.RouteTable.RouteEntry;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.SecurityGroupRule.RulePeer;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.ResourceId.SnatTableId;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.ResourceId.VpcId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    return estate(r, Optional.empty());
  }

  /**
   * A whole estate of one region, as a snapshot file holds it: {@link #estate(RandomGenerator)} with the region id
   * set (on the inventory and on every VPC), and EAS services of every provenance: services whose own
   * {@code cloud.networking} names a vSwitch and group of a VPC, services in a resource group (with or without a VPC
   * direct connection) and services with no networking at all. Every service fits its estate (a vSwitch of the
   * network's VPC, an existing resource group, unique names).
   */
  public static Snapshot snapshot(RandomGenerator r) {
    String region = REGIONS.get(r.nextInt(REGIONS.size()));
    Inventory inv = estate(r, Optional.of(region));
    Snapshot.Builder b = Snapshot.builder().inventory(inv);
    Set<String> names = new LinkedHashSet<>();
    int n = r.nextInt(0, 5);
    for (int i = 0; i < n; i++) {
      String name = ServiceJsonGenerator.serviceName(r);
      if (!names.add(name)) {
        continue;
      }
      int kind = r.nextInt(3);
      String json;
      if (kind == 0) {
        Vpc vpc = inv.vpcs().get(r.nextInt(inv.vpcs().size()));
        List<VSwitch> vsws = inv.vSwitchesIn(vpc.id());
        List<SecurityGroup> groups = inv.securityGroups().stream().filter(g -> g.vpcId().equals(vpc.id())).toList();
        json = ServiceJsonGenerator.valid(r, name, vpc.id(), vsws.get(r.nextInt(vsws.size())).id(),
            groups.get(r.nextInt(groups.size())).id());
      } else if (kind == 1 && !inv.resourceGroups().isEmpty()) {
        ResourceGroup g = inv.resourceGroups().get(r.nextInt(inv.resourceGroups().size()));
        json = ServiceJsonGenerator.valid(r, name, g.id());
      } else {
        json = ServiceJsonGenerator.valid(r, name, r.nextInt(1, 4));
      }
      b.addService(ServiceDocument.parse(json, "generated service " + name));
    }
    return b.build();
  }

  private static final List<String> REGIONS = List.of("cn-hangzhou", "cn-shanghai", "cn-beijing", "ap-southeast-1");

  private static Inventory estate(RandomGenerator r, Optional<String> region) {
    Inventory.Builder b = Inventory.builder();
    region.ifPresent(b::regionId);
    int vpcs = r.nextInt(1, 4);
    Set<Integer> firstOctets = new LinkedHashSet<>();
    while (firstOctets.size() < vpcs) {
      firstOctets.add(r.nextInt(1, 100));
    }
    for (int octet : firstOctets) {
      vpc(r, b, Cidr.ofIpv4((long) octet << 24, 16), region);
    }
    return b.build();
  }

  private static final List<String> NAT_STATUSES = List.of("Available", "Creating", "Modifying", "Deleting",
      "Converting");
  private static final List<String> SNAT_STATUSES = List.of("Available", "Pending", "Deleting");
  private static final List<String> EIP_BOUND_STATUSES = List.of("InUse", "Associating", "Unassociating");

  /**
   * One VPC. With a region ({@link #snapshot}), every optional fact the snapshot format holds is drawn too: names,
   * tags, secondary and IPv6 blocks, custom route tables, IPv6 and prefix-list rule peers, rule descriptions,
   * NAT/SNAT/EIP statuses, intranet NAT gateways, ports, hidden allowlist groups, public IPs. Without one the draws
   * are those of the original generator, so that seeded tests over {@link #estate(RandomGenerator)} keep their
   * estates.
   */
  private static void vpc(RandomGenerator r, Inventory.Builder b, Cidr block, Optional<String> region) {
    boolean rich = region.isPresent();
    VpcId vpc = VpcId.of(randomId(r, "vpc-"));
    Vpc.Builder vb = Vpc.builder().id(vpc).name("vpc-" + block.address()).cidrBlock(block);
    Optional<Cidr> vpcIpv6 = Optional.empty();
    if (rich) {
      region.ifPresent(vb::regionId);
      vb.putAllTags(tags(r));
      if (r.nextInt(4) == 0) {
        vb.addSecondaryCidrBlocks(Cidr.ofIpv4((long) r.nextInt(100, 127) << 24 | (long) r.nextInt(256) << 16, 16));
      }
      if (r.nextBoolean()) {
        vpcIpv6 = Optional.of(Cidr.parse("2408:4000:" + Integer.toHexString(r.nextInt(1, 0xFFFF)) + "::/56"));
        vb.ipv6CidrBlock(vpcIpv6.get());
      }
    }
    b.addVpc(vb.build());

    boolean hasCustom = rich && r.nextBoolean();
    RouteTableId customTable = hasCustom ? RouteTableId.of(randomId(r, "vtb-")) : null;
    List<VSwitch> vSwitches = new ArrayList<>();
    Set<Long> used = new LinkedHashSet<>();
    int nv = r.nextInt(1, 5);
    while (vSwitches.size() < nv) {
      Cidr cidr = NetworkGenerators.ipv4Subnet(r, block, 24);
      if (!used.add(cidr.firstIpv4())) {
        continue;
      }
      VSwitch.Builder pb = VSwitch.builder().id(VSwitchId.of(randomId(r, "vsw-"))).vpcId(vpc).cidrBlock(cidr)
          .zoneId((rich ? region.get() : "cn-hangzhou") + "-" + (char) ('a' + r.nextInt(8)));
      if (rich) {
        pb.name("vsw-" + vSwitches.size()).putAllTags(tags(r));
        if (vpcIpv6.isPresent() && r.nextBoolean()) {
          pb.ipv6CidrBlock(Cidr.parse(vpcIpv6.get().address().replaceAll("::$", "") + ":"
              + Integer.toHexString(vSwitches.size() + 1) + "::/64"));
        }
        if (hasCustom && r.nextBoolean()) {
          pb.routeTableId(customTable);
        }
      }
      VSwitch probe = pb.build();
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
      if (rich) {
        peers.add(RulePeer.cidr(Cidr.parse("::/0")));
        vpcIpv6.ifPresent(c -> peers.add(RulePeer.cidr(c)));
        peers.add(RulePeer.prefixList(randomId(r, "pl-")));
      }
      List<SecurityGroupRule> rules = new ArrayList<>();
      int nr = r.nextInt(0, 9);
      for (int i = 0; i < nr; i++) {
        SecurityGroupRule rule = NetworkGenerators.rule(r, peers);
        if (rich && r.nextInt(3) == 0) {
          rule = rule.toBuilder().description("rule " + i).build();
        }
        SecurityGroupRule candidate = rule;
        if (rules.stream().noneMatch(x -> x.sameRuleAs(candidate))) {
          rules.add(candidate);
        }
      }
      SecurityGroup.Builder gb = SecurityGroup.builder().id(id).vpcId(vpc).type(type).addAllRules(rules);
      if (rich) {
        gb.name("sg-" + groupIds.indexOf(id)).putAllTags(tags(r));
        if (type == SecurityGroupType.BASIC && r.nextInt(4) == 0) {
          gb.innerAccessPolicy(Policy.DROP);
        }
      }
      b.addSecurityGroup(gb.build());
    }

    RouteTable.Builder system = RouteTable.builder().id(randomId(r, "vtb-")).vpcId(vpc).type(RouteTable.Type.SYSTEM);
    RouteTable.Builder custom = hasCustom
        ? RouteTable.builder().id(customTable).vpcId(vpc).type(RouteTable.Type.CUSTOM)
        : null;
    if (r.nextInt(3) > 0) {
      NatGatewayId nat = NatGatewayId.of(randomId(r, "ngw-"));
      SnatTableId table = SnatTableId.of(randomId(r, "stb-"));
      NatGateway.Builder nb = NatGateway.builder().id(nat).vpcId(vpc).addSnatTableId(table);
      boolean intranet = false;
      if (rich) {
        nb.name("nat-" + block.address()).putAllTags(tags(r))
            .vSwitchId(vSwitches.get(r.nextInt(vSwitches.size())).id())
            .status(r.nextBoolean() ? NatGateway.AVAILABLE : NAT_STATUSES.get(r.nextInt(NAT_STATUSES.size())));
        intranet = r.nextInt(5) == 0;
        if (intranet) {
          nb.networkType(NatNetworkType.INTRANET);
        }
      }
      List<IpAddress> ips = new ArrayList<>();
      int ne = intranet ? 0 : r.nextInt(0, 3);
      for (int i = 0; i < ne; i++) {
        EipAllocationId eip = EipAllocationId.of(randomId(r, "eip-"));
        IpAddress ip = IpAddress.parse(NetworkGenerators.formatV4(r.nextLong(0x2F00_0000L, 0x3000_0000L)));
        if (ips.contains(ip)) {
          continue;
        }
        ips.add(ip);
        nb.addEipId(eip);
        Eip.Builder eb = Eip.builder().id(eip).ipAddress(ip).instanceId(nat.value()).instanceType("Nat");
        if (rich) {
          eb.name("eip-" + i).status(r.nextBoolean() ? "InUse"
              : EIP_BOUND_STATUSES.get(r.nextInt(EIP_BOUND_STATUSES.size())));
        }
        b.addEip(eb.build());
      }
      b.addNatGateway(nb.build());
      if (rich && r.nextInt(3) == 0) {
        // an unbound EIP of the region, which a remedy can bind
        IpAddress ip = IpAddress.parse(NetworkGenerators.formatV4(r.nextLong(0x3000_0000L, 0x3100_0000L)));
        b.addEip(Eip.builder().id(randomId(r, "eip-")).ipAddress(ip).status("Available").name("spare").build());
      }
      if (!ips.isEmpty()) {
        for (VSwitch v : vSwitches) {
          SnatEntry.Builder sb = null;
          if (r.nextBoolean()) {
            sb = SnatEntry.builder().id(randomId(r, "snat-")).snatTableId(table).natGatewayId(nat)
                .sourceVSwitchId(v.id()).addSnatIp(ips.get(r.nextInt(ips.size())));
          } else if (r.nextInt(3) == 0) {
            // a CIDR entry for half of the vSwitch: only some of its instances have egress
            sb = SnatEntry.builder().id(randomId(r, "snat-")).snatTableId(table).natGatewayId(nat)
                .sourceCidr(Cidr.ofIpv4(v.cidrBlock().firstIpv4(), v.cidrBlock().prefixLength() + 1))
                .addSnatIp(ips.get(r.nextInt(ips.size())));
          }
          if (sb != null && rich) {
            sb.name("snat-" + v.id().value().substring(4, 8))
                .status(r.nextBoolean() ? "Available" : SNAT_STATUSES.get(r.nextInt(SNAT_STATUSES.size())));
          }
          if (sb != null) {
            b.addSnatEntry(sb.build());
          }
        }
      }
      if (r.nextInt(4) > 0) {
        system.addEntry(RouteEntry.toNat("0.0.0.0/0", nat));
      }
      if (hasCustom && r.nextBoolean()) {
        custom.addEntry(RouteEntry.toNat("0.0.0.0/0", nat));
      }
    }
    b.addRouteTable(system.build());
    if (hasCustom) {
      b.addRouteTable(custom.build());
    }

    int ne = r.nextInt(0, 4);
    for (int i = 0; i < ne; i++) {
      VSwitch v = vSwitches.get(r.nextInt(vSwitches.size()));
      EcsInstance.Builder eb = EcsInstance.builder().id(randomId(r, "i-")).vpcId(vpc).vSwitchId(v.id())
          .addPrivateIp(IpAddress.parse(NetworkGenerators.ipv4AddressIn(r, v.cidrBlock()).address()))
          .addAllSecurityGroupIds(someOf(r, groupIds, 1));
      if (rich) {
        eb.name("ecs-" + i).putAllTags(tags(r));
        if (r.nextInt(3) == 0) {
          eb.publicIp(IpAddress.parse(NetworkGenerators.formatV4(r.nextLong(0x2F00_0000L, 0x3000_0000L))));
        }
      }
      b.addEcsInstance(eb.build());
    }
    int nrds = r.nextInt(0, 3);
    for (int i = 0; i < nrds; i++) {
      VSwitch v = vSwitches.get(r.nextInt(vSwitches.size()));
      RdsInstance.Builder rb = RdsInstance.builder().id(randomId(r, "rm-")).vpcId(vpc).vSwitchId(v.id())
          .privateIp(IpAddress.parse(NetworkGenerators.ipv4AddressIn(r, v.cidrBlock()).address()))
          .addAllAllowlists(allowlists(r, vSwitches, rich)).addAllSecurityGroupIds(someOf(r, groupIds, 0));
      if (rich) {
        rb.name("rds-" + i).port(r.nextBoolean() ? 3306 : r.nextInt(1024, 65536));
      }
      b.addRdsInstance(rb.build());
    }
    if (r.nextBoolean()) {
      VSwitch v = vSwitches.get(r.nextInt(vSwitches.size()));
      RedisInstance.Builder rb = RedisInstance.builder().id(randomId(r, "r-")).vpcId(vpc).vSwitchId(v.id())
          .privateIp(IpAddress.parse(NetworkGenerators.ipv4AddressIn(r, v.cidrBlock()).address()))
          .addAllAllowlists(allowlists(r, vSwitches, rich)).addAllSecurityGroupIds(someOf(r, groupIds, 0));
      if (rich) {
        rb.name("redis-" + block.address()).port(r.nextBoolean() ? 6379 : r.nextInt(1024, 65536));
      }
      b.addRedisInstance(rb.build());
    }
    if (r.nextBoolean()) {
      ResourceGroup.Builder rg = ResourceGroup.builder().id(randomId(r, "eas-r-"));
      if (rich) {
        rg.name("group-" + block.address());
      }
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

  /** Zero to three tags, as the consoles write them. */
  private static Map<String, String> tags(RandomGenerator r) {
    Map<String, String> out = new LinkedHashMap<>();
    int n = r.nextInt(0, 4);
    List<String> keys = List.of("env", "team", "owner", "cost-center", "acs:rm:rgId");
    List<String> values = List.of("prod", "staging", "dev", "ml-platform", "", "rg-acfm2x7");
    for (int i = 0; i < n; i++) {
      out.put(keys.get(r.nextInt(keys.size())), values.get(r.nextInt(values.size())));
    }
    return out;
  }

  private static List<AllowlistGroup> allowlists(RandomGenerator r, List<VSwitch> vSwitches, boolean rich) {
    Set<Cidr> entries = new LinkedHashSet<>();
    entries.add(Cidr.parse("127.0.0.1/32"));
    int n = r.nextInt(0, 5);
    for (int i = 0; i < n; i++) {
      entries.add(r.nextBoolean()
          ? vSwitches.get(r.nextInt(vSwitches.size())).cidrBlock()
          : NetworkGenerators.ipv4Cidr(r, 1, 32));
    }
    AllowlistGroup first = AllowlistGroup.builder().name("default").addAllEntries(entries).build();
    if (!rich || r.nextBoolean()) {
      return List.of(first);
    }
    // a second group, sometimes hidden (written by a cloud service such as DTS)
    AllowlistGroup second = AllowlistGroup.builder().name(r.nextBoolean() ? "app_servers" : "dts_hidden")
        .hidden(r.nextBoolean()).addEntries(NetworkGenerators.ipv4Cidr(r, 16, 32)).build();
    return List.of(first, second);
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
