package io.easnet.core.report;

import io.easnet.core.analysis.Explanation;
import io.easnet.core.analysis.PathResult;
import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.Finding.Severity;
import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Renders a {@link Report} as JUnit XML for CI dashboards: one {@code testsuite}; a {@code testcase} per finding
 * ({@code classname} = rule id) that fails for errors and passes with the text in {@code system-out} for warnings
 * and notes; a {@code testcase} per analysed path that fails unless reachable. Built with the JDK's DOM, so every
 * message is escaped.
 */
final class JunitXmlReport {
  private JunitXmlReport() {}

  /** The report as a JUnit XML document. */
  static String render(Report report) {
    Document doc;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      doc = f.newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("no XML support", e);
    }
    Element suite = doc.createElement("testsuite");
    doc.appendChild(suite);
    int failures = 0;
    int tests = 0;
    for (Finding f : report.findings()) {
      tests++;
      Element tc = testcase(doc, suite, f.ruleId(), f.summary() + " at " + f.location()
          + f.resourceId().map(r -> " [" + r + "]").orElse(""));
      if (f.severity() == Severity.ERROR) {
        failures++;
        Element failure = doc.createElement("failure");
        failure.setAttribute("type", f.ruleId());
        failure.setAttribute("message", xml(f.message()));
        failure.setTextContent(xml(f.render()));
        tc.appendChild(failure);
      } else {
        Element out = doc.createElement("system-out");
        out.setTextContent(xml(f.severity().label() + ": " + f.render()));
        tc.appendChild(out);
      }
    }
    for (PathResult p : report.pathResults()) {
      tests++;
      Element tc = testcase(doc, suite, "path." + p.kind().name().toLowerCase(java.util.Locale.ROOT),
          p.description());
      if (p.isKnownAfterApply()) {
        // undetermined only because a Terraform plan leaves a fact open: not a failure (docs/terraform.md)
        Element skipped = doc.createElement("skipped");
        skipped.setAttribute("message", xml(p.description() + ": " + Report.verdictText(p)));
        tc.appendChild(skipped);
      } else if (p.verdict() != Verdict.REACHABLE) {
        failures++;
        Element failure = doc.createElement("failure");
        failure.setAttribute("type", p.verdict().name());
        failure.setAttribute("message", xml(p.description() + ": " + p.verdict()));
        StringBuilder sb = new StringBuilder();
        for (Explanation e : p.explanations()) {
          sb.append(e).append('\n');
        }
        failure.setTextContent(xml(sb.toString()));
        tc.appendChild(failure);
      }
    }
    suite.setAttribute("name", xml(report.toolName()));
    suite.setAttribute("tests", Integer.toString(tests));
    suite.setAttribute("failures", Integer.toString(failures));
    suite.setAttribute("errors", "0");
    suite.setAttribute("skipped", "0");
    try {
      TransformerFactory tf = TransformerFactory.newInstance();
      tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      Transformer t = tf.newTransformer();
      t.setOutputProperty(OutputKeys.INDENT, "yes");
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
      StringWriter w = new StringWriter();
      t.transform(new DOMSource(doc), new StreamResult(w));
      return w.toString();
    } catch (TransformerException e) {
      throw new IllegalStateException("cannot write the JUnit XML report", e);
    }
  }

  private static Element testcase(Document doc, Element suite, String classname, String name) {
    Element tc = doc.createElement("testcase");
    tc.setAttribute("classname", xml(classname));
    tc.setAttribute("name", xml(name));
    suite.appendChild(tc);
    return tc;
  }

  /** Replaces characters XML 1.0 cannot hold, even escaped, with U+FFFD; the DOM escapes the rest. */
  static String xml(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(c -> {
      boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
          || (c >= 0x10000 && c <= 0x10FFFF);
      sb.appendCodePoint(ok ? c : 0xFFFD);
    });
    return sb.toString();
  }
}
