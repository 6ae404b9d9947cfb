package io.easnet.testkit;

import io.easnet.core.model.Cidr;
import io.easnet.core.model.DLink;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.EcsInstanceId;
import io.easnet.core.model.Eip;
import io.easnet.core.model.EipAllocationId;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.NatGatewayId;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.RdsInstanceId;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.RedisInstanceId;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.ResourceGroupId;
import io.easnet.core.model.ResourceId;
import io.easnet.core.model.AllowlistTarget;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.RouteTableId;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SnatEntry;
import io.easnet.core.model.SnatEntryId;
import io.easnet.core.model.SnatTableId;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.VSwitchId;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.VpcId;
import io.easnet.core.spi.AllocateEipRequest;
import io.easnet.core.spi.ClientToken;
import io.easnet.core.spi.CreateNatGatewayRequest;
import io.easnet.core.spi.CreateRouteEntryRequest;
import io.easnet.core.spi.DLinkStatus;
import io.easnet.core.spi.DeleteRouteEntryRequest;
import io.easnet.core.spi.RequestListener;
import io.easnet.core.spi.ServiceStatus;
import io.easnet.core.spi.SnatEntryRequest;
import io.easnet.core.spi.UpdateType;
import io.easnet.testkit.internal.AllowlistMode;
import io.easnet.testkit.internal.Served;
import io.easnet.testkit.internal.WireCloud;
import io.easnet.testkit.internal.WireState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The fake's wire face: {@link FakeCloud#serve} and the state methods the port face calls, for the emulator. One
 * state, two faces: a request through either takes the same call path and the same state methods.
 */
final class WireFace implements WireCloud, WireState {
  private final FakeCloud fake;
  private final CloudState state;

  WireFace(FakeCloud fake) {
    this.fake = Objects.requireNonNull(fake, "fake");
    this.state = fake.state();
  }

  @Override
  public FakeCloud fake() {
    return fake;
  }

  @Override
  public <T> Served<T> serve(String action, int page, Function<WireState, T> body) {
    Outcome<T> o = fake.serve(action, page, () -> body.apply(this), RequestListener.none());
    Optional<Refusal> refusal = o.refusal();
    if (refusal.isPresent()) {
      Refusal r = refusal.get();
      return Served.<T>refused(r.code(), r.getMessage(), r.httpStatus(), r.retryAfterMillis(), o.requestId())
          .withLatency(o.latency());
    }
    return Served.ok(o.result(), o.requestId()).withLatency(o.latency());
  }

  @Override
  public Optional<String> regionId() {
    return state.regionId();
  }

  @Override
  public <T> T once(String action, ClientToken token, String parameters, Supplier<T> write) {
    return state.tokens.once(action, token, parameters, write);
  }

  @Override
  public RuntimeException refuse(String code, String message) {
    return Refusal.of(code, message);
  }

  // ------------------------------------------------------------------------------------------------ VPC

  @Override
  public List<Vpc> vpcs() {
    return state.network.vpcs();
  }

  @Override
  public Vpc vpc(VpcId id) {
    return state.network.vpc(id);
  }

  @Override
  public List<VSwitch> vSwitches() {
    return state.network.vSwitchIds().stream().map(state::vSwitchNow).toList();
  }

  @Override
  public List<VSwitch> vSwitchesIn(VpcId vpc) {
    return state.vSwitchesIn(vpc);
  }

  @Override
  public VSwitch vSwitch(VSwitchId id) {
    return state.vSwitchNow(id);
  }

  @Override
  public List<NatGateway> natGateways() {
    return state.network.nats();
  }

  @Override
  public List<NatGateway> natGatewaysIn(VpcId vpc) {
    return state.network.natsIn(vpc);
  }

  @Override
  public NatGateway natGateway(NatGatewayId id) {
    return state.network.nat(id);
  }

  @Override
  public NatGateway natGatewayOfTable(SnatTableId table) {
    return state.network.natOfTable(table);
  }

  @Override
  public List<SnatEntry> snatEntries(NatGatewayId nat) {
    return state.network.snatOf(nat);
  }

  @Override
  public SnatEntry snatEntry(SnatTableId table, SnatEntryId id) {
    return state.network.snatEntry(table, id);
  }

  @Override
  public List<Eip> eips() {
    return state.network.eips();
  }

  @Override
  public List<Eip> eipsOf(NatGatewayId nat) {
    return state.network.eipsOf(nat);
  }

  @Override
  public List<RouteTable> routeTables() {
    return state.network.routeTables();
  }

  @Override
  public RouteTable routeTable(RouteTableId id) {
    return state.network.routeTable(id);
  }

