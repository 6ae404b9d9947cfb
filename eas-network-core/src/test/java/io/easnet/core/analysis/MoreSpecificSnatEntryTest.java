package io.easnet.core.analysis;

import io.easnet.core.analysis.Target.InternetTarget;
import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import static io.easnet.core.analysis.Estates.good;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.model.Cidr;
import io.easnet.core.model.Eip;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.NatGateway.SnatEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SNAT resolves overlapping sources by longest prefix per instance: an entry for part of the EAS vSwitch wins over
 * the entry for the whole vSwitch for the instances in that part. So its state and its EIPs matter too.
 */
class MoreSpecificSnatEntryTest {
  private static final String VSW_A = "vsw-a";

  private static SnatEntry.Builder quarter() {
    return SnatEntry.builder().id("snat-q").snatTableId("stb-1").natGatewayId("ngw-1")
        .sourceCidr("192.168.1.0/26").addSnatIp("47.0.0.3");
  }

  private static Inventory estate(SnatEntry.Builder quarter) {
    return good()
        .eips(List.of(Estates.eip().build(), Eip.builder().id("eip-3").ipAddress("47.0.0.3").instanceId("ngw-1")
            .instanceType("Nat").build()))
        .natGateways(List.of(Estates.nat().addEipId("eip-3").build()))
        .snatEntries(List.of(Estates.snatA().build(), Estates.snatVpc().build(), quarter.build()))
        .build();
  }

  private static PathResult internet(Inventory inv, InternetTarget target) {
    return PathAnalyzer.of(inv).internet(Estates.network(VSW_A), target);
  }

  @Test
  void aPendingEntryForPartOfTheVSwitchBlocksThoseInstances() {
    PathResult r = internet(estate(quarter().status("Pending")), InternetTarget.any(443));
    assertThat(r.verdict()).isEqualTo(Verdict.AMBIGUOUS);
    assertThat(r.explanations()).filteredOn(e -> e.code() == ExplanationCode.SNAT_ENTRY_NOT_AVAILABLE)
        .singleElement().satisfies(e -> {
          assertThat(e.component().id()).isEqualTo("snat-q");
          assertThat(e.actual()).isEqualTo("its status is Pending; instances in 192.168.1.0/26 use it, not snat-a");
        });
  }

  @Test
  void anAvailableEntryForPartOfTheVSwitchIsFine() {
    assertThat(internet(estate(quarter()), InternetTarget.any(443)).verdict()).isEqualTo(Verdict.REACHABLE);
  }

  @Test
  void theExternalAllowlistMustAlsoAdmitTheEipsOfTheMoreSpecificEntry() {
    InternetTarget onlyFirst = InternetTarget.to(IpAddress.parse("203.0.113.10"), 443)
        .withAllowlist(List.of(Cidr.parse("47.0.0.1")));
    PathResult r = internet(estate(quarter()), onlyFirst);
    assertThat(r.verdict()).isEqualTo(Verdict.AMBIGUOUS);
    assertThat(r.explanations()).filteredOn(e -> e.code() == ExplanationCode.EXTERNAL_ALLOWLIST_MISSING_EIP)
        .singleElement().satisfies(e -> assertThat(e.actual()).contains("misses 47.0.0.3"));
    InternetTarget both = InternetTarget.to(IpAddress.parse("203.0.113.10"), 443)
        .withAllowlist(List.of(Cidr.parse("47.0.0.1"), Cidr.parse("47.0.0.3")));
    assertThat(internet(estate(quarter()), both).verdict()).isEqualTo(Verdict.REACHABLE);
  }
}
