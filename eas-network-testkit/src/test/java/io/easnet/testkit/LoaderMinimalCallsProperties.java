package io.easnet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.analysis.Target.InternetTarget;
import io.easnet.core.analysis.PathAnalyzer;
import io.easnet.core.analysis.PathResult;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.analysis.Target;
import io.easnet.core.check.NetworkCheck;
import io.easnet.core.json.ServiceDocument;
import io.easnet.core.json.Snapshot;
import io.easnet.core.load.internal.CallStatistics;
import io.easnet.core.load.InventoryLoader;
import io.easnet.core.load.InventoryLoader.Question;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.report.Report;
import io.easnet.core.resolve.EffectiveNetwork;
import io.easnet.core.resolve.NetworkResolver;
import io.easnet.core.rules.Finding;
import io.easnet.core.spi.CloudPort;
import io.easnet.core.spi.EasApi;
import io.easnet.core.spi.EcsApi;
import io.easnet.core.spi.RdsApi;
import io.easnet.core.spi.RedisApi;
import io.easnet.core.spi.RequestListener;
import io.easnet.core.spi.VpcApi;
import io.easnet.testkit.assertions.InventoryAssert;
import io.easnet.testkit.gen.EstateGenerator;
import io.easnet.testkit.gen.ServiceJsonGenerator;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The loader asks the cloud for exactly what a question needs, and that is enough. Over generated estates in a
 * {@link FakeCloud}, for each kind of question:
 *
 * <ul>
 *   <li>the calls made are exactly the expected set, listed below per kind, with no call (operation and argument)
 *       made twice and no resource described on its own that a list of the run already returned;
 *   <li>the analysis over what was loaded equals the analysis over the whole estate: the path result for a private
 *       target (RDS, Redis, ECS), the internet and a client; for several services (the lint question), every path
 *       result and every finding about those services; for the region, the whole report, and the snapshot itself.
 * </ul>
 *
 * <p>{@link LoaderProperties} checks what one VPC's load holds; {@link LoaderSufficiencyProperties} the first path
 * questions; this class adds the call sets, the other targets, clients, several services at once (each VPC read
 * once), the doctor's combined load and the region with its services.
 */
class LoaderMinimalCallsProperties {
  private static final String REGION = "cn-hangzhou";
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
  private static final NetworkResolver RESOLVER = NetworkResolver.create();
  private static final int ESTATES = 200;

