package io.easnet.core.rules;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a suppressions file: the rule id it silences, the scope ({@code *}, {@code service:NAME} or
 * {@code resource:ID}), why, and until when. Read with {@link Suppressions#parse(String)}.
 */
public final class Suppression {
  /** The scope that matches every finding of the rule. */
  public static final String ANY_SCOPE = "*";

  private final String ruleId;
  private final String scope;
  private final String reason;
  private final LocalDate expires;
  private final String pointer;

  private Suppression(String ruleId, String scope, String reason, LocalDate expires, String pointer) {
    this.ruleId = Objects.requireNonNull(ruleId, "ruleId");
    this.scope = Objects.requireNonNull(scope, "scope");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.expires = Objects.requireNonNull(expires, "expires");
    this.pointer = Objects.requireNonNull(pointer, "pointer");
  }

  /**
   * A suppression built in code.
   *
   * @throws IllegalArgumentException when the scope is not {@code *}, {@code service:NAME} or {@code resource:ID},
   *     or the reason is blank
   */
  public static Suppression of(String ruleId, String scope, String reason, LocalDate expires) {
    checkScope(scope);
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a suppression needs a reason");
    }
    return new Suppression(ruleId, scope, reason, expires, "");
  }

  static Suppression parsed(String ruleId, String scope, String reason, LocalDate expires, String pointer) {
    return new Suppression(ruleId, scope, reason, expires, pointer);
  }

  static void checkScope(String scope) {
    if (scope == null
        || !(scope.equals(ANY_SCOPE)
            || (scope.startsWith("service:") && scope.length() > "service:".length())
            || (scope.startsWith("resource:") && scope.length() > "resource:".length()))) {
      throw new IllegalArgumentException(
          "scope \"" + scope + "\" must be \"*\", \"service:NAME\" or \"resource:ID\"");
    }
  }

  /** The rule id, {@code EASNET-NNN}. */
  public String ruleId() {
    return ruleId;
  }

  /** {@code *}, {@code service:NAME} or {@code resource:ID}. */
  public String scope() {
    return scope;
  }

  /** Why the finding is accepted. */
  public String reason() {
    return reason;
  }

  /** The last day the suppression applies; from the day after, it is expired. */
  public LocalDate expires() {
    return expires;
  }

  /** The JSON pointer of the entry in its file ({@code /suppressions/0}); empty for one built in code. */
  public String pointer() {
    return pointer;
  }

  /** True when {@code today} is after {@link #expires()}. */
  public boolean isExpiredOn(LocalDate today) {
    return today.isAfter(expires);
  }

  /** True when this suppression covers {@code finding} (rule id and scope match), expiry aside. */
  public boolean matches(Finding finding) {
    if (!finding.ruleId().equals(ruleId)) {
      return false;
    }
    if (scope.equals(ANY_SCOPE)) {
      return true;
    }
    if (scope.startsWith("service:")) {
      return finding.serviceName().map(n -> n.equals(scope.substring("service:".length()))).orElse(false);
    }
    return finding.resourceIds().contains(scope.substring("resource:".length()));
  }

  /** The pointer when known. */
  Optional<String> pointerIfKnown() {
    return pointer.isEmpty() ? Optional.empty() : Optional.of(pointer);
  }

  @Override
  public String toString() {
    return ruleId + " for " + scope + " until " + expires + " (" + reason + ")";
  }
}
