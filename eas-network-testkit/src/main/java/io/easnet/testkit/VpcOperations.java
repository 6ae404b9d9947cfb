package io.easnet.testkit;

import static io.easnet.testkit.WireOperations.nested;
import static io.easnet.testkit.WireOperations.nestedStrings;
import static io.easnet.testkit.WireOperations.region;
import static io.easnet.testkit.WireOperations.serve;
import static io.easnet.testkit.WireOperations.tags;
import static io.easnet.testkit.WireOperations.text;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.Eip;
import io.easnet.core.model.ResourceId.EipAllocationId;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.RouteTable.RouteEntry;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.ResourceId.RouteTableId;
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
import io.easnet.core.spi.VpcApi.SnatEntryRequest;
import io.easnet.testkit.internal.wire.AlibabaError;
import io.easnet.testkit.internal.wire.Call;
import io.easnet.testkit.internal.wire.Operation;
import io.easnet.testkit.internal.wire.Pagination;
import io.easnet.testkit.internal.wire.Params;
import io.easnet.testkit.internal.wire.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** The VPC 2016-04-28 operations ({@code docs/wire.md} §3), served from the fake's network. */
final class VpcOperations {
  private VpcOperations() {}

  static void register(FakeCloud cloud, Map<String, Operation> out) {
    out.put("vpc:DescribeVpcs", call -> describeVpcs(cloud, call));
    out.put("vpc:DescribeVSwitches", call -> describeVSwitches(cloud, call));
    out.put("vpc:DescribeNatGateways", call -> describeNatGateways(cloud, call));
    out.put("vpc:DescribeSnatTableEntries", call -> describeSnatEntries(cloud, call));
    out.put("vpc:DescribeEipAddresses", call -> describeEips(cloud, call));
    out.put("vpc:DescribeRouteTableList", call -> describeRouteTables(cloud, call));
    out.put("vpc:DescribeRouteEntryList", call -> describeRouteEntries(cloud, call));
    out.put("vpc:CreateSnatEntry", call -> createSnatEntry(cloud, call));
    out.put("vpc:DeleteSnatEntry", call -> deleteSnatEntry(cloud, call));
    out.put("vpc:CreateRouteEntry", call -> createRouteEntry(cloud, call));
    out.put("vpc:DeleteRouteEntry", call -> deleteRouteEntry(cloud, call));
    out.put("vpc:AssociateEipAddress", call -> eipAssociation(cloud, call, true));
    out.put("vpc:UnassociateEipAddress", call -> eipAssociation(cloud, call, false));
    out.put("vpc:CreateNatGateway", call -> createNatGateway(cloud, call));
    out.put("vpc:AllocateEipAddress", call -> allocateEip(cloud, call));
  }

  /** The items that pass every filter of the request. */
  private static <T> List<T> only(List<T> items, Predicate<T> filter) {
    return items.stream().filter(filter).toList();
  }

  // ------------------------------------------------------------------------------------------------ reads

  private static Reply describeVpcs(FakeCloud cloud, Call call) {
    List<VpcId> ids = Params.ids(call, "VpcId", VpcId::of);
    Optional<String> name = Params.optional(call, "VpcName");
    Pagination.Request page = Pagination.request(call);
    return serve(cloud, CloudActions.DESCRIBE_VPCS, page.number(), st -> {
      List<Vpc> vpcs = ids.size() == 1 ? List.of(st.network.vpc(ids.get(0)))
          : only(st.network.vpcs(), v -> ids.isEmpty() || ids.contains(v.id()));
      vpcs = only(vpcs, v -> name.isEmpty() || v.name().equals(name));
      Pagination.Page<Vpc> p = page.slice(vpcs);
      ObjectNode body = Call.newBody();
      ArrayNode out = nested(body, "Vpcs", "Vpc");
      for (Vpc v : p.items()) {
        ObjectNode n = out.addObject();
        n.put("VpcId", v.id().value()).put("VpcName", text(v.name()))
            .put("RegionId", v.regionId().orElse(region(call, st))).put("Status", "Available")
            .put("CidrBlock", v.cidrBlock().toString()).put("Ipv6CidrBlock", text(v.ipv6CidrBlock()))
            .put("IsDefault", false).put("Description", "").put("CreationTime", "");
        nestedStrings(n, "SecondaryCidrBlocks", "SecondaryCidrBlock", v.secondaryCidrBlocks());
        nestedStrings(n, "UserCidrs", "UserCidr", List.of());
        nestedStrings(n, "VSwitchIds", "VSwitchId", st.vSwitchesIn(v.id()).stream().map(VSwitch::id).toList());
        nestedStrings(n, "NatGatewayIds", "NatGatewayIds",
            st.network.natsIn(v.id()).stream().map(NatGateway::id).toList());
        nestedStrings(n, "RouterTableIds", "RouterTableIds",
            st.network.routeTablesIn(v.id()).stream().map(RouteTable::id).toList());
        tags(n, v.tags(), "Key", "Value");
      }
      p.writeTo(body);
      return body;
    });
  }

