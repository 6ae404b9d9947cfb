package io.easnet.core.rules;

/** How bad a finding is. Declared from the most to the least severe. */
public enum Severity {
  /** The service will not work as configured (or is dangerously exposed): blocks a deployment. */
  ERROR,
  /** Works today, but is risky, costly or close to a limit. */
  WARNING,
  /** Worth knowing; nothing to fix necessarily. */
  INFO;

  /** The lower-case name, e.g. {@code error}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
