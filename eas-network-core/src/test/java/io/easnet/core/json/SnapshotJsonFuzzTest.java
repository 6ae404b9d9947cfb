package io.easnet.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.fuzz.FuzzContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;
import java.util.stream.Stream;

/**
 * Whatever a snapshot file holds, reading it gives a snapshot that writes back to the same snapshot, or an
 * {@link io.easnet.core.InvalidInputException} naming the file, the pointer and the fix, short and printable: never
 * another exception. Besides raw text, the structured target edits real snapshots (the examples and the end-to-end
 * estates): a value replaced by another type, by an id of another resource, by a value taken from elsewhere in the
 * same file (which moves references between resources), a key removed or renamed, an element duplicated.
 */
class SnapshotJsonFuzzTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String[] VALUES = {"", " ", "vpc-a", "vsw-a", "sg-a", "ngw-a", "eip-a", "stb-a", "snat-a",
    "vtb-a", "i-a", "rm-a", "r-a", "eas-r-a", "pl-a", "0.0.0.0/0", "10.0.0.0/8", "10.0.0.1/8", "192.168.1.0/24",
    "::/0", "2408::/56", "47.0.0.1", "127.0.0.1", "-1/-1", "1/65535", "22/22", "0/0", "5/1", "tcp", "udp", "icmp",
    "gre", "all", "TCP", "ingress", "egress", "accept", "drop", "enterprise", "normal", "system", "custom",
    "internet", "intranet", "NatGateway", "\u0000", "\u001b[2J", "\ud800", "\u202e", "x".repeat(100)};
  private static final List<String> SEEDS = seeds();

  /** Raw text: the fuzzer's bytes as the whole file. */
  @FuzzTest(maxDuration = "60s")
  void anySnapshotTextReadsOrIsRefused(FuzzedDataProvider data) {
    check(data.consumeRemainingAsString());
  }

  /**
   * Real snapshots under structured edits. Regression mode (no bytes): every seed reads, then 300 seeded edits;
   * fuzzing: the fuzzer's bytes choose the seed and each edit, one edited snapshot per run.
   */
  @FuzzTest(maxDuration = "60s")
  void editedSnapshotsReadOrAreRefused(FuzzedDataProvider data) {
    if (data.remainingBytes() == 0) {
      for (String seed : SEEDS) {
        assertThat(check(seed)).as("a seed snapshot reads").isNotNull();
      }
      SplittableRandom r = new SplittableRandom(42);
      for (int i = 0; i < 300; i++) {
        check(edited(SEEDS.get(r.nextInt(SEEDS.size())), r::nextInt));
      }
      return;
    }
    String seed = SEEDS.get(data.consumeInt(0, SEEDS.size() - 1));
    check(edited(seed, bound -> data.consumeInt(0, bound - 1)));
  }

  private static Snapshot check(String json) {
    Snapshot s = FuzzContract.readsOrRefuses("fuzz.json", json, () -> SnapshotJson.parse(json, "fuzz.json"));
    if (s != null) {
      String again = SnapshotJson.toJson(s);
      Snapshot back = SnapshotJson.parse(again, "again.json");
      assertThat(back).isEqualTo(s);
      assertThat(SnapshotJson.toJson(back)).isEqualTo(again);
    }
    return s;
  }

  private static List<String> seeds() {
    List<Path> files = new ArrayList<>();
    files.add(Path.of("..", "examples", "snapshot.json"));
    files.add(Path.of("..", "examples", "mistakes", "estate.json"));
    Path res = Path.of("src", "test", "resources");
    try (Stream<Path> s = Stream.concat(Files.list(res.resolve("e2e")).map(d -> d.resolve("snapshot.json")),
        Files.list(res.resolve("json/snapshot/valid")))) {
      s.sorted().forEach(files::add);
      List<String> out = new ArrayList<>();
      for (Path p : files) {
        out.add(Files.readString(p, StandardCharsets.UTF_8));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String edited(String base, IntUnaryOperator r) {
    try {
      JsonNode root = MAPPER.readTree(base);
      List<JsonNode> containers = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      collect(root, containers, texts);
      int edits = 1 + r.applyAsInt(3);
      for (int i = 0; i < edits; i++) {
        JsonNode c = containers.get(r.applyAsInt(containers.size()));
        if (c instanceof ObjectNode o) {
          List<String> keys = new ArrayList<>();
          o.fieldNames().forEachRemaining(keys::add);
          if (keys.isEmpty()) {
            o.set("id", value(r, texts));
            continue;
          }
          String k = keys.get(r.applyAsInt(keys.size()));
          switch (r.applyAsInt(5)) {
            case 0 -> o.remove(k);
            case 1 -> o.set(k + (r.applyAsInt(2) == 0 ? "s" : "Id"), o.remove(k));
            default -> o.set(k, value(r, texts));
          }
        } else if (c instanceof ArrayNode a) {
          if (a.isEmpty() || r.applyAsInt(4) == 0) {
            a.add(value(r, texts));
          } else if (r.applyAsInt(3) == 0) {
            a.add(a.get(r.applyAsInt(a.size())).deepCopy());
          } else if (r.applyAsInt(2) == 0) {
            a.remove(r.applyAsInt(a.size()));
          } else {
            a.set(r.applyAsInt(a.size()), value(r, texts));
          }
        }
      }
      return MAPPER.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(JsonNode n, List<JsonNode> containers, List<String> texts) {
    if (n.isContainerNode()) {
      containers.add(n);
      n.elements().forEachRemaining(e -> collect(e, containers, texts));
    } else if (n.isTextual()) {
      texts.add(n.textValue());
    }
  }

  private static JsonNode value(IntUnaryOperator r, List<String> texts) {
    switch (r.applyAsInt(9)) {
      case 0:
        return F.nullNode();
      case 1:
        return F.numberNode(r.applyAsInt(70_002) - 2);
      case 2:
        return F.booleanNode(r.applyAsInt(2) == 0);
      case 3:
        return F.arrayNode().add(VALUES[r.applyAsInt(VALUES.length)]);
      case 4:
        return F.objectNode();
      case 5:
      case 6:
        return texts.isEmpty() ? F.textNode("") : F.textNode(texts.get(r.applyAsInt(texts.size())));
      default:
        return F.textNode(VALUES[r.applyAsInt(VALUES.length)]);
    }
  }
}
