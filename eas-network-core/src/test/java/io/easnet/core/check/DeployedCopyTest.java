package io.easnet.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.analysis.CapacityReport.VSwitchCapacity;
import io.easnet.core.json.SnapshotJson;
import io.easnet.core.report.Report;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.Finding.Severity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 2: {@code lint --snapshot examples/snapshot.json --service examples/service-vpc.json}. The snapshot
 * holds the deployed copy of the service the file defines: they are the same service, the file wins, the report
 * says so once as a note, and capacity counts the service once.
 */
class DeployedCopyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SNAPSHOT = Path.of("..", "examples", "snapshot.json");
  private static final Path SERVICE = Path.of("..", "examples", "service-vpc.json");

  private static Report lint(boolean withFile) {
    NetworkCheck.Builder b = NetworkCheck.builder().snapshot(SnapshotJson.read(SNAPSHOT), "snapshot.json");
    if (withFile) {
      b.addService(ServiceInput.fromFile(SERVICE).sourceName("service-vpc.json"));
    }
    return b.build().run();
  }

  @Test
  void aServiceFileAndItsDeployedCopyAreOneServiceAndTheFileWins() {
    Report r = lint(true);
    assertThat(r.findings()).filteredOn(f -> f.severity() != Severity.INFO).as(r.findings().toString()).isEmpty();
    List<Finding> same = r.findings().stream().filter(f -> f.ruleId().equals("EASNET-040")).toList();
    assertThat(same).hasSize(1);
    Finding note = same.get(0);
    assertThat(note.severity()).isEqualTo(Severity.INFO);
    assertThat(note.location()).isEqualTo("service-vpc.json:/metadata/name");
    assertThat(note.message()).isEqualTo("service chat_inference in service-vpc.json is also deployed"
        + " (snapshot.json:/services/0); they are the same service: the file is checked, the deployed copy is not"
        + " checked or counted a second time");
    // no other finding names the service twice
    assertThat(r.findings()).noneMatch(f -> f.message().contains("chat_inference, chat_inference"));
  }

  @Test
  void capacityCountsTheServiceOnce() {
    List<VSwitchCapacity> alone = lint(false).capacity().orElseThrow().vSwitches();
    List<VSwitchCapacity> withFile = lint(true).capacity().orElseThrow().vSwitches();
    assertThat(withFile).extracting(VSwitchCapacity::vSwitchId)
        .containsExactlyElementsOf(alone.stream().map(VSwitchCapacity::vSwitchId).toList());
    for (int i = 0; i < alone.size(); i++) {
      assertThat(withFile.get(i).totalDemand()).as(alone.get(i).vSwitchId().value())
          .isEqualTo(alone.get(i).totalDemand());
    }
  }

  @Test
  void everyPointerOfEveryExampleResolvesInItsFile() throws Exception {
    // the family of item 2: every pointer into a snapshot's service carries its /services/N prefix; checked over
    // every example (each with internet egress and every database as intents, so that the path rules speak too)
    Path examples = Path.of("..", "examples");
    List<List<Path>> cases = new ArrayList<>();
    cases.add(List.of(examples.resolve("snapshot.json")));
    cases.add(List.of(examples.resolve("snapshot.json"), examples.resolve("service-vpc.json")));
    try (Stream<Path> files = Files.list(examples.resolve("mistakes"))) {
      for (Path p : files.filter(f -> !f.getFileName().toString().contains(".intents.")
          && !f.getFileName().toString().equals("estate.json")).sorted().toList()) {
        cases.add(List.of(examples.resolve("mistakes").resolve("estate.json"), p));
      }
    }
    int checked = 0;
    for (List<Path> c : cases) {
      Map<String, JsonNode> docs = new HashMap<>();
      for (Path p : c) {
        docs.put(p.getFileName().toString(), JSON.readTree(p.toFile()));
      }
      for (boolean intents : List.of(false, true)) {
        var snapshot = SnapshotJson.read(c.get(0));
        NetworkCheck.Builder b = NetworkCheck.builder().snapshot(snapshot, c.get(0).getFileName().toString());
        for (Path p : c.subList(1, c.size())) {
          ServiceInput.Builder s = ServiceInput.fromFile(p).sourceName(p.getFileName().toString());
          if (intents) {
            s.wantsInternetEgress(true);
            snapshot.inventory().rdsInstances().forEach(r -> s.addPrivateTarget(r.id().value()));
          }
          b.addService(s);
        }
        for (Finding f : b.build().run().findings()) {
          if (f.source().isEmpty() || f.pointer().isEmpty()) {
            continue;
          }
          JsonNode doc = docs.get(f.source().get());
          assertThat(doc).as(f.toString()).isNotNull();
          String first = f.pointer().split("/")[1];
          assertThat(doc.has(first)).as(c + ": " + f.ruleId() + " " + f.location()).isTrue();
          if (f.source().get().equals(c.get(0).getFileName().toString())) {
            // a pointer into the snapshot resolves up to at most its last key (a key the file does not write)
            String parent = f.pointer().substring(0, f.pointer().lastIndexOf('/'));
            assertThat(doc.at(parent).isMissingNode()).as(c + ": " + f.ruleId() + " " + f.location()).isFalse();
          }
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(10);
  }
}
