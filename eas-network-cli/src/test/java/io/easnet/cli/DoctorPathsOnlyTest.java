package io.easnet.cli;

import static io.easnet.cli.Cli.CLIENT;
import static io.easnet.cli.Cli.RDS;
import static io.easnet.cli.Cli.example;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.easnet.core.json.ServiceDocument;
import io.easnet.core.json.Snapshot;
import io.easnet.core.json.SnapshotJson;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.CloudPort;
import io.easnet.core.spi.EasApi;
import io.easnet.core.spi.EcsApi;
import io.easnet.core.spi.RdsApi;
import io.easnet.core.spi.RedisApi;
import io.easnet.core.spi.RequestListener;
import io.easnet.core.spi.VpcApi;
import io.easnet.testkit.FakeCloud;
import io.easnet.testkit.emulator.Emulator;
import io.easnet.testkit.gen.EstateGenerator;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eas-net doctor --paths-only}, the incident mode (issue 18, budget 4): live it makes exactly the minimal
 * requests of each path question (the sets of the testkit's {@code LoaderMinimalCallsProperties}, nothing read
 * twice, no list of the service's VPC), and its path verdicts and explanations equal those of the full doctor and of
 * the snapshot file, over generated estates (the testkit's {@link EstateGenerator}); it runs no rule, says so on one
 * line, and exits 1 exactly when a path is not reachable.
 */
class DoctorPathsOnlyTest {
  private static final Map<String, String> ENV = Cli.SOME_CREDENTIALS;
  private static final int ESTATES = 60;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The port methods that list what a whole VPC holds: the full doctor's reads, never the fast mode's. */
  private static final List<String> VPC_LISTS = List.of("vpc.describeVSwitches ", "ecs.describeSecurityGroups ",
      "ecs.describeInstances ", "rds.describeInstances ", "redis.describeInstances ");

  @Test
  void fastModeReadsTheMinimalSetAndAnswersAsTheFullDoctorAndTheFile(@TempDir Path dir) throws IOException {
    SplittableRandom r = new SplittableRandom(1818);
    int exact = 0;
    int byName = 0;
    int elsewhere = 0;
    int unreachable = 0;
    long fastCalls = 0;
    long fullCalls = 0;
    for (int i = 0; i < ESTATES; i++) {
      Snapshot snapshot = EstateGenerator.snapshot(r);
      Inventory estate = snapshot.inventory();
      Path file = dir.resolve("estate-" + i + ".json");
      SnapshotJson.write(snapshot, file);

      // the service: one the snapshot runs (by --name, any provenance), or a service file with a complete block
      List<String> args = new ArrayList<>(List.of("doctor"));
      ServiceSpec spec;
      boolean named = !snapshot.services().isEmpty() && r.nextInt(3) == 0;
      if (named) {
        spec = snapshot.services().get(r.nextInt(snapshot.services().size())).spec();
        args.addAll(List.of("--name", spec.name()));
        byName++;
      } else {
        Vpc vpc = estate.vpcs().get(r.nextInt(estate.vpcs().size()));
        spec = serviceIn(r, estate, vpc.id());
        Path service = dir.resolve("service-" + i + ".json");
        ServiceDocument.from(spec).write(service);
        args.addAll(List.of("--service", service.toString()));
      }
      Optional<VpcId> vpc = spec.networking().flatMap(ServiceNetworking::vpcId);
      boolean complete = spec.networking().map(ServiceNetworking::isComplete).orElse(false);

      // the intents: targets and clients anywhere in the estate, the internet, sometimes ids the cloud lacks
      Intents intents = intents(r, estate, vpc);
      args.addAll(intents.args());
      args.addAll(List.of("--format", "json"));
      elsewhere += intents.beyondTheVpc() ? 1 : 0;

      FakeCloud fake = FakeCloud.builder().regionId(estate.regionId().orElseThrow()).build().load(snapshot);
      Face fileFull = offline(args, file, false);
      Face fileFast = offline(args, file, true);
      Face liveFull = live(args, fake, false);
      Face liveFast = live(args, fake, true);
      String what = "estate " + i + ": " + String.join(" ", args);

      // the same path verdicts and explanations: fast as full on each face, and the cloud as the file
      JsonNode paths = fileFull.paths();
      assertThat(paths.size()).as(what).isEqualTo(intents.count());
      assertThat(fileFast.paths()).as(what).isEqualTo(paths);
      assertThat(liveFast.paths()).as(what).isEqualTo(liveFull.paths());
      assertThat(liveFast.paths()).as(what).isEqualTo(paths);
      // the fast mode: no finding, no capacity, the one line that says so; exit 1 exactly when a path is blocked
      boolean blocked = false;
      for (JsonNode p : paths) {
        blocked |= !p.get("verdict").asText().equals("REACHABLE");
      }
      unreachable += blocked ? 1 : 0;
      for (Face fast : List.of(fileFast, liveFast)) {
        assertThat(fast.json().get("findings")).as(what).isEmpty();
        assertThat(fast.json().has("capacity")).as(what).isFalse();
        assertThat(fast.err()).as(what).contains(DoctorCommand.PATHS_ONLY_NOTE);
        assertThat(fast.code()).as(what + "\n" + fast.err()).isEqualTo(blocked ? 1 : 0);
      }
      assertThat(liveFull.code()).as(what).isEqualTo(fileFull.code());
      if (blocked) {
        assertThat(fileFull.code()).as("a blocked path blocks the full doctor too, " + what).isEqualTo(1);
      }

      // the requests: nothing twice, no list of the service's VPC, and with a service block exactly the minimal set
      List<String> calls = liveFast.calls();
      assertThat(Set.copyOf(calls)).as(what).hasSize(calls.size());
      for (String c : calls) {
        assertThat(VPC_LISTS.stream().noneMatch(c::startsWith)).as("%s reads a whole VPC: %s", what, c).isTrue();
      }
      if (complete && !intents.beyondTheVpc()) {
        Set<String> want = minimalCalls(estate, spec, intents);
        if (named) {
          want.add("eas.listServices");
        }
        assertThat(calls).as(what).containsExactlyInAnyOrderElementsOf(want);
        exact++;
      }
      fastCalls += calls.size();
      fullCalls += liveFull.calls().size();
    }
    assertThat(exact).as("estates whose calls are checked against the minimal set").isGreaterThan(ESTATES / 3);
    assertThat(byName).as("services picked by --name").isGreaterThan(ESTATES / 10);
    assertThat(elsewhere).as("intents beyond the service's VPC, or ids the cloud lacks").isGreaterThan(ESTATES / 5);
    assertThat(unreachable).as("estates with a path not reachable").isGreaterThan(ESTATES / 5)
        .isLessThan(ESTATES);
    assertThat(fastCalls).as("requests of the fast mode against the full doctor's, over all estates")
        .isLessThan(fullCalls);
  }

  /** Over HTTP: the Aliyun adapter reading the emulator, the fast mode answers the example's paths as the file. */
  @Test
  void overTheWireTheFastModeAnswersAsTheFileWithTheMinimalRequests() throws IOException {
    FakeCloud fake = FakeCloud.builder().asyncDelay(Duration.ZERO).build().load(Path.of(example("snapshot.json")));
    List<String> intents = List.of("--service", example("service-vpc.json"), "--to", RDS, "--to", "internet",
        "--from", CLIENT, "--format", "json");
    try (Emulator emulator = Emulator.builder().fake(fake).accessKey(ENV.get("ALIBABA_CLOUD_ACCESS_KEY_ID"),
        ENV.get("ALIBABA_CLOUD_ACCESS_KEY_SECRET")).build().start()) {
      List<String> fast = new ArrayList<>(List.of("doctor", "--endpoint", emulator.endpoint(), "--paths-only"));
      fast.addAll(intents);
      fake.clearCalls();
      Cli.Result live = Cli.run(Terminal.none(), ENV, fast.toArray(String[]::new));
      List<String> actions = fake.recordedCalls().stream().map(FakeCloud.RecordedCall::action).sorted().toList();
      List<String> full = new ArrayList<>(List.of("doctor", "--endpoint", emulator.endpoint()));
      full.addAll(intents);
      fake.clearCalls();
      Cli.Result whole = Cli.run(Terminal.none(), ENV, full.toArray(String[]::new));
      int wholeRequests = fake.recordedCalls().size();
      List<String> offline = new ArrayList<>(List.of("doctor", "--snapshot", example("snapshot.json"),
          "--paths-only"));
      offline.addAll(intents);
      Cli.Result file = Cli.run(offline.toArray(String[]::new));

      assertThat(live.code()).as(live.toString()).isZero();
      assertThat(file.code()).as(file.toString()).isZero();
      assertThat(JSON.readTree(live.out()).get("paths")).isEqualTo(JSON.readTree(file.out()).get("paths"))
          .isEqualTo(JSON.readTree(whole.out()).get("paths")).hasSize(3);
      assertThat(emulator.nearMisses()).isEmpty();
      assertThat(actions.size()).as("fast %s against the full doctor's %d requests", actions, wholeRequests)
          .isLessThan(wholeRequests);
    }
  }

  @Test
  void theFastModeSaysOnOneLineThatNoRuleRanAndHowToRunThem() {
    Cli.Result fast = Cli.run("doctor", "--snapshot", example("mistakes/estate.json"), "--service",
        example("mistakes/no-snat-entry.json"), "--to", "internet", "--paths-only");
    Cli.Result full = Cli.run("doctor", "--snapshot", example("mistakes/estate.json"), "--service",
        example("mistakes/no-snat-entry.json"), "--to", "internet");
    assertThat(fast.code()).as(fast.toString()).isEqualTo(1);
    assertThat(full.code()).as(full.toString()).isEqualTo(1);
    assertThat(full.out()).contains("EASNET-");
    assertThat(fast.out()).doesNotContain("EASNET-").contains("SNAT_NO_ENTRY_FOR_SOURCE")
        .contains("1 of 1 path not reachable");
    assertThat(fast.err().lines().filter(l -> l.contains("--paths-only")).toList())
        .containsExactly(DoctorCommand.PATHS_ONLY_NOTE);
    assertThat(DoctorCommand.PATHS_ONLY_NOTE).contains("not checked").contains("without --paths-only");

    Cli.Result healthy = Cli.run("doctor", "--snapshot", example("snapshot.json"), "--service",
        example("service-vpc.json"), "--to", RDS, "--to", "internet", "--from", CLIENT, "--paths-only");
    assertThat(healthy.code()).as(healthy.toString()).isZero();
    assertThat(healthy.out()).contains("0 of 3 paths not reachable");
  }

  @Test
  void suppressionsHaveNothingToSuppressWithoutRules(@TempDir Path dir) throws IOException {
    Path suppressions = Files.writeString(dir.resolve("suppressions.json"), "{\"version\": 1, \"suppressions\": []}");
    Cli.Result r = Cli.run("doctor", "--snapshot", example("snapshot.json"), "--service",
        example("service-vpc.json"), "--to", "internet", "--paths-only", "--suppressions", suppressions.toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("--suppressions").contains("--paths-only");
  }

  /** A partial networking block places the service nowhere: no path to answer, and no rule to say why. */
  @Test
  void aServiceThatCannotBePlacedIsABlockerThatSaysWhy(@TempDir Path dir) throws IOException {
    String json = Files.readString(Path.of(example("service-vpc.json")))
        .replaceAll(",\\s*\"security_group_id\"\\s*:\\s*\"[^\"]*\"", "");
    Path partial = dir.resolve("partial.json");
    Files.writeString(partial, json);
    FakeCloud fake = FakeCloud.builder().build().load(Path.of(example("snapshot.json")));
    Cli.Result file = Cli.run("doctor", "--snapshot", example("snapshot.json"), "-s", partial.toString(), "--to",
        "internet", "--to", RDS, "--paths-only");
    Recording port = new Recording(fake);
    Cli.Result cloud = Cli.run((region, endpoint, env) -> port, ENV, "doctor", "--endpoint", "fake.invalid", "-s",
        partial.toString(), "--to", "internet", "--to", RDS, "--paths-only");
    for (Cli.Result r : List.of(file, cloud)) {
      assertThat(r.code()).as(r.toString()).isEqualTo(1);
      assertThat(r.err()).contains("cannot be placed on the network, so none of its 2 path(s) was analysed")
          .contains("security_group_id");
    }
    assertThat(port.calls).as("nothing to read for a service placed nowhere").isEmpty();
  }

  // ------------------------------------------------------------------------------------------------ helpers

  /** The intents as arguments, how many paths they ask, and what the minimal set of each needs. */
  private record Intents(List<String> args, int count, boolean internet, List<Object> targets,
      List<EcsInstance> clients, boolean beyondTheVpc) {}

  private static Intents intents(SplittableRandom r, Inventory estate, Optional<VpcId> vpc) {
    List<String> args = new ArrayList<>();
    List<Object> targets = new ArrayList<>();
    List<EcsInstance> clients = new ArrayList<>();
    boolean beyond = false;
    // a target or client of another VPC now and then (then the calls are checked for what they must not read)
    int far = r.nextInt(4) == 0 ? 6 : 1_000;
    for (RdsInstance x : estate.rdsInstances()) {
      if (r.nextInt(x.vpcId().equals(vpc) ? 3 : far) == 0) {
        args.addAll(List.of("--to", "rds:" + x.id().value()));
        targets.add(x);
        beyond |= !x.vpcId().equals(vpc);
      }
    }
    for (RedisInstance x : estate.redisInstances()) {
      if (r.nextInt(x.vpcId().equals(vpc) ? 3 : far) == 0) {
        args.addAll(List.of("--to", "redis:" + x.id().value()));
        targets.add(x);
        beyond |= !x.vpcId().equals(vpc);
      }
    }
    for (EcsInstance x : estate.ecsInstances()) {
      int draw = r.nextInt(Optional.of(x.vpcId()).equals(vpc) ? 6 : 2 * far);
      if (draw == 0) {
        args.addAll(List.of("--to", "ecs:" + x.id().value() + ":22"));
        targets.add(x);
        beyond |= !Optional.of(x.vpcId()).equals(vpc);
      } else if (draw == 1) {
        args.addAll(List.of("--from", "ecs:" + x.id().value()));
        clients.add(x);
        beyond |= !Optional.of(x.vpcId()).equals(vpc);
      }
    }
    if (r.nextInt(6) == 0) {
      // ids the cloud does not hold: a verdict with TARGET_NOT_FOUND / CLIENT_NOT_FOUND on every face
      args.addAll(List.of("--to", "rds:rm-nosuchrds000000000", "--from", "ecs:i-nosuchecs0000000000"));
      beyond = true;
    }
    if (r.nextInt(8) == 0) {
      args.addAll(List.of("--to", "ip:" + r.nextInt(1, 100) + ".0." + r.nextInt(256) + ".7:5432"));
      beyond = true;
    }
    boolean internet = args.isEmpty() || r.nextBoolean();
    if (internet) {
      args.addAll(List.of("--to", r.nextBoolean() ? "internet" : "internet:203.0.113.0/24:443"));
    }
    return new Intents(args, args.size() / 2, internet, targets, clients, beyond);
  }

  /**
   * The union of the minimal sets of LoaderMinimalCallsProperties (testkit), as port calls: every question the
   * service's vSwitch and group; the internet its VPC's NAT gateways (with their SNAT entries and EIPs) and route
   * tables; a target or a client the VPC, the instance and its groups.
   */
  private static Set<String> minimalCalls(Inventory estate, ServiceSpec spec, Intents intents) {
    ServiceNetworking net = spec.networking().orElseThrow();
    VpcId vpc = net.vpcId().orElseThrow();
    Set<String> want = new LinkedHashSet<>(List.of("vpc.describeVSwitch " + net.vSwitchId().orElseThrow(),
        "ecs.describeSecurityGroup " + net.securityGroupId().orElseThrow()));
    if (intents.internet()) {
      want.addAll(List.of("vpc.describeNatGateways " + vpc, "vpc.describeRouteTables " + vpc));
      for (NatGateway n : estate.natGatewaysIn(vpc)) {
        want.addAll(List.of("vpc.describeSnatEntries " + n.id(), "vpc.describeEips " + n.id()));
      }
      // no internet gateway has an EIP: the fix binds an unbound EIP of the region, so the region's EIPs are read
      if (estate.natGatewaysIn(vpc).stream().filter(n -> n.networkType() == NatGateway.NatNetworkType.INTERNET)
          .noneMatch(n -> estate.eips().stream().anyMatch(e -> e.instanceId().equals(
              java.util.Optional.of(n.id().value()))))) {
        want.add("vpc.describeEips");
      }
    }
    for (Object t : intents.targets()) {
      want.add("vpc.describeVpc " + vpc);
      List<SecurityGroupId> groups;
      if (t instanceof RdsInstance x) {
        want.add("rds.describeInstance " + x.id());
        groups = x.securityGroupIds();
      } else if (t instanceof RedisInstance x) {
        want.add("redis.describeInstance " + x.id());
        groups = x.securityGroupIds();
      } else {
        EcsInstance x = (EcsInstance) t;
        want.add("ecs.describeInstance " + x.id());
        groups = x.securityGroupIds();
      }
      groups.forEach(g -> want.add("ecs.describeSecurityGroup " + g));
    }
    for (EcsInstance c : intents.clients()) {
      want.addAll(List.of("vpc.describeVpc " + vpc, "ecs.describeInstance " + c.id()));
      c.securityGroupIds().forEach(g -> want.add("ecs.describeSecurityGroup " + g));
    }
    return want;
  }

  /** A service with a complete block in {@code vpc}: one of its vSwitches and one of its groups. */
  private static ServiceSpec serviceIn(SplittableRandom r, Inventory estate, VpcId vpc) {
    List<VSwitch> vsws = estate.vSwitchesIn(vpc);
    List<SecurityGroup> groups = estate.securityGroups().stream().filter(g -> g.vpcId().equals(vpc)).toList();
    return ServiceSpec.builder().name("svc_doctor").networking(ServiceNetworking.of(vpc,
        vsws.get(r.nextInt(vsws.size())).id(), groups.get(r.nextInt(groups.size())).id())).build();
  }

  /** One run: its exit code, its JSON report, standard error and the port calls (live). */
  private record Face(int code, JsonNode json, String err, List<String> calls) {
    JsonNode paths() {
      return json.get("paths");
    }
  }

  private static Face offline(List<String> args, Path file, boolean fast) throws IOException {
    List<String> a = new ArrayList<>(args);
    a.addAll(List.of("--snapshot", file.toString()));
    if (fast) {
      a.add("--paths-only");
    }
    Cli.Result r = Cli.run(Terminal.none(), ENV, a.toArray(String[]::new));
    assertThat(r.code()).as(r.toString()).isLessThanOrEqualTo(1);
    return new Face(r.code(), JSON.readTree(r.out()), r.err(), List.of());
  }

  private static Face live(List<String> args, FakeCloud fake, boolean fast) throws IOException {
    List<String> a = new ArrayList<>(args);
    a.addAll(List.of("--endpoint", "fake.invalid"));
    if (fast) {
      a.add("--paths-only");
    }
    Recording port = new Recording(fake);
    Cli.Result r = Cli.run((region, endpoint, env) -> port, ENV, a.toArray(String[]::new));
    assertThat(r.code()).as(r.toString()).isLessThanOrEqualTo(1);
    return new Face(r.code(), JSON.readTree(r.out()), r.err(), List.copyOf(port.calls));
  }

  /** A port that records every method called on it with its arguments, as {@code "product.method arguments"}. */
  private static final class Recording implements CloudPort {
    private final CloudPort delegate;
    final ConcurrentLinkedQueue<String> calls;

    Recording(CloudPort delegate) {
      this(delegate, new ConcurrentLinkedQueue<>());
    }

    private Recording(CloudPort delegate, ConcurrentLinkedQueue<String> calls) {
      this.delegate = delegate;
      this.calls = calls;
    }

    private <T> T recording(Class<T> api, T target) {
      String product = api.getSimpleName().replace("Api", "").toLowerCase(Locale.ROOT);
      InvocationHandler h = (proxy, method, args) -> {
        calls.add(product + "." + method.getName() + (args == null ? "" : " " + Arrays.stream(args)
            .map(String::valueOf).collect(Collectors.joining(" "))));
        try {
          return method.invoke(target, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      };
      return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, h));
    }

    @Override
    public Optional<String> regionId() {
      return delegate.regionId();
    }

    @Override
    public VpcApi vpc() {
      return recording(VpcApi.class, delegate.vpc());
    }

    @Override
    public EcsApi ecs() {
      return recording(EcsApi.class, delegate.ecs());
    }

    @Override
    public RdsApi rds() {
      return recording(RdsApi.class, delegate.rds());
    }

    @Override
    public RedisApi redis() {
      return recording(RedisApi.class, delegate.redis());
    }

    @Override
    public EasApi eas() {
      return recording(EasApi.class, delegate.eas());
    }

    @Override
    public CloudPort withRequestListener(RequestListener listener) {
      return new Recording(delegate.withRequestListener(listener), calls);
    }
  }
}
