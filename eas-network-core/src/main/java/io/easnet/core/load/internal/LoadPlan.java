package io.easnet.core.load.internal;

import io.easnet.core.CloudServiceException;
import io.easnet.core.InvalidInputException;
import io.easnet.core.analysis.Target;
import io.easnet.core.load.InventoryLoader.Question;
import io.easnet.core.model.AllowlistGroup.AllowlistTarget;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import io.easnet.core.model.Eip;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.NatGateway.NatNetworkType;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.ResourceId;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.NatGateway.SnatEntry;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.resolve.EffectiveNetwork;
import io.easnet.core.resolve.NetworkResolver;
import io.easnet.core.spi.CloudActions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The calls a question needs, composed as futures: a call starts as soon as the facts it depends on are known,
 * independent calls run at once, and no worker thread ever waits on another.
 */
public final class LoadPlan {
  private static final NetworkResolver RESOLVER = NetworkResolver.create();

  private final List<Question> questions;
  private final LoadSession session;
  private final Facts facts = new Facts();
  /** A region question lists every EIP of the region once, so no NAT gateway's EIPs are listed on their own. */
  private final boolean regionEips;

  private LoadPlan(List<Question> questions, LoadSession session) {
    this.questions = List.copyOf(questions);
    this.session = session;
    this.regionEips = questions.stream().anyMatch(q -> q.kind() == Question.Kind.REGION);
  }

  /** The plan for one question in one session. */
  public static LoadPlan of(Question question, LoadSession session) {
    return new LoadPlan(List.of(question), session);
  }

  /**
   * The plan for several questions in one session: their facts in one inventory, each call made once however many
   * questions need it.
   */
  public static LoadPlan of(Collection<Question> questions, LoadSession session) {
    return new LoadPlan(List.copyOf(questions), session);
  }

  /**
   * Starts every call; the future completes with the inventory, or with the first failure. Questions about whole
   * VPCs (everything, services, region) run first; the narrow questions then start and take what the VPCs' lists
   * already returned (a target, a client, a vSwitch, a resource group) instead of describing it again.
   */
  public CompletableFuture<Inventory> run() {
    List<CompletableFuture<?>> wide = new ArrayList<>();
    List<Question> narrow = new ArrayList<>();
    for (Question question : questions) {
      switch (question.kind()) {
        case EVERYTHING, SERVICES, REGION -> wide.add(start(question));
        default -> narrow.add(question);
      }
    }
    return CompletableFuture.allOf(wide.toArray(CompletableFuture[]::new))
        .thenCompose(v -> CompletableFuture.allOf(narrow.stream().map(this::start)
            .toArray(CompletableFuture[]::new)))
        .thenApply(v -> facts.inventory(session.regionId()));
  }

  /** A fact a list of this run already returned, so that it is not described again. */
  private static <T> Optional<CompletableFuture<T>> known(Map<String, T> facts, ResourceId id) {
    return Optional.ofNullable(facts.get(id.value())).map(CompletableFuture::completedFuture);
  }

  /**
   * Every service configuration of the region ({@link CloudActions#LIST_SERVICES}, every page), in this plan's
   * session: asked for twice, listed once.
   */
  public CompletableFuture<List<String>> serviceConfigurations() {
    return session.call(CloudActions.LIST_SERVICES, "", p -> p.eas().listServices());
  }

