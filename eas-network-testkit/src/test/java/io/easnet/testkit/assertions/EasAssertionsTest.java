package io.easnet.testkit.assertions;

import static io.easnet.testkit.assertions.EasAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.model.Cidr;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.Vpc;
import io.easnet.core.report.Report;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.Finding.Severity;
import io.easnet.core.spi.CloudActions;
import io.easnet.core.spi.EcsApi.SecurityGroupRuleRequest;
import io.easnet.testkit.FakeCloud;
import org.junit.jupiter.api.Test;

class EasAssertionsTest {
  private static Finding finding(String id, String pointer) {
    return Finding.builder().ruleId(id).severity(Severity.ERROR).summary("s").message("vSwitch vsw-b is elsewhere")
        .source("service.json").pointer(pointer).serviceName("svc").addResourceIds("vsw-b").remediation("fix it")
        .docUrl("https://example.invalid/" + id).build();
  }

  @Test
  void reportAssertFindsARuleAtItsPointer() {
    Report report = Report.builder().addFindings(finding("EASNET-012", "/cloud/networking/vswitch_id")).build();
    assertThat(report).hasFinding("EASNET-012").at("/cloud/networking/vswitch_id")
        .withSeverity(Severity.ERROR).withMessageContaining("elsewhere").about("vsw-b");
    assertThat(report).hasNoFinding("EASNET-001");
  }

  @Test
  void reportAssertFailsNamingWhereTheFindingIs() {
    Report report = Report.builder().addFindings(finding("EASNET-012", "/cloud/networking/vpc_id")).build();
    assertThatThrownBy(() -> assertThat(report).hasFinding("EASNET-012").at("/cloud/networking/vswitch_id"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected EASNET-012 at /cloud/networking/vswitch_id, but it is at [/cloud/networking/vpc_id]");
    assertThatThrownBy(() -> assertThat(report).hasFinding("EASNET-013"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected a finding EASNET-013, but the report holds [EASNET-012 at /cloud/networking/vpc_id]");
  }

  @Test
  void inconsistentInventoryListsEveryProblem() {
    Inventory inv = Inventory.builder()
        .addVpc(Vpc.builder().id("vpc-a").cidrBlock("10.0.0.0/16"))
        .addVSwitch(VSwitch.builder().id("vsw-a").vpcId("vpc-a").cidrBlock("10.1.0.0/24"))
        .addVSwitch(VSwitch.builder().id("vsw-b").vpcId("vpc-zzz").cidrBlock("10.0.1.0/24"))
        .addSecurityGroup(SecurityGroup.builder().id("sg-a").vpcId("vpc-a")
            .addRule(SecurityGroupRule.ingress().tcp(22).peer("sg-missing"))
            .addRule(SecurityGroupRule.ingress().tcp(80).peer("0.0.0.0/0"))
            .addRule(SecurityGroupRule.ingress().tcp(80).peer("0.0.0.0/0").description("dup")))
        .build();
    assertThatThrownBy(() -> assertThat(inv).isConsistent())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("found 4 problem(s)")
        .hasMessageContaining("vSwitch vsw-a (10.1.0.0/24) lies outside VPC vpc-a")
        .hasMessageContaining("vSwitch vsw-b names the unknown VPC vpc-zzz")
        .hasMessageContaining("names the unknown group sg-missing")
        .hasMessageContaining("holds the rule INGRESS TCP 80/80 0.0.0.0/0 ACCEPT priority 1 twice");
  }

  @Test
  void fakeCloudAssertChecksCallsAndState() {
    FakeCloud fake = FakeCloud.create();
    fake.estate().vpc("v", "10.0.0.0/16").vSwitch("s", "10.0.1.0/24").securityGroup("g").rds("db", "s", "10.0.1.9");
    fake.vpc().describeVpcs();
    fake.vpc().describeVSwitch(fake.id(VSwitchId.class, "s"));
    SecurityGroupRule rule = SecurityGroupRule.egress().tcp(3306).peer("10.0.1.0/24").build();
    fake.ecs().authorizeRule(SecurityGroupRuleRequest.of(fake.id(SecurityGroupId.class, "g"), rule));
    assertThat(fake)
        .madeExactlyCalls(CloudActions.DESCRIBE_VSWITCHES, CloudActions.DESCRIBE_VPCS,
            CloudActions.AUTHORIZE_SECURITY_GROUP_EGRESS)
        .madeCall(CloudActions.DESCRIBE_VPCS, 1)
        .madeNoCallTo(CloudActions.DESCRIBE_NAT_GATEWAYS)
        .inventory()
        .isConsistent()
        .hasRule(fake.id(SecurityGroupId.class, "g"), rule)
        .hasFreeAddresses(fake.id(VSwitchId.class, "s"), 252)
        .doesNotAdmit(fake.id(RdsInstanceId.class, "db").value(), Cidr.parse("10.0.1.0/24"));
    assertThatThrownBy(() -> assertThat(fake).madeExactlyCalls(CloudActions.DESCRIBE_VPCS))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("unexpected [" + CloudActions.DESCRIBE_VSWITCHES);
  }
}
