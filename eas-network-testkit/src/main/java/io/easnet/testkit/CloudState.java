package io.easnet.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.CloudServiceException.Kind;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.AllowlistTarget;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.DLink;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.EcsInstanceId;
import io.easnet.core.model.Eip;
import io.easnet.core.model.EipAllocationId;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.NatGatewayId;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.RdsInstanceId;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.RedisInstanceId;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.ResourceGroupId;
import io.easnet.core.model.ResourceId;
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
import io.easnet.core.spi.SnatEntryRequest;
import io.easnet.core.spi.UpdateType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The fake's state and Alibaba's invariants. Not thread-safe by itself: {@link FakeCloud} holds its lock around
 * every call.
 */
final class CloudState {
  static final int MAX_RULES_PER_GROUP = 200;
  static final int MAX_ALLOWLIST_ENTRIES = 1000;
  static final String PENDING = "Pending";
  static final String AVAILABLE = "Available";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  final FakeClock clock;
  final Ids ids;
  final Duration asyncDelay;
  Optional<String> regionId = Optional.empty();

  final Map<VpcId, Vpc> vpcs = new LinkedHashMap<>();
  final Map<VSwitchId, VSwitch> vSwitches = new LinkedHashMap<>();
  /** Free addresses before the fake's own services take theirs. */
  final Map<VSwitchId, Long> baseline = new LinkedHashMap<>();
  final Map<SecurityGroupId, SecurityGroup> groups = new LinkedHashMap<>();
  final Map<NatGatewayId, NatGateway> nats = new LinkedHashMap<>();
  final Map<SnatEntryId, SnatEntry> snat = new LinkedHashMap<>();
  final Map<SnatEntryId, Instant> snatReadyAt = new LinkedHashMap<>();
  final Map<EipAllocationId, Eip> eips = new LinkedHashMap<>();
  final Map<RouteTableId, RouteTable> routeTables = new LinkedHashMap<>();
  final Map<EcsInstanceId, EcsInstance> ecs = new LinkedHashMap<>();
  final Allowlists<RdsInstanceId, RdsInstance> rds = new Allowlists<>("InvalidDBInstanceId.NotFound", "DB instance",
      RdsInstance::id, (i, allowlists) -> i.toBuilder().allowlists(allowlists).build());
  final Allowlists<RedisInstanceId, RedisInstance> redis = new Allowlists<>("InvalidInstanceId.NotFound", "instance",
      RedisInstance::id, (i, allowlists) -> i.toBuilder().allowlists(allowlists).build());
  final Map<ResourceGroupId, ResourceGroup> resourceGroups = new LinkedHashMap<>();
  final Map<ResourceGroupId, Instant> dlinkReadyAt = new LinkedHashMap<>();
  final Map<String, ObjectNode> services = new LinkedHashMap<>();
  final Map<String, Placement> placements = new LinkedHashMap<>();
  /** Names given in the estate DSL or found in a loaded inventory: "kind:name" to id. */
  final Map<String, String> names = new LinkedHashMap<>();

  /** Where a service's instances take their addresses. */
  record Placement(VSwitchId vSwitch, int instances) {}

  CloudState(FakeClock clock, Ids ids, Duration asyncDelay) {
    this.clock = clock;
    this.ids = ids;
    this.asyncDelay = asyncDelay;
  }

  // ---------------------------------------------------------------------------------------------- time

  /** Moves every asynchronous resource whose time has come from Pending to Available. */
  void settle() {
    Instant now = clock.instant();
    for (Iterator<Map.Entry<SnatEntryId, Instant>> it = snatReadyAt.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<SnatEntryId, Instant> e = it.next();
      if (!now.isBefore(e.getValue())) {
        SnatEntry entry = snat.get(e.getKey());
        if (entry != null) {
          snat.put(entry.id(), entry.toBuilder().status(AVAILABLE).build());
        }
        it.remove();
      }
    }
    dlinkReadyAt.values().removeIf(t -> !now.isBefore(t));
  }

