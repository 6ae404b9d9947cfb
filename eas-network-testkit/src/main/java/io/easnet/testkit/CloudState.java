package io.easnet.testkit;

import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.ResourceId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The fake's whole state, split by product: {@link NetworkState} (VPC and ECS instances),
 * {@link SecurityGroupState}, two {@link AllowlistState}s (RDS, Redis), {@link DLinkState} and {@link ServiceState},
 * plus the names the estate DSL gave and the client tokens seen. Each product keeps its maps private and changes
 * them only through methods that keep Alibaba's invariants; the port face ({@code Fake*Api}), the estate DSL and the
 * wire face ({@code *Operations}, which the emulator serves) all go through them. Not thread-safe by itself:
 * {@link FakeCloud} holds its lock around every use.
 */
final class CloudState {
  /** The id types the name look-up knows, with their kinds and parsers. */
  private static final Map<Class<? extends ResourceId>, Kind> KINDS = new LinkedHashMap<>();

  private record Kind(String name, Function<String, ? extends ResourceId> parse) {}

  static {
    KINDS.put(VpcId.class, new Kind("vpc", VpcId::of));
    KINDS.put(VSwitchId.class, new Kind("vsw", VSwitchId::of));
    KINDS.put(SecurityGroupId.class, new Kind("sg", SecurityGroupId::of));
    KINDS.put(NatGatewayId.class, new Kind("ngw", NatGatewayId::of));
    KINDS.put(EcsInstanceId.class, new Kind("ecs", EcsInstanceId::of));
    KINDS.put(RdsInstanceId.class, new Kind("rds", RdsInstanceId::of));
    KINDS.put(RedisInstanceId.class, new Kind("redis", RedisInstanceId::of));
    KINDS.put(ResourceGroupId.class, new Kind("rg", ResourceGroupId::of));
  }

  final StateContext ctx;
  final NetworkState network;
  final SecurityGroupState groups;
  final AllowlistState<RdsInstanceId, RdsInstance> rds = new AllowlistState<>("InvalidDBInstanceId.NotFound",
      "DB instance", RdsInstance::id, (i, allowlists) -> i.toBuilder().allowlists(allowlists).build());
  final AllowlistState<RedisInstanceId, RedisInstance> redis = new AllowlistState<>("InvalidInstanceId.NotFound",
      "instance", RedisInstance::id, (i, allowlists) -> i.toBuilder().allowlists(allowlists).build());
  final DLinkState dlinks;
  final ServiceState services;
  final TokenLedger tokens = new TokenLedger();
  private final Map<String, String> names = new LinkedHashMap<>();
  private Optional<String> regionId = Optional.empty();

  CloudState(FakeClock clock, Ids ids, Duration asyncDelay) {
    this.ctx = new StateContext(clock, ids, asyncDelay);
    this.network = new NetworkState(ctx);
    this.groups = new SecurityGroupState(ctx);
    this.dlinks = new DLinkState(ctx, network, groups);
    this.services = new ServiceState(ctx, network, groups, dlinks);
  }

  // ---------------------------------------------------------------------------------------------- time

  /** Moves every asynchronous change whose time has come to its end state. */
  void settle() {
    Instant now = ctx.clock.instant();
    network.settle(now);
    dlinks.settle(now);
    services.settle(now);
  }

  Duration asyncDelay() {
    return ctx.asyncDelay;
  }

  void regionId(String region) {
    regionId = Optional.of(region);
  }

  Optional<String> regionId() {
    return regionId;
  }

  // ---------------------------------------------------------------------------------------------- names

  /** Registers a name of a kind and draws the resource's id. */
  String register(Class<? extends ResourceId> type, String name, String idPrefix) {
    String key = kind(type).name() + ":" + name;
    if (names.containsKey(key)) {
      throw new IllegalArgumentException("the estate already has a " + kind(type).name() + " named \"" + name + "\"");
    }
    String id = ctx.ids.next(idPrefix);
    names.put(key, id);
    return id;
  }

  /** The names so far, to put back with {@link #restoreNames} when a planting step is refused. */
  Map<String, String> names() {
    return new LinkedHashMap<>(names);
  }

  void restoreNames(Map<String, String> saved) {
    names.clear();
    names.putAll(saved);
  }

  boolean hasName(Class<? extends ResourceId> type, String name) {
    return names.containsKey(kind(type).name() + ":" + name);
  }

  /** The id the estate DSL (or a loaded inventory) gave {@code name}, typed. */
  <T extends ResourceId> T id(Class<T> type, String name) {
    Kind k = kind(type);
    String id = names.get(k.name() + ":" + name);
    if (id == null) {
      List<String> known = names.keySet().stream()
          .filter(n -> n.startsWith(k.name() + ":")).map(n -> n.substring(k.name().length() + 1)).toList();
      throw new IllegalArgumentException(
          "no " + type.getSimpleName() + " named \"" + name + "\" in the fake; known: " + known);
    }
    return type.cast(k.parse().apply(id));
  }

