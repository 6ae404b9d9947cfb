package io.easnet.cli;

import io.easnet.core.internal.Consoles;

/** Whether standard error is an interactive terminal (progress is shown only then); a seam for tests. */
@FunctionalInterface
interface Terminal {
  boolean interactive();

  /**
   * Asks the user {@code question} on the terminal and returns the answer line; null when there is no terminal to
   * ask on (or input ended).
   */
  @SuppressWarnings("SystemConsoleNull") // asked only when Consoles.isTerminal() says it is one (JDK 22+ included)
  default String ask(String question) {
    if (!Consoles.isTerminal()) {
      return null;
    }
    java.io.Console c = System.console();
    return c == null ? null : c.readLine("%s", question);
  }

  static Terminal system() {
    return Consoles::isTerminal;
  }

  static Terminal none() {
    return () -> false;
  }
}
