package io.easnet.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every value of every example file (service JSON, snapshot) replaced, one at a time, by a value of another type or
 * an out-of-range one, and every key removed: the reader either accepts the document or throws
 * {@link InvalidInputException} whose message names the source and a JSON pointer. Never an NPE, a
 * ClassCastException or any other exception.
 */
class MutatedExampleValuesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] REPLACEMENTS = {
    "null", "0", "-1", "1.5", "1e400", "99999999999999999999", "\"\"", "\"x\"", "\"vpc-bp1*****\"", "true",
    "[]", "{}", "[null]", "[1]", "[{}]", "{\"a\":1}", "\"-1/-1\"", "\"10.0.0.1/33\"", "\"1.1.3\""
  };

  private static List<Path> files(String dir) throws IOException {
    try (Stream<Path> s = Files.walk(Path.of("src/test/resources").resolve(dir))) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  /** Applies {@code check} to every single-node mutation of {@code root}. */
  private static int mutate(JsonNode root, Consumer<String> check) throws IOException {
    int count = 0;
    List<String> pointers = new ArrayList<>();
    collect(root, "", pointers);
    for (String pointer : pointers) {
      for (String replacement : REPLACEMENTS) {
        JsonNode copy = root.deepCopy();
        if (replace(copy, pointer, JSON.readTree(replacement))) {
          check.accept(JSON.writeValueAsString(copy));
          count++;
        }
      }
      JsonNode copy = root.deepCopy();
      if (remove(copy, pointer)) {
        check.accept(JSON.writeValueAsString(copy));
        count++;
      }
    }
    return count;
  }

  private static void collect(JsonNode node, String pointer, List<String> out) {
    if (!pointer.isEmpty()) {
      out.add(pointer);
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        collect(e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), pointer + "/" + i, out);
      }
    }
  }

  private static boolean replace(JsonNode root, String pointer, JsonNode value) {
    int cut = pointer.lastIndexOf('/');
    JsonNode parent = root.at(pointer.substring(0, cut));
    String last = pointer.substring(cut + 1).replace("~1", "/").replace("~0", "~");
    if (parent instanceof ObjectNode o) {
      o.set(last, value);
      return true;
    }
    if (parent instanceof ArrayNode a) {
      a.set(Integer.parseInt(last), value);
      return true;
    }
    return false;
  }

  private static boolean remove(JsonNode root, String pointer) {
    int cut = pointer.lastIndexOf('/');
    JsonNode parent = root.at(pointer.substring(0, cut));
    String last = pointer.substring(cut + 1).replace("~1", "/").replace("~0", "~");
    if (parent instanceof ObjectNode o) {
      o.remove(last);
      return true;
    }
    if (parent instanceof ArrayNode a) {
      a.remove(Integer.parseInt(last));
      return true;
    }
    return false;
  }

  private static void expectAcceptedOrInvalidInput(Runnable read, String source, String json, List<String> bad) {
    try {
      read.run();
    } catch (InvalidInputException e) {
      if (e.getMessage() == null || !e.getMessage().contains(source) || !e.getMessage().contains(" at /")) {
        bad.add("message without source or pointer: " + e.getMessage() + "\n  for " + json);
      }
    } catch (RuntimeException e) {
      bad.add(e + "\n  for " + json);
    }
  }

  @Test
  void everyMutatedSnapshotIsReadOrRejectedAsInvalidInputWithItsPointer() throws IOException {
    List<String> bad = new ArrayList<>();
    int total = 0;
    List<Path> snapshots = new ArrayList<>(files("json/snapshot/valid"));
    snapshots.add(Path.of("src/test/resources/e2e/faq-wrong-vpc/snapshot.json"));
    snapshots.add(Path.of("src/test/resources/e2e/internet-nat/snapshot.json"));
    for (Path file : snapshots) {
      JsonNode root = JSON.readTree(Files.readString(file));
      total += mutate(root, json -> expectAcceptedOrInvalidInput(
          () -> SnapshotJson.parse(json, "snap.json"), "snap.json", json, bad));
    }
    assertThat(total).isGreaterThan(1000);
    assertThat(bad).as("%d mutations failed badly", bad.size()).isEmpty();
  }

  @Test
  void everyMutatedServiceJsonIsReadOrRejectedAsInvalidInputWithItsPointer() throws IOException {
    List<String> bad = new ArrayList<>();
    int total = 0;
    List<Path> services = new ArrayList<>(files("json/service"));
    services.add(Path.of("src/test/resources/e2e/same-vpc-rds-redis/service-rg.json"));
    for (Path file : services) {
      JsonNode root = JSON.readTree(Files.readString(file));
      total += mutate(root, json -> expectAcceptedOrInvalidInput(() -> {
        ServiceDocument d = ServiceDocument.parse(json, "svc.json");
        ServiceDocument.parse(d.toJson(), "svc.json");
      }, "svc.json", json, bad));
    }
    assertThat(total).isGreaterThan(500);
    assertThat(bad).as("%d mutations failed badly", bad.size()).isEmpty();
  }
}
