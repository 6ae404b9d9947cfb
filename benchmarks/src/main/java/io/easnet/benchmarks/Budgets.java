package io.easnet.benchmarks;

import io.easnet.aliyun.AliyunCloudPort;
import io.easnet.aliyun.AliyunOptions;
import io.easnet.aliyun.Credentials;
import io.easnet.aliyun.CredentialsProviders;
import io.easnet.cli.BenchCli;
import io.easnet.core.json.ServiceDocument;
import io.easnet.core.json.Snapshot;
import io.easnet.core.json.SnapshotJson;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.spi.CloudPort;
import io.easnet.core.load.InventoryLoader;
import io.easnet.core.analysis.Target;
import io.easnet.testkit.FakeCloud;
import io.easnet.testkit.emulator.Emulator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Budgets 4, 5 and 6 of issue 18, each a ratio against a baseline measured in the same run (see BENCHMARKS.md):
 *
 * <ul>
 *   <li>{@code doctor}: {@code eas-net doctor --endpoint --paths-only} (private path, internet path, client path)
 *       against the emulator with 50 ms added to every call, in this JVM after one warm-up run; wall time against
 *       the dependent call rounds × 50 ms, and the calls made against the minimal set; the loader's question alone
 *       and the default doctor (the rules' read of the whole VPC) as rows beside it, the latter for comparison
 *       ({@code INFO}, no limit);
 *   <li>{@code adapter}: one adapter call ({@code vpc.describeVpc}: signing, JSON mapping, retry and breaker) against a
 *       raw OkHttp POST of the same local server answering the same canned body;
 *   <li>{@code snapshot}: {@code eas-net snapshot --endpoint} of a region through the emulator with 20 ms per call and
 *       the adapter's default per-API rate limits, against the critical path those limits allow.
 * </ul>
 *
 * <p>Prints one tab-separated row per budget on standard output ({@code budget, name, baseline, measured, ratio,
 * limit, PASS|FAIL, note}) and the details on standard error. {@code --quick} shrinks the repetitions and the
 * snapshot's region (a tenth). Nothing here asserts a time: {@code ./bench} prints the table.
 */
public final class Budgets {
  private static final String KEY_ID = "LTAIbenchmarkkey0001";
  private static final String KEY_SECRET = "bench-secret-not-a-real-one";
  private static final Map<String, String> ENV = Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID,
      "ALIBABA_CLOUD_ACCESS_KEY_SECRET", KEY_SECRET, "ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
  static final Duration DOCTOR_LATENCY = Duration.ofMillis(50);
  static final Duration SNAPSHOT_LATENCY = Duration.ofMillis(20);

  private final PrintStream out;
  private final PrintStream log;

  Budgets(boolean quick, PrintStream out, PrintStream log) {
    this.out = out;
    this.log = log;
  }

  /** {@code Budgets [--quick] [--smoke] [doctor] [adapter] [snapshot]}; all three when none is named. */
  public static void main(String[] args) throws Exception {
    List<String> a = new ArrayList<>(Arrays.asList(args));
    boolean quick = a.remove("--quick");
    boolean smoke = a.remove("--smoke");
    if (a.isEmpty()) {
      a = List.of("doctor", "adapter", "snapshot");
    }
    Budgets b = new Budgets(quick || smoke, System.out, System.err);
    for (String which : a) {
      switch (which) {
        case "doctor" -> b.doctor(smoke ? 1 : quick ? 3 : 7);
        case "adapter" -> b.adapter(smoke ? 50 : quick ? 3_000 : 10_000, smoke ? 1 : 5, smoke ? 50 : WARM_UP_CALLS);
        case "snapshot" -> b.snapshot(smoke ? new EstateGenerator.Size(20, 10, 20, 4)
            : quick ? new EstateGenerator.Size(20, 100, 200, 50) : new EstateGenerator.Size(200, 1_000, 2_000, 50));
        default -> {
          System.err.println("Budgets: unknown budget \"" + which + "\"; use doctor, adapter or snapshot");
          System.exit(2);
        }
      }
    }
  }

  // ---- 4: doctor ------------------------------------------------------------------------------------------------

  /**
   * One doctor question: the command's arguments, the loader's question, the calls it needs (the call sets of
   * LoaderMinimalCallsProperties in wire actions) and its dependent rounds (what the spec and the intent name, then
   * what those answers name).
   */
  record Question(String name, List<String> args, io.easnet.core.load.InventoryLoader.Question question, List<String> minimalCalls,
      int rounds) {}

  void doctor(int runs) throws IOException {
    EstateGenerator.Estate estate = EstateGenerator.generate(EstateGenerator.Size.proportional(200), 7);
    Inventory inv = estate.inventory();
    Path dir = Files.createTempDirectory("eas-net-bench-doctor");
    List<Question> questions = doctorQuestions(inv, estate.services(), dir);
    FakeCloud fake = FakeCloud.builder().regionId("cn-hangzhou").inventory(inv).build();
    try (Emulator emulator = Emulator.builder().fake(fake).accessKey(KEY_ID, KEY_SECRET)
        .latency(Emulator.ANY_OPERATION, DOCTOR_LATENCY).build().start()) {
      CloudPort port = AliyunCloudPort.create(AliyunOptions.builder("cn-hangzhou")
          .credentials(CredentialsProviders.of(Credentials.of(KEY_ID, KEY_SECRET)))
          .endpointOverride(URI.create(emulator.url())).build());
      for (Question q : questions) {
        double floor = q.rounds() * DOCTOR_LATENCY.toMillis();
        List<String> want = q.minimalCalls().stream().sorted().toList();
        // the loader's path question alone, through the adapter as the command opens it
        try (InventoryLoader loader = InventoryLoader.builder().port(port).build()) {
          Timed t = timed(fake, runs, () -> loader.load(q.question()));
          report("loader " + q.name(), floor, t, want, q.rounds());
        }
        // the budget's command: the incident mode, the path question's reads and nothing else
        List<String> fast = new ArrayList<>(List.of("doctor", "--endpoint", emulator.endpoint(), "--paths-only"));
        fast.addAll(q.args());
        report("eas-net doctor --paths-only " + q.name(), floor, timed(fake, runs, () -> doctorRun(fast)), want,
            q.rounds());
        // the default command, for comparison: the rules' read of the service's VPC besides the path question
        List<String> full = new ArrayList<>(List.of("doctor", "--endpoint", emulator.endpoint()));
        full.addAll(q.args());
        Timed t = timed(fake, runs, () -> doctorRun(full));
        Map<String, Long> perAction = counts(t.calls());
        log.printf(Locale.ROOT, "4 eas-net doctor (full) %s: median %.1f ms; %d calls %s; rate-limit floor of these"
            + " calls %.0f ms%n", q.name(), t.medianMs(), t.calls().size(), perAction,
            rateLimitFloor(perAction, DOCTOR_LATENCY));
        info("4", "eas-net doctor (full, with rules) " + q.name(), floor, "ms", t.medianMs(), t.calls().size()
            + " calls (the service's whole VPC, for the rule catalogue) against the paths' " + want.size()
            + "; rate-limit floor " + String.format(Locale.ROOT, "%.0f ms", rateLimitFloor(perAction, DOCTOR_LATENCY))
            + "; the default mode, not the budget's (--paths-only)");
      }
    }
  }

  private void doctorRun(List<String> args) {
    int code = cli(args);
    if (code > 1) {
      throw new IllegalStateException("eas-net " + String.join(" ", args) + " exited " + code);
    }
  }

  /** A median wall time and the calls of the last run. */
  record Timed(double medianMs, List<String> calls) {}

  private static Timed timed(FakeCloud fake, int runs, Runnable run) {
    run.run(); // warm-up: class loading and JIT of this path
    long[] nanos = new long[runs];
    List<String> calls = List.of();
    for (int i = 0; i < runs; i++) {
      fake.clearCalls();
      long t0 = System.nanoTime();
      run.run();
      nanos[i] = System.nanoTime() - t0;
      calls = fake.recordedCalls().stream().map(c -> c.action() + (c.page() > 1 ? "#p" + c.page() : ""))
          .sorted().toList();
    }
    return new Timed(median(nanos) / 1e6, calls);
  }

  /** The route tables of a VPC: one request per table the VPC has (its system table and any custom ones). */
  static final String ROUTE_TABLES = "vpc:DescribeRouteTableList";

  private void report(String name, double floor, Timed t, List<String> want, int rounds) {
    // the same wire requests, the route tables compared by presence (their count is the VPC's, not the question's)
    boolean minimal = t.calls().stream().filter(c -> !c.startsWith(ROUTE_TABLES)).toList()
        .equals(want.stream().filter(c -> !c.startsWith(ROUTE_TABLES)).toList())
        && t.calls().contains(ROUTE_TABLES) == want.contains(ROUTE_TABLES);
    Map<String, Long> perAction = counts(t.calls());
    log.printf(Locale.ROOT, "4 %s: median %.1f ms, %d round(s) x 50 ms; %d calls %s; minimal %d %s; rate-limit"
        + " floor of these calls %.0f ms%n", name, t.medianMs(), rounds, t.calls().size(), perAction, want.size(),
        counts(want), rateLimitFloor(perAction, DOCTOR_LATENCY));
    row("4", name, floor, "ms", t.medianMs(), 1.25, minimal, (minimal ? "calls = minimal " : "calls "
        + t.calls().size() + " != minimal " + want.size() + ", ") + counts(want) + "; " + rounds + " round(s)");
  }

  private static Map<String, Long> counts(List<String> calls) {
    return calls.stream().collect(Collectors.groupingBy(c -> c, TreeMap::new, Collectors.counting()));
  }

  /** The three questions about the first fitting service, with their minimal calls (LoaderMinimalCallsProperties). */
  static List<Question> doctorQuestions(Inventory inv, List<ServiceInput> services, Path dir) throws IOException {
    for (ServiceInput s : services) {
      ServiceSpec spec = s.spec();
      ServiceNetworking net = spec.networking().orElse(null);
      if (spec.resourceGroupId().isPresent() || net == null || net.vpcId().isEmpty() || net.vSwitchId().isEmpty()
          || net.securityGroupId().isEmpty()) {
        continue;
      }
      VpcId vpc = net.vpcId().get();
      RdsInstance rds = inv.rdsInstances().stream().filter(r -> r.vpcId().equals(java.util.Optional.of(vpc)))
          .findFirst().orElse(null);
      EcsInstance ecs = inv.ecsInstances().stream().filter(e -> e.vpcId().equals(vpc)).findFirst().orElse(null);
      List<NatGateway> nats = inv.natGatewaysIn(vpc);
      if (rds == null || ecs == null || nats.isEmpty()) {
        continue;
      }
      Path file = dir.resolve("service.json");
      ServiceDocument.from(spec).write(file);
      // the port calls of LoaderMinimalCallsProperties, in the wire requests the adapter makes for each
      List<String> vsw = List.of("vpc:DescribeVSwitches");
      List<String> sg = List.of("ecs:DescribeSecurityGroups", "ecs:DescribeSecurityGroupAttribute");
      List<String> vpcCall = List.of("vpc:DescribeVpcs");
      List<String> rdsCall = List.of("rds:DescribeDBInstanceAttribute", "rds:DescribeDBInstanceIPArrayList",
          "rds:DescribeDBInstanceNetInfo", "rds:DescribeSecurityGroupConfiguration");
      List<String> privateCalls = new ArrayList<>();
      List.of(vsw, sg, vpcCall, rdsCall).forEach(privateCalls::addAll);
      Set<SecurityGroupId> bound = new LinkedHashSet<>(rds.securityGroupIds());
      bound.remove(net.securityGroupId().get());
      bound.forEach(g -> privateCalls.addAll(sg));
      List<String> internetCalls = new ArrayList<>();
      List.of(vsw, sg, List.of("vpc:DescribeNatGateways", ROUTE_TABLES)).forEach(internetCalls::addAll);
      nats.forEach(n -> internetCalls.addAll(List.of("vpc:DescribeSnatTableEntries", "vpc:DescribeEipAddresses")));
      List<String> clientCalls = new ArrayList<>();
      List.of(vsw, sg, vpcCall, List.of("ecs:DescribeInstances")).forEach(clientCalls::addAll);
      Set<SecurityGroupId> clientGroups = new LinkedHashSet<>(ecs.securityGroupIds());
      clientGroups.remove(net.securityGroupId().get());
      clientGroups.forEach(g -> clientCalls.addAll(sg));
      return List.of(
          new Question("private path (rds)", List.of("--service", file.toString(), "--to", "rds:" + rds.id().value()),
              io.easnet.core.load.InventoryLoader.Question.privateTarget(spec, Target.rds(rds.id())), privateCalls,
              bound.isEmpty() ? 1 : 2),
          new Question("internet path", List.of("--service", file.toString(), "--to", "internet"),
              io.easnet.core.load.InventoryLoader.Question.internetEgress(spec), internetCalls, 2),
          new Question("client path (ecs)", List.of("--service", file.toString(), "--from",
              "ecs:" + ecs.id().value()), io.easnet.core.load.InventoryLoader.Question.clientToService(ecs.id(), spec), clientCalls,
              clientGroups.isEmpty() ? 1 : 2));
    }
    throw new IllegalStateException("the generated estate has no service with a VPC holding an RDS instance, an ECS"
        + " instance and a NAT gateway; change the seed");
  }

  /**
   * The least time the adapter's default rate limits allow for these calls: a sliding window of R requests per
   * period P lets n requests through in no less than floor((n-1)/R) x P, and the last one still takes its latency.
   */
  static double rateLimitFloor(Map<String, Long> perAction, Duration latency) {
    AliyunOptions defaults = AliyunOptions.builder("cn-hangzhou").build();
    long total = perAction.values().stream().mapToLong(Long::longValue).sum();
    double floor = Math.floor((total - 1) / (double) defaults.rateLimitRequests())
        * defaults.rateLimitPeriod().toMillis();
    for (Map.Entry<String, Long> e : perAction.entrySet()) {
      AliyunOptions.RateLimit limit = defaults.actionRateLimit(e.getKey().replaceAll("#p\\d+$", ""));
      floor = Math.max(floor, Math.floor((e.getValue() - 1) / (double) limit.requests()) * limit.period().toMillis());
    }
    return floor + latency.toMillis();
  }

  // ---- 5: adapter -----------------------------------------------------------------------------------------------

  /** The least warm-up of budget 5, per path: past C2's compile threshold even in a quick run. */
  static final int WARM_UP_CALLS = 20_000;

  void adapter(int calls, int rounds, int warmUpCalls) throws Exception {
    EstateGenerator.Estate estate = EstateGenerator.generate(EstateGenerator.Size.proportional(20), 7);
    FakeCloud fake = FakeCloud.builder().regionId("cn-hangzhou").inventory(estate.inventory()).build();
    VpcId vpc = estate.inventory().vpcs().get(0).id();
    String body;
    // the body: the emulator's answer to the adapter's first describeVpc, captured on its way through
    try (Emulator emulator = Emulator.builder().fake(fake).accessKey(KEY_ID, KEY_SECRET).build();
        MockWebServer capture = new MockWebServer()) {
      CannedDispatcher canned = new CannedDispatcher(emulator.dispatcher());
      capture.setDispatcher(canned);
      capture.start();
      port(URI.create("http://127.0.0.1:" + capture.getPort())).vpc().describeVpc(vpc);
      body = canned.body;
    }
    // the same local server for both: the JDK's, answering that body at once, with TCP_NODELAY
    System.setProperty("sun.net.httpserver.nodelay", "true");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
      exchange.sendResponseHeaders(200, bytes.length);
      try (var o = exchange.getResponseBody()) {
        o.write(bytes);
      }
    });
    server.start();
    try {
      URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
      CloudPort port = port(endpoint);
      String url = endpoint + "/?Action=DescribeVpcs&VpcId=" + vpc.value();
      OkHttpClient raw = new OkHttpClient();
      Function<Integer, Long> adapterRun = n -> {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          port.vpc().describeVpc(vpc);
        }
        return System.nanoTime() - t0;
      };
      Function<Integer, Long> rawRun = n -> {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          // the adapter's RPC call is a POST with its parameters in the query: the same method here
          try (Response r = raw.newCall(new Request.Builder().url(url)
              .post(okhttp3.RequestBody.create(new byte[0], null)).build()).execute()) {
            r.body().string();
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        }
        return System.nanoTime() - t0;
      };
      // warm-up: both paths compiled by C2 before timing (it compiles a method after some 10,000 invocations; a
      // quick run's 3,000 calls measured the adapter's larger path still partly in C1 code, 2-4x with wide swings)
      int warm = Math.max(calls, warmUpCalls);
      long warmUp = adapterRun.apply(warm) + rawRun.apply(warm);
      log.printf("adapter: warm-up %d ms%n", warmUp / 1_000_000);
      long bestAdapter = Long.MAX_VALUE;
      long bestRaw = Long.MAX_VALUE;
      // the calling thread's CPU time as well: on a loaded machine the wall time of a loop swings with the
      // neighbours, the CPU time a loop spends in its own thread much less (it leaves out the server's side)
      java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
      long bestAdapterCpu = Long.MAX_VALUE;
      long bestRawCpu = Long.MAX_VALUE;
      for (int i = 0; i < rounds; i++) { // interleaved, best of each: the neighbours' noise only ever adds
        long c0 = cpu.getCurrentThreadCpuTime();
        bestRaw = Math.min(bestRaw, rawRun.apply(calls));
        long c1 = cpu.getCurrentThreadCpuTime();
        bestAdapter = Math.min(bestAdapter, adapterRun.apply(calls));
        long c2 = cpu.getCurrentThreadCpuTime();
        bestRawCpu = Math.min(bestRawCpu, c1 - c0);
        bestAdapterCpu = Math.min(bestAdapterCpu, c2 - c1);
      }
      double a = bestAdapter / 1e3 / calls;
      double r = bestRaw / 1e3 / calls;
      log.printf(Locale.ROOT, "5 adapter: %.1f us per describeVpc, raw OkHttp %.1f us per POST (%d calls, best of"
          + " %d); calling thread's CPU %.1f us against %.1f us (%.2fx)%n", a, r, calls, rounds,
          bestAdapterCpu / 1e3 / calls, bestRawCpu / 1e3 / calls, (double) bestAdapterCpu / bestRawCpu);
      row("5", "adapter per call", r, "us", a, 1.3, true, "vpc.describeVpc (signing, mapping, retry, breaker) vs a"
          + " raw OkHttp POST of the same server and body (" + bytes.length + " B), best of " + rounds + " x " + calls);
    } finally {
      server.stop(0);
    }
  }

  /** The adapter as the command line opens it, with the rate limiter lifted (it would time the quota). */
  private static CloudPort port(URI endpoint) {
    return AliyunCloudPort.create(AliyunOptions.builder("cn-hangzhou")
        .credentials(CredentialsProviders.of(Credentials.of(KEY_ID, KEY_SECRET))).endpointOverride(endpoint)
        .rateLimit(1_000_000, Duration.ofSeconds(1)).actionRateLimit(1_000_000, Duration.ofSeconds(1)).build());
  }

  /** Answers every request with the body the delegate gave the first one. */
  private static final class CannedDispatcher extends Dispatcher {
    private final Dispatcher delegate;
    private volatile String body;

    CannedDispatcher(Dispatcher delegate) {
      this.delegate = delegate;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      if (body == null) {
        synchronized (this) {
          if (body == null) {
            MockResponse first = delegate.dispatch(request);
            okio.Buffer buffer = new okio.Buffer();
            try {
              first.getBody().writeTo(buffer);
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
            body = buffer.readUtf8();
          }
        }
      }
      return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json;charset=utf-8")
          .body(body).build();
    }
  }

  // ---- 6: snapshot ----------------------------------------------------------------------------------------------

  void snapshot(EstateGenerator.Size size) throws IOException {
    EstateGenerator.Estate estate = EstateGenerator.generate(size, 7);
    // the services the cloud can run: a partial cloud.networking block is a lint finding, not a deployable service
    Snapshot.Builder b = Snapshot.builder().inventory(estate.inventory());
    estate.services().stream().map(ServiceInput::spec).filter(sp -> sp.networking().map(n -> n.vpcId().isPresent()
        && n.vSwitchId().isPresent() && n.securityGroupId().isPresent()).orElse(true))
        .forEach(sp -> b.addService(ServiceDocument.from(sp)));
    Snapshot snap = b.build();
    FakeCloud fake = FakeCloud.builder().regionId("cn-hangzhou").build();
    fake.load(snap);
    Path dir = Files.createTempDirectory("eas-net-bench-snapshot");
    AliyunOptions defaults = AliyunOptions.builder("cn-hangzhou").build();
    try (Emulator emulator = Emulator.builder().fake(fake).accessKey(KEY_ID, KEY_SECRET)
        .latency(Emulator.ANY_OPERATION, SNAPSHOT_LATENCY).build().start()) {
      List<String> args = List.of("snapshot", "--endpoint", emulator.endpoint(), "--output",
          dir.resolve("snapshot.json").toString());
      long t0 = System.nanoTime();
      int code = cli(args);
      double ms = (System.nanoTime() - t0) / 1e6;
      if (code != 0) {
        throw new IllegalStateException("snapshot exited " + code);
      }
      Map<String, Long> perAction = fake.recordedCalls().stream()
          .collect(Collectors.groupingBy(FakeCloud.RecordedCall::action, TreeMap::new, Collectors.counting()));
      long total = perAction.values().stream().mapToLong(Long::longValue).sum();
      // dependent rounds: the VPCs, then per VPC its lists, then per NAT gateway and group: 3
      double floor = Math.max(rateLimitFloor(perAction, SNAPSHOT_LATENCY), 3.0 * SNAPSHOT_LATENCY.toMillis());
      String binding = perAction.entrySet().stream().max(Map.Entry.comparingByValue())
          .map(e -> e.getKey() + " x" + e.getValue() + " at " + defaults.actionRateLimit(e.getKey())).orElse("-");
      log.printf(Locale.ROOT, "6 snapshot %s: %.0f ms, %d requests %s; critical path %.0f ms (%s)%n", size, ms, total,
          perAction, floor, binding);
      row("6", "snapshot of a region", floor, "ms", ms, 1.5, true, size.vSwitches() + " vSwitches, " + size.groups()
          + " groups, " + size.services() + " services, " + size.vpcs() + " VPCs; " + total
          + " requests; bound by " + binding);
    }
  }

  // ---- helpers --------------------------------------------------------------------------------------------------

  private int cli(List<String> args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = BenchCli.run(new PrintWriter(o), new PrintWriter(e), ENV, args.toArray(String[]::new));
    if (code > 1) {
      log.println("eas-net " + String.join(" ", args) + " exited " + code + ":\n" + o + e);
    }
    return code;
  }

  private void row(String budget, String name, double baseline, String unit, double measured, double limit,
      boolean extraOk, String note) {
    double ratio = measured / baseline;
    boolean pass = ratio <= limit && extraOk;
    out.printf(Locale.ROOT, "%s\t%s\t%.1f %s\t%.1f %s\t%.2f\t<= %.2f\t%s\t%s%n", budget, name, baseline, unit,
        measured, unit, ratio, limit, pass ? "PASS" : "FAIL", note);
    out.flush();
  }

  /** A row for comparison, judged against no limit: {@code INFO} in the result column. */
  private void info(String budget, String name, double baseline, String unit, double measured, String note) {
    out.printf(Locale.ROOT, "%s\t%s\t%.1f %s\t%.1f %s\t%.2f\t-\tINFO\t%s%n", budget, name, baseline, unit, measured,
        unit, measured / baseline, note);
    out.flush();
  }

  private static double median(long[] values) {
    long[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
  }
}
