package io.easnet.aliyun.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.easnet.aliyun.AliyunProduct;
import io.easnet.core.CloudServiceException;
import io.easnet.core.CloudServiceException.Kind;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.Eip;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.NatGateway.NatNetworkType;
import io.easnet.core.model.RouteTable.RouteEntry;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.ResourceId.SnatEntryId;
import io.easnet.core.model.ResourceId.SnatTableId;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.VpcApi.AllocateEipRequest;
import io.easnet.core.spi.VpcApi.CreateNatGatewayRequest;
import io.easnet.core.spi.VpcApi.CreateRouteEntryRequest;
import io.easnet.core.spi.VpcApi.DeleteRouteEntryRequest;
import io.easnet.core.spi.VpcApi.DeleteSnatEntryRequest;
import io.easnet.core.spi.VpcApi.EipAssociationRequest;
import io.easnet.core.spi.VpcApi.SnatEntryRequest;
import io.easnet.core.spi.VpcApi;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@link VpcApi} over the VPC API (2016-04-28, RPC). Page sizes are each API's maximum: 50 for DescribeVpcs,
 * DescribeVSwitches, DescribeNatGateways, DescribeSnatTableEntries and DescribeRouteTableList, 100 for
 * DescribeEipAddresses; DescribeRouteEntryList pages by {@code NextToken} with {@code MaxResult} 100. Every write
 * sends the request's {@code ClientToken}, so the transport may repeat it.
 */
public final class AliyunVpcApi implements VpcApi {
  static final int PAGE = 50;
  static final int EIP_PAGE = 100;
  static final int ROUTE_ENTRY_PAGE = 100;

  private final HttpTransport transport;

  public AliyunVpcApi(HttpTransport transport) {
    this.transport = transport;
  }

  private ApiRequest.Builder rpc(String action) {
    return ApiRequest.rpc(AliyunProduct.VPC, action).parameter("RegionId", transport.options().regionId());
  }

  private static ApiRequest.Builder paged(ApiRequest.Builder b, int page, int size) {
    return b.parameter("PageNumber", Integer.toString(page)).parameter("PageSize", Integer.toString(size)).page(page);
  }

  // ------------------------------------------------------------------------------------------------------- VPCs

  @Override
  public List<Vpc> describeVpcs() {
    return vpcs(null);
  }

  @Override
  public Vpc describeVpc(VpcId id) {
    List<Vpc> found = vpcs(id.value());
    if (found.isEmpty()) {
      throw WireJson.notFound("vpc:DescribeVpcs", "InvalidVpcId.NotFound", "The VPC " + id);
    }
    return found.get(0);
  }

  private List<Vpc> vpcs(String id) {
    return Lists.numbered(transport, (page, size) -> paged(rpc("DescribeVpcs").parameter("VpcId", id), page, size)
        .build(), PAGE, new Lists.Shape("Vpcs", "Vpc"), AliyunVpcApi::vpc);
  }

  static Vpc vpc(JsonNode n) {
    Vpc.Builder b = Vpc.builder().id(WireJson.required(n, "VpcId")).cidrBlock(WireJson.required(n, "CidrBlock"));
    WireJson.text(n, "VpcName").ifPresent(b::name);
    WireJson.text(n, "RegionId").ifPresent(b::regionId);
    WireJson.text(n, "Ipv6CidrBlock").ifPresent(c -> b.ipv6CidrBlock(Cidr.parse(c)));
    WireJson.strings(n, "SecondaryCidrBlocks", "SecondaryCidrBlock").forEach(b::addSecondaryCidrBlock);
    b.putAllTags(WireJson.tags(n));
    return b.build();
  }

  // -------------------------------------------------------------------------------------------------- vSwitches

  @Override
  public List<VSwitch> describeVSwitches(VpcId vpc) {
    return vSwitches(vpc.value(), null);
  }

  @Override
  public VSwitch describeVSwitch(VSwitchId id) {
    List<VSwitch> found = vSwitches(null, id.value());
    if (found.isEmpty()) {
      throw WireJson.notFound("vpc:DescribeVSwitches", "InvalidVSwitchId.NotFound", "The vSwitch " + id);
    }
    return found.get(0);
  }

  private List<VSwitch> vSwitches(String vpc, String id) {
    return Lists.numbered(transport, (page, size) -> paged(rpc("DescribeVSwitches").parameter("VpcId", vpc)
        .parameter("VSwitchId", id), page, size).build(), PAGE, new Lists.Shape("VSwitches", "VSwitch"),
        AliyunVpcApi::vSwitch);
  }

