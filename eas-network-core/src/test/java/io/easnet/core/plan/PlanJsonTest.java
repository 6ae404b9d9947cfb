package io.easnet.core.plan;

import io.easnet.core.plan.Planner.PlanOptions;
import static io.easnet.core.plan.PlanEstates.bare;
import static io.easnet.core.plan.PlanEstates.list;
import static io.easnet.core.plan.PlanEstates.service;
import static io.easnet.core.plan.PlanEstates.svc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.InvalidInputException;
import io.easnet.core.model.Inventory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlanJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static SchemaCheck schema;
  private static Plan full;

  @BeforeAll
  static void setUp() {
    schema = SchemaCheck.load(Plan.SCHEMA_RESOURCE);
    Inventory inv = bare().build();
    full = Planner.of(inv).plan(list(svc("rds:rm-1", "redis:r-1", "ecs:i-db:5432", "internet", "from:ecs:i-client"),
        service("b", "vsw-b", "rds:rm-1")), PlanOptions.defaults().allowBilled(true)).plan().orElseThrow();
  }

  @Test
  void aPlanRoundTripsThroughItsFileByteForByte(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("plan.json");
    full.write(file);
    Plan read = Plan.read(file);
    assertThat(read).isEqualTo(full);
    assertThat(read.toJson()).isEqualTo(full.toJson());
    assertThat(Files.readString(file)).isEqualTo(full.toJson());
    assertThat(read.digest()).isEqualTo(full.digest()).hasSize(64);
    assertThat(read.changes()).extracting(PlannedChange::id).containsExactlyElementsOf(
        full.changes().stream().map(PlannedChange::id).toList());
    assertThat(read.changes().get(0).serves()).isEqualTo(full.changes().get(0).serves());
  }

  @Test
  void tokensAreDerivedFromThePlanAndTheChangeId() {
    Plan again = Plan.parse(full.toJson(), "again.json");
    PlannedChange first = full.changes().get(0);
    PlannedChange second = full.changes().get(1);
    assertThat(again.token(again.changes().get(0))).isEqualTo(full.token(first));
    assertThat(full.token(first)).isNotEqualTo(full.token(second));
    Plan other = Planner.of(bare().build()).plan(list(svc("internet")), PlanOptions.defaults().allowBilled(true))
        .plan().orElseThrow();
    assertThat(other.token(other.changes().get(0))).isNotEqualTo(full.token(first));
    assertThat(full.token(first).value()).startsWith("easnet-").hasSizeLessThanOrEqualTo(64);
  }

  @Test
  void theSchemaAcceptsWrittenPlans() {
    assertThat(schema.errors(full.toJson())).isEmpty();
    Plan empty = new Plan(false, List.of());
    assertThat(schema.errors(empty.toJson())).isEmpty();
    assertThat(Plan.parse(empty.toJson(), "empty.json").isEmpty()).isTrue();
  }

  @Test
  void aPlanWithARemovalRoundTripsAndTheSchemaAcceptsIt() {
    Inventory base = bare().build();
    Inventory inv = base.toBuilder().rdsInstances(List.of(io.easnet.core.model.RdsInstance.builder()
        .from(base.rdsInstances().get(0)).allowlists(List.of(io.easnet.core.model.AllowlistGroup.builder()
            .name("eas").addEntry(io.easnet.core.model.Cidr.parse("192.168.1.23")).build())).build())).build();
    Plan plan = Planner.of(inv).plan(list(svc("rds:rm-1")), PlanOptions.defaults().allowRemovals(true)).plan()
        .orElseThrow();
    assertThat(plan.toJson()).contains("\"kind\": \"RemoveAllowlistEntries\"")
        .contains("\"keptBlock\": \"192.168.1.0/24\"");
    assertThat(schema.errors(plan.toJson())).isEmpty();
    assertThat(Plan.parse(plan.toJson(), "plan.json")).isEqualTo(plan);
    // an entry outside the kept block is refused by the reader, naming the pointer
    String bad = plan.toJson().replace("\"192.168.1.23/32\"", "\"10.0.0.1/32\"");
    assertThatThrownBy(() -> Plan.parse(bad, "plan.json")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("/parameters/entries/0").hasMessageContaining("does not lie inside the kept block");
  }

  private static String edited(Consumer<ObjectNode> edit) throws Exception {
    ObjectNode root = (ObjectNode) MAPPER.readTree(full.toJson());
    edit.accept(root);
    return MAPPER.writeValueAsString(root);
  }

  private static ObjectNode change(ObjectNode root, int i) {
    return (ObjectNode) root.get("changes").get(i);
  }

  /** The first change of kind {@code kind} (the plan's order puts billed changes last, so kinds are looked up). */
  private static ObjectNode change(ObjectNode root, String kind) {
    for (com.fasterxml.jackson.databind.JsonNode c : root.get("changes")) {
      if (c.get("kind").asText().equals(kind)) {
        return (ObjectNode) c;
      }
    }
    throw new AssertionError("no change of kind " + kind);
  }

  @ParameterizedTest
  @ValueSource(strings = {"unknownRootKey", "wrongVersion", "unknownKind", "unknownParameter", "forwardReference",
      "duplicateId", "badDependency", "billedWithoutAllowBilled", "wrongType", "unknownOutput", "badCidr",
      "dropRule"})
  void theReaderAndTheSchemaRejectTheSameBadPlans(String what) throws Exception {
    String json = edited(root -> {
      switch (what) {
        case "unknownRootKey":
          root.put("chnages", 1);
          break;
        case "wrongVersion":
          root.put("version", 4);
          break;
        case "unknownKind":
          change(root, 0).put("kind", "DeleteVpc");
          break;
        case "unknownParameter":
          ((ObjectNode) change(root, 0).get("parameters")).put("zone", "h");
          break;
        case "forwardReference":
          // a reference to the change itself: not an earlier change
          ((ObjectNode) change(root, "CreateSnatEntry").get("parameters")).put("natGatewayId",
              "${" + change(root, "CreateSnatEntry").get("id").asText() + ".natGatewayId}");
          break;
        case "duplicateId":
          change(root, 1).put("id", "change-1");
          break;
        case "badDependency":
          ((ArrayNode) change(root, 0).get("dependsOn")).add("change-99");
          break;
        case "unknownOutput":
          ((ObjectNode) change(root, "CreateSnatEntry").get("parameters")).put("natGatewayId", "${change-1.eipId}");
          break;
        case "badCidr":
          ((ArrayNode) change(root, "CreateSnatEntry").get("parameters").get("snatIps")).set(0, "47.0.0.300");
          break;
        case "dropRule":
          ((ObjectNode) change(root, "AuthorizeSecurityGroupRule").get("parameters")).put("policy", "drop");
          break;
        case "billedWithoutAllowBilled":
          root.put("allowBilled", false);
          break;
        default:
          change(root, 0).put("id", 1);
          break;
      }
    });
    assertThatThrownBy(() -> Plan.parse(json, "plan.json")).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> {
          InvalidInputException ie = (InvalidInputException) e;
          assertThat(ie.source()).contains("plan.json");
          assertThat(ie.pointer()).isNotEmpty();
          assertThat(ie.fix()).isNotBlank();
        });
    if (List.of("unknownRootKey", "wrongVersion", "unknownKind", "unknownParameter", "wrongType", "dropRule")
        .contains(what)) {
      assertThat(schema.errors(json)).as(what).isNotEmpty();
    }
  }

  @Test
  void aBadPlanNamesThePointerOfTheProblem() throws Exception {
    String json = edited(root -> ((ObjectNode) change(root, 2).get("parameters")).put("zone", "h"));
    assertThatThrownBy(() -> Plan.parse(json, "plan.json")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("plan.json").hasMessageContaining("/changes/2/parameters/zone")
        .hasMessageContaining("unknown key \"zone\"");
  }

  /** Every output paired with one of another kind from the same change. */
  private static final java.util.Map<String, String> OTHER_KIND = java.util.Map.of("natGatewayId", "snatTableId",
      "snatTableId", "natGatewayId", "eipId", "ipAddress", "ipAddress", "eipId");

  @Test
  void aReferenceToAnOutputOfAnotherKindIsRefusedOnReading() throws Exception {
    com.fasterxml.jackson.databind.JsonNode plan = MAPPER.readTree(full.toJson());
    int tried = 0;
    for (int i = 0; i < plan.get("changes").size(); i++) {
      com.fasterxml.jackson.databind.JsonNode params = plan.get("changes").get(i).get("parameters");
      for (java.util.Iterator<String> keys = params.fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        com.fasterxml.jackson.databind.JsonNode v = params.get(key);
        List<com.fasterxml.jackson.databind.JsonNode> values = new java.util.ArrayList<>();
        if (v.isArray()) {
          v.forEach(values::add);
        } else {
          values.add(v);
        }
        for (int k = 0; k < values.size(); k++) {
          String text = values.get(k).asText();
          java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{(change-\\d+)\\.(\\w+)\\}")
              .matcher(text);
          if (!m.matches()) {
            continue;
          }
          String other = "${" + m.group(1) + "." + OTHER_KIND.get(m.group(2)) + "}";
          int change = i;
          int index = k;
          String json = edited(root -> {
            ObjectNode p = (ObjectNode) change(root, change).get("parameters");
            if (p.get(key).isArray()) {
              ((ArrayNode) p.get(key)).set(index, other);
            } else {
              p.put(key, other);
            }
          });
          tried++;
          assertThatThrownBy(() -> Plan.parse(json, "plan.json")).as("%s in change %d", other, change)
              .isInstanceOf(InvalidInputException.class)
              .hasMessageContaining("/changes/" + change + "/parameters/" + key)
              .hasMessageContaining("not the kind of value this parameter takes");
        }
      }
    }
    assertThat(tried).as("references in the written plan").isGreaterThanOrEqualTo(3);
  }
}
