package io.easnet.core.analysis;

import io.easnet.core.analysis.CapacityReport.ServiceDemand;
import io.easnet.core.analysis.Target.InternetTarget;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import io.easnet.core.analysis.CapacityReport.VSwitchCapacity;
import static io.easnet.core.analysis.Estates.good;
import static org.assertj.core.api.Assertions.assertThat;

import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.NatGateway.NatNetworkType;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.Vpc;
import io.easnet.core.resolve.EffectiveNetwork;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** Every code has a crafted estate that produces it; the working estate produces none. */
class ExplanationCodeTest {
  private static final Target RDS = Target.rds(RdsInstanceId.of("rm-1"));
  private static final EcsInstanceId CLIENT = EcsInstanceId.of("i-client");

  private static List<ExplanationCode> rds(Inventory inv, EffectiveNetwork net) {
    return PathAnalyzer.of(inv).privateTarget(net, RDS).codes();
  }

  private static List<ExplanationCode> internet(Inventory inv, EffectiveNetwork net) {
    return PathAnalyzer.of(inv).internet(net,
        InternetTarget.any(443).withAllowlist(List.of(Cidr.parse("47.0.0.1")))).codes();
  }

  private static Inventory groups(Estates.GroupChange change) {
    return good().securityGroups(change.groups()).build();
  }

  /** Per code, the query whose codes are checked: it maps an estate and the service's network to codes. */
  private static Map<ExplanationCode, BiFunction<Inventory, EffectiveNetwork, List<ExplanationCode>>> queries() {
    Map<ExplanationCode, BiFunction<Inventory, EffectiveNetwork, List<ExplanationCode>>> q = new EnumMap<>(ExplanationCode.class);
    BiFunction<Inventory, EffectiveNetwork, List<ExplanationCode>> rds = ExplanationCodeTest::rds;
    BiFunction<Inventory, EffectiveNetwork, List<ExplanationCode>> ecs =
        (inv, net) -> PathAnalyzer.of(inv).privateTarget(net, Target.ecs(EcsInstanceId.of("i-db"), 5432)).codes();
    q.put(ExplanationCode.VPC_NONE, rds);
    q.put(ExplanationCode.VPC_MISMATCH, rds);
    q.put(ExplanationCode.VSWITCH_NOT_FOUND, rds);
    q.put(ExplanationCode.VSWITCH_NOT_IN_VPC, rds);
    q.put(ExplanationCode.SECURITY_GROUP_NOT_FOUND, rds);
    q.put(ExplanationCode.SECURITY_GROUP_NOT_IN_VPC, rds);
    q.put(ExplanationCode.SG_EGRESS_DENIES, rds);
    q.put(ExplanationCode.SG_INGRESS_DENIES, ecs);
    q.put(ExplanationCode.PREFIX_LIST_UNKNOWN, ecs);
    q.put(ExplanationCode.TARGET_NOT_FOUND, rds);
    q.put(ExplanationCode.TARGET_ADDRESS_UNKNOWN, rds);
    q.put(ExplanationCode.TARGET_ALLOWLIST_MISSING_SOURCE, rds);
    q.put(ExplanationCode.TARGET_ALLOWLIST_SINGLE_INSTANCE_IP, rds);
    q.put(ExplanationCode.CLIENT_NOT_FOUND,
        (inv, net) -> PathAnalyzer.of(inv).clientToService(CLIENT, net, 8000).codes());
    for (ExplanationCode c : List.of(ExplanationCode.NAT_MISSING, ExplanationCode.NAT_NOT_INTERNET,
        ExplanationCode.NAT_NOT_AVAILABLE, ExplanationCode.NAT_NO_EIP, ExplanationCode.SNAT_NO_ENTRY_FOR_SOURCE,
        ExplanationCode.SNAT_PARTIAL_COVERAGE, ExplanationCode.SNAT_ENTRY_NOT_AVAILABLE,
        ExplanationCode.ROUTE_TABLE_NOT_FOUND, ExplanationCode.ROUTE_NO_NAT,
        ExplanationCode.EXTERNAL_ALLOWLIST_MISSING_EIP)) {
      q.put(c, ExplanationCodeTest::internet);
    }
    q.put(ExplanationCode.RESOURCE_GROUP_UNKNOWN, rds);
    q.put(ExplanationCode.DLINK_DESTINATION_OUTSIDE_RETURN_ROUTES, rds);
    q.put(ExplanationCode.DLINK_ROUTE_VSWITCH_NOT_FOUND, rds);
    q.put(ExplanationCode.DLINK_CLIENT_OUTSIDE_RETURN_ROUTES,
        (inv, net) -> PathAnalyzer.of(inv).clientToService(CLIENT, net, 8000).codes());
    q.put(ExplanationCode.SERVICE_CLIENT_OUTSIDE_DESTINATION_CIDRS,
        (inv, net) -> PathAnalyzer.of(inv).clientToService(CLIENT, net, 8000).codes());
    q.put(ExplanationCode.VSWITCH_IP_EXHAUSTED_AT_SCALE, (inv, net) -> CapacityAnalyzer.of(inv).analyze(List.of(
            ServiceDemand.of(ServiceSpec.builder().name("svc").instanceCount(150).build(), net)))
        .explanations().stream().map(Explanation::code).toList());
    return q;
  }

