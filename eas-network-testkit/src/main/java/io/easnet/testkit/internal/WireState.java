package io.easnet.testkit.internal;

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
import io.easnet.core.spi.ServiceStatus;
import io.easnet.core.spi.SnatEntryRequest;
import io.easnet.core.spi.UpdateType;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The fake's state as one {@link WireCloud#serve} body sees it: the same methods, refusals and invariants the port
 * face uses. Valid only inside that body (under the fake's lock). A refusal is thrown as the fake's own exception,
 * which {@code serve} turns into a refused {@link Served}; let it pass.
 */
public interface WireState {
  /** The region the fake reports, when it has one. */
  Optional<String> regionId();

  /**
   * Runs a write once per (action, client token): the same token with the same {@code parameters} answers the first
   * result without acting; with other parameters it is refused with {@code IdempotentParameterMismatch}.
   */
  <T> T once(String action, ClientToken token, String parameters, Supplier<T> write);

  /**
   * A refusal to throw from a serve body when the wire request asks for something the state does not hold: it is
   * recorded like the state's own refusals. The HTTP status is the one the cloud answers {@code code} with.
   */
  RuntimeException refuse(String code, String message);

  // VPC
  List<Vpc> vpcs();

  Vpc vpc(VpcId id);

  /** Every vSwitch with its free addresses now. */
  List<VSwitch> vSwitches();

  /** The vSwitches of a VPC; refuses an unknown VPC. */
  List<VSwitch> vSwitchesIn(VpcId vpc);

  VSwitch vSwitch(VSwitchId id);

  List<NatGateway> natGateways();

  List<NatGateway> natGatewaysIn(VpcId vpc);

  NatGateway natGateway(NatGatewayId id);

  /** The gateway that owns a SNAT table; refuses an unknown table. */
  NatGateway natGatewayOfTable(SnatTableId table);

  /** The SNAT entries of a gateway in every state; refuses an unknown gateway. */
  List<SnatEntry> snatEntries(NatGatewayId nat);

  SnatEntry snatEntry(SnatTableId table, SnatEntryId id);

  List<Eip> eips();

  /** The EIPs bound to a gateway; refuses an unknown gateway. */
  List<Eip> eipsOf(NatGatewayId nat);

  List<RouteTable> routeTables();

  List<RouteTable> routeTablesIn(VpcId vpc);

  /** One route table; refuses an unknown one. */
  RouteTable routeTable(RouteTableId id);

  SnatEntryId createSnatEntry(SnatEntryRequest request);

  void deleteSnatEntry(SnatTableId table, SnatEntryId id);

  void createRouteEntry(CreateRouteEntryRequest request);

  void deleteRouteEntry(DeleteRouteEntryRequest request);

  void associateEip(EipAllocationId eip, NatGatewayId nat);

  void unassociateEip(EipAllocationId eip, NatGatewayId nat);

  NatGatewayId createNatGateway(CreateNatGatewayRequest request);

  Eip allocateEip(AllocateEipRequest request);

  // ECS
  List<SecurityGroup> securityGroups();

  SecurityGroup securityGroup(SecurityGroupId id);

  /** Adds a rule; an existing rule succeeds without a duplicate. */
  void authorize(SecurityGroupId id, SecurityGroupRule rule);

  /** Removes a rule; an absent rule succeeds. */
  void revoke(SecurityGroupId id, SecurityGroupRule rule);

  List<EcsInstance> ecsInstances();

  EcsInstance ecsInstance(EcsInstanceId id);

  // RDS and Redis
  List<RdsInstance> rdsInstances();

  RdsInstance rdsInstance(RdsInstanceId id);

  void modifyRdsAllowlist(RdsInstanceId id, String group, AllowlistMode mode, List<Cidr> entries);

  List<RedisInstance> redisInstances();

  RedisInstance redisInstance(RedisInstanceId id);

  void modifyRedisAllowlist(RedisInstanceId id, String group, AllowlistMode mode, List<Cidr> entries);

  // EAS
  /** The names of every service, in creation order. */
  List<String> serviceNames();

  /** The configuration of a service as JSON text. */
  String serviceConfig(String name);

  ServiceStatus serviceStatus(String name);

  /** Creates a service and returns its name. */
  String createService(String json);

  void updateService(String name, String json, UpdateType type);

  List<ResourceGroup> resourceGroups();

  ResourceGroup resourceGroup(ResourceGroupId id);

  DLinkStatus dlinkStatus(ResourceGroupId id);

  void updateDLink(ResourceGroupId id, DLink dlink);

  void deleteDLink(ResourceGroupId id);
}