  @Test
  void eachPathQuestionMakesExactlyTheCallsItNeedsAndAnswersAsTheWholeEstate() {
    SplittableRandom r = new SplittableRandom(1414);
    Set<Question.Kind> asked = EnumSet.noneOf(Question.Kind.class);
    Set<String> targets = new HashSet<>();
    for (int i = 0; i < ESTATES; i++) {
      Inventory estate = EstateGenerator.estate(r);
      FakeCloud fake = FakeCloud.builder().regionId(REGION).inventory(estate).build();
      Vpc vpc = estate.vpcs().get(r.nextInt(estate.vpcs().size()));
      ServiceSpec spec = serviceIn(r, estate, vpc.id(), "svc");
      EffectiveNetwork net = RESOLVER.resolve(spec);
      PathAnalyzer whole = PathAnalyzer.of(estate);
      VSwitch vsw = estate.vSwitch(spec.networking().orElseThrow().vSwitchId().orElseThrow()).orElseThrow();
      SecurityGroupId sg = spec.networking().orElseThrow().securityGroupId().orElseThrow();

      // internet: the service's vSwitch and group, the VPC's NAT gateways with SNAT entries and EIPs, its routes
      Set<String> expected = new LinkedHashSet<>(List.of("vpc.describeVSwitch " + vsw.id(), "ecs.describeSecurityGroup " + sg,
          "vpc.describeNatGateways " + vpc.id(), "vpc.describeRouteTables " + vpc.id()));
      estate.natGatewaysIn(vpc.id()).forEach(n -> expected.addAll(List.of("vpc.describeSnatEntries " + n.id(),
          "vpc.describeEips " + n.id())));
      if (noInternetGatewayHasAnEip(estate, vpc.id())) {
        expected.add("vpc.describeEips"); // the region's: the fix binds an unbound EIP, the one the file would
      }
      Loaded internet = load(fake, Question.internetEgress(spec));
      assertThat(internet.calls()).as("internet, estate %d", i).containsExactlyInAnyOrderElementsOf(expected);
      InternetTarget any = InternetTarget.any(443);
      assertThat(PathAnalyzer.of(internet.inventory()).internet(net, any)).as("internet, estate %d", i)
          .isEqualTo(whole.internet(net, any));
      assertThat(internet.inventory().regionId()).contains(REGION);
      asked.add(Question.Kind.INTERNET_EGRESS);

      // a private target: the service's vSwitch and group, the VPC, the target and the groups bound to it
      for (Target target : targetsIn(estate, vpc.id())) {
        Set<String> want = new LinkedHashSet<>(List.of("vpc.describeVSwitch " + vsw.id(), "ecs.describeSecurityGroup " + sg,
            "vpc.describeVpc " + vpc.id(), target.kind().name().toLowerCase(java.util.Locale.ROOT) + ".describeInstance "
            + target.resourceId().orElseThrow()));
        boundGroups(estate, target).forEach(g -> want.add("ecs.describeSecurityGroup " + g));
        Loaded loaded = load(fake, Question.privateTarget(spec, target));
        assertThat(loaded.calls()).as("%s, estate %d", target, i).containsExactlyInAnyOrderElementsOf(want);
        assertThat(PathAnalyzer.of(loaded.inventory()).privateTarget(net, target)).as("%s, estate %d", target, i)
            .isEqualTo(whole.privateTarget(net, target));
        targets.add(target.kind().name());
        asked.add(Question.Kind.PRIVATE_TARGET);
      }

      // a client: the service's vSwitch and group, the VPC, the client and its groups
      for (EcsInstance client : estate.ecsInstances().stream().filter(c -> c.vpcId().equals(vpc.id())).toList()) {
        Set<String> want = new LinkedHashSet<>(List.of("vpc.describeVSwitch " + vsw.id(), "ecs.describeSecurityGroup " + sg,
            "vpc.describeVpc " + vpc.id(), "ecs.describeInstance " + client.id()));
        client.securityGroupIds().forEach(g -> want.add("ecs.describeSecurityGroup " + g));
        Loaded loaded = load(fake, Question.clientToService(client.id(), spec));
        assertThat(loaded.calls()).as("client %s, estate %d", client.id(), i)
            .containsExactlyInAnyOrderElementsOf(want);
        assertThat(PathAnalyzer.of(loaded.inventory()).clientToService(client.id(), net, 8000))
            .as("client %s, estate %d", client.id(), i)
            .isEqualTo(whole.clientToService(client.id(), net, 8000));
        asked.add(Question.Kind.CLIENT_TO_SERVICE);
      }
    }
    assertThat(asked).containsExactlyInAnyOrder(Question.Kind.INTERNET_EGRESS, Question.Kind.PRIVATE_TARGET,
        Question.Kind.CLIENT_TO_SERVICE);
    assertThat(targets).containsExactlyInAnyOrder("RDS", "REDIS", "ECS");
  }

