package io.easnet.core.analysis;

import io.easnet.core.analysis.CapacityReport.ServiceDemand;
import io.easnet.core.analysis.Explanation.Missing;
import io.easnet.core.analysis.Target.InternetTarget;
import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import io.easnet.core.analysis.Assumption.AssumptionKey;
import io.easnet.core.change.SetServiceNetworking;
import io.easnet.core.change.UpdateDLink;
import static io.easnet.core.analysis.Estates.good;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.resolve.EffectiveNetwork;
import io.easnet.core.resolve.NetworkResolver;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A resource group's VPC direct connection (UpdateResourceDLink): instances are in the primary vSwitch only; the
 * listed vSwitches and the destination CIDRs are return routes, which a client must be inside and an EAS-initiated
 * destination too. In the working estate the primary vSwitch is vsw-a (192.168.1.0/24); the RDS instance rm-1
 * (192.168.10.5) and the client i-client (192.168.10.30) are in vsw-db (192.168.10.0/24).
 */
class ResourceGroupSemanticsTest {
  private static final Target RDS = Target.rds(RdsInstanceId.of("rm-1"));
  private static final EcsInstanceId CLIENT = EcsInstanceId.of("i-client");
  private static final ServiceSpec SPEC = ServiceSpec.builder().name("svc").resourceGroupId("eas-r-1")
      .instanceCount(10).build();

  private static Inventory estate(ResourceGroup.Builder group) {
    return good().addResourceGroup(group).build();
  }

  private static EffectiveNetwork network(Inventory inv) {
    return NetworkResolver.create().resolve(SPEC, inv);
  }

  private static ResourceGroup.Builder withDestination(String cidr) {
    return ResourceGroup.builder().id("eas-r-1").dlink(DLink.builder().vpcId("vpc-a").vSwitchId("vsw-a")
        .securityGroupId("sg-eas").addDestinationCidr(cidr).build());
  }

  @Test
  void ipDemandLandsOnThePrimaryVSwitchOnlyNotOnTheListedOnes() {
    Inventory inv = estate(Estates.group("vsw-b", "vsw-db"));
    CapacityReport r = CapacityAnalyzer.of(inv).analyze(List.of(ServiceDemand.of(SPEC, network(inv))));
    assertThat(r.vSwitches()).extracting(c -> c.vSwitchId().value()).containsExactly("vsw-a");
    // 10 instances + 25 % surge (3), all on vsw-a: not split over the client vSwitches
    assertThat(r.vSwitch(VSwitchId.of("vsw-a")).orElseThrow().totalDemand()).isEqualTo(13);
  }

  @Test
  void aClientInsideTheReturnRoutesReachesTheService() {
    Inventory inv = estate(Estates.group("vsw-db"));
    PathResult r = PathAnalyzer.of(inv).clientToService(CLIENT, network(inv), 8000);
    assertThat(r.verdict()).isEqualTo(Verdict.REACHABLE);
    assertThat(r.vSwitchPaths()).extracting(p -> p.vSwitchId().value()).containsExactly("vsw-a");
  }

  @Test
  void aClientOutsideTheReturnRoutesGetsNoReplyAndTheRemedyListsItsVSwitch() {
    Inventory inv = estate(Estates.group("vsw-b"));
    PathResult r = PathAnalyzer.of(inv).clientToService(CLIENT, network(inv), 8000);
    assertThat(r.verdict()).isEqualTo(Verdict.UNREACHABLE);
    assertThat(r.codes()).containsExactly(ExplanationCode.DLINK_CLIENT_OUTSIDE_RETURN_ROUTES);
    Explanation e = r.explanations().get(0);
    assertThat(e.component().describe()).isEqualTo("resource group eas-r-1");
    assertThat(e.missing()).contains(new Missing.AddressesNotAdmitted(List.of(Cidr.parse("192.168.10.30/32"))));
    UpdateDLink fix = (UpdateDLink) e.remedy().orElseThrow();
    assertThat(fix.dlink().auxVSwitchIds()).extracting(Object::toString).containsExactly("vsw-b", "vsw-db");
    // applying the remedy makes the client reachable
    Inventory fixed = good().addResourceGroup(ResourceGroup.builder().id("eas-r-1").dlink(fix.dlink())).build();
    assertThat(PathAnalyzer.of(fixed).clientToService(CLIENT, network(fixed), 8000).verdict())
        .isEqualTo(Verdict.REACHABLE);
  }

