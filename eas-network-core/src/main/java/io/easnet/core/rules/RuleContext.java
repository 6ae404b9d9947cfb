package io.easnet.core.rules;

import io.easnet.core.EasNetworkException;
import io.easnet.core.InvalidInputException;
import io.easnet.core.analysis.CapacityAnalyzer;
import io.easnet.core.analysis.CapacityReport;
import io.easnet.core.analysis.Intent;
import io.easnet.core.analysis.PathAnalyzer;
import io.easnet.core.analysis.PathResult;
import io.easnet.core.analysis.ServiceDemand;
import io.easnet.core.internal.json.SnapshotLayout;
import io.easnet.core.model.ServiceSpec.Container;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.resolve.EffectiveNetwork;
import io.easnet.core.resolve.NetworkResolver;
import io.easnet.core.rules.internal.Endpoints;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link Rule} sees: the input, and what the run computed once for all rules: every service resolved against
 * the inventory (sorted by name, so that rules see the same order whatever the order of the input) with the path
 * result of each of its intents, the IP capacity of every vSwitch the services use, and look-ups by security group
 * and vSwitch. One {@link PathAnalyzer} serves the whole run, so security groups are compiled once.
 */
public final class RuleContext {
  private final AnalysisInput input;
  private final PathAnalyzer analyzer;
  private final List<ResolvedService> services;
  private final CapacityReport capacity;
  private final Map<ResourceId, String> pointers;
  private final Map<SecurityGroupId, List<ResolvedService>> byGroup = new HashMap<>();
  private final Map<VSwitchId, List<ResolvedService>> byVSwitch = new HashMap<>();
  private final Map<VpcId, List<ResolvedService>> byVpc = new HashMap<>();
  private final Map<Object, Object> shared = new java.util.concurrent.ConcurrentHashMap<>();

  private RuleContext(AnalysisInput input, PathAnalyzer analyzer, List<ResolvedService> services) {
    this.input = input;
    this.analyzer = analyzer;
    this.services = services;
    this.pointers = SnapshotLayout.pointers(input.inventory());
    List<ServiceDemand> demands = new ArrayList<>();
    for (ResolvedService s : services) {
      Optional<EffectiveNetwork> n = s.network();
      if (n.isEmpty()) {
        continue;
      }
      n.get().securityGroupId().ifPresent(g -> byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(s));
      n.get().vpcId().ifPresent(v -> byVpc.computeIfAbsent(v, k -> new ArrayList<>()).add(s));
      for (VSwitchId v : n.get().vSwitchIds()) {
        byVSwitch.computeIfAbsent(v, k -> new ArrayList<>()).add(s);
      }
      if (n.get().hasVpc()) {
        demands.add(ServiceDemand.of(s.spec(), n.get()));
      }
    }
    this.capacity = CapacityAnalyzer.of(input.inventory()).analyze(demands);
  }

  /** Resolves every service of {@code input} against its inventory and analyses each of its intents once. */
  public static RuleContext of(AnalysisInput input) {
    NetworkResolver resolver = NetworkResolver.create();
    PathAnalyzer analyzer = PathAnalyzer.of(input.inventory());
    List<ResolvedService> out = new ArrayList<>();
    for (ServiceInput s : input.services()) {
      EffectiveNetwork network = null;
      String problem = null;
      try {
        network = resolver.resolve(s.spec(), input.inventory());
      } catch (InvalidInputException e) {
        problem = (e.source().isEmpty() && s.sourceName().isPresent() ? e.inSource(s.sourceName().get()) : e)
            .getMessage();
      } catch (EasNetworkException | IllegalArgumentException e) {
        problem = e.getMessage();
      }
      if (network == null) {
        out.add(new ResolvedService(s, null, problem, List.of(), List.of(), null));
        continue;
      }
      List<PathResult> paths = new ArrayList<>();
      for (Intent intent : s.intents()) {
        paths.add(analyzer.analyse(network, s.spec(), intent));
      }
      EffectiveNetwork resolved = network;
      PathResult egress = paths.stream().filter(p -> p.intent().equals(ServiceInput.INTERNET_EGRESS)).findFirst()
          .orElseGet(() -> pullsExternalImage(s)
              ? analyzer.analyse(resolved, s.spec(), ServiceInput.INTERNET_EGRESS) : null);
      out.add(new ResolvedService(s, network, null, analyzer.networkBlockers(network), paths, egress));
    }
    out.sort(Comparator.comparing(ResolvedService::name)
        .thenComparing(r -> r.source().orElse("")));
    return new RuleContext(input, analyzer, List.copyOf(out));
  }

  private static boolean pullsExternalImage(ServiceInput s) {
    for (Container c : s.spec().containers()) {
      if (c.image().isPresent() && Endpoints.external(Endpoints.registryHost(c.image().get()))) {
        return true;
      }
    }
    return false;
  }

  /** The input. */
  public AnalysisInput input() {
    return input;
  }

  /** The inventory. */
  public Inventory inventory() {
    return input.inventory();
  }

  /** The analyzer of this run, over its inventory: use it rather than a new one, it has compiled the groups. */
  public PathAnalyzer analyzer() {
    return analyzer;
  }

  /** The snapshot name used in inventory locations. */
  public String inventorySource() {
    return input.inventorySource();
  }

  /**
   * The RFC 6901 pointer of a resource of the inventory in the snapshot layout that {@code SnapshotJson} reads and
   * writes, e.g. {@code /securityGroups/2} or {@code /rdsInstances/0}: the key of the resource's kind and its
   * position in the inventory's list, which is its position in the snapshot file the inventory was read from.
   * Empty when the inventory does not hold the resource.
   */
  public Optional<String> inventoryPointer(ResourceId id) {
    return Optional.ofNullable(pointers.get(id));
  }

  /** Every service, resolved, sorted by name. */
  public List<ResolvedService> services() {
    return services;
  }

  /** The services whose effective network uses the security group {@code groupId}, sorted by name. */
  public List<ResolvedService> servicesUsingGroup(SecurityGroupId groupId) {
    return byGroup.getOrDefault(groupId, List.of());
  }

  /** The services whose instances take addresses from the vSwitch {@code id}, sorted by name. */
  public List<ResolvedService> servicesInVSwitch(VSwitchId id) {
    return byVSwitch.getOrDefault(id, List.of());
  }

  /** The services whose effective network is in the VPC {@code id}, sorted by name. */
  public List<ResolvedService> servicesInVpc(VpcId id) {
    return byVpc.getOrDefault(id, List.of());
  }

  /** The IP capacity of every vSwitch the services use, computed once for the run. */
  public CapacityReport capacity() {
    return capacity;
  }

  /**
   * A value computed once per run and shared by every rule that asks with an equal {@code key}: for rules that derive
   * their findings from one pass over the run (the path rules share one pass over every path result).
   */
  @SuppressWarnings("unchecked")
  public <T> T shared(Object key, java.util.function.Function<RuleContext, T> compute) {
    java.util.Objects.requireNonNull(key, "key");
    Object v = shared.get(key);
    if (v == null) {
      v = compute.apply(this);
      Object prior = shared.putIfAbsent(key, v);
      v = prior != null ? prior : v;
    }
    return (T) v;
  }

  /** Today's date on the input's clock. */
  public LocalDate today() {
    return input.today();
  }
}
