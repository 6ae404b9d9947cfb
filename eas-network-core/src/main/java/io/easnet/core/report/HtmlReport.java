package io.easnet.core.report;

import io.easnet.core.analysis.Assumption;
import io.easnet.core.analysis.Explanation;
import io.easnet.core.analysis.PathResult.Hop;
import io.easnet.core.analysis.PathResult.Hop.HopStatus;
import io.easnet.core.analysis.PathResult;
import io.easnet.core.analysis.CapacityReport.VSwitchCapacity;
import io.easnet.core.analysis.PathResult.VSwitchPath;
import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.Finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link Report} as one self-contained HTML page: no script, no external style sheet, font or image, and a
 * Content-Security-Policy that forbids fetching anything. It holds a summary, each analysed path drawn per vSwitch as
 * an inline SVG diagram of its hops (EAS vSwitch → security group → NAT, SNAT and route or the target's allowlist →
 * target) with blocked hops marked and their fixes beside the diagram, the findings table, and the capacity of each
 * vSwitch as a bar. Every piece of text from the input is escaped for HTML.
 */
final class HtmlReport {
  private static final int BOX_W = 180;
  private static final int BOX_H = 58;
  private static final int GAP = 36;
  private static final int BAR_W = 420;

  private HtmlReport() {}

