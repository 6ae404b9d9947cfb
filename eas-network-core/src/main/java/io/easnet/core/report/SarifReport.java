package io.easnet.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.analysis.PathResult;
import io.easnet.core.json.SourcePositions;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.Rule;
import io.easnet.core.rules.Finding.Severity;
import io.easnet.core.rules.Suppressions.SuppressedFinding;
import io.easnet.core.rules.Suppressions.Suppression;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a {@link Report} as SARIF 2.1.0, for code-scanning UIs. {@code tool.driver.rules} lists every rule of the
 * report's catalogue (id, short description, help URI, default level); each finding is a result with its rule id
 * and index, level ({@code error}, {@code warning}, {@code note}), message, a location whose artifact is the source
 * file (relative to {@value #SRCROOT}, the base directory) with the line and column the pointer sits at when the
 * report knows them ({@link Report#positions()}), whose {@code properties.jsonPointer} is the pointer (also given
 * as a logical location), and a partial fingerprint {@value #FINGERPRINT_KEY}. Suppressed findings are results too,
 * with a {@code suppressions} entry (kind {@code external}, the reason as justification). At most
 * {@value #MAX_RESULTS} results (GitHub's limit per run); a notification counts the rest. Path verdicts are
 * summarised in {@code run.properties.paths}.
 */
final class SarifReport {
  /** The SARIF version written. */
  static final String VERSION = "2.1.0";
  /** The schema URI written to {@code $schema}. */
  static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
  /** The key of our fingerprint in {@code partialFingerprints}. */
  static final String FINGERPRINT_KEY = "easnetFingerprint/v1";
  /**
   * The base id of relative artifact URIs: the repository root (the {@code --base-dir} of the CLI), as GitHub code
   * scanning resolves it against the checkout.
   */
  static final String SRCROOT = "%SRCROOT%";
  /** The most results written per run: GitHub code scanning rejects a run with more (docs/cli.md, SARIF). */
  static final int MAX_RESULTS = 25_000;

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
    int written = 0;
    int omitted = 0;
    for (Finding f : report.findings()) {
      if (written++ < MAX_RESULTS) {
        result(results, f, index, report, null);
      } else {
        omitted++;
      }
    }
    for (SuppressedFinding sf : report.suppressed()) {
      if (written++ < MAX_RESULTS) {
        result(results, sf.finding(), index, report, sf.suppression());
      } else {
        omitted++;
      }
    }
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", true);
    if (omitted > 0) {
      invocation.putArray("toolExecutionNotifications").addObject().put("level", "warning")
          .putObject("message").put("text", omitted + " of " + written + " results were left out: code scanning"
              + " accepts at most " + MAX_RESULTS + " results per run; the text or JSON report lists them all.");
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

  private static void result(ArrayNode results, Finding f, Map<String, Integer> index, Report report,
      Suppression suppression) {
    ObjectNode r = results.addObject();
    r.put("ruleId", f.ruleId());
    r.put("ruleIndex", index.get(f.ruleId()));
    r.put("level", level(f.severity()));
    String text = f.message() + ". Fix: " + f.remediation()
        + f.didYouMean().map(d -> " (did you mean " + d + "?)").orElse("");
    r.putObject("message").put("text", text);
    ObjectNode loc = r.putArray("locations").addObject();
    f.source().filter(SarifReport::isFile).ifPresent(s -> {
      ObjectNode physical = loc.putObject("physicalLocation");
      ObjectNode artifact = physical.putObject("artifactLocation");
      artifact.put("uri", uri(s));
      if (!isAbsolute(s)) {
        artifact.put("uriBaseId", SRCROOT);
      }
      SourcePositions at = report.positions().getOrDefault(s, SourcePositions.none());
      at.find(f.pointer()).ifPresent(p -> physical.putObject("region").put("startLine", p.line())
          .put("startColumn", p.column()));
    });
    ObjectNode logical = loc.putArray("logicalLocations").addObject();
    logical.put("fullyQualifiedName", f.location());
    logical.put("kind", "element");
    loc.putObject("properties").put("jsonPointer", f.pointer());
    r.putObject("partialFingerprints").put(FINGERPRINT_KEY, f.fingerprint());
    if (suppression != null) {
      ObjectNode sup = r.putArray("suppressions").addObject();
      sup.put("kind", "external");
      sup.put("justification", suppression.reason() + " (until " + suppression.expires() + ", scope "
          + suppression.scope() + ")");
    }
    ObjectNode props = r.putObject("properties");
    f.serviceName().ifPresent(s -> props.put("service", s));
    ArrayNode ids = props.putArray("resourceIds");
    f.resourceIds().forEach(ids::add);
    props.put("remediation", f.remediation());
  }

  /** A file name, as opposed to a source that is no file ({@code live:cn-hangzhou}). */
  static boolean isFile(String source) {
    return !source.isEmpty() && !source.matches("[A-Za-z][A-Za-z0-9+.-]+:.*");
  }

  private static boolean isAbsolute(String source) {
    return source.startsWith("/") || source.matches("[A-Za-z]:[/\\\\].*");
  }

  private static void addRule(ArrayNode rules, String id, String summary, String help, Severity severity) {
    ObjectNode r = rules.addObject();
    r.put("id", id);
    r.putObject("shortDescription").put("text", summary);
    r.put("helpUri", help);
    r.putObject("defaultConfiguration").put("level", level(severity));
  }

  /**
   * A URI for a file name: a relative reference (forward slashes, illegal characters percent-encoded) resolved
   * against {@value #SRCROOT}, or a {@code file:} URI for an absolute path outside the base directory.
   */
  static String uri(String source) {
    String path = source.replace('\\', '/');
    try {
      if (isAbsolute(path)) {
        return new URI("file", null, path.startsWith("/") ? path : "/" + path, null).toASCIIString();
      }
      return new URI(null, null, path, null).toASCIIString();
    } catch (URISyntaxException e) {
      return "input";
    }
  }
}