  private static Reply describeVSwitches(FakeCloud cloud, Call call) {
    Optional<VpcId> vpc = Params.optionalId(call, "VpcId", VpcId::of);
    List<VSwitchId> ids = Params.ids(call, "VSwitchId", VSwitchId::of);
    Optional<String> zone = Params.optional(call, "ZoneId");
    Optional<String> name = Params.optional(call, "VSwitchName");
    Pagination.Request page = Pagination.request(call);
    return serve(cloud, CloudActions.DESCRIBE_VSWITCHES, page.number(), st -> {
      List<VSwitch> all;
      if (ids.size() == 1) {
        all = List.of(st.vSwitchNow(ids.get(0)));
      } else if (vpc.isPresent()) {
        all = st.vSwitchesIn(vpc.get());
      } else {
        all = st.vSwitches();
      }
      List<VSwitch> matching = only(all, v -> (ids.isEmpty() || ids.contains(v.id()))
          && (vpc.isEmpty() || v.vpcId().equals(vpc.get()))
          && (zone.isEmpty() || v.zoneId().equals(zone)) && (name.isEmpty() || v.name().equals(name)));
      Pagination.Page<VSwitch> p = page.slice(matching);
      List<RouteTable> tables = st.network.routeTables();
      ObjectNode body = Call.newBody();
      ArrayNode out = nested(body, "VSwitches", "VSwitch");
      for (VSwitch v : p.items()) {
        ObjectNode n = out.addObject();
        n.put("VSwitchId", v.id().value()).put("VpcId", v.vpcId().value()).put("VSwitchName", text(v.name()))
            .put("ZoneId", text(v.zoneId())).put("CidrBlock", v.cidrBlock().toString())
            .put("Ipv6CidrBlock", text(v.ipv6CidrBlock())).put("AvailableIpAddressCount", v.availableIpAddressCount())
            .put("Status", "Available").put("IsDefault", false).put("Description", "").put("CreationTime", "")
            .put("RegionId", region(call, st)).put("ShareType", "").put("NetworkAclId", "");
        v.routeTableId().ifPresent(t -> n.putObject("RouteTable").put("RouteTableId", t.value())
            .put("RouteTableType", tables.stream().filter(x -> x.id().equals(t)).findFirst()
                .map(x -> x.type() == RouteTable.Type.SYSTEM ? "System" : "Custom").orElse("Custom")));
        tags(n, v.tags(), "Key", "Value");
      }
      p.writeTo(body);
      return body;
    });
  }

