package io.easnet.core.json;

import static io.easnet.core.json.TerraformPlanReader.CIDR_FIX;
import static io.easnet.core.json.TerraformPlanReader.IP_FIX;
import static io.easnet.core.json.TerraformPlanReader.array;
import static io.easnet.core.json.TerraformPlanReader.byId;
import static io.easnet.core.json.TerraformPlanReader.isUnknown;
import static io.easnet.core.json.TerraformPlanReader.known;
import static io.easnet.core.json.TerraformPlanReader.removeById;
import static io.easnet.core.json.TerraformPlanReader.removeWhere;
import static io.easnet.core.json.TerraformPlanReader.strings;
import static io.easnet.core.json.TerraformPlanReader.text;
import static io.easnet.core.json.TerraformPlanReader.textArray;
import static io.easnet.core.json.TerraformPlanReader.upsert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.InvalidInputException;
import io.easnet.core.internal.json.JsonTrees;
import io.easnet.core.json.TerraformPlanReader.Change;
import io.easnet.core.json.TerraformPlanReader.Mapper;
import io.easnet.core.json.TerraformPlanReader.ObjectMapper;
import io.easnet.core.json.TerraformPlanReader.Ref;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.IpAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The alicloud resource types a plan is read for, one mapper each; the attribute names and their sources are in
 * {@code docs/terraform.md}.
 */
final class TerraformResources {
  private TerraformResources() {}

  static Map<String, Mapper> mappers() {
    Map<String, Mapper> m = new LinkedHashMap<>();
    m.put("alicloud_vpc", new VpcMapper());
    m.put("alicloud_vswitch", new VSwitchMapper());
    m.put("alicloud_security_group", new GroupMapper());
    m.put("alicloud_security_group_rule", new RuleMapper());
    m.put("alicloud_nat_gateway", new NatMapper());
    m.put("alicloud_eip_address", new EipMapper());
    m.put("alicloud_eip_association", new AssociationMapper());
    m.put("alicloud_snat_entry", new SnatMapper());
    m.put("alicloud_route_entry", new RouteMapper());
    m.put("alicloud_db_instance", new DbMapper("rdsInstances", "rm-", "security_group_ids", "instance_name",
        "db_instance_ip_array_name"));
    m.put("alicloud_kvstore_instance", new DbMapper("redisInstances", "r-", "security_group_id",
        "db_instance_name", "security_ip_group_name"));
    m.put("alicloud_pai_service", new ServiceMapper());
    return Map.copyOf(m);
  }

  private static void putText(ObjectNode o, String key, Optional<String> value) {
    value.ifPresent(v -> o.put(key, v));
  }

  private static String cidr(TerraformPlanReader r, Change c, String attr, String value) {
    return r.checked(c, attr, value, Cidr::parse, CIDR_FIX);
  }

  /** Drops an object the plan creates but whose required fact is unknown; an existing one keeps its old value. */
  private static void dropIfNew(Change c, ObjectNode estate, String key, String id) {
    if (c.creates()) {
      removeById(estate, key, id);
    }
  }

  static final class VpcMapper extends ObjectMapper {
    VpcMapper() {
      super("vpc-", "id", "vpcs");
    }

    @Override
    void add(TerraformPlanReader r, Change c, ObjectNode estate) {
      String id = r.idOf(c);
      ObjectNode o = upsert(estate, key, id);
      Optional<String> block = text(c, "cidr_block");
      if (block.isEmpty() && !o.has("cidrBlock")) {
        dropIfNew(c, estate, key, id);
        return;
      }
      block.ifPresent(b -> o.put("cidrBlock", cidr(r, c, "cidr_block", b)));
      putText(o, "name", text(c, "vpc_name", "name"));
    }

    @Override
    void describeUnknown(TerraformPlanReader r, Change c) {
      super.describeUnknown(r, c);
      if (isUnknown(c, "cidr_block")) {
        r.noteUnknown(c, "cidr_block (the VPC is left out)");
      }
      if (c.creates()) {
        r.noteUnknown(c, "the system route table");
      }
    }
  }

  static final class VSwitchMapper extends ObjectMapper {
    VSwitchMapper() {
      super("vsw-", "id", "vSwitches");
    }

