package io.easnet.core.internal;

/**
 * Makes user text safe to print: control characters (C0, DEL, C1), line and paragraph separators, bidirectional
 * overrides and unpaired surrogates become {@code \\uXXXX}, so that a key holding terminal escape sequences cannot
 * repaint the terminal that shows the message.
 */
public final class Printable {
  private Printable() {}

  /** {@code text} with every unsafe character escaped; {@code null} stays {@code null}. */
  public static String escape(String text) {
    if (text == null) {
      return null;
    }
    int n = text.length();
    int i = 0;
    while (i < n && !unsafe(text, i)) {
      i++;
    }
    if (i == n) {
      return text;
    }
    StringBuilder sb = new StringBuilder(n + 16).append(text, 0, i);
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (unsafe(text, i)) {
        sb.append(escapeChar(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * True for a character that must not reach a terminal raw, surrogates aside (their safety depends on the next or
   * previous character): C0 controls (tab and line feed included: {@link #escape} keeps text on one line), DEL, C1
   * controls, line and paragraph separators and bidirectional controls.
   */
  public static boolean unsafeChar(char c) {
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
      return true;
    }
    if (c < 0x200E) {
      return c == 0x061C;
    }
    return c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
        || c == 0x2028 || c == 0x2029;
  }

  /** The escaped form of one character: {@code \\u001b}. */
  public static String escapeChar(char c) {
    return String.format("\\u%04x", (int) c);
  }

  private static boolean unsafe(String s, int i) {
    char c = s.charAt(i);
    if (unsafeChar(c)) {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }

  /**
   * The index of the first unpaired surrogate in {@code s}, or {@code -1}: text with one cannot be written as UTF-8.
   */
  public static int unpairedSurrogate(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }
}
