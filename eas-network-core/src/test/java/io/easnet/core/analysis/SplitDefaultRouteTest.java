package io.easnet.core.analysis;

import io.easnet.core.analysis.Target.InternetTarget;
import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import static io.easnet.core.analysis.Estates.good;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.model.Inventory;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.RouteTable.RouteEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Routes are evaluated semantically: a default route written as several blocks to the NAT is still the default. */
class SplitDefaultRouteTest {
  @Test
  void aDefaultRouteSplitInTwoHalvesToTheNatStillSendsTheInternetToTheNat() {
    Inventory inv = good().routeTables(List.of(Estates.routes().entries(List.of(
        RouteEntry.toNat("0.0.0.0/1", Estates.NGW), RouteEntry.toNat("128.0.0.0/1", Estates.NGW))).build())).build();
    PathResult any = PathAnalyzer.of(inv).internet(Estates.service(), InternetTarget.any(443));
    PathResult one = PathAnalyzer.of(inv).internet(Estates.service(),
        InternetTarget.to(IpAddress.parse("8.8.8.8"), 443));
    assertThat(one.verdict()).isEqualTo(Verdict.REACHABLE);
    assertThat(any.codes()).doesNotContain(ExplanationCode.ROUTE_NO_NAT);
    assertThat(any.verdict()).isEqualTo(Verdict.REACHABLE);
  }
  @Test
  void halvesToTwoDifferentNatGatewaysDoNotMakeADefaultRouteToEither() {
    Inventory inv = good().routeTables(List.of(Estates.routes().entries(List.of(
        RouteEntry.toNat("0.0.0.0/1", Estates.NGW), RouteEntry.toNat("128.0.0.0/1", NatGatewayId.of("ngw-2"))))
        .build())).build();
    PathResult any = PathAnalyzer.of(inv).internet(Estates.service(), InternetTarget.any(443));
    assertThat(any.codes()).contains(ExplanationCode.ROUTE_NO_NAT);
    assertThat(any.verdict()).isEqualTo(Verdict.UNREACHABLE);
  }

  @Test
  void threeQuartersToTheNatAreNotTheWholeInternet() {
    Inventory inv = good().routeTables(List.of(Estates.routes().entries(List.of(
        RouteEntry.toNat("0.0.0.0/2", Estates.NGW), RouteEntry.toNat("64.0.0.0/2", Estates.NGW),
        RouteEntry.toNat("128.0.0.0/2", Estates.NGW))).build())).build();
    PathResult any = PathAnalyzer.of(inv).internet(Estates.service(), InternetTarget.any(443));
    assertThat(any.codes()).contains(ExplanationCode.ROUTE_NO_NAT);
    // a destination inside the covered quarters is routed
    assertThat(PathAnalyzer.of(inv).internet(Estates.service(), InternetTarget.to(IpAddress.parse("8.8.8.8"), 443))
        .verdict()).isEqualTo(Verdict.REACHABLE);
    assertThat(PathAnalyzer.of(inv).internet(Estates.service(),
        InternetTarget.to(IpAddress.parse("200.1.1.1"), 443)).codes()).contains(ExplanationCode.ROUTE_NO_NAT);
  }
}
