package io.easnet.aliyun.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.easnet.aliyun.AliyunCloudPort;
import io.easnet.aliyun.AliyunOptions;
import io.easnet.aliyun.Credentials;
import io.easnet.aliyun.CredentialsProviders;
import io.easnet.aliyun.RetryPolicy;
import io.easnet.core.analysis.Target.InternetTarget;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.analysis.Target;
import io.easnet.core.check.NetworkCheck;
import io.easnet.core.json.ServiceDocument;
import io.easnet.core.json.Snapshot;
import io.easnet.core.json.SnapshotJson;
import io.easnet.core.load.InventoryLoader;
import io.easnet.core.load.InventoryLoader.Question;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.plan.Planner.PlanOptions;
import io.easnet.core.plan.Planner.PlanResult;
import io.easnet.core.plan.Planner;
import io.easnet.core.report.Report.ReportFormat;
import io.easnet.core.spi.CloudPort;
import io.easnet.testkit.FakeCloud;
import io.easnet.testkit.assertions.InventoryAssert;
import io.easnet.testkit.emulator.Emulator;
import io.easnet.testkit.gen.EstateGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live equals offline: one estate, two faces. For each seeded generated snapshot (every kind the format
 * holds: several VPCs, custom route tables, IPv6 and prefix-list rules, tags, ECS, RDS and Redis with allowlists,
 * bound security groups and private addresses, NAT/EIP/SNAT in every status, resource groups with DLinks, services
 * of every provenance), the snapshot is loaded into a {@link FakeCloud}, served over HTTP by the {@link Emulator},
 * and read back through the real {@link AliyunCloudPort} and {@link InventoryLoader} with {@link Question#region()}.
 * The inventory read through the wire must equal the snapshot's on every field, the services listed through the wire
 * must equal the snapshot's as JSON trees, the snapshot written from the wire must equal the source's, and
 * {@link NetworkCheck} reports and {@link Planner} results for generated intents must be the same from either face.
 *
 * <p>{@value #DEFAULT_ESTATES} estates by default; {@code -Deasnet.liveEqualsOffline.estates=N} runs more, and
 * {@code -Deasnet.liveEqualsOffline.seed=S} starts at another seed.
 */
class LiveEqualsOfflineProperties {
  static final int DEFAULT_ESTATES = 200;
  private static final String KEY_ID = "LTAI5tLiveEqualsOffline";
  private static final String KEY_SECRET = "live-equals-offline-secret";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
  private static final int MAX_DIFFERENCES = 40;

  private static final Map<String, CloudPort> PORTS = new java.util.HashMap<>();
  private static FakeCloud fake;
  private static Emulator emulator;

  @BeforeAll
  static void serve() throws IOException {
    fake = FakeCloud.builder().seed(14).build();
    emulator = Emulator.builder().fake(fake).accessKey(KEY_ID, KEY_SECRET).build().start();
  }

  @AfterAll
  static void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void theEstateReadThroughTheWireIsTheSnapshot() {
    int estates = Integer.getInteger("easnet.liveEqualsOffline.estates", DEFAULT_ESTATES);
    long seed = Long.getLong("easnet.liveEqualsOffline.seed", 20261205L);
    Coverage coverage = new Coverage();
    Map<String, Integer> kinds = new java.util.TreeMap<>();
    long firstFailing = -1;
    List<String> first = List.of();
    for (int i = 0; i < estates; i++) {
      long s = seed + i;
      Snapshot source = EstateGenerator.snapshot(new SplittableRandom(s));
      coverage.add(source);
      List<String> differences = differences(source, new SplittableRandom(s ^ 0x5DEECE66DL));
      if (!differences.isEmpty() && firstFailing < 0) {
        firstFailing = s;
        first = differences;
      }
      // what differs, with list indices and values left out: the kinds of loss over every estate
      differences.forEach(d -> kinds.merge(d.replaceAll("/\\d+", "/*").replaceAll(": expected .*", ""), 1,
          Integer::sum));
    }
    assertThat(first).as("estate of seed %d (rerun with -Deasnet.liveEqualsOffline.seed=%d"
        + " -Deasnet.liveEqualsOffline.estates=1): the first differences, wire against file; over all %d estates,"
        + " the differences by kind: %s", firstFailing, firstFailing, estates, kinds).isEmpty();
    coverage.assertEveryKindShown();
    assertThat(emulator.nearMisses()).as("requests the emulator could not route").isEmpty();
  }

  /**
   * The examples' estates (the README's {@code examples/snapshot.json} and {@code examples/mistakes/estate.json}),
   * served and read back: what {@code snapshot --endpoint} captures of them is what the files hold.
   */
  @Test
  void theExamplesEstatesReadThroughTheWireAreTheirFiles() {
    java.nio.file.Path root = java.nio.file.Path.of("..").toAbsolutePath().normalize();
    for (String file : List.of("examples/snapshot.json", "examples/mistakes/estate.json")) {
      Snapshot source = SnapshotJson.read(root.resolve(file));
      assertThat(source.inventory().regionId()).as("%s names its region", file).isPresent();
      assertThat(differences(source, new SplittableRandom(14))).as("%s, wire against file", file).isEmpty();
    }
  }

  /** Everything that differs between the two faces of one estate, as "what: path: expected ... actual ...". */
  private static List<String> differences(Snapshot source, SplittableRandom r) {
    fake.load(source);
    String region = source.inventory().regionId().orElseThrow();
    CloudPort port = PORTS.computeIfAbsent(region, rg -> AliyunCloudPort.create(AliyunOptions.builder(rg)
        .credentials(CredentialsProviders.of(Credentials.of(KEY_ID, KEY_SECRET)))
        .endpointOverride(URI.create(emulator.url()))
        .retryPolicy(RetryPolicy.none())
        // the client's own rate limit (20 a second by default) is not under test here
        .rateLimit(1_000_000, java.time.Duration.ofSeconds(1))
        .build()));
    Inventory live;
    try (InventoryLoader loader = InventoryLoader.builder().port(port).parallelism(8).build()) {
      live = loader.load(Question.region());
    }
    List<ServiceDocument> liveServices = port.eas().listServices().stream()
        .map(json -> ServiceDocument.parse(json, "ListServices")).toList();

    List<String> out = new ArrayList<>();
    Inventory expected = InventoryAssert.sortedById(source.inventory());
    Inventory actual = InventoryAssert.sortedById(live);
    Snapshot expectedSnapshot = source.toBuilder().inventory(expected).build();
    Snapshot actualSnapshot = source.toBuilder().inventory(actual).services(liveServices).build();
    diff("snapshot", tree(SnapshotJson.toJson(expectedSnapshot)), tree(SnapshotJson.toJson(actualSnapshot)), "",
        out);
    if (out.isEmpty() && !expected.equals(actual)) {
      // a fact the snapshot writer does not write: show the values
      out.add("inventory: not equal although the written snapshots are: expected " + expected + " actual " + actual);
    }
    if (!out.isEmpty()) {
      return out;
    }

    // the same intents for the services of either face; both inventories in id order, so that the findings'
    // locations (JSON pointers into the inventory) compare
    List<Intents> intents = source.services().stream().map(d -> Intents.draw(r, d.spec().name(), source.inventory()))
        .toList();
    List<ServiceInput> fromFile = inputs(source.services(), intents);
    List<ServiceInput> fromWire = inputs(liveServices, intents);
    String fileReport = ReportFormat.JSON.render(check(expected, fromFile));
    String wireReport = ReportFormat.JSON.render(check(live, fromWire));
    diff("NetworkCheck report", tree(fileReport), tree(wireReport), "", out);
    PlanResult filePlan = Planner.of(expected).plan(fromFile, PlanOptions.defaults());
    PlanResult wirePlan = Planner.of(live).plan(fromWire, PlanOptions.defaults());
    if (!describe(filePlan).equals(describe(wirePlan))) {
      out.add("Planner: expected " + describe(filePlan) + " actual " + describe(wirePlan));
    }
    return out;
  }

  private static io.easnet.core.report.Report check(Inventory inventory, List<ServiceInput> services) {
    NetworkCheck.Builder b = NetworkCheck.builder().inventory(inventory, "estate").clock(CLOCK);
    services.forEach(b::addService);
    return b.build().run();
  }

  private static String describe(PlanResult p) {
    return "works=" + p.works() + " plan=" + p.plan().map(x -> x.toJson()).orElse("none") + " unfixable="
        + p.unfixable();
  }

  /** The intents drawn for one service: targets in any VPC of the estate, internet egress, clients. */
  private record Intents(String service, boolean internet, List<Target> targets, List<InternetTarget> internetTargets,
      List<io.easnet.core.model.ResourceId.EcsInstanceId> clients) {
    static Intents draw(SplittableRandom r, String service, Inventory estate) {
      List<Target> targets = new ArrayList<>();
      for (RdsInstance x : estate.rdsInstances()) {
        if (r.nextInt(3) == 0) {
          targets.add(Target.rds(x.id()));
        }
      }
      for (RedisInstance x : estate.redisInstances()) {
        if (r.nextInt(3) == 0) {
          targets.add(Target.redis(x.id()));
        }
      }
      List<io.easnet.core.model.ResourceId.EcsInstanceId> clients = new ArrayList<>();
      for (EcsInstance x : estate.ecsInstances()) {
        int k = r.nextInt(6);
        if (k == 0) {
          targets.add(Target.ecs(x.id(), 5432));
        } else if (k == 1) {
          clients.add(x.id());
        }
      }
      List<InternetTarget> internet = r.nextInt(4) == 0
          ? List.of(InternetTarget.to(io.easnet.core.model.IpAddress.parse("203.0.113.7"), 443))
          : List.of();
      return new Intents(service, r.nextBoolean(), targets, internet, clients);
    }
  }

  private static List<ServiceInput> inputs(List<ServiceDocument> docs, List<Intents> intents) {
    List<ServiceInput> out = new ArrayList<>();
    for (ServiceDocument d : docs) {
      Intents in = intents.stream().filter(x -> x.service().equals(d.spec().name())).findFirst().orElseThrow(
          () -> new AssertionError("the wire lists service " + d.spec().name() + ", which the snapshot does not hold"));
      out.add(ServiceInput.builder().spec(d.spec()).sourceName(d.spec().name() + ".json")
          .wantsInternetEgress(in.internet()).addAllPrivateTargets(in.targets())
          .addAllInternetTargets(in.internetTargets()).addAllClients(in.clients()).build());
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------ comparison

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Appends the differences between two trees, as JSON pointers with the expected and actual values. */
  static void diff(String what, JsonNode expected, JsonNode actual, String path, List<String> out) {
    if (out.size() >= MAX_DIFFERENCES || expected.equals(actual)) {
      return;
    }
    if (expected.isObject() && actual.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      expected.fieldNames().forEachRemaining(keys::add);
      actual.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        JsonNode e = expected.get(k);
        JsonNode a = actual.get(k);
        String p = path + "/" + k;
        if (e == null) {
          out.add(what + ": " + p + ": expected nothing, actual " + clip(a));
        } else if (a == null) {
          out.add(what + ": " + p + ": expected " + clip(e) + ", actual nothing");
        } else {
          diff(what, e, a, p, out);
        }
        if (out.size() >= MAX_DIFFERENCES) {
          return;
        }
      }
      return;
    }
    if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
      Iterator<JsonNode> e = expected.elements();
      Iterator<JsonNode> a = actual.elements();
      for (int i = 0; e.hasNext(); i++) {
        diff(what, e.next(), a.next(), path + "/" + i, out);
      }
      return;
    }
    out.add(what + ": " + (path.isEmpty() ? "/" : path) + ": expected " + clip(expected) + ", actual "
        + clip(actual));
  }

  private static String clip(JsonNode n) {
    String s = n.toString();
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  /** Which kinds the generated estates showed, so that the property is known to cover each. */
  private static final class Coverage {
    private final Map<String, int[]> seen = new java.util.TreeMap<>();

    void add(Snapshot s) {
      Inventory inv = s.inventory();
      count("several VPCs", inv.vpcs().size() > 1);
      count("custom route table", inv.routeTables().stream().anyMatch(t -> t.type()
          == io.easnet.core.model.RouteTable.Type.CUSTOM));
      count("prefix-list rule", inv.securityGroups().stream().flatMap(g -> g.rules().stream())
          .anyMatch(x -> x.peer() instanceof io.easnet.core.model.SecurityGroupRule.RulePeer.PrefixListPeer));
      count("IPv6 rule", inv.securityGroups().stream().flatMap(g -> g.rules().stream())
          .anyMatch(x -> x.peer() instanceof io.easnet.core.model.SecurityGroupRule.RulePeer.CidrPeer c && c.cidr().isIpv6()));
      count("VPC tags", inv.vpcs().stream().anyMatch(v -> !v.tags().isEmpty()));
      count("vSwitch tags", inv.vSwitches().stream().anyMatch(v -> !v.tags().isEmpty()));
      count("security-group tags", inv.securityGroups().stream().anyMatch(v -> !v.tags().isEmpty()));
      count("NAT tags", inv.natGateways().stream().anyMatch(v -> !v.tags().isEmpty()));
      count("ECS tags", inv.ecsInstances().stream().anyMatch(v -> !v.tags().isEmpty()));
      count("ECS instance", !inv.ecsInstances().isEmpty());
      count("RDS with bound groups and private IP", inv.rdsInstances().stream()
          .anyMatch(x -> !x.securityGroupIds().isEmpty() && x.privateIp().isPresent() && !x.allowlists().isEmpty()));
      count("Redis with bound groups and private IP", inv.redisInstances().stream()
          .anyMatch(x -> !x.securityGroupIds().isEmpty() && x.privateIp().isPresent() && !x.allowlists().isEmpty()));
      for (String st : List.of("Available", "Creating", "Modifying", "Deleting", "Converting")) {
        count("NAT " + st, inv.natGateways().stream().anyMatch(n -> n.status().equals(st)));
      }
      for (String st : List.of("Available", "Pending", "Deleting")) {
        count("SNAT " + st, inv.snatEntries().stream().anyMatch(n -> n.status().equals(st)));
      }
      for (String st : List.of("InUse", "Associating", "Unassociating")) {
        count("EIP " + st, inv.eips().stream().anyMatch(n -> n.status().equals(st)));
      }
      count("EIP Available (unbound)", inv.eips().stream().anyMatch(e -> e.instanceId().isEmpty()
          && e.status().equals("Available")));
      count("resource group with DLink", inv.resourceGroups().stream().anyMatch(g -> g.dlink().isPresent()));
      count("resource group without DLink", inv.resourceGroups().stream().anyMatch(g -> g.dlink().isEmpty()));
      count("service with own networking", s.services().stream().anyMatch(d -> d.spec().networking().isPresent()));
      count("service in a resource group", s.services().stream()
          .anyMatch(d -> d.spec().resourceGroupId().isPresent()));
      count("service without networking", s.services().stream()
          .anyMatch(d -> d.spec().networking().isEmpty() && d.spec().resourceGroupId().isEmpty()));
    }

    private void count(String kind, boolean shown) {
      seen.computeIfAbsent(kind, k -> new int[1])[0] += shown ? 1 : 0;
    }

    void assertEveryKindShown() {
      seen.forEach((kind, n) -> assertThat(n[0]).as("estates showing %s", kind).isPositive());
    }
  }
}