  @Test
  void severalServicesReadEachVpcTheyNeedOnceAndLintAsTheWholeEstate() {
    SplittableRandom r = new SplittableRandom(1415);
    int severalVpcs = 0;
    int throughResourceGroups = 0;
    int ghosts = 0;
    for (int i = 0; i < ESTATES; i++) {
      Inventory estate = EstateGenerator.estate(r);
      FakeCloud fake = FakeCloud.builder().regionId(REGION).inventory(estate).build();
      List<ServiceSpec> specs = new ArrayList<>();
      int n = r.nextInt(1, 5);
      for (int s = 0; s < n; s++) {
        Vpc vpc = estate.vpcs().get(r.nextInt(estate.vpcs().size()));
        List<ResourceGroup> groups = estate.resourceGroups().stream()
            .filter(g -> g.dlink().flatMap(d -> d.vpcId()).map(vpc.id()::equals).orElse(false)).toList();
        if (!groups.isEmpty() && r.nextBoolean()) {
          specs.add(ServiceSpec.builder().name("svc_" + s).resourceGroupId(groups.get(0).id()).build());
          throughResourceGroups++;
        } else {
          specs.add(serviceIn(r, estate, vpc.id(), "svc_" + s));
        }
      }
      Set<VpcId> needed = specs.stream().map(s -> RESOLVER.resolve(s, estate).vpcId().orElseThrow())
          .collect(Collectors.toCollection(LinkedHashSet::new));
      severalVpcs += needed.size() > 1 ? 1 : 0;
      Set<String> want = new LinkedHashSet<>(List.of("eas.describeResourceGroups"));
      needed.forEach(v -> want.addAll(everythingIn(estate, v)));
      if (r.nextInt(4) == 0) {
        // a service whose block names resources the cloud does not hold: offline a finding, live not a failure
        ServiceNetworking ghost = ServiceNetworking.of(VpcId.of("vpc-nosuchvpc0000000000"),
            io.easnet.core.model.ResourceId.VSwitchId.of("vsw-nosuchvsw0000000000"), SecurityGroupId.of("sg-nosuchsg00000000000"));
        specs.add(ServiceSpec.builder().name("ghost").networking(ghost).build());
        want.addAll(List.of("vpc.describeVpc " + ghost.vpcId().orElseThrow(),
            "vpc.describeVSwitch " + ghost.vSwitchId().orElseThrow(),
            "ecs.describeSecurityGroup " + ghost.securityGroupId().orElseThrow()));
        ghosts++;
      }

      Loaded loaded = load(fake, Question.services(specs, List.of()));
      assertThat(loaded.calls()).as("services in %s, estate %d", needed, i)
          .containsExactlyInAnyOrderElementsOf(want);
      assertThat(loaded.inventory().vpcs().stream().map(Vpc::id).toList())
          .containsExactlyInAnyOrderElementsOf(needed);

      Report full = lint(estate, specs);
      Report part = lint(loaded.inventory(), specs);
      assertThat(part.pathResults()).as("estate %d", i).isEqualTo(full.pathResults());
      // EASNET-005 says how many VPCs the estate it was given holds: the VPCs read, here fewer than the region's
      assertThat(aboutServices(part).stream().map(f -> f.replaceAll("\\(\\d+ VPCs known\\)", "(N VPCs known)")))
          .as("estate %d", i)
          .isEqualTo(aboutServices(full).stream().map(f -> f.replaceAll("\\(\\d+ VPCs known\\)", "(N VPCs known)"))
              .toList());
    }
    assertThat(severalVpcs).as("estates whose services sit in several VPCs").isGreaterThan(ESTATES / 5);
    assertThat(throughResourceGroups).as("services placed by a resource group's DLink").isGreaterThan(20);
    assertThat(ghosts).as("services naming resources the cloud does not hold").isGreaterThan(20);
  }

  @Test
  void oneVpcReadsEachOfItsListsOnceAndHoldsWhatTheEstateHoldsThere() {
    SplittableRandom r = new SplittableRandom(1418);
    for (int i = 0; i < ESTATES; i++) {
      Inventory estate = EstateGenerator.estate(r);
      FakeCloud fake = FakeCloud.builder().regionId(REGION).inventory(estate).build();
      VpcId vpc = estate.vpcs().get(r.nextInt(estate.vpcs().size())).id();
      Loaded loaded = load(fake, Question.everything(vpc));
      Set<String> want = new LinkedHashSet<>(everythingIn(estate, vpc));
      want.add("eas.describeResourceGroups");
      assertThat(loaded.calls()).as("estate %d", i).containsExactlyInAnyOrderElementsOf(want);
      Inventory restricted = Inventory.builder().from(LoaderProperties.restrict(estate, vpc)).regionId(REGION).build();
      assertThat(InventoryAssert.sortedById(loaded.inventory())).as("estate %d", i)
          .isEqualTo(InventoryAssert.sortedById(restricted));
    }
  }