    @Override
    void add(TerraformPlanReader r, Change c, ObjectNode estate) {
      String id = r.idOf(c);
      ObjectNode o = upsert(estate, key, id);
      Optional<String> vpc = r.idAttr(c, "vpc_id");
      Optional<String> block = text(c, "cidr_block");
      if ((vpc.isEmpty() && !o.has("vpcId")) || (block.isEmpty() && !o.has("cidrBlock"))) {
        r.noteUnknown(c, "vpc_id or cidr_block (the vSwitch is left out)");
        dropIfNew(c, estate, key, id);
        return;
      }
      vpc.ifPresent(v -> o.put("vpcId", v));
      block.ifPresent(b -> o.put("cidrBlock", cidr(r, c, "cidr_block", b)));
      putText(o, "zoneId", text(c, "zone_id", "availability_zone"));
      putText(o, "name", text(c, "vswitch_name", "name"));
    }
  }

  static final class GroupMapper extends ObjectMapper {
    GroupMapper() {
      super("sg-", "id", "securityGroups");
    }

    @Override
    void add(TerraformPlanReader r, Change c, ObjectNode estate) {
      String id = r.idOf(c);
      ObjectNode o = upsert(estate, key, id);
      Optional<String> vpc = r.idAttr(c, "vpc_id");
      if (vpc.isEmpty() && !o.has("vpcId")) {
        r.noteUnknown(c, "vpc_id (a classic-network group is left out)");
        dropIfNew(c, estate, key, id);
        return;
      }
      vpc.ifPresent(v -> o.put("vpcId", v));
      putText(o, "name", text(c, "security_group_name", "name"));
      text(c, "security_group_type").ifPresent(t -> o.put("type", t.toLowerCase(Locale.ROOT)));
      Optional<String> policy = text(c, "inner_access_policy");
      if (policy.isPresent()) {
        o.put("innerAccessPolicy", policy.get().toLowerCase(Locale.ROOT));
      } else {
        known(c, "inner_access").filter(JsonNode::isBoolean)
            .ifPresent(b -> o.put("innerAccessPolicy", b.asBoolean() ? "accept" : "drop"));
      }
    }
  }

  static final class RuleMapper extends Mapper {
    RuleMapper() {
      super("sgr-", "id");
    }

    @Override
    void describeUnknown(TerraformPlanReader r, Change c) {
      // a rule's id is composite and never needed
    }

    /** The snapshot rule for the rule's values in {@code v}; empty when its peer is unknown. */
    private static Optional<ObjectNode> rule(TerraformPlanReader r, Change c, JsonNode v, boolean planned) {
      ObjectNode rule = JsonTrees.nodes().objectNode();
      String direction = v.path("type").asText("");
      rule.put("direction", direction);
      String protocol = v.path("ip_protocol").asText("all").toLowerCase(Locale.ROOT);
      rule.put("protocol", protocol);
      String ports = v.path("port_range").asText("-1/-1");
      if (!ports.equals("-1/-1") || protocol.equals("tcp") || protocol.equals("udp")) {
        rule.put("portRange", ports);
      }
      String cidr = v.path("cidr_ip").asText("");
      String peerGroup = v.path("source_security_group_id").asText("");
      String prefixList = v.path("prefix_list_id").asText("");
      if (!cidr.isEmpty()) {
        rule.put("peerCidr", planned ? r.checked(c, "cidr_ip", cidr, Cidr::parse, CIDR_FIX) : cidr);
      } else if (!peerGroup.isEmpty()) {
        rule.put("peerGroupId", peerGroup);
      } else if (!prefixList.isEmpty()) {
        rule.put("peerPrefixListId", prefixList);
      } else if (planned && isUnknown(c, "source_security_group_id")) {
        Optional<String> g = r.idAttr(c, "source_security_group_id");
        if (g.isEmpty()) {
          r.noteUnknown(c, "source_security_group_id (the rule is left out)");
          return Optional.empty();
        }
        rule.put("peerGroupId", g.get());
      } else {
        return Optional.empty();
      }
      rule.put("policy", v.path("policy").asText("accept").toLowerCase(Locale.ROOT));
      rule.put("priority", v.path("priority").asInt(1));
      String description = v.path("description").asText("");
      if (!description.isEmpty()) {
        rule.put("description", description);
      }
      return Optional.of(rule);
    }

