package io.easnet.core.report;

import io.easnet.core.report.Report.ReportFormat;
import io.easnet.core.report.Report.TextReportOptions;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.analysis.EstateAnalysis.AnalysisInput;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.Vpc;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleCatalog;
import io.easnet.core.rules.Suppressions;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README example of the rule catalogue and the reports, compiled and run. */
class ReadmeExampleTest {

  @Test
  void readmeExampleRuns() {
    Inventory inventory = Inventory.builder()
        .addVpc(Vpc.builder().id("vpc-a").cidrBlock("192.168.0.0/16"))
        .addVpc(Vpc.builder().id("vpc-b").cidrBlock("10.0.0.0/16"))
        .addVSwitch(VSwitch.builder().id("vsw-a").vpcId("vpc-a").cidrBlock("192.168.1.0/24"))
        .addVSwitch(VSwitch.builder().id("vsw-b").vpcId("vpc-b").cidrBlock("10.0.1.0/24"))
        .addSecurityGroup(SecurityGroup.builder().id("sg-a").vpcId("vpc-a"))
        .build();
    ServiceSpec spec = ServiceSpec.builder().name("chat")
        .networking(ServiceNetworking.of("vpc-a", "vsw-b", "sg-a")).build();
    // README: rules and reports
    AnalysisInput input = AnalysisInput.builder()
        .inventory(inventory).inventorySource("snapshot.json")
        .addService(ServiceInput.builder().spec(spec).sourceName("service.json").wantsInternetEgress(true))
        .today(LocalDate.of(2026, 11, 27))
        .build();
    List<Finding> findings = RuleCatalog.standard().run(input, Suppressions.parse(
        "{\"suppressions\":[{\"id\":\"EASNET-019\",\"scope\":\"service:chat\","
            + "\"reason\":\"NAT is created by the platform team\",\"expires\":\"2027-01-31\"}]}"));
    Report report = Report.builder().addInputs("service.json", "snapshot.json").addAllFindings(findings).build();
    String text = ReportFormat.TEXT.render(report, TextReportOptions.forTerminal());
    String sarif = ReportFormat.SARIF.render(report);
    // end
    assertThat(text).contains("[EASNET-008] vSwitch not in the configured VPC")
        .contains("at service.json:/cloud/networking/vswitch_id")
        .contains("Did you mean vsw-a?");
    assertThat(findings).extracting(Finding::ruleId).doesNotContain("EASNET-019");
    assertThat(sarif).contains("\"ruleId\" : \"EASNET-008\"");
    assertThat(report.isBlocking()).isTrue();
  }
}
