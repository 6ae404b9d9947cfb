package io.easnet.core.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.InvalidInputException;
import io.easnet.core.internal.json.Cursor;
import io.easnet.core.internal.json.JsonTrees;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.AllowlistTarget;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.DLink;
import io.easnet.core.model.Direction;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.EcsInstanceId;
import io.easnet.core.model.Eip;
import io.easnet.core.model.EipAllocationId;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.NatGatewayId;
import io.easnet.core.model.NatNetworkType;
import io.easnet.core.model.Policy;
import io.easnet.core.model.PortRange;
import io.easnet.core.model.PrefixListId;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.RdsInstanceId;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.RedisInstanceId;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.ResourceGroupId;
import io.easnet.core.model.RouteEntry;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.RouteTableId;
import io.easnet.core.model.RulePeer;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SecurityGroupType;
import io.easnet.core.model.SnatEntry;
import io.easnet.core.model.SnatEntryId;
import io.easnet.core.model.SnatTableId;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.VSwitchId;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.VpcId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Reads and writes {@link Snapshot} files. The layout (camelCase keys; the JSON Schema
 * {@code io/easnet/core/json/snapshot-v1.schema.json} in this jar documents every key):
 *
 * <pre>
 * {
 *   "schemaVersion": 1,
 *   "regionId": "cn-hangzhou",
 *   "vpcs": [{"id", "name", "regionId", "cidrBlock", "secondaryCidrBlocks", "ipv6CidrBlock", "tags"}],
 *   "vSwitches": [{"id", "vpcId", "name", "zoneId", "cidrBlock", "ipv6CidrBlock", "routeTableId",
 *                  "reservedCidrBlocks", "availableIpAddressCount", "tags"}],
 *   "securityGroups": [{"id", "vpcId", "name", "type": "normal|enterprise", "innerAccessPolicy": "accept|drop",
 *                       "rules": [{"direction": "ingress|egress", "protocol": "tcp|udp|icmp|icmpv6|gre|all",
 *                                  "portRange": "22/22", "peerCidr" | "peerGroupId" | "peerPrefixListId",
 *                                  "policy": "accept|drop", "priority": 1, "ruleId", "description"}], "tags"}],
 *   "natGateways": [{"id", "vpcId", "vSwitchId", "name", "networkType": "internet|intranet", "status", "eipIds",
 *                    "snatTableIds", "tags"}],
 *   "snatEntries": [{"id", "snatTableId", "natGatewayId", "sourceVSwitchId" | "sourceCidr", "snatIps", "status",
 *                    "name"}],
 *   "eips": [{"id", "ipAddress", "status", "instanceId", "instanceType", "name"}],
 *   "routeTables": [{"id", "vpcId", "type": "system|custom", "entries": [{"destination", "nextHopType",
 *                    "nextHopId"}]}],
 *   "ecsInstances": [{"id", "vpcId", "vSwitchId", "name", "privateIps", "publicIp", "securityGroupIds", "tags"}],
 *   "rdsInstances" and "redisInstances": [{"id", "name", "vpcId", "vSwitchId", "privateIp", "port",
 *                    "allowlists": [{"name", "entries", "hidden"}], "securityGroupIds"}],
 *   "resourceGroups": [{"id", "name", "dlink": {"vpcId", "vSwitchId", "securityGroupId", "auxVSwitchIds",
 *                       "destinationCidrs"}}],
 *   "services": [ service JSON, exactly as eascmd takes it ]
 * }
 * </pre>
 *
 * <p>A {@code "$schema"} key is accepted and ignored (editors use it). Any other unknown key is an error naming its
 * pointer and the nearest known key: a typo must not silently drop facts. Absent optional values and empty lists are
 * omitted when writing; defaults are written out. Stateless and thread-safe.
 */
public final class SnapshotJson {
  /** The classpath location of the JSON Schema (draft-07) of version 1. */
  public static final String SCHEMA_RESOURCE = "/io/easnet/core/json/snapshot-v1.schema.json";

