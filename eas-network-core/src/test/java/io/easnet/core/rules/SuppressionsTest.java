package io.easnet.core.rules;

import io.easnet.core.rules.Suppressions.Suppression;
import io.easnet.core.rules.Finding.Severity;
import static io.easnet.core.rules.Estate.input;
import static io.easnet.core.rules.Estate.inventory;
import static io.easnet.core.rules.Estate.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.InvalidInputException;
import io.easnet.core.analysis.EstateAnalysis.AnalysisInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuppressionsTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

  private static AnalysisInput input(LocalDate today) {
    AnalysisInput.Builder b = AnalysisInput.builder().inventory(inventory().build()).inventorySource("snapshot.json")
        .addService(Estate.input(service("ranker-prod"))).addService(Estate.input(service("ranker-dev")));
    return (today == null ? b : b.today(today)).build();
  }

  private static String file(String scope, String expires) {
    return "{\"suppressions\":[{\"id\":\"EASNET-014\",\"scope\":\"" + scope + "\",\"reason\":\"split planned\","
        + "\"expires\":\"" + expires + "\"}]}";
  }

  @Test
  void validSuppressionRemovesTheMatchingFinding() {
    assertThat(RuleCatalog.standard().run(input(TODAY))).extracting(Finding::ruleId).contains("EASNET-014");
    List<Finding> f = RuleCatalog.standard().run(input(TODAY),
        Suppressions.parse(file("resource:sg-eas", "2027-01-31")));
    assertThat(f).extracting(Finding::ruleId).doesNotContain("EASNET-014", "EASNET-900", "EASNET-901");
  }

  @Test
  void applyNeedsADay() {
    Suppressions s = Suppressions.parse(file("*", "2027-01-31"));
    assertThatThrownBy(() -> s.apply(List.of(), null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("today");
    assertThat(s.apply(List.of(), LocalDate.of(2027, 2, 1))).extracting(Finding::ruleId).containsExactly("EASNET-900");
  }

  @Test
  void suppressionIsValidOnItsExpiryDay() {
    List<Finding> f = RuleCatalog.standard().run(input(LocalDate.of(2027, 1, 31)),
        Suppressions.parse(file("*", "2027-01-31")));
    assertThat(f).extracting(Finding::ruleId).doesNotContain("EASNET-014", "EASNET-900");
  }

  @Test
  void expiredSuppressionSuppressesNothingAndIsReported() {
    List<Finding> f = RuleCatalog.standard().run(input(TODAY), Suppressions.parse(file("*", "2026-01-31")));
    assertThat(f).extracting(Finding::ruleId).contains("EASNET-014", "EASNET-900");
    Finding expired = f.stream().filter(x -> x.ruleId().equals("EASNET-900")).findFirst().orElseThrow();
    assertThat(expired.message()).isEqualTo("the suppression of EASNET-014 for * expired on 2026-01-31 (today is"
        + " 2026-11-27); the findings it covered are reported again. Its reason was: split planned");
    assertThat(expired.pointer()).isEqualTo("/suppressions/0/expires");
    assertThat(expired.severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void withoutAnInjectedDateTheSystemClockExpiresSuppressions() {
    // expiry is never silently off: the default clock is the system clock, long past 2020
    List<Finding> f = RuleCatalog.standard().run(input(null), Suppressions.parse(file("*", "2020-01-01")));
    assertThat(f).extracting(Finding::ruleId).contains("EASNET-014", "EASNET-900");
  }

  @Test
  void anInjectedClockDecidesExpiry() {
    java.time.Clock before = java.time.Clock.fixed(java.time.Instant.parse("2019-12-31T23:59:59Z"),
        java.time.ZoneOffset.UTC);
    AnalysisInput in = AnalysisInput.builder().from(input(null)).clock(before).build();
    List<Finding> f = RuleCatalog.standard().run(in, Suppressions.parse(file("*", "2020-01-01")));
    assertThat(f).extracting(Finding::ruleId).doesNotContain("EASNET-014", "EASNET-900");
  }

  @Test
  void unusedSuppressionIsReportedAsInfo() {
    List<Finding> f = RuleCatalog.standard().run(input(TODAY),
        Suppressions.parse(file("service:nobody", "2027-01-31")));
    Finding unused = f.stream().filter(x -> x.ruleId().equals("EASNET-901")).findFirst().orElseThrow();
    // EASNET-014 is still reported: the scope is what is wrong, and the note says which scope its findings carry
    assertThat(unused.message()).isEqualTo("the suppression of EASNET-014 for service:nobody (until 2027-01-31)"
        + " covers no finding, yet EASNET-014 is reported: its findings carry the scope resource:sg-eas, and"
        + " service:nobody matches none of them");
    assertThat(unused.remediation()).startsWith("change the scope to one the findings carry (resource:sg-eas)")
        .doesNotContain("gone");
    assertThat(unused.pointer()).isEqualTo("/suppressions/0/scope");
    assertThat(unused.severity()).isEqualTo(Severity.INFO);
    assertThat(f).extracting(Finding::ruleId).contains("EASNET-014");
  }

  @Test
  void anEntryWhoseRuleReportsNothingSaysTheProblemIsGone() {
    AnalysisInput one = AnalysisInput.builder().inventory(inventory().build()).inventorySource("snapshot.json")
        .addService(Estate.input(service("ranker-prod"))).today(TODAY).build();
    List<Finding> f = RuleCatalog.standard().run(one, Suppressions.parse(file("resource:sg-eas", "2027-01-31")));
    Finding unused = f.stream().filter(x -> x.ruleId().equals("EASNET-901")).findFirst().orElseThrow();
    assertThat(unused.message()).endsWith("covers no finding");
    assertThat(unused.remediation()).contains("no EASNET-014 finding is reported any more");
    assertThat(unused.pointer()).isEqualTo("/suppressions/0");
  }

  /** An id the catalogue does not hold would suppress nothing, silently: an input error naming file and pointer. */
  @Test
  void anUnknownRuleIdIsAnInputErrorWithTheKnownIds(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("suppressions.json");
    Files.writeString(file, "{\"suppressions\":[" + "{\"id\":\"EASNET-014\",\"scope\":\"*\",\"reason\":\"r\","
        + "\"expires\":\"2027-01-31\"},{\"id\":\"EASNET-999\",\"scope\":\"*\",\"reason\":\"r\","
        + "\"expires\":\"2027-01-31\"}]}");
    Suppressions parsed = Suppressions.parse(file);
    assertThatThrownBy(() -> RuleCatalog.standard().run(input(TODAY), parsed))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("suppressions.json at /suppressions/1/id")
        .hasMessageContaining("\"EASNET-999\" is not a rule of the catalogue")
        .hasMessageContaining("did you mean \"EASNET-009\"?")
        .hasMessageContaining("EASNET-001\u2026" + RuleCatalog.standard().rules().stream().map(Rule::id)
            .filter(id -> !id.startsWith("EASNET-9")).max(String::compareTo).orElseThrow()
            + ", EASNET-900\u2026EASNET-901");
    // a catalogue without the rule refuses its id too: the check is against the catalogue that runs
    assertThatThrownBy(() -> RuleCatalog.standard().without("EASNET-014").run(input(TODAY),
        Suppressions.parse(file("*", "2027-01-31")))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("\"EASNET-014\" is not a rule of the catalogue");
  }

  @Test
  void serviceScopeMatchesTheFindingsOfThatService() {
    Finding f = Finding.builder().ruleId("EASNET-001").severity(Severity.ERROR).summary("s").message("m")
        .serviceName("svc").remediation("r").docUrl("u").build();
    assertThat(Suppression.of("EASNET-001", "service:svc", "ok", TODAY).matches(f)).isTrue();
    assertThat(Suppression.of("EASNET-001", "service:other", "ok", TODAY).matches(f)).isFalse();
    assertThat(Suppression.of("EASNET-002", "*", "ok", TODAY).matches(f)).isFalse();
  }

  @Test
  void missingReasonIsRejectedWithItsPointer() {
    assertThatThrownBy(() -> Suppressions.parse(
        "{\"suppressions\":[{\"id\":\"EASNET-014\",\"scope\":\"*\",\"expires\":\"2027-01-31\"}]}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("input at /suppressions/0/reason: \"reason\" is missing. Fix: add \"reason\": why the finding is"
            + " accepted.");
  }

  @Test
  void missingExpiryBadDateBadIdBadScopeAndUnknownKeysAreRejected() {
    assertThatThrownBy(() -> Suppressions.parse(
        "{\"suppressions\":[{\"id\":\"EASNET-014\",\"scope\":\"*\",\"reason\":\"r\"}]}"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("/suppressions/0/expires");
    assertThatThrownBy(() -> Suppressions.parse(file("*", "31.01.2027")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("\"31.01.2027\" is not a date");
    assertThatThrownBy(() -> Suppressions.parse(file("group:x", "2027-01-31")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("/suppressions/0/scope");
    assertThatThrownBy(() -> Suppressions.parse(
        "{\"suppressions\":[{\"id\":\"14\",\"scope\":\"*\",\"reason\":\"r\",\"expires\":\"2027-01-31\"}]}"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("\"14\" is not a rule id");
    assertThatThrownBy(() -> Suppressions.parse(
        "{\"suppressions\":[{\"id\":\"EASNET-001\",\"scope\":\"*\",\"reason\":\"r\",\"expires\":\"2027-01-31\","
            + "\"until\":1}]}"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("/suppressions/0/until");
  }

  @Test
  void malformedDocumentsAreInvalidInputNotCrashes() {
    for (String bad : List.of("", "[]", "{", "{\"suppressions\":{}}", "{\"suppressions\":[1]}",
        "{\"suppressions\":[{\"id\":1}]}", "null")) {
      assertThatThrownBy(() -> Suppressions.parse(bad)).as(bad).isInstanceOf(InvalidInputException.class);
    }
  }

  @Test
  void fileLocationsNameTheFile(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("suppressions.json");
    Files.writeString(p, file("*", "2026-01-31"));
    List<Finding> f = RuleCatalog.standard().run(input(TODAY), Suppressions.parse(p,
        io.easnet.core.internal.SourceNames.of(p, dir)));
    Finding expired = f.stream().filter(x -> x.ruleId().equals("EASNET-900")).findFirst().orElseThrow();
    assertThat(expired.location()).isEqualTo("suppressions.json:/suppressions/0/expires");
    // without a base directory, the path relative to the working directory
    Finding fromCwd = RuleCatalog.standard().run(input(TODAY), Suppressions.parse(p)).stream()
        .filter(x -> x.ruleId().equals("EASNET-900")).findFirst().orElseThrow();
    assertThat(fromCwd.location()).isEqualTo(io.easnet.core.internal.SourceNames.of(p)
        + ":/suppressions/0/expires").endsWith("/suppressions.json:/suppressions/0/expires");
    assertThatThrownBy(() -> Suppressions.parse(dir.resolve("missing.json")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("missing.json at /: the file does not exist.");
  }
}
