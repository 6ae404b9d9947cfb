package io.easnet.core.model;

import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ResourceId.RouteTableId;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.ResourceId.EipAllocationId;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.immutables.value.Value;

/**
 * Everything the analysis knows about one region's network: VPCs, vSwitches, security groups, NAT gateways, SNAT
 * entries, EIPs, route tables, ECS, RDS and Redis instances, and EAS resource groups. Look-ups by id are indexed once.
 *
 * <pre>{@code
 * Inventory inv = Inventory.builder()
 *     .addVpc(Vpc.builder().id("vpc-a").cidrBlock("192.168.0.0/16"))
 *     .addVSwitch(VSwitch.builder().id("vsw-a").vpcId("vpc-a").cidrBlock("192.168.1.0/24"))
 *     .build();
 * }</pre>
 *
 * <p>The builder rejects two resources of one kind with the same id.
 */
@Value.Immutable
public abstract class Inventory {
  Inventory() {}

  public abstract Optional<String> regionId();

  public abstract List<Vpc> vpcs();

  public abstract List<VSwitch> vSwitches();

  public abstract List<SecurityGroup> securityGroups();

  public abstract List<NatGateway> natGateways();

  public abstract List<SnatEntry> snatEntries();

  public abstract List<Eip> eips();

  public abstract List<RouteTable> routeTables();

  public abstract List<EcsInstance> ecsInstances();

  public abstract List<RdsInstance> rdsInstances();

  public abstract List<RedisInstance> redisInstances();

  public abstract List<ResourceGroup> resourceGroups();

  /** An empty inventory. */
  public static Inventory empty() {
    return builder().build();
  }

  @Value.Lazy
  Index index() {
    return new Index(this);
  }

  public final Optional<Vpc> vpc(VpcId id) {
    return Optional.ofNullable(index().vpcs.get(id));
  }

  public final Optional<VSwitch> vSwitch(VSwitchId id) {
    return Optional.ofNullable(index().vSwitches.get(id));
  }

  public final Optional<SecurityGroup> securityGroup(SecurityGroupId id) {
    return Optional.ofNullable(index().groups.get(id));
  }

  public final Optional<NatGateway> natGateway(NatGatewayId id) {
    return Optional.ofNullable(index().nats.get(id));
  }

  public final Optional<Eip> eip(EipAllocationId id) {
    return Optional.ofNullable(index().eips.get(id));
  }

  public final Optional<RouteTable> routeTable(RouteTableId id) {
    return Optional.ofNullable(index().routeTables.get(id));
  }

  public final Optional<EcsInstance> ecsInstance(EcsInstanceId id) {
    return Optional.ofNullable(index().ecs.get(id));
  }

  public final Optional<RdsInstance> rdsInstance(RdsInstanceId id) {
    return Optional.ofNullable(index().rds.get(id));
  }

  public final Optional<RedisInstance> redisInstance(RedisInstanceId id) {
    return Optional.ofNullable(index().redis.get(id));
  }

  public final Optional<ResourceGroup> resourceGroup(ResourceGroupId id) {
    return Optional.ofNullable(index().resourceGroups.get(id));
  }

  /** The vSwitches of a VPC, in inventory order. */
  public final List<VSwitch> vSwitchesIn(VpcId vpc) {
    return index().vSwitchesByVpc.getOrDefault(vpc, List.of());
  }

  /** The NAT gateways of a VPC, in inventory order. */
  public final List<NatGateway> natGatewaysIn(VpcId vpc) {
    return index().natsByVpc.getOrDefault(vpc, List.of());
  }

  /** The SNAT entries of a NAT gateway, in inventory order. */
  public final List<SnatEntry> snatEntriesOf(NatGatewayId nat) {
    return index().snatByNat.getOrDefault(nat, List.of());
  }

  /** The ECS instances whose network interface is in {@code group}. */
  public final List<EcsInstance> membersOf(SecurityGroupId group) {
    return index().members.getOrDefault(group, List.of());
  }

  /** The route table a vSwitch uses: its custom table, or else its VPC's system table. */
  public final Optional<RouteTable> routeTableFor(VSwitch vSwitch) {
    if (vSwitch.routeTableId().isPresent()) {
      return routeTable(vSwitch.routeTableId().get());
    }
    return Optional.ofNullable(index().systemTables.get(vSwitch.vpcId()));
  }

  /** The EIPs bound to a NAT gateway, those the inventory knows. */
  public final List<Eip> eipsOf(NatGateway nat) {
    List<Eip> out = new ArrayList<>();
    for (EipAllocationId id : nat.eipIds()) {
      eip(id).ifPresent(out::add);
    }
    return List.copyOf(out);
  }

  @Value.Check
  final void check() {
    index();
  }

  public static Builder builder() {
    return new Builder();
  }

  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds an {@link Inventory}; {@code addX(X.Builder)} overloads build nested values in place. */
  public static final class Builder extends ImmutableInventory.Builder {
    Builder() {}

    public Builder addVpc(Vpc.Builder b) {
      return addVpc(b.build());
    }

