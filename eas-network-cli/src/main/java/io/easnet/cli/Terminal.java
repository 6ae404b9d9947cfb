package io.easnet.cli;

/** Whether standard error is an interactive terminal (progress is shown only then); a seam for tests. */
@FunctionalInterface
interface Terminal {
  boolean interactive();

  static Terminal system() {
    return () -> System.console() != null;
  }

  static Terminal none() {
    return () -> false;
  }
}
