package io.easnet.cli.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Guards docs/design.md §2 over the production classes of every module on this module's classpath. */
class ArchitectureTest {
  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.easnet");
  }

  @Test
  void theImportSeesTheProductionClassesOfCore() {
    org.assertj.core.api.Assertions.assertThat(production.contain("io.easnet.core.model.Inventory")).isTrue();
    org.assertj.core.api.Assertions.assertThat(production.contain("io.easnet.cli.arch.fixture.core.UsesOkHttp"))
        .isFalse();
  }

  @Test
  void coreImportsNoHttpNoResilienceNoTestLibraries() {
    ArchitectureRules.coreStaysPure("io.easnet.core").check(production);
  }

  @Test
  void testkitNeverImportsTheAliyunAdapter() {
    ArchitectureRules.testkitNeverUsesAliyun("io.easnet.testkit", "io.easnet.aliyun")
        .allowEmptyShould(true)
        .check(production);
  }

  @Test
  void theEmulatorsProtocolLayerNeverReachesTheFakesState() {
    ArchitectureRules.testkitWireLayerStandsAlone("io.easnet.testkit").check(production);
  }

  @Test
  void modulesFollowTheArrows() {
    ArchitectureRules.moduleArrows().check(production);
    ArchitectureRules.aliyunArrows().allowEmptyShould(true).check(production);
    ArchitectureRules.testkitArrows().allowEmptyShould(true).check(production);
  }

  @Test
  void publicClassesAreFinalOrClosedAbstract() {
    ArchitectureRules.publicClassesAreClosed("io.easnet",
        "io.easnet.core.EasNetworkException", "io.easnet.testkit.CloudPortContractTest").check(production);
  }

  @Test
  void coreHasAtMost80PublicTopLevelTypes() {
    ArchitectureRules.atMostPublicTopLevelTypes("io.easnet.core", 80).check(production);
  }

  @Test
  void noPublicSignatureExposesAnInternalType() {
    ArchitectureRules.internalTypesStayInternal("io.easnet").check(production);
  }

  @Test
  void coreFollowsItsPackageTiers() {
    ArchitectureRules.coreTiers("io.easnet.core").check(production);
  }

  @Test
  void rulesReadTheAnalysisAndNeverComputeIt() {
    ArchitectureRules.rulesReadTheAnalysis("io.easnet.core").check(production);
  }

  @Test
  void noModuleHasAPackageCycle() {
    ArchitectureRules.noPackageCycles("io.easnet.core").check(production);
    ArchitectureRules.noPackageCycles("io.easnet.aliyun").check(production);
    ArchitectureRules.noPackageCycles("io.easnet.testkit").check(production);
  }
}
