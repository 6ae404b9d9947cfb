package io.easnet.core.report;

import io.easnet.core.analysis.CapacityReport;
import io.easnet.core.analysis.PathResult;
import io.easnet.core.analysis.Verdict;
import io.easnet.core.json.SourcePositions;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleCatalog;
import io.easnet.core.rules.Severity;
import io.easnet.core.rules.SuppressedFinding;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What one analysis produced: rule findings, analysed paths, the capacity plan, and metadata (tool name and
 * version, the input files). Render it with {@link ReportFormat} or one of the renderers.
 *
 * <pre>{@code
 * Report report = Report.builder().addInput("service.json").addAllFindings(findings).addPathResult(path).build();
 * String sarif = ReportFormat.SARIF.render(report);
 * }</pre>
 */
@Value.Immutable
public abstract class Report {
  /** The tool name used when none is set. */
  public static final String TOOL_NAME = "eas-network";
  /** The project's home page, used as SARIF {@code informationUri}. */
  public static final String TOOL_URI = "https://github.com/easnet/eas-network";

  Report() {}

  /** The tool name, {@value #TOOL_NAME} by default. */
  @Value.Default
  public String toolName() {
    return TOOL_NAME;
  }

  /** The tool version: the jar's implementation version, or {@code development} when run from classes. */
  @Value.Default
  public String toolVersion() {
    return Optional.ofNullable(Report.class.getPackage().getImplementationVersion()).orElse("development");
  }

  /** The input files (service JSON, snapshot, suppressions), as given. */
  public abstract List<String> inputs();

  /** The findings, in the order given (the catalogue returns them sorted). */
  public abstract List<Finding> findings();

  /** The analysed paths. */
  public abstract List<PathResult> pathResults();

  /**
   * The findings a suppression covered: not in {@link #findings()}, never blocking, but listed by SARIF with a
   * {@code suppressions} entry (kind {@code external}, the entry's reason as justification).
   */
  public abstract List<SuppressedFinding> suppressed();

  /**
   * Where the JSON pointers of each input file sit, by source name as findings carry it ({@link Finding#source()}):
   * SARIF turns them into line and column regions. Not part of equality.
   */
  @Value.Auxiliary
  public abstract Map<String, SourcePositions> positions();

  /** The capacity plan, when one was made. */
  public abstract Optional<CapacityReport> capacity();

  /** The catalogue whose rules the findings come from (for SARIF rule metadata). */
  @Value.Default
  @Value.Auxiliary
  public RuleCatalog catalog() {
    return RuleCatalog.standard();
  }

  /** The number of findings of a severity. */
  public final long count(Severity severity) {
    return findings().stream().filter(f -> f.severity() == severity).count();
  }

  /** True when a finding is an error or a path is not reachable: the CLI then exits 1. */
  public final boolean isBlocking() {
    return count(Severity.ERROR) > 0
        || pathResults().stream().anyMatch(p -> p.verdict() != Verdict.REACHABLE && !p.isKnownAfterApply())
        || capacity().map(CapacityReport::hasShortfall).orElse(false);
  }

  /**
   * One line: {@code 2 errors, 1 warning, 0 notes; 1 of 2 paths not reachable}; a path undetermined only because a
   * Terraform plan leaves a fact unknown is counted apart ({@code ; 1 known after apply}), never as not reachable.
   */
  public final String summaryLine() {
    long blocked = pathResults().stream().filter(p -> p.verdict() != Verdict.REACHABLE && !p.isKnownAfterApply())
        .count();
    long afterApply = pathResults().stream().filter(PathResult::isKnownAfterApply).count();
    String s = plural(count(Severity.ERROR), "error") + ", " + plural(count(Severity.WARNING), "warning") + ", "
        + plural(count(Severity.INFO), "note");
    if (!pathResults().isEmpty()) {
      s += "; " + blocked + " of " + plural(pathResults().size(), "path") + " not reachable";
    }
    if (afterApply > 0) {
      s += "; " + afterApply + " known after apply";
    }
    return s;
  }

  /** The verdict as every format prints it: {@code UNDETERMINED (known after apply)} when a plan leaves it open. */
  static String verdictText(PathResult p) {
    return p.verdict().name() + (p.isKnownAfterApply() ? " (known after apply)" : "");
  }

  static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Report}. */
  public static final class Builder extends ImmutableReport.Builder {
    Builder() {}
  }
}