  private static Map<ExplanationCode, Inventory> brokenEstates() {
    Map<ExplanationCode, Inventory> b = new EnumMap<>(ExplanationCode.class);
    Vpc.Builder vpcB = Vpc.builder().id("vpc-b").cidrBlock("10.0.0.0/16");
    b.put(ExplanationCode.VPC_NONE, good().build());
    b.put(ExplanationCode.VPC_MISMATCH, good().addVpc(vpcB)
        .rdsInstances(List.of(Estates.rds().vpcId("vpc-b").privateIp("10.0.0.5").build())).build());
    b.put(ExplanationCode.VSWITCH_NOT_FOUND, good().vSwitches(List.of(Estates.vswB().build(),
        Estates.vswDb().build())).build());
    b.put(ExplanationCode.VSWITCH_NOT_IN_VPC, good().addVpc(vpcB).vSwitches(List.of(Estates.vswB().build(),
        Estates.vswA().vpcId("vpc-b").cidrBlock("10.0.1.0/24").build(), Estates.vswDb().build())).build());
    b.put(ExplanationCode.SECURITY_GROUP_NOT_FOUND, good().securityGroups(List.of(Estates.sgDb().build(),
        Estates.sgClient().build())).build());
    b.put(ExplanationCode.SECURITY_GROUP_NOT_IN_VPC, groups(() -> List.of(Estates.sgEas().vpcId("vpc-b").build(),
        Estates.sgDb().build(), Estates.sgClient().build())));
    b.put(ExplanationCode.SG_EGRESS_DENIES, groups(() -> List.of(
        Estates.sgEas().addRule(SecurityGroupRule.egress().tcp(3306).peer("192.168.10.0/24").drop().priority(2))
            .build(),
        Estates.sgDb().build(), Estates.sgClient().build())));
    b.put(ExplanationCode.SG_INGRESS_DENIES, groups(() -> List.of(Estates.sgEas().build(),
        Estates.sgDb().rules(List.of()).build(), Estates.sgClient().build())));
    b.put(ExplanationCode.PREFIX_LIST_UNKNOWN, groups(() -> List.of(Estates.sgEas().build(),
        Estates.sgDb().rules(List.of(SecurityGroupRule.ingress().tcp(5432).peer("pl-x").build())).build(),
        Estates.sgClient().build())));
    b.put(ExplanationCode.TARGET_NOT_FOUND, good().rdsInstances(List.of()).build());
    b.put(ExplanationCode.TARGET_ADDRESS_UNKNOWN, good().rdsInstances(List.of(RdsInstance.builder().id("rm-1")
        .vpcId("vpc-a").addAllowlist(AllowlistGroup.builder().name("default").addEntry("192.168.0.0/16"))
        .build())).build());
    b.put(ExplanationCode.TARGET_ALLOWLIST_MISSING_SOURCE, good().rdsInstances(List.of(Estates.rds()
        .allowlists(List.of(AllowlistGroup.builder().name("default").addEntry("127.0.0.1").build())).build()))
        .build());
    b.put(ExplanationCode.TARGET_ALLOWLIST_SINGLE_INSTANCE_IP, good().rdsInstances(List.of(Estates.rds()
        .allowlists(List.of(AllowlistGroup.builder().name("default").addEntry("192.168.1.7")
            .addEntry("192.168.2.9").build())).build())).build());
    b.put(ExplanationCode.CLIENT_NOT_FOUND, good().ecsInstances(List.of(Estates.ecsDb().build())).build());
    b.put(ExplanationCode.NAT_MISSING, good().natGateways(List.of()).build());
    b.put(ExplanationCode.NAT_NOT_INTERNET, good().natGateways(List.of(Estates.nat()
        .networkType(NatNetworkType.INTRANET).build())).build());
    b.put(ExplanationCode.NAT_NOT_AVAILABLE, good().natGateways(List.of(Estates.nat().status("Creating").build()))
        .build());
    b.put(ExplanationCode.NAT_NO_EIP, good().natGateways(List.of(Estates.nat().eipIds(List.of()).build())).build());
    b.put(ExplanationCode.SNAT_NO_ENTRY_FOR_SOURCE, good().snatEntries(List.of()).build());
    b.put(ExplanationCode.SNAT_PARTIAL_COVERAGE, good().snatEntries(List.of(Estates.snatA().sourceVSwitchId("vsw-b")
        .build(), Estates.snatVpc().sourceCidr(Cidr.parse("192.168.1.0/26")).build())).build());
    b.put(ExplanationCode.SNAT_ENTRY_NOT_AVAILABLE, good().snatEntries(List.of(Estates.snatA().status("Deleting")
        .build(), Estates.snatVpc().build())).build());
    b.put(ExplanationCode.ROUTE_TABLE_NOT_FOUND, good().routeTables(List.of()).build());
    b.put(ExplanationCode.ROUTE_NO_NAT, good().routeTables(List.of(Estates.routes().entries(List.of()).build()))
        .build());
    b.put(ExplanationCode.EXTERNAL_ALLOWLIST_MISSING_EIP, good().eips(List.of()).snatEntries(List.of(
        Estates.snatA().snatIps(List.of(IpAddress.parse("47.0.0.2"))).build(), Estates.snatVpc().build())).build());
    b.put(ExplanationCode.RESOURCE_GROUP_UNKNOWN, good().build());
    b.put(ExplanationCode.DLINK_DESTINATION_OUTSIDE_RETURN_ROUTES, good().addResourceGroup(Estates.group()).build());
    b.put(ExplanationCode.DLINK_CLIENT_OUTSIDE_RETURN_ROUTES, good().addResourceGroup(Estates.group()).build());
    b.put(ExplanationCode.SERVICE_CLIENT_OUTSIDE_DESTINATION_CIDRS, good().build());
    b.put(ExplanationCode.DLINK_ROUTE_VSWITCH_NOT_FOUND,
        good().addResourceGroup(Estates.group("vsw-gone")).build());
    b.put(ExplanationCode.VSWITCH_IP_EXHAUSTED_AT_SCALE, good().vSwitches(List.of(
        Estates.vswA().availableIpAddressCount(100).build(), Estates.vswB().build(), Estates.vswDb().build()))
        .build());
    return b;
  }

