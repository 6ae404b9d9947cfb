package io.easnet.core.report;

import io.easnet.core.analysis.CapacityReport;
import io.easnet.core.analysis.PathResult;
import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.json.SourcePositions;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleCatalog;
import io.easnet.core.rules.Finding.Severity;
import io.easnet.core.rules.Suppressions.SuppressedFinding;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;
import java.util.Locale;
import io.easnet.core.internal.Consoles;

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

  /** The report formats, by name, for command-line options such as {@code --format sarif}. */
  public enum ReportFormat {
    /** Human-readable text without colour (a {@code TextReport}). */
    TEXT("txt"),
    /** JSON with stable field names (a {@code JsonReport}). */
    JSON("json"),
    /** SARIF 2.1.0 (a {@code SarifReport}). */
    SARIF("sarif"),
    /** JUnit XML (a {@code JunitXmlReport}). */
    JUNIT("xml"),
    /** Markdown with Mermaid path diagrams (a {@code MarkdownReport}). */
    MARKDOWN("md"),
    /**
     * One self-contained HTML page (an {@code HtmlReport}): summary, each path as an SVG diagram with the blocked hops
     * and their fixes, the findings table and a capacity bar per vSwitch; no script and nothing fetched.
     */
    HTML("html");

    private final String extension;

    ReportFormat(String extension) {
      this.extension = extension;
    }

    /** The usual file extension, without the dot. */
    public String extension() {
      return extension;
    }

    /** Renders {@code report} in this format (text without colour). */
    public String render(Report report) {
      return switch (this) {
        case TEXT -> TextReport.render(report);
        case JSON -> JsonReport.render(report);
        case SARIF -> SarifReport.render(report);
        case JUNIT -> JunitXmlReport.render(report);
        case MARKDOWN -> MarkdownReport.render(report);
        case HTML -> HtmlReport.render(report);
      };
    }

    /**
     * Renders {@code report} in this format; {@code options} shape the text format (colour), the other formats have
     * no options and render as {@link #render(Report)} does.
     */
    public String render(Report report, TextReportOptions options) {
      java.util.Objects.requireNonNull(options, "options");
      return this == TEXT ? TextReport.render(report, options) : render(report);
    }

    /**
     * The format of a name, case-insensitively: {@code text}, {@code json}, {@code sarif}, {@code junit},
     * {@code markdown} (or {@code md}), {@code html}.
     *
     * @throws IllegalArgumentException naming the accepted names
     */
    public static ReportFormat parse(String name) {
      String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
      if (n.equals("MD")) {
        return MARKDOWN;
      }
      for (ReportFormat f : values()) {
        if (f.name().equals(n)) {
          return f;
        }
      }
      throw new IllegalArgumentException("\"" + name + "\" is not a report format: use text, json, sarif, junit,"
          + " markdown or html");
    }
  }

  /**
   * Options of the text format ({@link ReportFormat#TEXT}): ANSI colour only when asked for. Immutable; {@link #defaults()} has colour off, and
   * {@link #forTerminal()} turns it on only when standard output is a terminal and the environment does not opt out
   * ({@code NO_COLOR}, {@code TERM=dumb}).
   */
  public static final class TextReportOptions {
    private static final TextReportOptions DEFAULTS = new TextReportOptions(false);

    private final boolean color;

    private TextReportOptions(boolean color) {
      this.color = color;
    }

    /** Colour off. */
    public static TextReportOptions defaults() {
      return DEFAULTS;
    }

    /**
     * Colour when this JVM writes to a terminal ({@code System.console()} is present), {@code NO_COLOR} is not set
     * (see no-color.org) and {@code TERM} is not {@code dumb}.
     */
    public static TextReportOptions forTerminal() {
      return forTerminal(Consoles.isTerminal(), System.getenv());
    }

    /**
     * As {@link #forTerminal()}, with the facts given: colour when {@code terminal} is true, {@code env} has no
     * non-empty {@code NO_COLOR} and its {@code TERM} is not {@code dumb}.
     */
    public static TextReportOptions forTerminal(boolean terminal, java.util.Map<String, String> env) {
      String noColor = env.get("NO_COLOR");
      boolean optedOut = noColor != null && !noColor.isEmpty();
      boolean dumb = "dumb".equals(env.get("TERM"));
      return DEFAULTS.color(terminal && !optedOut && !dumb);
    }

    /** A copy with colour on or off. */
    public TextReportOptions color(boolean on) {
      return new TextReportOptions(on);
    }

    /** True when ANSI colour codes are written. */
    public boolean color() {
      return color;
    }

    @Override
    public String toString() {
      return "TextReportOptions{color=" + color + "}";
    }
  }
}
