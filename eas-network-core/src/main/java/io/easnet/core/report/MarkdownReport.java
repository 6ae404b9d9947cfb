package io.easnet.core.report;

import io.easnet.core.analysis.Assumption;
import io.easnet.core.analysis.Explanation;
import io.easnet.core.analysis.PathResult.Hop;
import io.easnet.core.analysis.PathResult.Hop.HopStatus;
import io.easnet.core.analysis.PathResult;
import io.easnet.core.analysis.CapacityReport.VSwitchCapacity;
import io.easnet.core.analysis.PathResult.VSwitchPath;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.Finding.Severity;
import java.util.Locale;

/**
 * Renders a {@link Report} as Markdown for pull requests: a summary table, the findings, and for each analysed path
 * a Mermaid {@code flowchart LR} of its hops per vSwitch with the blocked hops styled {@code :::blocked} (red) and
 * undetermined ones {@code :::unknown}, followed by every blocker and assumption. Text from the input is escaped for
 * Markdown and Mermaid; Mermaid node ids are sanitised to letters, digits and underscores.
 */
final class MarkdownReport {
  private MarkdownReport() {}

  /** The report as Markdown. */
  static String render(Report report) {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(text(report.toolName())).append(" report\n\n");
    sb.append(text(report.summaryLine())).append("\n\n");
    sb.append("| Severity | Findings |\n|---|---|\n");
    for (Severity s : Severity.values()) {
      sb.append("| ").append(s.name()).append(" | ").append(report.count(s)).append(" |\n");
    }
    if (!report.pathResults().isEmpty()) {
      sb.append("\n| Path | Verdict | Blockers |\n|---|---|---|\n");
      for (PathResult p : report.pathResults()) {
        sb.append("| ").append(cell(p.description())).append(" | ").append(Report.verdictText(p)).append(" | ")
            .append(cell(String.join(", ", p.codes().stream().map(Enum::name).toList()))).append(" |\n");
      }
    }
    if (!report.inputs().isEmpty()) {
      sb.append("\nInputs: ");
      sb.append(String.join(", ", report.inputs().stream().map(i -> "`" + code(i) + "`").toList()));
      sb.append("\n");
    }
    if (!report.findings().isEmpty()) {
      sb.append("\n## Findings\n");
      for (Finding f : report.findings()) {
        sb.append("\n### ").append(f.severity().name()).append(" [").append(f.ruleId()).append("](")
            .append(f.docUrl()).append(") ").append(text(f.summary())).append("\n\n");
        sb.append(text(f.message())).append("\n\n");
        sb.append("- Location: `").append(code(f.location())).append("`\n");
        f.didYouMean().ifPresent(d -> sb.append("- Did you mean `").append(code(d)).append("`?\n"));
        sb.append("- Fix: ").append(text(f.remediation())).append("\n");
      }
    }
    int pathNo = 0;
    if (!report.pathResults().isEmpty()) {
      sb.append("\n## Paths\n");
    }
    for (PathResult p : report.pathResults()) {
      sb.append("\n### ").append(text(p.description())).append(": ").append(Report.verdictText(p)).append("\n\n");
      sb.append("```mermaid\nflowchart LR\n");
      sb.append("  classDef blocked fill:#fdd,stroke:#c00\n");
      sb.append("  classDef unknown fill:#ffd,stroke:#aa0\n");
      int v = 0;
      for (VSwitchPath vp : p.vSwitchPaths()) {
        String prefix = "p" + pathNo + "_v" + v + "_";
        sb.append("  subgraph ").append(prefix).append("g[\"").append(mermaid(vp.vSwitchId().value() + ": "
            + vp.verdict())).append("\"]\n");
        String previous = null;
        int h = 0;
        for (Hop hop : vp.hops()) {
          String id = prefix + "h" + h + "_" + nodeId(hop.component());
          sb.append("    ").append(id).append("[\"").append(mermaidLabel(hop.label(), hop.detail().orElse(null)))
              .append("\"]");
          if (hop.status() == HopStatus.BLOCKED) {
            sb.append(":::blocked");
          } else if (hop.status() == HopStatus.UNKNOWN || hop.status() == HopStatus.PARTIAL) {
            sb.append(":::unknown");
          }
          sb.append('\n');
          if (previous != null) {
            sb.append("    ").append(previous).append(" --> ").append(id).append('\n');
          }
          previous = id;
          h++;
        }
        sb.append("  end\n");
        v++;
      }
      sb.append("```\n");
      if (!p.explanations().isEmpty()) {
        sb.append("\n| Code | Component | Actual | Expected | Fix |\n|---|---|---|---|---|\n");
        for (Explanation e : p.explanations()) {
          sb.append("| `").append(e.code()).append("` | ").append(cell(e.component().toString())).append(" | ")
              .append(cell(e.actual() + e.decidingRule().map(r -> " (decided by " + r.text() + ")").orElse("")))
              .append(" | ").append(cell(e.expected())).append(" | ").append(cell(e.fix())).append(" |\n");
        }
      }
      for (Assumption a : p.assumptions()) {
        sb.append("\n> Assumption: ").append(text(a.sentence())).append('\n');
      }
      pathNo++;
    }
    report.capacity().ifPresent(c -> {
      sb.append("\n## Capacity\n\n| vSwitch | CIDR | Demand | Free | Usable | Peak | Shortfall | Proposed |\n");
      sb.append("|---|---|---|---|---|---|---|---|\n");
      for (VSwitchCapacity x : c.vSwitches()) {
        sb.append("| ").append(x.vSwitchId()).append(" | ").append(x.cidr()).append(" | ").append(x.totalDemand())
            .append(" | ").append(x.free()).append(" | ").append(x.usable()).append(" | ")
            .append(String.format(Locale.ROOT, "%.0f %%", x.peakUtilisationPercent())).append(" | ")
            .append(x.shortfall()).append(" | ").append(x.proposedCidr().map(Object::toString).orElse(""))
            .append(" |\n");
      }
    });
    return sb.toString();
  }

  /** A Mermaid node id: letters, digits and underscores only. */
  static String nodeId(String s) {
    String id = s.replaceAll("[^A-Za-z0-9_]", "_");
    return id.isEmpty() ? "x" : id;
  }

  private static String mermaidLabel(String label, String detail) {
    return mermaid(label) + (detail == null ? "" : "<br/>" + mermaid(detail));
  }

  /** Text inside a quoted Mermaid label: quotes and angle brackets as entity codes. */
  static String mermaid(String s) {
    return s.replace("&", "#amp;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;")
        .replace("\n", " ");
  }

  /** Markdown body text: HTML-significant characters escaped, so input cannot inject markup. */
  static String text(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ");
  }

  /** A table cell: like {@link #text(String)}, and pipes escaped. */
  static String cell(String s) {
    return text(s).replace("|", "\\|");
  }

  /** Inline code: backticks cannot be escaped inside, so they become quotes. */
  static String code(String s) {
    return s.replace('`', '\'').replace("\n", " ");
  }
}
