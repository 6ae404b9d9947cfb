package io.easnet.testkit.assertions;

import io.easnet.core.report.Report;
import io.easnet.core.rules.Finding;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link Report}.
 *
 * <pre>{@code
 * assertThat(report).hasFinding("EASNET-012").at("/cloud/networking/vswitch_id");
 * }</pre>
 */
public final class ReportAssert extends AbstractAssert<ReportAssert, Report> {
  ReportAssert(Report actual) {
    super(actual, ReportAssert.class);
  }

  /** The report holds at least one finding of this rule; continue with assertions on those findings. */
  public FindingsAssert hasFinding(String ruleId) {
    isNotNull();
    List<Finding> found = actual.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    if (found.isEmpty()) {
      failWithMessage("Expected a finding %s, but the report holds %s", ruleId, ids());
    }
    return new FindingsAssert(ruleId, found);
  }

  /** The report holds no finding of this rule. */
  public ReportAssert hasNoFinding(String ruleId) {
    isNotNull();
    List<Finding> found = actual.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    if (!found.isEmpty()) {
      failWithMessage("Expected no finding %s, but found:%n  %s", ruleId,
          String.join(System.lineSeparator() + "  ", found.stream().map(Finding::headline).toList()));
    }
    return this;
  }

  /** The report has a blocking finding (the CLI would exit 1). */
  public ReportAssert isBlocking() {
    isNotNull();
    if (!actual.isBlocking()) {
      failWithMessage("Expected a blocking report, but it is not: %s", actual.summaryLine());
    }
    return this;
  }

  /** The report has no blocking finding. */
  public ReportAssert isNotBlocking() {
    isNotNull();
    if (actual.isBlocking()) {
      failWithMessage("Expected a report without blocking findings, but: %s; findings %s", actual.summaryLine(),
          ids());
    }
    return this;
  }

  private List<String> ids() {
    return actual.findings().stream().map(f -> f.ruleId() + " at " + f.pointer()).toList();
  }
}