  static VSwitch vSwitch(JsonNode n) {
    VSwitch.Builder b = VSwitch.builder().id(WireJson.required(n, "VSwitchId")).vpcId(WireJson.required(n, "VpcId"))
        .cidrBlock(WireJson.required(n, "CidrBlock"));
    WireJson.text(n, "VSwitchName").ifPresent(b::name);
    WireJson.text(n, "ZoneId").ifPresent(b::zoneId);
    WireJson.text(n, "Ipv6CidrBlock").ifPresent(c -> b.ipv6CidrBlock(Cidr.parse(c)));
    WireJson.text(n.path("RouteTable"), "RouteTableId").ifPresent(b::routeTableId);
    WireJson.number(n, "AvailableIpAddressCount").ifPresent(b::availableIpAddressCount);
    b.putAllTags(WireJson.tags(n));
    return b.build();
  }

  // ----------------------------------------------------------------------------------------------- NAT gateways

  @Override
  public List<NatGateway> describeNatGateways(VpcId vpc) {
    return natGateways(vpc.value(), null);
  }

  @Override
  public NatGateway describeNatGateway(NatGatewayId id) {
    List<NatGateway> found = natGateways(null, id.value());
    if (found.isEmpty()) {
      throw WireJson.notFound("vpc:DescribeNatGateways", "InvalidNatGatewayId.NotFound", "The NAT gateway " + id);
    }
    return found.get(0);
  }

  private List<NatGateway> natGateways(String vpc, String id) {
    return Lists.numbered(transport, (page, size) -> paged(rpc("DescribeNatGateways").parameter("VpcId", vpc)
        .parameter("NatGatewayId", id), page, size).build(), PAGE, new Lists.Shape("NatGateways", "NatGateway"),
        AliyunVpcApi::natGateway);
  }

  static NatGateway natGateway(JsonNode n) {
    NatGateway.Builder b = NatGateway.builder().id(WireJson.required(n, "NatGatewayId"))
        .vpcId(WireJson.required(n, "VpcId"));
    WireJson.text(n.path("NatGatewayPrivateInfo"), "VswitchId")
        .or(() -> WireJson.text(n.path("NatGatewayPrivateInfo"), "VSwitchId")).ifPresent(b::vSwitchId);
    WireJson.text(n, "Name").ifPresent(b::name);
    WireJson.text(n, "NetworkType").ifPresent(t -> b.networkType(NatNetworkType.parse(t)));
    WireJson.text(n, "Status").ifPresent(b::status);
    for (JsonNode ip : WireJson.items(n, "IpLists", "IpList")) {
      WireJson.text(ip, "AllocationId").ifPresent(b::addEipId);
    }
    WireJson.strings(n, "SnatTableIds", "SnatTableId").forEach(b::addSnatTableId);
    b.putAllTags(WireJson.tags(n));
    return b.build();
  }

  // ------------------------------------------------------------------------------------------------ SNAT entries

  @Override
  public List<SnatEntry> describeSnatEntries(NatGatewayId nat) {
    List<SnatEntry> entries = snatEntries(nat.value(), null, null);
    if (entries.isEmpty()) {
      describeNatGateway(nat); // NOT_FOUND when the gateway does not exist; an empty table otherwise
    }
    return entries;
  }

  @Override
  public SnatEntry describeSnatEntry(SnatTableId table, SnatEntryId entry) {
    List<SnatEntry> found = snatEntries(null, table.value(), entry.value());
    if (found.isEmpty()) {
      throw WireJson.notFound("vpc:DescribeSnatTableEntries", "InvalidSnatEntryId.NotFound",
          "The SNAT entry " + entry + " in table " + table);
    }
    return found.get(0);
  }

  private List<SnatEntry> snatEntries(String nat, String table, String entry) {
    return Lists.numbered(transport, (page, size) -> paged(rpc("DescribeSnatTableEntries")
        .parameter("NatGatewayId", nat).parameter("SnatTableId", table).parameter("SnatEntryId", entry), page, size)
        .build(), PAGE, new Lists.Shape("SnatTableEntries", "SnatTableEntry"), n -> snatEntry(n, nat));
  }