    /** Snapshot rules match on what the cloud enforces, not on ids or descriptions. */
    private static boolean same(JsonNode a, JsonNode b) {
      for (String k : List.of("direction", "protocol", "portRange", "peerCidr", "peerGroupId", "peerPrefixListId",
          "policy", "priority")) {
        if (!a.path(k).asText("").equals(b.path(k).asText(""))
            && !(k.equals("portRange") && ports(a).equals(ports(b)))) {
          return false;
        }
      }
      return true;
    }

    private static String ports(JsonNode rule) {
      String p = rule.path("portRange").asText("-1/-1");
      return p.isEmpty() ? "-1/-1" : p;
    }

    @Override
    void remove(TerraformPlanReader r, Change c, ObjectNode estate) {
      JsonNode group = c.before.path("security_group_id");
      Optional<ObjectNode> rule = rule(r, c, c.before, false);
      if (!group.isTextual() || rule.isEmpty()) {
        return;
      }
      byId(estate, "securityGroups", group.asText()).ifPresent(g -> {
        ArrayNode rules = array(g, "rules");
        removeWhere(rules, e -> same(e, rule.get()));
      });
    }

    @Override
    void add(TerraformPlanReader r, Change c, ObjectNode estate) {
      Optional<String> group = r.idAttr(c, "security_group_id");
      Optional<ObjectNode> rule = rule(r, c, c.after, true);
      if (group.isEmpty() || rule.isEmpty()) {
        return;
      }
      Optional<ObjectNode> g = byId(estate, "securityGroups", group.get());
      if (g.isEmpty()) {
        r.noteUnknown(c, "security group " + group.get() + " (not in the snapshot or the plan; the rule is"
            + " left out)");
        return;
      }
      ArrayNode rules = array(g.get(), "rules");
      for (JsonNode existing : rules) {
        if (same(existing, rule.get())) {
          return;
        }
      }
      rules.add(rule.get());
    }
  }

  static final class NatMapper extends ObjectMapper {
    NatMapper() {
      super("ngw-", "id", "natGateways");
    }

    @Override
    void add(TerraformPlanReader r, Change c, ObjectNode estate) {
      String id = r.idOf(c);
      ObjectNode o = upsert(estate, key, id);
      Optional<String> vpc = r.idAttr(c, "vpc_id");
      if (vpc.isEmpty() && !o.has("vpcId")) {
        r.noteUnknown(c, "vpc_id (the NAT gateway is left out)");
        dropIfNew(c, estate, key, id);
        return;
      }
      vpc.ifPresent(v -> o.put("vpcId", v));
      r.idAttr(c, "vswitch_id").ifPresent(v -> o.put("vSwitchId", v));
      putText(o, "name", text(c, "nat_gateway_name", "name"));
      String type = text(c, "network_type").orElse(o.path("networkType").asText("internet"));
      o.put("networkType", type.toLowerCase(Locale.ROOT));
      // a gateway the plan creates is assumed Available after apply (docs/terraform.md)
      o.put("status", text(c, "status").orElse(o.path("status").asText("Available")));
      List<String> tables = text(c, "snat_table_ids").map(s -> strings(known(c, "snat_table_ids").orElseThrow()))
          .orElse(List.of());
      ArrayNode ids = array(o, "snatTableIds");
      if (tables.isEmpty() && ids.isEmpty()) {
        tables = List.of(TerraformPlanReader.standIn("stb-", c));
      }
      for (String t : tables) {
        if (!contains(ids, t)) {
          ids.add(t);
        }
      }
      array(o, "eipIds");
    }
  }

  static boolean contains(ArrayNode a, String value) {
    for (JsonNode n : a) {
      if (value.equals(n.asText())) {
        return true;
      }
    }
    return false;
  }

  static final class EipMapper extends ObjectMapper {
    EipMapper() {
      super("eip-", "id", "eips");
    }

