package io.easnet.core.report;

import io.easnet.core.analysis.Assumption.AssumptionKey;
import io.easnet.core.analysis.Explanation.Component;
import io.easnet.core.analysis.Intent;
import io.easnet.core.analysis.Target;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.analysis.Assumption;
import io.easnet.core.analysis.CapacityReport;
import io.easnet.core.analysis.SecurityGroupVerdict.DecidingRule;
import io.easnet.core.analysis.Explanation;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import io.easnet.core.analysis.PathResult.Hop;
import io.easnet.core.analysis.PathResult.Hop.HopStatus;
import io.easnet.core.analysis.PathResult.PathKind;
import io.easnet.core.analysis.PathResult;
import io.easnet.core.analysis.CapacityReport.VSwitchCapacity;
import io.easnet.core.analysis.PathResult.VSwitchPath;
import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.Rule;
import io.easnet.core.rules.Finding.Severity;

/** Report fixtures: three findings (one with {@code "<&} in its message), a blocked path and a capacity plan. */
final class Reports {
  static final String NASTY = "say \"hi\" <b>bold</b> & more | pipe";

  private Reports() {}

  static Finding error() {
    return Finding.builder().ruleId("EASNET-008").severity(Severity.ERROR)
        .summary("vSwitch not in the configured VPC")
        .message("service svc: vSwitch vsw-b is in VPC vpc-b, not in the configured VPC vpc-a")
        .source("my service.json").pointer("/cloud/networking/vswitch_id").serviceName("svc")
        .addResourceIds("vsw-b", "vpc-a").remediation("use a vSwitch of vpc-a").didYouMean("vsw-a")
        .docUrl(Rule.DOC_BASE_URL + "EASNET-008.md").build();
  }

  static Finding warning() {
    return Finding.builder().ruleId("EASNET-014").severity(Severity.WARNING)
        .summary("Security group shared across environments").message(NASTY)
        .source("snapshot.json").pointer("/securityGroups/0").addResourceIds("sg-a")
        .remediation("split <it> & go").docUrl(Rule.DOC_BASE_URL + "EASNET-014.md").build();
  }

  static Finding info() {
    return Finding.builder().ruleId("EASNET-020").severity(Severity.INFO)
        .summary("NAT gateway and EIP with no service that needs internet")
        .message("NAT gateway ngw-a is idle").pointer("/natGateways/0").addResourceIds("ngw-a")
        .remediation("release it").docUrl(Rule.DOC_BASE_URL + "EASNET-020.md").build();
  }

  static PathResult blockedPath() {
    Explanation e = Explanation.builder().code(ExplanationCode.SG_EGRESS_DENIES)
        .component(Component.of(Component.Kind.SECURITY_GROUP, SecurityGroupId.of("sg-eas")))
        .decidingRule(DecidingRule.text("sg-eas egress tcp 3306/3306 to 192.168.2.0/24 drop priority 1"))
        .expected("egress TCP 3306 to 192.168.2.10 allowed").actual("denied by a drop rule <x>")
        .advice("add an accept rule with priority < 1").build();
    VSwitchPath vp = VSwitchPath.builder().vSwitchId(VSwitchId.of("vsw-a1")).verdict(Verdict.UNREACHABLE)
        .addHops(Hop.of("EAS svc in vsw-a1", "vsw-a1", HopStatus.PASS))
        .addHops(Hop.of("security group sg-eas (egress)", "sg-eas", HopStatus.BLOCKED, "drop \"3306\""))
        .addHops(Hop.of("RDS rm-db allowlist", "rm-db", HopStatus.PASS))
        .addExplanations(e).build();
    return PathResult.builder().intent(Intent.reach(Target.rds(RdsInstanceId.of("rm-db"), 3306)))
        .kind(PathKind.PRIVATE_TARGET).description("EAS svc → RDS rm-db:3306")
        .serviceName("svc").verdict(Verdict.UNREACHABLE).addVSwitchPaths(vp).addExplanations(e)
        .addAssumptions(Assumption.of(AssumptionKey.NO_PEERING_EVIDENCE, "no VPC peering or CEN is assumed")).build();
  }

  static CapacityReport capacity() {
    return CapacityReport.builder().addVSwitches(VSwitchCapacity.builder().vSwitchId(VSwitchId.of("vsw-a1"))
        .vpcId(VpcId.of("vpc-a")).cidr(Cidr.parse("192.168.1.0/24")).usable(252).inUse(200).free(52)
        .putDemandByService("svc", 60L).totalDemand(60).peakUtilisationPercent(103.2).shortfall(8)
        .proposedCidr(Cidr.parse("192.168.4.0/24")).build()).build();
  }

  static Report full() {
    return Report.builder().toolVersion("1.2.3").addInputs("my service.json", "snapshot.json")
        .addFindings(error(), warning(), info()).addPathResults(blockedPath()).capacity(capacity()).build();
  }
}
