package io.easnet.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.easnet.core.InvalidInputException;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.Eip;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.NatGateway.NatNetworkType;
import io.easnet.core.model.SecurityGroupRule.Policy;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.RouteTable.RouteEntry;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.SecurityGroupRule.RulePeer;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.Vpc;
import io.easnet.core.resolve.EffectiveNetwork;
import io.easnet.core.resolve.NetworkResolver;
import io.easnet.core.resolve.EffectiveNetwork.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotJsonTest {

  /** An estate that sets every field of every model type at least once. */
  static Inventory richEstate() {
    NatGatewayId nat = NatGatewayId.of("ngw-nat1");
    return Inventory.builder()
        .regionId("cn-hangzhou")
        .addVpc(Vpc.builder().id("vpc-a").name("prod").regionId("cn-hangzhou").cidrBlock("192.168.0.0/16")
            .addSecondaryCidrBlock("10.10.0.0/16").ipv6CidrBlock(Cidr.parse("2408:4005:3ab::/56"))
            .putTag("env", "prod"))
        .addVpc(Vpc.builder().id("vpc-b").cidrBlock("172.16.0.0/12"))
        .addVSwitch(VSwitch.builder().id("vsw-eas").vpcId("vpc-a").name("eas").zoneId("cn-hangzhou-h")
            .cidrBlock("192.168.1.0/24").ipv6CidrBlock(Cidr.parse("2408:4005:3ab:1::/64")).routeTableId("vtb-custom")
            .addReservedCidrBlock("192.168.1.240/28").availableIpAddressCount(17).putTag("tier", "eas"))
        .addVSwitch(VSwitch.builder().id("vsw-data").vpcId("vpc-a").cidrBlock("192.168.2.0/24"))
        .addSecurityGroup(SecurityGroup.builder().id("sg-eas").vpcId("vpc-a").name("eas")
            .type(SecurityGroupType.ENTERPRISE).innerAccessPolicy(Policy.DROP)
            .addRule(SecurityGroupRule.egress().tcp(3306).peer("192.168.2.0/24").priority(5).ruleId("sgr-1")
                .description("to RDS"))
            .addRule(SecurityGroupRule.egress().protocol(Protocol.UDP).ports("53/53").peer("sg-data").drop())
            .addRule(SecurityGroupRule.ingress().protocol(Protocol.ICMP).peer("pl-office").priority(100))
            .addRule(SecurityGroupRule.ingress().protocol(Protocol.ALL).peer(RulePeer.cidr("::/0")).drop())
            .addRule(SecurityGroupRule.egress().protocol(Protocol.GRE).peer("10.0.0.0/8"))
            .addRule(SecurityGroupRule.egress().protocol(Protocol.ICMPV6).peer("2001:db8::/32"))
            .putTag("env", "prod"))
        .addSecurityGroup(SecurityGroup.builder().id("sg-data").vpcId("vpc-a"))
        .addNatGateway(NatGateway.builder().id("ngw-nat1").vpcId("vpc-a").vSwitchId("vsw-data").name("egress")
            .networkType(NatNetworkType.INTERNET).status("Available").addEipId("eip-1").addEipId("eip-2")
            .addSnatTableId("stb-1").putTag("cost", "shared"))
        .addNatGateway(NatGateway.builder().id("ngw-vpcnat").vpcId("vpc-b").networkType(NatNetworkType.INTRANET)
            .status("Creating"))
        .addSnatEntry(SnatEntry.builder().id("snat-1").snatTableId("stb-1").natGatewayId("ngw-nat1")
            .sourceVSwitchId("vsw-eas").addSnatIp("47.96.1.1").addSnatIp("47.96.1.2").name("eas"))
        .addSnatEntry(SnatEntry.builder().id("snat-2").snatTableId("stb-1").natGatewayId("ngw-nat1")
            .sourceCidr("192.168.2.0/24").addSnatIp("47.96.1.1").status("Pending"))
        .addEip(Eip.builder().id("eip-1").ipAddress("47.96.1.1").instanceId("ngw-nat1").instanceType("Nat")
            .name("one"))
        .addEip(Eip.builder().id("eip-2").ipAddress("47.96.1.2").status("Available"))
        .addRouteTable(RouteTable.builder().id("vtb-sys").vpcId("vpc-a")
            .addEntry(RouteEntry.toNat("0.0.0.0/0", nat)))
        .addRouteTable(RouteTable.builder().id("vtb-custom").vpcId("vpc-a").type(RouteTable.Type.CUSTOM)
            .addEntry(RouteEntry.toNat("0.0.0.0/0", nat))
            .addEntry(RouteEntry.builder().destination("10.0.0.0/8").nextHopType("Instance").nextHopId("i-gw")
                .build()))
        .addEcsInstance(EcsInstance.builder().id("i-client").vpcId("vpc-a").vSwitchId("vsw-data").name("client")
            .addPrivateIp("192.168.2.20").addPrivateIp("192.168.2.21").publicIp(IpAddress.parse("47.97.0.9"))
            .addSecurityGroupId("sg-data").putTag("env", "prod"))
        .addRdsInstance(RdsInstance.builder().id("rm-db").name("mysql").vpcId("vpc-a").vSwitchId("vsw-data")
            .privateIp("192.168.2.30").port(3307)
            .addAllowlist(AllowlistGroup.builder().name("default").addEntry("127.0.0.1"))
            .addAllowlist(AllowlistGroup.builder().name("eas").addEntry("192.168.1.0/24").addEntry("10.1.2.3/24"))
            .addAllowlist(AllowlistGroup.builder().name("hidden_dts").addEntry("100.104.0.0/16").hidden(true))
            .addSecurityGroupId("sg-data"))
        .addRdsInstance(RdsInstance.builder().id("pgm-pg"))
        .addRedisInstance(RedisInstance.builder().id("r-cache").name("cache").vpcId("vpc-a").vSwitchId("vsw-data")
            .privateIp("192.168.2.40").addAllowlist(AllowlistGroup.builder().name("default").addEntry("0.0.0.0/0"))
            .addSecurityGroupId("sg-data"))
        .addResourceGroup(ResourceGroup.builder().id("eas-r-prod").name("prod-gpu")
            .dlink(DLink.builder().vpcId("vpc-a").vSwitchId("vsw-eas").securityGroupId("sg-eas")
                .addAuxVSwitchId("vsw-data").addDestinationCidr("172.16.0.0/16")))
        .addResourceGroup(ResourceGroup.builder().id("eas-r-plain"))
        .build();
  }

  @Test
  void writeThenReadGivesAnEqualInventoryForARichEstate() {
    Inventory inventory = richEstate();
    ServiceDocument service = ServiceDocument.parse(JsonTestSupport.resource("service/full-unmodelled.json"), "f")
        .withNetworking(ServiceNetworking.of("vpc-a", "vsw-eas", "sg-eas"));
    Snapshot snapshot = Snapshot.builder().inventory(inventory).addService(service).build();

    Snapshot back = SnapshotJson.parse(SnapshotJson.toJson(snapshot), "snap.json");

    assertThat(back.inventory()).isEqualTo(inventory);
    assertThat(back.services()).containsExactly(service);
    assertThat(back).isEqualTo(snapshot);
    assertThat(back.service("llm_chat_prod")).hasValue(service);
    assertThat(SnapshotJson.toJson(back)).isEqualTo(SnapshotJson.toJson(snapshot));
  }

  @Test
  void writeThenReadThroughAFile(@TempDir Path dir) {
    Snapshot snapshot = Snapshot.builder().inventory(richEstate()).build();
    Path file = dir.resolve("snapshot.json");

    SnapshotJson.write(snapshot, file);

    assertThat(SnapshotJson.read(file)).isEqualTo(snapshot);
  }

  @Test
  void theLayoutUsesTheDocumentedKeys() {
    String json = SnapshotJson.toJson(Snapshot.builder().inventory(richEstate()).build());

    assertThat(json).contains("\"schemaVersion\": 1", "\"regionId\": \"cn-hangzhou\"", "\"vSwitches\"",
        "\"secondaryCidrBlocks\"", "\"reservedCidrBlocks\"", "\"availableIpAddressCount\": 17",
        "\"type\": \"enterprise\"", "\"innerAccessPolicy\": \"drop\"", "\"direction\": \"egress\"",
        "\"protocol\": \"tcp\"", "\"portRange\": \"3306/3306\"", "\"peerCidr\": \"192.168.2.0/24\"",
        "\"peerGroupId\": \"sg-data\"", "\"peerPrefixListId\": \"pl-office\"", "\"policy\": \"drop\"",
        "\"priority\": 100", "\"networkType\": \"intranet\"", "\"sourceVSwitchId\": \"vsw-eas\"",
        "\"sourceCidr\": \"192.168.2.0/24\"", "\"snatIps\"", "\"nextHopType\": \"NatGateway\"",
        "\"type\": \"custom\"", "\"privateIps\"", "\"publicIp\": \"47.97.0.9\"", "\"allowlists\"",
        "\"entries\": [\n", "\"127.0.0.1\"", "\"10.1.2.0/24\"", "\"hidden\": true", "\"dlink\"",
        "\"auxVSwitchIds\"", "\"destinationCidrs\"");
  }

  @Test
  void theExampleSnapshotReadsAndDescribesTheUseCases() {
    Snapshot s = SnapshotJson.read(Path.of("..", "examples", "snapshot.json"));
    Inventory inv = s.inventory();

    assertThat(inv.vpcs()).hasSize(1);
    assertThat(inv.vSwitchesIn(inv.vpcs().get(0).id())).hasSize(2);
    VSwitch eas = inv.vSwitch(VSwitchId.of("vsw-bp17uo6xebcusy7c4k1wd")).orElseThrow();
    assertThat(inv.routeTableFor(eas).orElseThrow().longestMatch(Cidr.parse("8.8.8.8/32")).orElseThrow()
        .pointsTo(inv.natGateways().get(0).id())).isTrue();
    assertThat(inv.eipsOf(inv.natGateways().get(0))).extracting(e -> e.ipAddress().toString())
        .containsExactly("47.96.120.33");
    assertThat(inv.snatEntriesOf(inv.natGateways().get(0).id()).get(0).sourceVSwitchId()).hasValue(eas.id());
    assertThat(inv.rdsInstances().get(0).admits(eas.cidrBlock())).isTrue();
    assertThat(inv.redisInstances().get(0).admits(eas.cidrBlock())).isTrue();
    assertThat(inv.ecsInstances()).hasSize(1);
    assertThat(inv.resourceGroups().get(0).dlink()).isPresent();
    assertThat(s.services()).extracting(d -> d.spec().name()).containsExactly("chat_inference", "embedding_rg");
    assertThat(s.service("embedding_rg").orElseThrow().spec().resourceGroupId())
        .hasValue(inv.resourceGroups().get(0).id());
    assertThat(SnapshotJson.parse(SnapshotJson.toJson(s), "again")).isEqualTo(s);
  }

  @Test
  void theServiceExampleIsTheFirstServiceOfTheExampleSnapshot() {
    Snapshot s = SnapshotJson.read(Path.of("..", "examples", "snapshot.json"));

    assertThat(s.services().get(0)).isEqualTo(ServiceDocument.read(Path.of("..", "examples", "service-vpc.json")));
  }

  @Test
  void anEmptySnapshotNeedsOnlyTheVersion() {
    Snapshot s = SnapshotJson.parse("{\"schemaVersion\": 1}", null);

    assertThat(s.inventory()).isEqualTo(Inventory.empty());
    assertThat(s.services()).isEmpty();
    assertThat(SnapshotJson.toJson(s)).isEqualTo("{\n  \"schemaVersion\": 1\n}\n");
  }

  @Test
  void defaultsApplyWhenOmitted() {
    Snapshot s = SnapshotJson.parse("{\"schemaVersion\": 1, \"vpcs\": [{\"id\": \"vpc-a\", \"cidrBlock\":"
        + " \"10.0.0.0/8\"}], \"securityGroups\": [{\"id\": \"sg-a\", \"vpcId\": \"vpc-a\", \"rules\":"
        + " [{\"direction\": \"ingress\", \"peerCidr\": \"0.0.0.0/0\"}]}]}", null);

    SecurityGroup g = s.inventory().securityGroups().get(0);
    assertThat(g.type()).isEqualTo(SecurityGroupType.BASIC);
    assertThat(g.rules().get(0)).isEqualTo(SecurityGroupRule.ingress().peer("0.0.0.0/0").build());
  }

  // ---------------------------------------------------------------- errors

  private static AbstractThrowableAssert<?, ? extends Throwable> parsing(String json, String pointer) {
    return assertThatThrownBy(() -> SnapshotJson.parse(json, "snap.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("snap.json at " + (pointer.isEmpty() ? "/" : pointer) + ": ")
        .hasMessageContaining(" Fix: ")
        .satisfies(e -> assertThat(((InvalidInputException) e).pointer()).isEqualTo(pointer));
  }

  @Test
  void aMissingVersionIsRejected() {
    parsing("{\"vpcs\": []}", "/schemaVersion").hasMessageContaining("has no schemaVersion");
  }

  @Test
  void anUnsupportedVersionIsRejectedClearly() {
    parsing("{\"schemaVersion\": 2}", "/schemaVersion")
        .hasMessageContaining("schemaVersion 2 is not supported")
        .hasMessageContaining("reads snapshot schema version 1");
    parsing("{\"schemaVersion\": \"1\"}", "/schemaVersion").hasMessageContaining("is not supported");
  }

  @Test
  void anUnknownTopLevelKeySuggestsTheNearestOne() {
    parsing("{\"schemaVersion\": 1, \"vswitches\": []}", "/vswitches")
        .hasMessageContaining("unknown key \"vswitches\" (did you mean \"vSwitches\"?)");
  }

  @Test
  void anUnknownNestedKeySuggestsTheNearestOne() {
    parsing("{\"schemaVersion\": 1, \"securityGroups\": [{\"id\": \"sg-a\", \"vpcId\": \"vpc-a\", \"rules\":"
        + " [{\"direction\": \"ingress\", \"sourceCidr\": \"10.0.0.0/8\"}]}]}", "/securityGroups/0/rules/0/sourceCidr")
        .hasMessageContaining("unknown key \"sourceCidr\" (did you mean \"peerCidr\"?)")
        .hasMessageContaining("rename it to \"peerCidr\"");
    parsing("{\"schemaVersion\": 1, \"securityGroups\": [{\"id\": \"sg-a\", \"vpcId\": \"vpc-a\", \"rules\":"
        + " [{\"direction\": \"ingress\", \"sourceGroupId\": \"sg-b\"}]}]}", "/securityGroups/0/rules/0/sourceGroupId")
        .hasMessageContaining("did you mean \"peerGroupId\"?");
    parsing("{\"schemaVersion\": 1, \"vpcs\": [{\"id\": \"vpc-a\", \"cidrBlock\": \"10.0.0.0/8\", \"nmae\": \"x\"}]}",
        "/vpcs/0/nmae").hasMessageContaining("did you mean \"name\"?");
  }

  @Test
  void aKeyFarFromEveryKnownKeyGetsNoSuggestion() {
    parsing("{\"schemaVersion\": 1, \"completelyDifferent\": 1}", "/completelyDifferent")
        .hasMessageContaining("unknown key \"completelyDifferent\".")
        .hasMessageNotContaining("did you mean");
  }

  @Test
  void invalidCidrsAreNamed() {
    parsing("{\"schemaVersion\": 1, \"vpcs\": [{\"id\": \"vpc-a\", \"cidrBlock\": \"10.1.3/16\"}]}",
        "/vpcs/0/cidrBlock").hasMessageContaining("not an IPv4 address or CIDR block");
    parsing("{\"schemaVersion\": 1, \"vSwitches\": [{\"id\": \"vsw-a\", \"vpcId\": \"vpc-a\", \"cidrBlock\":"
        + " \"10.0.0.1/24\"}]}", "/vSwitches/0/cidrBlock").hasMessageContaining("host bits set");
  }

  @Test
  void modelChecksAreReportedAtTheObject() {
    parsing("{\"schemaVersion\": 1, \"vSwitches\": [{\"id\": \"vsw-a\", \"vpcId\": \"vpc-a\", \"cidrBlock\":"
        + " \"10.0.0.0/8\"}]}", "/vSwitches/0").hasMessageContaining("vSwitch masks are /16 to /29");
    parsing("{\"schemaVersion\": 1, \"snatEntries\": [{\"id\": \"snat-a\", \"snatTableId\": \"stb-a\","
        + " \"natGatewayId\": \"ngw-a\", \"snatIps\": [\"1.2.3.4\"]}]}", "/snatEntries/0")
        .hasMessageContaining("needs a source");
    parsing("{\"schemaVersion\": 1, \"securityGroups\": [{\"id\": \"sg-a\", \"vpcId\": \"vpc-a\", \"rules\":"
        + " [{\"direction\": \"ingress\", \"protocol\": \"icmp\", \"portRange\": \"22/22\", \"peerCidr\":"
        + " \"0.0.0.0/0\"}]}]}", "/securityGroups/0/rules/0").hasMessageContaining("must use port range -1/-1");
  }

  @Test
  void invalidIdsEnumsAndTypesAreNamed() {
    parsing("{\"schemaVersion\": 1, \"vSwitches\": [{\"id\": \"vsw-a\", \"vpcId\": \"sg-a\", \"cidrBlock\":"
        + " \"10.0.0.0/24\"}]}", "/vSwitches/0/vpcId").hasMessageContaining("is not a VPC id");
    parsing("{\"schemaVersion\": 1, \"securityGroups\": [{\"id\": \"sg-a\", \"vpcId\": \"vpc-a\", \"type\":"
        + " \"fancy\"}]}", "/securityGroups/0/type").hasMessageContaining("use normal (basic) or enterprise");
    parsing("{\"schemaVersion\": 1, \"securityGroups\": [{\"id\": \"sg-a\", \"vpcId\": \"vpc-a\", \"rules\":"
        + " [{\"direction\": \"ingress\", \"peerCidr\": \"0.0.0.0/0\", \"priority\": 0}]}]}",
        "/securityGroups/0/rules/0/priority").hasMessageContaining("outside 1 to 100");
    parsing("{\"schemaVersion\": 1, \"vSwitches\": [{\"id\": \"vsw-a\", \"vpcId\": \"vpc-a\", \"cidrBlock\":"
        + " \"10.0.0.0/24\", \"availableIpAddressCount\": \"many\"}]}", "/vSwitches/0/availableIpAddressCount")
        .hasMessageContaining("expected a whole number");
    parsing("{\"schemaVersion\": 1, \"eips\": {}}", "/eips").hasMessageContaining("expected an array");
    parsing("{\"schemaVersion\": 1, \"eips\": [{\"id\": \"eip-a\", \"ipAddress\": \"10.0.0.0/24\"}]}",
        "/eips/0/ipAddress").hasMessageContaining("not a single IP address");
  }

  @Test
  void aRuleNeedsExactlyOnePeer() {
    parsing("{\"schemaVersion\": 1, \"securityGroups\": [{\"id\": \"sg-a\", \"vpcId\": \"vpc-a\", \"rules\":"
        + " [{\"direction\": \"ingress\"}]}]}", "/securityGroups/0/rules/0").hasMessageContaining("no peer");
    parsing("{\"schemaVersion\": 1, \"securityGroups\": [{\"id\": \"sg-a\", \"vpcId\": \"vpc-a\", \"rules\":"
        + " [{\"direction\": \"ingress\", \"peerCidr\": \"0.0.0.0/0\", \"peerGroupId\": \"sg-b\"}]}]}",
        "/securityGroups/0/rules/0/peerGroupId").hasMessageContaining("more than one peer");
  }

  @Test
  void missingRequiredKeysAreNamed() {
    parsing("{\"schemaVersion\": 1, \"vpcs\": [{\"id\": \"vpc-a\"}]}", "/vpcs/0/cidrBlock")
        .hasMessageContaining("the required key \"cidrBlock\" is missing");
    parsing("{\"schemaVersion\": 1, \"vpcs\": [{\"cidrBlock\": \"10.0.0.0/8\"}]}", "/vpcs/0/id")
        .hasMessageContaining("the required key \"id\" is missing");
  }

  @Test
  void duplicateIdsNameBothPlaces() {
    parsing("{\"schemaVersion\": 1, \"vpcs\": [{\"id\": \"vpc-a\", \"cidrBlock\": \"10.0.0.0/8\"},"
        + " {\"id\": \"vpc-a\", \"cidrBlock\": \"10.0.0.0/8\"}]}", "/vpcs/1/id")
        .hasMessageContaining("a second VPC with id vpc-a (the first is at /vpcs/0/id)");
  }

  @Test
  void inventoryInvariantsAreReported() {
    parsing("{\"schemaVersion\": 1, \"routeTables\": [{\"id\": \"vtb-a\", \"vpcId\": \"vpc-a\"},"
        + " {\"id\": \"vtb-b\", \"vpcId\": \"vpc-a\"}]}", "").hasMessageContaining("two system route tables");
  }

  @Test
  void anInvalidServiceIsReportedWithItsPointerInTheSnapshot() {
    parsing("{\"schemaVersion\": 1, \"services\": [{\"metadata\": {\"name\": \"ok\"}},"
        + " {\"metadata\": {\"name\": \"bad\"}, \"cloud\": {\"networking\": {\"vswitch_id\": \"vpc-x\"}}}]}",
        "/services/1/cloud/networking/vswitch_id").hasMessageContaining("is not a vSwitch id");
  }

  @Test
  void servicesKeepUnknownKeysInsideTheSnapshot() {
    Snapshot s = SnapshotJson.parse("{\"schemaVersion\": 1, \"services\": [{\"metadata\": {\"name\": \"a\","
        + " \"shm_size\": 1.50}, \"features\": {\"x\": [1, 2]}}]}", "snap.json");

    assertThat(s.services().get(0).toJson()).contains("\"shm_size\": 1.50", "\"features\"");
    assertThat(s.services().get(0).source()).hasValue("snap.json");
  }

  @Test
  void theSchemaKeyIsAccepted() {
    assertThat(SnapshotJson.parse("{\"$schema\": \"x.json\", \"schemaVersion\": 1}", null).schemaVersion())
        .isEqualTo(1);
  }

  @Test
  void aMissingFileNamesThePath(@TempDir Path dir) {
    assertThatThrownBy(() -> SnapshotJson.read(dir.resolve("none.json")))
        .isInstanceOf(InvalidInputException.class)
        .asInstanceOf(type(InvalidInputException.class))
        .satisfies(e -> assertThat(e.source()).hasValue(dir.resolve("none.json").toString()));
  }

  @Test
  void aWrongVersionInTheBuilderIsRejected() {
    assertThatThrownBy(() -> Snapshot.builder().schemaVersion(2).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("schemaVersion 2 is not supported");
  }

  @Test
  void writtenFilesEndWithANewline(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("s.json");
    SnapshotJson.write(Snapshot.builder().build(), file);

    assertThat(Files.readString(file)).endsWith("}\n");
  }

  @Test
  void theExampleSnapshotResolvesBothServices() {
    Snapshot s = SnapshotJson.read(Path.of("..", "examples", "snapshot.json"));
    NetworkResolver resolver = NetworkResolver.create();

    EffectiveNetwork chat =
        resolver.resolve(s.service("chat_inference").orElseThrow().spec());
    ServiceDocument rgService = s.service("embedding_rg").orElseThrow();
    EffectiveNetwork embedding = resolver.resolve(rgService.spec(), s.inventory());

    assertThat(chat.provenance()).isEqualTo(Provenance.SERVICE);
    assertThat(embedding.provenance()).isEqualTo(Provenance.RESOURCE_GROUP);
    assertThat(embedding.vSwitchId()).isPresent().isEqualTo(chat.vSwitchId());
    assertThat(embedding.securityGroupId()).isEqualTo(chat.securityGroupId());
  }
}
