package io.easnet.core.report;

import io.easnet.core.report.Report.ReportFormat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  @Test
  void pageIsSelfContainedAndFetchesNothing() {
    String html = ReportFormat.HTML.render(Reports.full());
    assertThat(html).startsWith("<!DOCTYPE html>").contains("Content-Security-Policy")
        .contains("default-src 'none'");
    assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
        .doesNotContain("src=\"http").doesNotContain("@import").doesNotContain("url(http");
    // the only absolute URLs are the rule documentation links, which are not fetched
    Matcher m = Pattern.compile("(?:href|src)=\"(https?://[^\"]*)\"").matcher(html);
    while (m.find()) {
      assertThat(html.substring(m.start(), m.start() + 4)).isEqualTo("href");
      assertThat(m.group(1)).contains("/docs/rules/EASNET-");
    }
  }

  @Test
  void blockedHopIsMarkedInTheDiagramWithItsCodeAndTheFixBesideIt() {
    String html = ReportFormat.HTML.render(Reports.full());
    assertThat(html).contains("<svg class=\"path-diagram\"");
    assertThat(html).containsPattern("<g class=\"hop blocked\" data-status=\"BLOCKED\" data-component=\"sg-eas\">"
        + "<title>security group sg-eas \\(egress\\): drop &quot;3306&quot;</title>");
    assertThat(html).contains("class=\"code\">SG_EGRESS_DENIES</text>");
    assertThat(html).containsOnlyOnce("data-status=\"BLOCKED\"");
    assertThat(html).contains("<li class=\"blocker\" data-code=\"SG_EGRESS_DENIES\">")
        .contains("<span class=\"fix\">Fix: ");
    assertThat(html).contains("decided by sg-eas egress tcp 3306/3306 to 192.168.2.0/24 drop priority 1");
  }

  @Test
  void findingsAndCapacityAreRendered() {
    String html = ReportFormat.HTML.render(Reports.full());
    assertThat(html).contains("data-rule=\"EASNET-008\"").contains("data-rule=\"EASNET-014\"")
        .contains("Did you mean <code>vsw-a1</code>".replace("vsw-a1", "vsw-a"));
    assertThat(html).contains("<tr class=\"short\" data-vswitch=\"vsw-a1\">").contains("short by 8")
        .contains("proposed 192.168.4.0/24").contains("class=\"demand over\"").contains("103 %");
    assertThat(html).contains("class=\"summary bad\"");
  }

  @Test
  void userTextIsEscapedEverywhere() {
    String html = ReportFormat.HTML.render(Reports.full());
    assertThat(html).doesNotContain("<b>bold</b>").doesNotContain("<it>").doesNotContain("<x>");
    assertThat(html).contains("say &quot;hi&quot; &lt;b&gt;bold&lt;/b&gt; &amp; more | pipe")
        .contains("split &lt;it&gt; &amp; go").contains("denied by a drop rule &lt;x&gt;");
    assertThat(HtmlReport.esc("<a href='x'>&\"")).isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;&quot;");
  }

  @Test
  void cleanReportSaysSoWithoutPathsOrFindings() {
    String html = ReportFormat.HTML.render(Report.builder().build());
    assertThat(html).contains("class=\"summary good\"").contains("No findings.").doesNotContain("<svg");
  }
}
