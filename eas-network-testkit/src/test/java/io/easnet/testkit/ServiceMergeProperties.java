package io.easnet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.spi.EasApi.UpdateType;
import io.easnet.testkit.gen.ServiceJsonGenerator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Invariant of {@code UpdateService} with {@code merge}: every value of the patch is in the result at its place,
 * every value of the old configuration the patch does not touch is kept, and {@code replace} keeps only the patch.
 */
class ServiceMergeProperties {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void mergeKeepsUntouchedValuesAndTakesEveryPatchedValue() throws Exception {
    SplittableRandom r = new SplittableRandom(77);
    FakeCloud fake = FakeCloud.create();
    for (int i = 0; i < 300; i++) {
      String name = "svc_" + i;
      JsonNode old = JSON.readTree(ServiceJsonGenerator.valid(r, name, 1));
      fake.eas().createService(old.toString());
      ObjectNode patch = (ObjectNode) JSON.readTree(ServiceJsonGenerator.valid(r, name, r.nextInt(0, 4)));
      dropSomeFields(patch, r);
      fake.eas().updateService(name, patch.toString(), UpdateType.MERGE);
      JsonNode merged = JSON.readTree(fake.eas().describeService(name));
      for (String pointer : leaves(patch, "")) {
        assertThat(merged.at(pointer)).as(pointer).isEqualTo(patch.at(pointer));
      }
      for (String pointer : leaves(old, "")) {
        if (patch.at(pointer).isMissingNode() && !touchedAbove(patch, pointer)) {
          assertThat(merged.at(pointer)).as(pointer).isEqualTo(old.at(pointer));
        }
      }
      fake.eas().updateService(name, patch.toString(), UpdateType.REPLACE);
      JsonNode replaced = JSON.readTree(fake.eas().describeService(name));
      for (Iterator<String> it = replaced.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        assertThat(patch.has(field) || field.equals("metadata")).as(field).isTrue();
      }
    }
  }

  private static void dropSomeFields(ObjectNode patch, SplittableRandom r) {
    List<String> names = new ArrayList<>();
    patch.fieldNames().forEachRemaining(names::add);
    for (String n : names) {
      if (!n.equals("metadata") && r.nextBoolean()) {
        patch.remove(n);
      }
    }
  }

  /** True when a prefix of the pointer is a non-object value in the patch (the patch replaced that subtree). */
  private static boolean touchedAbove(JsonNode patch, String pointer) {
    String[] parts = pointer.substring(1).split("/");
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < parts.length - 1; i++) {
      prefix.append('/').append(parts[i]);
      JsonNode n = patch.at(prefix.toString());
      if (!n.isMissingNode() && !n.isObject()) {
        return true;
      }
    }
    return false;
  }

  /** JSON pointers of every non-object value (arrays count as values: merge replaces them whole). */
  private static List<String> leaves(JsonNode node, String prefix) {
    List<String> out = new ArrayList<>();
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        out.addAll(leaves(e.getValue(), prefix + "/" + e.getKey()));
      }
    } else {
      out.add(prefix);
    }
    return out;
  }
}
