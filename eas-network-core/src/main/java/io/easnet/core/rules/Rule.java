package io.easnet.core.rules;

import io.easnet.core.rules.Finding.Severity;
import java.util.List;

/**
 * One check of the catalogue, in the style of Error Prone's bug patterns: a stable id ({@code EASNET-NNN}, never
 * reused), a default severity, a one-line summary, a documentation page and the check itself.
 *
 * <p>Implementations are stateless and thread-safe; {@link #check(RuleContext)} never throws on odd input, it
 * reports or skips.
 */
public interface Rule {
  /** Base of every rule's documentation page: the page of a rule is this followed by {@code EASNET-NNN.md}. */
  String DOC_BASE_URL = "https://github.com/easnet/eas-network/blob/main/docs/rules/";

  /** Path of the documentation pages inside the repository. */
  String DOC_PATH = "docs/rules/";

  /** The stable id, {@code EASNET-NNN}. */
  String id();

  /** The severity of the findings of this rule. */
  Severity severity();

  /** A one-line summary, e.g. {@code vSwitch not in the configured VPC}. */
  String summary();

  /** The documentation page: {@link #DOC_BASE_URL} + id + {@code .md}. */
  default String docUrl() {
    return DOC_BASE_URL + id() + ".md";
  }

  /** The repository-relative documentation page, {@code docs/rules/EASNET-NNN.md}. */
  default String docPath() {
    return DOC_PATH + id() + ".md";
  }

  /** Runs the check over the whole input; returns every finding (possibly none). */
  List<Finding> check(RuleContext context);
}
