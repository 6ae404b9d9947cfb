package io.easnet.testkit.emulator;

import io.easnet.core.EasNetworkException;
import io.easnet.testkit.FakeCloud;
import io.easnet.testkit.FaultPlan;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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
 *
 * <p>Faults, seeded so that a run replays ({@code --seed N}, default {@code FakeCloud.DEFAULT_SEED}): the fake
 * cloud's fault plan, per kind,
 * {@code --throttling RATE} ({@code Throttling.User} with {@code x-acs-retry-after}, {@code --throttling-retry-after
 * DURATION}, default 1s), {@code --server-errors RATE} ({@code ServiceUnavailable}, 503), {@code --conflicts RATE}
 * ({@code OperationConflict}), {@code --latency DURATION} (added to every call, e.g. {@code 20ms}), or per action
 * in the text form of {@link io.easnet.testkit.FaultPlan#parse} with {@code --faults TEXT}; wire faults as rates,
 * {@code --wire-drop RATE} (the connection closes before the answer; nothing is done) and {@code --wire-cut RATE}
 * (the operation acts, then half the answer is sent and the connection closes: the answer is lost). A RATE is a
 * probability from 0 to 1. {@code --max-body-bytes N} (default 8 MiB) bounds a request body. The standalone
 * emulator's memory is bounded: it forgets the fake's call log every {@value #FORGET_CALLS_EVERY} requests.
 */
public final class EmulatorLauncher {
  /** The access key id when none is given. */
  public static final String DEFAULT_ACCESS_KEY_ID = "LTAI-emulator";

  /** How often the standalone emulator clears the fake's call log (nobody reads it out of process). */
  static final int FORGET_CALLS_EVERY = 10_000;

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
    long seed = FakeCloud.DEFAULT_SEED;
    List<String> faultItems = new ArrayList<>();
    String throttling = null;
    String retryAfter = null;
    double wireDrop = 0;
    double wireCut = 0;
    long maxBody = io.easnet.testkit.internal.wire.EmulatorDispatcher.DEFAULT_MAX_BODY_BYTES;
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
        case "--seed" -> {
          try {
            seed = Long.parseLong(value.strip());
          } catch (NumberFormatException e) {
            throw new UsageException(2, "--seed takes a whole number, was \"" + shown(value) + "\"");
          }
        }
        case "--faults" -> faultItems.add(0, value);
        case "--throttling" -> throttling = rate(option, value);
        case "--throttling-retry-after" -> retryAfter = single(option, value);
        case "--server-errors" -> faultItems.add("server-error=" + rate(option, value));
        case "--conflicts" -> faultItems.add("conflict=" + rate(option, value));
        case "--latency" -> faultItems.add("latency=" + single(option, value));
        case "--wire-drop" -> wireDrop = Double.parseDouble(rate(option, value));
        case "--wire-cut" -> wireCut = Double.parseDouble(rate(option, value));
        case "--max-body-bytes" -> {
          try {
            maxBody = Long.parseLong(value.strip());
          } catch (NumberFormatException e) {
            maxBody = -1;
          }
          if (maxBody < 0 || maxBody > Integer.MAX_VALUE - 1) {
            throw new UsageException(2, "--max-body-bytes takes a number of bytes from 0 to " + (Integer.MAX_VALUE
                - 1) + ", was \"" + shown(value) + "\"");
          }
        }
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
    if (retryAfter != null && throttling == null) {
      throw new UsageException(2, "--throttling-retry-after needs --throttling RATE too");
    }
    if (throttling != null) {
      faultItems.add("throttling=" + throttling + (retryAfter == null ? "" : "/" + retryAfter));
    }
    FaultPlan faults;
    try {
      faults = FaultPlan.parse(String.join(",", faultItems));
    } catch (IllegalArgumentException e) {
      throw new UsageException(2, "bad fault option: " + e.getMessage());
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
    FakeCloud fake = FakeCloud.builder().asyncDelay(java.time.Duration.ZERO).seed(seed).build();
    if (snapshot != null) {
      load(fake, snapshot);
    }
    fake.faults(faults);
    Emulator.Builder builder = Emulator.builder().fake(fake).accessKey(accessKeyId, secret).log(err::println)
        .maxBodyBytes(maxBody).forgetFakeCallsEvery(FORGET_CALLS_EVERY).wireFaultSeed(seed);
    if (wireDrop > 0) {
      builder.resetConnectionRate(Emulator.ANY_OPERATION, wireDrop);
    }
    if (wireCut > 0) {
      builder.truncateBodyRate(Emulator.ANY_OPERATION, wireCut);
    }
    Emulator emulator = builder.build();
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
    if (!faults.isEmpty() || wireDrop > 0 || wireCut > 0) {
      out.println("  faults (seed " + seed + "): " + (faults.isEmpty() ? "none in the cloud" : faults)
          + (wireDrop > 0 ? ", wire drop " + wireDrop : "") + (wireCut > 0 ? ", wire cut " + wireCut : ""));
    }
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

  /** The value, checked as a probability from 0 to 1, with the option named when it is not one. */
  private static String rate(String option, String value) throws UsageException {
    String t = value.strip();
    double v = -1;
    if (t.matches("\\d{1,3}(\\.\\d{1,12})?|\\.\\d{1,12}")) {
      v = Double.parseDouble(t);
    }
    if (!(v >= 0.0 && v <= 1.0)) {
      throw new UsageException(2, option + " takes a probability from 0 to 1 (e.g. 0.1), was \"" + shown(value)
          + "\"");
    }
    return Double.toString(v);
  }

  /** A duration option's value, which must not smuggle further fault items in with a comma or a slash. */
  private static String single(String option, String value) throws UsageException {
    if (value.contains(",") || value.contains("/") || value.contains("=")) {
      throw new UsageException(2, option + " takes one duration such as 250ms or 2s, was \"" + shown(value) + "\"");
    }
    return value.strip();
  }

  /** At most 100 characters of a value the user gave, control characters as '?'. */
  private static String shown(String value) {
    String cut = value.length() > 100 ? value.substring(0, 100) + "…" : value;
    return cut.replaceAll("[\\p{Cntrl}\\x{2028}\\x{2029}]", "?");
  }

  static String usage() {
    return "usage: EmulatorLauncher [--port N] [--snapshot FILE] [--access-key-id ID]"
        + " [--access-key-secret SECRET | --access-key-secret-file FILE] [--seed N] [--throttling RATE"
        + " [--throttling-retry-after DURATION]] [--server-errors RATE] [--conflicts RATE] [--latency DURATION]"
        + " [--faults TEXT] [--wire-drop RATE] [--wire-cut RATE] [--max-body-bytes N] (defaults:"
        + " ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET; without a secret one is generated and"
        + " printed; RATE is a probability from 0 to 1, DURATION e.g. 250ms or 2s; --faults takes"
        + " KIND[@ACTION]=VALUE items, e.g. throttling@vpc:DescribeVpcs=0.3/2s,error:InternalError=0.01)";
  }
}