  @Test
  void aDestinationInsideTheReturnRoutesIsReachable() {
    Inventory inv = estate(Estates.group("vsw-db"));
    PathResult r = PathAnalyzer.of(inv).privateTarget(network(inv), RDS);
    assertThat(r.verdict()).isEqualTo(Verdict.REACHABLE);
    assertThat(r.assumptions()).extracting(Assumption::key).doesNotContain(AssumptionKey.DLINK_RETURN_ROUTE_INFERRED);
  }

  @Test
  void aDestinationOutsideTheReturnRoutesIsBlockedWithTheInferenceStated() {
    Inventory inv = estate(Estates.group());
    PathResult r = PathAnalyzer.of(inv).privateTarget(network(inv), RDS);
    assertThat(r.verdict()).isEqualTo(Verdict.UNREACHABLE);
    assertThat(r.codes()).containsExactly(ExplanationCode.DLINK_DESTINATION_OUTSIDE_RETURN_ROUTES);
    assertThat(r.assumptions()).extracting(Assumption::key).contains(AssumptionKey.DLINK_RETURN_ROUTE_INFERRED);
    UpdateDLink fix = (UpdateDLink) r.explanations().get(0).remedy().orElseThrow();
    assertThat(fix.dlink().auxVSwitchIds()).extracting(Object::toString).containsExactly("vsw-db");
  }

  @Test
  void theInternetIsOutsideTheReturnRoutesAndTheRemedyIsAServiceLevelBlock() {
    Inventory inv = estate(Estates.group("vsw-db"));
    PathResult r = PathAnalyzer.of(inv).internet(network(inv), InternetTarget.any(443));
    assertThat(r.codes()).contains(ExplanationCode.DLINK_DESTINATION_OUTSIDE_RETURN_ROUTES);
    Explanation e = r.explanations().stream()
        .filter(x -> x.code() == ExplanationCode.DLINK_DESTINATION_OUTSIDE_RETURN_ROUTES).findFirst().orElseThrow();
    assertThat(e.remedy()).containsInstanceOf(SetServiceNetworking.class);
    assertThat(e.fix()).startsWith("set cloud.networking of service svc to vpc_id vpc-a, vswitch_id vsw-a,"
        + " security_group_id sg-eas");
  }

  @Test
  void destinationCidrsServeAsReturnRoutesInsteadOfTheList() {
    Inventory covering = estate(withDestination("192.168.10.0/24"));
    assertThat(PathAnalyzer.of(covering).privateTarget(network(covering), RDS).verdict())
        .isEqualTo(Verdict.REACHABLE);
    assertThat(PathAnalyzer.of(covering).clientToService(CLIENT, network(covering), 8000).verdict())
        .isEqualTo(Verdict.REACHABLE);
    Inventory elsewhere = estate(withDestination("172.16.0.0/16"));
    PathResult r = PathAnalyzer.of(elsewhere).privateTarget(network(elsewhere), RDS);
    assertThat(r.codes()).containsExactly(ExplanationCode.DLINK_DESTINATION_OUTSIDE_RETURN_ROUTES);
  }

  @Test
  void aListedVSwitchTheInventoryLacksLeavesTheRouteUndetermined() {
    Inventory inv = estate(Estates.group("vsw-gone"));
    PathResult r = PathAnalyzer.of(inv).privateTarget(network(inv), RDS);
    assertThat(r.verdict()).isEqualTo(Verdict.UNDETERMINED);
    assertThat(r.codes()).containsExactly(ExplanationCode.DLINK_ROUTE_VSWITCH_NOT_FOUND);
  }

  @Test
  void aServiceLevelBlockIsNotSubjectToTheReturnRoutes() {
    PathResult r = PathAnalyzer.of(estate(Estates.group())).privateTarget(Estates.service(), RDS);
    assertThat(r.verdict()).isEqualTo(Verdict.REACHABLE);
  }
}
