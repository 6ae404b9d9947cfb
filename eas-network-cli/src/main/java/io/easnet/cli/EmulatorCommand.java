package io.easnet.cli;

import io.easnet.core.EasNetworkException;
import io.easnet.testkit.FakeCloud;
import io.easnet.testkit.FaultPlan;
import io.easnet.testkit.emulator.Emulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The standalone emulator's command line: the testkit's {@link Emulator} (a library: it builds and starts, it never
 * exits the process) served until the process is stopped, so that an SDK or tool in any language can be pointed at
 * it. The secret is never an argument (it would show in the shell history and the process list): it comes from
 * {@code ALIBABA_CLOUD_ACCESS_KEY_SECRET} or {@code --access-key-secret-file FILE}, else one is generated and printed.
 */
@Command(name = "emulator", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Runs the standalone Alibaba Cloud emulator (ECS, VPC, RDS, R-KVStore, EAS) until stopped, over"
        + " an empty estate or a snapshot, optionally with the fake cloud's seeded faults. It prints the endpoint,"
        + " the access key id and how to point an SDK at it on standard output, its log on standard error.",
        "The access key pair is the one the emulator accepts: a test credential, never a real one. The secret is"
        + " never taken on the command line: it comes from ALIBABA_CLOUD_ACCESS_KEY_SECRET or"
        + " --access-key-secret-file FILE; without either, a random one is generated and printed once.",
        "A RATE is a probability from 0 to 1 (e.g. 0.1), a DURATION e.g. 250ms or 2s; the same --seed replays the"
        + " same faults."},
    footerHeading = "%nExamples:%n",
    footer = {"  ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI-test ALIBABA_CLOUD_ACCESS_KEY_SECRET=test-secret \\",
        "      eas-net emulator --port 8080 --snapshot examples/mistakes/estate.json",
        "  eas-net emulator --port 8080 --access-key-id LTAI-test --access-key-secret-file secret.txt",
        "  eas-net emulator --port 8080 --seed 7 --throttling 0.2 --server-errors 0.05 --wire-cut 0.05",
        "  eas-net emulator --port 8080 --latency-ms 50",
        "  eas-net lint --endpoint http://127.0.0.1:8080 --service service.json",
        "",
        "Exit codes: 2 bad usage or a bad snapshot, 3 the port cannot be bound; otherwise it serves until stopped."})
final class EmulatorCommand implements Callable<Integer> {
  /** The access key id when none is given. */
  static final String DEFAULT_ACCESS_KEY_ID = "LTAI-emulator";

  /** How often the standalone emulator clears the fake's call log (nobody reads it out of process). */
  static final int FORGET_CALLS_EVERY = 10_000;

  @ParentCommand RootCommand root;

  @Option(names = "--port", paramLabel = "N", description = "The port to listen on, 0 to 65535; default 0 (any free"
      + " port, printed).")
  int port;

  @Option(names = "--snapshot", paramLabel = "FILE", description = "Serve this snapshot JSON (as eas-net snapshot"
      + " writes it); default an empty estate.")
  Path snapshot;

  @Option(names = "--access-key-id", paramLabel = "ID", description = "The access key id the emulator accepts;"
      + " default ALIBABA_CLOUD_ACCESS_KEY_ID, else " + DEFAULT_ACCESS_KEY_ID + ".")
  String accessKeyId;

  @Option(names = "--access-key-secret-file", paramLabel = "FILE", description = "Read the secret the emulator"
      + " accepts from this file (surrounding blanks dropped); default ALIBABA_CLOUD_ACCESS_KEY_SECRET, else a"
      + " generated one.")
  Path accessKeySecretFile;

  /** Refused with the fix, never echoed: a secret on the command line stays in the shell history and process list. */
  @Option(names = "--access-key-secret", hidden = true, paramLabel = "SECRET")
  String accessKeySecretArgument;

  @Option(names = "--seed", paramLabel = "N", description = "The seed of every fault draw; default "
      + FakeCloud.DEFAULT_SEED + ".")
  Long seed;

  @Option(names = "--throttling", paramLabel = "RATE", description = "Answer this share of calls Throttling.User"
      + " (HTTP 400) with x-acs-retry-after.")
  String throttling;

  @Option(names = "--throttling-retry-after", paramLabel = "DURATION", description = "The retry-after of"
      + " --throttling; default 1s.")
  String throttlingRetryAfter;

  @Option(names = "--server-errors", paramLabel = "RATE", description = "Answer this share of calls"
      + " ServiceUnavailable (HTTP 503).")
  String serverErrors;

  @Option(names = "--conflicts", paramLabel = "RATE", description = "Answer this share of calls OperationConflict"
      + " (busy, retryable).")
  String conflicts;

  @Option(names = "--latency", paramLabel = "DURATION", description = "Add this latency to every call (waited on the"
      + " wire, and on the fake's clock).")
  String latency;

  @Option(names = "--latency-ms", paramLabel = "N", description = "Add N milliseconds to every call: --latency in"
      + " whole milliseconds, for benchmarks (0 to 600000).")
  Integer latencyMs;

