package io.easnet.testkit;

import io.easnet.core.json.ServiceDocument;
import io.easnet.core.json.Snapshot;
import io.easnet.core.json.SnapshotJson;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceId;
import io.easnet.core.spi.CloudActions;
import io.easnet.core.spi.CloudPort;
import io.easnet.core.spi.EasApi;
import io.easnet.core.spi.EcsApi;
import io.easnet.core.spi.RdsApi;
import io.easnet.core.spi.RedisApi;
import io.easnet.core.spi.RequestListener.RequestEvent;
import io.easnet.core.spi.RequestListener;
import io.easnet.core.spi.VpcApi;
import io.easnet.testkit.internal.wire.ErrorCodes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * An in-memory, stateful Alibaba Cloud network that implements the {@link CloudPort}: no credentials, no network,
 * deterministic. It keeps Alibaba's invariants:
 *
 * <ul>
 *   <li>service instances take one address each from their vSwitch; a service that does not fit fails with
 *       {@code InvalidVSwitchId.IpNotEnough} ({@code QUOTA_EXCEEDED});
 *   <li>a security group holds at most 200 rules; authorizing an existing rule succeeds without a duplicate;
 *   <li>a SNAT entry has a source vSwitch or a source CIDR, never both, and a source sits in one entry only;
 *   <li>an instance's allowlists hold at most 1,000 entries, and a delete leaves at least one in its group;
 *   <li>a NAT gateway is {@code Creating}, a SNAT entry {@code Pending} (and {@code Deleting} when deleted), a
 *       DLink {@code UPDATING} and a service {@code Creating} or {@code Updating} until the fake's clock passes
 *       {@link #asyncDelay()}: call {@link #advance()}; nothing ever sleeps. Writes to a gateway that is not
 *       {@code Available} are refused with {@code IncorrectStatus.NatGateway} ({@code CONFLICT}, retryable);
 *   <li>every VPC and ECS write honours its client token: the same token twice acts once, the same token with other
 *       parameters is refused with {@code IdempotentParameterMismatch};
 *   <li>every list is served in pages of {@link #pageSize()} (one request, one recorded call, one fault draw each),
 *       and the port returns all of them.
 * </ul>
 *
 * <pre>{@code
 * FakeCloud fake = FakeCloud.builder().seed(42).build();
 * fake.estate().vpc("prod", "192.168.0.0/16").vSwitch("eas", "192.168.1.0/24").securityGroup("eas-sg");
 * SecurityGroup sg = fake.ecs().describeSecurityGroup(fake.id(SecurityGroupId.class, "eas-sg"));
 * }</pre>
 *
 * <p>Ids come from the seed, faults from a {@link FaultPlan} drawn from the same seed: the same seed and the same
 * calls give the same run. Every request is recorded ({@link #recordedCalls()}). Thread-safe: requests are
 * serialized.
 *
 * <p>Every request takes one call path: argument checks, then the seeded faults and latency, then the state, then the
 * call log and the request listeners. It ends in a result or a refusal carrying Alibaba's error code, message and
 * HTTP status, classified by {@link ErrorCodes} as the Aliyun adapter classifies the real cloud's; the port face
 * throws the refusal as a {@link io.easnet.core.CloudServiceException}, and a wire face can serve the same state and
 * the same failures over HTTP. The codes the fake uses are listed, confirmed or not, on its refusal type.
 */
public final class FakeCloud implements CloudPort, AutoCloseable {
  /** The seed used when none is given. */
  public static final long DEFAULT_SEED = 1L;
  /** How long asynchronous resources stay {@code Pending} by default. */
  public static final Duration DEFAULT_ASYNC_DELAY = Duration.ofSeconds(5);
  /** The page size of list requests by default: the largest most VPC list actions allow. */
  public static final int DEFAULT_PAGE_SIZE = 50;

  private final Object lock = new Object();
  private final long seed;
  private final int pageSize;
  private final FakeClock clock;
  private final CloudState state;
  private final Map<String, Integer> callCounters = new HashMap<>();
  private final List<RecordedCall> recorded = new ArrayList<>();
  private final Map<String, String> failNext = new LinkedHashMap<>();
  private FaultPlan faults;
  private int throttleNext;
  private long requestCounter;
  private volatile boolean closed;

  private final VpcApi vpcApi;
  private final EcsApi ecsApi;
  private final RdsApi rdsApi;
  private final RedisApi redisApi;
  private final EasApi easApi;

  /**
   * One request the fake answered.
   *
   * @param action the action, one of {@link CloudActions}
   * @param page the page of a list request, from 1; 1 for other requests
   * @param requestId the request id the fake answered with
   * @param errorCode the error code when the request failed
   * @param httpStatus the HTTP status the cloud would have answered with (200 on success)
   * @param latency the latency injected by the fault plan
   */
  public record RecordedCall(
      String action, int page, String requestId, Optional<String> errorCode, int httpStatus, Duration latency) {
    /** True when the request succeeded. */
    public boolean succeeded() {
      return errorCode.isEmpty();
    }
  }

  private FakeCloud(Builder b) {
    this.seed = b.seed;
    this.pageSize = b.pageSize;
    this.clock = new FakeClock(b.start);
    this.state = new CloudState(clock, new Ids(b.seed), b.asyncDelay);
    this.faults = b.faults;
    if (b.inventory != null) {
      state.load(b.inventory);
    }
    b.regionId.ifPresent(state::regionId);
    Requests own = new Requests(this, RequestListener.none());
    this.vpcApi = new FakeVpcApi(own);
    this.ecsApi = new FakeEcsApi(own);
    this.rdsApi = new FakeAllowlistApi.Rds(own);
    this.redisApi = new FakeAllowlistApi.Redis(own);
    this.easApi = new FakeEasApi(own);
  }

  /** A fake with the default seed and no faults. */
  public static FakeCloud create() {
    return builder().build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  // ------------------------------------------------------------------------------------------- port facets

  @Override
  public VpcApi vpc() {
    return vpcApi;
  }

  @Override
  public EcsApi ecs() {
    return ecsApi;
  }

  @Override
  public RdsApi rds() {
    return rdsApi;
  }

  @Override
  public RedisApi redis() {
    return redisApi;
  }

  @Override
  public EasApi eas() {
    return easApi;
  }

  @Override
  public Optional<String> regionId() {
    synchronized (lock) {
      return state.regionId();
    }
  }

  /** A view of this fake whose requests are also reported to {@code listener}; state and call log are shared. */
  @Override
  public CloudPort withRequestListener(RequestListener listener) {
    return new FakeCloudView(this, Objects.requireNonNull(listener, "listener must not be null"));
  }

  // ------------------------------------------------------------------------------------------- set-up and state

  /**
   * The builder DSL that plants resources: no faults, no recorded calls, but the same invariants as the port (a
   * vSwitch sits in one SNAT entry, addresses lie in their vSwitch, …).
   */
  public Estate estate() {
    checkOpen();
    return new Estate(this, state, lock);
  }

  /** A snapshot of everything the fake holds, with current free-address counts and statuses. */
  public Inventory inventory() {
    synchronized (lock) {
      state.settle();
      return state.inventory();
    }
  }

  /** Replaces the whole state with an inventory's contents (services, client tokens and names are dropped too). */
  public FakeCloud load(Inventory inventory) {
    Objects.requireNonNull(inventory, "inventory");
    synchronized (lock) {
      checkOpen();
      state.load(inventory);
      return this;
    }
  }

  /**
   * A snapshot of the whole state: the {@link #inventory()} and every service's configuration, as
   * {@link SnapshotJson} writes it.
   */
  public Snapshot snapshot() {
    synchronized (lock) {
      state.settle();
      Snapshot.Builder b = Snapshot.builder().inventory(state.inventory());
      state.services.configurations()
          .forEach((name, json) -> b.addService(ServiceDocument.parse(json, "service " + name)));
      return b.build();
    }
  }

  /**
   * Replaces the whole state with a snapshot's inventory and services. The snapshot's free-address counts are kept:
   * they already include the services' instances.
   *
   * @throws IllegalArgumentException when a service of the snapshot does not fit its inventory (an unknown
   *     vSwitch, say)
   */
  public FakeCloud load(Snapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    synchronized (lock) {
      checkOpen();
      state.load(snapshot.inventory());
      for (ServiceDocument doc : snapshot.services()) {
        try {
          state.services.restore(doc.toJson());
        } catch (Refusal r) {
          throw new IllegalArgumentException(
              "service " + doc.spec().name() + " of the snapshot does not fit its inventory: " + r.code() + ": "
                  + r.getMessage(), r);
        }
      }
      return this;
    }
  }

  /**
   * Replaces the whole state with a snapshot file's contents.
   *
   * @throws io.easnet.core.InvalidInputException when the file is missing or not a valid snapshot
   */
  public FakeCloud load(Path snapshotFile) {
    return load(SnapshotJson.read(Objects.requireNonNull(snapshotFile, "snapshotFile")));
  }

  /** Writes {@link #snapshot()} to a file, replacing it; {@link #load(Path)} reads it back. */
  public void save(Path snapshotFile) {
    SnapshotJson.write(snapshot(), Objects.requireNonNull(snapshotFile, "snapshotFile"));
  }

  /** The names of the services the fake holds, in creation order. */
  public List<String> serviceNames() {
    synchronized (lock) {
      return state.services.names();
    }
  }

  /** The seed of ids and faults. */
  public long seed() {
    return seed;
  }

  /** How many items a page of a list request holds. */
  public int pageSize() {
    return pageSize;
  }

  // ------------------------------------------------------------------------------------------- time

  /** The fake's clock; it moves only with {@link #advance(Duration)} and injected latency. */
  public Clock clock() {
    return clock;
  }

  /** How long asynchronous resources stay {@code Pending}. */
  public Duration asyncDelay() {
    return state.asyncDelay();
  }

  /** Moves the clock forward by {@link #asyncDelay()}: everything pending now becomes available. */
  public void advance() {
    advance(state.asyncDelay());
  }

  /** Moves the clock forward. */
  public void advance(Duration d) {
    Objects.requireNonNull(d, "duration");
    synchronized (lock) {
      clock.advance(d);
      state.settle();
    }
  }

  // ------------------------------------------------------------------------------------------- faults and calls

  /** Replaces the fault plan. */
  public void faults(FaultPlan plan) {
    synchronized (lock) {
      this.faults = Objects.requireNonNull(plan, "plan");
    }
  }

  /** The current fault plan. */
  public FaultPlan faults() {
    synchronized (lock) {
      return faults;
    }
  }

  /** Fails the next {@code n} requests, whatever their action, with {@code Throttling}. */
  public void throttleNext(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be greater than or equal to 0, was " + n);
    }
    synchronized (lock) {
      throttleNext = n;
    }
  }

  /**
   * Fails the next request of {@code action} with {@code code}, answered with the HTTP status the cloud uses for
   * it ({@link ErrorCodes#httpStatusOf(String)}) and classified by {@link ErrorCodes#kindOf(String, int)}.
   */
  public void failNext(String action, String code) {
    if (action == null || action.isBlank() || code == null || code.isBlank()) {
      throw new IllegalArgumentException("action and code must not be blank");
    }
    synchronized (lock) {
      failNext.put(action, code);
    }
  }

  /** The actions of every request so far, in order (a list of three pages appears three times). */
  public List<String> calls() {
    synchronized (lock) {
      return recorded.stream().map(RecordedCall::action).toList();
    }
  }

  /** Every request so far with its outcome. */
  public List<RecordedCall> recordedCalls() {
    synchronized (lock) {
      return List.copyOf(recorded);
    }
  }

  /** How many requests of {@code action} were made. */
  public int callCount(String action) {
    synchronized (lock) {
      return (int) recorded.stream().filter(c -> c.action().equals(action)).count();
    }
  }

  /** Forgets the recorded calls (the fault draws keep counting). */
  public void clearCalls() {
    synchronized (lock) {
      recorded.clear();
    }
  }

  // ------------------------------------------------------------------------------------------- names

  /**
   * The id of the resource the estate DSL (or a loaded inventory) named {@code name}, for example
   * {@code fake.id(VSwitchId.class, "eas")}. Names are per type: a VPC and a vSwitch may share one.
   *
   * @param type one of {@code VpcId}, {@code VSwitchId}, {@code SecurityGroupId}, {@code NatGatewayId},
   *     {@code EcsInstanceId}, {@code RdsInstanceId}, {@code RedisInstanceId}, {@code ResourceGroupId}
   * @throws IllegalArgumentException when nothing of that type has the name (the message lists the known names)
   */
  public <T extends ResourceId> T id(Class<T> type, String name) {
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(name, "name must not be null");
    synchronized (lock) {
      return state.id(type, name);
    }
  }

  // ------------------------------------------------------------------------------------------- lifecycle

  /** After close every call fails with {@link IllegalStateException}. */
  @Override
  public void close() {
    closed = true;
  }

  /** True after {@link #close()}. */
  public boolean isClosed() {
    return closed;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("this FakeCloud is closed; create a new one (or let the extension inject one)");
    }
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "FakeCloud[seed=" + seed + ", " + state + ", calls=" + recorded.size() + "]";
    }
  }

  // ------------------------------------------------------------------------------------------- the call path

  CloudState state() {
    return state;
  }

  /**
   * This fake's wire face, for {@link io.easnet.testkit.emulator.Emulator}: the handler of every operation the
   * emulator routes, by {@code product:Action}, each serving this fake's state through the same call path as the
   * port (one recorded call, one fault draw, one request id per request). No compatibility promise: the handler type
   * is internal to the testkit.
   */
  public Map<String, io.easnet.testkit.internal.wire.Operation> wireOperations() {
    return WireOperations.of(this);
  }

  /**
   * The one call path of every request, whichever face it came through: seeded faults and latency, the state, the
   * call log, then the listener (outside the lock). The caller has checked the arguments.
   *
   * @param page the page of a list request, from 1
   */
  <T> Outcome<T> serve(String action, int page, Supplier<T> body, RequestListener listener) {
    Outcome<T> outcome;
    RequestEvent event;
    synchronized (lock) {
      checkOpen();
      int n = callCounters.merge(action, 1, Integer::sum);
      Duration latency = Duration.ZERO;
      String code = null;
      Duration retryAfter = Duration.ZERO;
      List<FaultPlan.Fault> list = faults.faults();
      for (int i = 0; i < list.size(); i++) {
        FaultPlan.Fault f = list.get(i);
        if (!f.matches(action)) {
          continue;
        }
        latency = latency.plus(f.latency());
        if (code == null && f.code().isPresent() && draw(action, n, i) < f.probability()) {
          code = f.code().get();
          retryAfter = f.retryAfter();
        }
      }
      if (throttleNext > 0) {
        throttleNext--;
        code = "Throttling";
        retryAfter = Duration.ZERO;
      } else if (failNext.containsKey(action)) {
        code = failNext.remove(action);
        retryAfter = Duration.ZERO;
      }
      clock.advance(latency);
      state.settle();
      String requestId = requestId();
      if (code != null) {
        outcome = Outcome.refused(Refusal.of(code, "injected by the fake cloud's fault plan").retryAfter(retryAfter),
            requestId);
      } else {
        try {
          outcome = Outcome.success(body.get(), requestId);
        } catch (Refusal r) {
          outcome = Outcome.refused(r, requestId);
        }
      }
      outcome = outcome.withLatency(latency);
      Optional<String> error = outcome.refusal().map(Refusal::code);
      int status = outcome.refusal().map(Refusal::httpStatus).orElse(200);
      recorded.add(new RecordedCall(action, page, requestId, error, status, latency));
      event = RequestEvent.builder().action(action).page(page).requestId(requestId).duration(latency)
          .errorCode(error).httpStatus(status).build();
    }
    listener.onRequest(event);
    return outcome;
  }

  /** A request id shaped like Alibaba's (a UUID in upper case), drawn from the seed and the request number. */
  private String requestId() {
    long n = ++requestCounter;
    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
    return String.format("%08X-%04X-%04X-%04X-%012X", r.nextInt() & 0xFFFFFFFFL, r.nextInt(0x10000),
        r.nextInt(0x10000), r.nextInt(0x10000), r.nextLong() & 0xFFFFFFFFFFFFL);
  }

  private double draw(String action, int n, int faultIndex) {
    long mix = seed * 0x9E3779B97F4A7C15L ^ (long) action.hashCode() * 0xBF58476D1CE4E5B9L ^ (long) n * 1_000_003L
        ^ faultIndex;
    return new SplittableRandom(mix).nextDouble();
  }

  /** Configures a {@link FakeCloud}. */
  public static final class Builder {
    private long seed = DEFAULT_SEED;
    private FaultPlan faults = FaultPlan.none();
    private Duration asyncDelay = DEFAULT_ASYNC_DELAY;
    private Instant start = Instant.parse("2026-01-01T00:00:00Z");
    private int pageSize = DEFAULT_PAGE_SIZE;
    private Inventory inventory;
    private Optional<String> regionId = Optional.empty();

    private Builder() {}

    /** The seed of ids and fault draws; default {@value FakeCloud#DEFAULT_SEED}. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The fault plan; default {@link FaultPlan#none()}. */
    public Builder faults(FaultPlan faults) {
      this.faults = Objects.requireNonNull(faults, "faults must not be null");
      return this;
    }

    /** How long asynchronous resources stay pending; default 5 seconds of fake time. Must be >= 0. */
    public Builder asyncDelay(Duration delay) {
      Objects.requireNonNull(delay, "delay must not be null");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("asyncDelay must be greater than or equal to 0, was " + delay);
      }
      this.asyncDelay = delay;
      return this;
    }

    /** The clock's start; default 2026-01-01T00:00:00Z. */
    public Builder start(Instant start) {
      this.start = Objects.requireNonNull(start, "start must not be null");
      return this;
    }

    /**
     * How many items a page of a list request holds, 1 to 100; default {@value FakeCloud#DEFAULT_PAGE_SIZE}. A
     * small page size makes lists take several requests, as large estates do in the real cloud.
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > 100) {
        throw new IllegalArgumentException("pageSize must be between 1 and 100, was " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /** Starts from an inventory's contents. */
    public Builder inventory(Inventory inventory) {
      this.inventory = Objects.requireNonNull(inventory, "inventory must not be null");
      return this;
    }

    /** The region reported by {@link FakeCloud#inventory()}. */
    public Builder regionId(String regionId) {
      this.regionId = Optional.of(Objects.requireNonNull(regionId, "regionId must not be null"));
      return this;
    }

    /** Builds the fake. */
    public FakeCloud build() {
      return new FakeCloud(this);
    }
  }
}
