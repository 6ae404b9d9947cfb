package io.easnet.aliyun;

import static io.easnet.aliyun.PortHarness.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.CloudServiceException;
import io.easnet.core.EasNetworkException;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.Eip;
import io.easnet.core.model.ResourceId.EipAllocationId;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.ResourceId.RouteTableId;
import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.ResourceId.SnatEntryId;
import io.easnet.core.model.ResourceId.SnatTableId;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.VpcApi.CreateRouteEntryRequest;
import io.easnet.core.spi.VpcApi.DeleteSnatEntryRequest;
import io.easnet.core.spi.VpcApi.EipAssociationRequest;
import io.easnet.core.spi.RequestListener.RequestEvent;
import io.easnet.core.spi.VpcApi.SnatEntryRequest;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** VPC reads and writes against canned answers shaped as docs/wire.md §3 documents them. */
class AliyunVpcApiTest {
  @StartStop public final MockWebServer server = new MockWebServer();
  private final PortHarness h = new PortHarness(server);

  @Test
  void vpcsMapNestedContainersSecondaryBlocksAndTags() {
    h.ok("DescribeVpcs", "{\"RequestId\":\"R-1\",\"TotalCount\":2,\"PageNumber\":1,\"PageSize\":50,\"Vpcs\":{\"Vpc\":["
        + "{\"VpcId\":\"vpc-a\",\"VpcName\":\"prod\",\"RegionId\":\"cn-hangzhou\",\"CidrBlock\":\"10.0.0.0/8\","
        + "\"SecondaryCidrBlocks\":{\"SecondaryCidrBlock\":[\"172.16.0.0/16\"]},\"VSwitchIds\":{\"VSwitchId\":[]},"
        + "\"NatGatewayIds\":{\"NatGatewayIds\":[]},\"Tags\":{\"Tag\":[{\"Key\":\"env\",\"Value\":\"prod\"}]}},"
        + "{\"VpcId\":\"vpc-b\",\"CidrBlock\":\"192.168.0.0/16\",\"SecondaryCidrBlocks\":{},\"Tags\":{}}]}}");

    List<Vpc> vpcs = h.port().vpc().describeVpcs();

    assertThat(vpcs).extracting(Vpc::id).containsExactly(VpcId.of("vpc-a"), VpcId.of("vpc-b"));
    Vpc a = vpcs.get(0);
    assertThat(a.name()).contains("prod");
    assertThat(a.regionId()).contains("cn-hangzhou");
    assertThat(a.cidrBlock()).isEqualTo(Cidr.parse("10.0.0.0/8"));
    assertThat(a.secondaryCidrBlocks()).containsExactly(Cidr.parse("172.16.0.0/16"));
    assertThat(a.tags()).containsEntry("env", "prod");
    assertThat(vpcs.get(1).secondaryCidrBlocks()).isEmpty();
    assertThat(vpcs.get(1).tags()).isEmpty();
    assertThat(query(h.requests("DescribeVpcs").get(0))).containsEntry("RegionId", "cn-hangzhou")
        .containsEntry("PageSize", "50").containsEntry("PageNumber", "1");
  }

  @Test
  void aSingleElementContainerIsReadAsOneElement() {
    // an XML-to-JSON artefact: the element is an object instead of a one-element array
    h.ok("DescribeVSwitches", "{\"RequestId\":\"R-2\",\"TotalCount\":1,\"VSwitches\":{\"VSwitch\":{"
        + "\"VSwitchId\":\"vsw-1\",\"VSwitchName\":\"eas\",\"VpcId\":\"vpc-a\",\"ZoneId\":\"cn-hangzhou-h\","
        + "\"CidrBlock\":\"10.1.0.0/24\",\"AvailableIpAddressCount\":\"249\",\"Status\":\"Available\","
        + "\"RouteTable\":{\"RouteTableId\":\"vtb-1\",\"RouteTableType\":\"System\"}}}}");

    List<VSwitch> vSwitches = h.port().vpc().describeVSwitches(VpcId.of("vpc-a"));

    assertThat(vSwitches).singleElement().satisfies(v -> {
      assertThat(v.id()).isEqualTo(VSwitchId.of("vsw-1"));
      assertThat(v.zoneId()).contains("cn-hangzhou-h");
      assertThat(v.cidrBlock()).isEqualTo(Cidr.parse("10.1.0.0/24"));
      assertThat(v.availableIpAddressCount()).isEqualTo(249);
      assertThat(v.routeTableId()).contains(RouteTableId.of("vtb-1"));
    });
    assertThat(query(h.requests("DescribeVSwitches").get(0))).containsEntry("VpcId", "vpc-a");
  }

