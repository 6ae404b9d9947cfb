package io.easnet.core.analysis;

import io.easnet.core.analysis.Intent.IntentsFile;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.analysis.EstateAnalysis.AnalysisInput;
import io.easnet.core.analysis.CapacityReport.ServiceDemand;
import io.easnet.core.analysis.EstateAnalysis.ResolvedService;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import io.easnet.core.analysis.CapacityReport.VSwitchCapacity;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.json.SnapshotJson;
import io.easnet.core.model.Inventory;
import io.easnet.core.resolve.EffectiveNetwork;
import io.easnet.core.resolve.NetworkResolver;
import io.easnet.core.rules.RuleCatalog;
import io.easnet.core.rules.RuleContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one analysis of a run: every service resolved and every intent analysed exactly as the engines answer them one
 * by one, in name order whatever the input order, with the look-ups the rules read (docs/pipeline.md).
 */
class EstateAnalysisTest {
  private static final Path MISTAKES = Path.of("..", "examples", "mistakes");

  /** Every service of the mistakes gallery against its estate, with its intents when it has an intents file. */
  private static AnalysisInput mistakes() throws IOException {
    Inventory inventory = SnapshotJson.read(MISTAKES.resolve("estate.json")).inventory();
    List<ServiceInput> services = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(MISTAKES)) {
      files = s.filter(f -> f.toString().endsWith(".json") && !f.endsWith("estate.json"))
          .sorted(Comparator.reverseOrder()).toList();
    }
    for (Path f : files) {
      String name = f.getFileName().toString();
      if (name.endsWith(".intents.json")) {
        services.addAll(IntentsFile.read(f).services());
      } else if (!Files.exists(MISTAKES.resolve(name.replace(".json", ".intents.json")))) {
        services.add(ServiceInput.fromFile(f).build());
      }
    }
    return AnalysisInput.builder().inventory(inventory).inventorySource("estate.json").services(services)
        .today(LocalDate.of(2026, 1, 1)).build();
  }

  @Test
  void everyServiceIsResolvedAndEveryIntentAnalysedAsTheEnginesAnswerThemOneByOne() throws IOException {
    AnalysisInput input = mistakes();
    EstateAnalysis analysis = EstateAnalysis.of(input);
    assertThat(analysis.services()).hasSize(input.services().size()).extracting(ResolvedService::name).isSorted();
    assertThat(input.services()).extracting(ServiceInput::name).isNotEqualTo(
        analysis.services().stream().map(ResolvedService::name).toList()); // the input order is not the output order
    PathAnalyzer engine = PathAnalyzer.of(input.inventory());
    int intents = 0;
    for (ResolvedService s : analysis.services()) {
      EffectiveNetwork network = NetworkResolver.create().resolve(s.spec(), input.inventory());
      assertThat(s.network()).contains(network);
      assertThat(s.networkBlockers()).isEqualTo(engine.networkBlockers(network));
      assertThat(s.paths()).extracting(PathResult::intent).containsExactlyElementsOf(s.input().intents());
      for (Intent intent : s.input().intents()) {
        assertThat(s.path(intent)).contains(engine.analyse(network, s.spec(), intent));
      }
      intents += s.input().intents().size();
    }
    assertThat(intents).as("the gallery has intents to analyse").isPositive();
    assertThat(analysis.pathResults()).hasSize(intents);
  }

  @Test
  void servicesBlockedByACodeAreExactlyThoseWithSuchABlockerInServiceOrder() throws IOException {
    EstateAnalysis analysis = EstateAnalysis.of(mistakes());
    Set<ExplanationCode> seen = EnumSet.noneOf(ExplanationCode.class);
    for (ExplanationCode code : ExplanationCode.values()) {
      List<ResolvedService> expected = analysis.services().stream().filter(s -> codes(s).contains(code)).toList();
      assertThat(analysis.servicesBlockedBy(Set.of(code))).as(code.name()).containsExactlyElementsOf(expected);
      if (!expected.isEmpty()) {
        seen.add(code);
      }
    }
    assertThat(seen).as("the gallery's blockers").hasSizeGreaterThan(2);
    List<ResolvedService> any = analysis.services().stream().filter(s -> !codes(s).isEmpty()).toList();
    assertThat(analysis.servicesBlockedBy(EnumSet.allOf(ExplanationCode.class))).containsExactlyElementsOf(any);
    assertThat(analysis.servicesBlockedBy(Set.of())).isEmpty();
  }

  @Test
  void theCapacityIsTheCapacityEngineOverEveryServiceWithAVpc() throws IOException {
    AnalysisInput input = mistakes();
    EstateAnalysis analysis = EstateAnalysis.of(input);
    List<ServiceDemand> demands = analysis.services().stream().filter(s -> s.network().map(n -> n.hasVpc())
        .orElse(false)).map(s -> ServiceDemand.of(s.spec(), s.network().get())).toList();
    assertThat(demands).isNotEmpty();
    assertThat(analysis.capacity()).isEqualTo(CapacityAnalyzer.of(input.inventory()).analyze(demands));
    for (VSwitchCapacity c : analysis.capacity().vSwitches()) {
      assertThat(analysis.servicesInVSwitch(c.vSwitchId())).extracting(ResolvedService::name)
          .containsExactlyInAnyOrderElementsOf(c.demandByService().keySet());
    }
  }

  @Test
  void theCatalogueOverOneAnalysisFindsWhatItFindsOverTheInput() throws IOException {
    AnalysisInput input = mistakes();
    assertThat(RuleCatalog.standard().run(RuleContext.of(EstateAnalysis.of(input))))
        .isNotEmpty().isEqualTo(RuleCatalog.standard().run(input));
  }

  private static Set<ExplanationCode> codes(ResolvedService s) {
    Set<ExplanationCode> out = EnumSet.noneOf(ExplanationCode.class);
    s.networkBlockers().forEach(e -> out.add(e.code()));
    s.paths().forEach(p -> p.explanations().forEach(e -> out.add(e.code())));
    return out;
  }
}