  private static Reply describeNatGateways(FakeCloud cloud, Call call) {
    List<NatGatewayId> ids = Params.ids(call, "NatGatewayId", NatGatewayId::of);
    Optional<VpcId> vpc = Params.optionalId(call, "VpcId", VpcId::of);
    Optional<String> networkType = Params.optional(call, "NetworkType").map(s -> s.toLowerCase(Locale.ROOT));
    Optional<String> status = Params.optional(call, "Status");
    Optional<String> name = Params.optional(call, "Name");
    Pagination.Request page = Pagination.request(call);
    return serve(cloud, CloudActions.DESCRIBE_NAT_GATEWAYS, page.number(), st -> {
      List<NatGateway> all = ids.size() == 1 ? List.of(st.network.nat(ids.get(0)))
          : vpc.isPresent() ? st.network.natsIn(vpc.get()) : st.network.nats();
      List<NatGateway> matching = only(all, n -> (ids.isEmpty() || ids.contains(n.id()))
          && (vpc.isEmpty() || n.vpcId().equals(vpc.get()))
          && (networkType.isEmpty() || networkType(n).equals(networkType.get()))
          && (status.isEmpty() || n.status().equalsIgnoreCase(status.get()))
          && (name.isEmpty() || n.name().equals(name)));
      Pagination.Page<NatGateway> p = page.slice(matching);
      ObjectNode body = Call.newBody();
      ArrayNode out = nested(body, "NatGateways", "NatGateway");
      for (NatGateway n : p.items()) {
        ObjectNode o = out.addObject();
        o.put("NatGatewayId", n.id().value()).put("Name", text(n.name())).put("VpcId", n.vpcId().value())
            .put("RegionId", region(call, st)).put("Status", n.status()).put("BusinessStatus", "Normal")
            .put("NatType", "Enhanced").put("NetworkType", networkType(n)).put("Spec", "")
            .put("InstanceChargeType", "PostPaid").put("InternetChargeType", "PayByLcu")
            .put("EipBindMode", "MULTI_BINDED").put("DeletionProtection", false).put("Description", "")
            .put("CreationTime", "");
        ArrayNode ips = nested(o, "IpLists", "IpList");
        for (Eip e : st.network.eipsOf(n.id())) {
          ips.addObject().put("AllocationId", e.id().value()).put("IpAddress", e.ipAddress().toString())
              .put("UsingStatus", "UsedBySnatTable").put("SnatEntryEnabled", true).put("PrivateIpAddress", "");
        }
        nestedStrings(o, "SnatTableIds", "SnatTableId", n.snatTableIds());
        nestedStrings(o, "ForwardTableIds", "ForwardTableId", List.of());
        nestedStrings(o, "FullNatTableIds", "FullNatTableId", List.of());
        o.putObject("NatGatewayPrivateInfo").put("VswitchId", text(n.vSwitchId())).put("PrivateIpAddress", "")
            .put("EniInstanceId", "").put("IzNo", "");
        tags(o, n.tags(), "TagKey", "TagValue");
      }
      p.writeTo(body);
      return body;
    });
  }

  private static String networkType(NatGateway n) {
    return n.networkType().name().toLowerCase(Locale.ROOT);
  }

  private static Reply describeSnatEntries(FakeCloud cloud, Call call) {
    Optional<SnatTableId> table = Params.optionalId(call, "SnatTableId", SnatTableId::of);
    Optional<NatGatewayId> nat = Params.optionalId(call, "NatGatewayId", NatGatewayId::of);
    List<SnatEntryId> ids = Params.ids(call, "SnatEntryId", SnatEntryId::of);
    Optional<VSwitchId> source = Params.optionalId(call, "SourceVSwitchId", VSwitchId::of);
    Optional<Cidr> sourceCidr = Params.optionalId(call, "SourceCIDR", Cidr::parse);
    Optional<IpAddress> snatIp = Params.optionalId(call, "SnatIp", IpAddress::parse);
    Optional<String> name = Params.optional(call, "SnatEntryName");
    Pagination.Request page = Pagination.request(call);
    return serve(cloud, CloudActions.DESCRIBE_SNAT_ENTRIES, page.number(), st -> {
      List<SnatEntry> all;
      if (ids.size() == 1 && table.isPresent()) {
        all = List.of(st.network.snatEntry(table.get(), ids.get(0)));
      } else {
        NatGatewayId gateway = nat.isPresent() ? nat.get() : st.network.natOfTable(table.get()).id();
        all = st.network.snatOf(gateway);
      }
      List<SnatEntry> matching = only(all, e -> (table.isEmpty() || e.snatTableId().equals(table.get()))
          && (nat.isEmpty() || e.natGatewayId().equals(nat.get())) && (ids.isEmpty() || ids.contains(e.id()))
          && (source.isEmpty() || e.sourceVSwitchId().equals(source))
          && (sourceCidr.isEmpty() || e.sourceCidr().equals(sourceCidr))
          && (snatIp.isEmpty() || e.snatIps().contains(snatIp.get())) && (name.isEmpty() || e.name().equals(name)));
      Pagination.Page<SnatEntry> p = page.slice(matching);
      ObjectNode body = Call.newBody();
      ArrayNode out = nested(body, "SnatTableEntries", "SnatTableEntry");
      for (SnatEntry e : p.items()) {
        // a vSwitch entry shows the vSwitch's block in SourceCIDR too, as the real cloud does (docs/wire.md §3.5)
        String cidr = e.sourceCidr().isPresent() ? e.sourceCidr().get().toString() : blockOf(st, e.sourceVSwitchId());
        out.addObject().put("SnatEntryId", e.id().value()).put("SnatEntryName", text(e.name()))
            .put("SnatTableId", e.snatTableId().value()).put("NatGatewayId", e.natGatewayId().value())
            .put("SourceVSwitchId", text(e.sourceVSwitchId())).put("SourceCIDR", cidr)
            .put("SnatIp", String.join(",", e.snatIps().stream().map(IpAddress::toString).toList()))
            .put("Status", e.status()).put("EipAffinity", "0").put("NetworkInterfaceId", "");
      }
      p.writeTo(body);
      return body;
    });
  }