  @Test
  void anEmptyFilteredListIsNotFoundNamingTheActionAndTheId() {
    h.ok("DescribeVSwitches", "{\"RequestId\":\"R-3\",\"TotalCount\":0,\"VSwitches\":{\"VSwitch\":[]}}");
    h.ok("DescribeVpcs", "{\"RequestId\":\"R-4\",\"TotalCount\":0,\"Vpcs\":{}}");

    assertThatThrownBy(() -> h.port().vpc().describeVSwitch(VSwitchId.of("vsw-gone")))
        .isInstanceOfSatisfying(CloudServiceException.class, e -> {
          assertThat(e.kind()).isEqualTo(CloudServiceException.Kind.NOT_FOUND);
          assertThat(e.action()).isEqualTo("vpc:DescribeVSwitches");
          assertThat(e.getMessage()).contains("vsw-gone");
        });
    assertThatThrownBy(() -> h.port().vpc().describeVpc(VpcId.of("vpc-gone")))
        .isInstanceOfSatisfying(CloudServiceException.class, e -> {
          assertThat(e.kind()).isEqualTo(CloudServiceException.Kind.NOT_FOUND);
          assertThat(e.code()).isEqualTo("InvalidVpcId.NotFound");
          assertThat(e.getMessage()).contains("vpc-gone");
        });
    assertThat(query(h.requests("DescribeVSwitches").get(0))).containsEntry("VSwitchId", "vsw-gone")
        .doesNotContainKey("VpcId");
  }

  @Test
  void natGatewaysCarryTheirVSwitchEipsAndSnatTables() {
    h.ok("DescribeNatGateways", "{\"RequestId\":\"R-5\",\"TotalCount\":1,\"NatGateways\":{\"NatGateway\":[{"
        + "\"NatGatewayId\":\"ngw-1\",\"Name\":\"egress\",\"VpcId\":\"vpc-a\",\"Status\":\"Available\","
        + "\"NatType\":\"Enhanced\",\"NetworkType\":\"internet\",\"IpLists\":{\"IpList\":[{\"AllocationId\":"
        + "\"eip-1\",\"IpAddress\":\"47.1.2.3\",\"SnatEntryEnabled\":true}]},\"SnatTableIds\":{\"SnatTableId\":"
        + "[\"stb-1\"]},\"NatGatewayPrivateInfo\":{\"VswitchId\":\"vsw-nat\",\"PrivateIpAddress\":\"10.1.0.5\"},"
        + "\"Tags\":{\"Tag\":[{\"TagKey\":\"team\",\"TagValue\":\"ml\"}]}}]}}");

    NatGateway nat = h.port().vpc().describeNatGateways(VpcId.of("vpc-a")).get(0);

    assertThat(nat.id()).isEqualTo(NatGatewayId.of("ngw-1"));
    assertThat(nat.vSwitchId()).contains(VSwitchId.of("vsw-nat"));
    assertThat(nat.eipIds()).containsExactly(EipAllocationId.of("eip-1"));
    assertThat(nat.snatTableIds()).containsExactly(SnatTableId.of("stb-1"));
    assertThat(nat.isAvailable()).isTrue();
    assertThat(nat.tags()).containsEntry("team", "ml");
  }

