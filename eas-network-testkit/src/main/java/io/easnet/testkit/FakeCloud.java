package io.easnet.testkit;

import io.easnet.core.CloudServiceException;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.AllowlistTarget;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.DLink;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.EcsInstanceId;
import io.easnet.core.model.Eip;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.NatGatewayId;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.RdsInstanceId;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.RedisInstanceId;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.ResourceGroupId;
import io.easnet.core.model.ResourceId;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SnatEntry;
import io.easnet.core.model.SnatEntryId;
import io.easnet.core.model.SnatTableId;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.VSwitchId;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.VpcId;
import io.easnet.core.json.ServiceDocument;
import io.easnet.core.json.Snapshot;
import io.easnet.core.json.SnapshotJson;
import io.easnet.core.spi.AllowlistApi;
import io.easnet.core.spi.CloudActions;
import io.easnet.core.spi.CloudErrorCodes;
import io.easnet.core.spi.CloudPort;
import io.easnet.core.spi.EasApi;
import io.easnet.core.spi.EcsApi;
import io.easnet.core.spi.RdsApi;
import io.easnet.core.spi.RedisApi;
import io.easnet.core.spi.SnatEntryRequest;
import io.easnet.core.spi.UpdateType;
import io.easnet.core.spi.VpcApi;
import io.easnet.core.model.Direction;
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
 *   <li>SNAT entries and DLink updates start {@code Pending} and become {@code Available} when the fake's clock
 *       passes {@link #asyncDelay()}: call {@link #advance()}; nothing ever sleeps.
 * </ul>
 *
 * <pre>{@code
 * FakeCloud fake = FakeCloud.builder().seed(42).build();
 * fake.estate().vpc("prod", "192.168.0.0/16").vSwitch("eas", "192.168.1.0/24").securityGroup("eas-sg");
 * SecurityGroup sg = fake.ecs().describeSecurityGroup(fake.securityGroupId("eas-sg"));
 * }</pre>
 *
 * <p>Ids come from the seed, faults from a {@link FaultPlan} drawn from the same seed: the same seed and the same
 * calls give the same run. Every call is recorded ({@link #calls()}). Thread-safe: calls are serialized.
 *
 * <p>Refusals carry Alibaba's error codes, classified by {@link CloudErrorCodes} as the Aliyun adapter classifies the
 * real cloud's. Most codes are confirmed in the API reference; these are not, and follow the products' naming:
 * {@code InvalidVSwitchId.NotInVpc}, {@code InvalidParam.SecurityGroupType}, {@code QuotaExceeded.SecurityIps},
 * {@code InvalidSecurityIPArrayName.Malformed}, {@code InvalidSecurityIPArrayName.NotFound},
 * {@code InvalidSecurityIPList.AtLeastOne}, Redis's {@code InvalidInstanceId.NotFound}, and the EAS codes
 * {@code InvalidService.NotFound}, {@code ServiceAlreadyExists} and {@code InvalidResource.NotFound}.
 */
public final class FakeCloud implements CloudPort, AutoCloseable {
  /** The seed used when none is given. */
  public static final long DEFAULT_SEED = 1L;
  /** How long asynchronous resources stay {@code Pending} by default. */
  public static final Duration DEFAULT_ASYNC_DELAY = Duration.ofSeconds(5);

  private final Object lock = new Object();
  private final long seed;
  private final FakeClock clock;
  private final CloudState state;
  private final Map<String, Integer> callCounters = new HashMap<>();
  private final List<RecordedCall> recorded = new ArrayList<>();
  private final Map<String, String> failNext = new LinkedHashMap<>();
  private FaultPlan faults;
  private int throttleNext;
  private long requestCounter;
  private volatile boolean closed;

  private final VpcApi vpcApi = new FakeVpc();
  private final EcsApi ecsApi = new FakeEcs();
  private final RdsApi rdsApi;
  private final RedisApi redisApi;
  private final EasApi easApi = new FakeEas();

  /**
   * One call the fake answered.
   *
   * @param action the action, one of {@link CloudActions}
   * @param errorCode the error code when the call failed
   * @param latency the latency injected by the fault plan
   */
  public record RecordedCall(String action, Optional<String> errorCode, Duration latency) {
    /** True when the call succeeded. */
    public boolean succeeded() {
      return errorCode.isEmpty();
    }
  }

  private FakeCloud(Builder b) {
    this.seed = b.seed;
    this.clock = new FakeClock(b.start);
    this.state = new CloudState(clock, new Ids(b.seed), b.asyncDelay);
    this.rdsApi = new FakeRds();
    this.redisApi = new FakeRedis();
    this.faults = b.faults;
    if (b.inventory != null) {
      state.load(b.inventory);
    }
    b.regionId.ifPresent(r -> state.regionId = Optional.of(r));
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

  // ------------------------------------------------------------------------------------------- set-up and state

  /** The builder DSL that plants resources directly, without faults and without recording calls. */
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

  /** Replaces the whole state with an inventory's contents (services and recorded calls are dropped too). */
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
      state.services.forEach((name, json) -> b.addService(ServiceDocument.parse(json.toString(), "service " + name)));
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
          state.restoreService(doc.toJson());
        } catch (Refusal r) {
          throw new IllegalArgumentException(
              "service " + doc.spec().name() + " of the snapshot does not fit its inventory: " + r.code + ": "
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
      return List.copyOf(state.services.keySet());
    }
  }

  /** {@code Pending} or {@code Available} for a resource group's VPC direct connection; empty when none is set. */
  public Optional<String> dlinkStatus(ResourceGroupId id) {
    synchronized (lock) {
      state.settle();
      return state.dlinkStatus(id);
    }
  }

  /** The seed of ids and faults. */
  public long seed() {
    return seed;
  }

  // ------------------------------------------------------------------------------------------- time

  /** The fake's clock; it moves only with {@link #advance(Duration)} and injected latency. */
  public Clock clock() {
    return clock;
  }

  /** How long asynchronous resources stay {@code Pending}. */
  public Duration asyncDelay() {
    return state.asyncDelay;
  }

  /** Moves the clock forward by {@link #asyncDelay()}: everything pending now becomes available. */
  public void advance() {
    advance(state.asyncDelay);
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

  /** Fails the next {@code n} calls, whatever their action, with {@code Throttling}. */
  public void throttleNext(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, was " + n);
    }
    synchronized (lock) {
      throttleNext = n;
    }
  }

  /**
   * Fails the next call of {@code action} with {@code code} (mapped with
   * {@link io.easnet.core.spi.CloudErrorCodes#kindOf(String, int)}).
   */
  public void failNext(String action, String code) {
    if (action == null || action.isBlank() || code == null || code.isBlank()) {
      throw new IllegalArgumentException("action and code must not be blank");
    }
    synchronized (lock) {
      failNext.put(action, code);
    }
  }

  /** The actions of every call so far, in order. */
  public List<String> calls() {
    synchronized (lock) {
      return recorded.stream().map(RecordedCall::action).toList();
    }
  }

  /** Every call so far with its outcome. */
  public List<RecordedCall> recordedCalls() {
    synchronized (lock) {
      return List.copyOf(recorded);
    }
  }

  /** How many calls of {@code action} were made. */
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

  /** The id of the VPC the estate DSL (or a loaded inventory) named {@code name}. */
  public VpcId vpcId(String name) {
    return VpcId.of(named("vpc", name));
  }

  /** The id of the named vSwitch. */
  public VSwitchId vSwitchId(String name) {
    return VSwitchId.of(named("vsw", name));
  }

  /** The id of the named security group. */
  public SecurityGroupId securityGroupId(String name) {
    return SecurityGroupId.of(named("sg", name));
  }

  /** The id of the named NAT gateway. */
  public NatGatewayId natGatewayId(String name) {
    return NatGatewayId.of(named("ngw", name));
  }

  /** The id of the named ECS instance. */
  public EcsInstanceId ecsInstanceId(String name) {
    return EcsInstanceId.of(named("ecs", name));
  }

  /** The id of the named RDS instance. */
  public RdsInstanceId rdsInstanceId(String name) {
    return RdsInstanceId.of(named("rds", name));
  }

  /** The id of the named Redis instance. */
  public RedisInstanceId redisInstanceId(String name) {
    return RedisInstanceId.of(named("redis", name));
  }

  /** The id of the named resource group. */
  public ResourceGroupId resourceGroupId(String name) {
    return ResourceGroupId.of(named("rg", name));
  }

  String named(String kind, String name) {
    synchronized (lock) {
      String id = state.names.get(kind + ":" + name);
      if (id == null) {
        List<String> known = state.names.keySet().stream()
            .filter(k -> k.startsWith(kind + ":")).map(k -> k.substring(kind.length() + 1)).toList();
        throw new IllegalArgumentException(
            "no " + kind + " named \"" + name + "\" in the fake; known: " + known);
      }
      return id;
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
      return "FakeCloud[seed=" + seed + ", vpcs=" + state.vpcs.size() + ", vSwitches=" + state.vSwitches.size()
          + ", groups=" + state.groups.size() + ", services=" + state.services.size() + ", calls="
          + recorded.size() + "]";
    }
  }

  // ------------------------------------------------------------------------------------------- the call path

  private <T> T call(String action, Supplier<T> body) {
    synchronized (lock) {
      checkOpen();
      int n = callCounters.merge(action, 1, Integer::sum);
      Duration latency = Duration.ZERO;
      String code = null;
      List<FaultPlan.Fault> list = faults.faults();
      for (int i = 0; i < list.size(); i++) {
        FaultPlan.Fault f = list.get(i);
        if (!f.matches(action)) {
          continue;
        }
        latency = latency.plus(f.latency());
        if (code == null && f.code().isPresent() && draw(action, n, i) < f.probability()) {
          code = f.code().get();
        }
      }
      if (throttleNext > 0) {
        throttleNext--;
        code = "Throttling";
      } else if (failNext.containsKey(action)) {
        code = failNext.remove(action);
      }
      clock.advance(latency);
      state.settle();
      String requestId = "fake-" + (++requestCounter);
      if (code != null) {
        recorded.add(new RecordedCall(action, Optional.of(code), latency));
        throw CloudServiceException.builder(action, code, CloudErrorCodes.kindOf(code, 0))
            .message("injected by the fake cloud's fault plan")
            .requestId(requestId)
            .build();
      }
      try {
        T result = body.get();
        recorded.add(new RecordedCall(action, Optional.empty(), latency));
        return result;
      } catch (Refusal r) {
        recorded.add(new RecordedCall(action, Optional.of(r.code), latency));
        throw CloudServiceException.builder(action, r.code, r.kind).message(r.getMessage()).requestId(requestId)
            .build();
      }
    }
  }

  /** {@link #call(String, Supplier)} after checking that the call's one argument is not null. */
  private <T> T call(String action, Object argument, String name, Supplier<T> body) {
    req(argument, name);
    return call(action, body);
  }

  /** {@link #run(String, Runnable)} after checking that the call's one argument is not null. */
  private void run(String action, Object argument, String name, Runnable body) {
    req(argument, name);
    run(action, body);
  }

  private void run(String action, Runnable body) {
    call(action, () -> {
      body.run();
      return null;
    });
  }

  private double draw(String action, int n, int faultIndex) {
    long mix = seed * 0x9E3779B97F4A7C15L ^ (long) action.hashCode() * 0xBF58476D1CE4E5B9L ^ (long) n * 1_000_003L
        ^ faultIndex;
    return new SplittableRandom(mix).nextDouble();
  }

  private static <T> T req(T value, String what) {
    return Objects.requireNonNull(value, what + " must not be null");
  }

  // ------------------------------------------------------------------------------------------- facets

  private final class FakeVpc implements VpcApi {
    @Override
    public List<Vpc> describeVpcs() {
      return call(CloudActions.DESCRIBE_VPCS, () -> List.copyOf(state.vpcs.values()));
    }

    @Override
    public Vpc describeVpc(VpcId id) {
      return call(CloudActions.DESCRIBE_VPCS, id, "id", () -> state.vpc(id));
    }

    @Override
    public List<VSwitch> describeVSwitches(VpcId vpc) {
      return call(CloudActions.DESCRIBE_VSWITCHES, vpc, "vpc", () -> state.vSwitchesIn(vpc));
    }

    @Override
    public VSwitch describeVSwitch(VSwitchId id) {
      return call(CloudActions.DESCRIBE_VSWITCHES, id, "id", () -> state.vSwitchNow(id));
    }

    @Override
    public List<NatGateway> describeNatGateways(VpcId vpc) {
      return call(CloudActions.DESCRIBE_NAT_GATEWAYS, vpc, "vpc", () -> state.natsIn(vpc));
    }

    @Override
    public List<SnatEntry> describeSnatEntries(NatGatewayId nat) {
      return call(CloudActions.DESCRIBE_SNAT_ENTRIES, nat, "nat", () -> state.snatOf(nat));
    }

    @Override
    public List<Eip> describeEips(NatGatewayId nat) {
      return call(CloudActions.DESCRIBE_EIPS, nat, "nat", () -> state.eipsOf(nat));
    }

    @Override
    public List<RouteTable> describeRouteTables(VpcId vpc) {
      return call(CloudActions.DESCRIBE_ROUTE_TABLES, vpc, "vpc", () -> state.routeTablesIn(vpc));
    }

    @Override
    public SnatEntryId createSnatEntry(SnatEntryRequest request) {
      return call(CloudActions.CREATE_SNAT_ENTRY, request, "request", () -> state.createSnat(request));
    }

    @Override
    public void deleteSnatEntry(SnatTableId table, SnatEntryId entry) {
      req(table, "table");
      req(entry, "entry");
      run(CloudActions.DELETE_SNAT_ENTRY, () -> state.deleteSnat(table, entry));
    }
  }

  private final class FakeEcs implements EcsApi {
    @Override
    public List<SecurityGroup> describeSecurityGroups(VpcId vpc) {
      return call(CloudActions.DESCRIBE_SECURITY_GROUPS, vpc, "vpc", () -> state.groupsIn(vpc));
    }

    @Override
    public SecurityGroup describeSecurityGroup(SecurityGroupId id) {
      return call(CloudActions.DESCRIBE_SECURITY_GROUP_ATTRIBUTE, id, "id", () -> state.group(id));
    }

    @Override
    public void authorizeRule(SecurityGroupId group, SecurityGroupRule rule) {
      req(group, "group");
      req(rule, "rule");
      String action = rule.direction() == Direction.INGRESS
          ? CloudActions.AUTHORIZE_SECURITY_GROUP
          : CloudActions.AUTHORIZE_SECURITY_GROUP_EGRESS;
      run(action, () -> state.authorize(group, rule));
    }

    @Override
    public void revokeRule(SecurityGroupId group, SecurityGroupRule rule) {
      req(group, "group");
      req(rule, "rule");
      String action = rule.direction() == Direction.INGRESS
          ? CloudActions.REVOKE_SECURITY_GROUP
          : CloudActions.REVOKE_SECURITY_GROUP_EGRESS;
      run(action, () -> state.revoke(group, rule));
    }

    @Override
    public List<EcsInstance> describeInstances(VpcId vpc) {
      req(vpc, "vpc");
      return call(CloudActions.DESCRIBE_INSTANCES,
          () -> state.ecs.values().stream().filter(i -> i.vpcId().equals(vpc)).toList());
    }

    @Override
    public EcsInstance describeInstance(EcsInstanceId id) {
      return call(CloudActions.DESCRIBE_INSTANCES, id, "id", () -> state.ecsInstance(id));
    }
  }

  /** An edit of one instance's allowlist group. */
  @FunctionalInterface
  private interface AllowlistEdit<I> {
    void apply(I id, String group, List<Cidr> entries);
  }

  /** RDS and Redis alike: the same allowlist semantics under each product's action names. */
  private class FakeAllowlists<I extends ResourceId, T extends AllowlistTarget> implements AllowlistApi<I, T> {
    private final CloudState.Allowlists<I, T> store;
    private final String describeInstances;
    private final String describeInstance;
    private final String describeAllowlists;
    private final String modifySecurityIps;

    FakeAllowlists(CloudState.Allowlists<I, T> store, String describeInstances, String describeInstance,
        String describeAllowlists, String modifySecurityIps) {
      this.store = store;
      this.describeInstances = describeInstances;
      this.describeInstance = describeInstance;
      this.describeAllowlists = describeAllowlists;
      this.modifySecurityIps = modifySecurityIps;
    }

    @Override
    public List<T> describeInstances(VpcId vpc) {
      return call(describeInstances, vpc, "vpc", () -> store.inVpc(vpc));
    }

    @Override
    public T describeInstance(I id) {
      return call(describeInstance, id, "id", () -> store.instance(id));
    }

    @Override
    public List<AllowlistGroup> describeAllowlists(I id) {
      return call(describeAllowlists, id, "id", () -> store.instance(id).allowlists());
    }

    @Override
    public void appendAllowlistEntries(I id, String group, List<Cidr> entries) {
      modify(id, group, entries, store::append);
    }

    @Override
    public void deleteAllowlistEntries(I id, String group, List<Cidr> entries) {
      modify(id, group, entries, store::delete);
    }

    private void modify(I id, String group, List<Cidr> entries, AllowlistEdit<I> edit) {
      req(id, "id");
      req(group, "group");
      List<Cidr> copy = List.copyOf(req(entries, "entries"));
      run(modifySecurityIps, () -> edit.apply(id, group, copy));
    }
  }

  private final class FakeRds extends FakeAllowlists<RdsInstanceId, RdsInstance> implements RdsApi {
    FakeRds() {
      super(state.rds, CloudActions.RDS_DESCRIBE_INSTANCES, CloudActions.RDS_DESCRIBE_INSTANCE,
          CloudActions.RDS_DESCRIBE_ALLOWLISTS, CloudActions.RDS_MODIFY_SECURITY_IPS);
    }
  }

  private final class FakeRedis extends FakeAllowlists<RedisInstanceId, RedisInstance> implements RedisApi {
    FakeRedis() {
      super(state.redis, CloudActions.REDIS_DESCRIBE_INSTANCES, CloudActions.REDIS_DESCRIBE_INSTANCE,
          CloudActions.REDIS_DESCRIBE_ALLOWLISTS, CloudActions.REDIS_MODIFY_SECURITY_IPS);
    }
  }

  private final class FakeEas implements EasApi {
    @Override
    public String describeService(String name) {
      return call(CloudActions.DESCRIBE_SERVICE, name, "name", () -> state.describeService(name));
    }

    @Override
    public void createService(String json) {
      run(CloudActions.CREATE_SERVICE, json, "json", () -> state.createService(json));
    }

    @Override
    public void updateService(String name, String json, UpdateType type) {
      req(name, "name");
      req(json, "json");
      req(type, "type");
      run(CloudActions.UPDATE_SERVICE, () -> state.updateService(name, json, type));
    }

    @Override
    public List<ResourceGroup> describeResourceGroups() {
      return call(CloudActions.LIST_RESOURCES, () -> List.copyOf(state.resourceGroups.values()));
    }

    @Override
    public Optional<DLink> describeResourceDLink(ResourceGroupId id) {
      return call(CloudActions.DESCRIBE_RESOURCE_DLINK, id, "id", () -> state.resourceGroup(id).dlink());
    }

    @Override
    public void updateResourceDLink(ResourceGroupId id, DLink dlink) {
      req(id, "id");
      req(dlink, "dlink");
      run(CloudActions.UPDATE_RESOURCE_DLINK, () -> state.updateDLink(id, dlink));
    }

    @Override
    public void deleteResourceDLink(ResourceGroupId id) {
      run(CloudActions.DELETE_RESOURCE_DLINK, id, "id", () -> state.deleteDLink(id));
    }
  }

  /** Configures a {@link FakeCloud}. */
  public static final class Builder {
    private long seed = DEFAULT_SEED;
    private FaultPlan faults = FaultPlan.none();
    private Duration asyncDelay = DEFAULT_ASYNC_DELAY;
    private Instant start = Instant.parse("2026-01-01T00:00:00Z");
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
        throw new IllegalArgumentException("asyncDelay must be >= 0, was " + delay);
      }
      this.asyncDelay = delay;
      return this;
    }

    /** The clock's start; default 2026-01-01T00:00:00Z. */
    public Builder start(Instant start) {
      this.start = Objects.requireNonNull(start, "start must not be null");
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
