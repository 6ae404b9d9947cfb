package io.easnet.testkit.emulator;

import io.easnet.core.spi.Sleeper;
import io.easnet.testkit.FakeCloud;
import io.easnet.testkit.internal.wire.EmulatorDispatcher;
import io.easnet.testkit.internal.wire.EmulatorLog;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockWebServer;

/**
 * The wire emulator: an HTTP server that speaks Alibaba Cloud's protocol for every operation the Aliyun adapter
 * uses, so any SDK or tool, in any language, can be pointed at it. It serves the state of a {@link FakeCloud} (one
 * state, two faces): every request it routes is one call of the fake's call path, with the fake's seeded faults, call
 * log and request id, so the emulator and the fake's port face never disagree. It verifies ACS3-HMAC-SHA256 and RPC
 * HMAC-SHA1 signatures against the access key pairs it was given, refuses stale timestamps and replayed nonces,
 * routes RPC calls by product, version and action and ROA calls by method and path, and answers in Alibaba's JSON
 * shape with a {@code RequestId} on every response; a refusal of the fake (an injected fault included) is Alibaba's
 * error JSON with the refusal's HTTP status and, for throttling, {@code x-acs-retry-after}. A request it cannot route
 * gets Alibaba's error and a {@link NearMiss} in its {@link #log()}.
 *
 * <pre>{@code
 * FakeCloud fake = FakeCloud.create();
 * fake.estate().vpc("prod", "192.168.0.0/16").vSwitch("eas", "192.168.1.0/24");
 * try (Emulator emulator = Emulator.builder().fake(fake).accessKey("LTAI-test", "test-secret").build().start()) {
 *   // point an SDK at emulator.endpoint() over HTTP ...
 *   assertThat(emulator.nearMisses()).isEmpty();
 * }
 * }</pre>
 *
 * <p>The product of an RPC call comes from the {@code Host} when the client sends an {@code *.aliyuncs.com} name,
 * from a path prefix ({@code /vpc/}, {@code /ecs/}, {@code /rds/}, {@code /r-kvstore/}, {@code /eas/}), or from
 * the API version, which differs for every product; so a plain {@code 127.0.0.1:port} endpoint works for all.
 *
 * <p>Memory stays bounded however long it runs: a request body over {@link Builder#maxBodyBytes} (8 MiB by default)
 * is answered 413 {@code RequestBodyTooLarge} in Alibaba's error JSON, and only that many bytes plus one of it are
 * ever held; the server's copy of each request is dropped once answered; the log keeps its last
 * {@value io.easnet.testkit.internal.wire.EmulatorLog#KEPT} lines; with {@link Builder#forgetFakeCallsEvery}
 * the fake's call log is cleared too (the standalone launcher does so). {@link #retention()} reports what is held.
 *
 * <p>Thread-safe.
 */
public final class Emulator implements AutoCloseable {
  /** In a fault setter: every operation. */
  public static final String ANY_OPERATION = "*";

  private final EmulatorDispatcher dispatcher;
  private final EmulatorLog log;
  private final List<String> accessKeyIds;
  private final FakeCloud fake;
  private final int forgetFakeCallsEvery;
  private final AtomicLong served = new AtomicLong();
  private final AtomicLong drained = new AtomicLong();
  private final AtomicLong largestHeld = new AtomicLong();
  private MockWebServer server;

  private Emulator(EmulatorDispatcher dispatcher, EmulatorLog log, List<String> accessKeyIds, FakeCloud fake,
      int forgetFakeCallsEvery) {
    this.dispatcher = dispatcher;
    this.log = log;
    this.accessKeyIds = List.copyOf(accessKeyIds);
    this.fake = fake;
    this.forgetFakeCallsEvery = forgetFakeCallsEvery;
  }

  /**
   * What the emulator holds in memory now, by its own accounting.
   *
   * @param requestsServed requests answered since start
   * @param requestsHeld requests the server still holds (received, not yet dropped): only those in flight
   * @param bodyBytesHeldAtMost an upper bound of the request body bytes held: {@code requestsHeld} times the largest
   *     body held (never more than the body limit plus one)
   * @param logLinesKept log lines and near misses kept
   */
  public record Retention(long requestsServed, long requestsHeld, long bodyBytesHeldAtMost, int logLinesKept) {}

