package io.easnet.core.analysis;

import io.easnet.core.EasNetworkException;
import io.easnet.core.InvalidInputException;
import io.easnet.core.analysis.internal.Endpoints;
import io.easnet.core.model.Container;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.SecurityGroupId;
import io.easnet.core.model.VSwitchId;
import io.easnet.core.model.VpcId;
import io.easnet.core.resolve.EffectiveNetwork;
import io.easnet.core.resolve.NetworkResolver;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The analysis of an estate, computed once per run from the inventory, the services and their intents: every service
 * resolved against the inventory (sorted by name, then source, so that readers see the same order whatever the order
 * of the input), the path result of each of its intents, the blockers of its own network, and the IP capacity of every
 * vSwitch the services use. The rule catalogue, the planner and {@code NetworkCheck} all read this one result; none of
 * them resolves a service or analyses a path itself (docs/design.md §3).
 *
 * <pre>{@code
 * EstateAnalysis analysis = EstateAnalysis.of(AnalysisInput.builder().inventory(inventory)
 *     .addService(ServiceInput.builder().spec(spec).wantsInternetEgress(true)).build());
 * analysis.services().forEach(s -> s.paths().forEach(p -> System.out.println(p.verdict())));
 * }</pre>
 *
 * <p>One {@link PathAnalyzer} serves the whole run, so security groups are compiled once. Immutable and thread safe.
 */
public final class EstateAnalysis {
  private final AnalysisInput input;
  private final PathAnalyzer analyzer;
  private final List<ResolvedService> services;
  private final CapacityReport capacity;
  private final Map<SecurityGroupId, List<ResolvedService>> byGroup = new HashMap<>();
  private final Map<VSwitchId, List<ResolvedService>> byVSwitch = new HashMap<>();
  private final Map<VpcId, List<ResolvedService>> byVpc = new HashMap<>();
  private final Map<ExplanationCode, BitSet> byCode = new EnumMap<>(ExplanationCode.class);

  private EstateAnalysis(AnalysisInput input, PathAnalyzer analyzer, List<ResolvedService> services) {
    this.input = input;
    this.analyzer = analyzer;
    this.services = services;
    List<ServiceDemand> demands = new ArrayList<>();
    for (int i = 0; i < services.size(); i++) {
      ResolvedService s = services.get(i);
      index(i, s);
      Optional<EffectiveNetwork> n = s.network();
      if (n.isEmpty()) {
        continue;
      }
      n.get().securityGroupId().ifPresent(g -> byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(s));
      n.get().vpcId().ifPresent(v -> byVpc.computeIfAbsent(v, k -> new ArrayList<>()).add(s));
      n.get().vSwitchId().ifPresent(v -> byVSwitch.computeIfAbsent(v, k -> new ArrayList<>()).add(s));
      if (n.get().hasVpc()) {
        demands.add(ServiceDemand.of(s.spec(), n.get()));
      }
    }
    this.capacity = CapacityAnalyzer.of(input.inventory()).analyze(demands);
  }

  /** Records the codes of every blocker of service {@code i}: its network's and its paths'. */
  private void index(int i, ResolvedService s) {
    for (Explanation e : s.networkBlockers()) {
      byCode.computeIfAbsent(e.code(), k -> new BitSet()).set(i);
    }
    for (PathResult p : s.paths()) {
      for (Explanation e : p.explanations()) {
        byCode.computeIfAbsent(e.code(), k -> new BitSet()).set(i);
      }
    }
  }

  /**
   * Resolves every service of {@code input} against its inventory, analyses each of its intents once (and internet
   * egress for a service that pulls an image from outside Alibaba Cloud), and computes the capacity of the vSwitches
   * the services use. A service that cannot be resolved is kept with its {@link ResolvedService#resolutionProblem()}:
   * resolution problems are results, never exceptions.
   */
  public static EstateAnalysis of(AnalysisInput input) {
    Objects.requireNonNull(input, "input");
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
    return new EstateAnalysis(input, analyzer, List.copyOf(out));
  }

  private static boolean pullsExternalImage(ServiceInput s) {
    for (Container c : s.spec().containers()) {
      if (c.image().isPresent() && Endpoints.external(Endpoints.registryHost(c.image().get()))) {
        return true;
      }
    }
    return false;
  }

  /** The input analysed. */
  public AnalysisInput input() {
    return input;
  }

  /** The inventory. */
  public Inventory inventory() {
    return input.inventory();
  }

  /** Every service, resolved, sorted by name. */
  public List<ResolvedService> services() {
    return services;
  }

  /** Every path result, service by service in {@link #services()} order, each in the order of its intents. */
  public List<PathResult> pathResults() {
    List<PathResult> out = new ArrayList<>();
    services.forEach(s -> out.addAll(s.paths()));
    return out;
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

  /**
   * The services with a blocker of one of {@code codes}, on a path or on their own network, in {@link #services()}
   * order: what a reader that reports some kinds of blockers visits, instead of every service.
   */
  public List<ResolvedService> servicesBlockedBy(Collection<ExplanationCode> codes) {
    BitSet union = new BitSet();
    for (ExplanationCode c : codes) {
      BitSet b = byCode.get(c);
      if (b != null) {
        union.or(b);
      }
    }
    List<ResolvedService> out = new ArrayList<>(union.cardinality());
    for (int i = union.nextSetBit(0); i >= 0; i = union.nextSetBit(i + 1)) {
      out.add(services.get(i));
    }
    return out;
  }

  /** The IP capacity of every vSwitch the services use. */
  public CapacityReport capacity() {
    return capacity;
  }

  /** The security groups of the inventory, compiled once for the run: verdicts for flows a reader asks about. */
  public SecurityGroupEvaluator securityGroups() {
    return analyzer.securityGroups();
  }
}
