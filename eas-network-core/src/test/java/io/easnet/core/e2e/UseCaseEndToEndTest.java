package io.easnet.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.analysis.CapacityReport;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import io.easnet.core.analysis.PathResult;
import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.Finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The use cases of the EAS network configuration page, each from JSON files (service, snapshot with its resource
 * group) to a rendered Markdown and SARIF report.
 */
class UseCaseEndToEndTest {
  static final String RDS = "rm-bp1x7y2z9a4b6c8d3e5f";
  static final String REDIS = "r-bp1c4e6g8i0k2m4o6q";
  static final String CLIENT = "i-bp1h6f8k2m4n7q9s3t5v";

  private static List<String> ids(List<Finding> findings) {
    return findings.stream().map(Finding::ruleId).toList();
  }

  @Test
  void sameVpcRdsAndRedisAreReachableWithServiceAndResourceGroupConfiguration() throws Exception {
    Scenario s = Scenario.load("same-vpc-rds-redis");
    assertThat(s.rds("chat_inference", RDS).verdict()).isEqualTo(Verdict.REACHABLE);
    assertThat(s.redis("chat_inference", REDIS).verdict()).isEqualTo(Verdict.REACHABLE);
    PathResult viaGroup = s.rds("embedding_rg", RDS);
    assertThat(viaGroup.verdict()).isEqualTo(Verdict.REACHABLE);
    assertThat(s.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
    String md = s.markdown();
    assertThat(md).contains("| EAS chat_inference → RDS " + RDS + ":3306 | REACHABLE |  |");
    assertThat(md).contains("| EAS embedding_rg → RDS " + RDS + ":3306 | REACHABLE |  |");
    assertThat(md).contains("```mermaid\nflowchart LR").doesNotContain(":::blocked");
    assertThat(s.sarif()).contains("\"verdict\" : \"REACHABLE\"");
  }

  @Test
  void ecsClientCallsTheServiceDirectly() throws Exception {
    Scenario s = Scenario.load("ecs-direct");
    PathResult p = s.client(CLIENT, "chat_inference");
    assertThat(p.verdict()).isEqualTo(Verdict.REACHABLE);
    assertThat(p.explanations()).isEmpty();
    assertThat(s.markdown()).contains("| REACHABLE |").contains("flowchart LR");
    assertThat(s.sarif()).contains("\"verdict\" : \"REACHABLE\"");
  }

  @Test
  void internetThroughNatEipAndSnatIsReachable() throws Exception {
    Scenario s = Scenario.load("internet-nat");
    assertThat(s.internet("chat_inference").verdict()).isEqualTo(Verdict.REACHABLE);
    assertThat(ids(s.findings())).doesNotContain("EASNET-019", "EASNET-020");
    assertThat(s.markdown()).contains("| EAS chat_inference → internet 0.0.0.0/0:443/tcp | REACHABLE |");
    s.sarif();
  }

  @Test
  void internetWithoutSnatEntryAndRouteListsBothBlockers() throws Exception {
    Scenario s = Scenario.load("internet-nat-incomplete");
    PathResult p = s.internet("chat_inference");
    assertThat(p.verdict()).isEqualTo(Verdict.UNREACHABLE);
    assertThat(p.codes()).contains(ExplanationCode.SNAT_NO_ENTRY_FOR_SOURCE, ExplanationCode.ROUTE_NO_NAT);
    List<Finding> f = s.findings();
    assertThat(ids(f)).contains("EASNET-019");
    String md = s.markdown();
    assertThat(md).contains("UNREACHABLE").contains("SNAT_NO_ENTRY_FOR_SOURCE").contains("ROUTE_NO_NAT")
        .contains(":::blocked").contains("[EASNET-019]");
    String sarif = s.sarif();
    assertThat(sarif).contains("\"ruleId\" : \"EASNET-019\"").contains("\"level\" : \"error\"");
  }

  @Test
  void scaleOutBeyondTheFreeAddressesIsPlannedWithANewBlock() throws Exception {
    Scenario s = Scenario.load("ip-planning");
    CapacityReport c = s.capacity();
    assertThat(c.hasShortfall()).isTrue();
    assertThat(c.vSwitches().get(0).totalDemand()).isEqualTo(38);
    assertThat(c.vSwitches().get(0).shortfall()).isEqualTo(18);
    assertThat(c.vSwitches().get(0).proposedCidr()).isPresent();
    List<Finding> f = s.findings();
    Finding short10 = f.stream().filter(x -> x.ruleId().equals("EASNET-010")).findFirst().orElseThrow();
    assertThat(short10.message()).isEqualTo("vSwitch vsw-bp17uo6xebcusy7c4k1wd (192.168.1.0/24) has 20 free addresses"
        + " but needs 38 at scale including rolling-update surge (ranker 38): short by 18");
    assertThat(short10.location()).isEqualTo("service.json:/cloud/networking/vswitch_id");
    String md = s.markdown();
    assertThat(md).contains("## Capacity").contains("| vsw-bp17uo6xebcusy7c4k1wd | 192.168.1.0/24 | 38 | 20 |");
    assertThat(s.sarif()).contains("\"ruleId\" : \"EASNET-010\"");
  }

  @Test
  void devAndProdSharingAGroupAndSshOpenToTheInternetAreReported() throws Exception {
    Scenario s = Scenario.load("sg-isolation");
    List<Finding> f = s.findings();
    Finding shared = f.stream().filter(x -> x.ruleId().equals("EASNET-014")).findFirst().orElseThrow();
    assertThat(shared.message()).isEqualTo("security group sg-bp1brugkivv3hq9x6t2e (tagged prod) is used by services"
        + " of several environments (dev: ranker-dev; prod: ranker-prod); a rule opened for one environment opens"
        + " it for the others");
    Finding ssh = f.stream().filter(x -> x.ruleId().equals("EASNET-013")).findFirst().orElseThrow();
    assertThat(ssh.message()).isEqualTo("security group sg-bp1bastion0000000001 admits the whole internet on TCP port"
        + " 22 (SSH)");
    String md = s.markdown();
    assertThat(md).contains("[EASNET-014]").contains("[EASNET-013]");
    assertThat(s.sarif()).contains("\"ruleId\" : \"EASNET-014\"").contains("\"ruleId\" : \"EASNET-013\"");
  }

  @Test
  void faqCannotReachRdsBecauseOfTheWrongVpc() throws Exception {
    Scenario s = Scenario.load("faq-wrong-vpc");
    PathResult p = s.rds("chat_inference", RDS);
    assertThat(p.verdict()).isEqualTo(Verdict.UNREACHABLE);
    assertThat(p.codes()).contains(ExplanationCode.VPC_MISMATCH);
    assertThat(ids(s.findings())).contains("EASNET-028");
    assertThat(s.markdown()).contains("VPC_MISMATCH").contains(":::blocked").contains("[EASNET-028]");
    assertThat(s.sarif()).contains("\"ruleId\" : \"EASNET-028\"");
  }

  @Test
  void faqCannotReachRdsBecauseTheEasGroupHasNoEgressRule() throws Exception {
    Scenario s = Scenario.load("faq-group-rules");
    PathResult p = s.rds("chat_inference", RDS);
    assertThat(p.verdict()).isEqualTo(Verdict.UNREACHABLE);
    assertThat(p.codes()).containsExactly(ExplanationCode.SG_EGRESS_DENIES);
    Finding f = s.findings().stream().filter(x -> x.ruleId().equals("EASNET-030")).findFirst().orElseThrow();
    assertThat(f.message()).isEqualTo("service chat_inference cannot reach RDS " + RDS + " (UNREACHABLE): security"
        + " group sg-bp1brugkivv3hq9x6t2e: no rule matches; enterprise groups deny outbound traffic by default");
    assertThat(f.remediation()).isEqualTo("add an egress rule to sg-bp1brugkivv3hq9x6t2e: accept tcp 3306/3306 to"
        + " 192.168.2.30/32 at priority 1 (AuthorizeSecurityGroupEgress)");
    assertThat(s.markdown()).contains("SG_EGRESS_DENIES").contains(":::blocked").contains("[EASNET-030]");
    assertThat(s.sarif()).contains("\"ruleId\" : \"EASNET-030\"");
  }

  @Test
  void faqCannotReachRdsBecauseTheAllowlistHoldsOneInstanceAddress() throws Exception {
    Scenario s = Scenario.load("faq-allowlist");
    PathResult p = s.rds("chat_inference", RDS);
    assertThat(p.verdict()).isEqualTo(Verdict.UNREACHABLE);
    assertThat(p.codes()).contains(ExplanationCode.TARGET_ALLOWLIST_SINGLE_INSTANCE_IP);
    assertThat(ids(s.findings())).contains("EASNET-029", "EASNET-015");
    String md = s.markdown();
    assertThat(md).contains("TARGET_ALLOWLIST_SINGLE_INSTANCE_IP").contains("[EASNET-029]").contains("[EASNET-015]");
    assertThat(s.sarif()).contains("\"ruleId\" : \"EASNET-029\"").contains("\"ruleId\" : \"EASNET-015\"");
  }
}
