package io.easnet.cli.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The core purity rule also fails for Resilience4j and MockWebServer, which are not on this module's test classpath:
 * the fixtures depend on stand-in classes in those libraries' packages ({@code io.github.resilience4j..},
 * {@code mockwebserver3..}), which is what the rule matches.
 */
class CorePurityRuleMatchesByPackageTest {
  private static final String FIXTURE = "io.easnet.cli.arch.fixture.purity";
  private final JavaClasses fixtures = new ClassFileImporter().importPackages(FIXTURE);

  @Test
  void coreRuleFailsWhenCoreUsesResilience4j() {
    assertThatThrownBy(() -> ArchitectureRules.coreStaysPure(FIXTURE).check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("UsesResilience4j")
        .hasMessageContaining("io.github.resilience4j.archfixture.RetryStandIn");
  }

  @Test
  void coreRuleFailsWhenCoreUsesMockWebServer() {
    assertThatThrownBy(() -> ArchitectureRules.coreStaysPure(FIXTURE).check(fixtures))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("UsesMockWebServer")
        .hasMessageContaining("mockwebserver3.archfixture.MockWebServerStandIn")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Clean"));
  }

  @Test
  void theRuleNamesEveryForbiddenLibrary() {
    assertThat(ArchitectureRules.coreStaysPure("io.easnet.core").getDescription())
        .contains("okhttp3..", "mockwebserver3..", "io.github.resilience4j..", "org.junit..");
  }
}
