package io.easnet.aliyun;

import io.easnet.aliyun.internal.Acs3Signer;
import io.easnet.aliyun.internal.HttpTransport;
import io.easnet.core.EasNetworkException;
import io.easnet.core.analysis.internal.IntentSyntax;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.load.InventoryLoader;
import io.easnet.core.load.InventoryLoader.Question;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.Vpc;
import io.easnet.core.plan.Applier;
import io.easnet.core.plan.Applier.ApplyResult;
import io.easnet.core.plan.Plan;
import io.easnet.core.plan.Planner.PlanOptions;
import io.easnet.core.plan.Planner.PlanResult;
import io.easnet.core.plan.Planner;
import io.easnet.core.spi.CloudPort;
import io.easnet.testkit.FakeCloud;
import io.easnet.testkit.FaultPlan;
import io.easnet.testkit.emulator.Emulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;

/**
 * The fault campaign: seeded applies of one plan through the Aliyun adapter against the emulator with
 * about a third of the requests failing (throttling with a retry-after, 503s, busy conflicts, internal errors, and
 * on the wire connections dropped before the answer and answers cut after the call acted), half of them abandoned by
 * a crash after a random write and applied again by a fresh applier. Each must end in the fault-free estate with ONE
 * apply run after the crash (or one run without a crash), with no duplicate; then a region snapshot under the same
 * faults must equal the fault-free snapshot or fail loudly. Nothing sleeps: the adapter's and the applier's waits
 * move the fake's clock (which the circuit breakers read) and are counted.
 *
 * <p>{@link FaultCampaignTest} runs a slice in {@code ./mvnw verify}; {@code scripts/fault-campaign} runs it all.
 */
final class FaultCampaign {
  static final String KEY_ID = "LTAI5tCampaign";
  static final String KEY_SECRET = "campaign-secret-value";

  /** The cloud's faults: about 26 % of the calls that reach the fake. */
  static final String CLOUD_FAULTS = "throttling=0.1/300ms,server-error=0.1,conflict=0.05,error:InternalError=0.04";

  /** The wire's faults: about 10 % of the requests (a dropped one never reaches the fake). */
  static final double WIRE_DROP = 0.05;

  static final double WIRE_CUT = 0.05;

  /** Nagle's algorithm off: a request's headers and body leave at once (no 40 ms delayed-ACK stall on loopback). */
  private static final OkHttpClient CLIENT = new OkHttpClient.Builder().socketFactory(new NoDelaySockets()).build();

  private static final class NoDelaySockets extends javax.net.SocketFactory {
    private final javax.net.SocketFactory plain = javax.net.SocketFactory.getDefault();

    private static java.net.Socket noDelay(java.net.Socket s) throws IOException {
      s.setTcpNoDelay(true);
      return s;
    }

    @Override
    public java.net.Socket createSocket() throws IOException {
      return noDelay(plain.createSocket());
    }

    @Override
    public java.net.Socket createSocket(String host, int port) throws IOException {
      return noDelay(plain.createSocket(host, port));
    }

    @Override
    public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort)
        throws IOException {
      return noDelay(plain.createSocket(host, port, local, localPort));
    }

    @Override
    public java.net.Socket createSocket(java.net.InetAddress host, int port) throws IOException {
      return noDelay(plain.createSocket(host, port));
    }

