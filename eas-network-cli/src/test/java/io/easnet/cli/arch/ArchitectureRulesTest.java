package io.easnet.cli.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** Every architecture rule can fail: each is checked against a fixture that breaks it on purpose. */
class ArchitectureRulesTest {
  private static final String FIXTURE = "io.easnet.cli.arch.fixture";
  private final JavaClasses fixtures = new ClassFileImporter().importPackages(FIXTURE);

  @Test
  void coreRuleFailsWhenCoreImportsOkHttpOrJUnit() {
    assertThatThrownBy(() -> ArchitectureRules.coreStaysPure(FIXTURE + ".core").check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("okhttp3.OkHttpClient")
        .hasMessageContaining("org.junit.jupiter.api.Assertions");
  }

  @Test
  void testkitRuleFailsWhenTestkitImportsAliyun() {
    assertThatThrownBy(() -> ArchitectureRules.testkitNeverUsesAliyun(FIXTURE + ".testkit", FIXTURE + ".aliyun")
            .check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("UsesAdapter");
  }

  @Test
  void wireLayerRuleFailsWhenTheProtocolLayerReachesIntoTheFake() {
    assertThatThrownBy(() -> ArchitectureRules.testkitWireLayerStandsAlone(FIXTURE + ".testkit").check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ReachesTheFake")
        .hasMessageContaining("UsesAdapter")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Protocol."));
  }

  @Test
  void surfaceRuleCountsPublicTopLevelTypesOutsideInternalAndFailsAboveTheBound() {
    // the fixture has one public top-level type (LeakyApi) and one in an internal package (Helper), not counted
    ArchitectureRules.atMostPublicTopLevelTypes(FIXTURE + ".api", 1).check(fixtures);
    assertThatThrownBy(() -> ArchitectureRules.atMostPublicTopLevelTypes(FIXTURE + ".api", 0).check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("has 1 public top-level types outside internal packages, more than 0")
        .hasMessageContaining(FIXTURE + ".api.LeakyApi");
  }

  @Test
  void internalRuleFailsWhenAPublicMethodReturnsAnInternalType() {
    assertThatThrownBy(() -> ArchitectureRules.internalTypesStayInternal(FIXTURE + ".api").check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("LeakyApi.helper()")
        .hasMessageContaining("internal type " + FIXTURE + ".api.internal.Helper");
  }

  @Test
  void closedClassRuleFailsForAPublicConcreteNonFinalClassAndAnOpenAbstractOne() {
    assertThatThrownBy(() -> ArchitectureRules.publicClassesAreClosed(FIXTURE + ".open").check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(FIXTURE + ".open.Extensible is public, concrete and not final")
        .hasMessageContaining(FIXTURE + ".open.OpenBase is abstract with a visible constructor");
  }

  @Test
  void tierRuleFailsWhenTheModelReachesUpIntoTheReport() {
    assertThatThrownBy(() -> ArchitectureRules.coreTiers(FIXTURE + ".tiers").check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Address.describe()")
        .hasMessageContaining(FIXTURE + ".tiers.report.Summary.title()")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Summary.of("));
  }

  @Test
  void tierRuleFailsWhenTheAnalysisOrThePlannerReachesIntoTheRules() {
    assertThatThrownBy(() -> ArchitectureRules.coreTiers(FIXTURE + ".tiers").check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(FIXTURE + ".tiers.analysis.Pipeline.run()")
        .hasMessageContaining(FIXTURE + ".tiers.plan.Proof.analyse()")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Proof.legal()"));
  }

  @Test
  void pipelineRuleFailsWhenARuleResolvesOrAnalysesItself() {
    assertThatThrownBy(() -> ArchitectureRules.rulesReadTheAnalysis(FIXTURE + ".pipeline").check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(FIXTURE + ".pipeline.rules.ComputesAPath.check()")
        .hasMessageContaining(FIXTURE + ".pipeline.analysis.PathAnalyzer")
        .hasMessageContaining(FIXTURE + ".pipeline.resolve.NetworkResolver")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("ReadsTheAnalysis"));
  }

  @Test
  void tierRuleFailsWhenAChangeReachesUpIntoTheAnalysisThePlanOrTheRules() {
    assertThatThrownBy(() -> ArchitectureRules.coreTiers(FIXTURE + ".tiers").check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(FIXTURE + ".tiers.change.Fix.usesAnalysis()")
        .hasMessageContaining(FIXTURE + ".tiers.change.Fix.usesPlan()")
        .hasMessageContaining(FIXTURE + ".tiers.change.Fix.usesRules()")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Fix.usesPort()").doesNotContain("Emits."));
  }

  @Test
  void cycleRuleFailsOnModelToInternalToModel() {
    assertThatThrownBy(() -> ArchitectureRules.noPackageCycles(FIXTURE + ".cycle").check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("BlockUnion")
        .hasMessageContaining("IntervalSet")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("StandardRule"));
  }

  @Test
  void aTierAndItsInternalPackageAreOneSliceButTheSharedJsonHelpersStandAlone() {
    String core = "io.easnet.core";
    assertThat(ArchitectureRules.sliceOf(core + ".rules.internal", core)).isEqualTo(core + ".rules");
    assertThat(ArchitectureRules.sliceOf(core + ".load.internal", core)).isEqualTo(core + ".load");
    assertThat(ArchitectureRules.sliceOf(core + ".internal", core)).isEqualTo(core);
    assertThat(ArchitectureRules.sliceOf(core + ".internal.json", core)).isEqualTo(core + ".internal.json");
    assertThat(ArchitectureRules.sliceOf(core + ".internalized", core)).isEqualTo(core + ".internalized");
    assertThat(ArchitectureRules.sliceOf(core, core)).isEqualTo(core);
    assertThat(ArchitectureRules.sliceOf(core + ".model", core)).isEqualTo(core + ".model");
    assertThat(ArchitectureRules.sliceOf(core + ".rules.internal.deep", core)).isEqualTo(core + ".rules");
    String testkit = "io.easnet.testkit";
    assertThat(ArchitectureRules.sliceOf(testkit + ".internal.wire", testkit)).isEqualTo(testkit + ".internal.wire");
    assertThat(ArchitectureRules.sliceOf(testkit + ".emulator", testkit)).isEqualTo(testkit + ".emulator");
  }
}
