package io.easnet.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.easnet.core.internal.json.SnapshotLayout;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ResourceId.VSwitchId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The layout class, the JSON Schema and the writer spell the same keys in the same order. */
class SnapshotLayoutTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static List<String> schemaKeys(String pointer) throws Exception {
    JsonNode schema = MAPPER.readTree(SnapshotJson.schemaJson());
    List<String> out = new ArrayList<>();
    schema.at(pointer).fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void everyObjectOfTheLayoutHasTheKeysOfTheSchemaInItsOrder() throws Exception {
    Map<String, Set<String>> layout = Map.ofEntries(
        Map.entry("/properties", SnapshotLayout.TOP),
        Map.entry("/definitions/vpc/properties", SnapshotLayout.VPC),
        Map.entry("/definitions/vSwitch/properties", SnapshotLayout.VSWITCH),
        Map.entry("/definitions/securityGroup/properties", SnapshotLayout.SECURITY_GROUP),
        Map.entry("/definitions/rule/properties", SnapshotLayout.RULE),
        Map.entry("/definitions/natGateway/properties", SnapshotLayout.NAT_GATEWAY),
        Map.entry("/definitions/snatEntry/properties", SnapshotLayout.SNAT_ENTRY),
        Map.entry("/definitions/eip/properties", SnapshotLayout.EIP),
        Map.entry("/definitions/routeTable/properties", SnapshotLayout.ROUTE_TABLE),
        Map.entry("/definitions/routeEntry/properties", SnapshotLayout.ROUTE),
        Map.entry("/definitions/ecsInstance/properties", SnapshotLayout.ECS_INSTANCE),
        Map.entry("/definitions/rdsInstance/properties", SnapshotLayout.DATABASE),
        Map.entry("/definitions/redisInstance/properties", SnapshotLayout.DATABASE),
        Map.entry("/definitions/allowlist/properties", SnapshotLayout.ALLOWLIST),
        Map.entry("/definitions/resourceGroup/properties", SnapshotLayout.RESOURCE_GROUP),
        Map.entry("/definitions/dlink/properties", SnapshotLayout.DLINK));
    for (Map.Entry<String, Set<String>> e : layout.entrySet()) {
      assertThat(schemaKeys(e.getKey())).as(e.getKey()).containsExactlyElementsOf(e.getValue());
    }
  }

  @Test
  void writerWritesTheTopLevelKeysInLayoutOrder() throws Exception {
    Snapshot s = SnapshotJson.parse(JsonTestSupport.resource("snapshot/valid/dlink-and-ipv6.json"), null)
        .toBuilder().schema("./snapshot-v1.schema.json").build();
    List<String> written = new ArrayList<>();
    MAPPER.readTree(SnapshotJson.toJson(s)).fieldNames().forEachRemaining(written::add);
    assertThat(written).isSubsetOf(SnapshotLayout.TOP);
    List<String> order = new ArrayList<>(SnapshotLayout.TOP);
    assertThat(written).isSortedAccordingTo((a, b) -> Integer.compare(order.indexOf(a), order.indexOf(b)));
  }

  @Test
  void pointersAreThePositionsInTheLayoutsCollections() {
    Inventory inv = SnapshotJson.parse(JsonTestSupport.resource("snapshot/valid/dlink-and-ipv6.json"), null)
        .inventory();
    Map<ResourceId, String> pointers = SnapshotLayout.pointers(inv);
    for (int i = 0; i < inv.vSwitches().size(); i++) {
      VSwitchId id = inv.vSwitches().get(i).id();
      assertThat(pointers.get(id)).isEqualTo("/" + SnapshotLayout.VSWITCHES + "/" + i);
    }
    for (int i = 0; i < inv.securityGroups().size(); i++) {
      SecurityGroupId id = inv.securityGroups().get(i).id();
      assertThat(pointers.get(id)).isEqualTo("/securityGroups/" + i);
    }
    assertThat(pointers).hasSizeGreaterThanOrEqualTo(inv.vSwitches().size() + inv.securityGroups().size());
  }
}
