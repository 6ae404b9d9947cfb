package io.easnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whatever an instance log holds, {@code eas-net probe --log FILE} exits 0 (the probe reached the internet), 1 (it
 * shows a failure) or 2 (no complete probe output, or not a text file), with one message and never a stack trace,
 * and prints a bounded diagnosis. The structured target writes logs of marker lines ({@code EASNET-PROBE step=...})
 * with fuzzed keys and values among arbitrary lines; the raw target writes the fuzzer's bytes as the file.
 */
class ProbeLogFuzzTest {
  private static final Path LOG = file();
  private static final String[] STEPS = {"start", "install", "curl", "error", "end", "", "start ", "curl\t"};
  private static final String[] KEYS = {"url", "host", "exit", "http_status", "step", "", "=", "exit="};
  private static final String[] VALUES = {"0", "6", "7", "28", "60", "127", "200", "403", "000", "-1", "2147483648",
    "https://www.aliyun.com", "www.aliyun.com", "", " ", "=", "\u001b[2J", "\r"};

  @FuzzTest(maxDuration = "60s")
  void anyLogBytesGiveADiagnosisOrOneUsageError(FuzzedDataProvider data) {
    check(data.consumeRemainingAsBytes());
  }

  @FuzzTest(maxDuration = "60s")
  void markerLinesGiveADiagnosisOrOneUsageError(FuzzedDataProvider data) {
    StringBuilder b = new StringBuilder();
    int lines = data.consumeInt(0, 8);
    for (int i = 0; i < lines; i++) {
      if (data.consumeBoolean()) {
        b.append(data.consumeString(10));
      }
      b.append(data.consumeBoolean() ? ProbeCommand.MARKER + " step=" : data.consumeString(14));
      b.append(data.consumeBoolean() ? data.pickValue(STEPS) : data.consumeString(6));
      int kv = data.consumeInt(0, 3);
      for (int k = 0; k < kv; k++) {
        b.append(' ').append(data.pickValue(KEYS)).append('=')
            .append(data.consumeBoolean() ? data.pickValue(VALUES) : data.consumeString(12));
      }
      b.append(data.consumeBoolean() ? "\n" : "\r\n");
    }
    b.append(data.consumeRemainingAsString());
    check(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static void check(byte[] log) {
    try {
      Files.write(LOG, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Cli.Result r = Cli.run("probe", "--log", LOG.toString());
    assertThat(r.code()).as(r.toString()).isIn(EasNet.EXIT_OK, EasNet.EXIT_BLOCKING, EasNet.EXIT_USAGE);
    assertThat(r.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
    if (r.code() == EasNet.EXIT_USAGE) {
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).isNotBlank();
      assertThat(r.err().length()).as(r.toString()).isLessThanOrEqualTo(4_000);
    } else {
      assertThat(r.out()).isNotBlank();
      assertThat(r.out().length()).as("the diagnosis of a log of %d bytes", log.length)
          .isLessThanOrEqualTo(4_000 + 2 * log.length);
    }
  }

  private static Path file() {
    try {
      Path f = Files.createTempFile("probe-fuzz", ".log");
      f.toFile().deleteOnExit();
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
