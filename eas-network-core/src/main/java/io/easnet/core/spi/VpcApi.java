package io.easnet.core.spi;

import io.easnet.core.model.Eip;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.SnatEntry;
import io.easnet.core.model.ResourceId.SnatEntryId;
import io.easnet.core.model.ResourceId.SnatTableId;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.ResourceId.VpcId;
import java.util.List;

/**
 * The VPC product: reads of the network, and the writes the remedies need (SNAT entries, routes, EIP bindings, NAT
 * gateways, EIPs). Thread-safe. Every write takes a request that carries a {@link ClientToken}: the same token twice
 * acts once. Lists return every page.
 */
public interface VpcApi {
  /** Every VPC of the region ({@link CloudActions#DESCRIBE_VPCS}). */
  List<Vpc> describeVpcs();

  /**
   * One VPC ({@link CloudActions#DESCRIBE_VPCS} with a {@code VpcId} filter).
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} when it does not exist
   */
  Vpc describeVpc(VpcId id);

  /** The vSwitches of a VPC, with their free address counts ({@link CloudActions#DESCRIBE_VSWITCHES}). */
  List<VSwitch> describeVSwitches(VpcId vpc);

  /**
   * One vSwitch ({@link CloudActions#DESCRIBE_VSWITCHES} with a {@code VSwitchId} filter).
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} when it does not exist
   */
  VSwitch describeVSwitch(VSwitchId id);

  /** The NAT gateways of a VPC with their bound EIPs and SNAT tables ({@link CloudActions#DESCRIBE_NAT_GATEWAYS}). */
  List<NatGateway> describeNatGateways(VpcId vpc);

  /**
   * One NAT gateway with its {@link NatGateway#status()} ({@code Creating}, {@code Available}, {@code Modifying},
   * {@code Deleting}; {@link CloudActions#DESCRIBE_NAT_GATEWAYS} with a {@code NatGatewayId} filter), for polling
   * after {@link #createNatGateway}.
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} when it does not exist
   */
  NatGateway describeNatGateway(NatGatewayId id);

  /**
   * The SNAT entries of a NAT gateway, in every state ({@link CloudActions#DESCRIBE_SNAT_ENTRIES}).
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} when the gateway does not exist
   */
  List<SnatEntry> describeSnatEntries(NatGatewayId nat);

  /**
   * One SNAT entry with its {@link SnatEntry#status()} ({@code Pending}, {@code Available}, {@code Deleting};
   * {@link CloudActions#DESCRIBE_SNAT_ENTRIES} with a {@code SnatEntryId} filter), for polling after
   * {@link #createSnatEntry} or {@link #deleteSnatEntry}.
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} when the table does not exist or holds no such
   *     entry (a deleted entry is gone)
   */
  SnatEntry describeSnatEntry(SnatTableId table, SnatEntryId entry);

  /** The EIPs bound to a NAT gateway ({@link CloudActions#DESCRIBE_EIPS}); empty when none is. */
  List<Eip> describeEips(NatGatewayId nat);

  /**
   * Every EIP of the region, bound or not ({@link CloudActions#DESCRIBE_EIPS} without a filter): the unbound ones
   * ({@code Available}) are what a remedy binds before it allocates a new, billed one.
   */
  List<Eip> describeEips();

  /**
   * The route tables of a VPC with their entries, the system table included
   * ({@link CloudActions#DESCRIBE_ROUTE_TABLES}).
   */
  List<RouteTable> describeRouteTables(VpcId vpc);

