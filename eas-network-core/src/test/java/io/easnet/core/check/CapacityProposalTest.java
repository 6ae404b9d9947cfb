package io.easnet.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.analysis.Explanation;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.analysis.CapacityReport.VSwitchCapacity;
import io.easnet.core.json.Snapshot;
import io.easnet.core.json.SnapshotJson;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.VSwitch;
import io.easnet.core.report.Report;
import io.easnet.core.rules.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 6: {@code examples/mistakes/vswitch-too-small.json} (a /28 for a service that scales out to 20). The
 * report makes ONE proposal, computed once in the analysis: a free block of the recommended /24 that no vSwitch
 * holds; EASNET-010, EASNET-025, the analysis's advice and its rule page all say the same, and none proposes
 * auxiliary vSwitches (they hold no instances, docs/semantics.md).
 */
class CapacityProposalTest {
  private static final Path MISTAKES = Path.of("..", "examples", "mistakes");

  @Test
  void oneProposalEverywhereAndNeverAuxiliaryVSwitches() throws Exception {
    Snapshot estate = SnapshotJson.read(MISTAKES.resolve("estate.json"));
    Report r = NetworkCheck.builder().snapshot(estate, "estate.json")
        .addService(ServiceInput.fromFile(MISTAKES.resolve("vswitch-too-small.json")).sourceName("tiny.json"))
        .build().run();
    VSwitchCapacity tiny = r.capacity().orElseThrow().vSwitches().stream().filter(VSwitchCapacity::isShort)
        .findFirst().orElseThrow();
    assertThat(tiny.isTooSmallToGrow()).isTrue();
    Cidr proposal = tiny.proposedCidr().orElseThrow();
    assertThat(proposal.prefixLength()).isEqualTo(VSwitchCapacity.RECOMMENDED_PREFIX);
    for (VSwitch v : estate.inventory().vSwitches()) {
      assertThat(v.cidrBlock().overlaps(proposal)).as(v.id().value()).isFalse();
    }
    Finding f010 = r.findings().stream().filter(f -> f.ruleId().equals("EASNET-010")).findFirst().orElseThrow();
    Finding f025 = r.findings().stream().filter(f -> f.ruleId().equals("EASNET-025")).findFirst().orElseThrow();
    String block = proposal.toString();
    assertThat(f010.remediation()).startsWith("create a vSwitch on the free block " + block);
    assertThat(f025.remediation()).startsWith("create a vSwitch on the free block " + block);
    Explanation advice = r.capacity().orElseThrow().explanations().stream()
        .filter(e -> e.code().name().equals("VSWITCH_IP_EXHAUSTED_AT_SCALE")).findFirst().orElseThrow();
    assertThat(advice.advice().orElseThrow()).contains(block);
    for (String fix : new String[] {f010.remediation(), f025.remediation(), advice.advice().orElseThrow()}) {
      assertThat(fix).doesNotContainIgnoringCase("add auxiliary").doesNotContain("/27").doesNotContain("/28");
    }
    assertThat(Files.readString(Path.of("..", "docs", "rules", "EASNET-010.md")))
        .doesNotContainIgnoringCase("add auxiliary vSwitches");
  }
}
