package io.easnet.testkit.emulator;

import io.easnet.core.EasNetworkException;
import io.easnet.testkit.FakeCloud;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Runs the {@link Emulator} standalone, so an SDK or tool in any language can be pointed at it:
 *
 * <pre>
 * java -cp eas-network-testkit.jar:... io.easnet.testkit.emulator.EmulatorLauncher --port 8080 \
 *   --snapshot estate.json --access-key-id LTAI-test --access-key-secret test-secret
 * </pre>
 *
 * <p>Options: {@code --port N} (default 0: any free port); {@code --snapshot FILE} (a snapshot JSON, as
 * {@code eas-net} writes and core's snapshot reader reads, loaded into the emulator's fake cloud; default an empty
 * estate); {@code --access-key-id ID} (default {@code ALIBABA_CLOUD_ACCESS_KEY_ID}, else
 * {@value #DEFAULT_ACCESS_KEY_ID}); {@code --access-key-secret SECRET} or {@code --access-key-secret-file FILE}
 * (default {@code ALIBABA_CLOUD_ACCESS_KEY_SECRET}). The pair is the one the emulator accepts: it is a test
 * credential, never a real one. When no secret is given anywhere, a random one is generated and printed once, as the
 * credential to configure; a secret the user gave is never printed. Prints the endpoint, the access key id and how to
 * point an SDK at it on standard output, the emulator's log on standard error. Exits 2 on bad usage or a bad
 * snapshot, 3 when the port cannot be bound.
 */
public final class EmulatorLauncher {
  /** The access key id when none is given. */
  public static final String DEFAULT_ACCESS_KEY_ID = "LTAI-emulator";

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

  /** Bad usage or a bad snapshot (exit 2), or a port that cannot be bound (exit 3). */
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
    Path snapshot = null;
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
        case "--snapshot" -> snapshot = Path.of(value);
        case "--access-key-id" -> accessKeyId = value;
        case "--access-key-secret" -> secret = value;
        case "--access-key-secret-file" -> {
          try {
            secret = Files.readString(Path.of(value), StandardCharsets.UTF_8).strip();
          } catch (IOException e) {
            throw new UsageException(2, "cannot read --access-key-secret-file " + value + ": " + e.getMessage());
          }
        }
        default -> throw new UsageException(2, "unknown option " + option + ". " + usage());
      }
    }
    if (accessKeyId.isBlank()) {
      accessKeyId = DEFAULT_ACCESS_KEY_ID;
    }
    boolean generated = secret.isEmpty();
    if (generated) {
      byte[] random = new byte[16];
      new SecureRandom().nextBytes(random);
      secret = HexFormat.of().formatHex(random);
    }
    // standalone, nobody advances the fake's clock: asynchronous changes (a Pending SNAT entry, a Creating NAT
    // gateway) settle by the next request, so clients that poll see them finish
    FakeCloud fake = FakeCloud.builder().asyncDelay(java.time.Duration.ZERO).build();
    if (snapshot != null) {
      load(fake, snapshot);
    }
    Emulator emulator = Emulator.builder().fake(fake).accessKey(accessKeyId, secret).log(err::println).build();
    try {
      emulator.start(port);
    } catch (IOException e) {
      throw new UsageException(3, "cannot listen on port " + port + ": " + e.getMessage()
          + "; pick another with --port, or 0 for any free port");
    }
    out.println("eas-network emulator listening on " + emulator.url());
    out.println("  endpoint: " + emulator.endpoint() + " (protocol HTTP), for every product: ecs, vpc, rds,"
        + " r-kvstore and eas (RPC calls find their product by API version, ROA calls by path)");
    out.println("  access key id: " + accessKeyId);
    if (generated) {
      out.println("  access key secret: " + secret + " (generated for this run; choose one with"
          + " --access-key-secret or ALIBABA_CLOUD_ACCESS_KEY_SECRET)");
    } else {
      out.println("  access key secret: the one you gave");
    }
    out.println("  estate: " + (snapshot == null ? "empty" : snapshot + " (" + fake + ")"));
    out.println("  Java SDK: new Config().setEndpoint(\"" + emulator.endpoint() + "\").setProtocol(\"HTTP\")"
        + ".setAccessKeyId(...).setAccessKeySecret(...)");
    out.println("  aliyun CLI: aliyun vpc DescribeVpcs --RegionId cn-hangzhou --endpoint " + emulator.endpoint()
        + " --insecure");
    out.flush();
    return emulator;
  }

  private static void load(FakeCloud fake, Path snapshot) throws UsageException {
    if (!Files.isRegularFile(snapshot)) {
      throw new UsageException(2, "--snapshot " + snapshot + ": no such file" + (Files.isDirectory(snapshot)
          ? " (it is a directory)" : "") + "; pass the path of a snapshot JSON, e.g. one written by eas-net snapshot");
    }
    try {
      fake.load(snapshot);
    } catch (EasNetworkException e) {
      throw new UsageException(2, "--snapshot " + snapshot + " is not a valid snapshot: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new UsageException(2, "--snapshot " + snapshot + " does not fit together: " + e.getMessage()
          + "; fix the file so that every service names resources of its inventory");
    }
  }

  static String usage() {
    return "usage: EmulatorLauncher [--port N] [--snapshot FILE] [--access-key-id ID]"
        + " [--access-key-secret SECRET | --access-key-secret-file FILE] (defaults: ALIBABA_CLOUD_ACCESS_KEY_ID,"
        + " ALIBABA_CLOUD_ACCESS_KEY_SECRET; without a secret one is generated and printed)";
  }
}
