package io.easnet.testkit;

import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.Eip;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.ResourceId;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.VpcApi.AllocateEipRequest;
import io.easnet.core.spi.VpcApi.SnatEntryRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;


/**
 * A readable DSL that plants resources in a {@link FakeCloud}: no faults, no recorded calls, but the same invariants
 * as the port, because it changes the state through the same methods. An estate the cloud would refuse (a vSwitch
 * in two SNAT entries, an address outside its vSwitch, two instances on one address, overlapping vSwitches) fails
 * with an {@link IllegalArgumentException} that carries Alibaba's error code. Resources get seeded ids and are
 * referred to by the names given here; {@link FakeCloud#id(Class, String)} turns a name into an id.
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
 * Planted resources are available at once: nothing is pending.
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
    Cidr block = Cidr.parse(cidr);
    return plant(() -> {
      VpcId id = VpcId.of(state.register(VpcId.class, name, "vpc-"));
      state.network.addVpc(Vpc.builder().id(id).name(name).cidrBlock(block).build());
      current = id;
    });
  }

  /** Makes an existing VPC the current one. */
  public Estate inVpc(String name) {
    current = fake.id(VpcId.class, name);
    return this;
  }

  /** Adds a vSwitch to the current VPC in {@link #DEFAULT_ZONE}. */
  public Estate vSwitch(String name, String cidr) {
    return vSwitch(name, cidr, DEFAULT_ZONE);
  }

  /** Adds a vSwitch to the current VPC: inside the VPC's block, overlapping no other vSwitch. */
  public Estate vSwitch(String name, String cidr, String zone) {
    Cidr block = Cidr.parse(cidr);
    return plant(() -> {
      VpcId vpc = currentVpc();
      VSwitchId id = VSwitchId.of(state.register(VSwitchId.class, name, "vsw-"));
      state.network.addVSwitch(VSwitch.builder().id(id).vpcId(vpc).name(name).zoneId(zone).cidrBlock(block).build());
    });
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
    return plant(() -> {
      VpcId vpc = currentVpc();
      SecurityGroupId id = SecurityGroupId.of(state.register(SecurityGroupId.class, name, "sg-"));
      state.groups.add(SecurityGroup.builder().id(id).vpcId(vpc).name(name).type(type).build());
    });
  }

  /**
   * Tags a named security group, as the console does: {@code key=value}, replacing the key's value. The
   * environment-isolation rule reads the {@code env} tag.
   */
  public Estate securityGroupTag(String groupName, String key, String value) {
    return plant(() -> state.groups.tag(id(SecurityGroupId.class, groupName), key, value));
  }

  /** Adds a rule to a named group, with the fake's invariants (no duplicate, at most 200). */
  public Estate rule(String groupName, SecurityGroupRule.Builder rule) {
    return rule(groupName, rule.build());
  }

  /** Adds a rule to a named group, with the fake's invariants (no duplicate, at most 200). */
  public Estate rule(String groupName, SecurityGroupRule rule) {
    return plant(() -> state.groups.authorize(id(SecurityGroupId.class, groupName), rule));
  }

  /**
   * Adds an available internet NAT gateway with a SNAT table to the current VPC (in its first vSwitch, when it has
   * one), and a {@code 0.0.0.0/0} route to it in the VPC's system route table.
   */
  public Estate natGateway(String name) {
    return plant(() -> {
      VpcId vpc = currentVpc();
      Optional<VSwitchId> home = state.network.vSwitchIdsIn(vpc).stream().findFirst();
      NatGatewayId id = NatGatewayId.of(state.register(NatGatewayId.class, name, "ngw-"));
      state.network.createNat(id, vpc, home, Optional.of(name), true);
    });
  }

  /** Allocates an EIP with this address and binds it to a named NAT gateway. */
  public Estate eip(String natName, String ip) {
    IpAddress address = IpAddress.parse(ip);
    return plant(() -> {
      NatGatewayId nat = id(NatGatewayId.class, natName);
      Eip e = state.network.allocateEip(AllocateEipRequest.builder().build(), Optional.of(address));
      state.network.associate(e.id(), nat);
    });
  }

  /** Adds an available SNAT entry for a named vSwitch, through every EIP of the gateway. */
  public Estate snatEntry(String natName, String vSwitchName) {
    return snat(natName, b -> b.sourceVSwitchId(id(VSwitchId.class, vSwitchName)));
  }

  /** Adds an available SNAT entry for a source block, through every EIP of the gateway. */
  public Estate snatEntryForCidr(String natName, String cidr) {
    Cidr block = Cidr.parse(cidr);
    return snat(natName, b -> b.sourceCidr(block));
  }

  private Estate snat(String natName, java.util.function.Consumer<SnatEntryRequest.Builder> source) {
    return plant(() -> {
      NatGatewayId nat = id(NatGatewayId.class, natName);
      NatGateway n = state.network.nat(nat);
      List<IpAddress> ips = state.network.eipsOf(nat).stream().map(Eip::ipAddress).toList();
      if (ips.isEmpty()) {
        throw new IllegalStateException("NAT gateway " + natName + " has no EIP: add one with eip(\"" + natName
            + "\", \"47.x.x.x\") first");
      }
      SnatEntryRequest.Builder b = SnatEntryRequest.builder().snatTableId(n.snatTableIds().get(0)).addAllSnatIps(ips);
      source.accept(b);
      state.network.createSnat(b.build(), true);
    });
  }

  /** Adds an ECS instance with one private IP in a named vSwitch and named groups; it takes one address. */
  public Estate ecsInstance(String name, String vSwitchName, String ip, String... groupNames) {
    IpAddress address = IpAddress.parse(ip);
    return plant(() -> {
      VSwitch v = state.network.vSwitch(id(VSwitchId.class, vSwitchName));
      List<SecurityGroupId> groups = groups(groupNames);
      state.checkAddress(v, address);
      String id = state.register(io.easnet.core.model.ResourceId.EcsInstanceId.class, name, "i-");
      state.addEcs(EcsInstance.builder().id(id).vpcId(v.vpcId()).vSwitchId(v.id()).name(name).addPrivateIp(address)
          .addAllSecurityGroupIds(groups).build());
    });
  }

  /** Adds an RDS instance in a named vSwitch; its {@code default} allowlist holds only {@code 127.0.0.1}. */
  public Estate rds(String name, String vSwitchName, String ip, String... boundGroupNames) {
    IpAddress address = IpAddress.parse(ip);
    return plant(() -> {
      VSwitch v = state.network.vSwitch(id(VSwitchId.class, vSwitchName));
      List<SecurityGroupId> groups = groups(boundGroupNames);
      state.checkAddress(v, address);
      String id = state.register(RdsInstanceId.class, name, "rm-");
      state.rds.put(RdsInstance.builder().id(id).name(name).vpcId(v.vpcId()).vSwitchId(v.id()).privateIp(address)
          .addAllowlist(defaultAllowlist()).addAllSecurityGroupIds(groups).build());
    });
  }

  /** Adds a Redis instance in a named vSwitch; its {@code default} allowlist holds only {@code 127.0.0.1}. */
  public Estate redis(String name, String vSwitchName, String ip, String... boundGroupNames) {
    IpAddress address = IpAddress.parse(ip);
    return plant(() -> {
      VSwitch v = state.network.vSwitch(id(VSwitchId.class, vSwitchName));
      List<SecurityGroupId> groups = groups(boundGroupNames);
      state.checkAddress(v, address);
      String id = state.register(RedisInstanceId.class, name, "r-");
      state.redis.put(RedisInstance.builder().id(id).name(name).vpcId(v.vpcId()).vSwitchId(v.id()).privateIp(address)
          .addAllowlist(defaultAllowlist()).addAllSecurityGroupIds(groups).build());
    });
  }

  /** Appends entries to an allowlist group of a named RDS or Redis instance, creating the group if needed. */
  public Estate allowlist(String targetName, String group, String... entries) {
    List<Cidr> cidrs = new ArrayList<>();
    for (String e : entries) {
      cidrs.add(Cidr.parseNormalizing(e));
    }
    return plant(() -> {
      if (state.hasName(RdsInstanceId.class, targetName)) {
        state.rds.append(id(RdsInstanceId.class, targetName), group, cidrs);
      } else {
        state.redis.append(id(RedisInstanceId.class, targetName), group, cidrs);
      }
    });
  }

  /** Adds a dedicated resource group without a VPC direct connection. */
  public Estate resourceGroup(String name) {
    return plant(() -> state.dlinks.add(
        ResourceGroup.builder().id(state.register(ResourceGroupId.class, name, "eas-r-")).name(name).build()));
  }

  /** Gives a named resource group a ready VPC direct connection in a named vSwitch and group. */
  public Estate dlink(String resourceGroupName, String vSwitchName, String groupName) {
    return plant(() -> state.dlinks.update(id(ResourceGroupId.class, resourceGroupName),
        DLink.builder().vSwitchId(id(VSwitchId.class, vSwitchName))
            .securityGroupId(id(SecurityGroupId.class, groupName)).build(), true));
  }

  /**
   * Creates a running service with {@code instances} instances whose {@code cloud.networking} names the vSwitch's
   * VPC, the vSwitch and the group. Its instances take addresses from the vSwitch.
   *
   * @throws IllegalArgumentException when the vSwitch has too few free addresses ({@code InvalidVSwitchId.IpNotEnough})
   */
  public Estate service(String name, String vSwitchName, String groupName, int instances) {
    return plant(() -> {
      VSwitchId vsw = id(VSwitchId.class, vSwitchName);
      SecurityGroupId sg = id(SecurityGroupId.class, groupName);
      VpcId vpc = state.network.vSwitch(vsw).vpcId();
      String json = "{\"metadata\":{\"name\":\"" + name + "\",\"instance\":" + instances + "},"
          + "\"cloud\":{\"networking\":{\"vpc_id\":\"" + vpc + "\",\"vswitch_id\":\"" + vsw
          + "\",\"security_group_id\":\"" + sg + "\"}}}";
      state.services.create(json, true);
    });
  }

  private static AllowlistGroup defaultAllowlist() {
    return AllowlistGroup.builder().name("default").addEntry("127.0.0.1").build();
  }

  private List<SecurityGroupId> groups(String... names) {
    List<SecurityGroupId> out = new ArrayList<>();
    for (String n : names) {
      SecurityGroupId g = id(SecurityGroupId.class, n);
      state.groups.group(g);
      out.add(g);
    }
    return out;
  }

  private <T extends ResourceId> T id(Class<T> type, String name) {
    return state.id(type, Objects.requireNonNull(name, "name must not be null"));
  }

  private VpcId currentVpc() {
    if (current == null) {
      throw new IllegalStateException("no current VPC: call vpc(name, cidr) or inVpc(name) first");
    }
    return current;
  }

  /**
   * Runs one planting step under the fake's lock; a refusal of the state becomes an {@link IllegalArgumentException}
   * with Alibaba's code, and the name the step registered is given back. The fake's clock does not move, so what is
   * planted is in place at once.
   */
  private Estate plant(Runnable step) {
    synchronized (lock) {
      Map<String, String> names = state.names();
      try {
        step.run();
      } catch (Refusal r) {
        state.restoreNames(names);
        throw new IllegalArgumentException(r.code() + ": " + r.getMessage(), r);
      } catch (RuntimeException e) {
        state.restoreNames(names);
        throw e;
      }
      return this;
    }
  }

}