  @Test
  void aServicesQuestionNeedsAServiceOrAVpcAndSaysWhatItAsks() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Question.services(List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a service or a VPC");
    VpcId vpc = VpcId.of("vpc-bp1kjr3rfyhx01q8z2m5n");
    Question q = Question.services(List.of(ServiceSpec.builder().name("a").build()), List.of(vpc, vpc));
    assertThat(q.kind()).isEqualTo(Question.Kind.SERVICES);
    assertThat(q.vpcs()).containsExactly(vpc);
    assertThat(q.service()).isEmpty();
    assertThat(q.toString()).isEqualTo("Question[SERVICES, services [a], VPCs [" + vpc + "]]");
  }

  @Test
  void theDoctorsCombinedLoadReadsNothingTwiceAndAnswersAsTheWholeEstate() {
    SplittableRandom r = new SplittableRandom(1416);
    int beyond = 0;
    int ghosts = 0;
    for (int i = 0; i < ESTATES; i++) {
      Inventory estate = EstateGenerator.estate(r);
      FakeCloud fake = FakeCloud.builder().regionId(REGION).inventory(estate).build();
      Vpc vpc = estate.vpcs().get(r.nextInt(estate.vpcs().size()));
      ServiceSpec spec = serviceIn(r, estate, vpc.id(), "svc");
      ServiceInput.Builder input = ServiceInput.builder().spec(spec).wantsInternetEgress(r.nextBoolean());
      List<Question> questions = new ArrayList<>();
      questions.add(Question.services(List.of(spec), List.of()));
      // targets anywhere in the estate: those in another VPC are read on their own, the others come from the lists
      for (Target t : targetsIn(estate, null)) {
        if (r.nextInt(3) == 0) {
          input.addIntent(io.easnet.core.analysis.Intent.reach(t));
          questions.add(Question.privateTarget(spec, t));
          beyond += vpcOf(estate, t).equals(vpc.id()) ? 0 : 1;
        }
      }
      if (r.nextInt(4) == 0) {
        // ids the cloud does not hold: offline EASNET-027/035, live the same, never a failed load
        Target ghost = Target.rds(io.easnet.core.model.ResourceId.RdsInstanceId.of("rm-nosuchrds000000000"));
        input.addIntent(io.easnet.core.analysis.Intent.reach(ghost));
        questions.add(Question.privateTarget(spec, ghost));
        io.easnet.core.model.ResourceId.EcsInstanceId client = io.easnet.core.model.ResourceId.EcsInstanceId.of("i-nosuchecs0000000000");
        input.addIntent(io.easnet.core.analysis.Intent.client(client));
        questions.add(Question.clientToService(client, spec));
        ghosts++;
      }
      ServiceInput service = input.build();
      if (service.wantsInternetEgress()) {
        questions.add(Question.internetEgress(spec));
      }
      Loaded loaded = load(fake, questions);
      assertThat(loaded.duplicates()).as("calls made twice, estate %d", i).isEmpty();
      // the service's VPC whole, and beyond it only the targets of other VPCs with their groups
      Set<String> allowed = new HashSet<>(everythingIn(estate, vpc.id()));
      allowed.add("eas.describeResourceGroups");
      if (service.wantsInternetEgress() && noInternetGatewayHasAnEip(estate, vpc.id())) {
        allowed.add("vpc.describeEips"); // the region's, for the EIP the internet fix binds
      }
      for (String c : loaded.calls()) {
        assertThat(allowed.contains(c) || c.matches("(rds|redis|ecs)\\.describeInstance .*")
            || c.startsWith("ecs.describeSecurityGroup ")).as("%s, estate %d", c, i).isTrue();
      }
      // nothing of the service's VPC is described on its own: the VPC's lists returned it
      Set<String> inVpc = new HashSet<>();
      estate.rdsInstances().stream().filter(x -> x.vpcId().equals(Optional.of(vpc.id())))
          .forEach(x -> inVpc.add("rds.describeInstance " + x.id()));
      estate.redisInstances().stream().filter(x -> x.vpcId().equals(Optional.of(vpc.id())))
          .forEach(x -> inVpc.add("redis.describeInstance " + x.id()));
      estate.ecsInstances().stream().filter(x -> x.vpcId().equals(vpc.id()))
          .forEach(x -> inVpc.add("ecs.describeInstance " + x.id()));
      estate.vSwitchesIn(vpc.id()).forEach(v -> inVpc.add("vpc.describeVSwitch " + v.id()));
      assertThat(loaded.calls()).as("estate %d", i).doesNotContainAnyElementsOf(inVpc);

      Report full = doctor(estate, service);
      Report part = doctor(loaded.inventory(), service);
      assertThat(part.pathResults()).as("estate %d", i).isEqualTo(full.pathResults());
      assertThat(aboutServices(part)).as("estate %d", i).isEqualTo(aboutServices(full));
    }
    assertThat(beyond).as("targets in another VPC than the service's").isGreaterThan(20);
    assertThat(ghosts).as("intents naming instances the cloud does not hold").isGreaterThan(20);
  }

