package io.easnet.core.load.internal;

import io.easnet.core.analysis.Target;
import io.easnet.core.load.Question;
import io.easnet.core.model.DLink;
import io.easnet.core.model.AllowlistTarget;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.EcsInstanceId;
import io.easnet.core.model.Eip;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.NatGateway;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.RdsInstanceId;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.RedisInstanceId;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.ResourceGroupId;
import io.easnet.core.model.ResourceId;
import io.easnet.core.model.RouteTable;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.SecurityGroupId;
import io.easnet.core.model.ServiceNetworking;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.SnatEntry;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.VSwitchId;
import io.easnet.core.model.Vpc;
import io.easnet.core.model.VpcId;
import io.easnet.core.resolve.EffectiveNetwork;
import io.easnet.core.resolve.NetworkResolver;
import io.easnet.core.spi.CloudActions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;

/**
 * The calls a question needs, composed as futures: a call starts as soon as the facts it depends on are known,
 * independent calls run at once, and no worker thread ever waits on another.
 */
public final class LoadPlan {
  private static final NetworkResolver RESOLVER = NetworkResolver.create();

  private final Question question;
  private final LoadSession session;
  private final Facts facts = new Facts();

  private LoadPlan(Question question, LoadSession session) {
    this.question = question;
    this.session = session;
  }

  /** The plan for one question in one session. */
  public static LoadPlan of(Question question, LoadSession session) {
    return new LoadPlan(question, session);
  }

  /** Starts every call; the future completes with the inventory, or with the first failure. */
  public CompletableFuture<Inventory> run() {
    List<CompletableFuture<?>> all = new ArrayList<>();
    switch (question.kind()) {
      case PRIVATE_TARGET -> {
        Target target = question.target().orElseThrow();
        ServiceReads service = serviceNetwork(question.service().orElseThrow());
        all.add(service.done());
        all.add(service.vpc().thenCompose(vpcId -> vpcId.isEmpty()
            ? done()
            : CompletableFuture.allOf(vpc(vpcId.get()), target(target))));
      }
      case INTERNET_EGRESS -> {
        ServiceReads service = serviceNetwork(question.service().orElseThrow());
        all.add(service.done());
        all.add(service.vpc().thenCompose(vpcId -> vpcId.isEmpty()
            ? done()
            : CompletableFuture.allOf(natGateways(vpcId.get()), routeTables(vpcId.get()))));
      }
      case CLIENT_TO_SERVICE -> {
        EcsInstanceId client = question.client().orElseThrow();
        ServiceReads service = serviceNetwork(question.service().orElseThrow());
        all.add(service.done());
        all.add(service.vpc().thenCompose(vpcId -> vpcId.isEmpty()
            ? done()
            : CompletableFuture.allOf(vpc(vpcId.get()), ecsWithGroups(client))));
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
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
        .thenApply(v -> facts.inventory(session.port().regionId()));
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
      early.add(vSwitch(n.vSwitchId().orElseThrow()));
      early.add(group(n.securityGroupId().orElseThrow()));
    });
    CompletableFuture<EffectiveNetwork> network = group.thenApply(rg -> rg.map(g -> RESOLVER.resolve(spec, g))
        .orElseGet(() -> RESOLVER.resolve(spec)));
    CompletableFuture<Void> done = network.thenCompose(net -> {
      List<CompletableFuture<?>> needed = new ArrayList<>(early);
      if (net.hasVpc()) {
        net.vSwitchIds().forEach(id -> needed.add(vSwitch(id)));
        // the client vSwitches of a DLink's return route: their blocks decide which peers the instances reach
        net.returnRouteVSwitchIds().forEach(id -> needed.add(vSwitch(id)));
        net.securityGroupId().ifPresent(g -> needed.add(group(g)));
      }
      return CompletableFuture.allOf(needed.toArray(CompletableFuture[]::new));
    });
    CompletableFuture<Optional<VpcId>> vpc = network.thenCompose(net -> {
      if (!net.hasVpc() || net.vSwitchIds().isEmpty()) {
        return CompletableFuture.completedFuture(Optional.<VpcId>empty());
      }
      if (net.vpcId().isPresent()) {
        return CompletableFuture.completedFuture(net.vpcId());
      }
      return vSwitch(net.vSwitchIds().get(0)).thenApply(v -> Optional.of(v.vpcId()));
    });
    return new ServiceReads(vpc, done);
  }

  /** A resource group with its VPC direct connection, as {@code DescribeResourceDLink} returns it. */
  private CompletableFuture<Optional<ResourceGroup>> resourceGroup(ResourceGroupId id) {
    return session.<ResourceGroupId, Optional<DLink>>call(
            CloudActions.DESCRIBE_RESOURCE_DLINK, id, p -> p.eas().describeResourceDLink(id))
        .thenApply(dlink -> {
          ResourceGroup.Builder b = ResourceGroup.builder().id(id);
          dlink.ifPresent(b::dlink);
          ResourceGroup g = b.build();
          facts.resourceGroups.put(id.value(), g);
          return Optional.of(g);
        });
  }

  private CompletableFuture<Vpc> vpc(VpcId id) {
    return session.<VpcId, Vpc>call(CloudActions.DESCRIBE_VPCS, id, p -> p.vpc().describeVpc(id))
        .thenApply(v -> put(facts.vpcs, v.id(), v));
  }

  private CompletableFuture<VSwitch> vSwitch(VSwitchId id) {
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
          CompletableFuture<?> eips = session.<Object, List<Eip>>call(
                  CloudActions.DESCRIBE_EIPS, nat.id(), p -> p.vpc().describeEips(nat.id()))
              .thenAccept(list -> list.forEach(e -> facts.eips.put(e.id().value(), e)));
          return CompletableFuture.allOf(snat, eips);
        }));
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
      return session.<RdsInstanceId, RdsInstance>call(
              CloudActions.RDS_DESCRIBE_INSTANCE, rds, p -> p.rds().describeInstance(rds))
          .thenCompose(i -> {
            put(facts.rds, i.id(), i);
            return boundGroups(i);
          });
    }
    if (id instanceof RedisInstanceId redis) {
      return session.<RedisInstanceId, RedisInstance>call(
              CloudActions.REDIS_DESCRIBE_INSTANCE, redis, p -> p.redis().describeInstance(redis))
          .thenCompose(i -> {
            put(facts.redis, i.id(), i);
            return boundGroups(i);
          });
    }
    if (id instanceof EcsInstanceId ecs) {
      return ecsWithGroups(ecs);
    }
    throw new IllegalArgumentException("no private target of type " + id.getClass().getSimpleName());
  }

  private CompletableFuture<?> boundGroups(AllowlistTarget t) {
    return allOf(t.securityGroupIds(), this::group);
  }

  private CompletableFuture<?> ecsWithGroups(EcsInstanceId id) {
    return session.<EcsInstanceId, EcsInstance>call(
            CloudActions.DESCRIBE_INSTANCES, id, p -> p.ecs().describeInstance(id))
        .thenCompose(i -> {
          put(facts.ecs, i.id(), i);
          return allOf(i.securityGroupIds(), this::group);
        });
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

    /** The inventory of the facts, of the port's region (the region is a fact of every question). */
    Inventory inventory(Optional<String> regionId) {
      return Inventory.builder()
          .regionId(regionId)
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