    @Override
    void add(TerraformPlanReader r, Change c, ObjectNode estate) {
      String id = r.idOf(c);
      Optional<String> ip = text(c, "ip_address");
      if (ip.isEmpty() && byId(estate, key, id).isEmpty()) {
        return; // the address is known after apply: the EIP is left out, its stand-in id stays on the gateway
      }
      ObjectNode o = upsert(estate, key, id);
      ip.ifPresent(a -> o.put("ipAddress", r.checked(c, "ip_address", a, IpAddress::parse, IP_FIX)));
      putText(o, "name", text(c, "address_name", "name"));
      putText(o, "status", text(c, "status"));
    }

    @Override
    void describeUnknown(TerraformPlanReader r, Change c) {
      super.describeUnknown(r, c);
      if (isUnknown(c, "ip_address")) {
        r.noteUnknown(c, "ip_address");
      }
    }
  }

  static final class AssociationMapper extends Mapper {
    AssociationMapper() {
      super("eipa-", "id");
    }

    @Override
    void describeUnknown(TerraformPlanReader r, Change c) {}

    @Override
    void remove(TerraformPlanReader r, Change c, ObjectNode estate) {
      String eip = c.before.path("allocation_id").asText("");
      String instance = c.before.path("instance_id").asText("");
      byId(estate, "natGateways", instance).ifPresent(n -> {
        ArrayNode ids = array(n, "eipIds");
        removeWhere(ids, e -> eip.equals(e.asText()));
      });
      byId(estate, "eips", eip).ifPresent(e -> {
        e.remove("instanceId");
        e.remove("instanceType");
      });
    }

    @Override
    void add(TerraformPlanReader r, Change c, ObjectNode estate) {
      Optional<String> eip = r.idAttr(c, "allocation_id");
      Optional<String> instance = r.idAttr(c, "instance_id");
      if (eip.isEmpty() || instance.isEmpty()) {
        r.noteUnknown(c, "allocation_id or instance_id (the association is left out)");
        return;
      }
      byId(estate, "natGateways", instance.get()).ifPresent(n -> {
        ArrayNode ids = array(n, "eipIds");
        if (!contains(ids, eip.get())) {
          ids.add(eip.get());
        }
      });
      byId(estate, "eips", eip.get()).ifPresent(e -> {
        e.put("instanceId", instance.get());
        if (instance.get().startsWith("ngw-")) {
          e.put("instanceType", "Nat");
        }
      });
    }
  }

  static final class SnatMapper extends ObjectMapper {
    SnatMapper() {
      super("snat-", "snat_entry_id", "snatEntries");
    }

    @Override
    void add(TerraformPlanReader r, Change c, ObjectNode estate) {
      String id = r.idOf(c);
      Optional<String> table = r.idAttr(c, "snat_table_id").map(t -> strings(JsonTrees.nodes().textNode(t)).get(0));
      Optional<String> nat = Optional.empty();
      if (table.isPresent()) {
        for (JsonNode n : array(estate, "natGateways")) {
          if (contains(array((ObjectNode) n, "snatTableIds"), table.get())) {
            nat = Optional.of(n.path("id").asText());
          }
        }
      }
      if (nat.isEmpty()) {
        r.noteUnknown(c, "the NAT gateway of SNAT table " + table.orElse("(unknown)") + " (the entry is left out)");
        return;
      }
      ObjectNode o = upsert(estate, key, id);
      o.put("snatTableId", table.get());
      o.put("natGatewayId", nat.get());
      Optional<String> vsw = r.idAttr(c, "source_vswitch_id");
      Optional<String> block = text(c, "source_cidr");
      o.remove(List.of("sourceVSwitchId", "sourceCidr"));
      vsw.ifPresent(v -> o.put("sourceVSwitchId", v));
      block.ifPresent(b -> o.put("sourceCidr", cidr(r, c, "source_cidr", b)));
      List<String> ips = new ArrayList<>();
      Optional<String> planned = text(c, "snat_ip");
      if (planned.isPresent()) {
        ips.addAll(strings(JsonTrees.nodes().textNode(planned.get())));
      } else if (isUnknown(c, "snat_ip")) {
        for (Ref ref : r.references(c, "snat_ip")) {
          text(ref.target(), ref.attribute()).ifPresent(ips::add);
        }
      }
      ips.forEach(ip -> r.checked(c, "snat_ip", ip, IpAddress::parse, IP_FIX));
      o.set("snatIps", textArray(ips));
      o.put("status", text(c, "status").orElse("Available"));
      putText(o, "name", text(c, "snat_entry_name"));
    }

