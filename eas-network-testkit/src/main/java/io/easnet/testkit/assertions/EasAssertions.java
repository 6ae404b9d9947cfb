package io.easnet.testkit.assertions;

import io.easnet.core.analysis.PathResult;
import io.easnet.core.model.Inventory;
import io.easnet.core.report.Report;
import io.easnet.testkit.FakeCloud;

/** Entry points of the testkit's assertions; import statically next to (or instead of) AssertJ's. */
public final class EasAssertions {
  private EasAssertions() {}

  /** Assertions on an inventory. */
  public static InventoryAssert assertThat(Inventory actual) {
    return new InventoryAssert(actual);
  }

  /** Assertions on a report: its findings, where they point, whether it blocks. */
  public static ReportAssert assertThat(Report actual) {
    return new ReportAssert(actual);
  }

  /** Assertions on the result of a path analysis: its verdict and its blockers. */
  public static PathResultAssert assertThat(PathResult actual) {
    return new PathResultAssert(actual);
  }

  /** Assertions on a fake cloud: its calls and its state. */
  public static FakeCloudAssert assertThat(FakeCloud actual) {
    return new FakeCloudAssert(actual);
  }
}