  private static String blockOf(CloudState st, Optional<VSwitchId> id) {
    if (id.isPresent()) {
      for (VSwitch v : st.vSwitches()) {
        if (v.id().equals(id.get())) {
          return v.cidrBlock().toString();
        }
      }
    }
    return "";
  }

  private static Reply describeEips(FakeCloud cloud, Call call) {
    List<EipAllocationId> ids = Params.ids(call, "AllocationId", EipAllocationId::of);
    List<IpAddress> addresses = Params.addresses(call, "EipAddress");
    Optional<String> instanceType = Params.optional(call, "AssociatedInstanceType");
    Optional<String> instance = Params.optional(call, "AssociatedInstanceId");
    Optional<String> status = Params.optional(call, "Status");
    Optional<String> name = Params.optional(call, "EipName");
    if (instance.isPresent() && instanceType.map(t -> !t.equalsIgnoreCase("Nat")).orElse(false)
        && instance.get().startsWith("ngw-")) {
      throw AlibabaError.invalidParameter("The specified parameter \"AssociatedInstanceType\" is not valid: "
          + instance.get() + " is a NAT gateway; send AssociatedInstanceType=Nat.");
    }
    Optional<NatGatewayId> nat = instance.filter(i -> i.startsWith("ngw-"))
        .map(i -> Params.parse("AssociatedInstanceId", i, NatGatewayId::of));
    Pagination.Request page = Pagination.request(call);
    return serve(cloud, CloudActions.DESCRIBE_EIPS, page.number(), st -> {
      List<Eip> all = nat.isPresent() ? st.network.eipsOf(nat.get()) : st.network.eips();
      List<Eip> matching = only(all, e -> (ids.isEmpty() || ids.contains(e.id()))
          && (addresses.isEmpty() || addresses.contains(e.ipAddress()))
          && (nat.isPresent() || instance.isEmpty() || e.instanceId().equals(instance))
          && (status.isEmpty() || e.status().equalsIgnoreCase(status.get()))
          && (name.isEmpty() || e.name().equals(name)));
      Pagination.Page<Eip> p = page.slice(matching);
      ObjectNode body = Call.newBody();
      ArrayNode out = nested(body, "EipAddresses", "EipAddress");
      for (Eip e : p.items()) {
        ObjectNode o = out.addObject();
        o.put("AllocationId", e.id().value()).put("IpAddress", e.ipAddress().toString()).put("Status", e.status())
            .put("InstanceId", text(e.instanceId())).put("InstanceType", text(e.instanceType()))
            .put("InstanceRegionId", e.instanceId().isPresent() ? region(call, st) : "").put("Name", text(e.name()))
            .put("Bandwidth", "5").put("InternetChargeType", "PayByTraffic").put("ChargeType", "PostPaid")
            .put("ISP", "BGP").put("RegionId", region(call, st)).put("Mode", "NAT").put("AllocationTime", "");
        nested(o, "OperationLocks", "LockReason");
        tags(o, Map.of(), "Key", "Value");
      }
      p.writeTo(body);
      return body;
    });
  }

