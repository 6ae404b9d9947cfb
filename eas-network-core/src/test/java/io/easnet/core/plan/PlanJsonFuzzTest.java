package io.easnet.core.plan;

import io.easnet.core.plan.Planner.PlanOptions;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Whatever a plan file holds, reading it either succeeds or fails with an {@link InvalidInputException} naming the
 * file: never an NPE, an IllegalArgumentException from a model parser, or anything else. A plan that reads is written
 * back to text that reads to an equal plan. In regression mode each run mutates a real plan a few hundred times with
 * seeded, structured edits (a value replaced by another type, an id, a reference, a key removed or renamed).
 */
class PlanJsonFuzzTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String[] VALUES = {"", "vpc-a", "vsw-a", "sg-eas", "ngw-1", "eip-1", "stb-1", "rm-1", "r-1",
    "vtb-1", "eas-r-1", "0.0.0.0/0", "192.168.1.0/24", "47.0.0.1", "not a cidr", "${change-1.natGatewayId}",
    "${change-2.ipAddress}", "${change-99.eipId}", "${change-1.nope}", "${oops", "change-1", "change-0", "ingress",
    "egress", "TCP", "ALL", "-1/-1", "22/22", "5/1", "accept", "drop", "rds", "redis", "CreateSnatEntry",
    "SetServiceNetworking", "AppendAllowlistEntries", "\u4e2d", "${change-3.eipId}"};
  private static final io.easnet.core.model.Inventory ESTATE = PlanEstates.bare().build();
  private static final String BASE = Planner.of(PlanEstates.bare().build()).plan(PlanEstates.list(
      PlanEstates.svc("rds:rm-1", "redis:r-1", "ecs:i-db:5432", "internet", "from:ecs:i-client")),
      PlanOptions.defaults().allowBilled(true)).plan().orElseThrow().toJson();

  @FuzzTest(maxDuration = "30s")
  void readingAnyPlanEitherSucceedsOrNamesTheProblem(FuzzedDataProvider data) {
    SplittableRandom r = new SplittableRandom(data.consumeLong());
    readsOrThrowsInvalidInput(data.consumeRemainingAsString());
    for (int i = 0; i < 300; i++) {
      String json = mutated(r);
      readsOrThrowsInvalidInput(json);
    }
  }

  private static void readsOrThrowsInvalidInput(String json) {
    Plan plan;
    try {
      plan = Plan.parse(json, "fuzz.json");
    } catch (InvalidInputException e) {
      assertThat(e.getMessage()).contains("fuzz.json");
      assertThat(e.fix()).isNotBlank();
      return;
    }
    assertThat(Plan.parse(plan.toJson(), "again.json")).isEqualTo(plan);
    // every value was checked on reading: applying the plan in memory meets no malformed id, block or address
    // (only resources the estate does not hold, an IllegalStateException)
    try {
      Planner.apply(PlanState.of(ESTATE, PlanEstates.list(PlanEstates.svc("internet"))), plan);
    } catch (IllegalStateException expected) {
      assertThat(expected.getMessage()).containsAnyOf("does not hold", "before the change");
    }
  }

  private static String mutated(SplittableRandom r) {
    try {
      JsonNode root = MAPPER.readTree(BASE);
      int edits = r.nextInt(1, 4);
      for (int i = 0; i < edits; i++) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode c = containers.get(r.nextInt(containers.size()));
        if (c instanceof ObjectNode o) {
          List<String> keys = new ArrayList<>();
          o.fieldNames().forEachRemaining(keys::add);
          if (keys.isEmpty()) {
            o.set("x", value(r));
            continue;
          }
          String k = keys.get(r.nextInt(keys.size()));
          switch (r.nextInt(4)) {
            case 0 -> o.remove(k);
            case 1 -> o.set(k + (r.nextBoolean() ? "s" : ""), o.remove(k));
            default -> o.set(k, value(r));
          }
        } else if (c instanceof ArrayNode a) {
          if (a.isEmpty() || r.nextInt(3) == 0) {
            a.add(value(r));
          } else if (r.nextBoolean()) {
            a.remove(r.nextInt(a.size()));
          } else {
            a.set(r.nextInt(a.size()), value(r));
          }
        }
      }
      return MAPPER.writeValueAsString(root);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void collect(JsonNode n, List<JsonNode> out) {
    if (n.isContainerNode()) {
      out.add(n);
      n.elements().forEachRemaining(e -> collect(e, out));
    }
  }

  private static JsonNode value(SplittableRandom r) {
    switch (r.nextInt(8)) {
      case 0:
        return F.nullNode();
      case 1:
        return F.numberNode(r.nextInt(-2, 300));
      case 2:
        return F.booleanNode(r.nextBoolean());
      case 3:
        return F.arrayNode().add(VALUES[r.nextInt(VALUES.length)]);
      case 4:
        return F.objectNode();
      default:
        return F.textNode(VALUES[r.nextInt(VALUES.length)]);
    }
  }
}