  Optional<String> dlinkStatus(ResourceGroupId id) {
    ResourceGroup g = resourceGroups.get(id);
    if (g == null || g.dlink().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(dlinkReadyAt.containsKey(id) ? PENDING : AVAILABLE);
  }

  // ---------------------------------------------------------------------------------------------- load/snapshot

  void clear() {
    for (Map<?, ?> m : List.<Map<?, ?>>of(vpcs, vSwitches, baseline, groups, nats, snat, snatReadyAt, eips,
        routeTables, ecs, rds.instances, redis.instances, resourceGroups, dlinkReadyAt, services, placements, names)) {
      m.clear();
    }
  }

  void load(Inventory inv) {
    clear();
    regionId = inv.regionId();
    inv.vpcs().forEach(v -> {
      vpcs.put(v.id(), v);
      v.name().ifPresent(n -> names.put("vpc:" + n, v.id().value()));
    });
    inv.vSwitches().forEach(v -> {
      vSwitches.put(v.id(), v);
      baseline.put(v.id(), v.availableIpAddressCount());
      v.name().ifPresent(n -> names.put("vsw:" + n, v.id().value()));
    });
    inv.securityGroups().forEach(g -> {
      groups.put(g.id(), g);
      g.name().ifPresent(n -> names.put("sg:" + n, g.id().value()));
    });
    inv.natGateways().forEach(n -> {
      nats.put(n.id(), n);
      n.name().ifPresent(x -> names.put("ngw:" + x, n.id().value()));
    });
    inv.snatEntries().forEach(e -> snat.put(e.id(), e));
    inv.eips().forEach(e -> eips.put(e.id(), e));
    inv.routeTables().forEach(t -> routeTables.put(t.id(), t));
    inv.ecsInstances().forEach(i -> {
      ecs.put(i.id(), i);
      i.name().ifPresent(n -> names.put("ecs:" + n, i.id().value()));
    });
    inv.rdsInstances().forEach(i -> {
      rds.put(i);
      i.name().ifPresent(n -> names.put("rds:" + n, i.id().value()));
    });
    inv.redisInstances().forEach(i -> {
      redis.put(i);
      i.name().ifPresent(n -> names.put("redis:" + n, i.id().value()));
    });
    inv.resourceGroups().forEach(g -> {
      resourceGroups.put(g.id(), g);
      g.name().ifPresent(n -> names.put("rg:" + n, g.id().value()));
    });
  }

  Inventory inventory() {
    Inventory.Builder b = Inventory.builder();
    regionId.ifPresent(b::regionId);
    return b.addAllVpcs(vpcs.values())
        .addAllVSwitches(vSwitches.keySet().stream().map(this::vSwitchNow).toList())
        .addAllSecurityGroups(groups.values())
        .addAllNatGateways(nats.values())
        .addAllSnatEntries(snat.values())
        .addAllEips(eips.values())
        .addAllRouteTables(routeTables.values())
        .addAllEcsInstances(ecs.values())
        .addAllRdsInstances(rds.instances.values())
        .addAllRedisInstances(redis.instances.values())
        .addAllResourceGroups(resourceGroups.values())
        .build();
  }

  // ---------------------------------------------------------------------------------------------- VPC

  Vpc vpc(VpcId id) {
    return existing(vpcs, id, "InvalidVpcId.NotFound", "VPC");
  }

  VSwitch vSwitchNow(VSwitchId id) {
    VSwitch v = existing(vSwitches, id, "InvalidVSwitchId.NotFound", "vSwitch");
    return v.toBuilder().availableIpAddressCount(available(id)).build();
  }

  long available(VSwitchId id) {
    long used = placements.values().stream().filter(p -> p.vSwitch().equals(id)).mapToLong(Placement::instances).sum();
    return Math.max(0, baseline.getOrDefault(id, 0L) - used);
  }

  List<VSwitch> vSwitchesIn(VpcId vpc) {
    return vSwitches.values().stream().filter(v -> v.vpcId().equals(vpc)).map(v -> vSwitchNow(v.id())).toList();
  }

  List<NatGateway> natsIn(VpcId vpc) {
    return nats.values().stream().filter(n -> n.vpcId().equals(vpc)).toList();
  }

  NatGateway nat(NatGatewayId id) {
    return existing(nats, id, "InvalidNatGatewayId.NotFound", "NAT gateway");
  }

  List<SnatEntry> snatOf(NatGatewayId id) {
    nat(id);
    return snat.values().stream().filter(e -> e.natGatewayId().equals(id)).toList();
  }

  List<Eip> eipsOf(NatGatewayId id) {
    NatGateway n = nat(id);
    List<Eip> out = new ArrayList<>();
    for (Eip e : eips.values()) {
      if (n.eipIds().contains(e.id()) || e.instanceId().map(id.value()::equals).orElse(false)) {
        out.add(e);
      }
    }
    return out;
  }

  List<RouteTable> routeTablesIn(VpcId vpc) {
    return routeTables.values().stream().filter(t -> t.vpcId().equals(vpc)).toList();
  }

  private NatGateway natOfTable(SnatTableId table) {
    for (NatGateway n : nats.values()) {
      if (n.snatTableIds().contains(table)) {
        return n;
      }
    }
    throw Refusal.notFound("InvalidSnatTableId.NotFound", "The specified SNAT table " + table + " does not exist.");
  }

  SnatEntryId createSnat(SnatEntryRequest r) {
    NatGateway nat = natOfTable(r.snatTableId());
    if (r.sourceVSwitchId().isPresent() && r.sourceCidr().isPresent()) {
      throw Refusal.invalid("InvalidParameter",
          "SourceVSwitchId and SourceCIDR cannot be specified together: name the vSwitch or the block, not both.");
    }
    if (r.sourceVSwitchId().isEmpty() && r.sourceCidr().isEmpty()) {
      throw Refusal.invalid("MissingParameter", "one of SourceVSwitchId and SourceCIDR is required.");
    }
    if (r.snatIps().isEmpty()) {
      throw Refusal.invalid("MissingParameter", "SnatIp is required: name at least one EIP of the NAT gateway.");
    }
    Set<IpAddress> natIps = new LinkedHashSet<>();
    eipsOf(nat.id()).forEach(e -> natIps.add(e.ipAddress()));
    for (IpAddress ip : r.snatIps()) {
      if (!natIps.contains(ip)) {
        throw Refusal.notFound("InvalidSnatIp.NotFound",
            "SnatIp " + ip + " is not an EIP bound to NAT gateway " + nat.id() + ".");
      }
    }
    if (r.sourceVSwitchId().isPresent()) {
      VSwitch vsw = vSwitchNow(r.sourceVSwitchId().get());
      if (!vsw.vpcId().equals(nat.vpcId())) {
        throw Refusal.invalid("InvalidVSwitchId.NotInVpc",
            "vSwitch " + vsw.id() + " is in " + vsw.vpcId() + ", not in the NAT gateway's VPC " + nat.vpcId() + ".");
      }
    }
    for (SnatEntry e : snatOf(nat.id())) {
      boolean sameSource = r.sourceVSwitchId().isPresent()
          ? e.sourceVSwitchId().equals(r.sourceVSwitchId())
          : e.sourceVSwitchId().isEmpty() && e.sourceCidr().equals(r.sourceCidr());
      if (sameSource) {
        if (e.snatTableId().equals(r.snatTableId()) && e.snatIps().equals(r.snatIps()) && e.name().equals(r.name())) {
          return e.id();
        }
        throw new Refusal("Forbidden.SourceVSwitchId.Duplicated", Kind.ALREADY_EXISTS,
            "the source " + r.sourceVSwitchId().map(Object::toString).orElseGet(() -> r.sourceCidr().get().toString())
                + " is already in SNAT entry " + e.id() + "; a source can be in one entry only.");
      }
    }
    SnatEntry.Builder b = SnatEntry.builder()
        .id(SnatEntryId.of(ids.next("snat-")))
        .snatTableId(r.snatTableId())
        .natGatewayId(nat.id())
        .addAllSnatIps(r.snatIps())
        .status(PENDING);
    r.sourceVSwitchId().ifPresent(b::sourceVSwitchId);
    r.sourceCidr().ifPresent(b::sourceCidr);
    r.name().ifPresent(b::name);
    SnatEntry e = b.build();
    snat.put(e.id(), e);
    snatReadyAt.put(e.id(), clock.instant().plus(asyncDelay));
    return e.id();
  }

  void deleteSnat(SnatTableId table, SnatEntryId id) {
    natOfTable(table);
    SnatEntry e = snat.get(id);
    if (e != null && e.snatTableId().equals(table)) {
      snat.remove(id);
      snatReadyAt.remove(id);
    }
  }

  // ---------------------------------------------------------------------------------------------- ECS

  SecurityGroup group(SecurityGroupId id) {
    return existing(groups, id, "InvalidSecurityGroupId.NotFound", "security group");
  }

  List<SecurityGroup> groupsIn(VpcId vpc) {
    return groups.values().stream().filter(g -> g.vpcId().equals(vpc)).toList();
  }

  void authorize(SecurityGroupId id, SecurityGroupRule rule) {
    SecurityGroup g = group(id);
    for (SecurityGroupRule r : g.rules()) {
      if (r.sameRuleAs(rule)) {
        return;
      }
    }
    if (rule.peer() instanceof RulePeer.GroupPeer peer) {
      if (g.type() == SecurityGroupType.ENTERPRISE) {
        throw Refusal.invalid("InvalidParam.SecurityGroupType",
            "an enterprise security group cannot use a security group (" + peer.groupId() + ") as a peer.");
      }
      group(peer.groupId());
    }
    if (g.rules().size() >= MAX_RULES_PER_GROUP) {
      throw new Refusal("AuthorizationLimitExceed", Kind.QUOTA_EXCEEDED,
          "security group " + id + " holds " + g.rules().size() + " rules; a group holds at most "
              + MAX_RULES_PER_GROUP + ".");
    }
    SecurityGroupRule stored = rule.ruleId().isPresent() ? rule : rule.toBuilder().ruleId(ids.next("sgr-")).build();
    groups.put(id, g.toBuilder().addRule(stored).build());
  }

  void revoke(SecurityGroupId id, SecurityGroupRule rule) {
    SecurityGroup g = group(id);
    List<SecurityGroupRule> kept = g.rules().stream().filter(r -> !r.sameRuleAs(rule)).toList();
    if (kept.size() != g.rules().size()) {
      groups.put(id, g.toBuilder().rules(kept).build());
    }
  }

  EcsInstance ecsInstance(EcsInstanceId id) {
    return existing(ecs, id, "InvalidInstanceId.NotFound", "instance");
  }

  /**
   * The value under {@code id}.
   *
   * @throws Refusal {@code NOT_FOUND} with {@code code} and the message "The specified {what} {id} does not exist."
   */
  static <K, V> V existing(Map<K, V> map, K id, String code, String what) {
    V v = map.get(id);
    if (v == null) {
      throw Refusal.notFound(code, "The specified " + what + " " + id + " does not exist.");
    }
    return v;
  }

  // ---------------------------------------------------------------------------------------------- allowlists

  private static void checkEntries(String group, List<Cidr> entries) {
    if (group.isBlank()) {
      throw Refusal.invalid("InvalidSecurityIPArrayName.Malformed", "the allowlist group name must not be blank.");
    }
    if (entries.isEmpty()) {
      throw Refusal.invalid("InvalidSecurityIPList.Malformed", "SecurityIps must name at least one entry.");
    }
    for (Cidr c : entries) {
      if (!c.isIpv4() || (c.prefixLength() == 0 && !c.isAny())) {
        throw Refusal.invalid("InvalidSecurityIPList.Malformed", "entry " + c + " is not an IPv4 address or block.");
      }
    }
  }

  private static List<AllowlistGroup> append(AllowlistTarget t, String group, List<Cidr> entries) {
    checkEntries(group, entries);
    List<AllowlistGroup> out = new ArrayList<>();
    boolean found = false;
    int added = 0;
    for (AllowlistGroup g : t.allowlists()) {
      if (g.name().equals(group)) {
        found = true;
        Set<Cidr> merged = new LinkedHashSet<>(g.entries());
        int before = merged.size();
        merged.addAll(entries);
        added = merged.size() - before;
        out.add(g.toBuilder().entries(merged).build());
      } else {
        out.add(g);
      }
    }
    if (!found) {
      Set<Cidr> fresh = new LinkedHashSet<>(entries);
      added = fresh.size();
      out.add(AllowlistGroup.builder().name(group).addAllEntries(fresh).build());
    }
    int total = t.allowlistEntryCount() + added;
    if (added > 0 && total > MAX_ALLOWLIST_ENTRIES) {
      throw new Refusal("QuotaExceeded.SecurityIps", Kind.QUOTA_EXCEEDED,
          t.targetId() + " would hold " + total + " allowlist entries; an instance holds at most "
              + MAX_ALLOWLIST_ENTRIES + ".");
    }
    return out;
  }

  private static List<AllowlistGroup> delete(AllowlistTarget t, String group, List<Cidr> entries) {
    checkEntries(group, entries);
    List<AllowlistGroup> out = new ArrayList<>();
    boolean found = false;
    for (AllowlistGroup g : t.allowlists()) {
      if (g.name().equals(group)) {
        found = true;
        List<Cidr> kept = g.entries().stream().filter(e -> !entries.contains(e)).toList();
        if (kept.isEmpty()) {
          throw Refusal.invalid("InvalidSecurityIPList.AtLeastOne",
              "deleting " + entries + " would leave allowlist group " + group + " of " + t.targetId()
                  + " empty; a group keeps at least one entry.");
        }
        out.add(g.toBuilder().entries(kept).build());
      } else {
        out.add(g);
      }
    }
    if (!found) {
      throw Refusal.notFound("InvalidSecurityIPArrayName.NotFound",
          "allowlist group " + group + " of " + t.targetId() + " does not exist.");
    }
    return out;
  }

  /**
   * The instances of one allowlist product, RDS or Redis, with the look-up and allowlist edits both products share.
   *
   * @param <I> the instance id type
   * @param <T> the instance type
   */
  static final class Allowlists<I extends ResourceId, T extends AllowlistTarget> {
    final Map<I, T> instances = new LinkedHashMap<>();
    private final String notFoundCode;
    private final String what;
    private final Function<T, I> idOf;
    private final BiFunction<T, List<AllowlistGroup>, T> withAllowlists;

    Allowlists(String notFoundCode, String what, Function<T, I> idOf,
        BiFunction<T, List<AllowlistGroup>, T> withAllowlists) {
      this.notFoundCode = notFoundCode;
      this.what = what;
      this.idOf = idOf;
      this.withAllowlists = withAllowlists;
    }

    void put(T instance) {
      instances.put(idOf.apply(instance), instance);
    }

    T instance(I id) {
      return existing(instances, id, notFoundCode, what);
    }

    List<T> inVpc(VpcId vpc) {
      return instances.values().stream().filter(t -> t.vpcId().map(vpc::equals).orElse(false)).toList();
    }

    void append(I id, String group, List<Cidr> entries) {
      T i = instance(id);
      instances.put(id, withAllowlists.apply(i, CloudState.append(i, group, entries)));
    }

    void delete(I id, String group, List<Cidr> entries) {
      T i = instance(id);
      instances.put(id, withAllowlists.apply(i, CloudState.delete(i, group, entries)));
    }
  }

  // ---------------------------------------------------------------------------------------------- EAS

  String describeService(String name) {
    ObjectNode s = services.get(name);
    if (s == null) {
      throw Refusal.notFound("InvalidService.NotFound", "service " + name + " does not exist.");
    }
    return s.toString();
  }

  /**
   * Adds a service read from a snapshot. The snapshot's free-address counts already include its instances, so the
   * vSwitch's baseline is raised by what the placement takes: the reported count stays as loaded.
   */
  void restoreService(String json) {
    ObjectNode config = parseObject(json);
    String name = serviceName(config);
    Optional<VSwitchId> vsw = placementVSwitch(config);
    int instances = instances(config);
    vsw.ifPresent(v -> {
      baseline.merge(v, (long) instances, Long::sum);
    });
    place(name, config);
    services.put(name, config);
  }

  void createService(String json) {
    ObjectNode config = parseObject(json);
    String name = serviceName(config);
    if (services.containsKey(name)) {
      throw new Refusal("ServiceAlreadyExists", Kind.ALREADY_EXISTS, "service " + name + " already exists.");
    }
    place(name, config);
    services.put(name, config);
  }

  void updateService(String name, String json, UpdateType type) {
    ObjectNode current = services.get(name);
    if (current == null) {
      throw Refusal.notFound("InvalidService.NotFound", "service " + name + " does not exist.");
    }
    ObjectNode patch = parseObject(json);
    ObjectNode next = type == UpdateType.REPLACE ? patch : merge(current.deepCopy(), patch);
    if (next.path("metadata").path("name").isMissingNode() && next.path("name").isMissingNode()) {
      ObjectNode meta = next.path("metadata").isObject()
          ? (ObjectNode) next.get("metadata")
          : next.putObject("metadata");
      meta.put("name", name);
    }
    if (!serviceName(next).equals(name)) {
      throw Refusal.invalid("InvalidParameter",
          "the service name cannot change (" + name + " to " + serviceName(next) + ").");
    }
    place(name, next);
    services.put(name, next);
  }

  static ObjectNode merge(ObjectNode target, ObjectNode patch) {
    patch.properties().forEach(e -> {
      JsonNode old = target.get(e.getKey());
      if (old instanceof ObjectNode o && e.getValue() instanceof ObjectNode p) {
        merge(o, p);
      } else {
        target.set(e.getKey(), e.getValue().deepCopy());
      }
    });
    return target;
  }

  private static ObjectNode parseObject(String json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw Refusal.invalid("InvalidParameter", "the service configuration is not valid JSON: "
          + e.getOriginalMessage());
    }
    if (!(node instanceof ObjectNode o)) {
      throw Refusal.invalid("InvalidParameter", "the service configuration must be a JSON object.");
    }
    return o;
  }

