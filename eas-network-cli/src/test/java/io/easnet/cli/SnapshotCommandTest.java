package io.easnet.cli;

import static io.easnet.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.json.Snapshot;
import io.easnet.core.json.SnapshotJson;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotCommandTest {
  @Test
  void capturesOneVpcThroughThePortAndTheLoader(@TempDir Path dir) {
    Path out = dir.resolve("captured.json");
    Cli.Result r = Cli.run("snapshot", "--replay", example("mistakes/estate.json"), "--vpc",
        "vpc-bp1stgz3x6c9v2b5n8m4l", "--output", out.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    Snapshot s = SnapshotJson.read(out);
    assertThat(s.inventory().vpcs()).extracting(v -> v.id().toString()).containsExactly("vpc-bp1stgz3x6c9v2b5n8m4l");
    assertThat(s.inventory().vSwitches()).extracting(v -> v.id().toString())
        .containsExactly("vsw-bp1stgh7j0m3p6s9v2y5");
    assertThat(s.inventory().natGateways()).extracting(n -> n.id().toString())
        .containsExactly("ngw-bp1stgnoeip2f5i8l1o4");
    assertThat(r.err()).contains("wrote").doesNotContain("[1]");
  }

  @Test
  void withoutAVpcTheWholeRegionIsCapturedAndProgressShowsOnATerminal() {
    Cli.Result r = Cli.run(() -> true, Map.of(), "snapshot", "--replay", example("snapshot.json"));
    assertThat(r.code()).as(r.toString()).isZero();
    Snapshot s = SnapshotJson.parse(r.out(), "stdout");
    assertThat(s.inventory().vSwitches()).hasSize(2);
    assertThat(r.err()).contains("[1] ");
  }

  @Test
  void withoutAVpcEveryVpcOfTheRegionIsCaptured(@TempDir Path dir) {
    Path out = dir.resolve("region.json");
    Cli.Result r = Cli.run("snapshot", "--replay", example("mistakes/estate.json"), "-o", out.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    Snapshot whole = SnapshotJson.read(Path.of(example("mistakes/estate.json")));
    Snapshot captured = SnapshotJson.read(out);
    assertThat(captured.inventory().vpcs()).hasSize(3)
        .containsExactlyInAnyOrderElementsOf(whole.inventory().vpcs());
    assertThat(captured.inventory().vSwitches()).containsExactlyInAnyOrderElementsOf(whole.inventory().vSwitches());
    assertThat(captured.inventory().securityGroups())
        .containsExactlyInAnyOrderElementsOf(whole.inventory().securityGroups());
    assertThat(captured.inventory().natGateways()).containsExactlyInAnyOrderElementsOf(whole.inventory().natGateways());
    assertThat(r.err()).contains("(3 VPCs, ");
  }

  @Test
  void oneSourceIsNeededAndLiveWithoutCredentialsFailsClearly() {
    assertThat(Cli.run("snapshot").code()).isEqualTo(2);
    Cli.Result live = Cli.run(Terminal.none(), Cli.NO_CREDENTIALS, "snapshot", "--live", "--region",
        "cn-hangzhou", "--vpc", "vpc-bp1kjr3rfyhx01q8z2m5n");
    assertThat(live.code()).as(live.toString()).isEqualTo(2);
    assertThat(live.err()).contains("no credentials found: set ALIBABA_CLOUD_ACCESS_KEY_ID").doesNotContain("\tat ");
  }
}