  @Test
  void theRegionIsTheWholeEstateWithItsServicesAndItsRegion() {
    SplittableRandom r = new SplittableRandom(1417);
    for (int i = 0; i < ESTATES; i++) {
      Inventory estate = Inventory.builder().from(EstateGenerator.estate(r)).regionId(REGION).build();
      Snapshot.Builder source = Snapshot.builder().inventory(estate);
      int n = r.nextInt(0, 4);
      for (int s = 0; s < n; s++) {
        Vpc vpc = estate.vpcs().get(r.nextInt(estate.vpcs().size()));
        ServiceSpec spec = serviceIn(r, estate, vpc.id(), "svc");
        ServiceNetworking net = spec.networking().orElseThrow();
        String json = ServiceJsonGenerator.valid(r, vpc.id(), net.vSwitchId().orElseThrow(),
            net.securityGroupId().orElseThrow()).replaceFirst("\"name\":\"[A-Za-z0-9_]*\"", "\"name\":\"svc_" + s + "\"");
        source.addService(ServiceDocument.parse(json, "generated"));
      }
      FakeCloud fake = FakeCloud.builder().regionId(REGION).build().load(source.build());
      Snapshot reference = fake.snapshot();
      CallStatistics stats = CallStatistics.create();
      Snapshot loaded;
      try (InventoryLoader loader = InventoryLoader.builder().port(fake).listener(stats).parallelism(3).build()) {
        loaded = loader.loadSnapshot(Question.region());
      }
      assertThat(InventoryAssert.sortedById(loaded.inventory())).as("estate %d", i)
          .isEqualTo(InventoryAssert.sortedById(reference.inventory()));
      assertThat(loaded.inventory().regionId()).contains(REGION);
      assertThat(loaded.services()).as("estate %d", i).hasSize(n)
          .containsExactlyInAnyOrderElementsOf(reference.services());
      // one list of VPCs, resource groups, services and the region's EIPs (bound or not); per VPC one list of each
      // kind; per NAT its SNAT entries; one describe per security group (its rules): nothing else
      int vpcs = estate.vpcs().size();
      int nats = estate.natGateways().size();
      assertThat(stats.count("vpc:DescribeVpcs")).isEqualTo(1);
      assertThat(stats.count("eas:ListServices")).isEqualTo(1);
      assertThat(stats.count("ecs:DescribeSecurityGroupAttribute")).isEqualTo(estate.securityGroups().size());
      assertThat(stats.total()).as("estate %d: %s", i, stats)
          .isEqualTo(4 + 7L * vpcs + nats + estate.securityGroups().size());
      assertThat(stats.count("vpc:DescribeEipAddresses")).as("the region's EIPs, listed once").isEqualTo(1);

      List<ServiceSpec> specs = reference.services().stream().map(ServiceDocument::spec).toList();
      Report fromFile = lint(reference.inventory(), specs);
      Report fromCloud = lint(loaded.inventory(), specs);
      assertThat(located(fromCloud)).as("estate %d", i).isEqualTo(located(fromFile));
      assertThat(fromCloud.pathResults()).as("estate %d", i).isEqualTo(fromFile.pathResults());
      assertThat(fromCloud.capacity()).as("estate %d", i).isEqualTo(fromFile.capacity());
    }
  }

