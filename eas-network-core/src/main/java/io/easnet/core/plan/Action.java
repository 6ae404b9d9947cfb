package io.easnet.core.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.internal.Printable;
import io.easnet.core.internal.json.Cursor;
import io.easnet.core.internal.json.JsonTrees;
import io.easnet.core.json.ServiceDocument;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.DLink;
import io.easnet.core.model.Direction;
import io.easnet.core.model.Eip;
import io.easnet.core.model.EipAllocationId;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.NatGatewayId;
import io.easnet.core.model.NatNetworkType;
import io.easnet.core.model.Policy;
import io.easnet.core.model.PortRange;
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
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.ServiceNetworking;
import io.easnet.core.model.SnatEntry;
import io.easnet.core.model.SnatEntryId;
import io.easnet.core.model.SnatTableId;
import io.easnet.core.model.VSwitchId;
import io.easnet.core.model.VpcId;
import io.easnet.core.spi.AllocateEipRequest;
import io.easnet.core.spi.CreateNatGatewayRequest;
import io.easnet.core.spi.CreateRouteEntryRequest;
import io.easnet.core.spi.DLinkStatus;
import io.easnet.core.spi.EipAssociationRequest;
import io.easnet.core.spi.SecurityGroupRuleRequest;
import io.easnet.core.spi.SnatEntryRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What one {@link Change} does, as typed data, and the one place that turns it into an edit of the estate in memory
 * ({@link #applyTo(PlanState)}: the planner's proof). Values that name a resource a change of the same plan creates
 * are references ({@link Refs}), e.g. {@code ${change-1.natGatewayId}}; everything else is a literal id.
 */
sealed interface Action {
  /** The kind of change. */
  ChangeKind kind();

  /** The deduplication key: two remedies with one key are one change. */
  String key();

  /** The ids of the resources the change is made on (literals or references). */
  List<String> targets();

  /** One sentence naming the API call. */
  String describe();

  /** True when the change creates a billed resource. */
  default boolean billed() {
    return false;
  }

  /** What the change costs, when it is billed. */
  default Optional<String> billing() {
    return Optional.empty();
  }

  /** Writes the parameters into {@code p}. */
  void writeParameters(ObjectNode p);

  /** A copy with every reference-capable value mapped by {@code f}. */
  Action mapValues(UnaryOperator<String> f);

  /**
   * Makes the change through the port: reads the state the write would change (a change already made is in place),
   * writes with the plan's client token, and waits for an asynchronous change to finish.
   */
  ChangeResult execute(Execution x);

  /** Every value that may be a reference. */
  List<String> values();

  /** The estate after the change, in memory; references are resolved through {@code s}. */
  PlanState applyTo(PlanState s);

  /** The outputs a change creates, by name; none for most. */
  default List<String> outputs() {
    return List.of();
  }

  /**
   * Reads the parameters of a change of {@code kind}: every id must be an id of its kind, every block a CIDR block,
   * and a value that may name what an earlier change creates either a literal or a reference
   * ({@code ${change-N.output}}; {@link Plan#parse} checks that the change is earlier and has that output).
   */
  static Action read(ChangeKind kind, Cursor p) {
    switch (kind) {
      case SET_SERVICE_NETWORKING:
        p.rejectUnknownKeys(List.of("service", "file", "fileSha256", "vpcId", "vSwitchId", "securityGroupId"));
        return new SetNetworking(text(p, "service"), p.optText("file").orElse(null), sha256(p, "fileSha256"),
            id(p, "vpcId", VpcId::of),
            id(p, "vSwitchId", VSwitchId::of), id(p, "securityGroupId", SecurityGroupId::of));
      case UPDATE_DLINK:
        p.rejectUnknownKeys(List.of("resourceGroupId", "vpcId", "vSwitchId", "securityGroupId", "auxVSwitchIds",
            "destinationCidrs"));
        return new UpdateDLink(id(p, "resourceGroupId", ResourceGroupId::of),
            p.opt("vpcId").isPresent() ? id(p, "vpcId", VpcId::of) : null, id(p, "vSwitchId", VSwitchId::of),
            id(p, "securityGroupId", SecurityGroupId::of), ids(p, "auxVSwitchIds", VSwitchId::of, false),
            ids(p, "destinationCidrs", Cidr::parse, false));
      case CREATE_NAT_GATEWAY:
        p.rejectUnknownKeys(List.of("vpcId", "vSwitchId", "networkType"));
        p.opt("networkType").ifPresent(t -> {
          if (!t.text().equals("internet")) {
            throw t.error("a plan creates internet NAT gateways only, not \"" + t.text() + "\".",
                "write \"networkType\": \"internet\".");
          }
        });
        return new CreateNat(id(p, "vpcId", VpcId::of), id(p, "vSwitchId", VSwitchId::of));
      case ALLOCATE_EIP:
        p.rejectUnknownKeys(List.of("for", "bandwidthMbps", "internetChargeType"));
        int bandwidth = p.opt("bandwidthMbps").map(c -> c.integer(1, 200, "the bandwidth")).orElse(5);
        String charge = p.optText("internetChargeType").orElse("PayByTraffic");
        if (!charge.equals("PayByTraffic") && !charge.equals("PayByBandwidth")) {
          throw p.get("internetChargeType").error("\"" + charge + "\" is not an internet charge type.",
              "write \"PayByTraffic\" or \"PayByBandwidth\".");
        }
        return new AllocateEip(value(p, "for", NatGatewayId::of), bandwidth, charge);
      case BIND_EIP:
        p.rejectUnknownKeys(List.of("eipId", "natGatewayId"));
        return new BindEip(value(p, "eipId", EipAllocationId::of), value(p, "natGatewayId", NatGatewayId::of));
      case CREATE_SNAT_ENTRY:
        p.rejectUnknownKeys(List.of("natGatewayId", "snatTableId", "sourceVSwitchId", "snatIps"));
        List<String> ips = ids(p, "snatIps", IpAddress::parse, true);
        if (ips.isEmpty()) {
          throw p.required("snatIps").error("a SNAT entry needs at least one SNAT IP.",
              "list the EIP addresses of the NAT gateway, e.g. [\"47.1.2.3\"].");
        }
        return new CreateSnat(value(p, "natGatewayId", NatGatewayId::of),
            p.opt("snatTableId").isPresent() ? value(p, "snatTableId", SnatTableId::of) : null,
            id(p, "sourceVSwitchId", VSwitchId::of), ips);
      case ADD_ROUTE_ENTRY:
        p.rejectUnknownKeys(List.of("vpcId", "routeTableId", "destinationCidrBlock", "nextHopType",
            "natGatewayId"));
        p.opt("nextHopType").ifPresent(t -> {
          if (!t.text().equals(RouteEntry.NAT_GATEWAY)) {
            throw t.error("a plan routes to NAT gateways only, not \"" + t.text() + "\".",
                "write \"nextHopType\": \"NatGateway\".");
          }
        });
        return new AddRoute(id(p, "vpcId", VpcId::of), id(p, "routeTableId", RouteTableId::of),
            id(p, "destinationCidrBlock", Cidr::parse), value(p, "natGatewayId", NatGatewayId::of));
      case AUTHORIZE_SECURITY_GROUP_RULE:
        p.rejectUnknownKeys(List.of("securityGroupId", "direction", "protocol", "portRange", "peer", "policy",
            "priority"));
        String policy = text(p, "policy");
        if (!policy.equals("accept")) {
          throw p.get("policy").error("a plan authorizes accept rules only, not \"" + policy + "\".",
              "write \"policy\": \"accept\".");
        }
        SecurityGroupRule rule = p.convert(() -> SecurityGroupRule.builder()
            .direction(Direction.parse(text(p, "direction"))).protocol(Protocol.parse(text(p, "protocol")))
            .portRange(PortRange.parse(text(p, "portRange"))).peer(text(p, "peer"))
            .policy(Policy.ACCEPT).priority(p.required("priority").integer(1, 100, "the priority"))
            .build(), "write the rule as the plan writer wrote it");
        return new AuthorizeRule(id(p, "securityGroupId", SecurityGroupId::of), rule);
      case APPEND_ALLOWLIST_ENTRIES:
        p.rejectUnknownKeys(List.of("product", "instanceId", "group", "entries"));
        String product = text(p, "product");
        if (!product.equals("rds") && !product.equals("redis")) {
          throw p.get("product").error("\"product\" must be \"rds\" or \"redis\", not \"" + product + "\".",
              "write \"rds\" or \"redis\".");
        }
        String instance = product.equals("rds") ? id(p, "instanceId", RdsInstanceId::of)
            : id(p, "instanceId", RedisInstanceId::of);
        String group = text(p, "group");
        if (group.isBlank()) {
          throw p.get("group").error("the allowlist group name is empty.", "write a group name such as \"eas\".");
        }
        List<String> entries = ids(p, "entries", Cidr::parse, false);
        if (entries.isEmpty()) {
          throw p.required("entries").error("an allowlist append needs at least one entry.",
              "list the CIDR blocks to append, e.g. [\"192.168.1.0/24\"].");
        }
        return new AppendAllowlist(product, instance, group, entries);
      default:
        throw new IllegalStateException("unknown kind " + kind);
    }
  }

  private static String text(Cursor p, String key) {
    return p.required(key).text();
  }

  /** An optional SHA-256 in hex (64 lowercase hex digits). */
  private static String sha256(Cursor p, String key) {
    Optional<Cursor> c = p.opt(key);
    if (c.isEmpty()) {
      return null;
    }
    String v = c.get().text();
    if (!v.matches("[0-9a-f]{64}")) {
      throw c.get().error("\"" + Printable.escape(JsonTrees.abbreviate(v)) + "\" is not a SHA-256 digest.",
          "write the digest as eas-net plan wrote it (64 lowercase hex digits), or plan again.");
    }
    return v;
  }

  /** A literal of the kind {@code parser} reads. */
  private static String id(Cursor p, String key, Function<String, ?> parser) {
    Cursor c = p.required(key);
    c.as(parser, "write the value as the plan writer wrote it");
    return c.text();
  }

  /** A literal of the kind {@code parser} reads, or a reference {@code ${change-N.output}}. */
  private static String value(Cursor p, String key, Function<String, ?> parser) {
    return value(p.required(key), parser);
  }

  private static String value(Cursor c, Function<String, ?> parser) {
    String v = c.text();
    if (v.startsWith("${")) {
      if (!REF.matcher(v).matches()) {
        throw c.error("\"" + v + "\" is not a reference.", "write ${change-N.OUTPUT}, e.g. ${change-1.natGatewayId}.");
      }
      String stand = OUTPUT_STAND_INS.get(Refs.outputOf(v));
      if (stand != null) {
        // the output must be of the parameter's kind: an address is no NAT gateway id
        try {
          parser.apply(stand);
        } catch (IllegalArgumentException e) {
          throw c.error("the reference " + v + " names " + Refs.outputOf(v) + ", which is not the kind of value this"
              + " parameter takes.", "refer to an output of the parameter's kind, e.g. ${change-1.natGatewayId} for"
              + " a NAT gateway, ${change-2.eipId} for an EIP, ${change-2.ipAddress} for a SNAT IP.");
        }
      }
      return v;
    }
    c.as(parser, "write the value as the plan writer wrote it, or a reference ${change-N.OUTPUT}");
    return v;
  }

  private static List<String> ids(Cursor p, String key, Function<String, ?> parser, boolean refs) {
    Cursor list = p.required(key);
    if (!list.isArray()) {
      throw list.error("\"" + key + "\" must be an array but this is " + Cursor.describe(list.node()) + ".",
          "write an array of strings.");
    }
    List<String> out = new ArrayList<>();
    for (Cursor c : list.elements()) {
      if (refs) {
        out.add(value(c, parser));
      } else {
        c.as(parser, "write the value as the plan writer wrote it");
        out.add(c.text());
      }
    }
    return out;
  }

  /**
   * What each output of a change stands for, as a value of its kind (what the planner's in-memory edit creates), so
   * that a reference is checked against the kind of the parameter that holds it.
   */
  java.util.Map<String, String> OUTPUT_STAND_INS = java.util.Map.of("natGatewayId", "ngw-planned1",
      "snatTableId", "stb-planned1", "eipId", "eip-planned1", "ipAddress", "47.254.0.1");

  /** A reference as the plan writes it. */
  java.util.regex.Pattern REF = java.util.regex.Pattern.compile("\\$\\{change-[1-9][0-9]*\\.[A-Za-z]+\\}");

  private static void array(ObjectNode p, String key, List<String> values) {
    ArrayNode a = p.putArray(key);
    values.forEach(a::add);
  }

  /** Authorize one security-group rule. */
  record AuthorizeRule(String securityGroupId, SecurityGroupRule rule) implements Action {
    @Override
    public ChangeKind kind() {
      return ChangeKind.AUTHORIZE_SECURITY_GROUP_RULE;
    }

    @Override
    public String key() {
      return "rule:" + securityGroupId + ":" + rule.direction() + ":" + rule.protocol() + ":" + rule.portRange() + ":"
          + rule.peer() + ":" + rule.priority();
    }

    @Override
    public List<String> targets() {
      return List.of(securityGroupId);
    }

    @Override
    public String describe() {
      boolean egress = rule.direction() == Direction.EGRESS;
      String peer = rule.peer().toString();
      return "add an " + (egress ? "egress" : "ingress") + " rule to " + securityGroupId + ": accept "
          + rule.protocol().name().toLowerCase(Locale.ROOT) + " " + rule.portRange() + (egress ? " to " : " from ")
          + (peer.startsWith("sg-") ? "security group " + peer : peer) + " at priority " + rule.priority() + " ("
          + (egress ? "AuthorizeSecurityGroupEgress" : "AuthorizeSecurityGroup") + ")";
    }

    @Override
    public void writeParameters(ObjectNode p) {
      p.put("securityGroupId", securityGroupId);
      p.put("direction", rule.direction().name().toLowerCase(Locale.ROOT));
      p.put("protocol", rule.protocol().name());
      p.put("portRange", rule.portRange().toString());
      p.put("peer", rule.peer().toString());
      p.put("policy", rule.policy().name().toLowerCase(Locale.ROOT));
      p.put("priority", rule.priority());
    }

    @Override
    public Action mapValues(UnaryOperator<String> f) {
      return this;
    }

    @Override
    public List<String> values() {
      return List.of();
    }

    @Override
    public PlanState applyTo(PlanState s) {
      Inventory inv = s.inventory();
      List<SecurityGroup> groups = PlanState.replacing(inv.securityGroups(), g -> g.id().value(), securityGroupId,
          g -> g.rules().stream().anyMatch(r -> r.sameRuleAs(rule)) ? g : g.toBuilder().addRules(rule).build(),
          "security group");
      return s.withInventory(inv.toBuilder().securityGroups(groups).build());
    }

    @Override
    public ChangeResult execute(Execution x) {
      SecurityGroupId group = SecurityGroupId.of(securityGroupId);
      SecurityGroup g = x.call(() -> x.port().ecs().describeSecurityGroup(group));
      if (g.rules().stream().anyMatch(r -> r.sameRuleAs(rule))) {
        return x.inPlace(group + " already holds the rule", Map.of());
      }
      if (x.dry()) {
        return x.wouldApply();
      }
      SecurityGroupRuleRequest req = SecurityGroupRuleRequest.builder().securityGroupId(group).rule(rule)
          .clientToken(x.clientToken()).build();
      x.write(() -> x.port().ecs().authorizeRule(req));
      return x.applied(Map.of());
    }
  }

  /** Append entries to an allowlist group of an RDS or Redis instance. */
  record AppendAllowlist(String product, String instanceId, String group, List<String> entries) implements Action {
    public AppendAllowlist {
      entries = List.copyOf(entries);
    }

    @Override
    public ChangeKind kind() {
      return ChangeKind.APPEND_ALLOWLIST_ENTRIES;
    }

    @Override
    public String key() {
      return "allowlist:" + instanceId + ":" + group;
    }

    @Override
    public List<String> targets() {
      return List.of(instanceId);
    }

    @Override
    public String describe() {
      return "append " + String.join(", ", entries) + " to allowlist group " + group + " of " + instanceId
          + " (ModifySecurityIps with ModifyMode Append)";
    }

    @Override
    public void writeParameters(ObjectNode p) {
      p.put("product", product);
      p.put("instanceId", instanceId);
      p.put("group", group);
      array(p, "entries", entries);
    }

    /** This append with {@code more} entries merged in, without duplicates, in first-seen order. */
    AppendAllowlist merge(List<String> more) {
      Set<String> all = new LinkedHashSet<>(entries);
      all.addAll(more);
      return new AppendAllowlist(product, instanceId, group, List.copyOf(all));
    }

    @Override
    public Action mapValues(UnaryOperator<String> f) {
      return new AppendAllowlist(product, instanceId, group, entries.stream().map(f).toList());
    }

    @Override
    public List<String> values() {
      return entries;
    }

    List<Cidr> cidrs(PlanState s) {
      return entries.stream().map(e -> Cidr.parse(s.resolve(e))).toList();
    }

    @Override
    public PlanState applyTo(PlanState s) {
      Inventory inv = s.inventory();
      List<Cidr> add = cidrs(s);
      if (product.equals("rds")) {
        return s.withInventory(inv.toBuilder().rdsInstances(PlanState.replacing(inv.rdsInstances(),
            r -> r.id().value(), instanceId,
            r -> RdsInstance.builder().from(r).allowlists(appended(r.allowlists(), add)).build(), "RDS instance"))
            .build());
      }
      List<RedisInstance> out = PlanState.replacing(inv.redisInstances(), r -> r.id().value(), instanceId,
          r -> RedisInstance.builder().from(r).allowlists(appended(r.allowlists(), add)).build(), "Redis instance");
      return s.withInventory(inv.toBuilder().redisInstances(out).build());
    }

    @Override
    public ChangeResult execute(Execution x) {
      List<Cidr> wanted = entries.stream().map(e -> Cidr.parse(x.resolve(e))).toList();
      boolean rds = product.equals("rds");
      List<AllowlistGroup> groups = rds ? x.call(() -> x.port().rds().describeAllowlists(RdsInstanceId.of(instanceId)))
          : x.call(() -> x.port().redis().describeAllowlists(RedisInstanceId.of(instanceId)));
      List<Cidr> present = groups.stream().filter(g -> g.name().equals(group))
          .flatMap(g -> g.entries().stream()).toList();
      List<Cidr> missing = wanted.stream().filter(c -> !present.contains(c)).toList();
      if (missing.isEmpty()) {
        return x.inPlace("allowlist group " + group + " of " + instanceId + " already holds " + entries, Map.of());
      }
      if (x.dry()) {
        return x.wouldApply();
      }
      x.write(() -> {
        if (rds) {
          x.port().rds().appendAllowlistEntries(RdsInstanceId.of(instanceId), group, missing);
        } else {
          x.port().redis().appendAllowlistEntries(RedisInstanceId.of(instanceId), group, missing);
        }
      });
      return x.applied(Map.of());
    }

    private List<AllowlistGroup> appended(List<AllowlistGroup> groups, List<Cidr> add) {
      List<AllowlistGroup> out = new ArrayList<>();
      boolean found = false;
      for (AllowlistGroup g : groups) {
        if (g.name().equals(group)) {
          found = true;
          Set<Cidr> all = new LinkedHashSet<>(g.entries());
          all.addAll(add);
          out.add(g.toBuilder().entries(all).build());
        } else {
          out.add(g);
        }
      }
      if (!found) {
        out.add(AllowlistGroup.builder().name(group).entries(add).build());
      }
      return out;
    }
  }

  /** Create an internet NAT gateway in a VPC; outputs natGatewayId and snatTableId. */
  record CreateNat(String vpcId, String vSwitchId) implements Action {
    @Override
    public ChangeKind kind() {
      return ChangeKind.CREATE_NAT_GATEWAY;
    }

    @Override
    public String key() {
      return "nat:" + vpcId;
    }

    @Override
    public List<String> targets() {
      return List.of(vpcId);
    }

    @Override
    public String describe() {
      return "create an internet NAT gateway in " + vpcId + " on vSwitch " + vSwitchId
          + " (CreateNatGateway with NetworkType internet; billed)";
    }

    @Override
    public boolean billed() {
      return true;
    }

    @Override
    public Optional<String> billing() {
      return Optional.of("a NAT gateway is billed by the hour and by the traffic it carries, from its creation until"
          + " it is deleted (enhanced internet NAT gateway, pay-as-you-go)");
    }

    @Override
    public void writeParameters(ObjectNode p) {
      p.put("vpcId", vpcId);
      p.put("vSwitchId", vSwitchId);
      p.put("networkType", "internet");
    }

    @Override
    public Action mapValues(UnaryOperator<String> f) {
      return this;
    }

    @Override
    public List<String> values() {
      return List.of();
    }

    @Override
    public List<String> outputs() {
      return List.of("natGatewayId", "snatTableId");
    }

    @Override
    public PlanState applyTo(PlanState s) {
      int n = s.nextNumber();
      String nat = "ngw-planned" + n;
      String table = "stb-planned" + n;
      Inventory inv = s.inventory().toBuilder().addNatGateway(NatGateway.builder().id(nat).vpcId(vpcId)
          .vSwitchId(vSwitchId).networkType(NatNetworkType.INTERNET).status(NatGateway.AVAILABLE)
          .addSnatTableId(table)).build();
      return s.withInventory(inv).withOutput(Refs.ref(s.currentKey(), "natGatewayId"), nat)
          .withOutput(Refs.ref(s.currentKey(), "snatTableId"), table);
    }

    @Override
    public ChangeResult execute(Execution x) {
      VpcId vpc = VpcId.of(vpcId);
      String name = x.resourceName();
      Optional<NatGateway> mine = x.call(() -> x.port().vpc().describeNatGateways(vpc)).stream()
          .filter(g -> g.name().equals(Optional.of(name))).findFirst();
      if (mine.isPresent()) {
        if (x.dry()) {
          return x.inPlace("NAT gateway " + mine.get().id() + " (" + name + ") exists", outputs(mine.get()));
        }
        NatGateway g = available(x, mine.get().id());
        return x.inPlace("NAT gateway " + g.id() + " (" + name + ") exists", outputs(g));
      }
      if (x.dry()) {
        return x.wouldApply();
      }
      CreateNatGatewayRequest req = CreateNatGatewayRequest.builder().vpcId(vpc).vSwitchId(VSwitchId.of(vSwitchId))
          .name(name).clientToken(x.clientToken()).build();
      NatGatewayId id = x.call(() -> x.port().vpc().createNatGateway(req));
      return x.applied(outputs(available(x, id)));
    }

    private static NatGateway available(Execution x, NatGatewayId id) {
      NatGateway[] last = new NatGateway[1];
      x.waitFor(() -> {
        last[0] = x.call(() -> x.port().vpc().describeNatGateway(id));
        return last[0].isAvailable();
      }, "NAT gateway " + id + " to be Available");
      return last[0];
    }

    private static Map<String, String> outputs(NatGateway g) {
      Map<String, String> out = new LinkedHashMap<>();
      out.put("natGatewayId", g.id().value());
      if (!g.snatTableIds().isEmpty()) {
        out.put("snatTableId", g.snatTableIds().get(0).value());
      }
      return out;
    }
  }

  /** Allocate an EIP for a NAT gateway; outputs eipId and ipAddress. */
  record AllocateEip(String forGateway, int bandwidthMbps, String internetChargeType) implements Action {
    @Override
    public ChangeKind kind() {
      return ChangeKind.ALLOCATE_EIP;
    }

    @Override
    public String key() {
      return "alloc:" + Refs.changeOf(forGateway).orElse(forGateway);
    }

    @Override
    public List<String> targets() {
      return List.of();
    }

    @Override
    public String describe() {
      return "allocate a new EIP for NAT gateway " + forGateway + " (AllocateEipAddress, " + bandwidthMbps
          + " Mbit/s, " + internetChargeType + "; billed)";
    }

    @Override
    public boolean billed() {
      return true;
    }

    @Override
    public Optional<String> billing() {
      return Optional.of("an EIP is billed from its allocation until it is released, bound or not (pay-as-you-go,"
          + " traffic billed)");
    }

    @Override
    public void writeParameters(ObjectNode p) {
      p.put("for", forGateway);
      p.put("bandwidthMbps", bandwidthMbps);
      p.put("internetChargeType", internetChargeType);
    }

    @Override
    public Action mapValues(UnaryOperator<String> f) {
      return new AllocateEip(f.apply(forGateway), bandwidthMbps, internetChargeType);
    }

    @Override
    public List<String> values() {
      return List.of(forGateway);
    }

    @Override
    public List<String> outputs() {
      return List.of("eipId", "ipAddress");
    }

    @Override
    public PlanState applyTo(PlanState s) {
      int n = s.nextNumber();
      String id = "eip-planned" + n;
      String ip = "47.254." + (n / 250) + "." + (1 + n % 250);
      Inventory inv = s.inventory().toBuilder().addEip(Eip.builder().id(id).ipAddress(ip).status("Available"))
          .build();
      return s.withInventory(inv).withOutput(Refs.ref(s.currentKey(), "eipId"), id)
          .withOutput(Refs.ref(s.currentKey(), "ipAddress"), ip);
    }

    @Override
    public ChangeResult execute(Execution x) {
      String name = x.resourceName();
      String nat = x.resolve(forGateway);
      if (nat != null) {
        Optional<Eip> bound = x.call(() -> x.port().vpc().describeEips(NatGatewayId.of(nat))).stream()
            .filter(e -> e.name().equals(Optional.of(name))).findFirst();
        if (bound.isPresent()) {
          return x.inPlace("EIP " + bound.get().id() + " (" + name + ") is allocated and bound to " + nat,
              outputs(bound.get()));
        }
      }
      if (x.dry()) {
        return x.wouldApply();
      }
      AllocateEipRequest req = AllocateEipRequest.builder().name(name).bandwidthMbps(bandwidthMbps)
          .internetChargeType(internetChargeType).clientToken(x.clientToken()).build();
      Eip eip = x.call(() -> x.port().vpc().allocateEip(req));
      return x.applied(outputs(eip));
    }

    private static Map<String, String> outputs(Eip e) {
      return Map.of("eipId", e.id().value(), "ipAddress", e.ipAddress().toString());
    }
  }

  /** Bind an EIP to a NAT gateway. */
  record BindEip(String eipId, String natGatewayId) implements Action {
    @Override
    public ChangeKind kind() {
      return ChangeKind.BIND_EIP;
    }

    @Override
    public String key() {
      return "bind:" + natGatewayId;
    }

    @Override
    public List<String> targets() {
      return List.of(natGatewayId, eipId);
    }

    @Override
    public String describe() {
      return "bind EIP " + eipId + " to NAT gateway " + natGatewayId + " (AssociateEipAddress with InstanceType Nat)";
    }

    @Override
    public void writeParameters(ObjectNode p) {
      p.put("eipId", eipId);
      p.put("natGatewayId", natGatewayId);
    }

    @Override
    public Action mapValues(UnaryOperator<String> f) {
      return new BindEip(f.apply(eipId), f.apply(natGatewayId));
    }

    @Override
    public List<String> values() {
      return List.of(eipId, natGatewayId);
    }

    @Override
    public PlanState applyTo(PlanState s) {
      String eip = s.resolve(eipId);
      String nat = s.resolve(natGatewayId);
      Inventory inv = s.inventory();
      PlanState.require(inv.natGateway(NatGatewayId.of(nat)).isPresent(), "NAT gateway " + nat);
      List<Eip> eips = PlanState.replacing(inv.eips(), e -> e.id().value(), eip,
          e -> e.toBuilder().instanceId(nat).instanceType("Nat").status("InUse").build(), "EIP");
      List<NatGateway> nats = new ArrayList<>();
      for (NatGateway g : inv.natGateways()) {
        boolean bind = g.id().value().equals(nat) && g.eipIds().stream().noneMatch(i -> i.value().equals(eip));
        nats.add(bind ? g.toBuilder().addEipId(eip).build() : g);
      }
      return s.withInventory(inv.toBuilder().eips(eips).natGateways(nats).build());
    }

    @Override
    public ChangeResult execute(Execution x) {
      EipAllocationId eip = EipAllocationId.of(x.resolve(eipId));
      NatGatewayId nat = NatGatewayId.of(x.resolve(natGatewayId));
      boolean bound = x.call(() -> x.port().vpc().describeEips(nat)).stream().anyMatch(e -> e.id().equals(eip));
      if (bound) {
        return x.inPlace("EIP " + eip + " is bound to " + nat, Map.of());
      }
      if (x.dry()) {
        return x.wouldApply();
      }
      EipAssociationRequest req = EipAssociationRequest.builder().eipId(eip).natGatewayId(nat)
          .clientToken(x.clientToken()).build();
      x.write(() -> x.port().vpc().associateEip(req));
      return x.applied(Map.of());
    }
  }

  /** Create a SNAT entry for a vSwitch; the table is looked up at apply time when not known. */
  record CreateSnat(String natGatewayId, String snatTableId, String sourceVSwitchId, List<String> snatIps)
      implements Action {
    public CreateSnat {
      snatIps = List.copyOf(snatIps);
    }

    @Override
    public ChangeKind kind() {
      return ChangeKind.CREATE_SNAT_ENTRY;
    }

    @Override
    public String key() {
      return "snat:" + sourceVSwitchId;
    }

    @Override
    public List<String> targets() {
      return List.of(natGatewayId, sourceVSwitchId);
    }

    @Override
    public String describe() {
      return "create a SNAT entry on NAT gateway " + natGatewayId + (snatTableId == null ? "" : " (table "
          + snatTableId + ")") + " with SourceVSwitchId " + sourceVSwitchId + " and SnatIp " + String.join(",", snatIps)
          + " (CreateSnatEntry)";
    }

    @Override
    public void writeParameters(ObjectNode p) {
      p.put("natGatewayId", natGatewayId);
      if (snatTableId != null) {
        p.put("snatTableId", snatTableId);
      }
      p.put("sourceVSwitchId", sourceVSwitchId);
      array(p, "snatIps", snatIps);
    }

    @Override
    public Action mapValues(UnaryOperator<String> f) {
      return new CreateSnat(f.apply(natGatewayId), snatTableId == null ? null : f.apply(snatTableId),
          sourceVSwitchId, snatIps.stream().map(f).toList());
    }

    @Override
    public List<String> values() {
      List<String> out = new ArrayList<>(List.of(natGatewayId, sourceVSwitchId));
      if (snatTableId != null) {
        out.add(snatTableId);
      }
      out.addAll(snatIps);
      return out;
    }

    @Override
    public PlanState applyTo(PlanState s) {
      String nat = s.resolve(natGatewayId);
      Optional<NatGateway> g = s.inventory().natGateway(NatGatewayId.of(nat));
      PlanState.require(g.isPresent(), "NAT gateway " + nat);
      String table = snatTableId != null ? s.resolve(snatTableId)
          : g.get().snatTableIds().isEmpty() ? "stb-planned" + s.nextNumber() : g.get().snatTableIds().get(0).value();
      SnatEntry.Builder e = SnatEntry.builder().id("snat-planned" + s.nextNumber()).snatTableId(table)
          .natGatewayId(nat).sourceVSwitchId(sourceVSwitchId).status(SnatEntry.AVAILABLE);
      snatIps.forEach(ip -> e.addSnatIps(IpAddress.parse(s.resolve(ip))));
      return s.withInventory(s.inventory().toBuilder().addSnatEntry(e).build());
    }

    @Override
    public ChangeResult execute(Execution x) {
      NatGatewayId nat = NatGatewayId.of(x.resolve(natGatewayId));
      VSwitchId vsw = VSwitchId.of(sourceVSwitchId);
      Optional<SnatEntry> present = x.call(() -> x.port().vpc().describeSnatEntries(nat)).stream()
          .filter(e -> e.sourceVSwitchId().equals(Optional.of(vsw))).findFirst();
      if (present.isPresent()) {
        SnatEntry e = present.get();
        if (!x.dry()) {
          available(x, e.snatTableId(), e.id());
        }
        return x.inPlace("SNAT entry " + e.id() + " of " + nat + " covers " + vsw, Map.of("snatEntryId",
            e.id().value()));
      }
      if (x.dry()) {
        return x.wouldApply();
      }
      SnatTableId table;
      if (snatTableId != null) {
        table = SnatTableId.of(x.resolve(snatTableId));
      } else {
        List<SnatTableId> tables = x.call(() -> x.port().vpc().describeNatGateway(nat)).snatTableIds();
        if (tables.isEmpty()) {
          return x.failed("NAT gateway " + nat + " has no SNAT table", "NoSnatTable");
        }
        table = tables.get(0);
      }
      SnatEntryRequest.Builder req = SnatEntryRequest.builder().snatTableId(table).sourceVSwitchId(vsw)
          .clientToken(x.clientToken());
      snatIps.forEach(ip -> req.addSnatIp(IpAddress.parse(x.resolve(ip))));
      SnatEntryRequest request = req.build();
      SnatEntryId id = x.call(() -> x.port().vpc().createSnatEntry(request));
      available(x, table, id);
      return x.applied(Map.of("snatEntryId", id.value()));
    }

    private static void available(Execution x, SnatTableId table, SnatEntryId id) {
      x.waitFor(() -> x.call(() -> x.port().vpc().describeSnatEntry(table, id)).isAvailable(),
          "SNAT entry " + id + " to be Available");
    }
  }

  /** Route a destination block to a NAT gateway. */
  record AddRoute(String vpcId, String routeTableId, String destination, String natGatewayId) implements Action {
    @Override
    public ChangeKind kind() {
      return ChangeKind.ADD_ROUTE_ENTRY;
    }

    @Override
    public String key() {
      return "route:" + routeTableId + ":" + destination;
    }

    @Override
    public List<String> targets() {
      return List.of(routeTableId);
    }

    @Override
    public String describe() {
      return "add a route entry " + destination + " with next hop type NatGateway " + natGatewayId + " to "
          + routeTableId + " (CreateRouteEntry)";
    }

    @Override
    public void writeParameters(ObjectNode p) {
      p.put("vpcId", vpcId);
      p.put("routeTableId", routeTableId);
      p.put("destinationCidrBlock", destination);
      p.put("nextHopType", RouteEntry.NAT_GATEWAY);
      p.put("natGatewayId", natGatewayId);
    }

    @Override
    public Action mapValues(UnaryOperator<String> f) {
      return new AddRoute(vpcId, routeTableId, destination, f.apply(natGatewayId));
    }

    @Override
    public List<String> values() {
      return List.of(natGatewayId);
    }

    @Override
    public PlanState applyTo(PlanState s) {
      NatGatewayId nat = NatGatewayId.of(s.resolve(natGatewayId));
      Inventory inv = s.inventory();
      Cidr d = Cidr.parse(destination);
      List<RouteTable> tables = PlanState.replacing(inv.routeTables(), t -> t.id().value(), routeTableId,
          t -> t.entries().stream().anyMatch(e -> e.destination().equals(d) && e.pointsTo(nat)) ? t
              : t.toBuilder().addEntries(RouteEntry.toNat(destination, nat)).build(), "route table");
      return s.withInventory(inv.toBuilder().routeTables(tables).build());
    }

    @Override
    public ChangeResult execute(Execution x) {
      RouteTableId tableId = RouteTableId.of(routeTableId);
      NatGatewayId nat = NatGatewayId.of(x.resolve(natGatewayId));
      Cidr dest = Cidr.parse(destination);
      Optional<RouteTable> table = x.call(() -> x.port().vpc().describeRouteTables(VpcId.of(vpcId))).stream()
          .filter(t -> t.id().equals(tableId)).findFirst();
      if (table.isPresent() && table.get().entries().stream()
          .anyMatch(e -> e.destination().equals(dest) && e.pointsTo(nat))) {
        return x.inPlace("route table " + tableId + " already sends " + dest + " to " + nat, Map.of());
      }
      if (x.dry()) {
        return x.wouldApply();
      }
      CreateRouteEntryRequest req = CreateRouteEntryRequest.builder().routeTableId(tableId).destination(dest)
          .natGatewayId(nat).clientToken(x.clientToken()).build();
      x.write(() -> x.port().vpc().createRouteEntry(req));
      return x.applied(Map.of());
    }
  }

  /** Set the VPC direct connection of a resource group. */
  record UpdateDLink(String resourceGroupId, String vpcId, String vSwitchId, String securityGroupId,
      List<String> auxVSwitchIds, List<String> destinationCidrs) implements Action {
    public UpdateDLink {
      auxVSwitchIds = List.copyOf(auxVSwitchIds);
      destinationCidrs = List.copyOf(destinationCidrs);
    }

    static UpdateDLink of(String resourceGroupId, DLink d) {
      return new UpdateDLink(resourceGroupId, d.vpcId().map(Object::toString).orElse(null), d.vSwitchId().value(),
          d.securityGroupId().value(), d.auxVSwitchIds().stream().map(Object::toString).toList(),
          d.destinationCidrs().stream().map(Object::toString).toList());
    }

    DLink dlink() {
      DLink.Builder b = DLink.builder().vSwitchId(vSwitchId).securityGroupId(securityGroupId);
      if (vpcId != null) {
        b.vpcId(vpcId);
      }
      auxVSwitchIds.forEach(b::addAuxVSwitchId);
      destinationCidrs.forEach(b::addDestinationCidr);
      return b.build();
    }

    @Override
    public ChangeKind kind() {
      return ChangeKind.UPDATE_DLINK;
    }

    @Override
    public String key() {
      return "dlink:" + resourceGroupId;
    }

    @Override
    public List<String> targets() {
      return List.of(resourceGroupId);
    }

    @Override
    public String describe() {
      return "update the VPC direct connection of " + resourceGroupId + " (UpdateResourceDLink): VSwitchId "
          + vSwitchId + ", SecurityGroupId " + securityGroupId
          + (auxVSwitchIds.isEmpty() ? "" : ", VSwitchIdList " + String.join(",", auxVSwitchIds))
          + (destinationCidrs.isEmpty() ? "" : ", DestinationCIDRs " + String.join(",", destinationCidrs));
    }

    @Override
    public void writeParameters(ObjectNode p) {
      p.put("resourceGroupId", resourceGroupId);
      if (vpcId != null) {
        p.put("vpcId", vpcId);
      }
      p.put("vSwitchId", vSwitchId);
      p.put("securityGroupId", securityGroupId);
      array(p, "auxVSwitchIds", auxVSwitchIds);
      array(p, "destinationCidrs", destinationCidrs);
    }

    @Override
    public Action mapValues(UnaryOperator<String> f) {
      return this;
    }

    @Override
    public List<String> values() {
      return List.of();
    }

    @Override
    public PlanState applyTo(PlanState s) {
      Inventory inv = s.inventory();
      List<ResourceGroup> out = PlanState.replacing(inv.resourceGroups(), g -> g.id().value(), resourceGroupId,
          g -> g.toBuilder().dlink(dlink()).build(), "resource group");
      return s.withInventory(inv.toBuilder().resourceGroups(out).build());
    }

    @Override
    public ChangeResult execute(Execution x) {
      ResourceGroupId rg = ResourceGroupId.of(resourceGroupId);
      DLink wanted = dlink();
      Optional<DLink> now = x.call(() -> x.port().eas().describeResourceDLink(rg));
      boolean same = now.isPresent() && now.get().vSwitchId().equals(wanted.vSwitchId())
          && now.get().securityGroupId().equals(wanted.securityGroupId())
          && now.get().auxVSwitchIds().equals(wanted.auxVSwitchIds())
          && now.get().destinationCidrs().equals(wanted.destinationCidrs());
      if (same || x.dry()) {
        if (same && !x.dry()) {
          ready(x, rg);
        }
        return same ? x.inPlace("the VPC direct connection of " + rg + " is already as planned", Map.of())
            : x.wouldApply();
      }
      x.write(() -> x.port().eas().updateResourceDLink(rg, wanted));
      ready(x, rg);
      return x.applied(Map.of());
    }

    private static void ready(Execution x, ResourceGroupId rg) {
      x.waitFor(() -> x.call(() -> x.port().eas().describeResourceDLinkStatus(rg)) == DLinkStatus.READY,
          "the VPC direct connection of " + rg + " to be READY");
    }
  }

  /** A service JSON file as a plan names it: its path and the SHA-256 (hex) of its content when planned. */
  record ServiceFile(String path, String sha256) {}

  /**
   * Set {@code cloud.networking} of a service (in its JSON file). {@code file} is relative to the plan file's
   * directory once the plan is written; {@code fileSha256} is the file's content when planned (apply refuses a file
   * that changed since, unless it already holds the networking).
   */
  record SetNetworking(String service, String file, String fileSha256, String vpcId, String vSwitchId,
      String securityGroupId) implements Action {
    SetNetworking withFile(String newFile) {
      return new SetNetworking(service, newFile, fileSha256, vpcId, vSwitchId, securityGroupId);
    }

    ServiceNetworking networking() {
      return ServiceNetworking.of(vpcId, vSwitchId, securityGroupId);
    }

    @Override
    public ChangeKind kind() {
      return ChangeKind.SET_SERVICE_NETWORKING;
    }

    @Override
    public String key() {
      return "networking:" + service;
    }

    @Override
    public List<String> targets() {
      return file == null ? List.of(service) : List.of(service, file);
    }

    @Override
    public String describe() {
      return "set cloud.networking of service " + service + (file == null ? "" : " in " + file) + " to vpc_id "
          + vpcId + ", vswitch_id " + vSwitchId + ", security_group_id " + securityGroupId
          + " (service JSON; deploy it with eascmd update)";
    }

    @Override
    public void writeParameters(ObjectNode p) {
      p.put("service", service);
      if (file != null) {
        p.put("file", file);
      }
      if (fileSha256 != null) {
        p.put("fileSha256", fileSha256);
      }
      p.put("vpcId", vpcId);
      p.put("vSwitchId", vSwitchId);
      p.put("securityGroupId", securityGroupId);
    }

    @Override
    public Action mapValues(UnaryOperator<String> f) {
      return this;
    }

    @Override
    public List<String> values() {
      return List.of();
    }

    @Override
    public PlanState applyTo(PlanState s) {
      return s.withNetworking(service, networking());
    }

    @Override
    public ChangeResult execute(Execution x) {
      Path path = x.serviceFile(this);
      if (path == null) {
        return x.failed("the plan names no service file for service " + service + ": pass it with"
            + " Applier.Builder.serviceFile(\"" + service + "\", path), or plan from an intents file", "NoServiceFile");
      }
      ServiceDocument doc = x.checkedServiceFile(this, path);
      ServiceNetworking wanted = networking();
      if (doc.spec().networking().equals(Optional.of(wanted))) {
        return x.inPlace(path + " already sets cloud.networking to " + vpcId + ", " + vSwitchId + ", "
            + securityGroupId, Map.of());
      }
      if (x.dry()) {
        return x.wouldApply();
      }
      doc.withNetworking(wanted).write(path);
      return x.applied(Map.of());
    }
  }
}