  private static String serviceName(ObjectNode config) {
    JsonNode n = config.path("metadata").path("name");
    if (!n.isTextual()) {
      n = config.path("name");
    }
    if (!n.isTextual() || n.asText().isBlank()) {
      throw Refusal.invalid("MissingParameter", "the service configuration needs metadata.name.");
    }
    return n.asText();
  }

  private static int instances(ObjectNode config) {
    JsonNode inst = config.path("metadata").path("instance");
    int instances = inst.isMissingNode() ? 1 : inst.asInt(-1);
    if (instances < 0 || (!inst.isMissingNode() && !inst.isIntegralNumber())) {
      throw Refusal.invalid("InvalidParameter", "metadata.instance must be a count >= 0, was " + inst);
    }
    return instances;
  }

  /** Checks the networking of a configuration; the vSwitch its instances take addresses from, if any. */
  private Optional<VSwitchId> placementVSwitch(ObjectNode config) {
    Optional<VSwitchId> vsw = Optional.empty();
    JsonNode net = config.path("cloud").path("networking");
    if (net.isObject() && net.size() > 0) {
      for (String key : List.of("vpc_id", "vswitch_id", "security_group_id")) {
        if (!net.path(key).isTextual() || net.path(key).asText().isEmpty()) {
          throw Refusal.invalid("InvalidParameter",
              "cloud.networking needs vpc_id, vswitch_id and security_group_id together, as text; " + key
                  + " is " + (net.has(key) ? net.get(key) : "missing") + ".");
        }
      }
      VpcId vpcId = parse(net.path("vpc_id").asText(), VpcId::of, "cloud.networking.vpc_id");
      VSwitchId vsId = parse(net.path("vswitch_id").asText(), VSwitchId::of, "cloud.networking.vswitch_id");
      SecurityGroupId sgId = parse(net.path("security_group_id").asText(), SecurityGroupId::of,
          "cloud.networking.security_group_id");
      vpc(vpcId);
      VSwitch v = vSwitchNow(vsId);
      group(sgId);
      if (!v.vpcId().equals(vpcId)) {
        throw Refusal.invalid("InvalidVSwitchId.NotInVpc", "vSwitch " + v.id() + " is not in VPC " + vpcId + ".");
      }
      vsw = Optional.of(v.id());
    } else if (config.path("metadata").path("resource").isTextual()) {
      ResourceGroupId rg = parse(config.path("metadata").path("resource").asText(), ResourceGroupId::of,
          "metadata.resource");
      vsw = resourceGroup(rg).dlink().map(DLink::vSwitchId);
    }
    return vsw;
  }