  private static final List<String> TOP = List.of("$schema", "schemaVersion", "regionId", "vpcs", "vSwitches",
      "securityGroups", "natGateways", "snatEntries", "eips", "routeTables", "ecsInstances", "rdsInstances",
      "redisInstances", "resourceGroups", "services");
  private static final List<String> VPC =
      List.of("id", "name", "regionId", "cidrBlock", "secondaryCidrBlocks", "ipv6CidrBlock", "tags");
  private static final List<String> VSWITCH = List.of("id", "vpcId", "name", "zoneId", "cidrBlock", "ipv6CidrBlock",
      "routeTableId", "reservedCidrBlocks", "availableIpAddressCount", "tags");
  private static final List<String> GROUP =
      List.of("id", "vpcId", "name", "type", "innerAccessPolicy", "rules", "tags");
  private static final List<String> RULE = List.of("direction", "protocol", "portRange", "peerCidr", "peerGroupId",
      "peerPrefixListId", "policy", "priority", "ruleId", "description");
  private static final Map<String, String> RULE_ALIASES = Map.ofEntries(
      Map.entry("sourceCidr", "peerCidr"), Map.entry("sourceCidrIp", "peerCidr"), Map.entry("destCidr", "peerCidr"),
      Map.entry("destCidrIp", "peerCidr"), Map.entry("destinationCidr", "peerCidr"),
      Map.entry("ipv6SourceCidrIp", "peerCidr"), Map.entry("ipv6DestCidrIp", "peerCidr"),
      Map.entry("sourceGroupId", "peerGroupId"), Map.entry("destGroupId", "peerGroupId"),
      Map.entry("sourcePrefixListId", "peerPrefixListId"), Map.entry("destPrefixListId", "peerPrefixListId"),
      Map.entry("ipProtocol", "protocol"));
  private static final List<String> NAT = List.of("id", "vpcId", "vSwitchId", "name", "networkType", "status",
      "eipIds", "snatTableIds", "tags");
  private static final List<String> SNAT = List.of("id", "snatTableId", "natGatewayId", "sourceVSwitchId",
      "sourceCidr", "snatIps", "status", "name");
  private static final List<String> EIP = List.of("id", "ipAddress", "status", "instanceId", "instanceType", "name");
  private static final List<String> ROUTE_TABLE = List.of("id", "vpcId", "type", "entries");
  private static final List<String> ROUTE = List.of("destination", "nextHopType", "nextHopId");
  private static final List<String> ECS =
      List.of("id", "vpcId", "vSwitchId", "name", "privateIps", "publicIp", "securityGroupIds", "tags");
  private static final List<String> DB =
      List.of("id", "name", "vpcId", "vSwitchId", "privateIp", "port", "allowlists", "securityGroupIds");
  private static final List<String> ALLOWLIST = List.of("name", "entries", "hidden");
  private static final List<String> RESOURCE_GROUP = List.of("id", "name", "dlink");
  private static final List<String> DLINK =
      List.of("vpcId", "vSwitchId", "securityGroupId", "auxVSwitchIds", "destinationCidrs");

  private static final String VPC_FIX = "use a VPC id, which starts with \"vpc-\".";
  private static final String VSW_FIX = "use a vSwitch id, which starts with \"vsw-\".";
  private static final String SG_FIX = "use a security group id, which starts with \"sg-\".";
  private static final String CIDR_FIX = "write a CIDR block such as 192.168.0.0/24 (host bits clear).";
  private static final String IP_FIX = "write a single address such as 192.168.0.10.";

  private SnapshotJson() {}

