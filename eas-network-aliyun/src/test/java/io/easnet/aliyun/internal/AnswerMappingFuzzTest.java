package io.easnet.aliyun.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.aliyun.AliyunProduct;
import io.easnet.core.EasNetworkException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Whatever an item of an answer holds, mapping it gives a model value or an {@link EasNetworkException} naming the
 * action and the pointer: never a bare {@code NullPointerException}, {@code ArithmeticException} or other escape.
 * The seeded test mutates reference-shaped items (fields dropped, retyped, blanked, overflowed); {@code -Pfuzz}
 * feeds arbitrary JSON.
 */
class AnswerMappingFuzzTest {
  private static final List<Function<JsonNode, ?>> MAPPERS = List.of(AliyunVpcApi::vpc, AliyunVpcApi::vSwitch,
      AliyunVpcApi::natGateway, n -> AliyunVpcApi.snatEntry(n, null), AliyunVpcApi::eip, AliyunVpcApi::routeEntry,
      AliyunEcsApi::summary, AliyunEcsApi::rule, AliyunEcsApi::instance, n -> AliyunAllowlists.Rds.instance(n).build(),
      n -> AliyunAllowlists.Redis.instance(n).build(),
      n -> AliyunAllowlists.group(n, "SecurityIpGroupName", "SecurityIpGroupAttribute", "SecurityIpList"),
      AliyunEasApi::resourceGroup, AliyunEasApi::dlink);

  private static final List<String> SEEDS = List.of(
      "{\"VpcId\":\"vpc-a\",\"CidrBlock\":\"10.0.0.0/8\",\"SecondaryCidrBlocks\":{\"SecondaryCidrBlock\":"
          + "[\"172.16.0.0/16\"]},\"Tags\":{\"Tag\":[{\"Key\":\"k\",\"Value\":\"v\"}]}}",
      "{\"VSwitchId\":\"vsw-1\",\"VpcId\":\"vpc-a\",\"CidrBlock\":\"10.1.0.0/24\",\"AvailableIpAddressCount\":249,"
          + "\"RouteTable\":{\"RouteTableId\":\"vtb-1\"}}",
      "{\"NatGatewayId\":\"ngw-1\",\"VpcId\":\"vpc-a\",\"NetworkType\":\"internet\",\"IpLists\":{\"IpList\":"
          + "[{\"AllocationId\":\"eip-1\"}]},\"SnatTableIds\":{\"SnatTableId\":[\"stb-1\"]}}",
      "{\"SnatEntryId\":\"snat-1\",\"SnatTableId\":\"stb-1\",\"NatGatewayId\":\"ngw-1\",\"SourceCIDR\":"
          + "\"10.0.0.0/24\",\"SnatIp\":\"47.1.2.3,47.1.2.4\"}",
      "{\"AllocationId\":\"eip-1\",\"IpAddress\":\"47.1.2.3\",\"InstanceId\":\"ngw-1\"}",
      "{\"DestinationCidrBlock\":\"0.0.0.0/0\",\"NextHops\":{\"NextHop\":[{\"NextHopType\":\"NatGateway\","
          + "\"NextHopId\":\"ngw-1\"}]}}",
      "{\"SecurityGroupId\":\"sg-1\",\"VpcId\":\"vpc-a\",\"SecurityGroupType\":\"enterprise\"}",
      "{\"Direction\":\"ingress\",\"IpProtocol\":\"TCP\",\"PortRange\":\"22/22\",\"SourceCidrIp\":\"10.0.0.0/8\","
          + "\"Policy\":\"Accept\",\"Priority\":\"1\"}",
      "{\"InstanceId\":\"i-1\",\"VpcAttributes\":{\"VpcId\":\"vpc-a\",\"VSwitchId\":\"vsw-1\",\"PrivateIpAddress\":"
          + "{\"IpAddress\":[\"10.1.0.7\"]}},\"SecurityGroupIds\":{\"SecurityGroupId\":[\"sg-1\"]}}",
      "{\"DBInstanceId\":\"rm-1\",\"VpcId\":\"vpc-a\",\"Port\":\"3306\"}",
      "{\"InstanceId\":\"r-1\",\"PrivateIp\":\"10.3.0.9\",\"Port\":6379}",
      "{\"SecurityIpGroupName\":\"default\",\"SecurityIpList\":\"127.0.0.1,10.0.0.0/8\"}",
      "{\"ResourceId\":\"eas-r-1\",\"ExtraData\":{\"vswitch_id\":\"vsw-1\",\"security_group_id\":\"sg-1\","
          + "\"aux_vswitch_id_list\":[\"vsw-2\"],\"destination_cidr\":\"172.16.0.0/28\"}}",
      "{\"VSwitchId\":\"vsw-1\",\"SecurityGroupId\":\"sg-1\",\"AuxVSwitchList\":[\"vsw-2\"],"
          + "\"DestinationCIDRs\":\"172.16.0.0/16\"}");