    public Builder addVSwitch(VSwitch.Builder b) {
      return addVSwitch(b.build());
    }

    public Builder addSecurityGroup(SecurityGroup.Builder b) {
      return addSecurityGroup(b.build());
    }

    public Builder addNatGateway(NatGateway.Builder b) {
      return addNatGateway(b.build());
    }

    public Builder addSnatEntry(SnatEntry.Builder b) {
      return addSnatEntry(b.build());
    }

    public Builder addEip(Eip.Builder b) {
      return addEip(b.build());
    }

    public Builder addRouteTable(RouteTable.Builder b) {
      return addRouteTable(b.build());
    }

    public Builder addEcsInstance(EcsInstance.Builder b) {
      return addEcsInstance(b.build());
    }

    public Builder addRdsInstance(RdsInstance.Builder b) {
      return addRdsInstance(b.build());
    }

    public Builder addRedisInstance(RedisInstance.Builder b) {
      return addRedisInstance(b.build());
    }

    public Builder addResourceGroup(ResourceGroup.Builder b) {
      return addResourceGroup(b.build());
    }
  }

  static final class Index {
    final Map<VpcId, Vpc> vpcs;
    final Map<VSwitchId, VSwitch> vSwitches;
    final Map<SecurityGroupId, SecurityGroup> groups;
    final Map<NatGatewayId, NatGateway> nats;
    final Map<EipAllocationId, Eip> eips;
    final Map<RouteTableId, RouteTable> routeTables;
    final Map<EcsInstanceId, EcsInstance> ecs;
    final Map<RdsInstanceId, RdsInstance> rds;
    final Map<RedisInstanceId, RedisInstance> redis;
    final Map<ResourceGroupId, ResourceGroup> resourceGroups;
    final Map<VpcId, List<VSwitch>> vSwitchesByVpc;
    final Map<VpcId, List<NatGateway>> natsByVpc;
    final Map<NatGatewayId, List<SnatEntry>> snatByNat;
    final Map<SecurityGroupId, List<EcsInstance>> members;
    final Map<VpcId, RouteTable> systemTables;

    Index(Inventory inv) {
      vpcs = unique(inv.vpcs(), Vpc::id, "VPC");
      vSwitches = unique(inv.vSwitches(), VSwitch::id, "vSwitch");
      groups = unique(inv.securityGroups(), SecurityGroup::id, "security group");
      nats = unique(inv.natGateways(), NatGateway::id, "NAT gateway");
      unique(inv.snatEntries(), SnatEntry::id, "SNAT entry");
      eips = unique(inv.eips(), Eip::id, "EIP");
      routeTables = unique(inv.routeTables(), RouteTable::id, "route table");
      ecs = unique(inv.ecsInstances(), EcsInstance::id, "ECS instance");
      rds = unique(inv.rdsInstances(), RdsInstance::id, "RDS instance");
      redis = unique(inv.redisInstances(), RedisInstance::id, "Redis instance");
      resourceGroups = unique(inv.resourceGroups(), ResourceGroup::id, "resource group");
      vSwitchesByVpc = group(inv.vSwitches(), VSwitch::vpcId);
      natsByVpc = group(inv.natGateways(), NatGateway::vpcId);
      snatByNat = group(inv.snatEntries(), SnatEntry::natGatewayId);
      Map<SecurityGroupId, List<EcsInstance>> m = new HashMap<>();
      for (EcsInstance i : inv.ecsInstances()) {
        for (SecurityGroupId g : i.securityGroupIds()) {
          m.computeIfAbsent(g, k -> new ArrayList<>()).add(i);
        }
      }
      members = freeze(m);
      Map<VpcId, RouteTable> sys = new HashMap<>();
      for (RouteTable t : inv.routeTables()) {
        if (t.type() == RouteTable.Type.SYSTEM) {
          RouteTable previous = sys.putIfAbsent(t.vpcId(), t);
          if (previous != null) {
            throw new IllegalArgumentException(
                "VPC " + t.vpcId() + " has two system route tables: " + previous.id() + " and " + t.id());
          }
        }
      }
      systemTables = Collections.unmodifiableMap(sys);
    }

    private static <K, V> Map<K, V> unique(List<V> values, Function<V, K> key, String kind) {
      Map<K, V> map = new LinkedHashMap<>();
      for (V v : values) {
        if (map.put(key.apply(v), v) != null) {
          throw new IllegalArgumentException("the inventory holds two " + kind + "s with id " + key.apply(v));
        }
      }
      return Collections.unmodifiableMap(map);
    }

    private static <K, V> Map<K, List<V>> group(List<V> values, Function<V, K> key) {
      Map<K, List<V>> map = new HashMap<>();
      for (V v : values) {
        map.computeIfAbsent(key.apply(v), k -> new ArrayList<>()).add(v);
      }
      return freeze(map);
    }

    private static <K, V> Map<K, List<V>> freeze(Map<K, List<V>> map) {
      Map<K, List<V>> out = new HashMap<>();
      map.forEach((k, v) -> out.put(k, List.copyOf(v)));
      return Collections.unmodifiableMap(out);
    }
  }
}