  private static Reply describeRouteTables(FakeCloud cloud, Call call) {
    Optional<VpcId> vpc = Params.optionalId(call, "VpcId", VpcId::of);
    Optional<RouteTableId> id = Params.optionalId(call, "RouteTableId", RouteTableId::of);
    Optional<String> type = Params.optional(call, "RouteTableType");
    Pagination.Request page = Pagination.request(call);
    return serve(cloud, CloudActions.DESCRIBE_ROUTE_TABLES, page.number(), st -> {
      List<RouteTable> all = vpc.isPresent() ? st.network.routeTablesIn(vpc.get()) : st.network.routeTables();
      List<RouteTable> matching = only(all, t -> (id.isEmpty() || t.id().equals(id.get()))
          && (type.isEmpty() || tableType(t).equalsIgnoreCase(type.get())));
      Pagination.Page<RouteTable> p = page.slice(matching);
      List<VSwitch> vSwitches = st.vSwitches();
      ObjectNode body = Call.newBody();
      ArrayNode out = nested(body, "RouterTableList", "RouterTableListType");
      for (RouteTable t : p.items()) {
        ObjectNode o = out.addObject();
        o.put("RouteTableId", t.id().value()).put("RouteTableName", "").put("RouteTableType", tableType(t))
            .put("VpcId", t.vpcId().value()).put("RouterType", "VRouter").put("RouterId", "")
            .put("Status", "Available").put("Description", "").put("CreationTime", "").put("ResourceGroupId", "");
        List<VSwitchId> members = new ArrayList<>();
        for (VSwitch v : vSwitches) {
          boolean inTable = v.routeTableId().map(t.id()::equals)
              .orElse(t.type() == RouteTable.Type.SYSTEM && v.vpcId().equals(t.vpcId()));
          if (inTable) {
            members.add(v.id());
          }
        }
        nestedStrings(o, "VSwitchIds", "VSwitchId", members);
        tags(o, Map.of(), "Key", "Value");
      }
      p.writeTo(body);
      return body;
    });
  }

  private static String tableType(RouteTable t) {
    return t.type() == RouteTable.Type.SYSTEM ? "System" : "Custom";
  }

  /** {@code DescribeRouteEntryList} reads the entries of one table; the fake records it as a route-table read. */
  private static Reply describeRouteEntries(FakeCloud cloud, Call call) {
    RouteTableId table = Params.id(call, "RouteTableId", RouteTableId::of);
    Optional<Cidr> destination = Params.optionalId(call, "DestinationCidrBlock", Cidr::parse);
    Optional<String> nextHopType = Params.optional(call, "NextHopType");
    Pagination.Request page = Pagination.request(call);
    return serve(cloud, CloudActions.DESCRIBE_ROUTE_TABLES, page.number(), st -> {
      RouteTable t = st.network.routeTable(table);
      List<RouteEntry> matching = only(t.entries(), e -> (destination.isEmpty()
          || e.destination().equals(destination.get()))
          && (nextHopType.isEmpty() || e.nextHopType().equalsIgnoreCase(nextHopType.get())));
      Pagination.Page<RouteEntry> p = page.slice(matching);
      ObjectNode body = Call.newBody();
      ArrayNode out = nested(body, "RouteEntrys", "RouteEntry");
      for (RouteEntry e : p.items()) {
        ObjectNode o = out.addObject();
        o.put("RouteEntryId", routeEntryId(t.id(), e.destination())).put("RouteEntryName", "")
            .put("RouteTableId", t.id().value()).put("DestinationCidrBlock", e.destination().toString())
            .put("Type", "Custom").put("Status", "Available").put("IpVersion", e.destination().isIpv4() ? "ipv4"
                : "ipv6").put("Description", "").put("Origin", "").put("ServiceType", "").put("GmtModified", "");
        nested(o, "NextHops", "NextHop").addObject().put("NextHopType", e.nextHopType())
            .put("NextHopId", e.nextHopId()).put("Enabled", 1).put("Weight", 0)
            .put("NextHopRegionId", region(call, st));
      }
      p.writeTo(body);
      return body;
    });
  }

  /** A route entry's id: the fake keeps none, so one is derived from its table and destination, stably. */
  static String routeEntryId(RouteTableId table, Cidr destination) {
    String hex = UUID.nameUUIDFromBytes((table + " " + destination).getBytes(StandardCharsets.UTF_8)).toString()
        .replace("-", "");
    return "rte-" + hex.substring(0, 20);
  }

  // ------------------------------------------------------------------------------------------------ writes

