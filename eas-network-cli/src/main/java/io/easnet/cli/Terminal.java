package io.easnet.cli;

/** Whether standard error is an interactive terminal (progress is shown only then); a seam for tests. */
@FunctionalInterface
interface Terminal {
  boolean interactive();

  /**
   * Asks the user {@code question} on the terminal and returns the answer line; null when there is no terminal to
   * ask on (or input ended).
   */
  default String ask(String question) {
    java.io.Console c = System.console();
    return c == null ? null : c.readLine("%s", question);
  }

  static Terminal system() {
    return () -> System.console() != null;
  }

  static Terminal none() {
    return () -> false;
  }
}
