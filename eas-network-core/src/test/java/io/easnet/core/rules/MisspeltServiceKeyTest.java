package io.easnet.core.rules;

import io.easnet.core.rules.Finding.Severity;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.check.NetworkCheck;
import io.easnet.core.json.ServiceDocument;
import io.easnet.core.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 item 7: a misspelt key of the service JSON is a WARNING (EASNET-048) with its pointer and "did you mean",
 * at every level the reader knows; a key far from every documented one is not reported; nothing is rejected and the
 * key survives writing.
 */
class MisspeltServiceKeyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ESTATE = Path.of("../examples/mistakes/estate.json");
  private static final Path SERVICE = Path.of("../examples/mistakes/wrong-vpc.json");

  @TempDir Path dir;

  private List<Finding> lint(Consumer<ObjectNode> edit) throws Exception {
    ObjectNode tree = (ObjectNode) JSON.readTree(SERVICE.toFile());
    edit.accept(tree);
    Path file = dir.resolve("service.json");
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
    Report r = NetworkCheck.builder().snapshot(ESTATE).addService(ServiceInput.fromFile(file, dir)).build().run();
    return r.findings().stream().filter(f -> f.ruleId().equals("EASNET-048")).toList();
  }

  private static void rename(ObjectNode parent, String from, String to) {
    parent.set(to, parent.remove(from));
  }

  private static ObjectNode at(ObjectNode root, String... path) {
    com.fasterxml.jackson.databind.JsonNode n = root;
    for (String p : path) {
      n = p.matches("\\d+") ? n.get(Integer.parseInt(p)) : n.get(p);
    }
    return (ObjectNode) n;
  }

  private void assertOne(Consumer<ObjectNode> edit, String pointer, String suggestion) throws Exception {
    List<Finding> f = lint(edit);
    assertThat(f).as(pointer).hasSize(1);
    assertThat(f.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(f.get(0).pointer()).isEqualTo(pointer);
    assertThat(f.get(0).didYouMean()).contains(suggestion);
    assertThat(f.get(0).source()).contains("service.json");
    assertThat(f.get(0).serviceName()).contains("orders_dev");
    assertThat(f.get(0).render()).contains("Did you mean " + suggestion + "?");
  }

  @Test
  void theThreeTyposOfTheIssue() throws Exception {
    assertOne(t -> rename(at(t, "cloud"), "networking", "netwrking"), "/cloud/netwrking", "networking");
    assertOne(t -> rename(at(t, "metadata"), "instance", "instances"), "/metadata/instances", "instance");
    assertOne(t -> rename(at(t, "cloud", "networking"), "vswitch_id", "vswitchid"), "/cloud/networking/vswitchid",
        "vswitch_id");
  }

  @Test
  void misspeltKeysAtEveryLevelTheReaderKnows() throws Exception {
    assertOne(t -> rename(t, "containers", "contaners"), "/contaners", "containers");
    assertOne(t -> at(t, "metadata").putObject("rolling_strategy").put("max_surg", 1),
        "/metadata/rolling_strategy/max_surg", "max_surge");
    assertOne(t -> rename(at(t, "cloud", "computing"), "instances", "instance"), "/cloud/computing/instance",
        "instances");
    assertOne(t -> t.putObject("autoscaler").put("min", 1).put("max", 3).putArray("scaleStrategie"),
        "/autoscaler/scaleStrategie", "scaleStrategies");
    assertOne(t -> rename(at(t, "containers", "0"), "image", "imgae"), "/containers/0/imgae", "image");
    assertOne(t -> t.putArray("storage").addObject().put("mount_pth", "/m"), "/storage/0/mount_pth", "mount_path");
    assertOne(t -> t.putObject("networking").put("gatway", "gw-1"), "/networking/gatway", "gateway");
    assertOne(t -> at(t, "cloud").putObject("Networking"), "/cloud/Networking", "networking");
  }

  @Test
  void keysFarFromEveryDocumentedOneAreNotReported() throws Exception {
    assertThat(lint(t -> {
      t.put("team_owner_label", "payments");
      at(t, "metadata").put("cost_center", "cc-1");
      at(t, "cloud", "networking").put("comment_for_humans", "x");
      at(t, "containers", "0").put("health_check", JSON.createObjectNode());
      t.putObject("autoscaler").put("min", 1).put("max", 2).put("cooldown_seconds", 30);
    })).isEmpty();
  }

  @Test
  void documentedKeysAreNotReported() throws Exception {
    assertThat(lint(t -> {
      t.put("model_path", "oss://b/m").put("processor", "tensorflow_cpu_1.12");
      at(t, "metadata").put("cpu", 2).put("memory", 4000).put("enable_webservice", true);
      t.putObject("autoscaler").put("min", 1).put("max", 3);
    })).isEmpty();
  }

  @Test
  void theReaderKeepsAMisspeltKeyAndWritesItBack() throws Exception {
    ServiceDocument doc = ServiceDocument.parse("{\"metadata\": {\"name\": \"svc\", \"instances\": 3}}", "s.json");
    assertThat(doc.nearMisses()).containsExactly(new ServiceDocument.NearMiss("/metadata/instances", "instances",
        "instance"));
    assertThat(doc.toJson()).containsPattern("\"instances\"\\s*:\\s*3");
  }

  @Test
  void servicesTheSnapshotHoldsAreNotChecked() {
    Report r = NetworkCheck.builder().snapshot(Path.of("../examples/snapshot.json")).build().run();
    assertThat(r.findings()).noneMatch(f -> f.ruleId().equals("EASNET-048"));
  }
}
