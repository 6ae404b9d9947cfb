package io.easnet.core.rules.internal;

import io.easnet.core.rules.Finding;
import io.easnet.core.rules.RuleContext;
import io.easnet.core.rules.Finding.Severity;
import io.easnet.core.rules.Suppressions.Suppression;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * EASNET-900 and EASNET-901: findings about the suppressions file itself. They are produced while suppressions are
 * applied, not by {@code check}, which finds nothing.
 */
public final class SuppressionRules {
  static final Expired EXPIRED = new Expired();
  static final Unused UNUSED = new Unused();

  private SuppressionRules() {}

  /** EASNET-900 for an expired entry. */
  public static Finding expired(Suppression s, Optional<String> source, Optional<String> pointer, LocalDate today) {
    return Finding.of(EXPIRED)
        .source(source)
        .pointer(pointer.map(p -> p + "/expires").orElse(""))
        .message("the suppression of " + s.ruleId() + " for " + s.scope() + " expired on " + s.expires()
            + " (today is " + today + "); the findings it covered are reported again. Its reason was: " + s.reason())
        .remediation("fix the findings, or renew the suppression with a new expiry date and a current reason")
        .identity(s.ruleId() + "|" + s.scope() + "|" + s.expires())
        .build();
  }

  /**
   * EASNET-901 for an entry that covered no finding. {@code carried} lists the scopes the findings of its rule carry
   * in this run: when there are some, the entry's scope is what is wrong (a {@code service:} scope on a finding about
   * a security group), not the problem gone.
   */
  public static Finding unused(Suppression s, Optional<String> source, Optional<String> pointer,
      List<String> carried) {
    boolean mismatch = !carried.isEmpty();
    return Finding.of(UNUSED)
        .source(source)
        .pointer(mismatch ? pointer.map(p -> p + "/scope").orElse("") : pointer.orElse(""))
        .message("the suppression of " + s.ruleId() + " for " + s.scope() + " (until " + s.expires()
            + ") covers no finding" + (mismatch ? ", yet " + s.ruleId() + " is reported: its findings carry the"
                + " scope " + String.join(", ", carried) + ", and " + s.scope() + " matches none of them" : ""))
        .remediation(mismatch ? "change the scope to one the findings carry (" + String.join(" or ", carried)
            + "), or \"*\" for every finding of the rule; scopes are listed in docs/rules/README.md"
            : "remove the entry: no " + s.ruleId() + " finding is reported any more, the problem it accepted is"
                + " gone")
        .identity(s.ruleId() + "|" + s.scope() + "|" + s.expires())
        .build();
  }

  /** EASNET-900. */
  static final class Expired extends BaseRule {
    Expired() {
      super("EASNET-900", Severity.WARNING, "Suppression expired");
    }

    @Override
    public List<Finding> check(RuleContext context) {
      return List.of();
    }
  }

  /** EASNET-901. */
  static final class Unused extends BaseRule {
    Unused() {
      super("EASNET-901", Severity.INFO, "Suppression matches no finding");
    }

    @Override
    public List<Finding> check(RuleContext context) {
      return List.of();
    }
  }
}
