package io.easnet.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.InvalidInputException;
import io.easnet.core.analysis.EstateAnalysis.AnalysisInput;
import io.easnet.core.analysis.PathResult;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.json.ServiceDocument;
import io.easnet.core.json.SnapshotJson;
import io.easnet.core.report.Report;
import io.easnet.core.report.Report.ReportFormat;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleCatalog;
import io.easnet.core.rules.Suppressions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one call for the common journey: files in, one report out, computed by the same engine as the catalogue. */
class NetworkCheckTest {
  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final String RDS = "rm-bp1x7y2z9a4b6c8d3e5f";

  @Test
  void filesInOneReportOutWithFindingsEveryPathAndCapacity() {
    Path snapshot = EXAMPLES.resolve("snapshot.json");
    Path service = EXAMPLES.resolve("service-vpc.json");
    // README: network-check
    Report report = NetworkCheck.builder()
        .snapshot(snapshot)
        .addService(ServiceInput.fromFile(service).wantsInternetEgress(true).addPrivateTarget(RDS))
        .build()
        .run();
    String text = ReportFormat.TEXT.render(report);
    boolean gate = report.isBlocking();
    // end
    // named relative to the working directory (the module), not by the bare file name
    assertThat(report.inputs()).containsExactly("../examples/service-vpc.json", "../examples/snapshot.json");
    assertThat(report.pathResults()).extracting(p -> p.intent().describe())
        .containsExactly("reach RDS " + RDS, "reach the internet on tcp 443");
    assertThat(report.pathResults()).extracting(PathResult::serviceName).containsOnly("chat_inference");
    assertThat(report.capacity()).isPresent();
    assertThat(report.capacity().get().vSwitches()).isNotEmpty();
    assertThat(text).contains("chat_inference");
    assertThat(gate).isEqualTo(report.findings().stream().anyMatch(f -> f.severity().name().equals("ERROR")));
  }

  @Test
  void theReportHoldsExactlyTheFindingsOfTheCatalogueOverTheSameInput() {
    Path snapshot = EXAMPLES.resolve("snapshot.json");
    ServiceInput chat = ServiceInput.fromFile(EXAMPLES.resolve("service-vpc.json")).addPrivateTarget(RDS).build();
    Report report = NetworkCheck.builder().snapshot(snapshot).addService(chat).build().run();
    // the snapshot's services under /services/N, but not the deployed copy of the file's service: the file wins
    List<ServiceDocument> held = SnapshotJson.read(snapshot).services();
    List<ServiceInput> fromSnapshot = new ArrayList<>();
    String copy = null;
    for (int i = 0; i < held.size(); i++) {
      if (held.get(i).spec().name().equals(chat.name())) {
        copy = "../examples/snapshot.json:/services/" + i;
      } else {
        fromSnapshot.add(ServiceInput.builder().spec(held.get(i).spec()).sourceName("../examples/snapshot.json")
            .pointerBase("/services/" + i).build());
      }
    }
    assertThat(copy).isNotNull();
    AnalysisInput same = AnalysisInput.builder().inventory(SnapshotJson.read(snapshot).inventory())
        .inventorySource("../examples/snapshot.json").addAllServices(fromSnapshot)
        .addService(ServiceInput.builder().from(chat).replacesDeployedCopy(copy).build()).build();
    assertThat(report.findings()).extracting(Finding::fingerprint)
        .containsExactlyElementsOf(RuleCatalog.standard().run(same).stream().map(Finding::fingerprint).toList());
  }

  @Test
  void theClockDecidesWhichSuppressionsHaveExpired(@TempDir Path dir) throws Exception {
    Path suppressions = dir.resolve("suppressions.json");
    Files.writeString(suppressions, "{\"suppressions\":[{\"id\":\"EASNET-031\",\"scope\":\"*\",\"reason\":\"r\","
        + "\"expires\":\"2026-06-30\"}]}");
    NetworkCheck.Builder check = NetworkCheck.builder().snapshot(EXAMPLES.resolve("snapshot.json"))
        .suppressions(suppressions);
    Clock before = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
    Clock after = Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC);
    assertThat(check.clock(before).build().run().findings()).extracting(Finding::ruleId).doesNotContain("EASNET-900");
    assertThat(check.clock(after).build().run().findings()).extracting(Finding::ruleId).contains("EASNET-900");
    assertThat(check.build().run().inputs()).anyMatch(n -> n.endsWith("/suppressions.json"));
  }

  @Test
  void withoutAnEstateTheBuilderSaysWhatIsMissing() {
    assertThatThrownBy(() -> NetworkCheck.builder().addServiceFile(EXAMPLES.resolve("service-vpc.json")).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("call snapshot(Path)");
  }

  @Test
  void aBadServiceFileIsAnInputErrorNamingTheFile(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("broken.json");
    Files.writeString(bad, "{\"metadata\": {\"name\": 3}");
    assertThatThrownBy(() -> NetworkCheck.builder().addServiceFile(bad))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("broken.json");
  }

  @Test
  void suppressionsBuiltInCodeApplyToo() {
    Report report = NetworkCheck.builder().snapshot(EXAMPLES.resolve("snapshot.json"))
        .suppressions(Suppressions.none()).build().run();
    assertThat(report.findings()).extracting(Finding::ruleId).doesNotContain("EASNET-900", "EASNET-901");
  }
}