  @Test
  void snatEntriesReadCommaSeparatedIpsAndAVSwitchEntryIsItsVSwitch() {
    h.ok("DescribeSnatTableEntries", "{\"RequestId\":\"R-6\",\"TotalCount\":2,\"SnatTableEntries\":{"
        + "\"SnatTableEntry\":[{\"SnatEntryId\":\"snat-1\",\"SnatTableId\":\"stb-1\",\"NatGatewayId\":\"ngw-1\","
        + "\"SourceVSwitchId\":\"vsw-1\",\"SourceCIDR\":\"10.1.0.0/24\",\"SnatIp\":\"47.1.2.3,47.1.2.4\","
        + "\"Status\":\"Available\"},{\"SnatEntryId\":\"snat-2\",\"SnatTableId\":\"stb-1\",\"SourceVSwitchId\":\"\","
        + "\"SourceCIDR\":\"10.2.0.0/16\",\"SnatIp\":\"47.1.2.3\",\"Status\":\"Pending\"}]}}");

    List<SnatEntry> entries = h.port().vpc().describeSnatEntries(NatGatewayId.of("ngw-1"));

    assertThat(entries.get(0).sourceVSwitchId()).contains(VSwitchId.of("vsw-1"));
    assertThat(entries.get(0).sourceCidr()).isEmpty();
    assertThat(entries.get(0).snatIps()).containsExactly(IpAddress.parse("47.1.2.3"), IpAddress.parse("47.1.2.4"));
    assertThat(entries.get(1).sourceCidr()).contains(Cidr.parse("10.2.0.0/16"));
    assertThat(entries.get(1).natGatewayId()).isEqualTo(NatGatewayId.of("ngw-1"));
    assertThat(entries.get(1).status()).isEqualTo("Pending");
    assertThat(query(h.requests("DescribeSnatTableEntries").get(0))).containsEntry("NatGatewayId", "ngw-1")
        .containsEntry("PageSize", "50");
  }

  @Test
  void anEmptySnatTableIsEmptyButAnUnknownGatewayIsNotFound() {
    h.ok("DescribeSnatTableEntries", "{\"RequestId\":\"R-30\",\"TotalCount\":0,\"SnatTableEntries\":{}}");
    h.ok("DescribeNatGateways",
        "{\"RequestId\":\"R-31\",\"TotalCount\":1,\"NatGateways\":{\"NatGateway\":[{\"NatGatewayId\":"
            + "\"ngw-1\",\"VpcId\":\"vpc-a\"}]}}",
        "{\"RequestId\":\"R-32\",\"TotalCount\":0,\"NatGateways\":{\"NatGateway\":[]}}");

    assertThat(h.port().vpc().describeSnatEntries(NatGatewayId.of("ngw-1"))).isEmpty();
    assertThatThrownBy(() -> h.port().vpc().describeSnatEntries(NatGatewayId.of("ngw-gone")))
        .isInstanceOfSatisfying(CloudServiceException.class, e -> {
          assertThat(e.kind()).isEqualTo(CloudServiceException.Kind.NOT_FOUND);
          assertThat(e.getMessage()).contains("ngw-gone");
        });
    assertThat(query(h.requests("DescribeNatGateways").get(1))).containsEntry("NatGatewayId", "ngw-gone");
  }

  @Test
  void eipsOfAGatewayAreFilteredByTheNatAndPagedByOneHundred() {
    h.ok("DescribeEipAddresses", "{\"RequestId\":\"R-7\",\"TotalCount\":1,\"PageSize\":100,\"EipAddresses\":{"
        + "\"EipAddress\":[{\"AllocationId\":\"eip-1\",\"IpAddress\":\"47.1.2.3\",\"Status\":\"InUse\","
        + "\"InstanceId\":\"ngw-1\",\"InstanceType\":\"Nat\"}]}}");

    List<Eip> eips = h.port().vpc().describeEips(NatGatewayId.of("ngw-1"));

    assertThat(eips).singleElement().satisfies(e -> {
      assertThat(e.ipAddress()).isEqualTo(IpAddress.parse("47.1.2.3"));
      assertThat(e.instanceId()).contains("ngw-1");
    });
    assertThat(query(h.requests("DescribeEipAddresses").get(0))).containsEntry("AssociatedInstanceType", "Nat")
        .containsEntry("AssociatedInstanceId", "ngw-1").containsEntry("PageSize", "100");
  }