  static SnatEntry snatEntry(JsonNode n, String askedNat) {
    SnatEntry.Builder b = SnatEntry.builder().id(WireJson.required(n, "SnatEntryId"))
        .snatTableId(WireJson.required(n, "SnatTableId"))
        .natGatewayId(WireJson.text(n, "NatGatewayId").or(() -> Optional.ofNullable(askedNat))
            .orElseThrow(() -> new IllegalArgumentException("the field NatGatewayId is missing")));
    Optional<String> vSwitch = WireJson.text(n, "SourceVSwitchId");
    vSwitch.ifPresent(b::sourceVSwitchId);
    if (vSwitch.isEmpty()) {
      // a vSwitch-granularity entry repeats the vSwitch's block in SourceCIDR: the vSwitch is the source then
      WireJson.text(n, "SourceCIDR").ifPresent(b::sourceCidr);
    }
    WireJson.commaList(WireJson.text(n, "SnatIp").orElse("")).forEach(b::addSnatIp);
    WireJson.text(n, "Status").ifPresent(b::status);
    WireJson.text(n, "SnatEntryName").ifPresent(b::name);
    return b.build();
  }

  @Override
  public SnatEntryId createSnatEntry(SnatEntryRequest request) {
    ApiRequest.Builder b = rpc("CreateSnatEntry").parameter("SnatTableId", request.snatTableId().value())
        .parameter("SnatIp", request.snatIps().stream().map(IpAddress::toString).collect(Collectors.joining(",")))
        .parameter("ClientToken", request.clientToken().value());
    request.sourceVSwitchId().ifPresent(v -> b.parameter("SourceVSwitchId", v.value()));
    request.sourceCidr().ifPresent(c -> b.parameter("SourceCIDR", c.toString()));
    request.name().ifPresent(n -> b.parameter("SnatEntryName", n));
    ApiRequest r = b.build();
    ApiResponse response = transport.call(r);
    return Lists.one(r, response, "/SnatEntryId", response.json(),
        n -> SnatEntryId.of(WireJson.required(n, "SnatEntryId")));
  }

  @Override
  public void deleteSnatEntry(DeleteSnatEntryRequest request) {
    try {
      transport.call(rpc("DeleteSnatEntry").parameter("SnatTableId", request.snatTableId().value())
          .parameter("SnatEntryId", request.snatEntryId().value())
          .parameter("ClientToken", request.clientToken().value()).build());
    } catch (CloudServiceException e) {
      if (e.kind() == Kind.NOT_FOUND && mentions(e, "snatentry")) {
        return; // a gone entry is the wanted outcome; an unknown SNAT table stays NOT_FOUND
      }
      // an entry already being deleted may be answered as busy: it is on its way to gone
      if (e.kind() != Kind.CONFLICT || !confirm(e, () -> deleting(request))) {
        throw e;
      }
    }
  }

  private boolean deleting(DeleteSnatEntryRequest request) {
    try {
      return "Deleting".equalsIgnoreCase(describeSnatEntry(request.snatTableId(), request.snatEntryId()).status());
    } catch (CloudServiceException gone) {
      if (gone.kind() == Kind.NOT_FOUND && mentions(gone, "snatentry")) {
        return true;
      }
      throw gone;
    }
  }

  /**
   * Whether a write that failed with {@code original} reached the wanted state anyway, by a re-read; when the
   * re-read itself fails, the original failure is thrown (with the re-read's as suppressed), so the caller sees the
   * write's action.
   */
  static boolean confirm(CloudServiceException original, java.util.function.BooleanSupplier reRead) {
    try {
      return reRead.getAsBoolean();
    } catch (RuntimeException reReadFailure) {
      original.addSuppressed(reReadFailure);
      throw original;
    }
  }

  // ------------------------------------------------------------------------------------------------------- EIPs

  @Override
  public List<Eip> describeEips(NatGatewayId nat) {
    return eips(b -> b.parameter("AssociatedInstanceType", "Nat").parameter("AssociatedInstanceId", nat.value()));
  }

  @Override
  public List<Eip> describeEips() {
    return eips(b -> b);
  }

  private List<Eip> eips(java.util.function.UnaryOperator<ApiRequest.Builder> filter) {
    return Lists.numbered(transport, (page, size) -> paged(filter.apply(rpc("DescribeEipAddresses")), page, size)
        .build(), EIP_PAGE, new Lists.Shape("EipAddresses", "EipAddress"), AliyunVpcApi::eip);
  }

