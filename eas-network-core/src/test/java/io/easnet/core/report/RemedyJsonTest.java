package io.easnet.core.report;

import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.easnet.core.change.AddRouteEntry;
import io.easnet.core.change.AppendAllowlistEntries;
import io.easnet.core.change.AuthorizeSecurityGroupRule;
import io.easnet.core.change.BindEip;
import io.easnet.core.change.Change;
import io.easnet.core.change.CreateNatGateway;
import io.easnet.core.change.CreateSnatEntry;
import io.easnet.core.change.SetServiceNetworking;
import io.easnet.core.change.UpdateDLink;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.ResourceId.EipAllocationId;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.SecurityGroupRule.Policy;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.ResourceId.RouteTableId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ResourceId.SnatTableId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code remedy} object of the JSON report, per kind of change, byte for byte: the typed values a reader of the
 * report sees (including the gateway and EIP stand-ins of changes the plan has yet to make), whether it is billed, and
 * the fix sentence. The remedy is the plan's change (one class per kind, docs/changes.md), which writes this object
 * itself ({@code Change.writeRemedy}); this pins what the report says so that a change of a kind cannot change it
 * unnoticed.
 */
class RemedyJsonTest {
  private static final Change.Gateway NGW_1 = Change.Gateway.existing(NatGatewayId.of("ngw-1"),
      List.of(SnatTableId.of("stb-1")));
  private static final Change.Gateway NEW_NGW = Change.Gateway.newIn(VpcId.of("vpc-a"));