  @Test
  void routeTablesReadTheirEntriesPerTableByNextToken() {
    h.ok("DescribeRouteTableList", "{\"RequestId\":\"R-8\",\"TotalCount\":1,\"RouterTableList\":{"
        + "\"RouterTableListType\":[{\"RouteTableId\":\"vtb-1\",\"RouteTableType\":\"System\",\"VpcId\":\"vpc-a\"}]}}");
    h.ok("DescribeRouteEntryList",
        "{\"RequestId\":\"R-9\",\"NextToken\":\"t-2\",\"RouteEntrys\":{\"RouteEntry\":[{\"DestinationCidrBlock\":"
            + "\"0.0.0.0/0\",\"Type\":\"Custom\",\"NextHops\":{\"NextHop\":[{\"NextHopType\":\"NatGateway\","
            + "\"NextHopId\":\"ngw-1\"}]}}]}}",
        "{\"RequestId\":\"R-10\",\"NextToken\":\"\",\"RouteEntrys\":{\"RouteEntry\":[{\"DestinationCidrBlock\":"
            + "\"10.1.0.0/24\",\"Type\":\"System\",\"NextHops\":{\"NextHop\":[{\"NextHopType\":\"local\","
            + "\"NextHopId\":\"\"}]}}]}}");

    List<RouteTable> tables = h.port().vpc().describeRouteTables(VpcId.of("vpc-a"));

    assertThat(tables).singleElement().satisfies(t -> {
      assertThat(t.type()).isEqualTo(RouteTable.Type.SYSTEM);
      assertThat(t.entries()).hasSize(2);
      assertThat(t.longestMatch(Cidr.parse("8.8.8.8/32")).orElseThrow().pointsTo(NatGatewayId.of("ngw-1")))
          .isTrue();
    });
    assertThat(h.requests("DescribeRouteEntryList")).extracting(r -> query(r).get("NextToken"))
        .containsExactly(null, "t-2");
    assertThat(query(h.requests("DescribeRouteEntryList").get(0))).containsEntry("RouteTableId", "vtb-1")
        .containsEntry("MaxResult", "100");
  }

  @Test
  void routeEntriesEmbeddedInTheTableAreUsedWithoutAnotherCall() {
    h.ok("DescribeRouteTableList", "{\"RequestId\":\"R-11\",\"TotalCount\":1,\"RouterTableList\":{"
        + "\"RouterTableListType\":[{\"RouteTableId\":\"vtb-1\",\"RouteTableType\":\"Custom\",\"VpcId\":\"vpc-a\","
        + "\"RouteEntrys\":{\"RouteEntry\":[{\"DestinationCidrBlock\":\"0.0.0.0/0\",\"NextHopType\":\"NatGateway\","
        + "\"InstanceId\":\"ngw-1\"}]}}]}}");

    RouteTable t = h.port().vpc().describeRouteTables(VpcId.of("vpc-a")).get(0);

    assertThat(t.type()).isEqualTo(RouteTable.Type.CUSTOM);
    assertThat(t.entries()).singleElement().satisfies(e -> assertThat(e.pointsTo(NatGatewayId.of("ngw-1"))).isTrue());
    assertThat(h.requests("DescribeRouteEntryList")).isEmpty();
  }

  @Test
  void anUnreadableItemFailsNamingTheActionPointerAndRequestId() {
    h.ok("DescribeVpcs", "{\"RequestId\":\"R-12\",\"TotalCount\":1,\"Vpcs\":{\"Vpc\":[{\"VpcId\":\"vpc-a\"}]}}");
    assertThatThrownBy(() -> h.port().vpc().describeVpcs())
        .isInstanceOf(EasNetworkException.class)
        .hasMessageContaining("vpc:DescribeVpcs")
        .hasMessageContaining("/Vpcs/Vpc/0")
        .hasMessageContaining("CidrBlock")
        .hasMessageContaining("R-12");
  }

  @Test
  void createSnatEntrySendsTheRequestAndItsClientToken() {
    h.ok("CreateSnatEntry", "{\"RequestId\":\"R-13\",\"SnatEntryId\":\"snat-new\"}");
    SnatEntryRequest request = SnatEntryRequest.builder().snatTableId("stb-1").sourceVSwitchId("vsw-1")
        .addSnatIp("47.1.2.3").addSnatIp("47.1.2.4").name("eas-egress").clientToken("token-snat-1").build();

    SnatEntryId id = h.port().vpc().createSnatEntry(request);

    assertThat(id).isEqualTo(SnatEntryId.of("snat-new"));
    assertThat(query(h.requests("CreateSnatEntry").get(0))).containsEntry("SnatTableId", "stb-1")
        .containsEntry("SourceVSwitchId", "vsw-1").containsEntry("SnatIp", "47.1.2.3,47.1.2.4")
        .containsEntry("SnatEntryName", "eas-egress").containsEntry("ClientToken", "token-snat-1")
        .doesNotContainKey("SourceCIDR");
  }