  private static Reply createSnatEntry(FakeCloud cloud, Call call) {
    SnatEntryRequest.Builder b = SnatEntryRequest.builder()
        .snatTableId(Params.id(call, "SnatTableId", SnatTableId::of))
        .snatIps(Params.addresses(call, "SnatIp"));
    Params.optionalId(call, "SourceVSwitchId", VSwitchId::of).ifPresent(b::sourceVSwitchId);
    Params.optionalId(call, "SourceCIDR", Cidr::parse).ifPresent(b::sourceCidr);
    Params.optional(call, "SnatEntryName").ifPresent(b::name);
    Params.clientToken(call).ifPresent(b::clientToken);
    SnatEntryRequest request = WireOperations.built("CreateSnatEntry", b::build);
    return serve(cloud, CloudActions.CREATE_SNAT_ENTRY, 1, st -> {
      SnatEntryId id = WireOperations.write(st, call, CloudActions.CREATE_SNAT_ENTRY,
          () -> st.network.createSnat(request, false).id());
      return Call.newBody().put("SnatEntryId", id.value());
    });
  }

  private static Reply deleteSnatEntry(FakeCloud cloud, Call call) {
    SnatTableId table = Params.id(call, "SnatTableId", SnatTableId::of);
    SnatEntryId entry = Params.id(call, "SnatEntryId", SnatEntryId::of);
    Params.clientToken(call);
    return serve(cloud, CloudActions.DELETE_SNAT_ENTRY, 1, st -> {
      WireOperations.run(st, call, CloudActions.DELETE_SNAT_ENTRY, () -> st.network.deleteSnat(table, entry));
      return Call.newBody();
    });
  }

  private static NatGatewayId nextHop(Call call) {
    String type = call.parameter("NextHopType");
    if (!type.isEmpty() && !type.equalsIgnoreCase("NatGateway")) {
      throw AlibabaError.invalidParameter("The specified parameter \"NextHopType\" is not valid: the emulator"
          + " routes to NAT gateways only (NextHopType=NatGateway), the request sent " + type + ".");
    }
    return Params.id(call, "NextHopId", NatGatewayId::of);
  }

  private static Reply createRouteEntry(FakeCloud cloud, Call call) {
    CreateRouteEntryRequest.Builder b = CreateRouteEntryRequest.builder()
        .routeTableId(Params.id(call, "RouteTableId", RouteTableId::of))
        .destination(Params.id(call, "DestinationCidrBlock", Cidr::parse))
        .natGatewayId(nextHop(call));
    Params.optional(call, "RouteEntryName").ifPresent(b::name);
    Params.clientToken(call).ifPresent(b::clientToken);
    CreateRouteEntryRequest request = WireOperations.built("CreateRouteEntry", b::build);
    return serve(cloud, CloudActions.CREATE_ROUTE_ENTRY, 1, st -> {
      WireOperations.run(st, call, CloudActions.CREATE_ROUTE_ENTRY, () -> st.network.createRoute(request));
      return Call.newBody().put("RouteEntryId", routeEntryId(request.routeTableId(), request.destination()));
    });
  }

  private static Reply deleteRouteEntry(FakeCloud cloud, Call call) {
    Optional<RouteTableId> table = Params.optionalId(call, "RouteTableId", RouteTableId::of);
    Optional<String> entryId = Params.optional(call, "RouteEntryId");
    Optional<Cidr> destination = Params.optionalId(call, "DestinationCidrBlock", Cidr::parse);
    Optional<NatGatewayId> hop = Params.optionalId(call, "NextHopId", NatGatewayId::of);
    if (entryId.isEmpty() && (destination.isEmpty() || hop.isEmpty())) {
      throw AlibabaError.of(400, "MissingParameter", "The input parameter \"RouteEntryId\" that is mandatory for"
          + " processing this request is not supplied: DeleteRouteEntry needs RouteEntryId, or RouteTableId with"
          + " DestinationCidrBlock and NextHopId.");
    }
    Params.clientToken(call);
    return serve(cloud, CloudActions.DELETE_ROUTE_ENTRY, 1, st -> {
      DeleteRouteEntryRequest request = null;
      if (destination.isPresent() && hop.isPresent() && table.isPresent()) {
        request = DeleteRouteEntryRequest.of(table.get(), destination.get(), hop.get());
      } else {
        List<RouteTable> tables = table.isPresent() ? List.of(st.network.routeTable(table.get()))
            : st.network.routeTables();
        for (RouteTable t : tables) {
          for (RouteEntry e : t.entries()) {
            if (routeEntryId(t.id(), e.destination()).equals(entryId.get()) && e.nextHopType().equals(
                RouteEntry.NAT_GATEWAY)) {
              request = DeleteRouteEntryRequest.of(t.id(), e.destination(), NatGatewayId.of(e.nextHopId()));
            }
          }
        }
        if (request == null) {
          throw Refusal.of("InvalidRouteEntryId.NotFound", "The specified route entry " + entryId.get()
              + " does not exist.");
        }
      }
      DeleteRouteEntryRequest r = request;
      WireOperations.run(st, call, CloudActions.DELETE_ROUTE_ENTRY, () -> st.network.deleteRoute(r));
      return Call.newBody();
    });
  }