  /** The report as an HTML document. */
  static String render(Report report) {
    StringBuilder sb = new StringBuilder(8192);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    sb.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src"
        + " 'unsafe-inline'; img-src data:\">\n");
    sb.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    sb.append("<title>").append(esc(report.toolName())).append(" report</title>\n");
    sb.append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    sb.append("<h1>").append(esc(report.toolName())).append(" report</h1>\n");
    sb.append("<p class=\"summary ").append(report.isBlocking() ? "bad" : "good").append("\" id=\"summary\">")
        .append(esc(report.summaryLine())).append("</p>\n");
    sb.append("<table class=\"counts\"><tr>");
    for (Severity s : Severity.values()) {
      sb.append("<th>").append(esc(s.name())).append("</th>");
    }
    sb.append("<th>paths blocked</th></tr>\n<tr>");
    for (Severity s : Severity.values()) {
      sb.append("<td>").append(report.count(s)).append("</td>");
    }
    long blocked = report.pathResults().stream().filter(p -> p.verdict() != Verdict.REACHABLE).count();
    sb.append("<td>").append(blocked).append(" of ").append(report.pathResults().size()).append("</td></tr>"
        + "</table>\n");
    if (!report.inputs().isEmpty()) {
      sb.append("<p class=\"inputs\">Inputs: ");
      sb.append(String.join(", ", report.inputs().stream().map(i -> "<code>" + esc(i) + "</code>").toList()));
      sb.append("</p>\n");
    }
    paths(sb, report);
    findings(sb, report);
    capacity(sb, report);
    sb.append("<footer>").append(esc(report.toolName())).append(' ').append(esc(report.toolVersion()))
        .append("</footer>\n</body>\n</html>\n");
    return sb.toString();
  }

  private static void paths(StringBuilder sb, Report report) {
    if (report.pathResults().isEmpty()) {
      return;
    }
    sb.append("<h2>Paths</h2>\n");
    int n = 0;
    for (PathResult p : report.pathResults()) {
      sb.append("<section class=\"path ").append(cls(p.verdict())).append("\" id=\"path-").append(n)
          .append("\">\n<h3>").append(esc(p.description())).append(" <span class=\"verdict ")
          .append(cls(p.verdict())).append("\">").append(esc(p.verdict().name())).append("</span></h3>\n");
      for (VSwitchPath vp : p.vSwitchPaths()) {
        sb.append("<div class=\"hops\">\n<div class=\"diagram\"><div class=\"vsw\">vSwitch <code>")
            .append(esc(vp.vSwitchId().value())).append("</code>: ").append(esc(vp.verdict().name()))
            .append("</div>\n");
        svg(sb, vp);
        sb.append("</div>\n");
        fixes(sb, vp.explanations());
        sb.append("</div>\n");
      }
      if (p.vSwitchPaths().isEmpty()) {
        fixes(sb, p.explanations());
      }
      if (!p.assumptions().isEmpty()) {
        sb.append("<ul class=\"assumptions\">\n");
        for (Assumption a : p.assumptions()) {
          sb.append("<li>Assumption: ").append(esc(a.sentence())).append("</li>\n");
        }
        sb.append("</ul>\n");
      }
      sb.append("</section>\n");
      n++;
    }
  }

  /**
   * The hops of one vSwitch's path, left to right, with arrows; blocked hops red and named by the codes of the
   * explanations on their component (an explanation on no failing hop's component goes to the first blocked hop).
   */
  private static void svg(StringBuilder sb, VSwitchPath vp) {
    List<Hop> hops = vp.hops();
    int width = Math.max(1, hops.size()) * (BOX_W + GAP) - GAP + 20;
    int height = BOX_H + 44;
    sb.append("<svg class=\"path-diagram\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
        .append(height).append("\" role=\"img\" aria-label=\"").append(esc(hops.stream().map(Hop::label)
            .reduce((a, b) -> a + " → " + b).orElse(""))).append("\">\n");
    sb.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\""
        + " markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>\n");
    int firstBlockedIndex = -1;
    for (int i = 0; i < hops.size() && firstBlockedIndex < 0; i++) {
      firstBlockedIndex = hops.get(i).status() == HopStatus.BLOCKED ? i : -1;
    }
    for (int i = 0; i < hops.size(); i++) {
      Hop h = hops.get(i);
      int x = 10 + i * (BOX_W + GAP);
      int y = 10;
      String status = h.status().name().toLowerCase(Locale.ROOT);
      sb.append("<g class=\"hop ").append(status).append("\" data-status=\"").append(h.status().name())
          .append("\" data-component=\"").append(esc(h.component())).append("\">");
      sb.append("<title>").append(esc(h.label() + h.detail().map(d -> ": " + d).orElse(""))).append("</title>");
      sb.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(BOX_W)
          .append("\" height=\"").append(BOX_H).append("\" rx=\"6\"/>");
      sb.append("<text x=\"").append(x + 8).append("\" y=\"").append(y + 20).append("\" class=\"label\">")
          .append(esc(clip(h.label(), 24))).append("</text>");
      h.detail().ifPresent(d -> sb.append("<text x=\"").append(x + 8).append("\" y=\"").append(y + 38)
          .append("\" class=\"detail\">").append(esc(clip(d, 28))).append("</text>"));
      if (h.status() != HopStatus.PASS) {
        List<String> codes = new ArrayList<>();
        boolean firstBlocked = i == firstBlockedIndex;
        for (Explanation e : vp.explanations()) {
          boolean mine = on(e, h) || firstBlocked
              && hops.stream().noneMatch(o -> o.status() != HopStatus.PASS && on(e, o));
          if (mine && !codes.contains(e.code().name())) {
            codes.add(e.code().name());
          }
        }
        String mark = h.status() == HopStatus.BLOCKED ? "✗ blocked" : "? " + status;
        sb.append("<text x=\"").append(x + 8).append("\" y=\"").append(y + 52).append("\" class=\"mark\">")
            .append(esc(mark)).append("</text>");
        if (!codes.isEmpty()) {
          sb.append("<text x=\"").append(x).append("\" y=\"").append(y + BOX_H + 18).append("\" class=\"code\">")
              .append(esc(clip(String.join(", ", codes), 30))).append("</text>");
        }
      }
      sb.append("</g>\n");
      if (i + 1 < hops.size()) {
        int x1 = x + BOX_W;
        int ym = y + BOX_H / 2;
        sb.append("<line class=\"arrow\" x1=\"").append(x1 + 2).append("\" y1=\"").append(ym).append("\" x2=\"")
            .append(x1 + GAP - 4).append("\" y2=\"").append(ym).append("\" marker-end=\"url(#arrow)\"/>\n");
      }
    }
    sb.append("</svg>\n");
  }

  /** True when the explanation sits on the hop's component. */
  private static boolean on(Explanation e, Hop h) {
    return e.component().id().equals(h.component()) || e.component().toString().equals(h.component());
  }

  private static void fixes(StringBuilder sb, List<Explanation> explanations) {
    if (explanations.isEmpty()) {
      return;
    }
    sb.append("<ol class=\"fixes\">\n");
    for (Explanation e : explanations) {
      sb.append("<li class=\"blocker\" data-code=\"").append(esc(e.code().name())).append("\"><code>")
          .append(esc(e.code().name())).append("</code> on <code>").append(esc(e.component().toString()))
          .append("</code>: ").append(esc(e.actual()));
      e.decidingRule().ifPresent(r -> sb.append(" (decided by ").append(esc(r.text())).append(')'));
      sb.append("<br><span class=\"expected\">Expected: ").append(esc(e.expected())).append("</span>");
      sb.append("<br><span class=\"fix\">Fix: ").append(esc(e.fix())).append("</span></li>\n");
    }
    sb.append("</ol>\n");
  }

  private static void findings(StringBuilder sb, Report report) {
    sb.append("<h2>Findings</h2>\n");
    if (report.findings().isEmpty()) {
      sb.append("<p class=\"none\">No findings.</p>\n");
      return;
    }
    sb.append("<table class=\"findings\">\n<thead><tr><th>Severity</th><th>Rule</th><th>Finding</th>"
        + "<th>Location</th><th>Fix</th></tr></thead>\n<tbody>\n");
    for (Finding f : report.findings()) {
      sb.append("<tr class=\"").append(f.severity().name().toLowerCase(Locale.ROOT)).append("\" data-rule=\"")
          .append(esc(f.ruleId())).append("\"><td>").append(esc(f.severity().name())).append("</td><td><a href=\"")
          .append(esc(f.docUrl())).append("\">").append(esc(f.ruleId())).append("</a></td><td><b>")
          .append(esc(f.summary())).append("</b><br>").append(esc(f.message())).append("</td><td><code>")
          .append(esc(f.location())).append("</code></td><td>").append(esc(f.remediation()));
      f.didYouMean().ifPresent(d -> sb.append("<br>Did you mean <code>").append(esc(d)).append("</code>?"));
      sb.append("</td></tr>\n");
    }
    sb.append("</tbody></table>\n");
  }

  /** One bar per vSwitch: addresses in use, this run's demand (red beyond the usable ones), free. */
  private static void capacity(StringBuilder sb, Report report) {
    report.capacity().ifPresent(c -> {
      if (c.vSwitches().isEmpty()) {
        return;
      }
      sb.append("<h2>Capacity</h2>\n<table class=\"capacity\">\n<tr><th>vSwitch</th><th>CIDR</th><th>Addresses"
          + "</th><th>In use + demand of usable</th></tr>\n");
      for (VSwitchCapacity x : c.vSwitches()) {
        long usable = Math.max(1, x.usable());
        long inUse = Math.max(0, x.inUse());
        long demand = Math.max(0, x.totalDemand());
        double scale = (double) BAR_W / Math.max(usable, inUse + demand);
        int wUse = (int) Math.round(inUse * scale);
        int wDemand = (int) Math.round(demand * scale);
        int wUsable = (int) Math.round(usable * scale);
        sb.append("<tr class=\"").append(x.isShort() ? "short" : "ok").append("\" data-vswitch=\"")
            .append(esc(x.vSwitchId().value())).append("\"><td><code>").append(esc(x.vSwitchId().value()))
            .append("</code></td><td>").append(esc(x.cidr().toString())).append("</td><td>")
            .append(demand).append(" needed, ").append(x.free()).append(" free of ").append(x.usable())
            .append(" usable").append(x.isShort() ? ", short by " + x.shortfall() : "")
            .append(x.proposedCidr().map(p -> "; proposed " + esc(p.toString())).orElse("")).append("</td><td>");
        sb.append("<svg class=\"bar\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(BAR_W + 2)
            .append("\" height=\"22\" viewBox=\"0 0 ").append(BAR_W + 2).append(" 22\" role=\"img\" aria-label=\"")
            .append(String.format(Locale.ROOT, "%.0f %% at peak", x.peakUtilisationPercent())).append("\">");
        sb.append("<rect class=\"usable\" x=\"1\" y=\"1\" width=\"").append(wUsable).append("\" height=\"20\"/>");
        sb.append("<rect class=\"inuse\" x=\"1\" y=\"1\" width=\"").append(wUse).append("\" height=\"20\"/>");
        sb.append("<rect class=\"demand").append(x.isShort() ? " over" : "").append("\" x=\"").append(1 + wUse)
            .append("\" y=\"1\" width=\"").append(wDemand).append("\" height=\"20\"/>");
        sb.append("<text x=\"6\" y=\"15\">").append(String.format(Locale.ROOT, "%.0f %%",
            x.peakUtilisationPercent())).append("</text></svg></td></tr>\n");
      }
      sb.append("</table>\n");
    });
  }

  private static String cls(Verdict v) {
    return v.name().toLowerCase(Locale.ROOT);
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  /** HTML text and attribute values: the five significant characters as entities. */
  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&':
          out.append("&amp;");
          break;
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '"':
          out.append("&quot;");
          break;
        case '\'':
          out.append("&#39;");
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }

  private static final String STYLE = String.join("\n",
      "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:2em;color:#222;"
          + "background:#fff;max-width:1400px}",
      "h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}",
      "code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.92em}",
      ".summary{font-size:1.15em;padding:.5em .8em;border-radius:6px}",
      ".summary.bad{background:#fde8e8;border-left:6px solid #c00}",
      ".summary.good{background:#e6f6e6;border-left:6px solid #2a2}",
      "table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ddd;padding:.35em .6em;"
          + "text-align:left;vertical-align:top}th{background:#f4f4f4}",
      "tr.error td:first-child{color:#b00;font-weight:bold}tr.warning td:first-child{color:#a60}",
      ".verdict{font-size:.8em;padding:.1em .5em;border-radius:4px;color:#fff;background:#888}",
      ".verdict.reachable{background:#2a2}.verdict.unreachable{background:#c00}",
      ".verdict.ambiguous,.verdict.undetermined{background:#b80}",
      ".hops{display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start;margin:.4em 0 1em}",
      ".diagram{max-width:100%;overflow-x:auto}.vsw{font-size:.9em;color:#555;margin-bottom:.2em}",
      ".hop rect{fill:#eef6ee;stroke:#2a2;stroke-width:1.5}",
      ".hop.blocked rect{fill:#fdd;stroke:#c00;stroke-width:2.5}",
      ".hop.unknown rect,.hop.partial rect{fill:#fff6d5;stroke:#b80}",
      ".hop text{font-size:12px;fill:#222}.hop text.label{font-weight:bold}.hop text.detail{fill:#555}",
      ".hop text.mark{fill:#c00;font-weight:bold}.hop.unknown text.mark,.hop.partial text.mark{fill:#960}",
      ".hop text.code{fill:#c00;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:11px}",
      "line.arrow{stroke:#555;stroke-width:1.5}",
      ".fixes{max-width:640px;margin:0;padding-left:1.4em}.fixes li{margin-bottom:.5em}",
      ".fix{color:#064;font-weight:bold}.expected{color:#555}",
      ".assumptions{color:#555;font-size:.92em}",
      ".bar rect.usable{fill:#e8eef8;stroke:#9ab}.bar rect.inuse{fill:#9aa}.bar rect.demand{fill:#48c}",
      ".bar rect.demand.over{fill:#c00}.bar text{font-size:12px;fill:#111}",
      "footer{margin-top:2em;color:#888;font-size:.85em}", "");
}