  @Test
  void deletingAGoneSnatEntrySucceedsButAnUnknownTableStaysNotFound() {
    h.on("DeleteSnatEntry", PortHarness.error(404, "InvalidSnatEntryId.NotFound", "R-14"),
        PortHarness.error(404, "InvalidSnatTableId.NotFound", "R-15"));
    DeleteSnatEntryRequest request = DeleteSnatEntryRequest.of(SnatTableId.of("stb-1"), SnatEntryId.of("snat-1"));

    h.port().vpc().deleteSnatEntry(request);

    assertThatThrownBy(() -> h.port().vpc().deleteSnatEntry(request))
        .isInstanceOfSatisfying(CloudServiceException.class,
            e -> assertThat(e.code()).isEqualTo("InvalidSnatTableId.NotFound"));
  }

  @Test
  void deletingAnEntryThatIsBeingDeletedSucceedsAfterReadingIt() {
    h.on("DeleteSnatEntry", PortHarness.error(400, "IncorrectStatus.SnatEntry", "R-40"));
    h.ok("DescribeSnatTableEntries", "{\"RequestId\":\"R-41\",\"TotalCount\":1,\"SnatTableEntries\":{"
        + "\"SnatTableEntry\":[{\"SnatEntryId\":\"snat-1\",\"SnatTableId\":\"stb-1\",\"NatGatewayId\":\"ngw-1\","
        + "\"SourceCIDR\":\"10.2.0.0/16\",\"SnatIp\":\"47.1.2.3\",\"Status\":\"Deleting\"}]}}");

    h.port().vpc().deleteSnatEntry(DeleteSnatEntryRequest.of(SnatTableId.of("stb-1"), SnatEntryId.of("snat-1")));

    assertThat(query(h.requests("DescribeSnatTableEntries").get(0))).containsEntry("SnatEntryId", "snat-1")
        .containsEntry("SnatTableId", "stb-1");
  }

  @Test
  void whenTheReReadFailsTooTheWritesOwnFailureIsThrown() {
    h.on("CreateRouteEntry", PortHarness.error(400, "InvalidCIDRBlock.Duplicate", "R-42"));
    h.on("DescribeRouteTableList", PortHarness.error(500, "InternalError", "R-43"));
    assertThatThrownBy(() -> h.port(b -> b.retryPolicy(RetryPolicy.none())).vpc().createRouteEntry(
        CreateRouteEntryRequest.toNat(RouteTableId.of("vtb-1"), Cidr.ANY_IPV4, NatGatewayId.of("ngw-1"))))
        .isInstanceOfSatisfying(CloudServiceException.class, e -> {
          assertThat(e.action()).isEqualTo("vpc:CreateRouteEntry");
          assertThat(e.getSuppressed()).singleElement().isInstanceOf(CloudServiceException.class);
        });
  }

