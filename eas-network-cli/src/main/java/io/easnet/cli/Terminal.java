package io.easnet.cli;

import io.easnet.core.internal.Consoles;

/** Whether standard error is an interactive terminal (progress is shown only then); a seam for tests. */
@FunctionalInterface
interface Terminal {
  boolean interactive();

  static Terminal system() {
    return Consoles::isTerminal;
  }

  static Terminal none() {
    return () -> false;
  }
}
