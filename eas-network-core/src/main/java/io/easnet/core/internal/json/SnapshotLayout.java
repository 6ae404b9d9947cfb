package io.easnet.core.internal.json;

import io.easnet.core.internal.JsonPointers;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceId;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The snapshot layout, version 1: the top-level collection keys and the keys of every object, in the order the
 * writer writes them. The one place that spells them: the snapshot reader and writer, and the rules' pointers into
 * the snapshot ({@link #pointers(Inventory)}), all take them from here. The JSON Schema shipped in the jar documents
 * the same layout ({@code SnapshotSchemaTest} keeps the two in step).
 */
public final class SnapshotLayout {
  public static final String SCHEMA = "$schema";
  public static final String SCHEMA_VERSION = "schemaVersion";
  public static final String REGION_ID = "regionId";
  public static final String VPCS = "vpcs";
  public static final String VSWITCHES = "vSwitches";
  public static final String SECURITY_GROUPS = "securityGroups";
  public static final String NAT_GATEWAYS = "natGateways";
  public static final String SNAT_ENTRIES = "snatEntries";
  public static final String EIPS = "eips";
  public static final String ROUTE_TABLES = "routeTables";
  public static final String ECS_INSTANCES = "ecsInstances";
  public static final String RDS_INSTANCES = "rdsInstances";
  public static final String REDIS_INSTANCES = "redisInstances";
  public static final String RESOURCE_GROUPS = "resourceGroups";
  public static final String SERVICES = "services";

  /** The keys of the document, in writing order. */
  public static final Set<String> TOP = keys(SCHEMA, SCHEMA_VERSION, REGION_ID, VPCS, VSWITCHES, SECURITY_GROUPS,
      NAT_GATEWAYS, SNAT_ENTRIES, EIPS, ROUTE_TABLES, ECS_INSTANCES, RDS_INSTANCES, REDIS_INSTANCES, RESOURCE_GROUPS,
      SERVICES);
  public static final Set<String> VPC =
      keys("id", "name", "regionId", "cidrBlock", "secondaryCidrBlocks", "ipv6CidrBlock", "tags");
  public static final Set<String> VSWITCH = keys("id", "vpcId", "name", "zoneId", "cidrBlock", "ipv6CidrBlock",
      "routeTableId", "reservedCidrBlocks", "availableIpAddressCount", "tags");
  public static final Set<String> SECURITY_GROUP =
      keys("id", "vpcId", "name", "type", "innerAccessPolicy", "rules", "tags");
  public static final Set<String> RULE = keys("direction", "protocol", "portRange", "peerCidr", "peerGroupId",
      "peerPrefixListId", "policy", "priority", "ruleId", "description");
  /** The cloud API's spellings of rule keys, each mapped to the key of the layout. */
  public static final Map<String, String> RULE_ALIASES = Map.ofEntries(
      Map.entry("sourceCidr", "peerCidr"), Map.entry("sourceCidrIp", "peerCidr"), Map.entry("destCidr", "peerCidr"),
      Map.entry("destCidrIp", "peerCidr"), Map.entry("destinationCidr", "peerCidr"),
      Map.entry("ipv6SourceCidrIp", "peerCidr"), Map.entry("ipv6DestCidrIp", "peerCidr"),
      Map.entry("sourceGroupId", "peerGroupId"), Map.entry("destGroupId", "peerGroupId"),
      Map.entry("sourcePrefixListId", "peerPrefixListId"), Map.entry("destPrefixListId", "peerPrefixListId"),
      Map.entry("ipProtocol", "protocol"));
  public static final Set<String> NAT_GATEWAY = keys("id", "vpcId", "vSwitchId", "name", "networkType", "status",
      "eipIds", "snatTableIds", "tags");
  public static final Set<String> SNAT_ENTRY = keys("id", "snatTableId", "natGatewayId", "sourceVSwitchId",
      "sourceCidr", "snatIps", "status", "name");
  public static final Set<String> EIP = keys("id", "ipAddress", "status", "instanceId", "instanceType", "name");
  public static final Set<String> ROUTE_TABLE = keys("id", "vpcId", "type", "entries");
  public static final Set<String> ROUTE = keys("destination", "nextHopType", "nextHopId");
  public static final Set<String> ECS_INSTANCE =
      keys("id", "vpcId", "vSwitchId", "name", "privateIps", "publicIp", "securityGroupIds", "tags");
  /** RDS and Redis instances. */
  public static final Set<String> DATABASE =
      keys("id", "name", "vpcId", "vSwitchId", "privateIp", "port", "allowlists", "securityGroupIds");
  public static final Set<String> ALLOWLIST = keys("name", "entries", "hidden");
  public static final Set<String> RESOURCE_GROUP = keys("id", "name", "dlink");
  public static final Set<String> DLINK =
      keys("vpcId", "vSwitchId", "securityGroupId", "auxVSwitchIds", "destinationCidrs");

  private SnapshotLayout() {}

  private static Set<String> keys(String... keys) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(keys)));
  }

  /** {@code /<collection>/<index>}, e.g. {@code /securityGroups/2}. */
  public static String pointer(String collection, int index) {
    return JsonPointers.child("/" + collection, index);
  }

  /**
   * The pointer of every resource of {@code inventory} in the snapshot the writer writes for it (which is the
   * snapshot the inventory was read from: lists keep the file's order); the first position wins for a repeated id.
   */
  public static Map<ResourceId, String> pointers(Inventory inventory) {
    Map<ResourceId, String> out = new HashMap<>();
    index(out, VPCS, inventory.vpcs(), v -> v.id());
    index(out, VSWITCHES, inventory.vSwitches(), v -> v.id());
    index(out, SECURITY_GROUPS, inventory.securityGroups(), g -> g.id());
    index(out, NAT_GATEWAYS, inventory.natGateways(), n -> n.id());
    index(out, SNAT_ENTRIES, inventory.snatEntries(), e -> e.id());
    index(out, EIPS, inventory.eips(), e -> e.id());
    index(out, ROUTE_TABLES, inventory.routeTables(), t -> t.id());
    index(out, ECS_INSTANCES, inventory.ecsInstances(), i -> i.id());
    index(out, RDS_INSTANCES, inventory.rdsInstances(), i -> i.id());
    index(out, REDIS_INSTANCES, inventory.redisInstances(), i -> i.id());
    index(out, RESOURCE_GROUPS, inventory.resourceGroups(), g -> g.id());
    return out;
  }

  private static <T> void index(Map<ResourceId, String> out, String key, List<T> resources,
      Function<T, ? extends ResourceId> id) {
    for (int i = 0; i < resources.size(); i++) {
      out.putIfAbsent(id.apply(resources.get(i)), pointer(key, i));
    }
  }
}
