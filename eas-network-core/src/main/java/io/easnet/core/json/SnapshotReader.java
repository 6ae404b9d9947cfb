package io.easnet.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.easnet.core.InvalidInputException;
import io.easnet.core.internal.json.Cursor;
import io.easnet.core.internal.json.SnapshotLayout;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.AllowlistGroup.AllowlistTarget;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.SecurityGroupRule.Direction;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import io.easnet.core.model.Eip;
import io.easnet.core.model.ResourceId.EipAllocationId;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.NatGateway.NatNetworkType;
import io.easnet.core.model.SecurityGroupRule.Policy;
import io.easnet.core.model.PortRange;
import io.easnet.core.model.ResourceId.PrefixListId;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.RouteTable.RouteEntry;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.ResourceId.RouteTableId;
import io.easnet.core.model.SecurityGroupRule.RulePeer;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.ResourceId.SnatEntryId;
import io.easnet.core.model.ResourceId.SnatTableId;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.ResourceId.VpcId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Reads the snapshot layout ({@link SnapshotLayout}) from a parsed tree into a {@link Snapshot}: one pass, each value
 * checked where it is, every error naming its pointer. Service documents take their subtree without a copy.
 */
final class SnapshotReader {
  private static final String VPC_FIX = "use a VPC id, which starts with \"vpc-\".";
  private static final String VSW_FIX = "use a vSwitch id, which starts with \"vsw-\".";
  private static final String SG_FIX = "use a security group id, which starts with \"sg-\".";
  private static final String CIDR_FIX = "write a CIDR block such as 192.168.0.0/24 (host bits clear).";
  private static final String IP_FIX = "write a single address such as 192.168.0.10.";
  private static final List<String> PEERS = List.of("peerCidr", "peerGroupId", "peerPrefixListId");

  private SnapshotReader() {}

  /**
   * The snapshot in {@code tree}.
   *
   * @throws InvalidInputException as {@link SnapshotJson#parse(String, String)}
   */
  static Snapshot read(JsonNode tree, String sourceName) {
    Cursor root = Cursor.root(tree, sourceName);
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
    root.rejectUnknownKeys(SnapshotLayout.TOP);
    Inventory.Builder inv = Inventory.builder();
    root.optText(SnapshotLayout.REGION_ID).ifPresent(inv::regionId);
    each(root, SnapshotLayout.VPCS, "VPC", SnapshotLayout.VPC, c -> inv.addVpc(vpc(c)));
    each(root, SnapshotLayout.VSWITCHES, "vSwitch", SnapshotLayout.VSWITCH, c -> inv.addVSwitch(vSwitch(c)));
    each(root, SnapshotLayout.SECURITY_GROUPS, "security group", SnapshotLayout.SECURITY_GROUP,
        c -> inv.addSecurityGroup(group(c)));
    each(root, SnapshotLayout.NAT_GATEWAYS, "NAT gateway", SnapshotLayout.NAT_GATEWAY,
        c -> inv.addNatGateway(nat(c)));
    each(root, SnapshotLayout.SNAT_ENTRIES, "SNAT entry", SnapshotLayout.SNAT_ENTRY,
        c -> inv.addSnatEntry(snat(c)));
    each(root, SnapshotLayout.EIPS, "EIP", SnapshotLayout.EIP, c -> inv.addEip(eip(c)));
    each(root, SnapshotLayout.ROUTE_TABLES, "route table", SnapshotLayout.ROUTE_TABLE,
        c -> inv.addRouteTable(routeTable(c)));
    each(root, SnapshotLayout.ECS_INSTANCES, "ECS instance", SnapshotLayout.ECS_INSTANCE,
        c -> inv.addEcsInstance(ecs(c)));
    each(root, SnapshotLayout.RDS_INSTANCES, "RDS instance", SnapshotLayout.DATABASE,
        c -> inv.addRdsInstance(rds(c)));
    each(root, SnapshotLayout.REDIS_INSTANCES, "Redis instance", SnapshotLayout.DATABASE,
        c -> inv.addRedisInstance(redis(c)));
    each(root, SnapshotLayout.RESOURCE_GROUPS, "resource group", SnapshotLayout.RESOURCE_GROUP,
        c -> inv.addResourceGroup(resourceGroup(c)));
    Inventory inventory = root.convert(inv::build, "make the inventory consistent.");
    SnapshotReferences.check(root, inventory);
    Snapshot.Builder s = Snapshot.builder().inventory(inventory);
    root.optText(SnapshotLayout.SCHEMA).ifPresent(s::schema);
    for (Cursor svc : root.elements(SnapshotLayout.SERVICES)) {
      s.addService(ServiceDocument.fromTree(svc.node(), svc.pointer(), sourceName));
    }
    return root.convert(s::build, "correct the snapshot.");
  }

