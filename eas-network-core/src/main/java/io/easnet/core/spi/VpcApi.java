package io.easnet.core.spi;

import io.easnet.core.model.Eip;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.NatGatewayId;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.SnatEntry;
import io.easnet.core.model.SnatEntryId;
import io.easnet.core.model.SnatTableId;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.VSwitchId;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.VpcId;
import java.util.List;

/** The VPC product: reads of the network and the writes of SNAT entries. Thread-safe; writes are idempotent. */
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
   * The SNAT entries of a NAT gateway, in every state ({@link CloudActions#DESCRIBE_SNAT_ENTRIES}).
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} when the gateway does not exist
   */
  List<SnatEntry> describeSnatEntries(NatGatewayId nat);

  /** The EIPs bound to a NAT gateway ({@link CloudActions#DESCRIBE_EIPS}); empty when none is. */
  List<Eip> describeEips(NatGatewayId nat);

  /**
   * The route tables of a VPC with their entries, the system table included
   * ({@link CloudActions#DESCRIBE_ROUTE_TABLES}).
   */
  List<RouteTable> describeRouteTables(VpcId vpc);

  /**
   * Creates a SNAT entry ({@link CloudActions#CREATE_SNAT_ENTRY}). The entry starts {@code Pending} and becomes
   * {@code Available} asynchronously. Creating an entry identical to an existing one (same table, source, IPs and
   * name) returns the existing id.
   *
   * @return the id of the entry
   * @throws io.easnet.core.CloudServiceException {@code INVALID_PARAMETER} when the request names both or neither
   *     of a source vSwitch and a source CIDR, {@code ALREADY_EXISTS} when the source vSwitch or CIDR is already
   *     in another entry ({@code Forbidden.SourceVSwitchId.Duplicated}), {@code NOT_FOUND} for an unknown SNAT
   *     table or vSwitch, or for a SNAT IP that is not an EIP of the gateway ({@code InvalidSnatIp.NotFound})
   */
  SnatEntryId createSnatEntry(SnatEntryRequest request);

  /**
   * Deletes a SNAT entry ({@link CloudActions#DELETE_SNAT_ENTRY}); deleting an entry that is gone succeeds.
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} when the SNAT table does not exist
   */
  void deleteSnatEntry(SnatTableId table, SnatEntryId entry);
}