  @Option(names = "--faults", paramLabel = "TEXT", description = "Faults per action, KIND[@ACTION]=VALUE items"
      + " separated by commas, e.g. throttling@vpc:DescribeVpcs=0.3/2s,error:InternalError=0.01,"
      + "latency@ecs:DescribeSecurityGroups=20ms; KIND is throttling, server-error, conflict, error:CODE or latency.")
  String faults;

  @Option(names = "--wire-drop", paramLabel = "RATE", description = "Close the connection before the answer on this"
      + " share of calls (the call is not done).")
  String wireDrop;

  @Option(names = "--wire-cut", paramLabel = "RATE", description = "On this share of calls, act, then send half the"
      + " answer and close the connection (the answer is lost).")
  String wireCut;

  @Option(names = "--max-body-bytes", paramLabel = "N", description = "The largest request body answered; a larger"
      + " one is answered 413. Default 8 MiB.")
  Long maxBodyBytes;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = root.spec.commandLine().getOut();
    PrintWriter err = root.spec.commandLine().getErr();
    Emulator emulator = start(root.env, out, err);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }, "emulator-shutdown"));
    try {
      stopped.await(); // serves until the process is stopped (Ctrl-C, SIGTERM)
    } finally {
      emulator.close();
    }
    return EasNet.EXIT_OK;
  }

  /**
   * Builds and starts the emulator the options describe and prints how to reach it on {@code out}; its log goes to
   * {@code err}.
   *
   * @throws CliFailure exit 2 for a bad option value or a bad snapshot, 3 when the port cannot be bound
   */
  Emulator start(Map<String, String> env, PrintWriter out, PrintWriter err) {
    if (accessKeySecretArgument != null) {
      throw CliFailure.usage("the secret is not taken on the command line (it would stay in the shell history and"
          + " show in the process list): set ALIBABA_CLOUD_ACCESS_KEY_SECRET, or write it to a file and pass"
          + " --access-key-secret-file FILE");
    }
    inRange("--port", port, 65_535, "a number");
    long theSeed = seed == null ? FakeCloud.DEFAULT_SEED : seed;
    FaultPlan plan = faultPlan();
    double drop = wireDrop == null ? 0 : Double.parseDouble(rate("--wire-drop", wireDrop));
    double cut = wireCut == null ? 0 : Double.parseDouble(rate("--wire-cut", wireCut));
    if (maxBodyBytes != null) {
      inRange("--max-body-bytes", maxBodyBytes, Integer.MAX_VALUE - 1, "a number of bytes");
    }
    String keyId = accessKeyId != null ? accessKeyId : env.getOrDefault("ALIBABA_CLOUD_ACCESS_KEY_ID", "");
    if (keyId.isBlank()) {
      keyId = DEFAULT_ACCESS_KEY_ID;
    }
    String secret = accessKeySecretFile != null ? readSecret(accessKeySecretFile)
        : env.getOrDefault("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "");
    boolean generated = secret.isEmpty();
    if (generated) {
      byte[] random = new byte[16];
      new SecureRandom().nextBytes(random);
      secret = HexFormat.of().formatHex(random);
    }
    // standalone, nobody advances the fake's clock: asynchronous changes (a Pending SNAT entry, a Creating NAT
    // gateway) settle by the next request, so clients that poll see them finish
    FakeCloud fake = FakeCloud.builder().asyncDelay(Duration.ZERO).seed(theSeed).build();
    if (snapshot != null) {
      load(fake, snapshot);
    }
    fake.faults(plan);
    Emulator.Builder builder = Emulator.builder().fake(fake).accessKey(keyId, secret).log(line -> {
      err.println(line);
      err.flush();
    }).forgetFakeCallsEvery(FORGET_CALLS_EVERY).wireFaultSeed(theSeed);
    if (maxBodyBytes != null) {
      builder.maxBodyBytes(maxBodyBytes);
    }
    if (drop > 0) {
      builder.resetConnectionRate(Emulator.ANY_OPERATION, drop);
    }
    if (cut > 0) {
      builder.truncateBodyRate(Emulator.ANY_OPERATION, cut);
    }
    Emulator emulator = builder.build();
    try {
      emulator.start(port);
    } catch (IOException e) {
      throw new CliFailure(EasNet.EXIT_CLOUD, "cannot listen on port " + port + ": " + e.getMessage()
          + "; pick another with --port, or 0 for any free port", e);
    }
    out.println("eas-network emulator listening on " + emulator.url());
    out.println("  endpoint: " + emulator.endpoint() + " (protocol HTTP), for every product: ecs, vpc, rds,"
        + " r-kvstore and eas (RPC calls find their product by API version, ROA calls by path)");
    out.println("  access key id: " + keyId);
    if (generated) {
      out.println("  access key secret: " + secret + " (generated for this run; choose one with"
          + " ALIBABA_CLOUD_ACCESS_KEY_SECRET or --access-key-secret-file FILE)");
    } else {
      out.println("  access key secret: the one you gave");
    }
    out.println("  estate: " + (snapshot == null ? "empty" : snapshot + " (" + fake + ")"));
    if (!plan.isEmpty() || drop > 0 || cut > 0) {
      out.println("  faults (seed " + theSeed + "): " + (plan.isEmpty() ? "none in the cloud" : plan)
          + (drop > 0 ? ", wire drop " + drop : "") + (cut > 0 ? ", wire cut " + cut : ""));
    }
    out.println("  Java SDK: new Config().setEndpoint(\"" + emulator.endpoint() + "\").setProtocol(\"HTTP\")"
        + ".setAccessKeyId(...).setAccessKeySecret(...)");
    out.println("  aliyun CLI: aliyun vpc DescribeVpcs --RegionId cn-hangzhou --endpoint " + emulator.endpoint()
        + " --insecure");
    out.flush();
    return emulator;
  }

  /** The fault plan of the options, in the text form of {@link FaultPlan#parse}, each value checked first. */
  private FaultPlan faultPlan() {
    List<String> items = new ArrayList<>();
    if (faults != null) {
      items.add(faults);
    }
    if (serverErrors != null) {
      items.add("server-error=" + rate("--server-errors", serverErrors));
    }
    if (conflicts != null) {
      items.add("conflict=" + rate("--conflicts", conflicts));
    }
    if (latency != null && latencyMs != null) {
      throw CliFailure.usage("give --latency DURATION or --latency-ms N, not both");
    }
    if (latency != null) {
      items.add("latency=" + single("--latency", latency));
    }
    if (latencyMs != null) {
      inRange("--latency-ms", latencyMs, 600_000, "a number of milliseconds");
      items.add("latency=" + latencyMs + "ms");
    }
    if (throttlingRetryAfter != null && throttling == null) {
      throw CliFailure.usage("--throttling-retry-after needs --throttling RATE too");
    }
    if (throttling != null) {
      items.add("throttling=" + rate("--throttling", throttling)
          + (throttlingRetryAfter == null ? "" : "/" + single("--throttling-retry-after", throttlingRetryAfter)));
    }
    try {
      return FaultPlan.parse(String.join(",", items));
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage("bad fault option: " + e.getMessage());
    }
  }

  private static String readSecret(Path file) {
    try {
      // bounded: a secret is short; a file of more than 4 KiB is not one
      if (Files.size(file) > 4096) {
        throw CliFailure.usage("--access-key-secret-file " + file + " is larger than 4 KiB: pass a file that holds"
            + " the secret only");
      }
      String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (secret.isEmpty()) {
        throw CliFailure.usage("--access-key-secret-file " + file + " is empty: write the secret into it");
      }
      return secret;
    } catch (IOException e) {
      throw CliFailure.usage("cannot read --access-key-secret-file " + file + ": " + e.getMessage());
    }
  }

  private static void load(FakeCloud fake, Path snapshot) {
    if (!Files.isRegularFile(snapshot)) {
      throw CliFailure.usage("--snapshot " + snapshot + ": no such file" + (Files.isDirectory(snapshot)
          ? " (it is a directory)" : "") + "; pass the path of a snapshot JSON, e.g. one written by eas-net snapshot");
    }
    try {
      fake.load(snapshot);
    } catch (EasNetworkException e) {
      throw CliFailure.usage("--snapshot " + snapshot + " is not a valid snapshot: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage("--snapshot " + snapshot + " does not fit together: " + e.getMessage()
          + "; fix the file so that every service names resources of its inventory");
    }
  }

  /**
   * Checks a whole-number option: from 0 to {@code max}, else a usage failure naming the option, the range and the
   * value ({@code --port takes a number from 0 to 65535, was 70000}).
   *
   * @param what what the option counts, as the message words it ({@code a number of milliseconds})
   */
  private static void inRange(String option, long value, long max, String what) {
    if (value < 0 || value > max) {
      throw CliFailure.usage(option + " takes " + what + " from 0 to " + max + ", was " + value);
    }
  }

  /** The value, checked as a probability from 0 to 1, with the option named when it is not one. */
  private static String rate(String option, String value) {
    String t = value.strip();
    double v = -1;
    if (t.matches("\\d{1,3}(\\.\\d{1,12})?|\\.\\d{1,12}")) {
      v = Double.parseDouble(t);
    }
    if (!(v >= 0.0 && v <= 1.0)) {
      throw CliFailure.usage(option + " takes a probability from 0 to 1 (e.g. 0.1), was \"" + shown(value) + "\"");
    }
    return Double.toString(v);
  }

  /** A duration option's value, which must not smuggle further fault items in with a comma or a slash. */
  private static String single(String option, String value) {
    if (value.contains(",") || value.contains("/") || value.contains("=")) {
      throw CliFailure.usage(option + " takes one duration such as 250ms or 2s, was \"" + shown(value) + "\"");
    }
    return value.strip();
  }

  /** At most 100 characters of a value the user gave, control characters as '?'. */
  private static String shown(String value) {
    String cut = value.length() > 100 ? value.substring(0, 100) + "…" : value;
    return cut.replaceAll("[\\p{Cntrl}\\x{2028}\\x{2029}]", "?");
  }
}
