package io.easnet.core.analysis;

import io.easnet.core.analysis.Target.InternetTarget;
import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import static io.easnet.core.analysis.Estates.good;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.model.Cidr;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "Any internet destination" is every public IPv4 address, not 0.0.0.0/0: a group that drops egress to the private
 * ranges (a common hygiene rule against lateral movement) still reaches the internet.
 */
class InternetEgressIsPublicAddressesTest {

  private static Inventory withEasGroup(SecurityGroup.Builder g) {
    return good().securityGroups(List.of(g.build(), Estates.sgDb().build(), Estates.sgClient().build())).build();
  }

  @Test
  void droppingThePrivateRangesLeavesTheInternetReachable() {
    SecurityGroup.Builder g = Estates.sgEas()
        .addRule(SecurityGroupRule.egress().tcp(443).peer("10.0.0.0/8").drop())
        .addRule(SecurityGroupRule.egress().tcp(443).peer("172.16.0.0/12").drop())
        .addRule(SecurityGroupRule.egress().tcp(443).peer("192.168.0.0/16").drop());
    PathResult r = PathAnalyzer.of(withEasGroup(g)).internet(Estates.service(), InternetTarget.any(443));
    assertThat(r.codes()).doesNotContain(ExplanationCode.SG_EGRESS_DENIES);
    assertThat(r.verdict()).isEqualTo(Verdict.REACHABLE);
  }

  @Test
  void droppingAPublicBlockStillCutsAnyDestination() {
    SecurityGroup.Builder g = Estates.sgEas()
        .addRule(SecurityGroupRule.egress().tcp(443).peer("8.8.8.0/24").drop());
    PathResult r = PathAnalyzer.of(withEasGroup(g)).internet(Estates.service(), InternetTarget.any(443));
    assertThat(r.codes()).contains(ExplanationCode.SG_EGRESS_DENIES);
    assertThat(r.explanations()).filteredOn(e -> e.code() == ExplanationCode.SG_EGRESS_DENIES)
        .allSatisfy(e -> {
          assertThat(e.expected()).isEqualTo("outbound tcp 443 to every public IPv4 address");
          assertThat(e.decidingRule()).isPresent();
        });
    // and another destination is not affected
    assertThat(PathAnalyzer.of(withEasGroup(g)).internet(Estates.service(),
        InternetTarget.to(IpAddress.parse("1.1.1.1"), 443)).verdict()).isEqualTo(Verdict.REACHABLE);
  }

  @Test
  void anEnterpriseGroupAcceptingOnlyPrivateRangesDoesNotReachTheInternet() {
    SecurityGroup.Builder g = SecurityGroup.builder().id("sg-eas").vpcId("vpc-a").type(SecurityGroupType.ENTERPRISE)
        .addRule(SecurityGroupRule.egress().tcp(443).peer("10.0.0.0/8"));
    PathResult r = PathAnalyzer.of(withEasGroup(g)).internet(Estates.service(), InternetTarget.any(443));
    assertThat(r.codes()).contains(ExplanationCode.SG_EGRESS_DENIES);
  }

  @Test
  void anEnterpriseGroupAcceptingTheWholeInternetReachesIt() {
    SecurityGroup.Builder g = SecurityGroup.builder().id("sg-eas").vpcId("vpc-a").type(SecurityGroupType.ENTERPRISE)
        .addRule(SecurityGroupRule.egress().tcp(443).peer("0.0.0.0/1"))
        .addRule(SecurityGroupRule.egress().tcp(443).peer("128.0.0.0/1"));
    PathResult r = PathAnalyzer.of(withEasGroup(g)).internet(Estates.service(), InternetTarget.any(443));
    assertThat(r.codes()).doesNotContain(ExplanationCode.SG_EGRESS_DENIES);
  }

  @Test
  void thePublicBlocksAreDisjointAlignedAndLeaveOutExactlyTheNonInternetRanges() {
    List<Cidr> blocks = PublicIpv4.BLOCKS;
    BigInteger total = BigInteger.ZERO;
    for (int i = 0; i < blocks.size(); i++) {
      total = total.add(blocks.get(i).size());
      if (i > 0) {
        assertThat(blocks.get(i - 1).lastIpv4()).isLessThan(blocks.get(i).firstIpv4());
      }
    }
    // 2^32 − (0/8 + 10/8 + 100.64/10 + 127/8 + 169.254/16 + 172.16/12 + 192.168/16 + 224/3)
    long excluded = (1L << 24) * 3 + (1L << 22) + (1L << 16) + (1L << 20) + (1L << 16) + (1L << 29);
    assertThat(total).isEqualTo(BigInteger.valueOf((1L << 32) - excluded));
    for (String inside : List.of("1.1.1.1", "8.8.8.8", "47.96.1.1", "100.63.255.255", "100.128.0.0",
        "172.15.255.255", "172.32.0.0", "223.255.255.255")) {
      assertThat(blocks).as(inside).anyMatch(b -> b.contains(Cidr.parse(inside)));
    }
    for (String outside : List.of("10.1.2.3", "100.64.0.1", "127.0.0.1", "169.254.1.1", "172.16.0.1",
        "192.168.1.1", "224.0.0.1", "255.255.255.255", "0.0.0.0")) {
      assertThat(blocks).as(outside).noneMatch(b -> b.contains(Cidr.parse(outside)));
    }
  }
}
