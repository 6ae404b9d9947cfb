package io.easnet.core.report;

import io.easnet.core.internal.Consoles;

/**
 * Options of the text format ({@link ReportFormat#TEXT}): ANSI colour only when asked for. Immutable; {@link #defaults()} has colour off, and
 * {@link #forTerminal()} turns it on only when standard output is a terminal and the environment does not opt out
 * ({@code NO_COLOR}, {@code TERM=dumb}).
 */
public final class TextReportOptions {
  private static final TextReportOptions DEFAULTS = new TextReportOptions(false);

  private final boolean color;

  private TextReportOptions(boolean color) {
    this.color = color;
  }

  /** Colour off. */
  public static TextReportOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Colour when this JVM writes to a terminal ({@code System.console()} is present), {@code NO_COLOR} is not set
   * (see no-color.org) and {@code TERM} is not {@code dumb}.
   */
  public static TextReportOptions forTerminal() {
    return forTerminal(Consoles.isTerminal(), System.getenv());
  }

  /**
   * As {@link #forTerminal()}, with the facts given: colour when {@code terminal} is true, {@code env} has no
   * non-empty {@code NO_COLOR} and its {@code TERM} is not {@code dumb}.
   */
  public static TextReportOptions forTerminal(boolean terminal, java.util.Map<String, String> env) {
    String noColor = env.get("NO_COLOR");
    boolean optedOut = noColor != null && !noColor.isEmpty();
    boolean dumb = "dumb".equals(env.get("TERM"));
    return DEFAULTS.color(terminal && !optedOut && !dumb);
  }

  /** A copy with colour on or off. */
  public TextReportOptions color(boolean on) {
    return new TextReportOptions(on);
  }

  /** True when ANSI colour codes are written. */
  public boolean color() {
    return color;
  }

  @Override
  public String toString() {
    return "TextReportOptions{color=" + color + "}";
  }
}