  private static Map<Change, String> expected() {
    Map<Change, String> m = new LinkedHashMap<>();
    m.put(new AuthorizeSecurityGroupRule(SecurityGroupId.of("sg-db"), SecurityGroupRule.ingress().tcp(3306)
        .peer("sg-eas").policy(Policy.ACCEPT).priority(1).build()),
        "{\"type\":\"AuthorizeSecurityGroupRule\",\"securityGroupId\":\"sg-db\","
        + "\"rule\":{\"direction\":\"ingress\",\"protocol\":\"TCP\",\"portRange\":\"3306/3306\",\"peer\":\"sg-eas\","
        + "\"policy\":\"accept\",\"priority\":1},\"billed\":false,\"description\":\"add an ingress rule to sg-db: "
        + "accept tcp 3306/3306 from security group sg-eas at priority 1 (AuthorizeSecurityGroup)\"}");
    m.put(new AppendAllowlistEntries("rds", "rm-1", "eas", List.of(Cidr.parse("192.168.1.0/24"), Cidr.parse("192.168.2.0/24"))),
        "{\"type\":\"AppendAllowlistEntries\",\"instance\":{\"kind\":\"RDS_INSTANCE\",\"id\":\"rm-1\"},"
        + "\"groupName\":\"eas\",\"entries\":[\"192.168.1.0/24\",\"192.168.2.0/24\"],\"billed\":false,"
        + "\"description\":\"append 192.168.1.0/24, 192.168.2.0/24 to allowlist group eas of rm-1 "
        + "(ModifySecurityIps with ModifyMode Append)\"}");
    m.put(new CreateSnatEntry(NGW_1, VSwitchId.of("vsw-a"), List.of("47.0.0.9")),
        "{\"type\":\"CreateSnatEntry\",\"gateway\":{\"type\":\"ExistingGateway\",\"natGatewayId\":\"ngw-1\","
        + "\"snatTableIds\":[\"stb-1\"]},\"sourceVSwitchId\":\"vsw-a\",\"snatIps\":[\"47.0.0.9\"],\"billed\":false,"
        + "\"description\":\"create a SNAT entry on NAT gateway ngw-1 (table stb-1) with SourceVSwitchId vsw-a and "
        + "SnatIp 47.0.0.9 "
        + "(CreateSnatEntry)\"}");
    m.put(new CreateSnatEntry(NEW_NGW, VSwitchId.of("vsw-a"), List.of()),
        "{\"type\":\"CreateSnatEntry\",\"gateway\":{\"type\":\"NewGateway\",\"vpcId\":\"vpc-a\"},"
        + "\"sourceVSwitchId\":\"vsw-a\",\"snatIps\":[],\"billed\":false,\"description\":\"create a SNAT entry on "
        + "the new internet NAT gateway of vpc-a with SourceVSwitchId vsw-a and SnatIp the gateway's "
        + "EIP (CreateSnatEntry)\"}");
    m.put(new AddRouteEntry(VpcId.of("vpc-a"), RouteTableId.of("vtb-1"), Cidr.parse("0.0.0.0/0"), NEW_NGW),
        "{\"type\":\"AddRouteEntry\",\"routeTableId\":\"vtb-1\",\"destination\":\"0.0.0.0/0\","
        + "\"nextHop\":{\"type\":\"NewGateway\",\"vpcId\":\"vpc-a\"},\"billed\":false,\"description\":\"add a route "
        + "entry 0.0.0.0/0 with next hop type NatGateway the new internet NAT gateway of vpc-a to "
        + "vtb-1 (CreateRouteEntry)\"}");
    m.put(BindEip.existing(NGW_1, EipAllocationId.of("eip-1"), IpAddress.parse("47.0.0.9")),
        "{\"type\":\"BindEip\",\"gateway\":{\"type\":\"ExistingGateway\",\"natGatewayId\":\"ngw-1\","
        + "\"snatTableIds\":[\"stb-1\"]},\"eip\":{\"type\":\"Existing\",\"eipId\":\"eip-1\","
        + "\"ipAddress\":\"47.0.0.9\"},\"billed\":false,\"description\":\"bind EIP eip-1 (47.0.0.9) to NAT gateway ngw-1 "
        + "(AssociateEipAddress with InstanceType Nat)\"}");
    m.put(BindEip.allocating(NEW_NGW),
        "{\"type\":\"BindEip\",\"gateway\":{\"type\":\"NewGateway\",\"vpcId\":\"vpc-a\"},"
        + "\"eip\":{\"type\":\"Allocate\"},\"billed\":true,\"description\":\"bind a new EIP (AllocateEipAddress, "
        + "billed) to the new internet NAT gateway of vpc-a (AssociateEipAddress with InstanceType "
        + "Nat)\"}");
    m.put(new CreateNatGateway(VpcId.of("vpc-a"), VSwitchId.of("vsw-db")),
        "{\"type\":\"CreateNatGateway\",\"vpcId\":\"vpc-a\",\"vSwitchId\":\"vsw-db\",\"billed\":true,"
        + "\"description\":\"create an internet NAT gateway in vpc-a on vSwitch vsw-db (CreateNatGateway "
        + "with NetworkType internet; billed)\"}");
    m.put(new SetServiceNetworking("svc", ServiceNetworking.of("vpc-a", "vsw-a", "sg-eas")),
        "{\"type\":\"SetServiceNetworking\",\"serviceName\":\"svc\",\"networking\":{\"vpc_id\":\"vpc-a\","
        + "\"vswitch_id\":\"vsw-a\",\"security_group_id\":\"sg-eas\"},\"billed\":false,\"description\":\"set "
        + "cloud.networking of service svc to vpc_id vpc-a, vswitch_id vsw-a, security_group_id sg-eas "
        + "(service JSON; deploy it with eascmd update)\"}");
    m.put(new UpdateDLink(ResourceGroupId.of("eas-r-abc"), DLink.builder().vSwitchId("vsw-a")
        .securityGroupId("sg-eas").addAuxVSwitchId("vsw-b").addDestinationCidr("10.0.0.0/8").build()),
        "{\"type\":\"UpdateDLink\",\"resourceGroupId\":\"eas-r-abc\",\"dlink\":{\"vSwitchId\":\"vsw-a\","
        + "\"securityGroupId\":\"sg-eas\",\"vSwitchIdList\":[\"vsw-b\"],\"destinationCidrs\":[\"10.0.0.0/8\"]},"
        + "\"billed\":false,\"description\":\"update the VPC direct connection of eas-r-abc "
        + "(UpdateResourceDLink): VSwitchId vsw-a, SecurityGroupId sg-eas, VSwitchIdList vsw-b, "
        + "DestinationCIDRs 10.0.0.0/8\"}");
    return m;
  }

  @Test
  void eachKindOfRemedyIsWrittenAsItsTypedValuesBilledFlagAndSentence() {
    assertSoftly(soft -> expected().forEach((remedy, json) -> soft.assertThat(DataJson.remedy(remedy).toString())
        .as(remedy.getClass().getSimpleName()).isEqualTo(json)));
  }
}
