package io.easnet.core.analysis;

import io.easnet.core.analysis.Target.InternetTarget;
import io.easnet.core.json.ServiceDocument;
import io.easnet.core.internal.SourceNames;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import io.easnet.core.model.ResourceId;
import java.nio.file.Path;
import io.easnet.core.analysis.CapacityReport.ServiceDemand;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.immutables.value.Value;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import io.easnet.core.EasNetworkException;
import io.easnet.core.InvalidInputException;
import io.easnet.core.analysis.internal.Endpoints;
import io.easnet.core.model.ServiceSpec.Container;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
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
import io.easnet.core.model.ServiceSpec;

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

  /**
   * A service of the input together with what the run computed for it once: the network the resolver found in effect
   * (or the reason it could not be resolved: resolution problems are findings, never crashes), the blockers of that
   * network itself, and the path result of each of its {@link ServiceInput#intents() intents}. Rules read these; they
   * never analyse again.
   */
  public static final class ResolvedService {
    private final ServiceInput input;
    private final EffectiveNetwork network;
    private final String problem;
    private final List<Explanation> networkBlockers;
    private final List<PathResult> paths;
    private final PathResult internetEgress;

    ResolvedService(ServiceInput input, EffectiveNetwork network, String problem, List<Explanation> networkBlockers,
        List<PathResult> paths, PathResult internetEgress) {
      this.input = input;
      this.network = network;
      this.problem = problem;
      this.networkBlockers = List.copyOf(networkBlockers);
      this.paths = List.copyOf(paths);
      this.internetEgress = internetEgress;
    }

    /** The service as given. */
    public ServiceInput input() {
      return input;
    }

    /** The service spec. */
    public ServiceSpec spec() {
      return input.spec();
    }

    /** The service name. */
    public String name() {
      return input.spec().name();
    }

    /** The file the service came from, when known. */
    public Optional<String> source() {
      return input.sourceName();
    }

    /** The effective network; empty when the service could not be resolved. */
    public Optional<EffectiveNetwork> network() {
      return Optional.ofNullable(network);
    }

    /** Why the service could not be resolved, when it could not. */
    public Optional<String> resolutionProblem() {
      return Optional.ofNullable(problem);
    }

    /** The blockers of the service's own network (vSwitch, security group, VPC), which all its paths share. */
    public List<Explanation> networkBlockers() {
      return networkBlockers;
    }

    /** The path result of each intent, in the order of {@link ServiceInput#intents()}; empty when unresolved. */
    public List<PathResult> paths() {
      return paths;
    }

    /** The path result of one intent, when the service has it. */
    public Optional<PathResult> path(Intent intent) {
      return paths.stream().filter(p -> p.intent().equals(intent)).findFirst();
    }

    /**
     * Internet egress (TCP {@value ServiceInput#INTERNET_PORT} to any address), when the run analysed it: the service
     * wants it, or pulls an image from outside Alibaba Cloud.
     */
    public Optional<PathResult> internetEgress() {
      return Optional.ofNullable(internetEgress);
    }

    @Override
    public String toString() {
      return "ResolvedService{" + name() + "}";
    }
  }

  /**
   * Everything the rule catalogue checks: the inventory (with the name of the snapshot it came from), the services
   * with their intents, and the {@link Clock} whose date expires suppressions: the system clock (UTC) by default;
   * inject a fixed clock for a reproducible run.
   */
  @Value.Immutable
  public abstract static class AnalysisInput {
    /** The source name used for inventory locations when none is given. */
    public static final String DEFAULT_INVENTORY_SOURCE = "snapshot";

    AnalysisInput() {}

    /** The network inventory. */
    public abstract Inventory inventory();

    /** The snapshot file the inventory came from; {@value #DEFAULT_INVENTORY_SOURCE} when not set. */
    @Value.Default
    public String inventorySource() {
      return DEFAULT_INVENTORY_SOURCE;
    }

    /** The services to check, in any order. */
    public abstract List<ServiceInput> services();

    /** The clock whose date expires suppressions; the system clock in UTC by default. */
    @Value.Default
    public Clock clock() {
      return Clock.systemUTC();
    }

    /** Today's date on {@link #clock()}. */
    public final LocalDate today() {
      return LocalDate.now(clock());
    }

    /** Starts a builder. */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds an {@link AnalysisInput}. */
    public static final class Builder extends ImmutableAnalysisInput.Builder {
      Builder() {}

      /** Sets the clock to a fixed date (start of day, UTC), for reproducible suppression expiry. */
      public Builder today(LocalDate date) {
        return clock(Clock.fixed(date.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC));
      }

      /** Adds a service without intents. */
      public Builder addService(ServiceSpec spec) {
        return addService(ServiceInput.of(spec));
      }

      /** Adds a service built in place. */
      public Builder addService(ServiceInput.Builder service) {
        return addService(service.build());
      }
    }
  }

  /**
   * One service to check: its spec, the file it came from (for locations) and what it is meant to do (its
   * {@link #intents()}: private targets it must reach, internet egress, ECS clients that connect to it directly).
   *
   * <pre>{@code
   * ServiceInput.builder().spec(spec).sourceName("service.json").wantsInternetEgress(true)
   *     .addPrivateTarget("rm-bp1abc").addClient(EcsInstanceId.of("i-web")).build();
   * }</pre>
   */
  @Value.Immutable
  public abstract static class ServiceInput {
    /** The port internet egress is checked on: HTTPS, what downloads and APIs use. */
    public static final int INTERNET_PORT = 443;

    /** The internet-egress intent {@link #wantsInternetEgress()} stands for: TCP {@value #INTERNET_PORT} to any address. */
    public static final Intent INTERNET_EGRESS = Intent.internet(InternetTarget.any(INTERNET_PORT));

    ServiceInput() {}

    /** The service. */
    public abstract ServiceSpec spec();

    /** The file (or other source) the service JSON came from, e.g. {@code service.json}. */
    public abstract Optional<String> sourceName();

    /**
     * Where the service sits in its source: empty for a service file, {@code /services/N} for the N-th service a
     * snapshot holds. Every JSON pointer a finding puts into the service starts with it, so that it resolves in the
     * source (docs/rules/EASNET-040.md).
     */
    @Value.Default
    public String pointerBase() {
      return "";
    }

    /**
     * The deployed copy of this service the estate also holds, as {@code SOURCE:POINTER} (e.g.
     * {@code snapshot.json:/services/0}), when this input replaces it: a service file and its deployed copy are the
     * same service, the file wins and the copy is not analysed (nor counted in capacity) a second time.
     */
    public abstract Optional<String> replacesDeployedCopy();

    /**
     * The document the service was read from, when it was read from a file: its near-miss keys and where each
     * pointer sits. Not part of equality.
     */
    @Value.Auxiliary
    public abstract Optional<ServiceDocument> document();

    /** True when the service must reach the internet (downloads, external APIs). */
    @Value.Default
    public boolean wantsInternetEgress() {
      return false;
    }

    /** The private targets the service must reach: RDS, Redis or ECS instances, or private addresses. */
    public abstract List<Target> privateTargets();

    /**
     * Internet destinations the service must reach besides {@link #INTERNET_EGRESS} (another port, a host, an
     * address), e.g. from {@code internet:pypi.org} in an intents file.
     */
    public abstract List<InternetTarget> internetTargets();

    /** ECS instances that must connect directly to the service's instances, on its port. */
    public abstract List<EcsInstanceId> clients();

    /**
     * What the path engine analyses for this service, in this order: each private target, internet egress (TCP
     * {@value #INTERNET_PORT} to any address) when wanted, each other internet target, each client; without
     * duplicates.
     */
    public final List<Intent> intents() {
      List<Intent> out = new ArrayList<>();
      privateTargets().forEach(t -> out.add(Intent.reach(t)));
      if (wantsInternetEgress()) {
        out.add(INTERNET_EGRESS);
      }
      internetTargets().forEach(t -> out.add(Intent.internet(t)));
      clients().forEach(c -> out.add(Intent.client(c)));
      return out.stream().distinct().toList();
    }

    /** The ids of the instance targets, sorted, without duplicates. */
    public final List<String> privateTargetIds() {
      return privateTargets().stream().flatMap(t -> t.resourceId().stream()).map(ResourceId::value).distinct()
          .sorted().toList();
    }

    /**
     * The environment ({@code dev}, {@code test}, {@code staging}, {@code prod}) when known; otherwise rules infer it
     * from the service name.
     */
    public abstract Optional<String> environment();

    /** The service's name. */
    public final String name() {
      return spec().name();
    }

    /**
     * A builder holding the service read from a service JSON file (the file {@code eascmd create} takes) with the
     * file's name as its source; add the intents and build.
     *
     * @throws io.easnet.core.InvalidInputException naming the file and the JSON pointer when the file is not valid
     */
    public static Builder fromFile(Path file) {
      return fromFile(file, SourceNames.workingDirectory());
    }

    /**
     * As {@link #fromFile(Path)}, naming the file by its path relative to {@code baseDir} (the repository root of a
     * CI run), as {@link SourceNames#of(Path, Path)} does.
     */
    public static Builder fromFile(Path file, Path baseDir) {
      ServiceDocument doc = ServiceDocument.read(file);
      return builder().spec(doc.spec()).sourceName(SourceNames.of(file, baseDir)).document(doc);
    }

    /** A service with no intents and no source name. */
    public static ServiceInput of(ServiceSpec spec) {
      return builder().spec(spec).build();
    }

    /** Starts a builder. */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link ServiceInput}. */
    public static final class Builder extends ImmutableServiceInput.Builder {
      Builder() {}

      /**
       * Adds any intent: a private target, internet egress ({@link #INTERNET_EGRESS} sets
       * {@link #wantsInternetEgress()}), another internet target, or a client.
       */
      public Builder addIntent(Intent intent) {
        if (intent instanceof Intent.Reach r) {
          return addPrivateTarget(r.target());
        }
        if (intent instanceof Intent.Client c) {
          return addClient(c.client());
        }
        if (intent.equals(INTERNET_EGRESS)) {
          return wantsInternetEgress(true);
        }
        return addInternetTarget(((Intent.Internet) intent).target());
      }

      /**
       * Adds an RDS ({@code rm-…}, {@code pgm-…}, {@code mr-…}) or Redis ({@code r-…}) instance by id, on the port the
       * inventory records for it. ECS instances need a port: use {@link Target#ecs}.
       *
       * @throws IllegalArgumentException for any other id
       */
      public Builder addPrivateTarget(String id) {
        if (id != null && RdsInstanceId.PREFIXES.stream().anyMatch(id::startsWith)) {
          return addPrivateTarget(Target.rds(RdsInstanceId.of(id)));
        }
        if (id != null && RedisInstanceId.PREFIXES.stream().anyMatch(id::startsWith)) {
          return addPrivateTarget(Target.redis(RedisInstanceId.of(id)));
        }
        throw new IllegalArgumentException("\"" + id + "\" is not an RDS (rm-, pgm-, mr-) or Redis (r-) instance id;"
            + " for an ECS instance use Target.ecs(id, port)");
      }
    }
  }
}
