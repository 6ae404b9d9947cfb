package io.easnet.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.InvalidInputException;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DLinkJsonTest {
  // The examples of the API reference, section 2.5 and 2.6 (masked ids as the documentation shows them).
  private static final String DESCRIBE = "{\"RequestId\": \"40325405-579C-4D82****\","
      + " \"VpcId\": \"vpc-uf66uio7m****1\", \"VSwitchId\": \"vsw-8vbqn2at0kljjxxxx****\","
      + " \"SecurityGroupId\": \"sg-bp1j1z7297hcink9d****\","
      + " \"AuxVSwitchList\": [\"vsw-8ersw98sgmlgkxxxxxx\", \"vsw-4dsgg2at0kljjxxxxxxxx\"],"
      + " \"DestinationCIDRs\": \"172.16.0.0/16\"}";
  private static final String EXTRA_DATA = "{\"vswitch_id\":\"vsw-bp17uo6xebcusy****\",\"gpu_share\":true,"
      + "\"aux_vswitch_id_list\":[\"vsw-bp13b3pvjap3vxn****\",\"vsw-bp1nls8o5hk8mt8*****\"],"
      + "\"security_group_id\":\"sg-bp1j1z7297hcink*****\",\"vpc_id\":\"vpc-bp1kjr3rfyhx01*****\","
      + "\"destination_cidr\":\"172.16.0.12/28\","
      + "\"role_arn\":\"acs:ram::1157703270*****:role/AliyunServiceRoleForPaiEas\",\"sls_project\":\"\","
      + "\"sls_logstore\":\"\",\"sls_status\":\"ResourceReady\",\"sls_message\":\"\",\"update_time\":\"\"}";

  @Test
  void parsesTheDescribeResourceDLinkResponse() {
    DLink d = DLinkJson.fromDescribeResponse(DESCRIBE);

    assertThat(d.vpcId()).hasValue(VpcId.of("vpc-uf66uio7m****1"));
    assertThat(d.vSwitchId()).isEqualTo(VSwitchId.of("vsw-8vbqn2at0kljjxxxx****"));
    assertThat(d.securityGroupId()).isEqualTo(SecurityGroupId.of("sg-bp1j1z7297hcink9d****"));
    assertThat(d.auxVSwitchIds()).extracting(VSwitchId::value)
        .containsExactly("vsw-8ersw98sgmlgkxxxxxx", "vsw-4dsgg2at0kljjxxxxxxxx");
    assertThat(d.destinationCidrs()).containsExactly(Cidr.parse("172.16.0.0/16"));
  }

  @Test
  void parsesTheUpdateResourceDLinkRequestBody() {
    DLink d = DLinkJson.fromUpdateRequest("{\"VSwitchId\": \"vsw-8vbqn2at0kljjxxxx****\","
        + " \"SecurityGroupId\": \"sg-bp149cedsfx2rfs****\", \"VSwitchIdList\": [\"vsw-client1\"],"
        + " \"DestinationCIDRs\": \"172.16.0.0/16,10.1.0.0/16\"}");

    assertThat(d.vpcId()).isEmpty();
    assertThat(d.securityGroupId().value()).isEqualTo("sg-bp149cedsfx2rfs****");
    assertThat(d.auxVSwitchIds()).containsExactly(VSwitchId.of("vsw-client1"));
    assertThat(d.destinationCidrs()).containsExactly(Cidr.parse("172.16.0.0/16"), Cidr.parse("10.1.0.0/16"));
  }

  @Test
  void parsesTheExtraDataStringOfDescribeResourceIgnoringOtherKeys() {
    DLink d = DLinkJson.fromResourceExtraData(EXTRA_DATA).orElseThrow();

    assertThat(d.vpcId()).hasValue(VpcId.of("vpc-bp1kjr3rfyhx01*****"));
    assertThat(d.vSwitchId().value()).isEqualTo("vsw-bp17uo6xebcusy****");
    assertThat(d.securityGroupId().value()).isEqualTo("sg-bp1j1z7297hcink*****");
    assertThat(d.auxVSwitchIds()).extracting(VSwitchId::value)
        .containsExactly("vsw-bp13b3pvjap3vxn****", "vsw-bp1nls8o5hk8mt8*****");
    assertThat(d.destinationCidrs()).containsExactly(Cidr.parse("172.16.0.0/28"));
    assertThat(d.allVSwitchIds()).hasSize(3);
  }

  @Test
  void extraDataWithoutAVSwitchMeansNoDirectConnection() {
    assertThat(DLinkJson.fromResourceExtraData("{\"gpu_share\":true,\"vswitch_id\":\"\"}")).isEmpty();
    assertThat(DLinkJson.fromResourceExtraData("")).isEmpty();
    assertThat(DLinkJson.fromResourceExtraData(null)).isEmpty();
  }

  @Test
  void rendersTheUpdateRequestBody() {
    DLink d = DLinkJson.fromDescribeResponse(DESCRIBE);

    String body = DLinkJson.toUpdateRequest(d);

    assertThat(JsonTestSupport.stripWhitespaceOutsideStrings(body)).isEqualTo(
        "{\"VSwitchId\":\"vsw-8vbqn2at0kljjxxxx****\",\"SecurityGroupId\":\"sg-bp1j1z7297hcink9d****\","
            + "\"VSwitchIdList\":[\"vsw-8ersw98sgmlgkxxxxxx\",\"vsw-4dsgg2at0kljjxxxxxxxx\"],"
            + "\"DestinationCIDRs\":\"172.16.0.0/16\"}");
    assertThat(body).doesNotContain("VpcId");
  }

  @Test
  void theUpdateBodyRoundTripsWithoutTheVpc() {
    DLink d = DLinkJson.fromResourceExtraData(EXTRA_DATA).orElseThrow();

    DLink back = DLinkJson.fromUpdateRequest(DLinkJson.toUpdateRequest(d));

    assertThat(back).isEqualTo(d.toBuilder().vpcId(Optional.empty()).build());
  }

  @Test
  void aMinimalUpdateBodyHasNoLists() {
    DLink d = DLink.builder().vSwitchId("vsw-a").securityGroupId("sg-a").build();

    assertThat(JsonTestSupport.stripWhitespaceOutsideStrings(DLinkJson.toUpdateRequest(d)))
        .isEqualTo("{\"VSwitchId\":\"vsw-a\",\"SecurityGroupId\":\"sg-a\"}");
  }

  @Test
  void aMissingSecurityGroupIsNamed() {
    assertThatThrownBy(() -> DLinkJson.fromUpdateRequest("{\"VSwitchId\": \"vsw-a\"}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("UpdateResourceDLink request at /SecurityGroupId")
        .hasMessageContaining("the required key \"SecurityGroupId\" is missing");
  }

  @Test
  void aWrongIdIsNamedWithItsPointer() {
    assertThatThrownBy(() -> DLinkJson.fromDescribeResponse(
            "{\"VSwitchId\": \"vsw-a\", \"SecurityGroupId\": \"sg-a\", \"AuxVSwitchList\": [\"vsw-b\", \"vpc-c\"]}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("DescribeResourceDLink response at /AuxVSwitchList/1")
        .hasMessageContaining("is not a vSwitch id");
  }

  @Test
  void aBadCidrIsNamed() {
    assertThatThrownBy(() -> DLinkJson.fromResourceExtraData(
            "{\"vswitch_id\": \"vsw-a\", \"security_group_id\": \"sg-a\", \"destination_cidr\": \"172.16.0/16\"}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("DescribeResource ExtraData at /destination_cidr")
        .hasMessageContaining("not an IPv4 address or CIDR block");
  }

  @Test
  void malformedAndNonObjectInputAreBadInput() {
    assertThatThrownBy(() -> DLinkJson.fromResourceExtraData("{\"vswitch_id\":"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("malformed JSON");
    assertThatThrownBy(() -> DLinkJson.fromDescribeResponse("[]"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("expected a JSON object but found an array");
  }
}