  /** Checks the networking of a configuration and takes its instances' addresses from the vSwitch. */
  private void place(String name, ObjectNode config) {
    int instances = instances(config);
    Optional<VSwitchId> vsw = placementVSwitch(config);
    Placement old = placements.remove(name);
    if (vsw.isPresent()) {
      long free = available(vsw.get());
      if (free < instances) {
        if (old != null) {
          placements.put(name, old);
        }
        throw new Refusal("InvalidVSwitchId.IpNotEnough", Kind.QUOTA_EXCEEDED,
            "vSwitch " + vsw.get() + " has " + free + " free addresses; service " + name + " needs " + instances
                + ", one per instance.");
      }
      placements.put(name, new Placement(vsw.get(), instances));
    }
  }

  private static <T> T parse(String text, Function<String, T> f, String field) {
    try {
      return f.apply(text);
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("InvalidParameter", field + ": " + e.getMessage());
    }
  }

  ResourceGroup resourceGroup(ResourceGroupId id) {
    ResourceGroup g = resourceGroups.get(id);
    if (g == null) {
      throw Refusal.notFound("InvalidResource.NotFound", "resource group " + id + " does not exist.");
    }
    return g;
  }

  void updateDLink(ResourceGroupId id, DLink dlink) {
    ResourceGroup g = resourceGroup(id);
    VSwitch vsw = vSwitchNow(dlink.vSwitchId());
    group(dlink.securityGroupId());
    for (VSwitchId aux : dlink.auxVSwitchIds()) {
      vSwitchNow(aux);
    }
    if (dlink.vpcId().isPresent() && !dlink.vpcId().get().equals(vsw.vpcId())) {
      throw Refusal.invalid("InvalidVSwitchId.NotInVpc",
          "vSwitch " + vsw.id() + " is not in VPC " + dlink.vpcId().get() + ".");
    }
    DLink stored = dlink.toBuilder().vpcId(vsw.vpcId()).build();
    if (g.dlink().equals(Optional.of(stored))) {
      return;
    }
    resourceGroups.put(id, g.toBuilder().dlink(stored).build());
    dlinkReadyAt.put(id, clock.instant().plus(asyncDelay));
  }

  void deleteDLink(ResourceGroupId id) {
    ResourceGroup g = resourceGroup(id);
    if (g.dlink().isPresent()) {
      resourceGroups.put(id, ResourceGroup.builder().id(g.id()).name(g.name()).build());
      dlinkReadyAt.remove(id);
    }
  }
}