  @Test
  void theSameRouteAgainSucceedsAfterReadingTheTableButAnotherNextHopIsRefused() {
    h.on("CreateRouteEntry", PortHarness.error(400, "InvalidCIDRBlock.Duplicate", "R-16"));
    h.ok("DescribeRouteTableList", "{\"RequestId\":\"R-17\",\"TotalCount\":1,\"RouterTableList\":{"
        + "\"RouterTableListType\":[{\"RouteTableId\":\"vtb-1\",\"VpcId\":\"vpc-a\",\"RouteEntrys\":{\"RouteEntry\":"
        + "[{\"DestinationCidrBlock\":\"0.0.0.0/0\",\"NextHopType\":\"NatGateway\",\"InstanceId\":\"ngw-1\"}]}}]}}");

    h.port().vpc().createRouteEntry(CreateRouteEntryRequest.toNat(RouteTableId.of("vtb-1"), Cidr.ANY_IPV4,
        NatGatewayId.of("ngw-1")));
    assertThatThrownBy(() -> h.port().vpc().createRouteEntry(CreateRouteEntryRequest.toNat(RouteTableId.of("vtb-1"),
        Cidr.ANY_IPV4, NatGatewayId.of("ngw-2"))))
        .isInstanceOfSatisfying(CloudServiceException.class, e -> {
          assertThat(e.code()).isEqualTo("InvalidCIDRBlock.Duplicate");
          assertThat(e.action()).isEqualTo("vpc:CreateRouteEntry");
        });
    assertThat(query(h.requests("CreateRouteEntry").get(0))).containsEntry("NextHopType", "NatGateway")
        .containsEntry("NextHopId", "ngw-1").containsEntry("DestinationCidrBlock", "0.0.0.0/0")
        .containsKey("ClientToken");
    assertThat(query(h.requests("DescribeRouteTableList").get(0))).containsEntry("RouteTableId", "vtb-1");
  }

  @Test
  void bindingAnEipBoundToTheGatewayAlreadySucceedsBoundElsewhereIsAConflict() {
    h.on("AssociateEipAddress", PortHarness.error(400, "IncorrectEipStatus", "R-18"));
    h.ok("DescribeEipAddresses", "{\"RequestId\":\"R-19\",\"TotalCount\":1,\"EipAddresses\":{\"EipAddress\":[{"
        + "\"AllocationId\":\"eip-1\",\"IpAddress\":\"47.1.2.3\",\"Status\":\"InUse\",\"InstanceId\":\"ngw-1\","
        + "\"InstanceType\":\"Nat\"}]}}");

    h.port().vpc().associateEip(EipAssociationRequest.of(EipAllocationId.of("eip-1"), NatGatewayId.of("ngw-1")));
    assertThatThrownBy(() -> h.port().vpc().associateEip(EipAssociationRequest.of(EipAllocationId.of("eip-1"),
        NatGatewayId.of("ngw-2"))))
        .isInstanceOfSatisfying(CloudServiceException.class,
            e -> assertThat(e.kind()).isEqualTo(CloudServiceException.Kind.CONFLICT));
    assertThat(query(h.requests("AssociateEipAddress").get(0))).containsEntry("InstanceType", "Nat")
        .containsEntry("AllocationId", "eip-1").containsEntry("InstanceId", "ngw-1");
  }

  @Test
  void everyPageIsReadWithTheMaximumPageSizeAndEachIsAnEvent() {
    StringBuilder[] pages = new StringBuilder[3];
    int id = 0;
    for (int p = 0; p < 3; p++) {
      pages[p] = new StringBuilder("{\"RequestId\":\"P-" + (p + 1) + "\",\"TotalCount\":120,\"PageNumber\":"
          + (p + 1) + ",\"PageSize\":50,\"Vpcs\":{\"Vpc\":[");
      int n = p < 2 ? 50 : 20;
      for (int i = 0; i < n; i++) {
        pages[p].append(i == 0 ? "" : ",").append("{\"VpcId\":\"vpc-").append(id++)
            .append("\",\"CidrBlock\":\"10.0.0.0/16\"}");
      }
      pages[p].append("]}}");
    }
    h.ok("DescribeVpcs", pages[0].toString(), pages[1].toString(), pages[2].toString());

    List<Vpc> vpcs = h.port().vpc().describeVpcs();

    assertThat(vpcs).hasSize(120);
    assertThat(vpcs.get(119).id()).isEqualTo(VpcId.of("vpc-119"));
    assertThat(h.requests("DescribeVpcs")).extracting(r -> query(r).get("PageNumber"))
        .containsExactly("1", "2", "3");
    assertThat(h.requests("DescribeVpcs")).extracting(r -> query(r).get("PageSize")).containsOnly("50");
    assertThat(h.events).extracting(RequestEvent::page).containsExactly(1, 2, 3);
    assertThat(h.events).extracting(RequestEvent::requestId)
        .containsExactly(Optional.of("P-1"), Optional.of("P-2"), Optional.of("P-3"));
  }
}
