package io.easnet.cli;

import java.io.PrintWriter;
import java.util.Map;

/**
 * The benchmarks' door into the command line: runs {@code eas-net ARGS} in this JVM (the same entry as
 * {@link EasNet#main} without {@code System.exit}), so a warm JVM times the command and not the JVM's start. Lives in
 * the benchmarks module only (not published); the cli module's API is unchanged.
 */
public final class BenchCli {
  private BenchCli() {}

  /** Runs the command with the given streams and environment; returns its exit code. */
  public static int run(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
    return EasNet.run(args, out, err, Terminal.none(), env);
  }
}
