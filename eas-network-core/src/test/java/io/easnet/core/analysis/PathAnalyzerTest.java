package io.easnet.core.analysis;

import io.easnet.core.analysis.PathResult.Hop;
import io.easnet.core.analysis.Explanation.Missing;
import io.easnet.core.analysis.Target.InternetTarget;
import io.easnet.core.analysis.PathResult.VSwitchPath;
import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.analysis.PathResult.PathKind;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import io.easnet.core.analysis.PathResult.Hop.HopStatus;
import io.easnet.core.analysis.Assumption.AssumptionKey;
import io.easnet.core.change.AuthorizeSecurityGroupRule;
import static io.easnet.core.analysis.Estates.good;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.NatGateway.NatNetworkType;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import io.easnet.core.model.RouteTable.RouteEntry;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.Vpc;
import io.easnet.core.resolve.EffectiveNetwork;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PathAnalyzerTest {
  private static final Target RDS = Target.rds(RdsInstanceId.of("rm-1"));
  private static final Target REDIS = Target.redis(RedisInstanceId.of("r-1"));
  private static final Target ECS_DB = Target.ecs(EcsInstanceId.of("i-db"), 5432);
  private static final EcsInstanceId CLIENT = EcsInstanceId.of("i-client");
  private static final InternetTarget ANY_443 = InternetTarget.any(443);

  private static final Inventory GOOD = good().build();

  private static PathResult rds(Inventory inv) {
    return PathAnalyzer.of(inv).privateTarget(Estates.service(), RDS);
  }

  private static PathResult internet(Inventory inv) {
    return PathAnalyzer.of(inv).internet(Estates.service(), ANY_443);
  }

  /** The code appears for the broken estate and not for the working one. */
  private static void assertBreaks(ExplanationCode code, Function<Inventory, PathResult> query, Inventory broken) {
    PathResult bad = query.apply(broken);
    assertThat(bad.codes()).as("codes of the broken estate").contains(code);
    Explanation e = bad.explanations().stream().filter(x -> x.code() == code).findFirst().orElseThrow();
    assertThat(e.fix()).isNotBlank();
    assertThat(e.expected()).isNotBlank();
    assertThat(e.actual()).isNotBlank();
    assertThat(query.apply(GOOD).codes()).as("codes of the working estate").doesNotContain(code);
  }

  @Test
  void workingEstateReachesEveryTarget() {
    PathAnalyzer a = PathAnalyzer.of(GOOD);
    EffectiveNetwork svc = Estates.service();
    List<PathResult> results = List.of(
        a.privateTarget(svc, RDS),
        a.privateTarget(svc, REDIS),
        a.privateTarget(svc, ECS_DB),
        a.privateTarget(svc, Target.address(IpAddress.parse("192.168.10.20"), 5432, Protocol.TCP)),
        a.internet(svc, ANY_443),
        a.internet(svc, InternetTarget.to(IpAddress.parse("203.0.113.10"), 443)
            .withAllowlist(List.of(Cidr.parse("47.0.0.1")))),
        a.clientToService(CLIENT, svc, 8000));
    for (PathResult r : results) {
      assertThat(r.verdict()).as(r.description() + " " + r.explanations()).isEqualTo(Verdict.REACHABLE);
      assertThat(r.explanations()).isEmpty();
      assertThat(r.vSwitchPaths()).hasSize(1);
      assertThat(r.vSwitchPaths()).allSatisfy(p -> assertThat(p.hops()).allMatch(h -> h.status() == HopStatus.PASS));
    }
  }

  @Test
  void descriptionNamesServiceAndTarget() {
    PathResult r = rds(GOOD);
    assertThat(r.description()).isEqualTo("EAS svc → RDS rm-1:3306");
    assertThat(r.kind()).isEqualTo(PathKind.PRIVATE_TARGET);
    assertThat(r.vSwitchPaths().get(0).vSwitchId().value()).isEqualTo("vsw-a");
    assertThat(r.vSwitchPaths().get(0).hops()).extracting(Hop::label).containsExactly(
        "EAS vSwitch vsw-a", "EAS security group sg-eas", "VPC vpc-a", "security group sg-eas (egress)",
        "allowlist of rm-1", "target RDS rm-1:3306");
  }

  @Test
  void serviceWithoutVpcReachesNothing() {
    PathResult r = PathAnalyzer.of(GOOD).privateTarget(Estates.none(), RDS);
    assertThat(r.verdict()).isEqualTo(Verdict.UNREACHABLE);
    assertThat(r.codes()).containsExactly(ExplanationCode.VPC_NONE);
    assertThat(PathAnalyzer.of(GOOD).internet(Estates.none(), ANY_443).codes()).contains(ExplanationCode.VPC_NONE);
    assertThat(rds(GOOD).codes()).doesNotContain(ExplanationCode.VPC_NONE);
  }

  @Test
  void targetInAnotherVpcIsUnreachableWithPeeringAssumption() {
    Inventory broken = good().addVpc(Vpc.builder().id("vpc-b").cidrBlock("10.0.0.0/16"))
        .rdsInstances(List.of(Estates.rds().vpcId("vpc-b").privateIp("10.0.0.5").build())).build();
    assertBreaks(ExplanationCode.VPC_MISMATCH, PathAnalyzerTest::rds, broken);
    PathResult r = rds(broken);
    assertThat(r.verdict()).isEqualTo(Verdict.UNREACHABLE);
    assertThat(r.assumptions()).extracting(Assumption::key).contains(AssumptionKey.NO_PEERING_EVIDENCE);
    assertThat(r.explanations().get(0).fix()).contains("peering");
  }

  @Test
  void missingVSwitchBlocksThePath() {
    PathResult r = PathAnalyzer.of(GOOD).privateTarget(Estates.network("vsw-gone"), RDS);
    assertThat(r.verdict()).isEqualTo(Verdict.UNREACHABLE);
    assertThat(r.vSwitchPaths()).singleElement().extracting(VSwitchPath::verdict).isEqualTo(Verdict.UNREACHABLE);
    assertThat(r.codes()).contains(ExplanationCode.VSWITCH_NOT_FOUND);
    assertThat(rds(GOOD).codes()).doesNotContain(ExplanationCode.VSWITCH_NOT_FOUND);
  }

  @Test
  void vSwitchOfAnotherVpcIsReported() {
    Inventory broken = good().addVpc(Vpc.builder().id("vpc-b").cidrBlock("10.0.0.0/16"))
        .vSwitches(List.of(Estates.vswA().vpcId("vpc-b").cidrBlock("10.0.1.0/24").build(), Estates.vswB().build(),
            Estates.vswDb().build())).build();
    assertBreaks(ExplanationCode.VSWITCH_NOT_IN_VPC, PathAnalyzerTest::rds, broken);
  }

  @Test
  void missingSecurityGroupIsReported() {
    PathResult r = PathAnalyzer.of(GOOD).privateTarget(
        Estates.network("vpc-a", "vsw-a", "sg-bp1abc*****"), RDS);
    assertThat(r.codes()).contains(ExplanationCode.SECURITY_GROUP_NOT_FOUND);
    assertThat(r.verdict()).isEqualTo(Verdict.UNREACHABLE);
    assertThat(r.explanations().get(0).fix()).contains("placeholder");
    assertThat(rds(GOOD).codes()).doesNotContain(ExplanationCode.SECURITY_GROUP_NOT_FOUND);
  }

  @Test
  void securityGroupOfAnotherVpcIsReported() {
    Inventory broken = good().securityGroups(List.of(Estates.sgEas().vpcId("vpc-b").build(),
        Estates.sgDb().build(), Estates.sgClient().build())).build();
    assertBreaks(ExplanationCode.SECURITY_GROUP_NOT_IN_VPC, PathAnalyzerTest::rds, broken);
    assertThat(rds(broken).verdict()).isEqualTo(Verdict.UNREACHABLE);
  }

  @Test
  void egressDropNamesTheDecidingRule() {
    Inventory broken = good().securityGroups(List.of(
        Estates.sgEas().addRule(SecurityGroupRule.egress().tcp(3306).peer("0.0.0.0/0").drop().priority(1)).build(),
        Estates.sgDb().build(), Estates.sgClient().build())).build();
    assertBreaks(ExplanationCode.SG_EGRESS_DENIES, PathAnalyzerTest::rds, broken);
    Explanation e = rds(broken).explanations().get(0);
    assertThat(e.component().id()).isEqualTo("sg-eas");
    assertThat(e.decidingRule().orElseThrow().rule().orElseThrow().priority()).isEqualTo(1);
    assertThat(e.decidingRule().orElseThrow().text()).contains("drop tcp 3306/3306 to 0.0.0.0/0");
    // a drop at priority 1 cannot be outranked by an accept (at equal priority the drop wins): advice, no remedy
    assertThat(e.remedy()).isEmpty();
    assertThat(e.fix()).contains("has priority 1, which no accept rule can outrank").contains("remove or narrow it");
  }

  @Test
  void egressDropAtALowerPriorityGetsAnAcceptRuleThatOutranksItAndTheRuleWorks() {
    SecurityGroupRule drop = SecurityGroupRule.egress().tcp(3306).peer("0.0.0.0/0").drop().priority(5).build();
    Inventory broken = good().securityGroups(List.of(Estates.sgEas().addRule(drop).build(),
        Estates.sgDb().build(), Estates.sgClient().build())).build();
    Explanation e = rds(broken).explanations().get(0);
    AuthorizeSecurityGroupRule r = (AuthorizeSecurityGroupRule) e.remedy().orElseThrow();
    assertThat(r.securityGroupId().value()).isEqualTo("sg-eas");
    assertThat(r.rule().priority()).isEqualTo(4);
    assertThat(r.rule().portRange().toString()).isEqualTo("3306/3306");
    assertThat(r.rule().peer().toString()).isEqualTo("192.168.10.5/32");
    assertThat(e.missing()).contains(new Missing.FlowNotAllowed(io.easnet.core.model.SecurityGroupRule.Direction.EGRESS,
        io.easnet.core.model.Protocol.TCP, io.easnet.core.model.PortRange.single(3306),
        Cidr.parse("192.168.10.5/32"), List.of()));
    Inventory fixed = good().securityGroups(List.of(Estates.sgEas().addRule(drop).addRule(r.rule()).build(),
        Estates.sgDb().build(), Estates.sgClient().build())).build();
    assertThat(rds(fixed).verdict()).isEqualTo(Verdict.REACHABLE);
  }

  @Test
  void enterpriseEasGroupWithoutEgressRuleDeniesByDefault() {
    Inventory broken = good().securityGroups(List.of(Estates.sgEas().type(SecurityGroupType.ENTERPRISE).build(),
        Estates.sgDb().build(), Estates.sgClient().build())).build();
    PathResult r = rds(broken);
    assertThat(r.codes()).containsExactly(ExplanationCode.SG_EGRESS_DENIES);
    assertThat(r.explanations().get(0).decidingRule().orElseThrow().text()).contains("enterprise");
  }

  @Test
  void targetGroupWithoutRuleForEasDeniesIngress() {
    Function<Inventory, PathResult> q = inv -> PathAnalyzer.of(inv).privateTarget(Estates.service(), ECS_DB);
    Inventory broken = good().securityGroups(List.of(Estates.sgEas().build(),
        Estates.sgDb().type(SecurityGroupType.BASIC).rules(List.of()).build(), Estates.sgClient().build())).build();
    assertBreaks(ExplanationCode.SG_INGRESS_DENIES, q, broken);
    Explanation e = q.apply(broken).explanations().get(0);
    assertThat(e.fix()).contains("add an ingress rule to sg-db").contains("from security group sg-eas");
    // the remedy names the EAS security group rather than a CIDR, and the rule it adds makes the path reachable
    AuthorizeSecurityGroupRule r = (AuthorizeSecurityGroupRule) e.remedy().orElseThrow();
    assertThat(r.securityGroupId().value()).isEqualTo("sg-db");
    assertThat(r.rule().peer().toString()).isEqualTo("sg-eas");
    assertThat(e.missing()).containsInstanceOf(Missing.FlowNotAllowed.class);
    Inventory fixed = good().securityGroups(List.of(Estates.sgEas().build(),
        Estates.sgDb().type(SecurityGroupType.BASIC).rules(List.of(r.rule())).build(), Estates.sgClient().build()))
        .build();
    assertThat(q.apply(fixed).verdict()).isEqualTo(Verdict.REACHABLE);
  }

  @Test
  void anEnterpriseTargetGroupIsFixedWithTheVSwitchBlocksNotAGroupPeer() {
    // advanced (enterprise) groups cannot name a security group as authorization object: the cloud refuses it
    Function<Inventory, PathResult> q = inv -> PathAnalyzer.of(inv).privateTarget(Estates.service(), ECS_DB);
    Inventory broken = good().securityGroups(List.of(Estates.sgEas().build(),
        Estates.sgDb().rules(List.of()).build(), Estates.sgClient().build())).build();
    List<AuthorizeSecurityGroupRule> remedies = q.apply(broken).explanations().stream()
        .flatMap(x -> x.remedy().stream()).map(AuthorizeSecurityGroupRule.class::cast).toList();
    assertThat(remedies).extracting(x -> x.rule().peer().toString())
        .containsExactly("192.168.1.0/24");
    Inventory fixed = good().securityGroups(List.of(Estates.sgEas().build(),
        Estates.sgDb().rules(remedies.stream().map(AuthorizeSecurityGroupRule::rule).toList()).build(),
        Estates.sgClient().build())).build();
    assertThat(q.apply(fixed).verdict()).isEqualTo(Verdict.REACHABLE);
  }

  @Test
  void targetRuleForASingleEasAddressDoesNotCoverTheVSwitch() {
    Function<Inventory, PathResult> q = inv -> PathAnalyzer.of(inv).privateTarget(Estates.service(), ECS_DB);
    Inventory broken = good().securityGroups(List.of(Estates.sgEas().build(),
        Estates.sgDb().rules(List.of(SecurityGroupRule.ingress().tcp(5432).peer("192.168.1.7").build())).build(),
        Estates.sgClient().build())).build();
    assertThat(q.apply(broken).codes()).contains(ExplanationCode.SG_INGRESS_DENIES);
  }

  @Test
  void unknownPrefixListMakesThePathUndetermined() {
    Function<Inventory, PathResult> q = inv -> PathAnalyzer.of(inv).privateTarget(Estates.service(), ECS_DB);
    Inventory broken = good().securityGroups(List.of(Estates.sgEas().build(),
        Estates.sgDb().rules(List.of(SecurityGroupRule.ingress().tcp(5432).peer("pl-eas").build())).build(),
        Estates.sgClient().build())).build();
    assertBreaks(ExplanationCode.PREFIX_LIST_UNKNOWN, q, broken);
    PathResult r = q.apply(broken);
    assertThat(r.verdict()).isEqualTo(Verdict.UNDETERMINED);
    assertThat(r.assumptions()).extracting(Assumption::sentence).anyMatch(s -> s.contains("pl-eas"));
  }

  @Test
  void unknownTargetIsUndetermined() {
    PathResult r = PathAnalyzer.of(GOOD).privateTarget(Estates.service(), Target.rds(RdsInstanceId.of("rm-404")));
    assertThat(r.verdict()).isEqualTo(Verdict.UNDETERMINED);
    assertThat(r.codes()).containsExactly(ExplanationCode.TARGET_NOT_FOUND);
    assertThat(r.assumptions()).isNotEmpty();
    assertThat(rds(GOOD).codes()).doesNotContain(ExplanationCode.TARGET_NOT_FOUND);
    assertThat(PathAnalyzer.of(GOOD).privateTarget(Estates.service(), Target.ecs(EcsInstanceId.of("i-404"), 22))
        .codes()).containsExactly(ExplanationCode.TARGET_NOT_FOUND);
  }

  @Test
  void targetWithoutAddressIsUndetermined() {
    Inventory broken = good().rdsInstances(List.of(io.easnet.core.model.RdsInstance.builder().id("rm-1")
        .vpcId("vpc-a").addAllowlist(AllowlistGroup.builder().name("default").addEntry("192.168.0.0/16"))
        .build())).build();
    assertBreaks(ExplanationCode.TARGET_ADDRESS_UNKNOWN, PathAnalyzerTest::rds, broken);
    assertThat(rds(broken).verdict()).isEqualTo(Verdict.UNDETERMINED);
  }

  @Test
  void defaultAllowlistAdmitsNobody() {
    Inventory broken = good().rdsInstances(List.of(Estates.rds()
        .allowlists(List.of(AllowlistGroup.builder().name("default").addEntry("127.0.0.1").build())).build()))
        .build();
    assertBreaks(ExplanationCode.TARGET_ALLOWLIST_MISSING_SOURCE, PathAnalyzerTest::rds, broken);
    PathResult r = rds(broken);
    assertThat(r.verdict()).isEqualTo(Verdict.UNREACHABLE);
    assertThat(r.explanations().get(0).actual()).contains("127.0.0.1").contains("nobody");
    assertThat(r.explanations().get(0).fix()).contains("192.168.1.0/24");
    assertThat(r.explanations()).hasSize(1);
  }

  @Test
  void allowlistCoveringHalfTheVSwitchIsMissingTheSource() {
    Inventory broken = good().redisInstances(List.of(Estates.redis()
        .allowlists(List.of(AllowlistGroup.builder().name("default").addEntry("192.168.1.0/25")
            .addEntry("192.168.2.0/24").build())).build())).build();
    PathResult r = PathAnalyzer.of(broken).privateTarget(Estates.service(), REDIS);
    assertThat(r.verdict()).isEqualTo(Verdict.UNREACHABLE);
    assertThat(r.codes()).containsExactly(ExplanationCode.TARGET_ALLOWLIST_MISSING_SOURCE);
    assertThat(r.explanations().get(0).actual()).contains("only part");
  }

  @Test
  void singleInstanceIpInAllowlistIsABlockerWithTheVSwitchFix() {
    Inventory broken = good().rdsInstances(List.of(Estates.rds()
        .allowlists(List.of(AllowlistGroup.builder().name("default").addEntry("192.168.1.7")
            .addEntry("192.168.2.0/24").build())).build())).build();
    assertBreaks(ExplanationCode.TARGET_ALLOWLIST_SINGLE_INSTANCE_IP, PathAnalyzerTest::rds, broken);
    PathResult r = rds(broken);
    assertThat(r.verdict()).isEqualTo(Verdict.UNREACHABLE);
    assertThat(r.explanations().get(0).fix()).contains("append 192.168.1.0/24 to allowlist group eas of rm-1")
        .contains("remove the single instance addresses 192.168.1.7/32");
  }

  @Test
  void boundEasSecurityGroupAdmitsLikeAnAllowlist() {
    Inventory inv = good().rdsInstances(List.of(Estates.rds()
        .allowlists(List.of(AllowlistGroup.builder().name("default").addEntry("127.0.0.1").build()))
        .addSecurityGroupId("sg-eas").build())).build();
    assertThat(rds(inv).verdict()).isEqualTo(Verdict.REACHABLE);
  }

  @Test
  void unknownClientIsUndetermined() {
    PathResult r = PathAnalyzer.of(GOOD).clientToService(EcsInstanceId.of("i-404"), Estates.service(), 8000);
    assertThat(r.verdict()).isEqualTo(Verdict.UNDETERMINED);
    assertThat(r.codes()).containsExactly(ExplanationCode.CLIENT_NOT_FOUND);
    assertThat(PathAnalyzer.of(GOOD).clientToService(CLIENT, Estates.service(), 8000).codes())
        .doesNotContain(ExplanationCode.CLIENT_NOT_FOUND);
  }

  @Test
  void clientOnAnotherPortIsDeniedByTheEasGroup() {
    PathResult r = PathAnalyzer.of(GOOD).clientToService(CLIENT, Estates.service(), 9000);
    assertThat(r.verdict()).isEqualTo(Verdict.UNREACHABLE);
    assertThat(r.codes()).containsExactly(ExplanationCode.SG_INGRESS_DENIES);
    assertThat(r.explanations().get(0).component().id()).isEqualTo("sg-eas");
    assertThat(r.explanations().get(0).fix()).contains("sg-client");
  }

  @Test
  void clientGroupEgressIsChecked() {
    Inventory broken = good().securityGroups(List.of(Estates.sgEas().build(), Estates.sgDb().build(),
        Estates.sgClient().type(SecurityGroupType.ENTERPRISE).build())).build();
    PathResult r = PathAnalyzer.of(broken).clientToService(CLIENT, Estates.service(), 8000);
    assertThat(r.codes()).containsExactly(ExplanationCode.SG_EGRESS_DENIES);
    assertThat(r.explanations().get(0).component().id()).isEqualTo("sg-client");
  }

  @Test
  void clientInAnotherVpcIsAMismatch() {
    Inventory broken = good().addVpc(Vpc.builder().id("vpc-b").cidrBlock("10.0.0.0/16"))
        .ecsInstances(List.of(Estates.ecsDb().build(), Estates.ecsClient().vpcId("vpc-b").build())).build();
    PathResult r = PathAnalyzer.of(broken).clientToService(CLIENT, Estates.service(), 8000);
    assertThat(r.codes()).contains(ExplanationCode.VPC_MISMATCH);
    assertThat(r.verdict()).isEqualTo(Verdict.UNREACHABLE);
  }

  @Test
  void clientToServiceRejectsAnInvalidPort() {
    assertThatThrownBy(() -> PathAnalyzer.of(GOOD).clientToService(CLIENT, Estates.service(), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 65535");
  }

  @Test
  void vpcWithoutNatGatewayHasNoInternet() {
    Inventory broken = good().natGateways(List.of()).snatEntries(List.of()).build();
    assertBreaks(ExplanationCode.NAT_MISSING, PathAnalyzerTest::internet, broken);
    // every blocker at once: no NAT, no SNAT entry, and the route points to a NAT that is gone
    assertThat(internet(broken).codes()).contains(ExplanationCode.NAT_MISSING,
        ExplanationCode.SNAT_NO_ENTRY_FOR_SOURCE, ExplanationCode.ROUTE_NO_NAT);
  }

  @Test
  void vpcNatGatewayGivesNoInternet() {
    Inventory broken = good().natGateways(List.of(Estates.nat().networkType(NatNetworkType.INTRANET).build())).build();
    assertBreaks(ExplanationCode.NAT_NOT_INTERNET, PathAnalyzerTest::internet, broken);
  }

  @Test
  void natGatewayMustBeAvailable() {
    Inventory broken = good().natGateways(List.of(Estates.nat().status("Creating").build())).build();
    assertBreaks(ExplanationCode.NAT_NOT_AVAILABLE, PathAnalyzerTest::internet, broken);
    assertThat(internet(broken).explanations().get(0).actual()).contains("Creating");
  }

  @Test
  void natGatewayNeedsAnEip() {
    Inventory broken = good().natGateways(List.of(Estates.nat().eipIds(List.of()).build())).build();
    assertBreaks(ExplanationCode.NAT_NO_EIP, PathAnalyzerTest::internet, broken);
    assertThat(internet(broken).verdict()).isEqualTo(Verdict.UNREACHABLE);
  }

  @Test
  void vSwitchWithoutSnatEntryHasNoInternet() {
    Inventory broken = good().snatEntries(List.of(Estates.snatA().build())).build();
    Function<Inventory, PathResult> fromB = inv -> PathAnalyzer.of(inv).internet(Estates.network("vsw-b"), ANY_443);
    assertBreaks(ExplanationCode.SNAT_NO_ENTRY_FOR_SOURCE, fromB, broken);
    PathResult r = fromB.apply(broken);
    assertThat(r.verdict()).isEqualTo(Verdict.UNREACHABLE); // the entry names vsw-a, nothing covers vsw-b
    assertThat(r.explanations().get(0).component().id()).isEqualTo("vsw-b");
    assertThat(internet(broken).verdict()).isEqualTo(Verdict.REACHABLE);
  }

  @Test
  void snatEntryForPartOfTheVSwitchIsPartialCoverage() {
    Inventory broken = good().snatEntries(List.of(Estates.snatVpc().sourceCidr(Cidr.parse("192.168.1.0/25"))
        .build())).build();
    Function<Inventory, PathResult> q =
        inv -> PathAnalyzer.of(inv).internet(Estates.network("vsw-a"), ANY_443);
    assertBreaks(ExplanationCode.SNAT_PARTIAL_COVERAGE, q, broken);
    assertThat(q.apply(broken).verdict()).isEqualTo(Verdict.AMBIGUOUS);
  }

  @Test
  void pendingSnatEntryBlocks() {
    Inventory broken = good().snatEntries(List.of(Estates.snatA().status("Pending").build(),
        Estates.snatVpc().build())).build();
    assertBreaks(ExplanationCode.SNAT_ENTRY_NOT_AVAILABLE, PathAnalyzerTest::internet, broken);
  }

  @Test
  void longestPrefixSnatEntryDecides() {
    SnatEntry slash24 = SnatEntry.builder().id("snat-24").snatTableId("stb-1").natGatewayId("ngw-1")
        .sourceCidr("192.168.2.0/24").addSnatIp("47.0.0.1").status("Pending").build();
    Inventory inv = good().addSnatEntry(slash24).build();
    PathResult r = PathAnalyzer.of(inv).internet(Estates.network("vsw-b"), ANY_443);
    assertThat(r.codes()).containsExactly(ExplanationCode.SNAT_ENTRY_NOT_AVAILABLE);
    assertThat(r.explanations().get(0).component().id()).isEqualTo("snat-24");
    PathResult other = PathAnalyzer.of(inv).internet(Estates.network("vsw-a"), ANY_443);
    assertThat(other.verdict()).isEqualTo(Verdict.REACHABLE);
  }

  @Test
  void missingRouteTableIsUndetermined() {
    Inventory broken = good().routeTables(List.of()).build();
    assertBreaks(ExplanationCode.ROUTE_TABLE_NOT_FOUND, PathAnalyzerTest::internet, broken);
    assertThat(internet(broken).verdict()).isEqualTo(Verdict.UNDETERMINED);
  }

  @Test
  void routeTableWithoutDefaultRouteToNatBlocks() {
    Inventory broken = good().routeTables(List.of(Estates.routes().entries(List.of()).build())).build();
    assertBreaks(ExplanationCode.ROUTE_NO_NAT, PathAnalyzerTest::internet, broken);
    assertThat(internet(broken).explanations().get(0).fix()).contains("0.0.0.0/0").contains("ngw-1");
  }

  @Test
  void moreSpecificRouteElsewhereWinsOverTheDefaultRoute() {
    RouteTable rt = Estates.routes().addEntry(RouteEntry.builder().destination("203.0.113.0/24")
        .nextHopType("VpnGateway").nextHopId("vpn-1").build()).build();
    Inventory inv = good().routeTables(List.of(rt)).build();
    PathResult r = PathAnalyzer.of(inv).internet(Estates.service(),
        InternetTarget.to(IpAddress.parse("203.0.113.10"), 443));
    assertThat(r.codes()).containsExactly(ExplanationCode.ROUTE_NO_NAT);
    assertThat(r.explanations().get(0).actual()).contains("VpnGateway");
    assertThat(PathAnalyzer.of(inv).internet(Estates.service(), ANY_443).verdict()).isEqualTo(Verdict.REACHABLE);
  }

  @Test
  void customRouteTableOfTheVSwitchIsUsed() {
    RouteTable custom = RouteTable.builder().id("vtb-custom").vpcId("vpc-a").type(RouteTable.Type.CUSTOM).build();
    Inventory inv = good().addRouteTable(custom)
        .vSwitches(List.of(Estates.vswA().routeTableId("vtb-custom").build(), Estates.vswB().build(),
            Estates.vswDb().build())).build();
    PathResult r = internet(inv);
    assertThat(r.verdict()).isEqualTo(Verdict.UNREACHABLE);
    assertThat(r.explanations()).singleElement().extracting(e -> e.component().id()).isEqualTo("vtb-custom");
  }

  @Test
  void externalAllowlistMustHoldTheSnatEip() {
    Function<Inventory, PathResult> ok = inv -> PathAnalyzer.of(inv).internet(Estates.service(),
        InternetTarget.to(IpAddress.parse("203.0.113.10"), 443).withAllowlist(List.of(Cidr.parse("47.0.0.1"))));
    Function<Inventory, PathResult> wrong = inv -> PathAnalyzer.of(inv).internet(Estates.service(),
        InternetTarget.to(IpAddress.parse("203.0.113.10"), 443).withAllowlist(List.of(Cidr.parse("192.168.1.0/24"))));
    assertThat(wrong.apply(GOOD).codes()).containsExactly(ExplanationCode.EXTERNAL_ALLOWLIST_MISSING_EIP);
    assertThat(wrong.apply(GOOD).explanations().get(0).fix()).contains("47.0.0.1");
    assertThat(ok.apply(GOOD).codes()).doesNotContain(ExplanationCode.EXTERNAL_ALLOWLIST_MISSING_EIP);
  }

  @Test
  void easEgressToTheInternetIsChecked() {
    Inventory broken = good().securityGroups(List.of(
        Estates.sgEas().addRule(SecurityGroupRule.egress().protocol(Protocol.TCP).ports("-1/-1")
            .peer("0.0.0.0/0").drop().priority(50)).build(),
        Estates.sgDb().build(), Estates.sgClient().build())).build();
    assertBreaks(ExplanationCode.SG_EGRESS_DENIES, PathAnalyzerTest::internet, broken);
  }

  @Test
  void everyBlockerIsListedNotOnlyTheFirst() {
    Inventory broken = good()
        .securityGroups(List.of(Estates.sgEas().type(SecurityGroupType.ENTERPRISE).build(), Estates.sgDb().build(),
            Estates.sgClient().build()))
        .rdsInstances(List.of(Estates.rds().allowlists(List.of(AllowlistGroup.builder().name("default")
            .addEntry("127.0.0.1").build())).build()))
        .natGateways(List.of(Estates.nat().eipIds(List.of()).status("Modifying").build()))
        .routeTables(List.of(Estates.routes().entries(List.of()).build()))
        .build();
    assertThat(rds(broken).codes()).containsExactlyInAnyOrder(ExplanationCode.SG_EGRESS_DENIES,
        ExplanationCode.TARGET_ALLOWLIST_MISSING_SOURCE);
    assertThat(internet(broken).codes()).containsExactlyInAnyOrder(ExplanationCode.SG_EGRESS_DENIES,
        ExplanationCode.NAT_NOT_AVAILABLE, ExplanationCode.NAT_NO_EIP, ExplanationCode.ROUTE_NO_NAT);
    VSwitchPath p = internet(broken).vSwitchPaths().get(0);
    assertThat(p.hops().stream().filter(h -> h.status() == HopStatus.BLOCKED).count()).isEqualTo(3);
  }

  @Test
  void explanationsAreDeduplicatedAcrossVSwitches() {
    Inventory broken = good().securityGroups(List.of(Estates.sgEas().type(SecurityGroupType.ENTERPRISE).build(),
        Estates.sgDb().build(), Estates.sgClient().build())).build();
    PathResult r = rds(broken);
    assertThat(r.vSwitchPaths()).allSatisfy(p -> assertThat(p.explanations()).hasSize(1));
    assertThat(r.explanations()).hasSize(1);
  }

  @Test
  void addressTargetOfAKnownInstanceUsesItsGroups() {
    Inventory broken = good().securityGroups(List.of(Estates.sgEas().build(),
        Estates.sgDb().rules(List.of()).build(), Estates.sgClient().build())).build();
    PathResult r = PathAnalyzer.of(broken).privateTarget(Estates.service(),
        Target.address(IpAddress.parse("192.168.10.20"), 5432, Protocol.TCP));
    assertThat(r.codes()).containsExactly(ExplanationCode.SG_INGRESS_DENIES);
  }

  @Test
  void addressTargetOfAnUnknownHostChecksOnlyTheEasSide() {
    PathResult r = PathAnalyzer.of(GOOD).privateTarget(Estates.service(),
        Target.address(IpAddress.parse("192.168.10.99"), 80, Protocol.TCP));
    assertThat(r.verdict()).isEqualTo(Verdict.REACHABLE);
    assertThat(r.assumptions()).extracting(Assumption::key).contains(AssumptionKey.TARGET_GROUPS_UNKNOWN);
  }

  @Test
  void natGatewayChosenByTheRoute() {
    NatGateway second = NatGateway.builder().id("ngw-2").vpcId("vpc-a").build();
    Inventory inv = good().natGateways(List.of(second, Estates.nat().build())).build();
    assertThat(internet(inv).verdict()).isEqualTo(Verdict.REACHABLE);
  }

  @Test
  void explanationToStringIsReadable() {
    Inventory broken = good().natGateways(List.of(Estates.nat().eipIds(List.of()).build())).build();
    assertThat(internet(broken).explanations().get(0).toString()).startsWith("NAT_NO_EIP on ngw-1: ")
        .contains("Fix: ");
  }

  @Test
  void eachVSwitchBlockIsUsedAsTheEasSource() {
    SecurityGroup db = Estates.sgDb().rules(List.of(
        SecurityGroupRule.ingress().tcp(5432).peer("192.168.1.0/24").build())).build();
    Inventory inv = good().securityGroups(List.of(Estates.sgEas().build(), db, Estates.sgClient().build())).build();
    PathAnalyzer a = PathAnalyzer.of(inv);
    assertThat(a.privateTarget(Estates.network("vsw-a"), ECS_DB).verdict()).isEqualTo(Verdict.REACHABLE);
    assertThat(a.privateTarget(Estates.network("vsw-b"), ECS_DB).verdict()).isEqualTo(Verdict.UNREACHABLE);
  }

  @Test
  void vSwitchOutsideTheVpcCannotBeBuilt() {
    assertThatThrownBy(() -> VSwitch.builder().id("vsw-x").vpcId("vpc-a").cidrBlock("10.0.0.0/30").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/16 to /29");
  }

  @Test
  void servicePortComesFromTheContainerOrDefaultsTo8000WithAnAssumption() {
    io.easnet.core.model.ServiceSpec withPort = io.easnet.core.model.ServiceSpec.builder().name("svc")
        .addContainer(io.easnet.core.model.ServiceSpec.Container.builder().port(8000).build()).build();
    io.easnet.core.model.ServiceSpec without = io.easnet.core.model.ServiceSpec.builder().name("svc").build();
    PathResult declared = PathAnalyzer.of(GOOD).clientToService(CLIENT, Estates.service(), withPort);
    PathResult defaulted = PathAnalyzer.of(GOOD).clientToService(CLIENT, Estates.service(), without);
    assertThat(declared.verdict()).isEqualTo(Verdict.REACHABLE);
    assertThat(declared.assumptions()).isEmpty();
    assertThat(defaulted.description()).endsWith(":8000");
    assertThat(defaulted.assumptions()).extracting(Assumption::key).containsExactly(AssumptionKey.SERVICE_PORT_DEFAULT);
  }
}
