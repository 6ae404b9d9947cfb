package io.easnet.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.analysis.PathResult;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.Rule;
import io.easnet.core.rules.Severity;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a {@link Report} as SARIF 2.1.0, for code-scanning UIs. {@code tool.driver.rules} lists every rule of the
 * report's catalogue (id, short description, help URI, default level); each finding is a result with its rule id
 * and index, level ({@code error}, {@code warning}, {@code note}), message, a location whose artifact is the source
 * file and whose {@code properties.jsonPointer} is the pointer (also given as a logical location), and a partial
 * fingerprint {@value #FINGERPRINT_KEY}. Path verdicts are summarised in {@code run.properties.paths}.
 */
final class SarifReport {
  /** The SARIF version written. */
  static final String VERSION = "2.1.0";
  /** The schema URI written to {@code $schema}. */
  static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
  /** The key of our fingerprint in {@code partialFingerprints}. */
  static final String FINGERPRINT_KEY = "easnetFingerprint/v1";

  private SarifReport() {}

  /** The SARIF level of a severity. */
  static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  /** The report as a SARIF 2.1.0 log with one run. */
  static String render(Report report) {
    ObjectNode root = JsonReport.MAPPER.createObjectNode();
    root.put("$schema", SCHEMA_URI);
    root.put("version", VERSION);
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", report.toolName());
    driver.put("version", report.toolVersion());
    driver.put("informationUri", Report.TOOL_URI);
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> index = new LinkedHashMap<>();
    for (Rule r : report.catalog().rules()) {
      index.put(r.id(), index.size());
      addRule(rules, r.id(), r.summary(), r.docUrl(), r.severity());
    }
    for (Finding f : report.findings()) {
      if (!index.containsKey(f.ruleId())) {
        index.put(f.ruleId(), index.size());
        addRule(rules, f.ruleId(), f.summary(), f.docUrl(), f.severity());
      }
    }
    ArrayNode results = run.putArray("results");
    for (Finding f : report.findings()) {
      ObjectNode r = results.addObject();
      r.put("ruleId", f.ruleId());
      r.put("ruleIndex", index.get(f.ruleId()));
      r.put("level", level(f.severity()));
      String text = f.message() + ". Fix: " + f.remediation()
          + f.didYouMean().map(d -> " (did you mean " + d + "?)").orElse("");
      r.putObject("message").put("text", text);
      ObjectNode loc = r.putArray("locations").addObject();
      f.source().ifPresent(s -> loc.putObject("physicalLocation").putObject("artifactLocation").put("uri", uri(s)));
      ObjectNode logical = loc.putArray("logicalLocations").addObject();
      logical.put("fullyQualifiedName", f.location());
      logical.put("kind", "element");
      loc.putObject("properties").put("jsonPointer", f.pointer());
      r.putObject("partialFingerprints").put(FINGERPRINT_KEY, f.fingerprint());
      ObjectNode props = r.putObject("properties");
      f.serviceName().ifPresent(s -> props.put("service", s));
      ArrayNode ids = props.putArray("resourceIds");
      f.resourceIds().forEach(ids::add);
      props.put("remediation", f.remediation());
    }
    ArrayNode paths = run.putObject("properties").putArray("paths");
    for (PathResult p : report.pathResults()) {
      ObjectNode n = paths.addObject();
      n.put("description", p.description());
      n.put("service", p.serviceName());
      n.put("verdict", p.verdict().name());
      ArrayNode codes = n.putArray("codes");
      p.codes().forEach(c -> codes.add(c.name()));
    }
    try {
      return JsonReport.MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the SARIF report", e);
    }
  }

  private static void addRule(ArrayNode rules, String id, String summary, String help, Severity severity) {
    ObjectNode r = rules.addObject();
    r.put("id", id);
    r.putObject("shortDescription").put("text", summary);
    r.put("helpUri", help);
    r.putObject("defaultConfiguration").put("level", level(severity));
  }

  /** A relative URI reference for a file name: forward slashes, illegal characters percent-encoded. */
  static String uri(String source) {
    try {
      return new URI(null, null, source.replace('\\', '/'), null).toASCIIString();
    } catch (URISyntaxException e) {
      return "input";
    }
  }
}
