package io.easnet.cli;

import io.easnet.core.internal.Printable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The one printer between {@code eas-net} and a terminal: {@link EasNet} wraps standard output and standard error in
 * it once, at the root, so no command, library message or echoed argument can bypass it. Every character that could
 * drive the terminal ({@link Printable#unsafeChar}: C0 controls but tab and line feed, DEL, C1 controls, line and
 * paragraph separators, bidirectional controls, unpaired surrogates; a carriage return unless a line feed follows) is
 * written as {@code \\uXXXX}, which is also a valid JSON escape of the same character (so JSON and SARIF on standard
 * output stay exact). With colour allowed (an interactive terminal), the colour codes of the text report and the help
 * (SGR: bold, italic, underline, foreground colours, their resets) pass; every other escape sequence is escaped.
 */
final class TerminalWriter extends Writer {
  private static final char ESC = 0x1B;
  private static final int MAX_SEQUENCE = 24;
  private static final Set<String> STYLES = Set.of("0", "1", "2", "3", "4", "21", "22", "23", "24", "30", "31", "32",
      "33", "34", "35", "36", "37", "39", "90", "91", "92", "93", "94", "95", "96", "97");

  private final Writer out;
  private final boolean colour;
  private final StringBuilder sequence = new StringBuilder();
  private char pending; // a high surrogate or a carriage return waiting for its next character; 0 when none

  private TerminalWriter(Writer out, boolean colour) {
    super(out);
    this.out = out;
    this.colour = colour;
  }

  /** {@code out} behind the printer, as a print writer that flushes on println. */
  static PrintWriter wrap(Writer out, boolean colour) {
    return new PrintWriter(new TerminalWriter(out, colour), true);
  }

  /** {@code out} behind the printer, as a UTF-8 print stream (for {@link System#setOut}). */
  static PrintStream stream(OutputStream out, boolean colour) {
    PrintWriter w = wrap(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), colour);
    return new PrintStream(new Utf8ToWriter(w), true, StandardCharsets.UTF_8);
  }

  @Override
  public void write(char[] cbuf, int off, int len) throws IOException {
    synchronized (lock) {
      int i = off;
      int end = off + len;
      while (i < end) {
        int run = i;
        while (sequence.length() == 0 && pending == 0 && run < end && plain(cbuf[run])) {
          run++;
        }
        if (run > i) {
          out.write(cbuf, i, run - i); // a run of characters that need no look: written at once
          i = run;
        } else {
          put(cbuf[i++]);
        }
      }
    }
  }

  @Override
  public void write(String str, int off, int len) throws IOException {
    synchronized (lock) {
      int i = off;
      int end = off + len;
      while (i < end) {
        int run = i;
        while (sequence.length() == 0 && pending == 0 && run < end && plain(str.charAt(run))) {
          run++;
        }
        if (run > i) {
          out.write(str, i, run - i);
          i = run;
        } else {
          put(str.charAt(i++));
        }
      }
    }
  }

  /** A character written as it is whatever comes before or after it. */
  private static boolean plain(char c) {
    return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t'
        || (c > 0x9F && !Character.isSurrogate(c) && !Printable.unsafeChar(c));
  }

  @Override
  public void write(int c) throws IOException {
    synchronized (lock) {
      put((char) c);
    }
  }

  private void put(char c) throws IOException {
    if (sequence.length() > 0) {
      sequence.append(c);
      if (sequence.length() == 2 && c != '[') {
        escapeSequence();
      } else if (sequence.length() > 2 && !(Character.isDigit(c) || c == ';')) {
        if (c == 'm' && styles(sequence.substring(2, sequence.length() - 1))) {
          out.write(sequence.toString());
          sequence.setLength(0);
        } else {
          escapeSequence();
        }
      } else if (sequence.length() >= MAX_SEQUENCE) {
        escapeSequence();
      }
      return;
    }
    if (pending != 0) {
      char p = pending;
      pending = 0;
      if (p == '\r' && c == '\n') {
        out.write("\r\n");
        return;
      }
      if (Character.isHighSurrogate(p) && Character.isLowSurrogate(c)) {
        out.write(p);
        out.write(c);
        return;
      }
      out.write(Printable.escapeChar(p));
    }
    if (c == ESC && colour) {
      sequence.append(c);
    } else if (c == '\r' || Character.isHighSurrogate(c)) {
      pending = c;
    } else if (c == '\n' || c == '\t') {
      out.write(c);
    } else if (Printable.unsafeChar(c) || Character.isLowSurrogate(c)) {
      out.write(Printable.escapeChar(c));
    } else {
      out.write(c);
    }
  }

  private static boolean styles(String params) {
    if (params.isEmpty()) {
      return true;
    }
    for (String p : params.split(";", -1)) {
      if (!STYLES.contains(p)) {
        return false;
      }
    }
    return true;
  }

  /** Writes the buffered sequence with its controls escaped; its last character is looked at afresh. */
  private void escapeSequence() throws IOException {
    String s = sequence.toString();
    sequence.setLength(0);
    out.write(Printable.escapeChar(ESC));
    for (int i = 1; i < s.length() - 1; i++) {
      char c = s.charAt(i);
      out.write(Printable.unsafeChar(c) ? Printable.escapeChar(c) : String.valueOf(c));
    }
    if (s.length() > 1) {
      put(s.charAt(s.length() - 1));
    }
  }

  private void drain() throws IOException {
    if (sequence.length() > 0) {
      String s = sequence.toString();
      sequence.setLength(0);
      out.write(Printable.escapeChar(ESC));
      for (int i = 1; i < s.length(); i++) {
        char c = s.charAt(i);
        out.write(Printable.unsafeChar(c) ? Printable.escapeChar(c) : String.valueOf(c));
      }
    }
    if (pending != 0) {
      out.write(Printable.escapeChar(pending));
      pending = 0;
    }
  }

  @Override
  public void flush() throws IOException {
    synchronized (lock) {
      drain(); // what waits for a next character is written escaped: a flush ends the text so far
      out.flush();
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (lock) {
      drain();
      out.close();
    }
  }

  /** Decodes UTF-8 bytes (malformed input replaced) into the printer, for {@link System#out} and its users. */
  private static final class Utf8ToWriter extends OutputStream {
    private final PrintWriter writer;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer in = ByteBuffer.allocate(4096);
    private final CharBuffer chars = CharBuffer.allocate(4096);

    Utf8ToWriter(PrintWriter writer) {
      this.writer = writer;
    }

    @Override
    public synchronized void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      int at = off;
      int end = off + len;
      while (at < end) {
        int n = Math.min(in.remaining(), end - at);
        in.put(b, at, n);
        at += n;
        in.flip();
        decoder.decode(in, chars, false);
        in.compact();
        chars.flip();
        writer.append(chars);
        chars.clear();
      }
    }

    @Override
    public synchronized void flush() {
      writer.flush();
    }

    @Override
    public synchronized void close() {
      writer.close();
    }
  }
}
