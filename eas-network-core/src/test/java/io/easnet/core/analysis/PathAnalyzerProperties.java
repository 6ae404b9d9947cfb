package io.easnet.core.analysis;

import io.easnet.core.analysis.Target.InternetTarget;
import io.easnet.core.analysis.PathResult.VSwitchPath;
import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import io.easnet.core.analysis.PathResult.Hop.HopStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.NatGateway.NatNetworkType;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import io.easnet.core.resolve.EffectiveNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Over seeded random breakages of the working estate, the path analyzer never throws and its results are
 * consistent: a vSwitch is reachable exactly when every hop passes and nothing is explained, a blocked hop always
 * comes with an explanation, and the overall verdict is the combination of the per-vSwitch verdicts.
 */
class PathAnalyzerProperties {
  private static final int CASES = 200;

  private static Inventory randomEstate(SplittableRandom r) {
    Inventory.Builder b = Estates.good();
    if (r.nextInt(4) == 0) {
      b.natGateways(List.of(Estates.nat().status(r.nextBoolean() ? "Creating" : "Available")
          .networkType(r.nextBoolean() ? NatNetworkType.INTERNET : NatNetworkType.INTRANET).build()));
    }
    if (r.nextInt(5) == 0) {
      b.natGateways(List.of());
    }
    if (r.nextInt(4) == 0) {
      List<io.easnet.core.model.NatGateway.SnatEntry> entries = new ArrayList<>();
      if (r.nextBoolean()) {
        entries.add(Estates.snatA().status(r.nextBoolean() ? "Pending" : "Available").build());
      }
      if (r.nextBoolean()) {
        entries.add(Estates.snatVpc().sourceCidr(Cidr.parse(r.nextBoolean() ? "192.168.2.0/25" : "192.168.0.0/16"))
            .build());
      }
      b.snatEntries(entries);
    }
    if (r.nextInt(5) == 0) {
      b.routeTables(r.nextBoolean() ? List.of() : List.of(Estates.routes().entries(List.of()).build()));
    }
    if (r.nextInt(3) == 0) {
      List<SecurityGroup> groups = new ArrayList<>();
      for (SecurityGroup.Builder g : List.of(Estates.sgEas(), Estates.sgDb(), Estates.sgClient())) {
        if (r.nextInt(8) == 0) {
          continue;
        }
        if (r.nextBoolean()) {
          g.type(r.nextBoolean() ? SecurityGroupType.BASIC : SecurityGroupType.ENTERPRISE);
        }
        if (r.nextBoolean()) {
          g.addRule(SecurityGroupRule.egress().tcp(List.of(443, 3306, 5432).get(r.nextInt(3)))
              .peer(List.of("0.0.0.0/0", "192.168.10.0/24", "pl-x", "sg-db").get(r.nextInt(4)))
              .priority(1 + r.nextInt(3)).policy(r.nextBoolean()
                  ? io.easnet.core.model.SecurityGroupRule.Policy.DROP : io.easnet.core.model.SecurityGroupRule.Policy.ACCEPT));
        }
        groups.add(g.build());
      }
      b.securityGroups(groups);
    }
    if (r.nextInt(3) == 0) {
      AllowlistGroup.Builder a = AllowlistGroup.builder().name("default");
      for (String e : List.of("127.0.0.1", "192.168.1.7", "192.168.1.0/25", "192.168.2.0/24", "0.0.0.0/0")) {
        if (r.nextBoolean()) {
          a.addEntry(e);
        }
      }
      b.rdsInstances(List.of(Estates.rds().allowlists(List.of(a.build())).build()));
    }
    if (r.nextInt(6) == 0) {
      b.rdsInstances(List.of());
    }
    if (r.nextInt(6) == 0) {
      b.vSwitches(List.of(Estates.vswA().build(), Estates.vswDb().build()));
    }
    return b.build();
  }

  private static EffectiveNetwork randomNetwork(SplittableRandom r) {
    return switch (r.nextInt(6)) {
      case 0 -> Estates.none();
      case 1 -> Estates.network("vsw-a");
      case 2 -> Estates.network("vpc-a", "vsw-b", "sg-missing");
      default -> Estates.service();
    };
  }

  private static PathResult randomPath(SplittableRandom r, PathAnalyzer a, EffectiveNetwork n) {
    return switch (r.nextInt(7)) {
      case 0 -> a.privateTarget(n, Target.rds(RdsInstanceId.of("rm-1")));
      case 1 -> a.privateTarget(n, Target.redis(RedisInstanceId.of("r-1")));
      case 2 -> a.privateTarget(n, Target.ecs(EcsInstanceId.of("i-db"), 5432));
      case 3 -> a.privateTarget(n, Target.address(IpAddress.parse("192.168.10.20"), 5432, Protocol.TCP));
      case 4 -> a.internet(n, InternetTarget.any(443).withAllowlist(List.of(Cidr.parse("47.0.0.1"))));
      case 5 -> a.internet(n, InternetTarget.to(IpAddress.parse("203.0.113.1"), 443));
      default -> a.clientToService(EcsInstanceId.of("i-client"), n, 8000);
    };
  }

  static void resultsAreConsistent(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < CASES; i++) {
      Inventory inv = randomEstate(r);
      EffectiveNetwork n = randomNetwork(r);
      PathResult result = randomPath(r, PathAnalyzer.of(inv), n);
      String ctx = "seed " + seed + " case " + i + ": " + result;
      assertThat(result.verdict()).as(ctx).isEqualTo(result.vSwitchPaths().isEmpty()
          ? Verdict.UNREACHABLE : Verdict.combine(result.vSwitchPaths().stream().map(VSwitchPath::verdict).toList()));
      if (result.vSwitchPaths().isEmpty()) {
        assertThat(result.codes()).as(ctx).containsExactly(ExplanationCode.VPC_NONE);
      }
      for (VSwitchPath p : result.vSwitchPaths()) {
        boolean allPass = p.hops().stream().allMatch(h -> h.status() == HopStatus.PASS);
        boolean blocked = p.hops().stream().anyMatch(h -> h.status() == HopStatus.BLOCKED);
        assertThat(p.verdict() == Verdict.REACHABLE).as(ctx).isEqualTo(allPass);
        assertThat(p.verdict() == Verdict.UNREACHABLE).as(ctx).isEqualTo(blocked);
        if (allPass) {
          assertThat(p.explanations()).as(ctx).isEmpty();
        }
        if (blocked) {
          assertThat(p.explanations()).as(ctx).isNotEmpty();
        }
        assertThat(result.explanations()).as(ctx).containsAll(p.explanations());
      }
    }
  }

  @FuzzTest(maxDuration = "30s")
  void fuzzedSeeds(FuzzedDataProvider data) {
    resultsAreConsistent(data.consumeLong());
  }

  @Test
  void resultsAreConsistent() {
    resultsAreConsistent(20261126L);
  }
}
