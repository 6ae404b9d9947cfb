package io.easnet.core.report;

/**
 * Options of {@link TextReport}: ANSI colour only when asked for (the CLI asks when {@code System.console()} is a
 * terminal). Immutable; {@link #defaults()} has colour off.
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
