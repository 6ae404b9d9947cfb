package io.easnet.testkit.emulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs the {@link Emulator} standalone, so an SDK or tool in any language can be pointed at it:
 *
 * <pre>
 * ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI-test ALIBABA_CLOUD_ACCESS_KEY_SECRET=test-secret \
 *   java -cp eas-network-testkit.jar:... io.easnet.testkit.emulator.EmulatorLauncher --port 8080
 * </pre>
 *
 * <p>Options: {@code --port N} (default 0: any free port), {@code --access-key-id ID} (default
 * {@code ALIBABA_CLOUD_ACCESS_KEY_ID}), {@code --access-key-secret-file FILE} (default the environment variable
 * {@code ALIBABA_CLOUD_ACCESS_KEY_SECRET}; the secret is never taken from the command line, where other users can
 * read it). Prints the endpoint to configure on standard output and the emulator's log on standard error. Exits 2
 * on bad usage, 3 when the port cannot be bound.
 */
public final class EmulatorLauncher {
  private EmulatorLauncher() {}

  /** Starts the emulator and serves until the process is stopped. */
  public static void main(String[] args) throws InterruptedException {
    Emulator emulator;
    try {
      emulator = start(args, System.getenv(), System.out, System.err);
    } catch (UsageException e) {
      System.err.println("eas-net emulator: " + e.getMessage());
      System.exit(e.exitCode);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "emulator-shutdown"));
    Thread.currentThread().join();
  }

  /** Bad usage (exit 2) or a port that cannot be bound (exit 3). */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;
    final int exitCode;

    UsageException(int exitCode, String message) {
      super(message);
      this.exitCode = exitCode;
    }
  }

  static Emulator start(String[] args, Map<String, String> env, PrintStream out, PrintStream err)
      throws UsageException {
    int port = 0;
    String accessKeyId = env.getOrDefault("ALIBABA_CLOUD_ACCESS_KEY_ID", "");
    String secret = env.getOrDefault("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "");
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        throw new UsageException(2, usage());
      }
      if (i + 1 >= args.length) {
        throw new UsageException(2, option + " needs a value. " + usage());
      }
      String value = args[++i];
      switch (option) {
        case "--port" -> {
          try {
            port = Integer.parseInt(value);
          } catch (NumberFormatException e) {
            throw new UsageException(2, "--port takes a number from 0 to 65535, was \"" + value + "\"");
          }
          if (port < 0 || port > 65535) {
            throw new UsageException(2, "--port takes a number from 0 to 65535, was " + port);
          }
        }
        case "--access-key-id" -> accessKeyId = value;
        case "--access-key-secret-file" -> {
          try {
            secret = Files.readString(Path.of(value), StandardCharsets.UTF_8).strip();
          } catch (IOException e) {
            throw new UsageException(2, "cannot read --access-key-secret-file " + value + ": " + e.getMessage());
          }
        }
        case "--access-key-secret" -> throw new UsageException(2, "the secret is not taken from the command line,"
            + " where other users can read it: set ALIBABA_CLOUD_ACCESS_KEY_SECRET or use --access-key-secret-file");
        default -> throw new UsageException(2, "unknown option " + option + ". " + usage());
      }
    }
    if (accessKeyId.isBlank()) {
      throw new UsageException(2, "no access key id: pass --access-key-id or set ALIBABA_CLOUD_ACCESS_KEY_ID");
    }
    if (secret.isEmpty()) {
      throw new UsageException(2, "no access key secret: set ALIBABA_CLOUD_ACCESS_KEY_SECRET or pass"
          + " --access-key-secret-file");
    }
    Emulator emulator = Emulator.builder().accessKey(accessKeyId, secret).log(err::println).build();
    try {
      emulator.start(port);
    } catch (IOException e) {
      throw new UsageException(3, "cannot listen on port " + port + ": " + e.getMessage()
          + "; pick another with --port, or 0 for any free port");
    }
    out.println("eas-network emulator listening on " + emulator.url());
    out.println("  endpoint: " + emulator.endpoint() + " (protocol HTTP), for every product: ecs, vpc, rds,"
        + " r-kvstore and eas (RPC calls find their product by API version, ROA calls by path)");
    out.println("  access key id: " + accessKeyId + " (and the secret you gave)");
    out.println("  Java SDK: new Config().setEndpoint(\"" + emulator.endpoint() + "\").setProtocol(\"HTTP\")");
    out.flush();
    return emulator;
  }

  static String usage() {
    return "usage: EmulatorLauncher [--port N] [--access-key-id ID] [--access-key-secret-file FILE]"
        + " (the secret defaults to ALIBABA_CLOUD_ACCESS_KEY_SECRET)";
  }
}