    @Override
    void describeUnknown(TerraformPlanReader r, Change c) {
      super.describeUnknown(r, c);
      if (isUnknown(c, "snat_ip")) {
        boolean resolved = r.references(c, "snat_ip").stream()
            .anyMatch(ref -> text(ref.target(), ref.attribute()).isPresent());
        if (!resolved) {
          r.noteUnknown(c, "snat_ip (the SNAT address)");
        }
      }
    }
  }

  static final class RouteMapper extends Mapper {
    RouteMapper() {
      super("rte-", "id");
    }

    @Override
    void describeUnknown(TerraformPlanReader r, Change c) {}

    @Override
    void remove(TerraformPlanReader r, Change c, ObjectNode estate) {
      String table = c.before.path("route_table_id").asText("");
      String dest = c.before.path("destination_cidrblock").asText("");
      byId(estate, "routeTables", table).ifPresent(t -> {
        ArrayNode entries = array(t, "entries");
        removeWhere(entries, e -> dest.equals(e.path("destination").asText()));
      });
    }

    @Override
    void add(TerraformPlanReader r, Change c, ObjectNode estate) {
      Optional<String> table = r.idAttr(c, "route_table_id");
      Optional<String> dest = text(c, "destination_cidrblock");
      Optional<String> hop = r.idAttr(c, "nexthop_id");
      if (table.isEmpty() || dest.isEmpty() || hop.isEmpty()) {
        r.noteUnknown(c, "route_table_id, destination_cidrblock or nexthop_id (the route is left out)");
        return;
      }
      Optional<ObjectNode> t = byId(estate, "routeTables", table.get());
      if (t.isEmpty()) {
        // the system route table of a VPC the plan creates: its id is known after apply
        Optional<Change> vpc = r.references(c, "route_table_id").stream().map(Ref::target)
            .filter(x -> x.type.equals("alicloud_vpc")).findFirst();
        if (vpc.isEmpty()) {
          r.noteUnknown(c, "route table " + table.get() + " (not in the snapshot; the route is left out)");
          return;
        }
        ObjectNode created = array(estate, "routeTables").addObject();
        created.put("id", table.get());
        created.put("vpcId", r.idOf(vpc.get()));
        created.put("type", "system");
        t = Optional.of(created);
      }
      ArrayNode entries = array(t.get(), "entries");
      removeWhere(entries, e -> dest.get().equals(e.path("destination").asText()));
      ObjectNode e = entries.addObject();
      e.put("destination", cidr(r, c, "destination_cidrblock", dest.get()));
      e.put("nextHopType", text(c, "nexthop_type").orElse("NatGateway"));
      e.put("nextHopId", hop.get());
    }
  }

  static final class DbMapper extends ObjectMapper {
    private final String groupsAttr;
    private final String nameAttr;
    private final String allowlistNameAttr;

    DbMapper(String key, String prefix, String groupsAttr, String nameAttr, String allowlistNameAttr) {
      super(prefix, "id", key);
      this.groupsAttr = groupsAttr;
      this.nameAttr = nameAttr;
      this.allowlistNameAttr = allowlistNameAttr;
    }

