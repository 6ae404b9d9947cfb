package io.easnet.testkit;

import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.DLink;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.Eip;
import io.easnet.core.model.EipAllocationId;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.NatGatewayId;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.RouteEntry;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.RouteTableId;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SecurityGroupType;
import io.easnet.core.model.SnatEntry;
import io.easnet.core.model.SnatEntryId;
import io.easnet.core.model.SnatTableId;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.VSwitchId;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.VpcId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A readable DSL that plants resources in a {@link FakeCloud} directly: no faults, no recorded calls. Resources get
 * seeded ids and are referred to by the names given here; the fake's look-ups ({@link FakeCloud#vSwitchId(String)}
 * and friends) turn names into ids.
 *
 * <pre>{@code
 * fake.estate()
 *     .vpc("prod", "192.168.0.0/16")
 *     .vSwitch("eas", "192.168.1.0/24")
 *     .vSwitch("db", "192.168.2.0/24")
 *     .securityGroup("eas-sg")
 *     .rule("eas-sg", SecurityGroupRule.egress().tcp(3306).peer("192.168.2.0/24"))
 *     .rds("orders", "db", "192.168.2.10")
 *     .allowlist("orders", "default", "192.168.1.0/24")
 *     .natGateway("nat").eip("nat", "47.100.1.1").snatEntry("nat", "eas");
 * }</pre>
 *
 * <p>Resources that need a VPC go into the last VPC named with {@link #vpc} or {@link #inVpc}. Every VPC gets a
 * system route table; an internet NAT gateway adds the {@code 0.0.0.0/0} route to it, as an enhanced NAT does.
 */
public final class Estate {
  /** The zone vSwitches get unless one is given. */
  public static final String DEFAULT_ZONE = "cn-hangzhou-h";

  private final FakeCloud fake;
  private final CloudState state;
  private final Object lock;
  private VpcId current;

  Estate(FakeCloud fake, CloudState state, Object lock) {
    this.fake = fake;
    this.state = state;
    this.lock = lock;
  }

  /** The fake this estate plants into. */
  public FakeCloud fake() {
    return fake;
  }

  /** Adds a VPC with its system route table and makes it the current VPC. */
  public Estate vpc(String name, String cidr) {
    synchronized (lock) {
      VpcId id = VpcId.of(register("vpc", name, "vpc-"));
      state.vpcs.put(id, Vpc.builder().id(id).name(name).cidrBlock(Cidr.parse(cidr)).build());
      RouteTableId table = RouteTableId.of(state.ids.next("vtb-"));
      state.routeTables.put(table, RouteTable.builder().id(table).vpcId(id).type(RouteTable.Type.SYSTEM).build());
      current = id;
      return this;
    }
  }

  /** Makes an existing VPC the current one. */
  public Estate inVpc(String name) {
    current = fake.vpcId(name);
    return this;
  }

  /** Adds a vSwitch to the current VPC in {@link #DEFAULT_ZONE}. */
  public Estate vSwitch(String name, String cidr) {
    return vSwitch(name, cidr, DEFAULT_ZONE);
  }

  /** Adds a vSwitch to the current VPC. */
  public Estate vSwitch(String name, String cidr, String zone) {
    synchronized (lock) {
      VpcId vpc = currentVpc();
      Cidr block = Cidr.parse(cidr);
      if (!state.vpcs.get(vpc).covers(block)) {
        throw new IllegalArgumentException(
            "vSwitch " + name + " (" + cidr + ") is outside VPC " + state.vpcs.get(vpc).name().orElse("") + " ("
                + state.vpcs.get(vpc).cidrBlock() + ")");
      }
      VSwitchId id = VSwitchId.of(register("vsw", name, "vsw-"));
      VSwitch v = VSwitch.builder().id(id).vpcId(vpc).name(name).zoneId(zone).cidrBlock(block).build();
      state.vSwitches.put(id, v);
      state.baseline.put(id, v.usableIpCount());
      return this;
    }
  }

  /** Adds a basic security group to the current VPC. */
  public Estate securityGroup(String name) {
    return securityGroup(name, SecurityGroupType.BASIC);
  }

  /** Adds an enterprise security group to the current VPC. */
  public Estate enterpriseSecurityGroup(String name) {
    return securityGroup(name, SecurityGroupType.ENTERPRISE);
  }

  private Estate securityGroup(String name, SecurityGroupType type) {
    synchronized (lock) {
      VpcId vpc = currentVpc();
      SecurityGroupId id = SecurityGroupId.of(register("sg", name, "sg-"));
      state.groups.put(id, SecurityGroup.builder().id(id).vpcId(vpc).name(name).type(type).build());
      return this;
    }
  }

  /** Adds a rule to a named group, with the fake's invariants (no duplicate, at most 200). */
  public Estate rule(String groupName, SecurityGroupRule.Builder rule) {
    return rule(groupName, rule.build());
  }

  /** Adds a rule to a named group, with the fake's invariants (no duplicate, at most 200). */
  public Estate rule(String groupName, SecurityGroupRule rule) {
    SecurityGroupId id = fake.securityGroupId(groupName);
    synchronized (lock) {
      try {
        state.authorize(id, rule);
      } catch (Refusal r) {
        throw new IllegalArgumentException(r.code + ": " + r.getMessage());
      }
      return this;
    }
  }

  /**
   * Adds an available internet NAT gateway with a SNAT table to the current VPC, and a {@code 0.0.0.0/0} route to it
   * in the VPC's system route table.
   */
  public Estate natGateway(String name) {
    synchronized (lock) {
      VpcId vpc = currentVpc();
      NatGatewayId id = NatGatewayId.of(register("ngw", name, "ngw-"));
      SnatTableId table = SnatTableId.of(state.ids.next("stb-"));
      state.nats.put(id, NatGateway.builder().id(id).vpcId(vpc).name(name).addSnatTableId(table).build());
      for (RouteTable t : new ArrayList<>(state.routeTables.values())) {
        if (t.vpcId().equals(vpc) && t.type() == RouteTable.Type.SYSTEM
            && t.entries().stream().noneMatch(e -> e.destination().isAny() && e.destination().isIpv4())) {
          state.routeTables.put(t.id(), t.toBuilder().addEntry(RouteEntry.toNat("0.0.0.0/0", id)).build());
        }
      }
      return this;
    }
  }

  /** Adds an EIP with this address and binds it to a named NAT gateway. */
  public Estate eip(String natName, String ip) {
    NatGatewayId nat = fake.natGatewayId(natName);
    synchronized (lock) {
      EipAllocationId id = EipAllocationId.of(state.ids.next("eip-"));
      state.eips.put(id, Eip.builder().id(id).ipAddress(IpAddress.parse(ip)).instanceId(nat.value())
          .instanceType("Nat").build());
      NatGateway n = state.nats.get(nat);
      state.nats.put(nat, n.toBuilder().addEipId(id).build());
      return this;
    }
  }

  /** Adds an available SNAT entry for a named vSwitch, through every EIP of the gateway. */
  public Estate snatEntry(String natName, String vSwitchName) {
    VSwitchId vsw = fake.vSwitchId(vSwitchName);
    return snat(natName, b -> b.sourceVSwitchId(vsw));
  }

  /** Adds an available SNAT entry for a source block, through every EIP of the gateway. */
  public Estate snatEntryForCidr(String natName, String cidr) {
    Cidr block = Cidr.parse(cidr);
    return snat(natName, b -> b.sourceCidr(block));
  }

  private Estate snat(String natName, java.util.function.Consumer<SnatEntry.Builder> source) {
    NatGatewayId nat = fake.natGatewayId(natName);
    synchronized (lock) {
      NatGateway n = state.nats.get(nat);
      List<IpAddress> ips = state.eipsOf(nat).stream().map(Eip::ipAddress).toList();
      if (ips.isEmpty()) {
        throw new IllegalStateException("NAT gateway " + natName + " has no EIP: add one with eip(\"" + natName
            + "\", \"47.x.x.x\") first");
      }
      SnatEntry.Builder b = SnatEntry.builder().id(SnatEntryId.of(state.ids.next("snat-")))
          .snatTableId(n.snatTableIds().get(0)).natGatewayId(nat).addAllSnatIps(ips);
      source.accept(b);
      SnatEntry e = b.build();
      state.snat.put(e.id(), e);
      return this;
    }
  }

  /** Adds an ECS instance with one private IP in a named vSwitch and named groups; it takes one address. */
  public Estate ecsInstance(String name, String vSwitchName, String ip, String... groupNames) {
    synchronized (lock) {
      EcsInstance i = placed("ecs", "i-", name, vSwitchName, ip, groupNames,
          (id, v, address, groups) -> EcsInstance.builder().id(id).vpcId(v.vpcId()).vSwitchId(v.id()).name(name)
              .addPrivateIp(address).addAllSecurityGroupIds(groups).build());
      state.ecs.put(i.id(), i);
      state.baseline.merge(i.vSwitchId(), -1L, Long::sum);
      return this;
    }
  }

  /** Adds an RDS instance in a named vSwitch; its {@code default} allowlist holds only {@code 127.0.0.1}. */
  public Estate rds(String name, String vSwitchName, String ip, String... boundGroupNames) {
    synchronized (lock) {
      state.rds.put(placed("rds", "rm-", name, vSwitchName, ip, boundGroupNames,
          (id, v, address, groups) -> RdsInstance.builder().id(id).name(name).vpcId(v.vpcId()).vSwitchId(v.id())
              .privateIp(address).addAllowlist(defaultAllowlist()).addAllSecurityGroupIds(groups).build()));
      return this;
    }
  }

  /** Adds a Redis instance in a named vSwitch; its {@code default} allowlist holds only {@code 127.0.0.1}. */
  public Estate redis(String name, String vSwitchName, String ip, String... boundGroupNames) {
    synchronized (lock) {
      state.redis.put(placed("redis", "r-", name, vSwitchName, ip, boundGroupNames,
          (id, v, address, groups) -> RedisInstance.builder().id(id).name(name).vpcId(v.vpcId()).vSwitchId(v.id())
              .privateIp(address).addAllowlist(defaultAllowlist()).addAllSecurityGroupIds(groups).build()));
      return this;
    }
  }

  /** Builds an instance from its registered id, its vSwitch, its address in the vSwitch and its groups. */
  @FunctionalInterface
  private interface Placed<T> {
    T create(String id, VSwitch vSwitch, IpAddress address, List<SecurityGroupId> groups);
  }

  /**
   * Resolves a named vSwitch and named groups, checks that {@code ip} lies in the vSwitch, registers {@code name}
   * and builds the instance. The caller holds the lock and stores the instance.
   */
  private <T> T placed(String kind, String idPrefix, String name, String vSwitchName, String ip,
      String[] groupNames, Placed<T> factory) {
    VSwitch v = state.vSwitches.get(fake.vSwitchId(vSwitchName));
    List<SecurityGroupId> groups = groups(groupNames);
    IpAddress address = IpAddress.parse(ip);
    checkIn(address, v);
    return factory.create(register(kind, name, idPrefix), v, address, groups);
  }

  /** Appends entries to an allowlist group of a named RDS or Redis instance, creating the group if needed. */
  public Estate allowlist(String targetName, String group, String... entries) {
    List<Cidr> cidrs = new ArrayList<>();
    for (String e : entries) {
      cidrs.add(Cidr.parseNormalizing(e));
    }
    synchronized (lock) {
      try {
        if (state.names.containsKey("rds:" + targetName)) {
          state.rds.append(fake.rdsInstanceId(targetName), group, cidrs);
        } else {
          state.redis.append(fake.redisInstanceId(targetName), group, cidrs);
        }
      } catch (Refusal r) {
        throw new IllegalArgumentException(r.code + ": " + r.getMessage());
      }
      return this;
    }
  }

  /** Adds a dedicated resource group without a VPC direct connection. */
  public Estate resourceGroup(String name) {
    synchronized (lock) {
      ResourceGroup g = ResourceGroup.builder().id(register("rg", name, "eas-r-")).name(name).build();
      state.resourceGroups.put(g.id(), g);
      return this;
    }
  }

  /** Gives a named resource group an available VPC direct connection. */
  public Estate dlink(String resourceGroupName, String vSwitchName, String groupName) {
    ResourceGroup g;
    DLink d;
    synchronized (lock) {
      g = state.resourceGroup(fake.resourceGroupId(resourceGroupName));
      VSwitch v = state.vSwitches.get(fake.vSwitchId(vSwitchName));
      d = DLink.builder().vpcId(v.vpcId()).vSwitchId(v.id()).securityGroupId(fake.securityGroupId(groupName)).build();
      state.resourceGroups.put(g.id(), g.toBuilder().dlink(d).build());
      return this;
    }
  }

  /**
   * Creates a service with {@code instances} instances whose {@code cloud.networking} names the vSwitch's VPC, the
   * vSwitch and the group. Its instances take addresses from the vSwitch.
   *
   * @throws IllegalStateException when the vSwitch has too few free addresses
   */
  public Estate service(String name, String vSwitchName, String groupName, int instances) {
    VSwitchId vsw = fake.vSwitchId(vSwitchName);
    SecurityGroupId sg = fake.securityGroupId(groupName);
    synchronized (lock) {
      VpcId vpc = state.vSwitches.get(vsw).vpcId();
      String json = "{\"metadata\":{\"name\":\"" + name + "\",\"instance\":" + instances + "},"
          + "\"cloud\":{\"networking\":{\"vpc_id\":\"" + vpc + "\",\"vswitch_id\":\"" + vsw
          + "\",\"security_group_id\":\"" + sg + "\"}}}";
      try {
        state.createService(json);
      } catch (Refusal r) {
        throw new IllegalStateException(r.code + ": " + r.getMessage());
      }
      return this;
    }
  }

  private static AllowlistGroup defaultAllowlist() {
    return AllowlistGroup.builder().name("default").addEntry("127.0.0.1").build();
  }

  private List<SecurityGroupId> groups(String... names) {
    List<SecurityGroupId> out = new ArrayList<>();
    for (String n : names) {
      out.add(fake.securityGroupId(n));
    }
    return out;
  }

  private static void checkIn(IpAddress ip, VSwitch v) {
    if (!ip.isIn(v.cidrBlock())) {
      throw new IllegalArgumentException(ip + " is outside vSwitch " + v.name().orElse(v.id().value()) + " ("
          + v.cidrBlock() + ")");
    }
  }

  private VpcId currentVpc() {
    if (current == null) {
      throw new IllegalStateException("no current VPC: call vpc(name, cidr) or inVpc(name) first");
    }
    return current;
  }

  private String register(String kind, String name, String prefix) {
    Objects.requireNonNull(name, "name");
    String key = kind + ":" + name;
    if (state.names.containsKey(key)) {
      throw new IllegalArgumentException("the estate already has a " + kind + " named \"" + name + "\"");
    }
    String id = state.ids.next(prefix);
    state.names.put(key, id);
    return id;
  }
}
