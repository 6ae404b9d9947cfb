package io.easnet.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A slice of the {@link FaultCampaign} in every build: 20 seeds by default ({@code -Dcampaign.seeds=200} and
 * {@code -Dcampaign.first=N} for more, as {@code scripts/fault-campaign} does). Every seed ends in the fault-free
 * estate with one apply run (after a crash, when it crashed), under at least 30 % injected faults over all; every
 * region snapshot under faults is identical to the fault-free one or failed loudly. The per-seed lines and totals
 * are written to {@code target/fault-campaign.txt}.
 */
class FaultCampaignTest {
  @Test
  void seededAppliesUnderFaultsAndCrashesEndInTheFaultFreeStateWithOneRun() throws Exception {
    int seeds = Integer.getInteger("campaign.seeds", 20);
    long first = Long.getLong("campaign.first", 1L);
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(lines, true, StandardCharsets.UTF_8);

    List<FaultCampaign.Outcome> all = FaultCampaign.campaign(first, seeds, out);

    String report = lines.toString(StandardCharsets.UTF_8);
    Path target = Path.of("target");
    if (Files.isDirectory(target)) {
      Files.writeString(target.resolve("fault-campaign.txt"), report);
    }
    System.out.print(report.lines().reduce((a, b) -> b).orElse("") + System.lineSeparator());
    assertThat(all).hasSize(seeds);
    assertThat(all).as(report).allSatisfy(o -> assertThat(o.endedRight()).as("seed %d: %s", o.seed(), o.problem())
        .isTrue());
    assertThat(all).allSatisfy(o -> assertThat(o.snapshotIdentical() || o.snapshotFailedLoudly()).isTrue());
    long requests = all.stream().mapToLong(FaultCampaign.Outcome::requests).sum();
    long faults = all.stream().mapToLong(FaultCampaign.Outcome::faults).sum();
    assertThat((double) faults / requests).as("share of injected faults").isGreaterThanOrEqualTo(0.30);
    assertThat(all).anyMatch(FaultCampaign.Outcome::crashed).anyMatch(o -> !o.crashed());
    assertThat(all.stream().mapToLong(FaultCampaign.Outcome::wireFaults).sum()).isPositive();
  }
}