    @Override
    void add(TerraformPlanReader r, Change c, ObjectNode estate) {
      String id = r.idOf(c);
      ObjectNode o = upsert(estate, key, id);
      putText(o, "name", text(c, nameAttr, "instance_name"));
      Optional<String> vsw = r.idAttr(c, "vswitch_id").map(v -> strings(JsonTrees.nodes().textNode(v)).get(0));
      vsw.ifPresent(v -> o.put("vSwitchId", v));
      Optional<String> vpc = r.idAttr(c, "vpc_id");
      if (vpc.isEmpty() && vsw.isPresent()) {
        vpc = byId(estate, "vSwitches", vsw.get()).map(v -> v.path("vpcId").asText());
      }
      vpc.ifPresent(v -> o.put("vpcId", v));
      text(c, "private_ip", "private_ip_address")
          .ifPresent(ip -> o.put("privateIp", r.checked(c, "private_ip", ip, IpAddress::parse, IP_FIX)));
      text(c, "port").filter(p -> p.matches("[0-9]{1,5}")).ifPresent(p -> o.put("port", Integer.parseInt(p)));
      known(c, "security_ips").ifPresent(ips -> {
        String group = text(c, allowlistNameAttr).orElse("default");
        ArrayNode lists = array(o, "allowlists");
        removeWhere(lists, e -> group.equals(e.path("name").asText()));
        ObjectNode g = lists.addObject();
        g.put("name", group);
        g.set("entries", textArray(strings(ips)));
      });
      List<String> groups = known(c, groupsAttr).map(TerraformPlanReader::strings).orElse(List.of());
      if (groups.isEmpty() && isUnknown(c, groupsAttr)) {
        groups = r.references(c, groupsAttr).stream().map(ref -> r.attributeOf(ref)).flatMap(Optional::stream)
            .toList();
      }
      if (!groups.isEmpty() || known(c, groupsAttr).isPresent()) {
        o.set("securityGroupIds", textArray(groups));
      }
    }

    @Override
    void describeUnknown(TerraformPlanReader r, Change c) {
      super.describeUnknown(r, c);
      if (c.creates() && text(c, "private_ip", "private_ip_address").isEmpty()) {
        r.noteUnknown(c, "the private address");
      }
    }
  }

  static final class ServiceMapper extends Mapper {
    ServiceMapper() {
      super("", "id");
    }

    @Override
    void describeUnknown(TerraformPlanReader r, Change c) {
      if (isUnknown(c, "service_config")) {
        r.noteUnknown(c, "service_config (only its references are known; the service is named "
            + nameFor(c) + ")");
      }
    }

    static String nameFor(Change c) {
      return "known_after_apply_" + c.address.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
          .replaceAll("^_+|_+$", "");
    }

    private static Optional<String> name(JsonNode doc) {
      String n = doc.path("metadata").path("name").asText(doc.path("name").asText(""));
      return n.isEmpty() ? Optional.empty() : Optional.of(n);
    }

    private JsonNode parse(TerraformPlanReader r, Change c, String text, String side) {
      try {
        JsonNode doc = JsonTrees.parse(text, null);
        ServiceDocument.parse(text, null);
        return doc;
      } catch (InvalidInputException e) {
        throw r.error(c.pointer + "/change/" + side + "/service_config", c.address + ".service_config is not a"
            + " valid EAS service JSON: " + e.problem() + (e.pointer().isEmpty() ? "" : " at " + e.pointer()),
            e.fix());
      }
    }

    private static void removeNamed(ObjectNode estate, String name) {
      ArrayNode services = array(estate, "services");
      removeWhere(services, e -> name(e).filter(name::equals).isPresent());
    }

    @Override
    void remove(TerraformPlanReader r, Change c, ObjectNode estate) {
      JsonNode before = c.before.path("service_config");
      if (before.isTextual()) {
        name(parse(r, c, before.asText(), "before")).ifPresent(n -> removeNamed(estate, n));
      }
    }

    @Override
    void add(TerraformPlanReader r, Change c, ObjectNode estate) {
      Optional<String> config = text(c, "service_config");
      JsonNode doc;
      if (config.isPresent()) {
        doc = parse(r, c, config.get(), "after");
      } else {
        ObjectNode d = JsonTrees.nodes().objectNode();
        d.putObject("metadata").put("name", nameFor(c));
        ObjectNode net = JsonTrees.nodes().objectNode();
        for (Ref ref : r.references(c, "service_config")) {
          String k = switch (ref.target().type) {
            case "alicloud_vpc" -> "vpc_id";
            case "alicloud_vswitch" -> "vswitch_id";
            case "alicloud_security_group" -> "security_group_id";
            default -> null;
          };
          if (k != null && ref.attribute().equals("id") && !net.has(k)) {
            net.put(k, r.idOf(ref.target()));
          }
        }
        if (!net.isEmpty()) {
          d.putObject("cloud").set("networking", net);
        }
        doc = d;
      }
      name(doc).ifPresent(n -> removeNamed(estate, n));
      array(estate, "services").add(doc);
    }
  }
}