  @Test
  void everyCodeHasADistinctDescription() {
    Set<String> seen = new HashSet<>();
    for (ExplanationCode c : ExplanationCode.values()) {
      assertThat(c.description()).as(c.name()).isNotBlank().endsWith(".");
      assertThat(seen.add(c.description())).as(c.name()).isTrue();
    }
  }

  @Test
  void everyCodeIsProducedByABrokenEstateAndNotByTheWorkingOne() {
    Map<ExplanationCode, BiFunction<Inventory, EffectiveNetwork, List<ExplanationCode>>> queries = queries();
    Map<ExplanationCode, Inventory> broken = brokenEstates();
    assertThat(queries.keySet()).containsExactlyInAnyOrder(ExplanationCode.values());
    assertThat(broken.keySet()).containsExactlyInAnyOrder(ExplanationCode.values());
    Inventory working = good().vSwitches(List.of(Estates.vswA().build(), Estates.vswB().build(),
        Estates.vswDb().build())).build();
    for (ExplanationCode c : ExplanationCode.values()) {
      assertThat(queries.get(c).apply(broken.get(c), network(c))).as("broken estate for " + c).contains(c);
      assertThat(queries.get(c).apply(working, Estates.service())).as("working estate for " + c)
          .doesNotContain(c);
    }
  }

