package io.easnet.core;

import io.easnet.core.internal.Printable;
import java.util.Optional;

/**
 * Input that cannot be used: malformed JSON, a wrong type, an invalid id or CIDR, a missing required field. The
 * message names the file (when known), the JSON pointer and the fix, for example:
 *
 * <pre>
 * service.json at /cloud/networking/vswitch_id: "vpc-123" is not a vSwitch id. Fix: use the id of a vSwitch, which starts with "vsw-".
 * </pre>
 *
 * <p>Control characters, bidirectional overrides and unpaired surrogates in any part (they come from user input) are
 * written as {@code \\uXXXX}, so that printing a message never drives the terminal. Each part is bounded (the source
 * and pointer to 500 characters, the problem and fix to 1,000; the middle is elided, with the length), so a message stays
 * short whatever the size of the value it quotes.
 */
public final class InvalidInputException extends EasNetworkException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String pointer;
  private final String problem;
  private final String fix;

  /** The most characters of the source or pointer kept in a message; the rest is elided. */
  static final int MAX_NAME = 500;

  /** The most characters of the problem or fix kept in a message; the rest is elided. */
  static final int MAX_TEXT = 1_000;

  private InvalidInputException(String source, String pointer, String problem, String fix, Throwable cause) {
    super(render(escape(source, MAX_NAME), escape(pointer, MAX_NAME), escape(problem, MAX_TEXT),
        escape(fix, MAX_TEXT)), cause);
    this.source = escape(source, MAX_NAME);
    this.pointer = escape(pointer, MAX_NAME);
    this.problem = escape(problem, MAX_TEXT);
    this.fix = escape(fix, MAX_TEXT);
  }

  /**
   * User input (a key, a value, a file name) may hold terminal escape sequences: print them as text. It may also be
   * megabytes long: a part keeps its start and its end (where the readers put what is wrong), {@code max}
   * characters in all, so that a message stays readable whatever the input.
   */
  private static String escape(String s, int max) {
    String e = Printable.escape(s);
    if (e == null || e.length() <= max) {
      return e;
    }
    int half = (max - 40) / 2;
    int head = Character.isHighSurrogate(e.charAt(half - 1)) ? half - 1 : half;
    int tail = e.length() - half;
    if (Character.isLowSurrogate(e.charAt(tail))) {
      tail++;
    }
    return e.substring(0, head) + "... (" + e.length() + " characters) ..." + e.substring(tail);
  }

  /**
   * Creates the exception.
   *
   * @param source the file or other source, or {@code null} when unknown
   * @param pointer the JSON pointer of the offending value ({@code ""} for the whole document)
   * @param problem what is wrong, in one sentence
   * @param fix how to fix it, in one sentence
   */
  public static InvalidInputException of(String source, String pointer, String problem, String fix) {
    return new InvalidInputException(source, pointer, problem, fix, null);
  }

  /** As {@link #of(String, String, String, String)}, keeping the cause for debugging. */
  public static InvalidInputException of(
      String source, String pointer, String problem, String fix, Throwable cause) {
    return new InvalidInputException(source, pointer, problem, fix, cause);
  }

  /** The same problem, re-homed at a file: used when a reader learns the file name only after parsing. */
  public InvalidInputException inSource(String newSource) {
    return new InvalidInputException(newSource, pointer, problem, fix, getCause());
  }

  /** The same problem, with its pointer prefixed by {@code prefix} (for values nested in a larger document). */
  public InvalidInputException under(String prefix) {
    return new InvalidInputException(source, prefix + pointer, problem, fix, getCause());
  }

  /** The file or other source, when known. */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  /** The JSON pointer of the offending value; empty string for the whole document. */
  public String pointer() {
    return pointer;
  }

  /** What is wrong. */
  public String problem() {
    return problem;
  }

  /** How to fix it. */
  public String fix() {
    return fix;
  }

  private static String render(String source, String pointer, String problem, String fix) {
    StringBuilder sb = new StringBuilder();
    sb.append(source == null ? "input" : source);
    sb.append(" at ").append(pointer == null || pointer.isEmpty() ? "/" : pointer).append(": ");
    sb.append(problem);
    if (fix != null && !fix.isEmpty()) {
      sb.append(" Fix: ").append(fix);
    }
    return sb.toString();
  }
}