  // ------------------------------------------------------------------------------------------------ helpers

  /** A service with a complete block in {@code vpc}: one of its vSwitches and one of its groups. */
  private static ServiceSpec serviceIn(SplittableRandom r, Inventory estate, VpcId vpc, String name) {
    List<VSwitch> vsws = estate.vSwitchesIn(vpc);
    List<SecurityGroup> groups = estate.securityGroups().stream().filter(g -> g.vpcId().equals(vpc)).toList();
    return ServiceSpec.builder().name(name).networking(ServiceNetworking.of(vpc, vsws.get(r.nextInt(vsws.size())).id(),
        groups.get(r.nextInt(groups.size())).id())).build();
  }

  /** Every RDS, Redis and ECS target of {@code vpc} (of every VPC when null). */
  private static List<Target> targetsIn(Inventory estate, VpcId vpc) {
    List<Target> out = new ArrayList<>();
    estate.rdsInstances().stream().filter(x -> vpc == null || x.vpcId().equals(Optional.of(vpc)))
        .forEach(x -> out.add(Target.rds(x.id())));
    estate.redisInstances().stream().filter(x -> vpc == null || x.vpcId().equals(Optional.of(vpc)))
        .forEach(x -> out.add(Target.redis(x.id())));
    estate.ecsInstances().stream().filter(x -> vpc == null || x.vpcId().equals(vpc))
        .forEach(x -> out.add(Target.ecs(x.id(), 22)));
    return out;
  }

  private static VpcId vpcOf(Inventory estate, Target t) {
    String id = t.resourceId().orElseThrow().value();
    return estate.rdsInstances().stream().filter(x -> x.id().value().equals(id)).map(x -> x.vpcId().orElseThrow())
        .findFirst().or(() -> estate.redisInstances().stream().filter(x -> x.id().value().equals(id))
            .map(x -> x.vpcId().orElseThrow()).findFirst())
        .orElseGet(() -> estate.ecsInstances().stream().filter(x -> x.id().value().equals(id))
            .map(EcsInstance::vpcId).findFirst().orElseThrow());
  }

  private static List<SecurityGroupId> boundGroups(Inventory estate, Target t) {
    String id = t.resourceId().orElseThrow().value();
    return estate.rdsInstances().stream().filter(x -> x.id().value().equals(id))
        .map(RdsInstance::securityGroupIds).findFirst()
        .or(() -> estate.redisInstances().stream().filter(x -> x.id().value().equals(id))
            .map(RedisInstance::securityGroupIds).findFirst())
        .orElseGet(() -> estate.ecsInstances().stream().filter(x -> x.id().value().equals(id))
            .map(EcsInstance::securityGroupIds).findFirst().orElseThrow());
  }

  /** True when no internet NAT gateway of {@code vpc} has an EIP bound: the internet fix then binds or allocates one. */
  static boolean noInternetGatewayHasAnEip(Inventory estate, VpcId vpc) {
    return estate.natGatewaysIn(vpc).stream()
        .filter(n -> n.networkType() == NatGateway.NatNetworkType.INTERNET)
        .noneMatch(n -> estate.eips().stream().anyMatch(e -> e.instanceId().equals(Optional.of(n.id().value()))));
  }