  private static final List<JsonNode> ODD_VALUES = List.of(WireJson.MAPPER.nullNode(),
      WireJson.MAPPER.getNodeFactory().textNode(""), WireJson.MAPPER.getNodeFactory().textNode("not-a-value"),
      WireJson.MAPPER.getNodeFactory().numberNode(Long.MAX_VALUE), WireJson.MAPPER.getNodeFactory().numberNode(-1),
      WireJson.MAPPER.createObjectNode(), WireJson.MAPPER.createArrayNode(),
      WireJson.MAPPER.getNodeFactory().booleanNode(true), WireJson.MAPPER.getNodeFactory().textNode("999999999999"));

  private static final ApiRequest REQUEST = ApiRequest.rpc(AliyunProduct.VPC, "DescribeVpcs").build();

  /** Maps the node with every mapper; returns how many mapped without failing. */
  private static int mapAll(JsonNode node) {
    ApiResponse response = new ApiResponse("vpc:DescribeVpcs", 200, "R-fuzz", new byte[0]);
    int ok = 0;
    for (Function<JsonNode, ?> mapper : MAPPERS) {
      try {
        assertThat((Object) Lists.one(REQUEST, response, "/Items/0", node, mapper)).isNotNull();
        ok++;
      } catch (EasNetworkException e) {
        assertThat(e.getMessage()).contains("vpc:DescribeVpcs").contains("/Items/0").contains("R-fuzz");
      }
    }
    return ok;
  }

  @Test
  void mutatedReferenceItemsMapOrFailNamingTheActionAndPointer() throws Exception {
    Random random = new Random(20261201L);
    int mapped = 0;
    for (String seed : SEEDS) {
      // the seed itself maps with its own mapper
      mapped += mapAll(WireJson.MAPPER.readTree(seed)) > 0 ? 1 : 0;
      for (int round = 0; round < 40; round++) {
        ObjectNode item = (ObjectNode) WireJson.MAPPER.readTree(seed);
        List<String> names = new ArrayList<>();
        Iterator<String> it = item.fieldNames();
        it.forEachRemaining(names::add);
        String field = names.get(random.nextInt(names.size()));
        if (random.nextInt(4) == 0) {
          item.remove(field);
        } else {
          item.set(field, ODD_VALUES.get(random.nextInt(ODD_VALUES.size())));
        }
        mapAll(item);
      }
    }
    assertThat(mapped).isEqualTo(SEEDS.size());
  }

  @FuzzTest(maxDuration = "10s")
  void anyJsonItemMapsOrFailsNamingTheActionAndPointer(FuzzedDataProvider data) {
    JsonNode node;
    try {
      node = WireJson.MAPPER.readTree(data.consumeRemainingAsString().getBytes(StandardCharsets.UTF_8));
    } catch (java.io.IOException notJson) {
      return; // a body that is not JSON fails earlier, in ApiResponse.json()
    }
    if (node != null) {
      mapAll(node);
    }
  }
}