  private static Kind kind(Class<? extends ResourceId> type) {
    Kind k = KINDS.get(type);
    if (k == null) {
      throw new IllegalArgumentException("the fake names no " + type.getSimpleName() + "; it names "
          + KINDS.keySet().stream().map(Class::getSimpleName).toList());
    }
    return k;
  }

  private void name(Class<? extends ResourceId> type, Optional<String> name, ResourceId id) {
    name.ifPresent(n -> names.put(kind(type).name() + ":" + n, id.value()));
  }

  // ---------------------------------------------------------------------------------------------- load/snapshot

  void load(Inventory inv) {
    network.clear();
    groups.clear();
    rds.clear();
    redis.clear();
    dlinks.clear();
    services.clear();
    tokens.clear();
    names.clear();
    regionId = inv.regionId();
    network.load(inv);
    groups.load(inv);
    inv.rdsInstances().forEach(rds::put);
    inv.redisInstances().forEach(redis::put);
    dlinks.load(inv);
    inv.vpcs().forEach(v -> name(VpcId.class, v.name(), v.id()));
    inv.vSwitches().forEach(v -> name(VSwitchId.class, v.name(), v.id()));
    inv.securityGroups().forEach(g -> name(SecurityGroupId.class, g.name(), g.id()));
    inv.natGateways().forEach(n -> name(NatGatewayId.class, n.name(), n.id()));
    inv.ecsInstances().forEach(i -> name(EcsInstanceId.class, i.name(), i.id()));
    inv.rdsInstances().forEach(i -> name(RdsInstanceId.class, i.name(), i.id()));
    inv.redisInstances().forEach(i -> name(RedisInstanceId.class, i.name(), i.id()));
    inv.resourceGroups().forEach(g -> name(ResourceGroupId.class, g.name(), g.id()));
  }

  Inventory inventory() {
    Inventory.Builder b = Inventory.builder();
    regionId.ifPresent(b::regionId);
    network.addTo(b, vSwitches());
    groups.addTo(b);
    b.addAllRdsInstances(rds.all()).addAllRedisInstances(redis.all());
    dlinks.addTo(b);
    return b.build();
  }

  // ---------------------------------------------------------------------------------------------- across products

  /** A vSwitch with its free addresses now: its baseline less what the fake's services take. */
  VSwitch vSwitchNow(VSwitchId id) {
    VSwitch v = network.vSwitch(id);
    return v.toBuilder().availableIpAddressCount(services.available(id)).build();
  }

  /** Every vSwitch with its free addresses now. */
  List<VSwitch> vSwitches() {
    return network.vSwitchIds().stream().map(this::vSwitchNow).toList();
  }

  List<VSwitch> vSwitchesIn(VpcId vpc) {
    network.vpc(vpc);
    return network.vSwitchIdsIn(vpc).stream().map(this::vSwitchNow).toList();
  }

  /** True when an instance of the VPC already has this private address. */
  boolean addressInUse(VpcId vpc, IpAddress ip) {
    return network.ecsUses(vpc, ip) || rds.uses(vpc, ip) || redis.uses(vpc, ip);
  }

  /** Adds an ECS instance after checking its vSwitch, groups and address. */
  void addEcs(EcsInstance i) {
    VSwitch v = network.vSwitch(i.vSwitchId());
    i.securityGroupIds().forEach(groups::group);
    for (IpAddress ip : i.privateIps()) {
      checkAddress(v, ip);
    }
    if (services.available(v.id()) < 1) {
      throw Refusal.of("InvalidVSwitchId.IpNotEnough", "vSwitch " + v.id() + " has no free address left.");
    }
    network.addEcs(i);
  }

  /** Checks that an address lies in the vSwitch, is not reserved and is free in the VPC. */
  void checkAddress(VSwitch v, IpAddress ip) {
    if (!ip.isIn(v.cidrBlock())) {
      throw Refusal.of("InvalidPrivateIpAddress.Malformed",
          ip + " is outside vSwitch " + v.name().orElse(v.id().value()) + " (" + v.cidrBlock() + ").");
    }
    if (addressInUse(v.vpcId(), ip)) {
      throw Refusal.of("InvalidPrivateIpAddress.Duplicated", ip + " is in use by another instance of " + v.vpcId()
          + ".");
    }
  }

  @Override
  public String toString() {
    return "vpcs=" + network.vpcCount() + ", vSwitches=" + network.vSwitchCount() + ", groups=" + groups.count()
        + ", services=" + services.count();
  }
}