  /** The JSON Schema (draft-07) of the snapshot layout, as shipped at {@link #SCHEMA_RESOURCE}. */
  public static String schemaJson() {
    try (InputStream in = SnapshotJson.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the snapshot schema is missing from the classpath: " + SCHEMA_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a snapshot file (UTF-8).
   *
   * @throws InvalidInputException when the file is missing or unreadable, or as {@link #parse(String, String)}
   */
  public static Snapshot read(Path path) {
    return parse(JsonTrees.readFile(path), path.toString());
  }

  /**
   * Parses a snapshot.
   *
   * @param json the text
   * @param sourceName the file name used in messages, or {@code null}
   * @throws InvalidInputException for malformed JSON, a missing or unsupported {@code schemaVersion}, an unknown key
   *     (with a "did you mean"), a wrong type, an invalid id, CIDR or address, a duplicate id, or an invalid service
   */
  public static Snapshot parse(String json, String sourceName) {
    Cursor root = Cursor.root(JsonTrees.parse(json, sourceName), sourceName);
    if (!root.isObject()) {
      throw root.error("a snapshot must be a JSON object but this is " + Cursor.describe(root.node()) + ".",
          "write {\"schemaVersion\": 1, \"vpcs\": [...], ...}.");
    }
    Cursor version = root.get("schemaVersion");
    if (!version.isPresent()) {
      throw version.error("the snapshot has no schemaVersion.", "add \"schemaVersion\": 1 at the top.");
    }
    if (!version.node().isIntegralNumber() || !version.node().canConvertToInt()
        || version.node().intValue() != Snapshot.SCHEMA_VERSION) {
      throw version.error(
          "schemaVersion " + version.node().asText() + " is not supported: this version of eas-network reads"
              + " snapshot schema version " + Snapshot.SCHEMA_VERSION + ".",
          "write \"schemaVersion\": 1 (and the matching layout), or use the eas-network release that wrote the"
              + " file.");
    }
    root.rejectUnknownKeys(TOP);
    Inventory.Builder inv = Inventory.builder();
    root.optText("regionId").ifPresent(inv::regionId);
    Map<String, String> seen = new HashMap<>();
    each(root, "vpcs", "VPC", VPC, seen, c -> inv.addVpc(vpc(c)));
    each(root, "vSwitches", "vSwitch", VSWITCH, seen, c -> inv.addVSwitch(vSwitch(c)));
    each(root, "securityGroups", "security group", GROUP, seen, c -> inv.addSecurityGroup(group(c)));
    each(root, "natGateways", "NAT gateway", NAT, seen, c -> inv.addNatGateway(nat(c)));
    each(root, "snatEntries", "SNAT entry", SNAT, seen, c -> inv.addSnatEntry(snat(c)));
    each(root, "eips", "EIP", EIP, seen, c -> inv.addEip(eip(c)));
    each(root, "routeTables", "route table", ROUTE_TABLE, seen, c -> inv.addRouteTable(routeTable(c)));
    each(root, "ecsInstances", "ECS instance", ECS, seen, c -> inv.addEcsInstance(ecs(c)));
    each(root, "rdsInstances", "RDS instance", DB, seen, c -> inv.addRdsInstance(rds(c)));
    each(root, "redisInstances", "Redis instance", DB, seen, c -> inv.addRedisInstance(redis(c)));
    each(root, "resourceGroups", "resource group", RESOURCE_GROUP, seen, c -> inv.addResourceGroup(resourceGroup(c)));
    Inventory inventory = root.convert(inv::build, "make the inventory consistent.");
    Snapshot.Builder s = Snapshot.builder().inventory(inventory);
    for (Cursor svc : root.elements("services")) {
      s.addService(ServiceDocument.fromTree(svc.node(), svc.pointer(), sourceName));
    }
    return root.convert(s::build, "correct the snapshot.");
  }

  /** Writes the snapshot to {@code path} as UTF-8, replacing the file. */
  public static void write(Snapshot snapshot, Path path) {
    JsonTrees.writeFile(path, toJson(snapshot));
  }

  /** The snapshot as JSON in the stable pretty format; {@code parse(toJson(s), …)} equals {@code s}. */
  public static String toJson(Snapshot snapshot) {
    Inventory inv = snapshot.inventory();
    ObjectNode o = JsonTrees.nodes().objectNode();
    o.put("schemaVersion", snapshot.schemaVersion());
    inv.regionId().ifPresent(r -> o.put("regionId", r));
    array(o, "vpcs", inv.vpcs(), SnapshotJson::vpc);
    array(o, "vSwitches", inv.vSwitches(), SnapshotJson::vSwitch);
    array(o, "securityGroups", inv.securityGroups(), SnapshotJson::group);
    array(o, "natGateways", inv.natGateways(), SnapshotJson::nat);
    array(o, "snatEntries", inv.snatEntries(), SnapshotJson::snat);
    array(o, "eips", inv.eips(), SnapshotJson::eip);
    array(o, "routeTables", inv.routeTables(), SnapshotJson::routeTable);
    array(o, "ecsInstances", inv.ecsInstances(), SnapshotJson::ecs);
    array(o, "rdsInstances", inv.rdsInstances(), SnapshotJson::db);
    array(o, "redisInstances", inv.redisInstances(), SnapshotJson::db);
    array(o, "resourceGroups", inv.resourceGroups(), SnapshotJson::resourceGroup);
    if (!snapshot.services().isEmpty()) {
      ArrayNode a = o.putArray("services");
      for (ServiceDocument d : snapshot.services()) {
        a.add(d.tree());
      }
    }
    return JsonTrees.write(o);
  }

  // ---------------------------------------------------------------- reading

  private static void each(Cursor root, String key, String kind, List<String> known, Map<String, String> seen,
      Consumer<Cursor> add) {
    for (Cursor c : root.elements(key)) {
      c.requireObject();
      c.rejectUnknownKeys(known);
      Cursor id = c.required("id");
      String value = id.text();
      String first = seen.putIfAbsent(key + "\u0000" + value, id.pointer());
      if (first != null) {
        throw id.error("a second " + kind + " with id " + value + " (the first is at " + first + ").",
            "keep one entry per id.");
      }
      add.accept(c);
    }
  }

  private static <T> T req(Cursor c, String key, Function<String, T> parser, String fix) {
    return c.required(key).as(parser, fix);
  }

  private static <T> Optional<T> opt(Cursor c, String key, Function<String, T> parser, String fix) {
    return c.opt(key).map(v -> v.as(parser, fix));
  }

  private static <T> void list(Cursor c, String key, Function<String, T> parser, String fix, Consumer<T> add) {
    for (Cursor e : c.elements(key)) {
      add.accept(e.as(parser, fix));
    }
  }

  private static Map<String, String> tags(Cursor c) {
    Map<String, String> out = new LinkedHashMap<>();
    c.opt("tags").ifPresent(t -> t.members().forEach((k, v) -> out.put(k, v.text())));
    return out;
  }

  private static <E> E enumValue(Cursor c, String key, Function<String, E> parser, String fix, E dflt) {
    return c.opt(key).map(v -> v.as(parser, fix)).orElse(dflt);
  }

  private static Vpc vpc(Cursor c) {
    Vpc.Builder b = Vpc.builder().id(req(c, "id", VpcId::of, VPC_FIX))
        .cidrBlock(req(c, "cidrBlock", Cidr::parse, CIDR_FIX));
    c.optText("name").ifPresent(b::name);
    c.optText("regionId").ifPresent(b::regionId);
    list(c, "secondaryCidrBlocks", Cidr::parse, CIDR_FIX, b::addSecondaryCidrBlock);
    opt(c, "ipv6CidrBlock", Cidr::parse, CIDR_FIX).ifPresent(b::ipv6CidrBlock);
    b.putAllTags(tags(c));
    return c.convert(b::build, "correct the VPC.");
  }

  private static VSwitch vSwitch(Cursor c) {
    VSwitch.Builder b = VSwitch.builder().id(req(c, "id", VSwitchId::of, VSW_FIX))
        .vpcId(req(c, "vpcId", VpcId::of, VPC_FIX))
        .cidrBlock(req(c, "cidrBlock", Cidr::parse, CIDR_FIX));
    c.optText("name").ifPresent(b::name);
    c.optText("zoneId").ifPresent(b::zoneId);
    opt(c, "ipv6CidrBlock", Cidr::parse, CIDR_FIX).ifPresent(b::ipv6CidrBlock);
    opt(c, "routeTableId", RouteTableId::of, "use a route table id, which starts with \"vtb-\".")
        .ifPresent(b::routeTableId);
    list(c, "reservedCidrBlocks", Cidr::parse, CIDR_FIX, b::addReservedCidrBlock);
    c.opt("availableIpAddressCount").ifPresent(n -> b.availableIpAddressCount(n.longInteger()));
    b.putAllTags(tags(c));
    return c.convert(b::build, "correct the vSwitch.");
  }

  private static SecurityGroup group(Cursor c) {
    SecurityGroup.Builder b = SecurityGroup.builder().id(req(c, "id", SecurityGroupId::of, SG_FIX))
        .vpcId(req(c, "vpcId", VpcId::of, VPC_FIX));
    c.optText("name").ifPresent(b::name);
    b.type(enumValue(c, "type", SecurityGroupType::parse, "use normal or enterprise.", SecurityGroupType.BASIC));
    b.innerAccessPolicy(enumValue(c, "innerAccessPolicy", Policy::parse, "use accept or drop.", Policy.ACCEPT));
    for (Cursor r : c.elements("rules")) {
      b.addRule(rule(r));
    }
    b.putAllTags(tags(c));
    return c.convert(b::build, "correct the security group.");
  }

  private static SecurityGroupRule rule(Cursor c) {
    c.requireObject();
    c.rejectUnknownKeys(RULE, RULE_ALIASES);
    SecurityGroupRule.Builder b = SecurityGroupRule.builder()
        .direction(req(c, "direction", Direction::parse, "use ingress or egress."));
    c.opt("protocol").ifPresent(p -> b.protocol(p.as(Protocol::parse, "use tcp, udp, icmp, icmpv6, gre or all.")));
    c.opt("portRange").ifPresent(p -> b.portRange(p.as(PortRange::parse,
        "write start/end such as 22/22 or 1/65535, or -1/-1 for all ports.")));
    List<String> peers = List.of("peerCidr", "peerGroupId", "peerPrefixListId");
    List<String> present = peers.stream().filter(k -> c.opt(k).isPresent()).toList();
    if (present.size() != 1) {
      Cursor at = present.isEmpty() ? c : c.get(present.get(1));
      throw at.error(present.isEmpty()
              ? "the rule has no peer."
              : "the rule has more than one peer (" + String.join(", ", present) + ").",
          "set exactly one of peerCidr, peerGroupId or peerPrefixListId.");
    }
    switch (present.get(0)) {
      case "peerCidr":
        b.peer(RulePeer.cidr(req(c, "peerCidr", Cidr::parse, CIDR_FIX)));
        break;
      case "peerGroupId":
        b.peer(RulePeer.group(req(c, "peerGroupId", SecurityGroupId::of, SG_FIX)));
        break;
      default:
        b.peer(new RulePeer.PrefixListPeer(
            req(c, "peerPrefixListId", PrefixListId::of, "use a prefix list id, which starts with \"pl-\".")));
        break;
    }
    c.opt("policy").ifPresent(p -> b.policy(p.as(Policy::parse, "use accept or drop.")));
    c.opt("priority").ifPresent(p -> {
      int v = p.integer();
      if (v < 1 || v > 100) {
        throw p.error("priority " + v + " is outside 1 to 100.", "use 1 (highest) to 100 (lowest).");
      }
      b.priority(v);
    });
    c.optText("ruleId").ifPresent(b::ruleId);
    c.optText("description").ifPresent(b::description);
    return c.convert(b::build, "correct the rule.");
  }

  private static NatGateway nat(Cursor c) {
    NatGateway.Builder b = NatGateway.builder()
        .id(req(c, "id", NatGatewayId::of, "use a NAT gateway id, which starts with \"ngw-\"."))
        .vpcId(req(c, "vpcId", VpcId::of, VPC_FIX));
    opt(c, "vSwitchId", VSwitchId::of, VSW_FIX).ifPresent(b::vSwitchId);
    c.optText("name").ifPresent(b::name);
    b.networkType(enumValue(c, "networkType", NatNetworkType::parse, "use internet or intranet.",
        NatNetworkType.INTERNET));
    c.optText("status").ifPresent(b::status);
    list(c, "eipIds", EipAllocationId::of, "use an EIP allocation id, which starts with \"eip-\".", b::addEipId);
    list(c, "snatTableIds", SnatTableId::of, "use a SNAT table id, which starts with \"stb-\".", b::addSnatTableId);
    b.putAllTags(tags(c));
    return c.convert(b::build, "correct the NAT gateway.");
  }

  private static SnatEntry snat(Cursor c) {
    SnatEntry.Builder b = SnatEntry.builder()
        .id(req(c, "id", SnatEntryId::of, "use a SNAT entry id, which starts with \"snat-\"."))
        .snatTableId(req(c, "snatTableId", SnatTableId::of, "use a SNAT table id, which starts with \"stb-\"."))
        .natGatewayId(req(c, "natGatewayId", NatGatewayId::of, "use a NAT gateway id, which starts with \"ngw-\"."));
    opt(c, "sourceVSwitchId", VSwitchId::of, VSW_FIX).ifPresent(b::sourceVSwitchId);
    opt(c, "sourceCidr", Cidr::parse, CIDR_FIX).ifPresent(b::sourceCidr);
    list(c, "snatIps", IpAddress::parse, IP_FIX, b::addSnatIp);
    c.optText("status").ifPresent(b::status);
    c.optText("name").ifPresent(b::name);
    return c.convert(b::build, "set sourceVSwitchId or sourceCidr, and at least one address in snatIps.");
  }

  private static Eip eip(Cursor c) {
    Eip.Builder b = Eip.builder()
        .id(req(c, "id", EipAllocationId::of, "use an EIP allocation id, which starts with \"eip-\"."))
        .ipAddress(req(c, "ipAddress", IpAddress::parse, IP_FIX));
    c.optText("status").ifPresent(b::status);
    c.optText("instanceId").ifPresent(b::instanceId);
    c.optText("instanceType").ifPresent(b::instanceType);
    c.optText("name").ifPresent(b::name);
    return c.convert(b::build, "correct the EIP.");
  }

  private static RouteTable routeTable(Cursor c) {
    RouteTable.Builder b = RouteTable.builder()
        .id(req(c, "id", RouteTableId::of, "use a route table id, which starts with \"vtb-\"."))
        .vpcId(req(c, "vpcId", VpcId::of, VPC_FIX));
    b.type(enumValue(c, "type", RouteTable.Type::parse, "use system or custom.", RouteTable.Type.SYSTEM));
    for (Cursor e : c.elements("entries")) {
      e.requireObject();
      e.rejectUnknownKeys(ROUTE);
      RouteEntry.Builder r = RouteEntry.builder()
          .destination(req(e, "destination", Cidr::parse, CIDR_FIX))
          .nextHopType(e.required("nextHopType").text())
          .nextHopId(e.required("nextHopId").text());
      b.addEntry(e.convert(r::build, "correct the route entry."));
    }
    return c.convert(b::build, "correct the route table.");
  }

  private static EcsInstance ecs(Cursor c) {
    EcsInstance.Builder b = EcsInstance.builder()
        .id(req(c, "id", EcsInstanceId::of, "use an ECS instance id, which starts with \"i-\"."))
        .vpcId(req(c, "vpcId", VpcId::of, VPC_FIX))
        .vSwitchId(req(c, "vSwitchId", VSwitchId::of, VSW_FIX));
    c.optText("name").ifPresent(b::name);
    list(c, "privateIps", IpAddress::parse, IP_FIX, b::addPrivateIp);
    opt(c, "publicIp", IpAddress::parse, IP_FIX).ifPresent(b::publicIp);
    list(c, "securityGroupIds", SecurityGroupId::of, SG_FIX, b::addSecurityGroupId);
    b.putAllTags(tags(c));
    return c.convert(b::build, "give the ECS instance at least one address in privateIps.");
  }

  private static List<AllowlistGroup> allowlists(Cursor c) {
    List<AllowlistGroup> out = new ArrayList<>();
    for (Cursor g : c.elements("allowlists")) {
      g.requireObject();
      g.rejectUnknownKeys(ALLOWLIST);
      AllowlistGroup.Builder b = AllowlistGroup.builder().name(g.required("name").text());
      list(g, "entries", Cidr::parseNormalizing, "write addresses or CIDR blocks such as 192.168.0.0/24.",
          b::addEntry);
      g.opt("hidden").ifPresent(h -> b.hidden(h.bool()));
      out.add(g.convert(b::build, "correct the allowlist group."));
    }
    return out;
  }

  private static RdsInstance rds(Cursor c) {
    RdsInstance.Builder b = RdsInstance.builder()
        .id(req(c, "id", RdsInstanceId::of, "use an RDS instance id, which starts with \"rm-\", \"pgm-\" or \"mr-\"."));
    db(c, b::name, b::vpcId, b::vSwitchId, b::privateIp, b::port, b::addAllowlist, b::addSecurityGroupId);
    return c.convert(b::build, "correct the RDS instance.");
  }

  private static RedisInstance redis(Cursor c) {
    RedisInstance.Builder b = RedisInstance.builder()
        .id(req(c, "id", RedisInstanceId::of, "use a Redis instance id, which starts with \"r-\"."));
    db(c, b::name, b::vpcId, b::vSwitchId, b::privateIp, b::port, b::addAllowlist, b::addSecurityGroupId);
    return c.convert(b::build, "correct the Redis instance.");
  }

  /** The keys RDS and Redis instances share (all but the id), in file order, into either builder. */
  private static void db(Cursor c, Consumer<String> name, Consumer<VpcId> vpcId, Consumer<VSwitchId> vSwitchId,
      Consumer<IpAddress> privateIp, IntConsumer port, Consumer<AllowlistGroup> allowlist,
      Consumer<SecurityGroupId> securityGroupId) {
    c.optText("name").ifPresent(name);
    opt(c, "vpcId", VpcId::of, VPC_FIX).ifPresent(vpcId);
    opt(c, "vSwitchId", VSwitchId::of, VSW_FIX).ifPresent(vSwitchId);
    opt(c, "privateIp", IpAddress::parse, IP_FIX).ifPresent(privateIp);
    port(c).ifPresent(port::accept);
    allowlists(c).forEach(allowlist);
    list(c, "securityGroupIds", SecurityGroupId::of, SG_FIX, securityGroupId);
  }

  private static Optional<Integer> port(Cursor c) {
    return c.opt("port").map(p -> {
      int v = p.integer();
      if (v < 1 || v > 65535) {
        throw p.error("port " + v + " is outside 1 to 65535.", "use a port between 1 and 65535.");
      }
      return v;
    });
  }

  private static ResourceGroup resourceGroup(Cursor c) {
    ResourceGroup.Builder b = ResourceGroup.builder()
        .id(req(c, "id", ResourceGroupId::of, "use a resource group id, which starts with \"eas-r-\"."));
    c.optText("name").ifPresent(b::name);
    Optional<Cursor> dl = c.opt("dlink");
    if (dl.isPresent()) {
      Cursor d = dl.get();
      d.requireObject();
      d.rejectUnknownKeys(DLINK);
      DLink.Builder l = DLink.builder()
          .vSwitchId(req(d, "vSwitchId", VSwitchId::of, VSW_FIX))
          .securityGroupId(req(d, "securityGroupId", SecurityGroupId::of, SG_FIX));
      opt(d, "vpcId", VpcId::of, VPC_FIX).ifPresent(l::vpcId);
      list(d, "auxVSwitchIds", VSwitchId::of, VSW_FIX, l::addAuxVSwitchId);
      list(d, "destinationCidrs", Cidr::parse, CIDR_FIX, l::addDestinationCidr);
      b.dlink(d.convert(l::build, "correct the VPC direct connection."));
    }
    return c.convert(b::build, "correct the resource group.");
  }

  // ---------------------------------------------------------------- writing

  private static <T> void array(ObjectNode o, String key, List<T> values, Function<T, ObjectNode> f) {
    if (!values.isEmpty()) {
      ArrayNode a = o.putArray(key);
      values.forEach(v -> a.add(f.apply(v)));
    }
  }

  private static void put(ObjectNode o, String key, Optional<?> value) {
    value.ifPresent(v -> o.put(key, v.toString()));
  }

  private static void strings(ObjectNode o, String key, List<?> values) {
    if (!values.isEmpty()) {
      ArrayNode a = o.putArray(key);
      values.forEach(v -> a.add(v.toString()));
    }
  }

  private static void tags(ObjectNode o, Map<String, String> tags) {
    if (!tags.isEmpty()) {
      ObjectNode t = o.putObject("tags");
      tags.forEach(t::put);
    }
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  private static ObjectNode vpc(Vpc v) {
    ObjectNode o = JsonTrees.nodes().objectNode();
    o.put("id", v.id().value());
    put(o, "name", v.name());
    put(o, "regionId", v.regionId());
    o.put("cidrBlock", v.cidrBlock().toString());
    strings(o, "secondaryCidrBlocks", v.secondaryCidrBlocks());
    put(o, "ipv6CidrBlock", v.ipv6CidrBlock());
    tags(o, v.tags());
    return o;
  }

  private static ObjectNode vSwitch(VSwitch v) {
    ObjectNode o = JsonTrees.nodes().objectNode();
    o.put("id", v.id().value());
    o.put("vpcId", v.vpcId().value());
    put(o, "name", v.name());
    put(o, "zoneId", v.zoneId());
    o.put("cidrBlock", v.cidrBlock().toString());
    put(o, "ipv6CidrBlock", v.ipv6CidrBlock());
    put(o, "routeTableId", v.routeTableId());
    strings(o, "reservedCidrBlocks", v.reservedCidrBlocks());
    o.put("availableIpAddressCount", v.availableIpAddressCount());
    tags(o, v.tags());
    return o;
  }

  private static ObjectNode group(SecurityGroup g) {
    ObjectNode o = JsonTrees.nodes().objectNode();
    o.put("id", g.id().value());
    o.put("vpcId", g.vpcId().value());
    put(o, "name", g.name());
    o.put("type", g.type().apiName());
    o.put("innerAccessPolicy", lower(g.innerAccessPolicy()));
    array(o, "rules", g.rules(), SnapshotJson::rule);
    tags(o, g.tags());
    return o;
  }

  private static ObjectNode rule(SecurityGroupRule r) {
    ObjectNode o = JsonTrees.nodes().objectNode();
    o.put("direction", lower(r.direction()));
    o.put("protocol", lower(r.protocol()));
    o.put("portRange", r.portRange().toString());
    RulePeer peer = r.peer();
    if (peer instanceof RulePeer.CidrPeer c) {
      o.put("peerCidr", c.cidr().toString());
    } else if (peer instanceof RulePeer.GroupPeer g) {
      o.put("peerGroupId", g.groupId().value());
    } else if (peer instanceof RulePeer.PrefixListPeer p) {
      o.put("peerPrefixListId", p.prefixListId().value());
    }
    o.put("policy", lower(r.policy()));
    o.put("priority", r.priority());
    put(o, "ruleId", r.ruleId());
    put(o, "description", r.description());
    return o;
  }

  private static ObjectNode nat(NatGateway n) {
    ObjectNode o = JsonTrees.nodes().objectNode();
    o.put("id", n.id().value());
    o.put("vpcId", n.vpcId().value());
    put(o, "vSwitchId", n.vSwitchId());
    put(o, "name", n.name());
    o.put("networkType", lower(n.networkType()));
    o.put("status", n.status());
    strings(o, "eipIds", n.eipIds());
    strings(o, "snatTableIds", n.snatTableIds());
    tags(o, n.tags());
    return o;
  }

  private static ObjectNode snat(SnatEntry s) {
    ObjectNode o = JsonTrees.nodes().objectNode();
    o.put("id", s.id().value());
    o.put("snatTableId", s.snatTableId().value());
    o.put("natGatewayId", s.natGatewayId().value());
    put(o, "sourceVSwitchId", s.sourceVSwitchId());
    put(o, "sourceCidr", s.sourceCidr());
    strings(o, "snatIps", s.snatIps());
    o.put("status", s.status());
    put(o, "name", s.name());
    return o;
  }

  private static ObjectNode eip(Eip e) {
    ObjectNode o = JsonTrees.nodes().objectNode();
    o.put("id", e.id().value());
    o.put("ipAddress", e.ipAddress().toString());
    o.put("status", e.status());
    put(o, "instanceId", e.instanceId());
    put(o, "instanceType", e.instanceType());
    put(o, "name", e.name());
    return o;
  }

  private static ObjectNode routeTable(RouteTable t) {
    ObjectNode o = JsonTrees.nodes().objectNode();
    o.put("id", t.id().value());
    o.put("vpcId", t.vpcId().value());
    o.put("type", lower(t.type()));
    array(o, "entries", t.entries(), e -> {
      ObjectNode r = JsonTrees.nodes().objectNode();
      r.put("destination", e.destination().toString());
      r.put("nextHopType", e.nextHopType());
      r.put("nextHopId", e.nextHopId());
      return r;
    });
    return o;
  }

  private static ObjectNode ecs(EcsInstance i) {
    ObjectNode o = JsonTrees.nodes().objectNode();
    o.put("id", i.id().value());
    o.put("vpcId", i.vpcId().value());
    o.put("vSwitchId", i.vSwitchId().value());
    put(o, "name", i.name());
    strings(o, "privateIps", i.privateIps());
    put(o, "publicIp", i.publicIp());
    strings(o, "securityGroupIds", i.securityGroupIds());
    tags(o, i.tags());
    return o;
  }

  private static ObjectNode db(AllowlistTarget t) {
    ObjectNode o = JsonTrees.nodes().objectNode();
    o.put("id", t.targetId());
    Optional<String> name = t instanceof RdsInstance r ? r.name() : ((RedisInstance) t).name();
    put(o, "name", name);
    put(o, "vpcId", t.vpcId());
    put(o, "vSwitchId", t.vSwitchId());
    put(o, "privateIp", t.privateIp());
    o.put("port", t.port());
    array(o, "allowlists", t.allowlists(), g -> {
      ObjectNode a = JsonTrees.nodes().objectNode();
      a.put("name", g.name());
      ArrayNode entries = a.putArray("entries");
      g.entries().forEach(e -> entries.add(e.isSingleAddress() ? e.address() : e.toString()));
      if (g.hidden()) {
        a.put("hidden", true);
      }
      return a;
    });
    strings(o, "securityGroupIds", t.securityGroupIds());
    return o;
  }

  private static ObjectNode resourceGroup(ResourceGroup g) {
    ObjectNode o = JsonTrees.nodes().objectNode();
    o.put("id", g.id().value());
    put(o, "name", g.name());
    g.dlink().ifPresent(d -> {
      ObjectNode l = o.putObject("dlink");
      put(l, "vpcId", d.vpcId());
      l.put("vSwitchId", d.vSwitchId().value());
      l.put("securityGroupId", d.securityGroupId().value());
      strings(l, "auxVSwitchIds", d.auxVSwitchIds());
      strings(l, "destinationCidrs", d.destinationCidrs());
    });
    return o;
  }
}
