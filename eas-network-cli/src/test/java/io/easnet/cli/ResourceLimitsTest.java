package io.easnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Running out of heap or stack is one line and exit 3 (exit 1 means "blocking findings" to a CI gate);
 * the probe log is streamed (a 2.2 GB log of one line is read in constant memory); a service JSON is bounded far below
 * what a small heap holds.
 */
class ResourceLimitsTest {
  @TempDir Path dir;

  @Test
  void aHugeProbeLogIsStreamedAndItsMarkersStillFound() throws Exception {
    Path log = dir.resolve("big.log");
    long gap = 2200L * 1024 * 1024; // as truncate -s 2200M: one 2.2 GB line of NUL bytes, sparse on disk
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "rw")) {
      f.setLength(gap);
      f.seek(gap);
      f.write(("\nEASNET-PROBE step=start url=https://www.aliyun.com host=www.aliyun.com\n"
          + "EASNET-PROBE step=curl exit=28 http_status=000\n").getBytes(StandardCharsets.UTF_8));
    }

    Cli.Result r = Cli.run("probe", "--log", log.toString());

    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).startsWith("CONNECT TIMEOUT").contains("www.aliyun.com");
    assertThat(r.err()).isEmpty();
  }

  /** Commands that fail the way a huge input fails: a real OutOfMemoryError, a real StackOverflowError. */
  @CommandLine.Command(name = "exhaust-heap")
  static final class ExhaustHeap implements Callable<Integer> {
    @Override
    public Integer call() {
      long[] tooBig = new long[Integer.MAX_VALUE]; // "Requested array size exceeds VM limit"
      return tooBig.length;
    }
  }

  @CommandLine.Command(name = "exhaust-stack")
  static final class ExhaustStack implements Callable<Integer> {
    @Override
    public Integer call() {
      return depth(0);
    }

    private static int depth(int n) {
      return depth(n + 1) + 1;
    }
  }

  @CommandLine.Command(name = "exhaust-worker")
  static final class ExhaustWorker implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
      try {
        return pool.submit(() -> new long[Integer.MAX_VALUE].length).get();
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void runningOutOfHeapOrStackIsOneLineAndExitThree() {
    for (String command : List.of("exhaust-heap", "exhaust-stack", "exhaust-worker")) {
      CommandLine cmd = EasNet.commandLine(Terminal.none(), Map.of());
      cmd.addSubcommand(new ExhaustHeap());
      cmd.addSubcommand(new ExhaustStack());
      cmd.addSubcommand(new ExhaustWorker());
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();

      int code = EasNet.execute(cmd, new String[] {command}, new PrintWriter(out), new PrintWriter(err),
          Terminal.none());

      assertThat(code).as(command + ": " + err).isEqualTo(3);
      assertThat(err.toString().strip().lines()).as(command + ": " + err).hasSize(1);
      assertThat(err.toString()).startsWith("eas-net: ").doesNotContain("\tat ").doesNotContain("Exception in");
      assertThat(err.toString()).contains(command.equals("exhaust-stack") ? "stack overflow" : "out of memory");
    }
  }

  private static Cli.Result java(String maxHeap, Path cwd, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path"), EasNet.class.getName()));
    cmd.addAll(List.of(args));
    Path out = cwd.resolve("stdout.txt");
    Path err = cwd.resolve("stderr.txt");
    Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("eas-net finished").isTrue();
    return new Cli.Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void aFiftyMegabyteServiceJsonIsRefusedAtASmallHeap() throws Exception {
    Path service = dir.resolve("big-service.json");
    try (BufferedWriter w = Files.newBufferedWriter(service)) {
      w.write("{\"metadata\": {\"name\": \"big\", \"instance\": 1}, \"x-data\": [");
      for (int i = 0; i < 5_000_000; i++) {
        w.write(i == 0 ? "\"abcdefgh\"" : ",\"abcdefgh\"");
      }
      w.write("]}\n");
    }
    assertThat(Files.size(service)).isGreaterThan(50_000_000L);

    Cli.Result r = java("256m", dir, "lint", "--snapshot", Cli.example("snapshot.json"), "--service",
        service.toString());

    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("big-service.json").contains("at most 4 MiB").doesNotContain("\tat ");
    assertThat(r.err().strip().lines()).hasSize(1);
  }

  @Test
  void aSnapshotTooLargeForTheHeapIsExitThreeAndOneLine() throws Exception {
    Path snapshot = dir.resolve("huge-snapshot.json");
    try (BufferedWriter w = Files.newBufferedWriter(snapshot)) {
      w.write("{\"schemaVersion\": 1, \"regionId\": \"cn-hangzhou\", \"vpcs\": [");
      for (int i = 0; i < 1_000_000; i++) {
        w.write((i == 0 ? "" : ",") + "{\"id\": \"vpc-" + i + "\", \"cidrBlock\": \"10.0.0.0/16\"}");
      }
      w.write("]}\n");
    }
    assertThat(Files.size(snapshot)).isLessThan(64L * 1024 * 1024); // inside the documented snapshot limit

    Cli.Result r = java("96m", dir, "lint", "--snapshot", snapshot.toString());

    assertThat(r.code()).as(r.toString()).isEqualTo(3);
    assertThat(r.err()).startsWith("eas-net: out of memory").contains("EAS_NET_JAVA_OPTS=-Xmx")
        .doesNotContain("\tat ").doesNotContain("Exception in thread");
    assertThat(r.err().strip().lines()).hasSize(1);
  }
}