  private static Reply eipAssociation(FakeCloud cloud, Call call, boolean associate) {
    EipAllocationId eip = Params.id(call, "AllocationId", EipAllocationId::of);
    String instanceType = call.parameter("InstanceType");
    String instance = Params.required(call, "InstanceId");
    if ((!instanceType.isEmpty() && !instanceType.equalsIgnoreCase("Nat")) || !instance.startsWith("ngw-")) {
      throw AlibabaError.invalidParameter("The specified parameter \"InstanceType\" is not valid: the emulator binds"
          + " EIPs to NAT gateways only (InstanceType=Nat, InstanceId=ngw-...), the request sent InstanceType="
          + (instanceType.isEmpty() ? "(none: EcsInstance)" : instanceType) + ", InstanceId=" + instance + ".");
    }
    NatGatewayId nat = Params.parse("InstanceId", instance, NatGatewayId::of);
    Params.clientToken(call);
    String action = associate ? CloudActions.ASSOCIATE_EIP : CloudActions.UNASSOCIATE_EIP;
    return serve(cloud, action, 1, st -> {
      WireOperations.run(st, call, action, () -> {
        if (associate) {
          st.network.associate(eip, nat);
        } else {
          st.network.unassociate(eip, nat);
        }
      });
      return Call.newBody();
    });
  }

  private static Reply createNatGateway(FakeCloud cloud, Call call) {
    String networkType = call.parameter("NetworkType");
    if (!networkType.isEmpty() && !networkType.equalsIgnoreCase("internet")) {
      throw AlibabaError.invalidParameter("The specified parameter \"NetworkType\" is not valid: the emulator creates"
          + " internet NAT gateways only, the request sent " + networkType + ".");
    }
    CreateNatGatewayRequest.Builder b = CreateNatGatewayRequest.builder()
        .vpcId(Params.id(call, "VpcId", VpcId::of))
        .vSwitchId(Params.id(call, "VSwitchId", VSwitchId::of));
    Params.optional(call, "Name").ifPresent(b::name);
    Params.clientToken(call).ifPresent(b::clientToken);
    CreateNatGatewayRequest request = WireOperations.built("CreateNatGateway", b::build);
    return serve(cloud, CloudActions.CREATE_NAT_GATEWAY, 1, st -> {
      NatGatewayId id = WireOperations.write(st, call, CloudActions.CREATE_NAT_GATEWAY,
          () -> st.network.createNat(NatGatewayId.of(st.ctx.ids.next("ngw-")), request, false).id());
      NatGateway n = st.network.nat(id);
      ObjectNode body = Call.newBody().put("NatGatewayId", id.value());
      nestedStrings(body, "SnatTableIds", "SnatTableId", n.snatTableIds());
      nestedStrings(body, "ForwardTableIds", "ForwardTableId", List.of());
      nestedStrings(body, "FullNatTableIds", "FullNatTableId", List.of());
      return body;
    });
  }

  private static Reply allocateEip(FakeCloud cloud, Call call) {
    AllocateEipRequest.Builder b = AllocateEipRequest.builder()
        .bandwidthMbps(Params.integer(call, "Bandwidth", 5, 1, 200));
    Params.optional(call, "InternetChargeType").ifPresent(b::internetChargeType);
    Params.optional(call, "Name").ifPresent(b::name);
    Params.clientToken(call).ifPresent(b::clientToken);
    AllocateEipRequest request = WireOperations.built("AllocateEipAddress", b::build);
    return serve(cloud, CloudActions.ALLOCATE_EIP, 1, st -> {
      Eip e = WireOperations.write(st, call, CloudActions.ALLOCATE_EIP,
          () -> st.network.allocateEip(request, Optional.empty()));
      return Call.newBody().put("AllocationId", e.id().value()).put("EipAddress", e.ipAddress().toString())
          .put("ResourceGroupId", "");
    });
  }
}