  static Eip eip(JsonNode n) {
    Eip.Builder b = Eip.builder().id(WireJson.required(n, "AllocationId"))
        .ipAddress(WireJson.required(n, "IpAddress"));
    WireJson.text(n, "Status").ifPresent(b::status);
    WireJson.text(n, "InstanceId").ifPresent(b::instanceId);
    WireJson.text(n, "InstanceType").ifPresent(b::instanceType);
    WireJson.text(n, "Name").ifPresent(b::name);
    return b.build();
  }

  @Override
  public void associateEip(EipAssociationRequest request) {
    try {
      transport.call(eipRequest("AssociateEipAddress", request));
    } catch (CloudServiceException e) {
      // binding an EIP that is bound to this gateway already succeeds; bound elsewhere stays a conflict
      if (e.kind() == Kind.NOT_FOUND || !confirm(e, () -> boundTo(request).orElse(false))) {
        throw e;
      }
    }
  }

  @Override
  public void unassociateEip(EipAssociationRequest request) {
    try {
      transport.call(eipRequest("UnassociateEipAddress", request));
    } catch (CloudServiceException e) {
      // unbinding an EIP that is not bound to this gateway succeeds; a SNAT entry still using it stays a refusal
      if (mentions(e, "dependencyviolation") || e.kind() == Kind.NOT_FOUND && mentions(e, "natgateway")
          || confirm(e, () -> boundTo(request).orElse(true))) {
        throw e;
      }
    }
  }

  /** Whether the request's EIP is bound to its gateway now; empty when the EIP does not exist. */
  private Optional<Boolean> boundTo(EipAssociationRequest request) {
    List<Eip> eips = eips(b -> b.parameter("AllocationId", request.eipId().value()));
    return eips.stream().filter(e -> e.id().equals(request.eipId())).findFirst()
        .map(e -> e.instanceId().filter(request.natGatewayId().value()::equals).isPresent());
  }

  private ApiRequest eipRequest(String action, EipAssociationRequest request) {
    return rpc(action).parameter("AllocationId", request.eipId().value())
        .parameter("InstanceId", request.natGatewayId().value()).parameter("InstanceType", "Nat")
        .parameter("ClientToken", request.clientToken().value()).build();
  }

  @Override
  public Eip allocateEip(AllocateEipRequest request) {
    ApiRequest.Builder b = rpc("AllocateEipAddress")
        .parameter("Bandwidth", Integer.toString(request.bandwidthMbps()))
        .parameter("InternetChargeType", request.internetChargeType())
        .parameter("InstanceChargeType", "PostPaid")
        .parameter("ISP", "BGP")
        .parameter("ClientToken", request.clientToken().value());
    request.name().ifPresent(n -> b.parameter("Name", n));
    ApiRequest r = b.build();
    ApiResponse response = transport.call(r);
    return Lists.one(r, response, "/AllocationId", response.json(), n -> {
      Eip.Builder eip = Eip.builder().id(WireJson.required(n, "AllocationId"))
          .ipAddress(WireJson.required(n, "EipAddress")).status("Available");
      request.name().ifPresent(eip::name);
      return eip.build();
    });
  }

  @Override
  public NatGatewayId createNatGateway(CreateNatGatewayRequest request) {
    ApiRequest.Builder b = rpc("CreateNatGateway").parameter("VpcId", request.vpcId().value())
        .parameter("VSwitchId", request.vSwitchId().value())
        .parameter("NatType", "Enhanced")
        .parameter("NetworkType", "internet")
        .parameter("InstanceChargeType", "PostPaid")
        .parameter("InternetChargeType", "PayByLcu")
        .parameter("ClientToken", request.clientToken().value());
    request.name().ifPresent(n -> b.parameter("Name", n));
    ApiRequest r = b.build();
    ApiResponse response = transport.call(r);
    return Lists.one(r, response, "/NatGatewayId", response.json(),
        n -> NatGatewayId.of(WireJson.required(n, "NatGatewayId")));
  }

  // ----------------------------------------------------------------------------------------------- route tables

  @Override
  public List<RouteTable> describeRouteTables(VpcId vpc) {
    return routeTables(vpc.value(), null);
  }

  /** The tables of a page, each with its entries: a table's entries are read together with the others'. */
  private List<RouteTable> routeTables(String vpc, String table) {
    return Lists.numbered(transport, (page, size) -> paged(rpc("DescribeRouteTableList").parameter("VpcId", vpc)
        .parameter("RouteTableId", table), page, size).build(), PAGE,
        new Lists.Shape("RouterTableList", "RouterTableListType"), n -> routeTable(n, vpc), true);
  }