  /** The calls of everything in one VPC, without the resource groups' list. */
  private static Set<String> everythingIn(Inventory estate, VpcId vpc) {
    Set<String> out = new LinkedHashSet<>();
    for (String list : List.of("vpc.describeVpc", "vpc.describeVSwitches", "ecs.describeSecurityGroups",
        "vpc.describeNatGateways", "vpc.describeRouteTables", "ecs.describeInstances", "rds.describeInstances",
        "redis.describeInstances")) {
      out.add(list + " " + vpc);
    }
    estate.securityGroups().stream().filter(g -> g.vpcId().equals(vpc))
        .forEach(g -> out.add("ecs.describeSecurityGroup " + g.id()));
    for (NatGateway n : estate.natGatewaysIn(vpc)) {
      out.add("vpc.describeSnatEntries " + n.id());
      out.add("vpc.describeEips " + n.id());
    }
    return out;
  }

  private static Report lint(Inventory inventory, List<ServiceSpec> specs) {
    NetworkCheck.Builder b = NetworkCheck.builder().inventory(inventory, "estate").clock(CLOCK);
    specs.forEach(s -> b.addService(ServiceInput.builder().spec(s).sourceName("services").build()));
    return b.build().run();
  }

  private static Report doctor(Inventory inventory, ServiceInput service) {
    return NetworkCheck.builder().inventory(inventory, "estate").clock(CLOCK).addService(service).build().run();
  }

  /**
   * The findings about the services analysed (those that name a service), which the question is about, locations
   * aside: a pointer into the estate indexes its lists, and a partial estate's lists are shorter.
   */
  private static List<String> aboutServices(Report report) {
    return report.findings().stream().filter(f -> f.serviceName().isPresent()).map(
        LoaderMinimalCallsProperties::withoutPointer).sorted().toList();
  }

  /** Every finding of the report, locations aside. */
  private static List<String> located(Report report) {
    return report.findings().stream().map(LoaderMinimalCallsProperties::withoutPointer).sorted().toList();
  }

  private static String withoutPointer(Finding f) {
    return String.join(" | ", f.ruleId(), f.severity().name(), f.serviceName().orElse(""), f.message(),
        f.didYouMean().orElse(""), f.remediation(), String.join(",", f.resourceIds()), String.join(",", f.intents()), f.fingerprint(),
        f.source().orElse(""));
  }

  /** What one load returned and the calls it made, as {@code "method argument"} in call order. */
  private record Loaded(Inventory inventory, List<String> calls) {
    Set<String> duplicates() {
      Set<String> seen = new HashSet<>();
      return calls.stream().filter(c -> !seen.add(c)).collect(Collectors.toSet());
    }
  }

  private static Loaded load(FakeCloud fake, Question question) {
    return load(fake, List.of(question));
  }

  private static Loaded load(FakeCloud fake, Collection<Question> questions) {
    RecordingPort port = new RecordingPort(fake);
    Inventory inv;
    try (InventoryLoader loader = InventoryLoader.builder().port(port).parallelism(3).build()) {
      inv = loader.load(questions);
    }
    return new Loaded(inv, List.copyOf(port.calls));
  }

  /** A port that records every method called on it with its argument, as {@code "method argument"}. */
  private static final class RecordingPort implements CloudPort {
    private final CloudPort delegate;
    private final ConcurrentLinkedQueue<String> calls;

    RecordingPort(CloudPort delegate) {
      this(delegate, new ConcurrentLinkedQueue<>());
    }

    private RecordingPort(CloudPort delegate, ConcurrentLinkedQueue<String> calls) {
      this.delegate = delegate;
      this.calls = calls;
    }

    private <T> T recording(Class<T> api, T target) {
      String product = api.getSimpleName().replace("Api", "").toLowerCase(java.util.Locale.ROOT);
      InvocationHandler h = (proxy, method, args) -> {
        calls.add(product + "." + method.getName() + (args == null ? "" : " " + Arrays.stream(args).map(String::valueOf)
            .collect(Collectors.joining(" "))));
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
      return new RecordingPort(delegate.withRequestListener(listener), calls);
    }
  }
}
