package io.easnet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.analysis.EstateAnalysis;
import io.easnet.core.analysis.EstateAnalysis.AnalysisInput;
import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.analysis.PathResult;
import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.analysis.Target.InternetTarget;
import io.easnet.core.analysis.internal.Memo;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.Eip;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleCatalog;
import io.easnet.testkit.gen.EstateGenerator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The estate analysis answers each distinct path question once per run (the security group's egress hop per group
 * and target, the gateway hops per VPC, vSwitch and target, a private target's resolution and its side's hops per
 * vSwitch and group: {@code Memo} in {@code InternetPath} and {@code PrivatePath}). This compares it with the same
 * analysis answering every question afresh ({@link Memo#bypassing}) on generated estates where many services share a
 * vSwitch, a group and their targets: the same path results (verdicts, hops, explanations with their prose and
 * remedies, assumptions) for every service and intent, the same network blockers, and the same findings of the whole
 * catalogue, rendered text included.
 */
class PathMemoDifferentialProperties {
  private static final int ESTATES = 60;

  @Test
  void theMemoizedAnalysisGivesExactlyTheUnmemoizedOne() {
    SplittableRandom r = new SplittableRandom(20261205L);
    Set<Verdict> verdicts = EnumSet.noneOf(Verdict.class);
    int paths = 0;
    int repeatedQuestions = 0;
    int findings = 0;
    for (int i = 0; i < ESTATES; i++) {
      Inventory estate = EstateGenerator.estate(r);
      List<ServiceInput> services = services(r, estate);
      AnalysisInput input = AnalysisInput.builder().inventory(estate).services(services)
          .today(LocalDate.of(2026, 12, 5)).build();

      EstateAnalysis memoized = EstateAnalysis.of(input);
      EstateAnalysis fresh = Memo.bypassing(() -> EstateAnalysis.of(input));
      assertThat(memoized.services()).hasSameSizeAs(fresh.services());
      Set<List<Object>> questions = new HashSet<>();
      for (int s = 0; s < memoized.services().size(); s++) {
        ResolvedService m = memoized.services().get(s);
        ResolvedService f = fresh.services().get(s);
        String where = "estate " + i + ", service " + m.name();
        assertThat(m.name()).as(where).isEqualTo(f.name());
        assertThat(m.networkBlockers()).as(where).isEqualTo(f.networkBlockers());
        assertThat(m.internetEgress()).as(where).isEqualTo(f.internetEgress());
        assertThat(m.paths()).as(where).hasSameSizeAs(f.paths());
        for (int p = 0; p < m.paths().size(); p++) {
          PathResult mp = m.paths().get(p);
          PathResult fp = f.paths().get(p);
          assertThat(mp).as("%s, %s", where, mp.intent().describe()).isEqualTo(fp);
          assertThat(mp.explanations().stream().map(Object::toString).toList())
              .as("%s, %s: the prose", where, mp.intent().describe())
              .isEqualTo(fp.explanations().stream().map(Object::toString).toList());
          verdicts.add(mp.verdict());
          paths++;
          List<Object> question = List.of(m.network().flatMap(n -> n.vSwitchId()).map(Object::toString).orElse(""),
              m.network().flatMap(n -> n.securityGroupId()).map(Object::toString).orElse(""), mp.intent());
          if (!questions.add(question)) {
            repeatedQuestions++;
          }
        }
      }

      List<Finding> memoFindings = RuleCatalog.standard().run(input);
      List<Finding> freshFindings = Memo.bypassing(() -> RuleCatalog.standard().run(input));
      assertThat(memoFindings).as("estate %d: the findings", i).isEqualTo(freshFindings);
      assertThat(memoFindings.stream().map(Finding::render).toList()).as("estate %d: the rendered findings", i)
          .isEqualTo(freshFindings.stream().map(Finding::render).toList());
      findings += memoFindings.size();
    }
    assertThat(paths).isGreaterThan(3_000);
    assertThat(repeatedQuestions).as("services share vSwitch, group and intent, so the memos are hit")
        .isGreaterThan(1_000);
    assertThat(findings).isGreaterThan(500);
    assertThat(verdicts).as("every verdict occurs").containsAll(EnumSet.allOf(Verdict.class));
  }

  /**
   * Twelve to thirty services over {@code estate}, from {@link PathFindingAgreementProperties#services}'s
   * networks and intents, renamed to be unique, plus internet targets (a host, an address, with and without an
   * allowlist that holds some of the estate's EIPs) that several services share.
   */
  private static List<ServiceInput> services(SplittableRandom r, Inventory estate) {
    List<InternetTarget> internet = new ArrayList<>();
    internet.add(InternetTarget.host("pypi.org", 443));
    internet.add(InternetTarget.to(IpAddress.parse("203.0.113.9"), 8443));
    List<Cidr> allowlist = new ArrayList<>();
    for (Eip e : estate.eips()) {
      if (r.nextBoolean()) {
        allowlist.add(e.ipAddress().asCidr());
      }
    }
    internet.add(InternetTarget.any(443).withAllowlist(allowlist));
    List<ServiceInput> out = new ArrayList<>();
    int target = r.nextInt(12, 31);
    while (out.size() < target) {
      for (ServiceInput s : PathFindingAgreementProperties.services(r, estate)) {
        String name = "svc-" + out.size();
        ServiceInput.Builder b = ServiceInput.builder().from(s)
            .spec(ServiceSpec.builder().from(s.spec()).name(name).build()).sourceName(name + ".json");
        for (InternetTarget t : internet) {
          if (r.nextInt(3) == 0) {
            b.addInternetTarget(t);
          }
        }
        out.add(b.build());
      }
    }
    return out;
  }
}
