package io.easnet.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.model.Inventory;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The budget harness works: each budget prints one well-formed row (a positive, finite ratio and a verdict) on a tiny
 * run. Nothing is timed here; {@code ./bench} prints the real table (BENCHMARKS.md).
 */
class BudgetsTest {
  @Test
  void theAdapterAndSnapshotBudgetsEachPrintOneWellFormedRow() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Budgets b = new Budgets(true, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(OutputStream.nullOutputStream()));
    b.adapter(20, 1, 20);
    b.snapshot(new EstateGenerator.Size(20, 10, 20, 4));
    List<String[]> rows = out.toString(StandardCharsets.UTF_8).lines().map(l -> l.split("\t")).toList();
    assertThat(rows).hasSize(2);
    assertThat(rows).extracting(r -> r[0]).containsExactly("5", "6");
    for (String[] r : rows) {
      assertThat(r).hasSize(8);
      double ratio = Double.parseDouble(r[4]);
      assertThat(ratio).isPositive().isFinite();
      assertThat(r[6]).isIn("PASS", "FAIL");
    }
    // the snapshot row names what bounds it: a per-API rate limit of the adapter's defaults
    assertThat(rows.get(1)[7]).contains("bound by ecs:").contains("10 per PT1S");
  }

  @Test
  void theDoctorQuestionsAskForThePortCallsOfTheMinimalSets(@TempDir Path dir) throws Exception {
    EstateGenerator.Estate estate = EstateGenerator.generate(EstateGenerator.Size.proportional(200), 7);
    Inventory inv = estate.inventory();
    List<Budgets.Question> qs = Budgets.doctorQuestions(inv, estate.services(), dir);
    assertThat(qs).extracting(Budgets.Question::name)
        .containsExactly("private path (rds)", "internet path", "client path (ecs)");
    // every question reads the service's vSwitch and group; the internet one the NAT's SNAT entries and EIPs
    qs.forEach(q -> assertThat(q.minimalCalls()).contains("vpc:DescribeVSwitches",
        "ecs:DescribeSecurityGroupAttribute"));
    assertThat(qs.get(1).minimalCalls()).contains("vpc:DescribeSnatTableEntries", "vpc:DescribeEipAddresses")
        .doesNotContain("vpc:DescribeVpcs");
    assertThat(qs.get(0).minimalCalls()).contains("rds:DescribeDBInstanceAttribute");
    assertThat(qs.get(2).minimalCalls()).contains("ecs:DescribeInstances");
    assertThat(qs).allSatisfy(q -> assertThat(q.rounds()).isBetween(1, 2));
    assertThat(dir.resolve("service.json")).exists();
  }
}
