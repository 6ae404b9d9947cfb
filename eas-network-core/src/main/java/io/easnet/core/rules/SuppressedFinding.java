package io.easnet.core.rules;

import java.util.Objects;

/**
 * A finding a suppression covered: reports keep it (SARIF lists it with a suppression entry, so code
 * scanning shows it as dismissed rather than fixed), but it never blocks.
 *
 * @param finding the finding as the rule reported it
 * @param suppression the first entry of the suppressions file that covers it
 */
public record SuppressedFinding(Finding finding, Suppression suppression) {
  /** Both are required. */
  public SuppressedFinding {
    Objects.requireNonNull(finding, "finding");
    Objects.requireNonNull(suppression, "suppression");
  }
}
