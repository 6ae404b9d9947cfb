package io.easnet.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.easnet.core.InvalidInputException;
import java.util.function.Supplier;

/**
 * The contract every reader of user input keeps, asserted by the fuzz tests: it returns a value or throws an
 * {@link InvalidInputException} whose message names the source, says what is wrong and how to fix it, stays short
 * whatever the input's size, and prints no control character. Anything else (a {@code NullPointerException}, an
 * {@code IllegalArgumentException} from a model parser, a {@code StackOverflowError}) is a bug.
 */
public final class FuzzContract {
  /** The longest message a reader may produce, whatever the input: values in messages are abbreviated. */
  public static final int MAX_MESSAGE = 4_000;

  private FuzzContract() {}

  /**
   * Runs {@code read}: its value, or {@code null} when it threw an {@link InvalidInputException} that keeps the
   * contract. Fails the test on any other throwable.
   */
  public static <T> T readsOrRefuses(String source, String input, Supplier<T> read) {
    try {
      return read.get();
    } catch (InvalidInputException e) {
      assertRefusal(e, source, input);
      return null;
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError("the reader threw " + e + " (not InvalidInputException) for input of "
          + (input == null ? 0 : input.length()) + " chars: " + abbreviate(input), e);
    }
  }

  /** The refusal names {@code source} (when given), has a problem and a fix, and is bounded and printable. */
  public static void assertRefusal(InvalidInputException e, String source, String input) {
    String m = e.getMessage();
    assertThat(m).as("message").isNotBlank();
    if (source != null) {
      assertThat(m).as("message names the source").startsWith(source);
    }
    assertThat(e.problem()).as("problem").isNotBlank();
    assertThat(e.fix()).as("fix").isNotBlank();
    assertThat(e.pointer()).satisfiesAnyOf(p -> assertThat(p).isEmpty(), p -> assertThat(p).startsWith("/"));
    if (m.length() > MAX_MESSAGE) {
      fail("a message of " + m.length() + " chars (bound " + MAX_MESSAGE + ") for input of "
          + (input == null ? 0 : input.length()) + " chars: " + abbreviate(m));
    }
    assertPrintable(m);
  }

  /** No C0/C1 control character but newline and tab, no bidirectional override: text safe for a terminal. */
  public static void assertPrintable(String m) {
    for (int i = 0; i < m.length(); i++) {
      char c = m.charAt(i);
      boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
          || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
      if (control) {
        fail("an unescaped control character U+" + String.format("%04X", (int) c) + " at " + i + " in: "
            + abbreviate(m));
      }
    }
  }

  static String abbreviate(String s) {
    if (s == null) {
      return "null";
    }
    String t = s.length() <= 300 ? s : s.substring(0, 300) + "... (" + s.length() + " chars)";
    StringBuilder b = new StringBuilder();
    t.codePoints().forEach(cp -> {
      if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
        b.append(String.format("\\u%04x", cp));
      } else {
        b.appendCodePoint(cp);
      }
    });
    return b.toString();
  }
}