  private RouteTable routeTable(JsonNode n, String askedVpc) {
    String id = WireJson.required(n, "RouteTableId");
    RouteTable.Builder b = RouteTable.builder().id(id).vpcId(WireJson.text(n, "VpcId")
        .or(() -> Optional.ofNullable(askedVpc))
        .orElseThrow(() -> new IllegalArgumentException("the field VpcId is missing")));
    WireJson.text(n, "RouteTableType").ifPresent(t -> b.type(RouteTable.Type.parse(t)));
    // some answers embed the entries (RouteEntrys.RouteEntry[]); otherwise they are read per table
    List<JsonNode> entries = n.has("RouteEntrys") ? WireJson.items(n, "RouteEntrys", "RouteEntry") : routeEntries(id);
    for (JsonNode e : entries) {
      routeEntry(e).ifPresent(b::addEntries);
    }
    return b.build();
  }

  private List<JsonNode> routeEntries(String table) {
    return Lists.tokened(transport, (token, page) -> rpc("DescribeRouteEntryList").parameter("RouteTableId", table)
        .parameter("MaxResult", Integer.toString(ROUTE_ENTRY_PAGE)).parameter("NextToken", token).page(page).build(),
        new Lists.Shape("RouteEntrys", "RouteEntry"), n -> n);
  }

  /** A route entry; entries without a destination (none documented) are skipped. */
  static Optional<RouteEntry> routeEntry(JsonNode n) {
    Optional<String> destination = WireJson.text(n, "DestinationCidrBlock");
    if (destination.isEmpty()) {
      return Optional.empty();
    }
    List<JsonNode> hops = WireJson.items(n, "NextHops", "NextHop");
    JsonNode hop = hops.isEmpty() ? n : hops.get(0);
    String type = WireJson.text(hop, "NextHopType").or(() -> WireJson.text(n, "NextHopType"))
        .or(() -> WireJson.text(n, "Type")).orElse("local");
    String id = WireJson.text(hop, "NextHopId").or(() -> WireJson.text(n, "InstanceId")).orElse("");
    return Optional.of(RouteEntry.builder().destination(Cidr.parseNormalizing(destination.get()))
        .nextHopType(type).nextHopId(id).build());
  }

  @Override
  public void createRouteEntry(CreateRouteEntryRequest request) {
    ApiRequest.Builder b = rpc("CreateRouteEntry").parameter("RouteTableId", request.routeTableId().value())
        .parameter("DestinationCidrBlock", request.destination().toString())
        .parameter("NextHopType", RouteEntry.NAT_GATEWAY)
        .parameter("NextHopId", request.natGatewayId().value())
        .parameter("ClientToken", request.clientToken().value());
    request.name().ifPresent(n -> b.parameter("RouteEntryName", n));
    try {
      transport.call(b.build());
    } catch (CloudServiceException e) {
      // the same route again succeeds; the destination routed to another next hop stays refused
      if (!(mentions(e, "duplicate") || e.kind() == Kind.ALREADY_EXISTS) || !confirm(e, () -> routed(request))) {
        throw e;
      }
    }
  }

  private boolean routed(CreateRouteEntryRequest request) {
    return routeTables(null, request.routeTableId().value()).stream()
        .filter(t -> t.id().equals(request.routeTableId()))
        .flatMap(t -> t.entries().stream())
        .anyMatch(e -> e.destination().equals(request.destination()) && e.pointsTo(request.natGatewayId()));
  }

  @Override
  public void deleteRouteEntry(DeleteRouteEntryRequest request) {
    try {
      transport.call(rpc("DeleteRouteEntry").parameter("RouteTableId", request.routeTableId().value())
          .parameter("DestinationCidrBlock", request.destination().toString())
          .parameter("NextHopId", request.natGatewayId().value())
          .parameter("ClientToken", request.clientToken().value()).build());
    } catch (CloudServiceException e) {
      if (!(e.kind() == Kind.NOT_FOUND && !mentions(e, "routetable"))) {
        throw e; // an unknown route table stays NOT_FOUND; a gone route is the wanted outcome
      }
    }
  }

  static boolean mentions(CloudServiceException e, String word) {
    return e.code().toLowerCase(Locale.ROOT).contains(word);
  }

  @Override
  public String toString() {
    return "AliyunVpcApi{" + transport.options().regionId() + "}";
  }
}
