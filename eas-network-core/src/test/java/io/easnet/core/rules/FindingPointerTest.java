package io.easnet.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.easnet.core.analysis.EstateAnalysis.AnalysisInput;
import io.easnet.core.analysis.EstateAnalysis.ServiceInput;
import io.easnet.core.json.ServiceDocument;
import io.easnet.core.json.Snapshot;
import io.easnet.core.json.SnapshotJson;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.Eip;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.RouteTable.RouteEntry;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.Vpc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every finding's pointer is a real RFC 6901 pointer: resolved with Jackson's {@link JsonNode#at(String)} in the file
 * the finding names, it reaches an existing node, and for the snapshot that node holds the finding's resource.
 */
class FindingPointerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SNAPSHOT = "snapshot.json";

  // ------------------------------------------------------------------ the end-to-end snapshots

  @ParameterizedTest
  @ValueSource(strings = {"faq-allowlist", "faq-group-rules", "faq-wrong-vpc", "same-vpc-rds-redis", "ecs-direct",
      "ip-planning", "sg-isolation", "internet-nat", "internet-nat-incomplete"})
  void everyPointerIntoAnEndToEndCaseResolvesToItsResource(String name) throws Exception {
    Path dir = Path.of(FindingPointerTest.class.getResource("/e2e/" + name).toURI());
    Map<String, JsonNode> docs = new HashMap<>();
    String snapshotText = Files.readString(dir.resolve(SNAPSHOT));
    docs.put(SNAPSHOT, JSON.readTree(snapshotText));
    Inventory inventory = SnapshotJson.parse(snapshotText, SNAPSHOT).inventory();
    List<ServiceSpec> specs = new ArrayList<>();
    Map<String, String> sourceOf = new HashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith("service")).sorted().toList()) {
        String file = p.getFileName().toString();
        String text = Files.readString(p);
        docs.put(file, JSON.readTree(text));
        ServiceSpec spec = ServiceDocument.parse(text, file).spec();
        specs.add(spec);
        sourceOf.put(spec.name(), file);
      }
    }
    List<String> targets = new ArrayList<>();
    inventory.rdsInstances().forEach(r -> targets.add(r.id().value()));
    inventory.redisInstances().forEach(r -> targets.add(r.id().value()));
    int checked = 0;
    for (boolean intents : List.of(false, true)) {
      AnalysisInput.Builder in = AnalysisInput.builder().inventory(inventory).inventorySource(SNAPSHOT);
      for (ServiceSpec spec : specs) {
        ServiceInput.Builder s = ServiceInput.builder().spec(spec).sourceName(sourceOf.get(spec.name()));
        if (intents) {
          s.wantsInternetEgress(true);
          targets.forEach(s::addPrivateTarget);
        }
        in.addService(s);
      }
      List<Finding> findings = RuleCatalog.standard().run(in.build());
      findings.forEach(f -> assertResolves(f, docs, inventory, groups(specs)));
      checked += findings.size();
    }
    if (name.equals("ecs-direct") || name.equals("internet-nat")) {
      // healthy estates: their NAT gateway carries the SNAT entry of the EAS vSwitch, not idle (issue 17 item 1)
      assertThat(checked).as("findings in the healthy " + name).isZero();
    } else {
      assertThat(checked).as("findings checked in " + name).isPositive();
    }
  }

  // ------------------------------------------------------------------ an estate written by SnapshotJson

  @Test
  void everyPointerIntoAWrittenSnapshotResolvesToItsResource() throws Exception {
    AnalysisInput input = richEstate();
    List<Finding> findings = check(input);
    assertThat(findings).extracting(Finding::ruleId).contains("EASNET-006", "EASNET-008", "EASNET-010",
        "EASNET-012", "EASNET-013", "EASNET-014", "EASNET-015", "EASNET-016", "EASNET-017", "EASNET-018",
        "EASNET-019", "EASNET-020", "EASNET-024", "EASNET-025", "EASNET-026", "EASNET-027", "EASNET-028",
        "EASNET-029", "EASNET-030");
    assertThat(findings).filteredOn(f -> f.source().orElse("").equals(SNAPSHOT)).hasSizeGreaterThan(15);
  }

  @ParameterizedTest(name = "{0} about {1} at {2}:{3}")
  @CsvSource(delimiter = '|', textBlock = """
      EASNET-016 | rm-db     | snapshot.json | /rdsInstances/1/allowlists/1/entries/2
      EASNET-015 | rm-db     | snapshot.json | /rdsInstances/1/allowlists/1/entries/1
      EASNET-018 | rm-near   | snapshot.json | /rdsInstances/2/allowlists
      EASNET-017 | r-cache   | snapshot.json | /redisInstances/0/allowlists
      EASNET-012 | sg-open   | snapshot.json | /securityGroups/2/rules
      EASNET-013 | sg-ssh    | snapshot.json | /securityGroups/3/rules
      EASNET-024 | sg-ent    | snapshot.json | /securityGroups/4
      # the drop rule that decided, the second rule of sg-x
      EASNET-030 | sg-x      | snapshot.json | /securityGroups/5/rules/1
      # the enterprise group's default decided: the group
      EASNET-030 | sg-ent    | snapshot.json | /securityGroups/4
      EASNET-014 | sg-eas    | snapshot.json | /securityGroups/1
      EASNET-020 | ngw-idle  | snapshot.json | /natGateways/2
      EASNET-025 | vsw-t     | snapshot.json | /vSwitches/2/cidrBlock
      EASNET-026 | eas-r-aux | snapshot.json | /resourceGroups/1/dlink/auxVSwitchIds/1
      # a DLink's listed vSwitches are client vSwitches of the return route: a service's own values are its file's
      EASNET-008 | vsw-b1    | crossed.json  | /cloud/networking/vswitch_id
      EASNET-006 | vsw-zz    | lost.json     | /cloud/networking/vswitch_id
      EASNET-010 | vsw-s     | snapshot.json | /resourceGroups/2/dlink/vSwitchId
      # vsw-a1 is short at scale; its first user by name, aux-user, takes it from the resource group eas-r-aux
      EASNET-010 | vsw-a1    | snapshot.json | /resourceGroups/1/dlink/vSwitchId
      # eas-r-1's DLink writes no vpcId (it follows from the vSwitch): the DLink itself
      EASNET-028 | rm-first  | snapshot.json | /resourceGroups/0/dlink
      # a resource the snapshot lacks: the whole file
      EASNET-027 | rm-ghost1 | snapshot.json | ''
      EASNET-019 | vsw-b1    | fetcher.json  | /cloud/networking/vswitch_id
      EASNET-019 | ngw-b     | snapshot.json | /natGateways/0
      """)
  void snapshotPointersCountPositionsInTheLayoutOfSnapshotJson(String ruleId, String resourceId, String source,
      String pointer) {
    Finding f = richFindings().stream()
        .filter(x -> x.ruleId().equals(ruleId) && x.resourceIds().contains(resourceId))
        .findFirst().orElseThrow(() -> new AssertionError("no " + ruleId + " finding about " + resourceId));
    assertThat(f.source()).contains(source);
    assertThat(f.pointer()).isEqualTo(pointer);
  }

  @Test
  void pointersFollowTheResourcesWhenTheSnapshotIsReordered() throws Exception {
    AnalysisInput base = richEstate();
    Random random = new Random(20261126L);
    for (int i = 0; i < 8; i++) {
      AnalysisInput shuffled = FingerprintProperties.shuffle(base, random);
      List<Finding> findings = check(shuffled);
      assertThat(findings).extracting(Finding::fingerprint)
          .containsExactlyElementsOf(RuleCatalog.standard().run(base).stream().map(Finding::fingerprint).toList());
    }
  }

  /** Runs the catalogue, writes the snapshot and the services, and checks every pointer; returns the findings. */
  private static List<Finding> check(AnalysisInput input) throws Exception {
    Map<String, JsonNode> docs = new HashMap<>();
    String written = SnapshotJson.toJson(Snapshot.builder().inventory(input.inventory()).build());
    assertThat(SnapshotJson.parse(written, SNAPSHOT).inventory()).isEqualTo(input.inventory());
    docs.put(SNAPSHOT, JSON.readTree(written));
    for (ServiceInput s : input.services()) {
      docs.put(s.sourceName().orElseThrow(), JSON.readTree(ServiceDocument.from(s.spec()).toJson()));
    }
    List<Finding> findings = RuleCatalog.standard().run(input);
    Map<String, String> groups = groups(input.services().stream().map(ServiceInput::spec).toList());
    findings.forEach(f -> assertResolves(f, docs, input.inventory(), groups));
    return findings;
  }

  private static List<Finding> richFindings;

  private static synchronized List<Finding> richFindings() {
    if (richFindings == null) {
      richFindings = RuleCatalog.standard().run(richEstate());
    }
    return richFindings;
  }

  // ------------------------------------------------------------------ the check

  /**
   * The pointer reaches a node of the named document; in the snapshot, that node (or, for a part of a resource, the
   * nearest enclosing object with an {@code id}) is one of the finding's resources, or it is a field of the
   * resource group whose VPC connection the finding's service uses. The whole snapshot only for a resource the
   * inventory does not hold.
   */
  private static void assertResolves(Finding f, Map<String, JsonNode> docs, Inventory inventory,
      Map<String, String> groups) {
    String what = f.ruleId() + " at " + f.location() + " (" + f.message() + ")";
    assertThat(f.source()).as(what).isPresent();
    JsonNode doc = docs.get(f.source().get());
    assertThat(doc).as("the document of " + what).isNotNull();
    JsonNode node = doc.at(f.pointer());
    assertThat(node.isMissingNode()).as("pointer of " + what + " resolves").isFalse();
    if (!f.source().get().equals(SNAPSHOT) || f.resourceIds().isEmpty()) {
      return;
    }
    Set<String> ids = new HashSet<>(f.resourceIds());
    if (f.pointer().isEmpty()) {
      assertThat(idsOf(inventory)).as("the resource of " + what + " is missing from the inventory")
          .doesNotContain(f.resourceIds().get(0));
      return;
    }
    if (node.isTextual() && ids.contains(node.asText())) {
      return;
    }
    String p = f.pointer();
    while (!p.isEmpty()) {
      JsonNode n = doc.at(p);
      if (n.isObject() && n.has("id")) {
        String id = n.get("id").asText();
        if (!ids.contains(id) && p.matches("/resourceGroups/\\d+") && f.pointer().startsWith(p + "/dlink")) {
          assertThat(f.serviceName().map(groups::get)).as("the resource group of the service of " + what)
              .contains(id);
          return;
        }
        assertThat(ids).as("resources of " + what + " hold the id at " + p).contains(id);
        return;
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
    throw new AssertionError("no resource encloses the pointer of " + what);
  }

  /** The resource group of each service that names one. */
  private static Map<String, String> groups(List<ServiceSpec> specs) {
    Map<String, String> out = new HashMap<>();
    specs.forEach(s -> s.resourceGroupId().ifPresent(g -> out.put(s.name(), g.value())));
    return out;
  }

  private static Set<String> idsOf(Inventory inv) {
    Set<String> out = new HashSet<>();
    inv.vpcs().forEach(x -> out.add(x.id().value()));
    inv.vSwitches().forEach(x -> out.add(x.id().value()));
    inv.securityGroups().forEach(x -> out.add(x.id().value()));
    inv.natGateways().forEach(x -> out.add(x.id().value()));
    inv.ecsInstances().forEach(x -> out.add(x.id().value()));
    inv.rdsInstances().forEach(x -> out.add(x.id().value()));
    inv.redisInstances().forEach(x -> out.add(x.id().value()));
    inv.resourceGroups().forEach(x -> out.add(x.id().value()));
    return out;
  }

  // ------------------------------------------------------------------ the estate

  private static AllowlistGroup.Builder entries(String name, int n) {
    AllowlistGroup.Builder g = AllowlistGroup.builder().name(name);
    for (int i = 0; i < n; i++) {
      g.addEntry("10." + (i / 250) + "." + (i % 250) + ".1");
    }
    return g;
  }

  /**
   * Resources deliberately out of id order, so that positions and ids differ: vpc-b before vpc-a, the EAS vSwitch
   * last, the RDS instance with the bad allowlist second.
   */
  static AnalysisInput richEstate() {
    Inventory inv = Inventory.builder()
        .regionId("cn-hangzhou")
        .addVpc(Vpc.builder().id("vpc-b").cidrBlock("10.0.0.0/16"))
        .addVpc(Vpc.builder().id("vpc-a").cidrBlock("192.168.0.0/16"))
        .addVSwitch(VSwitch.builder().id("vsw-b1").vpcId("vpc-b").cidrBlock("10.0.1.0/24"))
        .addVSwitch(VSwitch.builder().id("vsw-a2").vpcId("vpc-a").cidrBlock("192.168.2.0/24"))
        .addVSwitch(VSwitch.builder().id("vsw-t").vpcId("vpc-a").cidrBlock("192.168.3.0/29"))
        .addVSwitch(VSwitch.builder().id("vsw-s").vpcId("vpc-a").cidrBlock("192.168.4.0/27"))
        .addVSwitch(VSwitch.builder().id("vsw-a1").vpcId("vpc-a").cidrBlock("192.168.1.0/24"))
        .addSecurityGroup(SecurityGroup.builder().id("sg-b").vpcId("vpc-b"))
        .addSecurityGroup(SecurityGroup.builder().id("sg-eas").vpcId("vpc-a").name("eas"))
        .addSecurityGroup(SecurityGroup.builder().id("sg-open").vpcId("vpc-a")
            .addRule(SecurityGroupRule.ingress().peer("0.0.0.0/1"))
            .addRule(SecurityGroupRule.ingress().peer("128.0.0.0/1")))
        .addSecurityGroup(SecurityGroup.builder().id("sg-ssh").vpcId("vpc-a")
            .addRule(SecurityGroupRule.ingress().tcp(443).peer("10.0.0.0/8"))
            .addRule(SecurityGroupRule.ingress().tcp(22).peer("0.0.0.0/0")))
        .addSecurityGroup(SecurityGroup.builder().id("sg-ent").vpcId("vpc-a").type(SecurityGroupType.ENTERPRISE)
            .addRule(SecurityGroupRule.ingress().tcp(8080).peer("192.168.0.0/16")))
        .addSecurityGroup(SecurityGroup.builder().id("sg-x").vpcId("vpc-a")
            .addRule(SecurityGroupRule.egress().tcp(443).peer("0.0.0.0/0"))
            .addRule(SecurityGroupRule.egress().tcp(3306).peer("192.168.2.0/24").drop()))
        .addNatGateway(NatGateway.builder().id("ngw-b").vpcId("vpc-b"))
        .addNatGateway(NatGateway.builder().id("ngw-a").vpcId("vpc-a").addEipId("eip-a").addSnatTableId("stb-a"))
        // an idle gateway: an EIP, no SNAT entry, no route to it (EASNET-020)
        .addNatGateway(NatGateway.builder().id("ngw-idle").vpcId("vpc-a").addEipId("eip-idle"))
        .addEip(Eip.builder().id("eip-a").ipAddress("47.96.1.1").instanceId("ngw-a").instanceType("Nat"))
        .addEip(Eip.builder().id("eip-idle").ipAddress("47.96.1.2").instanceId("ngw-idle").instanceType("Nat"))
        .addSnatEntry(SnatEntry.builder().id("snat-a").snatTableId("stb-a").natGatewayId("ngw-a")
            .sourceVSwitchId("vsw-a1").addSnatIp("47.96.1.1"))
        .addRouteTable(RouteTable.builder().id("vtb-a").vpcId("vpc-a")
            .addEntry(RouteEntry.toNat("0.0.0.0/0", NatGatewayId.of("ngw-a"))))
        .addEcsInstance(EcsInstance.builder().id("i-app").vpcId("vpc-a").vSwitchId("vsw-a2")
            .addPrivateIp("192.168.2.50"))
        .addRdsInstance(RdsInstance.builder().id("rm-first").vpcId("vpc-b").vSwitchId("vsw-b1"))
        .addRdsInstance(RdsInstance.builder().id("rm-db").vpcId("vpc-a").vSwitchId("vsw-a2")
            .privateIp("192.168.2.10")
            .addAllowlist(AllowlistGroup.builder().name("default").addEntry("192.168.1.0/24"))
            .addAllowlist(AllowlistGroup.builder().name("ops").addEntry("10.9.9.9").addEntry("192.168.1.23")
                .addEntry("0.0.0.0/0")))
        .addRdsInstance(RdsInstance.builder().id("rm-near").vpcId("vpc-a").vSwitchId("vsw-a2")
            .privateIp("192.168.2.11").addAllowlist(entries("big", 950)))
        .addRdsInstance(RdsInstance.builder().id("rm-miss").vpcId("vpc-a").vSwitchId("vsw-a2")
            .privateIp("192.168.2.20").addAllowlist(AllowlistGroup.builder().name("default").addEntry("127.0.0.1")))
        .addRedisInstance(RedisInstance.builder().id("r-cache").vpcId("vpc-a").vSwitchId("vsw-a2")
            .privateIp("192.168.2.30").addAllowlist(entries("huge", 1001)))
        .addResourceGroup(ResourceGroup.builder().id("eas-r-1")
            .dlink(DLink.builder().vSwitchId("vsw-a1").securityGroupId("sg-eas")))
        .addResourceGroup(ResourceGroup.builder().id("eas-r-aux")
            .dlink(DLink.builder().vpcId("vpc-a").vSwitchId("vsw-a1").securityGroupId("sg-eas")
                .addAuxVSwitchId("vsw-a2").addAuxVSwitchId("vsw-b1").addAuxVSwitchId("vsw-zz")))
        .addResourceGroup(ResourceGroup.builder().id("eas-r-big")
            .dlink(DLink.builder().vpcId("vpc-a").vSwitchId("vsw-s").securityGroupId("sg-eas")))
        .build();
    AnalysisInput.Builder in = AnalysisInput.builder().inventory(inv).inventorySource(SNAPSHOT);
    in.addService(ServiceInput.builder().sourceName("ranker-prod.json").spec(spec("ranker-prod")
            .networking(ServiceNetworking.of("vpc-a", "vsw-a1", "sg-eas")).instanceCount(240).build())
        .addPrivateTarget("rm-db").addPrivateTarget("rm-miss"));
    in.addService(service("ranker-dev", ServiceNetworking.of("vpc-a", "vsw-a1", "sg-eas")));
    in.addService(service("tiny-test", ServiceNetworking.of("vpc-a", "vsw-t", "sg-ent")).addPrivateTarget("rm-db"));
    in.addService(service("dropper", ServiceNetworking.of("vpc-a", "vsw-a1", "sg-x")).addPrivateTarget("rm-db"));
    in.addService(ServiceInput.builder().sourceName("aux-user.json")
        .spec(spec("aux-user").resourceGroupId("eas-r-aux").build()));
    in.addService(ServiceInput.builder().sourceName("rg-user.json")
            .spec(spec("rg-user").resourceGroupId("eas-r-1").build())
        .addPrivateTarget("rm-first"));
    in.addService(ServiceInput.builder().sourceName("batch.json")
        .spec(spec("batch").resourceGroupId("eas-r-big").instanceCount(30).build()));
    in.addService(service("fetcher", ServiceNetworking.of("vpc-b", "vsw-b1", "sg-b")).wantsInternetEgress(true));
    in.addService(service("ghost", ServiceNetworking.of("vpc-a", "vsw-a1", "sg-eas")).addPrivateTarget("rm-ghost1"));
    in.addService(service("lost", ServiceNetworking.of("vpc-a", "vsw-zz", "sg-eas")));
    in.addService(service("crossed", ServiceNetworking.of("vpc-a", "vsw-b1", "sg-eas")));
    in.addService(ServiceInput.builder().sourceName("half.json")
        .spec(spec("half").networking(ServiceNetworking.builder().vpcId("vpc-a")).build()));
    return in.build();
  }

  private static ServiceSpec.Builder spec(String name) {
    return ServiceSpec.builder().name(name).instanceCount(1);
  }

  private static ServiceInput.Builder service(String name, ServiceNetworking networking) {
    return ServiceInput.builder().sourceName(name + ".json").spec(spec(name).networking(networking).build());
  }
}
