package io.easnet.core.analysis;

import io.easnet.core.analysis.PathResult.Hop;
import io.easnet.core.analysis.Target.InternetTarget;
import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import io.easnet.core.analysis.PathResult.Hop.HopStatus;
import static io.easnet.core.analysis.Estates.good;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.model.Cidr;
import io.easnet.core.model.Eip;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.IpAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A SNAT entry may list several EIPs and connections leave through any of them, so an external allowlist must admit
 * every one; admitting only some is a partial blocker. (A mutation accepting one admitted EIP survived the existing
 * tests.)
 */
class SeveralSnatIpsTest {
  private static final Inventory TWO_EIPS = good()
      .eips(List.of(Estates.eip().build(), Eip.builder().id("eip-2").ipAddress("47.0.0.2").instanceId("ngw-1")
          .instanceType("Nat").build()))
      .natGateways(List.of(Estates.nat().addEipId("eip-2").build()))
      .snatEntries(List.of(Estates.snatA().snatIps(List.of(IpAddress.parse("47.0.0.1"), IpAddress.parse("47.0.0.2")))
          .build(), Estates.snatVpc().build()))
      .build();

  private static PathResult internet(List<String> allowlist) {
    return PathAnalyzer.of(TWO_EIPS).internet(Estates.network("vsw-a"),
        InternetTarget.to(IpAddress.parse("203.0.113.10"), 443)
            .withAllowlist(allowlist.stream().map(Cidr::parse).toList()));
  }

  @Test
  void anAllowlistWithOnlyOneOfTwoSnatIpsIsAPartialBlockerNamingTheMissingOne() {
    PathResult r = internet(List.of("47.0.0.1"));
    assertThat(r.verdict()).isEqualTo(Verdict.AMBIGUOUS);
    assertThat(r.explanations()).filteredOn(e -> e.code() == ExplanationCode.EXTERNAL_ALLOWLIST_MISSING_EIP)
        .singleElement().satisfies(e -> {
          assertThat(e.actual()).contains("misses 47.0.0.2");
          assertThat(e.fix()).startsWith("add 47.0.0.2");
        });
    assertThat(r.vSwitchPaths().get(0).hops()).filteredOn(h -> h.label().equals("external allowlist"))
        .extracting(Hop::status).containsExactly(HopStatus.PARTIAL);
  }

  @Test
  void anAllowlistWithBothSnatIpsPasses() {
    assertThat(internet(List.of("47.0.0.1", "47.0.0.2")).verdict()).isEqualTo(Verdict.REACHABLE);
    assertThat(internet(List.of("47.0.0.0/30")).verdict()).isEqualTo(Verdict.REACHABLE);
  }

  @Test
  void anAllowlistWithNeitherBlocks() {
    PathResult r = internet(List.of("8.8.8.8"));
    assertThat(r.verdict()).isEqualTo(Verdict.UNREACHABLE);
    assertThat(r.codes()).contains(ExplanationCode.EXTERNAL_ALLOWLIST_MISSING_EIP);
  }
}