  @Override
  public List<RouteTable> routeTablesIn(VpcId vpc) {
    return state.network.routeTablesIn(vpc);
  }

  @Override
  public SnatEntryId createSnatEntry(SnatEntryRequest request) {
    return state.network.createSnat(request, false).id();
  }

  @Override
  public void deleteSnatEntry(SnatTableId table, SnatEntryId id) {
    state.network.deleteSnat(table, id);
  }

  @Override
  public void createRouteEntry(CreateRouteEntryRequest request) {
    state.network.createRoute(request);
  }

  @Override
  public void deleteRouteEntry(DeleteRouteEntryRequest request) {
    state.network.deleteRoute(request);
  }

  @Override
  public void associateEip(EipAllocationId eip, NatGatewayId nat) {
    state.network.associate(eip, nat);
  }

  @Override
  public void unassociateEip(EipAllocationId eip, NatGatewayId nat) {
    state.network.unassociate(eip, nat);
  }

  @Override
  public NatGatewayId createNatGateway(CreateNatGatewayRequest request) {
    return state.network.createNat(NatGatewayId.of(state.ctx.ids.next("ngw-")), request, false).id();
  }

  @Override
  public Eip allocateEip(AllocateEipRequest request) {
    return state.network.allocateEip(request, Optional.empty());
  }

  // ------------------------------------------------------------------------------------------------ ECS

  @Override
  public List<SecurityGroup> securityGroups() {
    return state.groups.all();
  }

  @Override
  public SecurityGroup securityGroup(SecurityGroupId id) {
    return state.groups.group(id);
  }

  @Override
  public void authorize(SecurityGroupId id, SecurityGroupRule rule) {
    state.groups.authorize(id, rule);
  }

  @Override
  public void revoke(SecurityGroupId id, SecurityGroupRule rule) {
    state.groups.revoke(id, rule);
  }

  @Override
  public List<EcsInstance> ecsInstances() {
    return state.network.ecs();
  }

  @Override
  public EcsInstance ecsInstance(EcsInstanceId id) {
    return state.network.ecsInstance(id);
  }

  // ------------------------------------------------------------------------------------------------ allowlists

  @Override
  public List<RdsInstance> rdsInstances() {
    return List.copyOf(state.rds.all());
  }

  @Override
  public RdsInstance rdsInstance(RdsInstanceId id) {
    return state.rds.instance(id);
  }

  @Override
  public void modifyRdsAllowlist(RdsInstanceId id, String group, AllowlistMode mode, List<Cidr> entries) {
    modify(state.rds, id, group, mode, entries);
  }

  @Override
  public List<RedisInstance> redisInstances() {
    return List.copyOf(state.redis.all());
  }

  @Override
  public RedisInstance redisInstance(RedisInstanceId id) {
    return state.redis.instance(id);
  }

  @Override
  public void modifyRedisAllowlist(RedisInstanceId id, String group, AllowlistMode mode, List<Cidr> entries) {
    modify(state.redis, id, group, mode, entries);
  }

  private static <I extends ResourceId, T extends AllowlistTarget> void modify(AllowlistState<I, T> store, I id,
      String group, AllowlistMode mode, List<Cidr> entries) {
    switch (mode) {
      case APPEND -> store.append(id, group, entries);
      case DELETE -> store.delete(id, group, entries);
      case COVER -> store.cover(id, group, entries);
      default -> throw new IllegalStateException(mode.toString());
    }
  }

  // ------------------------------------------------------------------------------------------------ EAS

  @Override
  public List<String> serviceNames() {
    return state.services.names();
  }

  @Override
  public String serviceConfig(String name) {
    return state.services.describe(name);
  }

  @Override
  public ServiceStatus serviceStatus(String name) {
    return state.services.status(name);
  }

  @Override
  public String createService(String json) {
    return state.services.create(json, false);
  }

  @Override
  public void updateService(String name, String json, UpdateType type) {
    state.services.update(name, json, type);
  }

  @Override
  public List<ResourceGroup> resourceGroups() {
    return state.dlinks.all();
  }

  @Override
  public ResourceGroup resourceGroup(ResourceGroupId id) {
    return state.dlinks.resourceGroup(id);
  }

  @Override
  public DLinkStatus dlinkStatus(ResourceGroupId id) {
    return state.dlinks.status(id);
  }

  @Override
  public void updateDLink(ResourceGroupId id, DLink dlink) {
    state.dlinks.update(id, dlink, false);
  }

  @Override
  public void deleteDLink(ResourceGroupId id) {
    state.dlinks.delete(id);
  }

  @Override
  public String toString() {
    return "WireFace[" + fake + "]";
  }
}