  private CompletableFuture<Void> start(Question question) {
    List<CompletableFuture<?>> all = new ArrayList<>();
    switch (question.kind()) {
      case PRIVATE_TARGET -> {
        Target target = question.target().orElseThrow();
        ServiceReads service = serviceNetwork(question.service().orElseThrow());
        all.add(service.done());
        // the target needs only its id: read it at once, beside the service's network, not after it (one round
        // less); without a VPC there is no path, but the verdict still names the target's port as the file gives it
        all.add(target(target));
        all.add(service.vpc().thenCompose(vpcId -> vpcId.isEmpty()
            ? done()
            : CompletableFuture.allOf(absentIfNotFound(vpc(vpcId.get())))));
      }
      case INTERNET_EGRESS -> {
        ServiceReads service = serviceNetwork(question.service().orElseThrow());
        all.add(service.done());
        all.add(service.vpc().thenCompose(vpcId -> vpcId.isEmpty()
            ? done()
            : CompletableFuture.allOf(
                absentIfNotFound(natGateways(vpcId.get()).thenCompose(nats -> unboundEipsIfNeeded(vpcId.get()))),
                absentIfNotFound(routeTables(vpcId.get())))));
      }
      case CLIENT_TO_SERVICE -> {
        EcsInstanceId client = question.client().orElseThrow();
        ServiceReads service = serviceNetwork(question.service().orElseThrow());
        all.add(service.done());
        all.add(service.vpc().thenCompose(vpcId -> vpcId.isEmpty()
            ? done()
            : CompletableFuture.allOf(absentIfNotFound(vpc(vpcId.get())), ecsWithGroups(client))));
      }
      case EVERYTHING -> {
        VpcId vpc = question.vpc().orElseThrow();
        all.add(vpc(vpc));
        all.add(insideVpc(vpc));
        all.add(session.call(CloudActions.LIST_RESOURCES, "", p -> p.eas().describeResourceGroups())
            .thenAccept(list -> list.stream()
                .filter(g -> g.dlink().isEmpty() || inVpc(g, vpc))
                .forEach(g -> facts.resourceGroups.put(g.id().value(), g))));
      }
      case SERVICES -> all.add(services(question.services(), question.vpcs()));
      case REGION -> {
        all.add(session.call(CloudActions.DESCRIBE_VPCS, "", p -> p.vpc().describeVpcs())
            .thenCompose(list -> allOf(list, v -> {
              put(facts.vpcs, v.id(), v);
              return insideVpc(v.id());
            })));
        all.add(session.call(CloudActions.LIST_RESOURCES, "", p -> p.eas().describeResourceGroups())
            .thenAccept(list -> list.forEach(g -> facts.resourceGroups.put(g.id().value(), g))));
        // the unbound EIPs too: a remedy binds one before it allocates a new one
        all.add(session.call(CloudActions.DESCRIBE_EIPS, "", p -> p.vpc().describeEips())
            .thenAccept(list -> list.forEach(e -> facts.eips.put(e.id().value(), e))));
      }
      default -> throw new IllegalStateException("unknown question kind " + question.kind());
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
  }

  /**
   * Everything in each VPC the services need and in {@code vpcs}: the resource groups are listed once (they tell
   * which VPC a service without its own block runs in); each VPC is read once, however many services sit in it;
   * the services' own vSwitches and security group are read singly only when their VPC's lists did not hold them
   * (a block naming a vSwitch of another VPC), or when the VPC is known only from the vSwitch.
   */
  private CompletableFuture<Void> services(List<ServiceSpec> specs, List<VpcId> vpcs) {
    Map<VpcId, CompletableFuture<Boolean>> started = new ConcurrentHashMap<>();
    // a VPC the user names must exist; one a service names may not (offline that is a finding, not a failure)
    vpcs.forEach(v -> started.put(v, CompletableFuture.allOf(vpc(v), insideVpc(v)).thenApply(x -> true)));
    Function<VpcId, CompletableFuture<Boolean>> everythingIn = v -> started.computeIfAbsent(v,
        k -> absentIfNotFound(vpc(k)).thenCompose(found -> found.isEmpty()
            ? CompletableFuture.completedFuture(false)
            : insideVpc(k).thenApply(x -> true)));
    List<CompletableFuture<?>> all = new ArrayList<>(started.values());
    CompletableFuture<List<ResourceGroup>> groups = session.call(CloudActions.LIST_RESOURCES, "",
        p -> p.eas().describeResourceGroups());
    all.add(groups.thenCompose(list -> {
      List<CompletableFuture<?>> perService = new ArrayList<>();
      for (ServiceSpec spec : specs) {
        Optional<ResourceGroup> rg = spec.resourceGroupId()
            .flatMap(id -> list.stream().filter(g -> g.id().equals(id)).findFirst());
        EffectiveNetwork net;
        try {
          net = rg.map(g -> RESOLVER.resolve(spec, g)).orElseGet(() -> RESOLVER.resolve(spec));
        } catch (InvalidInputException e) {
          continue; // a partial cloud.networking block places the service nowhere: the rules report it (EASNET-001)
        }
        if (!net.hasVpc() || net.vSwitchId().isEmpty()) {
          continue;
        }
        CompletableFuture<Optional<VpcId>> vpc = net.vpcId().isPresent()
            ? CompletableFuture.completedFuture(net.vpcId())
            : absentIfNotFound(vSwitch(net.vSwitchId().get())).thenApply(v -> v.map(VSwitch::vpcId));
        perService.add(vpc.thenCompose(v -> v.isEmpty() ? CompletableFuture.completedFuture(false)
            : everythingIn.apply(v.get())).thenCompose(x -> {
          List<CompletableFuture<?>> own = new ArrayList<>();
          Stream.concat(net.vSwitchId().stream(), net.returnRouteVSwitchIds().stream())
              .filter(id -> !facts.vSwitches.containsKey(id.value()))
              .forEach(id -> own.add(absentIfNotFound(vSwitch(id))));
          net.securityGroupId().filter(id -> !facts.groups.containsKey(id.value()))
              .ifPresent(id -> own.add(absentIfNotFound(group(id))));
          return CompletableFuture.allOf(own.toArray(CompletableFuture[]::new));
        }));
      }
      return CompletableFuture.allOf(perService.toArray(CompletableFuture[]::new)).thenAccept(v -> {
        Set<ResourceGroupId> named = new HashSet<>();
        specs.forEach(s -> s.resourceGroupId().ifPresent(named::add));
        list.stream()
            .filter(g -> named.contains(g.id()) || g.dlink().flatMap(d -> d.vpcId())
                .map(started::containsKey).orElse(true))
            .forEach(g -> facts.resourceGroups.put(g.id().value(), g));
      });
    }));
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
  }

  /**
   * The fact, or empty when the cloud holds no such resource ({@code NOT_FOUND}); other failures stay failures. A
   * question's reads by id go through here: a service or an intent that names a resource the cloud does not hold is
   * what the file would show (a finding: EASNET-005/006/007, EASNET-027, EASNET-035), not a failed load. Only a VPC
   * the caller names itself ({@link Question#everything}, the VPCs of {@link Question#services}) must exist.
   */
  private static <T> CompletableFuture<Optional<T>> absentIfNotFound(CompletableFuture<T> call) {
    return call.handle((value, failure) -> {
      if (failure == null) {
        return Optional.ofNullable(value); // null: a read that completes with no value (a list it stored)
      }
      Throwable t = failure instanceof CompletionException && failure.getCause() != null
          ? failure.getCause() : failure;
      if (t instanceof CloudServiceException e && e.kind() == CloudServiceException.Kind.NOT_FOUND) {
        return Optional.<T>empty();
      }
      throw failure instanceof CompletionException c ? c : new CompletionException(t);
    });
  }

  /** Everything inside one VPC: vSwitches, security groups with rules, NAT, routes, ECS, RDS and Redis instances. */
  private CompletableFuture<Void> insideVpc(VpcId vpc) {
    List<CompletableFuture<?>> all = new ArrayList<>();
    all.add(session.call(CloudActions.DESCRIBE_VSWITCHES, vpc, p -> p.vpc().describeVSwitches(vpc))
        .thenAccept(list -> list.forEach(v -> facts.vSwitches.put(v.id().value(), v))));
    all.add(session.call(CloudActions.DESCRIBE_SECURITY_GROUPS, vpc, p -> p.ecs().describeSecurityGroups(vpc))
        .thenCompose(list -> allOf(list, g -> group(g.id()))));
    all.add(natGateways(vpc));
    all.add(routeTables(vpc));
    all.add(session.call(CloudActions.DESCRIBE_INSTANCES, vpc, p -> p.ecs().describeInstances(vpc))
        .thenAccept(list -> list.forEach(i -> facts.ecs.put(i.id().value(), i))));
    all.add(session.call(CloudActions.RDS_DESCRIBE_INSTANCES, vpc, p -> p.rds().describeInstances(vpc))
        .thenAccept(list -> list.forEach(i -> facts.rds.put(i.id().value(), i))));
    all.add(session.call(CloudActions.REDIS_DESCRIBE_INSTANCES, vpc, p -> p.redis().describeInstances(vpc))
        .thenAccept(list -> list.forEach(i -> facts.redis.put(i.id().value(), i))));
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
  }

  private static CompletableFuture<Void> done() {
    return CompletableFuture.completedFuture(null);
  }

  private boolean inVpc(ResourceGroup g, VpcId vpc) {
    return g.dlink().flatMap(d -> d.vpcId()).map(vpc::equals).orElse(true);
  }

  /**
   * The service's part of a question: its VPC id (known from the network, or from its primary vSwitch; empty when
   * the service has no VPC), and the reads of its vSwitches and security group.
   */
  private record ServiceReads(CompletableFuture<Optional<VpcId>> vpc, CompletableFuture<Void> done) {}

  /**
   * Reads the resource group the spec names, resolves the effective network, and loads the service's vSwitches and
   * security group. When the spec sets a complete {@code cloud.networking} (which wins over the group), those reads
   * start at once, beside the resource group's; the VPC id is known as soon as the network is resolved, so the
   * question's own reads start without waiting for the service's.
   */
  private ServiceReads serviceNetwork(ServiceSpec spec) {
    CompletableFuture<Optional<ResourceGroup>> group = spec.resourceGroupId()
        .map(this::resourceGroup)
        .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()));
    Optional<ServiceNetworking> block = spec.networking().filter(ServiceNetworking::isComplete);
    List<CompletableFuture<?>> early = new ArrayList<>();
    block.ifPresent(n -> {
      early.add(absentIfNotFound(vSwitch(n.vSwitchId().orElseThrow())));
      early.add(absentIfNotFound(group(n.securityGroupId().orElseThrow())));
    });
    CompletableFuture<EffectiveNetwork> network = group.thenApply(rg -> rg.map(g -> RESOLVER.resolve(spec, g))
        .orElseGet(() -> RESOLVER.resolve(spec)));
    CompletableFuture<Void> done = network.thenCompose(net -> {
      List<CompletableFuture<?>> needed = new ArrayList<>(early);
      if (net.hasVpc()) {
        net.vSwitchId().ifPresent(id -> needed.add(absentIfNotFound(vSwitch(id))));
        // the client vSwitches of a DLink's return route: their blocks decide which peers the instances reach
        net.returnRouteVSwitchIds().forEach(id -> needed.add(absentIfNotFound(vSwitch(id))));
        net.securityGroupId().ifPresent(g -> needed.add(absentIfNotFound(group(g))));
      }
      return CompletableFuture.allOf(needed.toArray(CompletableFuture[]::new));
    });
    CompletableFuture<Optional<VpcId>> vpc = network.thenCompose(net -> {
      if (!net.hasVpc() || net.vSwitchId().isEmpty()) {
        return CompletableFuture.completedFuture(Optional.<VpcId>empty());
      }
      if (net.vpcId().isPresent()) {
        return CompletableFuture.completedFuture(net.vpcId());
      }
      return absentIfNotFound(vSwitch(net.vSwitchId().get())).thenApply(v -> v.map(VSwitch::vpcId));
    });
    return new ServiceReads(vpc, done);
  }

  /** A resource group with its VPC direct connection, as {@code DescribeResourceDLink} returns it. */
  private CompletableFuture<Optional<ResourceGroup>> resourceGroup(ResourceGroupId id) {
    if (facts.resourceGroups.containsKey(id.value())) {
      return CompletableFuture.completedFuture(Optional.of(facts.resourceGroups.get(id.value())));
    }
    return absentIfNotFound(session.<ResourceGroupId, Optional<DLink>>call(
            CloudActions.DESCRIBE_RESOURCE_DLINK, id, p -> p.eas().describeResourceDLink(id)))
        .thenApply(found -> found.map(dlink -> {
          ResourceGroup.Builder b = ResourceGroup.builder().id(id);
          dlink.ifPresent(b::dlink);
          ResourceGroup g = b.build();
          facts.resourceGroups.put(id.value(), g);
          return g;
        }));
  }

  private CompletableFuture<Vpc> vpc(VpcId id) {
    return session.<VpcId, Vpc>call(CloudActions.DESCRIBE_VPCS, id, p -> p.vpc().describeVpc(id))
        .thenApply(v -> put(facts.vpcs, v.id(), v));
  }

  private CompletableFuture<VSwitch> vSwitch(VSwitchId id) {
    Optional<CompletableFuture<VSwitch>> listed = known(facts.vSwitches, id);
    if (listed.isPresent()) {
      return listed.get();
    }
    return session.<VSwitchId, VSwitch>call(CloudActions.DESCRIBE_VSWITCHES, id, p -> p.vpc().describeVSwitch(id))
        .thenApply(v -> put(facts.vSwitches, v.id(), v));
  }

  private CompletableFuture<SecurityGroup> group(SecurityGroupId id) {
    return session.<SecurityGroupId, SecurityGroup>call(
            CloudActions.DESCRIBE_SECURITY_GROUP_ATTRIBUTE, id, p -> p.ecs().describeSecurityGroup(id))
        .thenApply(g -> put(facts.groups, g.id(), g));
  }

  private CompletableFuture<?> natGateways(VpcId vpc) {
    return session.<VpcId, List<NatGateway>>call(
            CloudActions.DESCRIBE_NAT_GATEWAYS, vpc, p -> p.vpc().describeNatGateways(vpc))
        .thenCompose(nats -> allOf(nats, nat -> {
          put(facts.nats, nat.id(), nat);
          CompletableFuture<?> snat = session.<Object, List<SnatEntry>>call(
                  CloudActions.DESCRIBE_SNAT_ENTRIES, nat.id(), p -> p.vpc().describeSnatEntries(nat.id()))
              .thenAccept(list -> list.forEach(e -> facts.snat.put(e.id().value(), e)));
          CompletableFuture<?> eips = regionEips ? done() : session.<Object, List<Eip>>call(
                  CloudActions.DESCRIBE_EIPS, nat.id(), p -> p.vpc().describeEips(nat.id()))
              .thenAccept(list -> list.forEach(e -> facts.eips.put(e.id().value(), e)));
          return CompletableFuture.allOf(snat, eips);
        }));
  }

  /**
   * The region's EIPs when no internet NAT gateway of {@code vpc} has one bound: the internet path's fix then binds
   * an unbound EIP of the account before it allocates a new, billed one, and it must name the same EIP as the
   * snapshot file, which holds the region's EIPs. Not read when a gateway already has an EIP (no such fix).
   */
  private CompletableFuture<Void> unboundEipsIfNeeded(VpcId vpc) {
    boolean hasEip = facts.nats.values().stream()
        .filter(n -> n.vpcId().equals(vpc) && n.networkType() == NatNetworkType.INTERNET)
        .anyMatch(n -> facts.eips.values().stream().anyMatch(e -> e.instanceId().equals(Optional.of(n.id().value()))));
    if (hasEip || regionEips) {
      return done();
    }
    return session.call(CloudActions.DESCRIBE_EIPS, "", p -> p.vpc().describeEips())
        .thenAccept(list -> list.forEach(e -> facts.eips.put(e.id().value(), e)));
  }

  private CompletableFuture<?> routeTables(VpcId vpc) {
    return session.<VpcId, List<RouteTable>>call(
            CloudActions.DESCRIBE_ROUTE_TABLES, vpc, p -> p.vpc().describeRouteTables(vpc))
        .thenAccept(list -> list.forEach(t -> facts.routeTables.put(t.id().value(), t)));
  }

  private CompletableFuture<?> target(Target target) {
    if (target.kind() == Target.Kind.ADDRESS) {
      return done();
    }
    ResourceId id = target.resourceId().orElseThrow();
    if (id instanceof RdsInstanceId rds) {
      return absentIfNotFound(known(facts.rds, rds).orElseGet(() -> session.<RdsInstanceId, RdsInstance>call(
              CloudActions.RDS_DESCRIBE_INSTANCE, rds, p -> p.rds().describeInstance(rds))))
          .thenCompose(found -> found.map(i -> {
            put(facts.rds, i.id(), i);
            return boundGroups(i);
          }).orElseGet(LoadPlan::done));
    }
    if (id instanceof RedisInstanceId redis) {
      return absentIfNotFound(known(facts.redis, redis).orElseGet(() -> session.<RedisInstanceId, RedisInstance>call(
              CloudActions.REDIS_DESCRIBE_INSTANCE, redis, p -> p.redis().describeInstance(redis))))
          .thenCompose(found -> found.map(i -> {
            put(facts.redis, i.id(), i);
            return boundGroups(i);
          }).orElseGet(LoadPlan::done));
    }
    if (id instanceof EcsInstanceId ecs) {
      return ecsWithGroups(ecs);
    }
    throw new IllegalArgumentException("no private target of type " + id.getClass().getSimpleName());
  }

  private CompletableFuture<Void> boundGroups(AllowlistTarget t) {
    return allOf(t.securityGroupIds(), id -> absentIfNotFound(group(id)));
  }

  private CompletableFuture<?> ecsWithGroups(EcsInstanceId id) {
    return absentIfNotFound(known(facts.ecs, id).orElseGet(() -> session.<EcsInstanceId, EcsInstance>call(
            CloudActions.DESCRIBE_INSTANCES, id, p -> p.ecs().describeInstance(id))))
        .thenCompose(found -> found.map(i -> {
          put(facts.ecs, i.id(), i);
          return allOf(i.securityGroupIds(), g -> absentIfNotFound(group(g)));
        }).orElseGet(LoadPlan::done));
  }

  private static <T> CompletableFuture<Void> allOf(Collection<T> items, Function<T, CompletableFuture<?>> f) {
    return CompletableFuture.allOf(items.stream().map(f).toArray(CompletableFuture[]::new));
  }

  private static <T> T put(Map<String, T> map, ResourceId id, T value) {
    map.put(id.value(), value);
    return value;
  }

  /** What the calls returned, keyed and sorted by id so that the inventory does not depend on timing. */
  private static final class Facts {
    final Map<String, Vpc> vpcs = new ConcurrentSkipListMap<>();
    final Map<String, VSwitch> vSwitches = new ConcurrentSkipListMap<>();
    final Map<String, SecurityGroup> groups = new ConcurrentSkipListMap<>();
    final Map<String, NatGateway> nats = new ConcurrentSkipListMap<>();
    final Map<String, SnatEntry> snat = new ConcurrentSkipListMap<>();
    final Map<String, Eip> eips = new ConcurrentSkipListMap<>();
    final Map<String, RouteTable> routeTables = new ConcurrentSkipListMap<>();
    final Map<String, EcsInstance> ecs = new ConcurrentSkipListMap<>();
    final Map<String, RdsInstance> rds = new ConcurrentSkipListMap<>();
    final Map<String, RedisInstance> redis = new ConcurrentSkipListMap<>();
    final Map<String, ResourceGroup> resourceGroups = new ConcurrentSkipListMap<>();

    Inventory inventory(Optional<String> regionId) {
      Inventory.Builder b = Inventory.builder();
      regionId.ifPresent(b::regionId);
      return b
          .addAllVpcs(vpcs.values())
          .addAllVSwitches(vSwitches.values())
          .addAllSecurityGroups(groups.values())
          .addAllNatGateways(nats.values())
          .addAllSnatEntries(snat.values())
          .addAllEips(eips.values())
          .addAllRouteTables(routeTables.values())
          .addAllEcsInstances(ecs.values())
          .addAllRdsInstances(rds.values())
          .addAllRedisInstances(redis.values())
          .addAllResourceGroups(resourceGroups.values())
          .build();
    }
  }
}