  /**
   * Creates a SNAT entry ({@link CloudActions#CREATE_SNAT_ENTRY}). The entry starts {@code Pending} and becomes
   * {@code Available} asynchronously: poll {@link #describeSnatEntry}. The same client token twice returns the first
   * call's id and creates nothing.
   *
   * @return the id of the entry
   * @throws io.easnet.core.CloudServiceException {@code INVALID_PARAMETER} when the request names both or neither
   *     of a source vSwitch and a source CIDR, or reuses a token with other parameters
   *     ({@code IdempotentParameterMismatch}); {@code ALREADY_EXISTS} when the source vSwitch or CIDR is already in
   *     an entry ({@code Forbidden.SourceVSwitchId.Duplicated}); {@code NOT_FOUND} for an unknown SNAT table or
   *     vSwitch, or for a SNAT IP that is not an EIP of the gateway ({@code InvalidSnatIp.NotFound});
   *     {@code CONFLICT} while the gateway is not {@code Available} ({@code IncorrectStatus.NatGateway})
   */
  SnatEntryId createSnatEntry(SnatEntryRequest request);

  /**
   * Deletes a SNAT entry ({@link CloudActions#DELETE_SNAT_ENTRY}): it is {@code Deleting}, then gone. Deleting an
   * entry that is gone succeeds.
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} when the SNAT table does not exist
   */
  void deleteSnatEntry(DeleteSnatEntryRequest request);

  /**
   * Adds a route to a NAT gateway ({@link CloudActions#CREATE_ROUTE_ENTRY}); adding the same route again (same
   * table, destination and next hop) succeeds and adds nothing.
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} for an unknown route table or NAT gateway;
   *     {@code ALREADY_EXISTS} when the table routes the destination to another next hop
   *     ({@code InvalidCIDRBlock.Duplicate}); {@code INVALID_PARAMETER} when the gateway is in another VPC;
   *     {@code CONFLICT} while the gateway is not {@code Available}
   */
  void createRouteEntry(CreateRouteEntryRequest request);

  /**
   * Deletes a route ({@link CloudActions#DELETE_ROUTE_ENTRY}); deleting a route that is gone succeeds.
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} for an unknown route table
   */
  void deleteRouteEntry(DeleteRouteEntryRequest request);

  /**
   * Binds an EIP to a NAT gateway ({@link CloudActions#ASSOCIATE_EIP}, {@code InstanceType=Nat}); binding an EIP
   * that is bound to that gateway already succeeds.
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} for an unknown EIP or gateway; {@code CONFLICT}
   *     when the EIP is bound to another instance ({@code IncorrectEipStatus}) or the gateway is not
   *     {@code Available}
   */
  void associateEip(EipAssociationRequest request);

  /**
   * Unbinds an EIP from a NAT gateway ({@link CloudActions#UNASSOCIATE_EIP}); unbinding an EIP that is not bound to
   * it succeeds.
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} for an unknown EIP or gateway;
   *     {@code INVALID_PARAMETER} while a SNAT entry of the gateway still uses the address
   *     ({@code DependencyViolation.SnatEntry})
   */
  void unassociateEip(EipAssociationRequest request);

  /**
   * Creates an enhanced internet NAT gateway ({@link CloudActions#CREATE_NAT_GATEWAY}). <b>Billed</b>: a NAT
   * gateway costs money by the hour from its creation until it is deleted. It starts {@code Creating} and becomes
   * {@code Available} in one to three minutes: poll {@link #describeNatGateway}. The system then routes
   * {@code 0.0.0.0/0} of the VPC's system route table to it. The same client token twice returns the first call's
   * id and creates (and bills) one gateway.
   *
   * @return the id of the gateway
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} for an unknown VPC or vSwitch;
   *     {@code INVALID_PARAMETER} when the vSwitch is not in the VPC; {@code QUOTA_EXCEEDED} when the region's
   *     NAT gateway quota is used up
   */
  NatGatewayId createNatGateway(CreateNatGatewayRequest request);

  /**
   * Allocates an EIP ({@link CloudActions#ALLOCATE_EIP}). <b>Billed</b>: an EIP costs money from its allocation
   * until it is released, bound or not. It is {@code Available} (unbound) at once. The same client token twice
   * returns the first call's EIP and allocates (and bills) one.
   *
   * @return the new EIP with its allocation id and address
   * @throws io.easnet.core.CloudServiceException {@code QUOTA_EXCEEDED} when the account's EIP quota is used up
   */
  Eip allocateEip(AllocateEipRequest request);
}