    @Override
    public java.net.Socket createSocket(java.net.InetAddress host, int port, java.net.InetAddress local,
        int localPort) throws IOException {
      return noDelay(plain.createSocket(host, port, local, localPort));
    }
  }

  private final Plan plan;
  private final Map<String, Object> expected;
  private final int writesOfOneApply;

  FaultCampaign() {
    try (FakeCloud clean = fake(1)) {
      PlanResult r = Planner.of(clean.inventory()).plan(services(), PlanOptions.defaults().allowBilled(true));
      if (!r.unfixable().isEmpty()) {
        throw new IllegalStateException("the campaign's plan is incomplete: " + r.unfixable());
      }
      plan = r.plan().orElseThrow();
    }
    try (FakeCloud clean = fake(1)) {
      AtomicInteger writes = new AtomicInteger();
      ApplyResult r = applier(crashingAfter(clean, Integer.MAX_VALUE, writes), clean, new AtomicLong())
          .apply(plan);
      if (!r.succeeded()) {
        throw new IllegalStateException("the fault-free apply failed: " + r);
      }
      expected = summary(clean.inventory());
      writesOfOneApply = writes.get();
    }
  }

  /** What one seed did. */
  record Outcome(long seed, boolean crashed, int crashAt, int runsAfterCrash, boolean endedRight, String problem,
      long requests, long cloudFaults, long wireFaults, Duration waited, boolean snapshotIdentical,
      boolean snapshotFailedLoudly) {
    long faults() {
      return cloudFaults + wireFaults;
    }
  }

  int writesOfOneApply() {
    return writesOfOneApply;
  }

  Plan plan() {
    return plan;
  }

  /** One seed: faults, maybe a crash and a fresh apply, then the check and a snapshot under the same faults. */
  Outcome run(long seed) {
    SplittableRandom random = new SplittableRandom(seed * 7919 + 1);
    boolean crash = random.nextBoolean();
    int crashAt = crash ? 1 + random.nextInt(writesOfOneApply) : 0;
    try (FakeCloud fake = fake(seed);
        Emulator emulator = Emulator.builder().fake(fake).accessKey(KEY_ID, KEY_SECRET).wireFaultSeed(seed)
            .resetConnectionRate(Emulator.ANY_OPERATION, WIRE_DROP)
            .truncateBodyRate(Emulator.ANY_OPERATION, WIRE_CUT).build().start()) {
      fake.faults(FaultPlan.parse(CLOUD_FAULTS));
      AtomicLong waitedMillis = new AtomicLong();
      AliyunCloudPort port = port(emulator, fake, waitedMillis);
      String problem = null;
      int runs = 0;
      if (crash) {
        try {
          applier(crashingAfter(port, crashAt, new AtomicInteger()), fake, waitedMillis).apply(plan);
          problem = "the crash after write " + crashAt + " did not happen";
        } catch (Crash expectedCrash) {
          // abandoned mid-run, as a killed process: a fresh applier goes on
        }
      }
      ApplyResult result = applier(port, fake, waitedMillis).apply(plan);
      runs++;
      if (problem == null && !result.succeeded()) {
        problem = "one apply did not finish: " + result.results().stream().filter(r -> !r.ok())
            .map(r -> r.changeId() + " " + r.status() + " " + r.error().orElse("") + ": " + r.message()).toList();
      }
      long served = emulator.retention().requestsServed();
      long cloudFaults = fake.recordedCalls().stream().filter(c -> !c.succeeded()).count();
      long wireFaults = emulator.log().stream().filter(l -> l.startsWith("wire fault")).count();

      // the estate, read from the fake's state directly (no faults on this face): the fault-free one
      Map<String, Object> now = summary(fake.inventory());
      if (problem == null && !now.equals(expected)) {
        problem = "the estate differs from the fault-free one: " + now + " vs " + expected;
      }
      // a region snapshot through the adapter under the same faults: identical, or a loud failure
      boolean identical = false;
      boolean loud = false;
      Inventory underFaults = null;
      try (InventoryLoader loader = InventoryLoader.builder().port(port).sleeper(d -> {
        waitedMillis.addAndGet(d.toMillis());
        fake.advance(d);
      }).build()) {
        underFaults = loader.load(Question.region());
      } catch (EasNetworkException e) {
        loud = e.getMessage() != null && !e.getMessage().isBlank();
      }
      Emulator.Retention retention = emulator.retention();
      long cloudFaultsAll = fake.recordedCalls().stream().filter(c -> !c.succeeded()).count();
      long wireFaultsAll = emulator.log().stream().filter(l -> l.startsWith("wire fault")).count();
      fake.faults(FaultPlan.none());
      if (underFaults != null) {
        // the fault-free snapshot: the same state through the same adapter and a second emulator without wire
        // faults (the fake's port face differs from the wire in fields such as a VPC's regionId, so it is no
        // reference for the wire)
        try (Emulator clean = Emulator.builder().fake(fake).accessKey(KEY_ID, KEY_SECRET).build().start();
            InventoryLoader loader = InventoryLoader.builder().port(port(clean, fake, new AtomicLong())).build()) {
          Inventory faultFree = loader.load(Question.region());
          identical = faultFree.equals(underFaults);
          if (!identical && problem == null) {
            problem = "the snapshot under faults differs from the fault-free one";
          }
        }
      }
      cloudFaults = cloudFaultsAll;
      wireFaults = wireFaultsAll;
      served = Math.max(served, retention.requestsServed());
      return new Outcome(seed, crash, crashAt, runs, problem == null, problem, served, cloudFaults, wireFaults,
          Duration.ofMillis(waitedMillis.get()), identical, loud);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The adapter over the emulator; every wait is counted and moves the fake's clock instead of sleeping. */
  static AliyunCloudPort port(Emulator emulator, FakeCloud fake, AtomicLong waitedMillis) {
    AliyunOptions options = AliyunOptions.builder("cn-hangzhou")
        .credentials(CredentialsProviders.of(Credentials.of(KEY_ID, KEY_SECRET)))
        .endpointOverride(URI.create(emulator.url()))
        .retryPolicy(RetryPolicy.builder().build()) // the defaults: 3 attempts from 200 ms
        .rateLimit(100_000, Duration.ofSeconds(1))
        .circuitBreaker(5, Duration.ofSeconds(30))
        .build();
    SplittableRandom jitter = new SplittableRandom(fake.seed());
    HttpTransport transport = new HttpTransport(options, CLIENT, Acs3Signer.system(), d -> {
      waitedMillis.addAndGet(d.toMillis());
      fake.advance(d);
    }, jitter::nextDouble, System::nanoTime, fake.clock());
    return AliyunCloudPort.over(transport);
  }

  static Applier applier(CloudPort port, FakeCloud fake, AtomicLong waitedMillis) {
    return Applier.builder(port).clock(fake.clock()).sleeper(d -> {
      waitedMillis.addAndGet(d.toMillis());
      fake.advance(d);
    }).build();
  }

  /** The simulated crash: the process dies after a write reached the cloud, before it saw the answer. */
  static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash(String message) {
      super(message);
    }
  }

  private static final List<String> WRITES = List.of("create", "delete", "update", "authorize", "revoke",
      "associate", "unassociate", "allocate", "append");

  /**
   * {@code port}, dying after its {@code n}-th write was sent, answered or failed (counted in {@code writes}): a
   * run under faults sends at least as many writes as a fault-free one, so every {@code n} up to that is reached.
   */
  static CloudPort crashingAfter(CloudPort port, int n, AtomicInteger writes) {
    return (CloudPort) Proxy.newProxyInstance(CloudPort.class.getClassLoader(), new Class<?>[] {CloudPort.class},
        (proxy, method, args) -> {
          Object api = method.invoke(port, args);
          if (method.getReturnType() == CloudPort.class || !method.getReturnType().isInterface()) {
            return api;
          }
          return Proxy.newProxyInstance(CloudPort.class.getClassLoader(), new Class<?>[] {method.getReturnType()},
              (p2, m2, a2) -> {
                boolean write = WRITES.stream().anyMatch(m2.getName()::startsWith);
                try {
                  return m2.invoke(api, a2);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                } finally {
                  // the n-th write sent, whether its answer came back or not (a lost answer may have acted)
                  if (write && writes.incrementAndGet() == n) {
                    throw new Crash("crashed after write " + n + " (" + m2.getName() + ")");
                  }
                }
              });
        });
  }

  static FakeCloud fake(long seed) {
    return FakeCloud.builder().seed(seed).inventory(bare()).build();
  }

  /** Services on vsw-a and vsw-b of vpc-a wanting every kind of path: NAT, EIP, SNAT, route, rules, allowlists. */
  static Inventory bare() {
    return Inventory.builder().regionId("cn-hangzhou")
        .addVpc(Vpc.builder().id("vpc-a").cidrBlock("192.168.0.0/16"))
        .addVSwitch(VSwitch.builder().id("vsw-a").vpcId("vpc-a").cidrBlock("192.168.1.0/24").zoneId("cn-hangzhou-h"))
        .addVSwitch(VSwitch.builder().id("vsw-b").vpcId("vpc-a").cidrBlock("192.168.2.0/24").zoneId("cn-hangzhou-i"))
        .addVSwitch(VSwitch.builder().id("vsw-db").vpcId("vpc-a").cidrBlock("192.168.10.0/24")
            .zoneId("cn-hangzhou-h"))
        .addSecurityGroup(SecurityGroup.builder().id("sg-eas").vpcId("vpc-a").type(SecurityGroupType.ENTERPRISE))
        .addSecurityGroup(SecurityGroup.builder().id("sg-db").vpcId("vpc-a").type(SecurityGroupType.ENTERPRISE))
        .addSecurityGroup(SecurityGroup.builder().id("sg-client").vpcId("vpc-a").type(SecurityGroupType.BASIC)
            .addRule(SecurityGroupRule.egress().protocol(Protocol.TCP).ports("1/65535").peer("0.0.0.0/0")))
        .addRdsInstance(RdsInstance.builder().id("rm-1").vpcId("vpc-a").vSwitchId("vsw-db").privateIp("192.168.10.5")
            .addAllowlist(AllowlistGroup.builder().name("default").addEntry("127.0.0.1")))
        .addRedisInstance(RedisInstance.builder().id("r-1").vpcId("vpc-a").vSwitchId("vsw-db")
            .privateIp("192.168.10.6").addAllowlist(AllowlistGroup.builder().name("default").addEntry("127.0.0.1")))
        .addEcsInstance(EcsInstance.builder().id("i-db").vpcId("vpc-a").vSwitchId("vsw-db")
            .addPrivateIp("192.168.10.20").addSecurityGroupId("sg-db"))
        .addEcsInstance(EcsInstance.builder().id("i-client").vpcId("vpc-a").vSwitchId("vsw-db")
            .addPrivateIp("192.168.10.30").addSecurityGroupId("sg-client"))
        .addRouteTable(RouteTable.builder().id("vtb-1").vpcId("vpc-a").type(RouteTable.Type.SYSTEM))
        .build();
  }

  static List<ServiceInput> services() {
    return List.of(service("svc", "vsw-a", "rds:rm-1", "redis:r-1", "ecs:i-db:5432", "internet", "from:ecs:i-client"),
        service("other", "vsw-b", "rds:rm-1", "internet"));
  }

  private static ServiceInput service(String name, String vSwitch, String... intents) {
    ServiceInput.Builder b = ServiceInput.builder().spec(ServiceSpec.builder().name(name)
        .networking(ServiceNetworking.of("vpc-a", vSwitch, "sg-eas")).build()).sourceName(name + ".json");
    for (String i : intents) {
      b.addIntent(IntentSyntax.parse(i));
    }
    return b.build();
  }

  /** What the plan changes, counted, independent of the ids the fake draws (duplicates show as extra entries). */
  static Map<String, Object> summary(Inventory inv) {
    Map<String, Object> out = new TreeMap<>();
    inv.securityGroups().forEach(g -> out.put("rules " + g.id(), g.rules().stream()
        .map(r -> r.direction() + " " + r.protocol() + " " + r.portRange() + " " + r.peer() + " " + r.policy()
            + " " + r.priority()).sorted().toList()));
    out.put("nat gateways", inv.natGateways().stream().map(n -> n.vpcId() + " " + n.status() + " eips "
        + n.eipIds().size()).sorted().toList());
    out.put("eips", inv.eips().stream().map(e -> e.status() + " " + e.instanceId().isPresent()).sorted().toList());
    out.put("snat entries", inv.snatEntries().stream().map(e -> e.sourceVSwitchId().map(Object::toString)
        .orElse("?") + " " + e.status() + " " + e.snatIps().size()).sorted().toList());
    inv.routeTables().forEach(t -> out.put("routes " + t.id(), t.entries().stream()
        .map(e -> e.destination() + " " + e.nextHopType()).sorted().toList()));
    inv.rdsInstances().forEach(i -> out.put("allowlist " + i.id(), i.allowlists().stream()
        .map(g -> g.name() + " " + g.entries()).sorted().toList()));
    inv.redisInstances().forEach(i -> out.put("allowlist " + i.id(), i.allowlists().stream()
        .map(g -> g.name() + " " + g.entries()).sorted().toList()));
    return out;
  }

  /** Runs seeds {@code first} to {@code first + count - 1}; a line per seed and the totals go to {@code out}. */
  static List<Outcome> campaign(long first, int count, java.io.PrintStream out) {
    FaultCampaign c = new FaultCampaign();
    List<Outcome> all = new ArrayList<>();
    long start = System.nanoTime();
    for (long seed = first; seed < first + count; seed++) {
      Outcome o = c.run(seed);
      all.add(o);
      out.println(String.format(java.util.Locale.ROOT, "seed %d: %s, %d requests, %d faults (%.0f %%), waited %s,"
          + " snapshot %s%s", o.seed(), o.crashed() ? "crash after write " + o.crashAt() + " then 1 apply"
          : "1 apply", o.requests(), o.faults(), 100.0 * o.faults() / Math.max(1, o.requests()), o.waited(),
          o.snapshotIdentical() ? "identical" : o.snapshotFailedLoudly() ? "failed loudly" : "WRONG",
          o.endedRight() ? "" : " FAILED: " + o.problem()) + "");
    }
    long requests = all.stream().mapToLong(Outcome::requests).sum();
    long faults = all.stream().mapToLong(Outcome::faults).sum();
    out.println(String.format(java.util.Locale.ROOT, "campaign: %d seeds (%d to %d), %d with a crash; %d requests,"
        + " %d faults injected (%d cloud, %d wire) = %.1f %%; %d ended in the fault-free state with one apply run,"
        + " %d failed; snapshots under faults: %d identical, %d failed loudly, %d wrong; wall time %.1f s",
        count, first, first + count - 1, all.stream().filter(Outcome::crashed).count(), requests, faults,
        all.stream().mapToLong(Outcome::cloudFaults).sum(), all.stream().mapToLong(Outcome::wireFaults).sum(),
        100.0 * faults / Math.max(1, requests), all.stream().filter(Outcome::endedRight).count(),
        all.stream().filter(o -> !o.endedRight()).count(), all.stream().filter(Outcome::snapshotIdentical).count(),
        all.stream().filter(Outcome::snapshotFailedLoudly).count(),
        all.stream().filter(o -> !o.snapshotIdentical() && !o.snapshotFailedLoudly()).count(),
        (System.nanoTime() - start) / 1e9));
    return all;
  }
}
