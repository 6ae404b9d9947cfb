package io.easnet.core.report;

import io.easnet.core.report.Report.ReportFormat;
import io.easnet.core.report.Report.TextReportOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class RenderersTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void textHasHeadlineFindingsPathsAndCapacityWithoutColourByDefault() {
    String text = TextReport.render(Reports.full());
    assertThat(text).startsWith("eas-network 1.2.3: 1 error, 1 warning, 1 note; 1 of 1 path not reachable\n");
    assertThat(text).contains("error: [EASNET-008] vSwitch not in the configured VPC\n"
        + "  service svc: vSwitch vsw-b is in VPC vpc-b, not in the configured VPC vpc-a\n"
        + "  at my service.json:/cloud/networking/vswitch_id\n"
        + "  Did you mean vsw-a?\n");
    assertThat(text).contains("  EAS svc → RDS rm-db:3306: UNREACHABLE\n"
        + "    SG_EGRESS_DENIES on sg-eas: denied by a drop rule <x>\n");
    assertThat(text).contains("assumption: no VPC peering or CEN is assumed");
    assertThat(text).contains("vsw-a1 (192.168.1.0/24): 60 needed, 52 free of 252 usable, 103 % at peak, short by 8;"
        + " free block for a new vSwitch: 192.168.4.0/24");
    assertThat(text).doesNotContain("\u001B[");
  }

  @Test
  void textUsesAnsiColourOnlyWhenAsked() {
    String text = TextReport.render(Reports.full(), TextReportOptions.defaults().color(true));
    assertThat(text).contains("\u001B[31merror: [EASNET-008] vSwitch not in the configured VPC\u001B[0m");
    assertThat(text).contains("\u001B[33mwarning: [EASNET-014]");
    assertThat(text).contains("\u001B[31mUNREACHABLE\u001B[0m");
    assertThat(TextReportOptions.defaults().color()).isFalse();
  }

  @Test
  void reportFormatAppliesTextOptionsToTextOnly() {
    TextReportOptions colour = TextReportOptions.defaults().color(true);
    assertThat(ReportFormat.TEXT.render(Reports.full(), colour))
        .isEqualTo(TextReport.render(Reports.full(), colour))
        .contains("\u001B[31m");
    assertThat(ReportFormat.JSON.render(Reports.full(), colour)).isEqualTo(ReportFormat.JSON.render(Reports.full()));
    assertThatThrownBy(() -> ReportFormat.TEXT.render(Reports.full(), null)).hasMessageContaining("options");
  }

  @Test
  void terminalDetectionColoursOnlyATerminalThatDoesNotOptOut() {
    assertThat(TextReportOptions.forTerminal(true, java.util.Map.of("TERM", "xterm-256color")).color()).isTrue();
    assertThat(TextReportOptions.forTerminal(false, java.util.Map.of("TERM", "xterm-256color")).color()).isFalse();
    assertThat(TextReportOptions.forTerminal(true, java.util.Map.of("NO_COLOR", "1")).color()).isFalse();
    assertThat(TextReportOptions.forTerminal(true, java.util.Map.of("NO_COLOR", "")).color()).isTrue();
    assertThat(TextReportOptions.forTerminal(true, java.util.Map.of("TERM", "dumb")).color()).isFalse();
    String piped = TextReport.render(Reports.full(), TextReportOptions.forTerminal(false, java.util.Map.of()));
    assertThat(piped).doesNotContain("\u001B[");
  }

  @Test
  void jsonHasStableFieldNamesAndEscapesMessages() throws Exception {
    JsonNode root = JSON.readTree(JsonReport.render(Reports.full()));
    assertThat(root.path("formatVersion").asInt()).isEqualTo(1);
    assertThat(root.path("tool").path("version").asText()).isEqualTo("1.2.3");
    assertThat(root.path("summary").path("errors").asInt()).isEqualTo(1);
    assertThat(root.path("summary").path("blocking").asBoolean()).isTrue();
    JsonNode f = root.path("findings").get(0);
    assertThat(f.path("ruleId").asText()).isEqualTo("EASNET-008");
    assertThat(f.path("location").path("pointer").asText()).isEqualTo("/cloud/networking/vswitch_id");
    assertThat(f.path("didYouMean").asText()).isEqualTo("vsw-a");
    assertThat(f.path("fingerprint").asText()).hasSize(32);
    assertThat(root.path("findings").get(1).path("message").asText()).isEqualTo(Reports.NASTY);
    JsonNode p = root.path("paths").get(0);
    assertThat(p.path("verdict").asText()).isEqualTo("UNREACHABLE");
    assertThat(p.path("explanations").get(0).path("code").asText()).isEqualTo("SG_EGRESS_DENIES");
    assertThat(p.path("vSwitches").get(0).path("hops").get(1).path("status").asText()).isEqualTo("BLOCKED");
    assertThat(root.path("capacity").path("vSwitches").get(0).path("shortfall").asLong()).isEqualTo(8);
  }

  @Test
  void junitXmlIsWellFormedFailsErrorsAndBlockedPathsAndEscapes() throws Exception {
    String xml = JunitXmlReport.render(Reports.full());
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Element suite = doc.getDocumentElement();
    assertThat(suite.getTagName()).isEqualTo("testsuite");
    assertThat(suite.getAttribute("tests")).isEqualTo("4");
    assertThat(suite.getAttribute("failures")).isEqualTo("2");
    NodeList cases = suite.getElementsByTagName("testcase");
    assertThat(((Element) cases.item(0)).getAttribute("classname")).isEqualTo("EASNET-008");
    assertThat(((Element) cases.item(0)).getElementsByTagName("failure").getLength()).isEqualTo(1);
    Element warning = (Element) cases.item(1);
    assertThat(warning.getElementsByTagName("failure").getLength()).isZero();
    assertThat(warning.getElementsByTagName("system-out").item(0).getTextContent()).contains(Reports.NASTY);
    Element path = (Element) cases.item(3);
    assertThat(path.getAttribute("name")).isEqualTo("EAS svc → RDS rm-db:3306");
    assertThat(path.getElementsByTagName("failure").item(0).getTextContent()).contains("SG_EGRESS_DENIES");
    assertThat(xml).contains("&lt;b&gt;").doesNotContain("<b>");
  }

  @Test
  void junitXmlDropsCharactersXmlCannotHold() throws Exception {
    Report r = Report.builder().addFindings(io.easnet.core.rules.Finding.builder().from(Reports.error())
        .message("bell\u0007 here").build()).build();
    String xml = JunitXmlReport.render(r);
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    assertThat(((Element) doc.getElementsByTagName("failure").item(0)).getAttribute("message"))
        .isEqualTo("bell\uFFFD here");
  }

  @Test
  void markdownHasSummaryFindingsAndAMermaidDiagramWithTheBlockedHopMarked() {
    String md = MarkdownReport.render(Reports.full());
    assertThat(md).startsWith("# eas-network report\n\n1 error, 1 warning, 1 note; 1 of 1 path not reachable\n\n"
        + "| Severity | Findings |\n|---|---|\n| ERROR | 1 |\n| WARNING | 1 |\n| INFO | 1 |\n");
    assertThat(md).contains("| EAS svc → RDS rm-db:3306 | UNREACHABLE | SG_EGRESS_DENIES |");
    assertThat(md).contains("### ERROR [EASNET-008](https://github.com/easnet/eas-network/blob/main/docs/rules/"
        + "EASNET-008.md) vSwitch not in the configured VPC");
    assertThat(md).contains("- Did you mean `vsw-a`?");
    assertThat(md).contains("```mermaid\nflowchart LR\n  classDef blocked fill:#fdd,stroke:#c00\n");
    assertThat(md).contains("    p0_v0_h1_sg_eas[\"security group sg-eas (egress)<br/>drop #quot;3306#quot;\"]"
        + ":::blocked\n");
    assertThat(md).contains("    p0_v0_h0_vsw_a1 --> p0_v0_h1_sg_eas\n");
    assertThat(md).contains("    p0_v0_h2_rm_db[\"RDS rm-db allowlist\"]\n");
    assertThat(md).contains("| `SG_EGRESS_DENIES` | sg-eas | denied by a drop rule &lt;x&gt; (decided by");
    assertThat(md).contains("> Assumption: no VPC peering or CEN is assumed");
    assertThat(md).contains("| vsw-a1 | 192.168.1.0/24 | 60 | 52 | 252 | 103 % | 8 | 192.168.4.0/24 |");
  }

  @Test
  void markdownEscapesHtmlAndPipes() {
    String md = MarkdownReport.render(Reports.full());
    assertThat(md).contains("say \"hi\" &lt;b&gt;bold&lt;/b&gt; &amp; more | pipe");
    assertThat(md).doesNotContain("<b>bold");
    assertThat(MarkdownReport.cell("a|b<c")).isEqualTo("a\\|b&lt;c");
    assertThat(MarkdownReport.nodeId("sg-a.b/c d")).isEqualTo("sg_a_b_c_d");
    assertThat(MarkdownReport.mermaid("a\"<b>&")).isEqualTo("a#quot;#lt;b#gt;#amp;");
  }

  @Test
  void emptyReportRendersInEveryFormat() throws Exception {
    Report empty = Report.builder().build();
    assertThat(empty.isBlocking()).isFalse();
    for (ReportFormat f : ReportFormat.values()) {
      assertThat(f.render(empty)).as(f.name()).isNotBlank();
    }
    assertThat(TextReport.render(empty)).contains("0 errors, 0 warnings, 0 notes");
    assertThat(JSON.readTree(JsonReport.render(empty)).path("findings").size()).isZero();
  }

  @Test
  void formatsParseByName() {
    assertThat(ReportFormat.parse("sarif")).isEqualTo(ReportFormat.SARIF);
    assertThat(ReportFormat.parse("MD")).isEqualTo(ReportFormat.MARKDOWN);
    assertThat(ReportFormat.parse(" Junit ")).isEqualTo(ReportFormat.JUNIT);
    assertThat(ReportFormat.JUNIT.extension()).isEqualTo("xml");
    assertThat(ReportFormat.parse("HTML")).isEqualTo(ReportFormat.HTML);
    assertThat(ReportFormat.HTML.extension()).isEqualTo("html");
    assertThatThrownBy(() -> ReportFormat.parse("pdf")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use text, json, sarif, junit, markdown or html");
  }
}
