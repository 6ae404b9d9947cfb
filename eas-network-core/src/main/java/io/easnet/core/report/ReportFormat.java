package io.easnet.core.report;

import java.util.Locale;

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
