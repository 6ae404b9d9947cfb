package io.easnet.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.InvalidInputException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * References between the resources of a snapshot that a capture of the cloud always resolves: each one the cloud
 * cannot produce is a read error at its pointer with the fix; the ones the cloud can hold (a resource group's VPC
 * direct connection, what a service names) still read.
 */
class SnapshotReferencesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Two VPCs, everything in VPC a referring to what it needs, and a DLink naming resources that are gone. */
  static final String BASE = """
      {"schemaVersion": 1,
       "vpcs": [{"id": "vpc-a", "cidrBlock": "10.0.0.0/16"}, {"id": "vpc-b", "cidrBlock": "10.1.0.0/16"}],
       "vSwitches": [
         {"id": "vsw-a", "vpcId": "vpc-a", "cidrBlock": "10.0.1.0/24", "routeTableId": "vtb-a"},
         {"id": "vsw-b", "vpcId": "vpc-b", "cidrBlock": "10.1.1.0/24"}],
       "securityGroups": [
         {"id": "sg-a", "vpcId": "vpc-a", "rules": [
           {"direction": "ingress", "protocol": "tcp", "portRange": "22/22", "peerGroupId": "sg-a2"},
           {"direction": "ingress", "protocol": "icmp", "portRange": "-1/-1", "peerCidr": "10.0.0.0/8"},
           {"direction": "egress", "protocol": "all", "portRange": "-1/-1", "peerCidr": "0.0.0.0/0"}]},
         {"id": "sg-a2", "vpcId": "vpc-a"},
         {"id": "sg-b", "vpcId": "vpc-b"}],
       "natGateways": [
         {"id": "ngw-a", "vpcId": "vpc-a", "vSwitchId": "vsw-a", "eipIds": ["eip-a"], "snatTableIds": ["stb-a"]},
         {"id": "ngw-b", "vpcId": "vpc-b", "snatTableIds": ["stb-b"]}],
       "snatEntries": [{"id": "snat-a", "snatTableId": "stb-a", "natGatewayId": "ngw-a", "sourceVSwitchId": "vsw-a",
                        "snatIps": ["47.0.0.1"]}],
       "eips": [{"id": "eip-a", "ipAddress": "47.0.0.1", "instanceId": "ngw-a", "instanceType": "Nat"},
                {"id": "eip-ecs", "ipAddress": "47.0.0.2", "instanceId": "i-elsewhere", "instanceType": "EcsInstance"}],
       "routeTables": [{"id": "vtb-a", "vpcId": "vpc-a", "type": "system",
                        "entries": [{"destination": "0.0.0.0/0", "nextHopType": "NatGateway", "nextHopId": "ngw-a"}]}],
       "ecsInstances": [{"id": "i-a", "vpcId": "vpc-a", "vSwitchId": "vsw-a", "privateIps": ["10.0.1.5"],
                         "securityGroupIds": ["sg-a"]}],
       "rdsInstances": [{"id": "rm-a", "vpcId": "vpc-a", "vSwitchId": "vsw-a", "securityGroupIds": ["sg-elsewhere"]}],
       "redisInstances": [{"id": "r-a", "vpcId": "vpc-a", "vSwitchId": "vsw-a"}],
       "resourceGroups": [{"id": "eas-r-a", "dlink": {"vpcId": "vpc-gone", "vSwitchId": "vsw-gone",
                           "securityGroupId": "sg-gone", "auxVSwitchIds": ["vsw-b", "vsw-gone2"]}}],
       "services": [{"metadata": {"name": "svc"}, "cloud": {"networking": {"vpc_id": "vpc-x", "vswitch_id": "vsw-x",
                     "security_group_id": "sg-x"}}}]
      }""";

  @Test
  void whatTheCloudCanHoldStillReads() {
    Snapshot s = SnapshotJson.parse(BASE, "estate.json");

    assertThat(s.inventory().resourceGroups().get(0).dlink().orElseThrow().vSwitchId().value()).isEqualTo("vsw-gone");
    assertThat(s.inventory().rdsInstances().get(0).securityGroupIds()).hasSize(1);
    assertThat(s.services()).hasSize(1);
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        // the four of the issue, and -1/-1 for TCP
        Arguments.of("/vSwitches/1/vpcId", "\"vpc-x\"",
            "vSwitch vsw-b names VPC vpc-x, which is not in the snapshot"),
        Arguments.of("/snatEntries/0/snatTableId", "\"stb-b\"",
            "SNAT entry snat-a is in SNAT table stb-b (it is NAT gateway ngw-b's), which is not a table of its NAT"
                + " gateway ngw-a"),
        Arguments.of("/natGateways/0/eipIds/0", "\"eip-x\"",
            "NAT gateway ngw-a names EIP eip-x, which is not in the snapshot"),
        Arguments.of("/ecsInstances/0/vSwitchId", "\"vsw-x\"",
            "ECS instance i-a names vSwitch vsw-x, which is not in the snapshot"),
        Arguments.of("/securityGroups/0/rules/0/portRange", "\"-1/-1\"",
            "a tcp rule with portRange -1/-1: the ECS API takes -1/-1 only for ICMP, GRE and ALL"),
        // the rest of the family
        Arguments.of("/securityGroups/0/rules/0/protocol", "\"udp\"", null),
        Arguments.of("/securityGroups/2/vpcId", "\"vpc-x\"",
            "security group sg-b names VPC vpc-x, which is not in the snapshot"),
        Arguments.of("/securityGroups/0/rules/0/peerGroupId", "\"sg-x\"",
            "a rule of security group sg-a names peer group sg-x, which is not in the snapshot"),
        Arguments.of("/securityGroups/0/rules/0/peerGroupId", "\"sg-b\"",
            "security group sg-a is in VPC vpc-a but names peer group sg-b of VPC vpc-b;"
                + " the cloud refuses a peer group of another VPC (InvalidSourceGroupId.Mismatch)"),
        Arguments.of("/natGateways/1/vpcId", "\"vpc-x\"",
            "NAT gateway ngw-b names VPC vpc-x, which is not in the snapshot"),
        Arguments.of("/natGateways/0/vSwitchId", "\"vsw-x\"",
            "NAT gateway ngw-a names vSwitch vsw-x, which is not in the snapshot"),
        Arguments.of("/natGateways/0/vSwitchId", "\"vsw-b\"",
            "NAT gateway ngw-a is in VPC vpc-a but names vSwitch vsw-b of VPC vpc-b"),
        Arguments.of("/eips/0/instanceId", "\"ngw-b\"",
            "EIP eip-a is bound to NAT gateway ngw-b, whose eipIds [] do not list it"),
        Arguments.of("/eips/0/instanceId", "\"ngw-x\"",
            "EIP eip-a names NAT gateway ngw-x as the instance it is bound to, which is not in the snapshot"),
        Arguments.of("/snatEntries/0/natGatewayId", "\"ngw-x\"",
            "SNAT entry snat-a names NAT gateway ngw-x, which is not in the snapshot"),
        Arguments.of("/snatEntries/0/snatTableId", "\"stb-x\"",
            "SNAT entry snat-a is in SNAT table stb-x, which is not a table of its NAT gateway ngw-a"),
        Arguments.of("/snatEntries/0/sourceVSwitchId", "\"vsw-x\"",
            "SNAT entry snat-a names vSwitch vsw-x, which is not in the snapshot"),
        Arguments.of("/snatEntries/0/sourceVSwitchId", "\"vsw-b\"",
            "SNAT entry snat-a is in VPC vpc-a but names vSwitch vsw-b of VPC vpc-b"),
        Arguments.of("/routeTables/0/vpcId", "\"vpc-x\"",
            "route table vtb-a names VPC vpc-x, which is not in the snapshot"),
        Arguments.of("/vSwitches/0/routeTableId", "\"vtb-x\"",
            "vSwitch vsw-a names route table vtb-x, which is not in the snapshot"),
        Arguments.of("/ecsInstances/0/vpcId", "\"vpc-x\"",
            "ECS instance i-a names VPC vpc-x, which is not in the snapshot"),
        Arguments.of("/ecsInstances/0/vSwitchId", "\"vsw-b\"",
            "ECS instance i-a is in VPC vpc-a but names vSwitch vsw-b of VPC vpc-b"),
        Arguments.of("/ecsInstances/0/securityGroupIds/0", "\"sg-x\"",
            "ECS instance i-a names security group sg-x, which is not in the snapshot"),
        Arguments.of("/ecsInstances/0/securityGroupIds/0", "\"sg-b\"",
            "ECS instance i-a is in VPC vpc-a but names security group sg-b of VPC vpc-b;"
                + " the cloud refuses to put an instance in a group of another VPC (InvalidInstanceId.Mismatch)"),
        Arguments.of("/rdsInstances/0/vpcId", "\"vpc-x\"",
            "RDS instance rm-a names VPC vpc-x, which is not in the snapshot"),
        Arguments.of("/rdsInstances/0/vSwitchId", "\"vsw-b\"",
            "RDS instance rm-a is in VPC vpc-a but names vSwitch vsw-b of VPC vpc-b"),
        Arguments.of("/redisInstances/0/vSwitchId", "\"vsw-x\"",
            "Redis instance r-a names vSwitch vsw-x, which is not in the snapshot"));
  }

  @ParameterizedTest
  @MethodSource("refusals")
  void aReferenceTheCloudCannotProduceIsARefusalAtItsPointer(String pointer, String value, String fragment)
      throws Exception {
    ObjectNode root = (ObjectNode) JSON.readTree(BASE);
    set(root, pointer, JSON.readTree(value));
    if (fragment == null) { // a UDP rule with -1/-1
      set(root, "/securityGroups/0/rules/0/portRange", JSON.readTree("\"-1/-1\""));
      pointer = "/securityGroups/0/rules/0/portRange";
      fragment = "a udp rule with portRange -1/-1";
    }
    String text = JSON.writeValueAsString(root);
    String at = pointer;
    String expected = fragment;

    assertThatThrownBy(() -> SnapshotJson.parse(text, "estate.json"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.pointer()).isEqualTo(at);
          assertThat(e.getMessage()).startsWith("estate.json at " + at + ": ").contains(expected);
          assertThat(e.fix()).isNotBlank().doesNotContain("nesting");
        });
  }

  @Test
  void theFixesSayWhatToDo() {
    assertThatThrownBy(() -> SnapshotJson.parse(BASE.replace("\"vpcId\": \"vpc-b\", \"cidrBlock\": \"10.1.1.0/24\"",
        "\"vpcId\": \"vpc-x\", \"cidrBlock\": \"10.1.1.0/24\""), "estate.json"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fix()).isEqualTo(
            "add the VPC to \"vpcs\" (its id and cidrBlock), or correct the id, or capture the snapshot again"
                + " (eas-net snapshot)."));
    assertThatThrownBy(() -> SnapshotJson.parse(BASE.replace("\"portRange\": \"22/22\"", "\"portRange\": \"-1/-1\""),
        "estate.json"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fix())
            .startsWith("write \"1/65535\" for every tcp port"));
  }

  private static void set(ObjectNode root, String pointer, JsonNode value) {
    JsonPointer p = JsonPointer.compile(pointer);
    JsonNode parent = root.at(p.head());
    String last = p.last().getMatchingProperty();
    if (parent instanceof ArrayNode a) {
      a.set(Integer.parseInt(last), value);
    } else {
      ((ObjectNode) parent).set(last, value);
    }
  }
}
