package io.easnet.core.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.internal.json.JsonTrees;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Writes a {@link Snapshot} as a tree in the layout of {@link SnapshotLayout}, the inverse of the reader. */
final class SnapshotWriter {
  private SnapshotWriter() {}

  /** The snapshot as a tree; absent optional values and empty lists are left out, defaults written out. */
  static ObjectNode tree(Snapshot snapshot) {
    Inventory inv = snapshot.inventory();
    ObjectNode o = JsonTrees.nodes().objectNode();
    snapshot.schema().ifPresent(s -> o.put(SnapshotLayout.SCHEMA, s));
    o.put(SnapshotLayout.SCHEMA_VERSION, snapshot.schemaVersion());
    inv.regionId().ifPresent(r -> o.put(SnapshotLayout.REGION_ID, r));
    array(o, SnapshotLayout.VPCS, inv.vpcs(), SnapshotWriter::vpc);
    array(o, SnapshotLayout.VSWITCHES, inv.vSwitches(), SnapshotWriter::vSwitch);
    array(o, SnapshotLayout.SECURITY_GROUPS, inv.securityGroups(), SnapshotWriter::group);
    array(o, SnapshotLayout.NAT_GATEWAYS, inv.natGateways(), SnapshotWriter::nat);
    array(o, SnapshotLayout.SNAT_ENTRIES, inv.snatEntries(), SnapshotWriter::snat);
    array(o, SnapshotLayout.EIPS, inv.eips(), SnapshotWriter::eip);
    array(o, SnapshotLayout.ROUTE_TABLES, inv.routeTables(), SnapshotWriter::routeTable);
    array(o, SnapshotLayout.ECS_INSTANCES, inv.ecsInstances(), SnapshotWriter::ecs);
    array(o, SnapshotLayout.RDS_INSTANCES, inv.rdsInstances(), SnapshotWriter::db);
    array(o, SnapshotLayout.REDIS_INSTANCES, inv.redisInstances(), SnapshotWriter::db);
    array(o, SnapshotLayout.RESOURCE_GROUPS, inv.resourceGroups(), SnapshotWriter::resourceGroup);
    if (!snapshot.services().isEmpty()) {
      ArrayNode a = o.putArray(SnapshotLayout.SERVICES);
      for (ServiceDocument d : snapshot.services()) {
        a.add(d.sharedTree()); // written, never modified: no copy
      }
    }
    return o;
  }

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
    array(o, "rules", g.rules(), SnapshotWriter::rule);
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