  /** The service's network under which the broken estate of {@code c} shows it. */
  private static EffectiveNetwork network(ExplanationCode c) {
    return switch (c) {
      case VPC_NONE -> Estates.none();
      case RESOURCE_GROUP_UNKNOWN -> Estates.unknownGroup();
      case DLINK_DESTINATION_OUTSIDE_RETURN_ROUTES, DLINK_CLIENT_OUTSIDE_RETURN_ROUTES -> Estates.groupNetwork();
      case DLINK_ROUTE_VSWITCH_NOT_FOUND -> Estates.groupNetwork("vsw-gone");
      // the service's own block routes replies to 172.16.0.0/12 only: the client is outside it and its vSwitch
      case SERVICE_CLIENT_OUTSIDE_DESTINATION_CIDRS -> EffectiveNetwork.builder().from(Estates.service())
          .addDestinationCidrs(io.easnet.core.model.Cidr.parse("172.16.0.0/12")).build();
      default -> Estates.service();
    };
  }

  /** Every explanation of every broken estate, whatever the query: the explanations a code shows up in. */
  private static List<Explanation> explanationsOf(ExplanationCode c) {
    List<Explanation> all = new java.util.ArrayList<>(explanationsOf(c, brokenEstates().get(c)));
    if (c == ExplanationCode.VSWITCH_NOT_IN_VPC) {
      // the vSwitch and the group are both in vpc-b while vpc_id says vpc-a: setting vpc_id fixes it
      all.addAll(explanationsOf(c, good().addVpc(Vpc.builder().id("vpc-b").cidrBlock("10.0.0.0/16"))
          .vSwitches(List.of(Estates.vswA().vpcId("vpc-b").cidrBlock("10.0.1.0/24").build(),
              Estates.vswB().vpcId("vpc-b").cidrBlock("10.0.2.0/24").build(), Estates.vswDb().build()))
          .securityGroups(List.of(Estates.sgEas().vpcId("vpc-b").build(), Estates.sgDb().build(),
              Estates.sgClient().build())).build()));
    }
    return all;
  }

  private static List<Explanation> explanationsOf(ExplanationCode c, Inventory inv) {
    EffectiveNetwork net = network(c);
    PathAnalyzer a = PathAnalyzer.of(inv);
    List<Explanation> all = new java.util.ArrayList<>();
    all.addAll(a.privateTarget(net, RDS).explanations());
    all.addAll(a.privateTarget(net, Target.ecs(EcsInstanceId.of("i-db"), 5432)).explanations());
    all.addAll(a.internet(net, InternetTarget.any(443).withAllowlist(List.of(Cidr.parse("47.0.0.1"))))
        .explanations());
    all.addAll(a.clientToService(CLIENT, net, 8000).explanations());
    all.addAll(CapacityAnalyzer.of(inv).analyze(List.of(ServiceDemand.of(ServiceSpec.builder().name("svc")
        .instanceCount(250).build(), net))).explanations());
    return all.stream().filter(e -> e.code() == c).toList();
  }

  @Test
  void everyExplanationAChangeCanFixCarriesARemedyOfItsCodesKindsAndTheOthersCarryAdvice() {
    for (ExplanationCode c : ExplanationCode.values()) {
      List<Explanation> found = explanationsOf(c);
      assertThat(found).as("explanations of " + c).isNotEmpty();
      for (Explanation e : found) {
        assertThat(e.fix()).as("fix of " + e).isNotBlank();
        if (e.remedy().isPresent()) {
          assertThat(c.remedies()).as("remedy kinds of " + c).contains(e.remedy().get().getClass());
          assertThat(e.fix()).as("fix of " + e).startsWith(e.remedy().get().describe());
        } else {
          // no single change fixes it here (a decision, a wait, a fact): the explanation says what to do
          assertThat(e.advice()).as("advice of " + e).isPresent();
        }
      }
      if (!c.remedies().isEmpty()) {
        assertThat(found).as("a remedy for " + c).anySatisfy(e -> assertThat(e.remedy()).isPresent());
      } else {
        assertThat(found).as("no remedy for " + c).allSatisfy(e -> assertThat(e.remedy()).isEmpty());
      }
    }
  }

  @Test
  void capacityOfTheWorkingEstateFitsSmallServices() {
    CapacityReport r = CapacityAnalyzer.of(good().build()).analyze(List.of(ServiceDemand.of(
        ServiceSpec.builder().name("svc").instanceCount(4).build(), Estates.service())));
    assertThat(r.explanations()).isEmpty();
    assertThat(r.vSwitches()).extracting(VSwitchCapacity::vSwitchId).extracting(Object::toString)
        .containsExactly("vsw-a");
  }
}
