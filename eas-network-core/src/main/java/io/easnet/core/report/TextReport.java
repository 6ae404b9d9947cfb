package io.easnet.core.report;

import io.easnet.core.report.Report.TextReportOptions;
import io.easnet.core.analysis.Assumption;
import io.easnet.core.analysis.CapacityReport;
import io.easnet.core.analysis.Explanation;
import io.easnet.core.analysis.PathResult;
import io.easnet.core.analysis.CapacityReport.VSwitchCapacity;
import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.Finding.Severity;
import java.util.Locale;

/** Renders a {@link Report} for people: findings in Error Prone style, then paths and capacity. */
final class TextReport {
  private static final String RESET = "\u001B[0m";
  private static final String RED = "\u001B[31m";
  private static final String YELLOW = "\u001B[33m";
  private static final String CYAN = "\u001B[36m";
  private static final String GREEN = "\u001B[32m";
  private static final String BOLD = "\u001B[1m";

  private TextReport() {}

  /** Without colour. */
  static String render(Report report) {
    return render(report, TextReportOptions.defaults());
  }

  /** With the given options. */
  static String render(Report report, TextReportOptions options) {
    boolean c = options.color();
    StringBuilder sb = new StringBuilder();
    sb.append(paint(c, BOLD, report.toolName() + " " + report.toolVersion())).append(": ")
        .append(report.summaryLine()).append('\n');
    for (Finding f : report.findings()) {
      sb.append('\n');
      String text = f.render();
      int nl = text.indexOf('\n');
      sb.append(paint(c, color(f.severity()), f.severity().label() + ": " + text.substring(0, nl)))
          .append(text.substring(nl)).append('\n');
    }
    if (!report.pathResults().isEmpty()) {
      sb.append("\nPaths\n");
      for (PathResult p : report.pathResults()) {
        sb.append("  ").append(p.description()).append(": ")
            .append(paint(c, p.verdict() == Verdict.REACHABLE ? GREEN : RED, Report.verdictText(p))).append('\n');
        for (Explanation e : p.explanations()) {
          sb.append("    ").append(e.code()).append(" on ").append(e.component()).append(": ").append(e.actual())
              .append('\n');
          e.decidingRule().ifPresent(r -> sb.append("      decided by ").append(r.text()).append('\n'));
          sb.append("      expected: ").append(e.expected()).append('\n');
          sb.append("      fix: ").append(e.fix()).append('\n');
        }
        for (Assumption a : p.assumptions()) {
          sb.append("    assumption: ").append(a.sentence()).append('\n');
        }
      }
    }
    if (report.capacity().isPresent()) {
      CapacityReport cap = report.capacity().get();
      sb.append("\nCapacity\n");
      for (VSwitchCapacity v : cap.vSwitches()) {
        sb.append("  ").append(v.vSwitchId()).append(" (").append(v.cidr()).append("): ")
            .append(v.totalDemand()).append(" needed, ").append(v.free()).append(" free of ").append(v.usable())
            .append(" usable, ").append(String.format(Locale.ROOT, "%.0f", v.peakUtilisationPercent()))
            .append(" % at peak");
        if (v.isShort()) {
          sb.append(paint(c, RED, ", short by " + v.shortfall()));
          v.proposedCidr().ifPresent(p -> sb.append("; free block for a new vSwitch: ").append(p));
        }
        sb.append('\n');
      }
      for (Assumption a : cap.assumptions()) {
        sb.append("  assumption: ").append(a.sentence()).append('\n');
      }
    }
    return sb.toString();
  }

  private static String color(Severity s) {
    return switch (s) {
      case ERROR -> RED;
      case WARNING -> YELLOW;
      case INFO -> CYAN;
    };
  }

  private static String paint(boolean on, String code, String text) {
    return on ? code + text + RESET : text;
  }
}
