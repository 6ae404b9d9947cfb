package io.easnet.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.analysis.Assumption;
import io.easnet.core.analysis.CapacityReport;
import io.easnet.core.analysis.Explanation;
import io.easnet.core.analysis.PathResult.Hop;
import io.easnet.core.analysis.PathResult;
import io.easnet.core.analysis.CapacityReport.VSwitchCapacity;
import io.easnet.core.analysis.PathResult.VSwitchPath;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.Finding.Severity;
import java.util.List;

/**
 * Renders a {@link Report} as JSON with stable field names ({@code formatVersion} 1): {@code tool}, {@code inputs},
 * {@code summary}, {@code findings}, {@code paths}, {@code capacity}. Absent optional values are omitted.
 */
final class JsonReport {
  /** The version of this JSON layout; bumped on incompatible change. */
  static final int FORMAT_VERSION = 1;

  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  /** The report as pretty-printed JSON. */
  static String render(Report report) {
    try {
      return MAPPER.writeValueAsString(tree(report)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the JSON report", e);
    }
  }

  /** The report as a JSON tree. */
  static ObjectNode tree(Report report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.putObject("tool").put("name", report.toolName()).put("version", report.toolVersion());
    ArrayNode inputs = root.putArray("inputs");
    report.inputs().forEach(inputs::add);
    ObjectNode summary = root.putObject("summary");
    summary.put("errors", report.count(Severity.ERROR));
    summary.put("warnings", report.count(Severity.WARNING));
    summary.put("infos", report.count(Severity.INFO));
    summary.put("blocking", report.isBlocking());
    ArrayNode findings = root.putArray("findings");
    for (Finding f : report.findings()) {
      findings.add(finding(f));
    }
    ArrayNode paths = root.putArray("paths");
    for (PathResult p : report.pathResults()) {
      paths.add(path(p));
    }
    report.capacity().ifPresent(c -> root.set("capacity", capacity(c)));
    return root;
  }

  static ObjectNode finding(Finding f) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("ruleId", f.ruleId());
    n.put("severity", f.severity().name());
    n.put("summary", f.summary());
    n.put("message", f.message());
    ObjectNode loc = n.putObject("location");
    f.source().ifPresent(s -> loc.put("source", s));
    loc.put("pointer", f.pointer());
    f.serviceName().ifPresent(s -> n.put("service", s));
    ArrayNode ids = n.putArray("resourceIds");
    f.resourceIds().forEach(ids::add);
    n.put("remediation", f.remediation());
    f.didYouMean().ifPresent(d -> n.put("didYouMean", d));
    n.put("docUrl", f.docUrl());
    n.put("fingerprint", f.fingerprint());
    return n;
  }

  static ObjectNode path(PathResult p) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("kind", p.kind().name());
    n.put("description", p.description());
    n.put("service", p.serviceName());
    n.put("verdict", p.verdict().name());
    if (p.isKnownAfterApply()) {
      n.put("knownAfterApply", true); // undetermined only because a Terraform plan leaves a fact open
    }
    n.set("explanations", explanations(p.explanations()));
    n.set("assumptions", assumptions(p.assumptions()));
    ArrayNode vs = n.putArray("vSwitches");
    for (VSwitchPath v : p.vSwitchPaths()) {
      ObjectNode vn = vs.addObject();
      vn.put("vSwitchId", v.vSwitchId().value());
      vn.put("verdict", v.verdict().name());
      ArrayNode hops = vn.putArray("hops");
      for (Hop h : v.hops()) {
        ObjectNode hn = hops.addObject();
        hn.put("label", h.label());
        hn.put("component", h.component());
        hn.put("status", h.status().name());
        h.detail().ifPresent(d -> hn.put("detail", d));
      }
      vn.set("explanations", explanations(v.explanations()));
    }
    return n;
  }

  static ArrayNode explanations(List<Explanation> list) {
    ArrayNode a = MAPPER.createArrayNode();
    for (Explanation e : list) {
      ObjectNode n = a.addObject();
      n.put("code", e.code().name());
      n.set("component", DataJson.component(e.component()));
      e.decidingRule().ifPresent(r -> n.put("decidingRule", r.text()));
      n.put("expected", e.expected());
      n.put("actual", e.actual());
      e.missing().ifPresent(m -> n.set("missing", DataJson.missing(m)));
      e.remedy().ifPresent(r -> n.set("remedy", DataJson.remedy(r)));
      n.put("fix", e.fix());
      e.didYouMean().ifPresent(d -> n.put("didYouMean", d));
    }
    return a;
  }

  static ArrayNode assumptions(List<Assumption> list) {
    ArrayNode a = MAPPER.createArrayNode();
    for (Assumption x : list) {
      a.addObject().put("key", x.key().name()).put("sentence", x.sentence());
    }
    return a;
  }

  static ObjectNode capacity(CapacityReport c) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("short", c.hasShortfall());
    ArrayNode vs = n.putArray("vSwitches");
    for (VSwitchCapacity v : c.vSwitches()) {
      ObjectNode vn = vs.addObject();
      vn.put("vSwitchId", v.vSwitchId().value());
      vn.put("vpcId", v.vpcId().value());
      vn.put("cidr", v.cidr().toString());
      vn.put("usable", v.usable());
      vn.put("inUse", v.inUse());
      vn.put("free", v.free());
      vn.put("totalDemand", v.totalDemand());
      ObjectNode by = vn.putObject("demandByService");
      v.demandByService().forEach(by::put);
      vn.put("peakUtilisationPercent", v.peakUtilisationPercent());
      vn.put("shortfall", v.shortfall());
      v.proposedCidr().ifPresent(p -> vn.put("proposedCidr", p.toString()));
    }
    n.set("explanations", explanations(c.explanations()));
    n.set("assumptions", assumptions(c.assumptions()));
    return n;
  }
}
