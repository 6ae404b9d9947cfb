package io.easnet.testkit;

import static io.easnet.testkit.Requests.req;

import io.easnet.core.model.Eip;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.ResourceId.SnatEntryId;
import io.easnet.core.model.ResourceId.SnatTableId;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.VpcApi.AllocateEipRequest;
import io.easnet.core.spi.CloudActions;
import io.easnet.core.spi.VpcApi.CreateNatGatewayRequest;
import io.easnet.core.spi.VpcApi.CreateRouteEntryRequest;
import io.easnet.core.spi.VpcApi.DeleteRouteEntryRequest;
import io.easnet.core.spi.VpcApi.DeleteSnatEntryRequest;
import io.easnet.core.spi.VpcApi.EipAssociationRequest;
import io.easnet.core.spi.VpcApi.SnatEntryRequest;
import io.easnet.core.spi.VpcApi;
import java.util.List;
import java.util.Optional;

/** The fake's VPC product. */
final class FakeVpcApi implements VpcApi {
  private final Requests requests;
  private final CloudState state;

  FakeVpcApi(Requests requests) {
    this.requests = requests;
    this.state = requests.fake().state();
  }

  @Override
  public List<Vpc> describeVpcs() {
    return requests.list(CloudActions.DESCRIBE_VPCS, state.network::vpcs);
  }

  @Override
  public Vpc describeVpc(VpcId id) {
    req(id, "id");
    return requests.call(CloudActions.DESCRIBE_VPCS, () -> state.network.vpc(id));
  }

  @Override
  public List<VSwitch> describeVSwitches(VpcId vpc) {
    req(vpc, "vpc");
    return requests.list(CloudActions.DESCRIBE_VSWITCHES, () -> state.vSwitchesIn(vpc));
  }

  @Override
  public VSwitch describeVSwitch(VSwitchId id) {
    req(id, "id");
    return requests.call(CloudActions.DESCRIBE_VSWITCHES, () -> state.vSwitchNow(id));
  }

  @Override
  public List<NatGateway> describeNatGateways(VpcId vpc) {
    req(vpc, "vpc");
    return requests.list(CloudActions.DESCRIBE_NAT_GATEWAYS, () -> state.network.natsIn(vpc));
  }

  @Override
  public NatGateway describeNatGateway(NatGatewayId id) {
    req(id, "id");
    return requests.call(CloudActions.DESCRIBE_NAT_GATEWAYS, () -> state.network.nat(id));
  }

  @Override
  public List<SnatEntry> describeSnatEntries(NatGatewayId nat) {
    req(nat, "nat");
    return requests.list(CloudActions.DESCRIBE_SNAT_ENTRIES, () -> state.network.snatOf(nat));
  }

  @Override
  public SnatEntry describeSnatEntry(SnatTableId table, SnatEntryId entry) {
    req(table, "table");
    req(entry, "entry");
    return requests.call(CloudActions.DESCRIBE_SNAT_ENTRIES, () -> state.network.snatEntry(table, entry));
  }

  @Override
  public List<Eip> describeEips(NatGatewayId nat) {
    req(nat, "nat");
    return requests.list(CloudActions.DESCRIBE_EIPS, () -> state.network.eipsOf(nat));
  }

  @Override
  public List<Eip> describeEips() {
    return requests.list(CloudActions.DESCRIBE_EIPS, state.network::eips);
  }

  @Override
  public List<RouteTable> describeRouteTables(VpcId vpc) {
    req(vpc, "vpc");
    return requests.list(CloudActions.DESCRIBE_ROUTE_TABLES, () -> state.network.routeTablesIn(vpc));
  }

  @Override
  public SnatEntryId createSnatEntry(SnatEntryRequest request) {
    req(request, "request");
    return requests.write(CloudActions.CREATE_SNAT_ENTRY, request.clientToken(), request,
        () -> state.network.createSnat(request, false).id());
  }

  @Override
  public void deleteSnatEntry(DeleteSnatEntryRequest request) {
    req(request, "request");
    requests.writeVoid(CloudActions.DELETE_SNAT_ENTRY, request.clientToken(), request,
        () -> state.network.deleteSnat(request.snatTableId(), request.snatEntryId()));
  }

  @Override
  public void createRouteEntry(CreateRouteEntryRequest request) {
    req(request, "request");
    requests.writeVoid(CloudActions.CREATE_ROUTE_ENTRY, request.clientToken(), request,
        () -> state.network.createRoute(request));
  }

  @Override
  public void deleteRouteEntry(DeleteRouteEntryRequest request) {
    req(request, "request");
    requests.writeVoid(CloudActions.DELETE_ROUTE_ENTRY, request.clientToken(), request,
        () -> state.network.deleteRoute(request));
  }

  @Override
  public void associateEip(EipAssociationRequest request) {
    req(request, "request");
    requests.writeVoid(CloudActions.ASSOCIATE_EIP, request.clientToken(), request,
        () -> state.network.associate(request.eipId(), request.natGatewayId()));
  }

  @Override
  public void unassociateEip(EipAssociationRequest request) {
    req(request, "request");
    requests.writeVoid(CloudActions.UNASSOCIATE_EIP, request.clientToken(), request,
        () -> state.network.unassociate(request.eipId(), request.natGatewayId()));
  }

  @Override
  public NatGatewayId createNatGateway(CreateNatGatewayRequest request) {
    req(request, "request");
    return requests.write(CloudActions.CREATE_NAT_GATEWAY, request.clientToken(), request,
        () -> state.network.createNat(NatGatewayId.of(state.ctx.ids.next("ngw-")), request, false).id());
  }

  @Override
  public Eip allocateEip(AllocateEipRequest request) {
    req(request, "request");
    return requests.write(CloudActions.ALLOCATE_EIP, request.clientToken(), request,
        () -> state.network.allocateEip(request, Optional.empty()));
  }
}
