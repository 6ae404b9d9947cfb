package io.easnet.core.rules;

import io.easnet.core.analysis.EstateAnalysis.AnalysisInput;
import io.easnet.core.analysis.EstateAnalysis;
import io.easnet.core.rules.internal.StandardRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A set of {@link Rule}s, sorted by id, and the runner that applies them.
 *
 * <pre>{@code
 * List<Finding> findings = RuleCatalog.standard().run(input);
 * List<Finding> kept = RuleCatalog.standard().run(input, Suppressions.parse(Path.of("suppressions.json")));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RuleCatalog {
  private static final Pattern ID = Pattern.compile("EASNET-\\d{3}");
  private static final RuleCatalog STANDARD = of(StandardRules.all());

  private final Map<String, Rule> rules;

  private RuleCatalog(Map<String, Rule> rules) {
    this.rules = rules;
  }

  /** Every rule shipped with the library. */
  public static RuleCatalog standard() {
    return STANDARD;
  }

  /**
   * A catalogue of the given rules.
   *
   * @throws IllegalArgumentException when an id is malformed or used twice
   */
  public static RuleCatalog of(List<? extends Rule> rules) {
    List<Rule> sorted = new ArrayList<>(rules);
    sorted.sort(Comparator.comparing(Rule::id));
    Map<String, Rule> map = new LinkedHashMap<>();
    for (Rule r : sorted) {
      if (!ID.matcher(r.id()).matches()) {
        throw new IllegalArgumentException("rule id \"" + r.id() + "\" must look like EASNET-012");
      }
      if (map.put(r.id(), r) != null) {
        throw new IllegalArgumentException("two rules use the id " + r.id() + "; ids are never shared or reused");
      }
    }
    return new RuleCatalog(map);
  }

  /** The rules, sorted by id. */
  public List<Rule> rules() {
    return List.copyOf(rules.values());
  }

  /** The rule with this id. */
  public Optional<Rule> rule(String id) {
    return Optional.ofNullable(rules.get(id));
  }

  /** A catalogue without the rules whose ids are given (e.g. to disable a rule everywhere). */
  public RuleCatalog without(String... ids) {
    List<Rule> kept = new ArrayList<>(rules.values());
    kept.removeIf(r -> List.of(ids).contains(r.id()));
    return of(kept);
  }

  /**
   * Runs every rule and returns the findings sorted by {@link Finding#ORDER}, without two findings of one
   * fingerprint.
   */
  public List<Finding> run(AnalysisInput input) {
    return run(RuleContext.of(EstateAnalysis.of(input)));
  }

  /**
   * Runs every rule over a context already computed (its path results and capacity are shared, not recomputed) and
   * returns the findings sorted by {@link Finding#ORDER}, without two findings of one fingerprint.
   */
  public List<Finding> run(RuleContext context) {
    Map<String, Finding> byFingerprint = new LinkedHashMap<>();
    for (Rule rule : rules.values()) {
      for (Finding f : rule.check(context)) {
        byFingerprint.merge(f.fingerprint(), f, (a, b) -> Finding.ORDER.compare(a, b) <= 0 ? a : b);
      }
    }
    List<Finding> out = new ArrayList<>(byFingerprint.values());
    out.sort(Finding.ORDER);
    return List.copyOf(out);
  }

  /**
   * Runs every rule, then applies the suppressions with {@link AnalysisInput#today()}: suppressed findings are
   * removed, expired suppressions and unused ones are reported.
   */
  public List<Finding> run(AnalysisInput input, Suppressions suppressions) {
    return run(RuleContext.of(EstateAnalysis.of(input)), suppressions);
  }

  /** As {@link #run(AnalysisInput, Suppressions)} over a context already computed. */
  public List<Finding> run(RuleContext context, Suppressions suppressions) {
    // an entry for a rule the catalogue does not hold is an input error, never silently nothing (docs/rules/README.md)
    suppressions.requireKnownRules(rules().stream().map(Rule::id).toList());
    return suppressions.apply(run(context), context.today());
  }
}