  /** What the emulator holds in memory now. */
  public synchronized Retention retention() {
    long held = server == null ? 0 : Math.max(0, server.getRequestCount() - drained.get());
    return new Retention(served.get(), held, held * largestHeld.get(), log.kept());
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The fake cloud whose state the emulator serves: plant resources with its {@code estate()}, set its
   * {@code faults(…)}, move its clock with {@code advance()}, read its {@code recordedCalls()}.
   */
  public FakeCloud fake() {
    return fake;
  }

  /** The MockWebServer dispatcher, to install on a server the caller owns and starts. */
  public Dispatcher dispatcher() {
    return dispatcher;
  }

  /**
   * Starts a server on a free loopback port.
   *
   * @throws IOException when no port can be bound
   * @throws IllegalStateException when already started
   */
  public Emulator start() throws IOException {
    return start(0);
  }

  /**
   * Starts a server on the loopback address and {@code port} (0 for any free port).
   *
   * @throws IOException when the port cannot be bound (in use, or privileged)
   * @throws IllegalStateException when already started
   */
  public synchronized Emulator start(int port) throws IOException {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 (any free port) to 65535, was " + port);
    }
    if (server != null) {
      throw new IllegalStateException("the emulator is already running at " + url());
    }
    MockWebServer s = new MockWebServer();
    s.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
    // the server keeps at most this much of a body (it reads and drops the rest): enough to see it is too large
    s.setBodyLimit(dispatcher.maxBodyBytes() + 1);
    s.setDispatcher(new Dispatcher() {
      @Override
      public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request)
          throws InterruptedException {
        try {
          return dispatcher.dispatch(request);
        } finally {
          served.incrementAndGet();
          drain(s);
          if (forgetFakeCallsEvery > 0 && served.get() % forgetFakeCallsEvery == 0) {
            fake.clearCalls();
          }
        }
      }
    });
    s.start(InetAddress.getLoopbackAddress(), port);
    server = s;
    return this;
  }

  /** Drops the server's copies of answered requests (MockWebServer queues every request for takeRequest()). */
  private void drain(MockWebServer s) throws InterruptedException {
    mockwebserver3.RecordedRequest r;
    while ((r = s.takeRequest(0, TimeUnit.NANOSECONDS)) != null) {
      drained.incrementAndGet();
      long kept = Math.min(r.getBodySize(), dispatcher.maxBodyBytes() + 1);
      largestHeld.accumulateAndGet(kept, Math::max);
    }
  }

  /**
   * The endpoint to configure in an SDK, {@code host:port} without a scheme (the SDKs' {@code endpoint}); use
   * the HTTP protocol.
   *
   * @throws IllegalStateException before {@link #start()}
   */
  public synchronized String endpoint() {
    if (server == null) {
      throw new IllegalStateException("the emulator is not running: call start() first, or install dispatcher()"
          + " on your own MockWebServer");
    }
    String host = server.getSocketAddress().getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getPort();
  }

  /** {@code http://host:port}, for clients that take a URL. */
  public String url() {
    return "http://" + endpoint();
  }

  /** The requests the emulator could not route, oldest first, each with the closest known operation. */
  public List<NearMiss> nearMisses() {
    return log.nearMisses().stream()
        .map(m -> new NearMiss(m.request(), m.closestOperation(), m.closestShape(), m.differences())).toList();
  }

  /** Every line the emulator logged: near misses, signature mismatches with the server's canonical request, faults. */
  public List<String> log() {
    return log.lines();
  }

  /** Stops the server, if started. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  @Override
  public synchronized String toString() {
    return "Emulator[" + (server == null ? "not running" : url()) + ", accessKeyIds=" + accessKeyIds + "]";
  }

  /**
   * Configures an {@link Emulator}; every setter checks its argument (the checks are the dispatcher builder's, which
   * this one configures).
   */
  public static final class Builder {
    private final EmulatorDispatcher.Builder dispatcher = EmulatorDispatcher.builder();
    private final List<String> keyIds = new ArrayList<>();
    private Duration window = Duration.ofMinutes(15);
    private Consumer<String> sink = line -> { };
    private FakeCloud fake;
    private int forgetFakeCallsEvery;

    private Builder() {}

    /**
     * The largest request body answered, in bytes; a larger one is answered 413 {@code RequestBodyTooLarge} (Alibaba's
     * error JSON) and at most this many bytes plus one of it are held. Default 8 MiB.
     *
     * @throws IllegalArgumentException for a negative limit or one of 2 GiB or more
     */
    public Builder maxBodyBytes(long bytes) {
      dispatcher.maxBodyBytes(bytes);
      return this;
    }

    /**
     * Clears the fake's call log ({@code FakeCloud.recordedCalls()}) after every {@code requests} requests, for an
     * emulator that runs for days with nobody reading the log in process; default never (0).
     *
     * @throws IllegalArgumentException for a negative count
     */
    public Builder forgetFakeCallsEvery(int requests) {
      if (requests < 0) {
        throw new IllegalArgumentException("forgetFakeCallsEvery must be 0 (never) or positive, was " + requests);
      }
      this.forgetFakeCallsEvery = requests;
      return this;
    }

    /**
     * Closes the connection before any response byte on a share {@code probability} (0 to 1) of the calls of
     * {@code operation} (or {@link #ANY_OPERATION}), drawn from {@link #wireFaultSeed}: the operation does not run.
     */
    public Builder resetConnectionRate(String operation, double probability) {
      dispatcher.resetConnectionRate(operation, probability);
      return this;
    }

    /**
     * Runs the operation, then sends half the answer and closes the connection, on a share {@code probability} (0 to
     * 1) of the calls of {@code operation} (or {@link #ANY_OPERATION}): a write is applied but its answer is lost.
     */
    public Builder truncateBodyRate(String operation, double probability) {
      dispatcher.truncateBodyRate(operation, probability);
      return this;
    }

    /** The seed of the wire faults given as rates; default 0. The same seed replays the same draws, call by call. */
    public Builder wireFaultSeed(long seed) {
      dispatcher.wireFaultSeed(seed);
      return this;
    }

    /** The fake cloud to serve; default a new {@link FakeCloud#create()}. */
    public Builder fake(FakeCloud fake) {
      this.fake = Objects.requireNonNull(fake, "fake");
      return this;
    }

    /**
     * An access key pair whose signatures the emulator accepts; call once per pair. The secret never appears in
     * a log, a message or {@code toString}.
     */
    public Builder accessKey(String accessKeyId, String accessKeySecret) {
      dispatcher.accessKey(accessKeyId, accessKeySecret);
      if (!keyIds.contains(accessKeyId)) {
        keyIds.add(accessKeyId);
      }
      return this;
    }

    /** The clock timestamps are checked against; default the system UTC clock. */
    public Builder clock(Clock clock) {
      dispatcher.clock(clock);
      return this;
    }

    /**
     * How far {@code x-acs-date} or {@code Timestamp} may be from the clock; default 15 minutes, as Alibaba
     * documents.
     */
    public Builder timestampWindow(Duration window) {
      dispatcher.timestampWindow(window);
      this.window = window;
      return this;
    }

    /** How injected latency is waited out; default {@link Sleeper#system()}. */
    public Builder sleeper(Sleeper sleeper) {
      Objects.requireNonNull(sleeper, "sleeper");
      dispatcher.sleeper(sleeper);
      return this;
    }

    /** Also sends every log line here (the launcher passes standard error); default nowhere but {@link #log()}. */
    public Builder log(Consumer<String> sink) {
      this.sink = Objects.requireNonNull(sink, "sink");
      return this;
    }

    /**
     * Delays every call of {@code operation} ({@code product:Action}, e.g. {@code vpc:DescribeVpcs}, or
     * {@link #ANY_OPERATION}) by {@code latency}; several latencies add up.
     *
     * @throws IllegalArgumentException for an operation the emulator does not know, naming the known ones
     */
    public Builder latency(String operation, Duration latency) {
      Objects.requireNonNull(latency, "latency");
      dispatcher.latency(operation, latency, -1);
      return this;
    }

    /**
     * Closes the connection, before any response byte, on the next {@code times} calls of {@code operation}. The
     * operation does not run: a write is not applied.
     */
    public Builder resetConnection(String operation, int times) {
      positive(times);
      dispatcher.resetConnection(operation, times);
      return this;
    }

    /**
     * Sends half the body and closes the connection on the next {@code times} calls of {@code operation}. The
     * operation runs: a write is applied but its answer is lost, the case a client's retry must survive.
     */
    public Builder truncateBody(String operation, int times) {
      positive(times);
      dispatcher.truncateBody(operation, times);
      return this;
    }

    private static void positive(int times) {
      if (times < 1) {
        throw new IllegalArgumentException("times must be at least 1, was " + times);
      }
    }

    /**
     * The emulator, not yet listening.
     *
     * @throws IllegalStateException without any access key
     */
    public Emulator build() {
      if (keyIds.isEmpty()) {
        throw new IllegalStateException("no access key: call accessKey(id, secret) with the pair clients sign with");
      }
      EmulatorLog log = new EmulatorLog(sink);
      FakeCloud served = fake != null ? fake : FakeCloud.create();
      return new Emulator(dispatcher.log(log).operations(served.wireOperations()).build(), log, new ArrayList<>(keyIds),
          served, forgetFakeCallsEvery);
    }

    @Override
    public String toString() {
      return "Emulator.Builder[accessKeyIds=" + keyIds + ", window=" + window + "]";
    }
  }
}
