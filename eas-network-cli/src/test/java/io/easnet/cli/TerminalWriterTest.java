package io.easnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The one terminal printer, character by character: what passes, what is escaped, across write boundaries. */
class TerminalWriterTest {
  private static String print(boolean colour, String... pieces) {
    StringWriter sink = new StringWriter();
    PrintWriter w = TerminalWriter.wrap(sink, colour);
    for (String p : pieces) {
      w.print(p);
    }
    w.close();
    return sink.toString();
  }

  @Test
  void plainTextTabsLineFeedsAndPairedSurrogatesPass() {
    String text = "service chat_inference: ok\tüñí 中文 \ud83d\ude80\r\nnext line\n";
    assertThat(print(false, text)).isEqualTo(text);
    assertThat(print(false, "a\ud83d", "\ude80b")).isEqualTo("a\ud83d\ude80b");
  }

  @Test
  void controlsAreEscapedWhereverTheyAre() {
    assertThat(print(false, "evil\u001b]0;owned\u0007\u001b[2J")).isEqualTo("evil\\u001b]0;owned\\u0007\\u001b[2J");
    assertThat(print(false, "a\u009b31mb\u0085c\u007fd")).isEqualTo("a\\u009b31mb\\u0085c\\u007fd");
    assertThat(print(false, "x\ry")).isEqualTo("x\\u000dy");
    assertThat(print(false, "x\r")).isEqualTo("x\\u000d");
    assertThat(print(false, "\u202eabc\u2066\u2028")).isEqualTo("\\u202eabc\\u2066\\u2028");
    assertThat(print(false, "lone \ud83d high", " lone \ude80 low")).isEqualTo("lone \\ud83d high lone \\ude80 low");
    assertThat(print(false, "\u001b[31mred\u001b[0m")).isEqualTo("\\u001b[31mred\\u001b[0m");
  }

  @Test
  void withColourOnlyStyleSequencesPassEvenWhenSplitAcrossWrites() {
    assertThat(print(true, "\u001b[1;33mwarn\u001b[0m")).isEqualTo("\u001b[1;33mwarn\u001b[0m");
    assertThat(print(true, "\u001b", "[3", "1m", "red", "\u001b[", "0m")).isEqualTo("\u001b[31mred\u001b[0m");
    assertThat(print(true, "\u001b[2J")).isEqualTo("\\u001b[2J");
    assertThat(print(true, "\u001b]0;owned\u0007")).isEqualTo("\\u001b]0;owned\\u0007");
    assertThat(print(true, "\u001b[8m")).isEqualTo("\\u001b[8m"); // conceal is not a style that passes
    assertThat(print(true, "\u001b[38;5;1m")).isEqualTo("\\u001b[38;5;1m");
    assertThat(print(true, "\u001b[" + "1;".repeat(30) + "m")).doesNotContain("\u001b");
    assertThat(print(true, "\u001b\u001b[1m")).isEqualTo("\\u001b\u001b[1m");
    assertThat(print(true, "end\u001b")).isEqualTo("end\\u001b");
  }

  @Test
  void theStreamFormDecodesUtf8AcrossWritesAndEscapesToo() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream s = TerminalWriter.stream(bytes, false);
    byte[] rocket = "\ud83d\ude80".getBytes(StandardCharsets.UTF_8);
    s.write(rocket, 0, 2);
    s.write(rocket, 2, 2);
    s.print(" evil\u001b[2J\u0007\n");
    s.flush();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("\ud83d\ude80 evil\\u001b[2J\\u0007\n");
  }
}