  private static void each(Cursor root, String key, String kind, Set<String> known, Consumer<Cursor> add) {
    Map<String, Cursor> seen = new HashMap<>();
    for (Cursor c : root.elements(key)) {
      c.requireObject();
      c.rejectUnknownKeys(known);
      Cursor id = c.required("id");
      String value = id.text();
      Cursor first = seen.putIfAbsent(value, id);
      if (first != null) {
        throw id.error("a second " + kind + " with id " + value + " (the first is at " + first.pointer() + ").",
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
    b.putAllTags(tags(c));
    VSwitch v = c.convert(b::build, "correct the vSwitch.");
    Optional<Cursor> count = c.opt("availableIpAddressCount");
    if (count.isEmpty()) {
      return v;
    }
    long n = count.get().longInteger();
    if (n < 0 || n > v.assignableIpCount()) {
      throw count.get().error("availableIpAddressCount " + n + " is outside 0 to " + v.assignableIpCount() + ": "
              + v.cidrBlock() + " has " + v.assignableIpCount() + " addresses once the cloud reserves the first and"
              + " the last three, so the cloud never reports more free.",
          "copy AvailableIpAddressCount from DescribeVSwitches, or leave the key out (all usable addresses free).");
    }
    return v.toBuilder().availableIpAddressCount(n).build();
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
    c.rejectUnknownKeys(SnapshotLayout.RULE, SnapshotLayout.RULE_ALIASES);
    SecurityGroupRule.Builder b = SecurityGroupRule.builder()
        .direction(req(c, "direction", Direction::parse, "use ingress or egress."));
    Protocol protocol = enumValue(c, "protocol", Protocol::parse, "use tcp, udp, icmp, icmpv6, gre or all.",
        Protocol.ALL);
    b.protocol(protocol);
    Optional<Cursor> ports = c.opt("portRange");
    if (ports.isPresent()) {
      b.portRange(ports.get().as(PortRange::parse,
          "write start/end such as 22/22 or 1/65535, or -1/-1 for all ports."));
    } else if (protocol.hasPorts()) {
      throw c.get("portRange").error("a " + protocol.name().toLowerCase(Locale.ROOT) + " rule has no portRange;"
              + " the cloud requires one for TCP and UDP, so the rule's ports are unknown.",
          "write the ports as start/end, such as \"22/22\" or \"1/65535\".");
    }
    List<String> present = new ArrayList<>(1);
    for (String k : PEERS) {
      if (c.get(k).isPresent()) {
        present.add(k);
      }
    }
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
    c.opt("priority").ifPresent(p -> b.priority(p.integer(1, 100, "priority")));
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
    return c.convert(b::build, "set sourceVSwitchId or sourceCidr.");
  }

  private static Eip eip(Cursor c) {
    Eip.Builder b = Eip.builder()
        .id(req(c, "id", EipAllocationId::of, "use an EIP allocation id, which starts with \"eip-\"."))
        .ipAddress(req(c, "ipAddress", IpAddress::parse, IP_FIX));
    c.optText("status").ifPresent(b::status);
    c.optText("instanceId").ifPresent(b::instanceId);
    c.optText("instanceType").ifPresent(b::instanceType);
    c.optText("name").ifPresent(b::name);
    // the address is the only value the EIP checks across fields of its own
    return c.get("ipAddress").convert(b::build, "write the public address the cloud allocated to the EIP.");
  }

  private static RouteTable routeTable(Cursor c) {
    RouteTable.Builder b = RouteTable.builder()
        .id(req(c, "id", RouteTableId::of, "use a route table id, which starts with \"vtb-\"."))
        .vpcId(req(c, "vpcId", VpcId::of, VPC_FIX));
    b.type(enumValue(c, "type", RouteTable.Type::parse, "use system or custom.", RouteTable.Type.SYSTEM));
    Map<Cidr, Cursor> destinations = new HashMap<>();
    for (Cursor e : c.elements("entries")) {
      e.requireObject();
      e.rejectUnknownKeys(SnapshotLayout.ROUTE);
      Cursor at = e.required("destination");
      Cidr destination = at.as(Cidr::parse, CIDR_FIX);
      Cursor first = destinations.putIfAbsent(destination, at);
      if (first != null) {
        throw at.error("a second route to " + destination + " in one route table (the first is at " + first.pointer()
                + "); the cloud keeps one route per destination in a table.",
            "keep the route the cloud reports, from DescribeRouteEntryList.");
      }
      RouteEntry.Builder r = RouteEntry.builder()
          .destination(destination)
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
    Map<String, Cursor> names = new HashMap<>();
    for (Cursor g : c.elements("allowlists")) {
      g.requireObject();
      g.rejectUnknownKeys(SnapshotLayout.ALLOWLIST);
      Cursor nameAt = g.required("name");
      String name = nameAt.text();
      Cursor first = names.putIfAbsent(name, nameAt);
      if (first != null) {
        throw nameAt.error("a second allowlist group named \"" + name + "\" (the first is at " + first.pointer()
                + "); an"
                + " instance's group names are unique.", "merge the two groups into one.");
      }
      AllowlistGroup.Builder b = AllowlistGroup.builder().name(name);
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
    return c.opt("port").map(p -> p.integer(1, 65535, "port"));
  }

  private static ResourceGroup resourceGroup(Cursor c) {
    ResourceGroup.Builder b = ResourceGroup.builder()
        .id(req(c, "id", ResourceGroupId::of, "use a resource group id, which starts with \"eas-r-\"."));
    c.optText("name").ifPresent(b::name);
    Optional<Cursor> dl = c.opt("dlink");
    if (dl.isPresent()) {
      Cursor d = dl.get();
      d.requireObject();
      d.rejectUnknownKeys(SnapshotLayout.DLINK);
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

}
