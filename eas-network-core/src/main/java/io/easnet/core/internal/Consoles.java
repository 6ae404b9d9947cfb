package io.easnet.core.internal;

import java.io.Console;

/** Whether this JVM talks to an interactive terminal: the one answer the colour and progress decisions share. */
public final class Consoles {
  private Consoles() {}

  /**
   * True when {@code System.console()} is present and, on JDK 22 and later, says it is a terminal: from JDK 22 on,
   * {@code System.console()} is no longer null when the streams are redirected, and {@code Console.isTerminal()}
   * (absent before 22, so called reflectively under release 17) is what tells a pipe from a terminal.
   */
  @SuppressWarnings("SystemConsoleNull") // the null check is for JDK 17 to 21; isTerminal() below covers 22 and later
  public static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true; // JDK 17 to 21: a console is present only for a terminal
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
