package io.easnet.core.load;

import io.easnet.core.load.internal.CallStatistics;
import io.easnet.core.CloudServiceException;
import io.easnet.core.EasNetworkException;
import io.easnet.core.load.internal.LoadPlan;
import io.easnet.core.load.internal.LoadSession;
import io.easnet.core.json.ServiceDocument;
import io.easnet.core.json.Snapshot;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.resolve.NetworkResolver;
import io.easnet.core.spi.CloudPort;
import io.easnet.core.spi.RequestListener;
import io.easnet.core.spi.Sleeper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import io.easnet.core.analysis.Target;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import io.easnet.core.model.ServiceSpec;

/**
 * Loads the part of the cloud a {@link Question} needs through a {@link CloudPort}.
 *
 * <pre>{@code
 * try (InventoryLoader loader = InventoryLoader.builder().port(port).parallelism(4).build()) {
 *   Inventory inv = loader.load(Question.privateTarget(spec, Target.rds(RdsInstanceId.of("rm-…"))));
 * }
 * }</pre>
 *
 * <p>A question about a service starts from its spec: the loader first reads the resource group the spec names
 * ({@code DescribeResourceDLink}; in parallel with the service's own vSwitches and security group when the spec
 * sets {@code cloud.networking}), resolves the effective network with
 * {@link io.easnet.core.resolve.NetworkResolver} and then loads the minimal facts. The inventory holds the resource
 * group, so {@code NetworkResolver.resolve(spec, inventory)} gives the same network. A service without a VPC needs
 * nothing more: its inventory holds the resource group only.
 *
 * <p>A read by id that the cloud answers {@code NOT_FOUND} (a service naming a vSwitch that is gone, a doctor intent
 * naming a mistyped RDS id) leaves the resource out, as a snapshot file without it would, so the analysis reports it
 * the same way on either face; only a VPC the caller names itself ({@link Question#everything}, the VPCs of
 * {@link Question#services}) must exist. {@link #load(Collection)} answers several questions in one run, and
 * {@link #loadSnapshot} adds the region's services ({@code ListServices}) for a snapshot.
 *
 * <p>Each {@link #load} is one run with its own cache: the same describe call made twice in a run reaches the port
 * once. Independent calls run in parallel on the executor; nothing blocks a worker thread. Every HTTP request the
 * port makes (one per page of a list) is reported to the {@link RequestListener}, through
 * {@link CloudPort#withRequestListener}. Thread-safe: several loads may run at once.
 */
public final class InventoryLoader implements AutoCloseable {
  /** The parallelism used when neither an executor nor a parallelism is given. */
  public static final int DEFAULT_PARALLELISM = 4;

  private final CloudPort port;
  private final Executor executor;
  private final ExecutorService ownedExecutor;
  private final RequestListener listener;
  private final LoadSession.Retry retry;

  private InventoryLoader(Builder b) {
    this.port = b.port;
    this.listener = b.listener;
    this.retry = LoadSession.Retry.DEFAULT.withSleeper(b.sleeper);
    if (b.executor != null) {
      this.executor = b.executor;
      this.ownedExecutor = null;
    } else {
      this.ownedExecutor = Executors.newFixedThreadPool(b.parallelism, new DaemonThreads());
      this.executor = ownedExecutor;
    }
  }

  /** A new builder; {@link Builder#port(CloudPort)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Loads what the question needs.
   *
   * @throws CloudServiceException the first failure of a needed call, as the port threw it
   * @throws io.easnet.core.InvalidInputException when the service's {@code cloud.networking} block is partial
   */
  public Inventory load(Question question) {
    Objects.requireNonNull(question, "question");
    return await(LoadPlan.of(question, newSession()).run(), question);
  }

  /**
   * Loads what all the questions need in one run: one inventory, and each call made once however many questions
   * need it (two doctor intents of one service read its vSwitch and security group once).
   *
   * @throws IllegalArgumentException when {@code questions} is empty
   * @throws CloudServiceException the first failure of a needed call, as the port threw it
   */
  public Inventory load(Collection<Question> questions) {
    List<Question> all = List.copyOf(Objects.requireNonNull(questions, "questions"));
    if (all.isEmpty()) {
      throw new IllegalArgumentException("questions must not be empty");
    }
    return await(LoadPlan.of(all, newSession()).run(), all);
  }

  /**
   * Loads what the question needs together with the services ({@code ListServices}, in parallel with the rest), as a
   * {@link Snapshot}: what {@code SnapshotJson} writes, and what an offline check reads. The inventory carries the
   * port's {@link CloudPort#regionId() region}. For {@link Question#region()} the snapshot holds every service of
   * the region; for any other question, the services whose network lies in a VPC the inventory holds.
   *
   * @throws CloudServiceException the first failure of a needed call, as the port threw it
   * @throws io.easnet.core.InvalidInputException when a service configuration the cloud returns is not a valid
   *     service JSON (the message names the service's position in the list)
   */
  public Snapshot loadSnapshot(Question question) {
    Objects.requireNonNull(question, "question");
    LoadPlan plan = LoadPlan.of(question, newSession());
    CompletableFuture<Inventory> inventory = plan.run();
    CompletableFuture<List<String>> services = plan.serviceConfigurations();
    Inventory inv = await(inventory, question);
    List<String> configs = await(services, question);
    List<ServiceDocument> docs = new ArrayList<>(configs.size());
    for (int i = 0; i < configs.size(); i++) {
      docs.add(ServiceDocument.parse(configs.get(i), "eas:ListServices service " + (i + 1)));
    }
    Snapshot.Builder b = Snapshot.builder().inventory(inv);
    if (question.kind() == Question.Kind.REGION) {
      b.addAllServices(docs);
    } else {
      Set<VpcId> vpcs = new HashSet<>();
      inv.vpcs().forEach(v -> vpcs.add(v.id()));
      NetworkResolver resolver = NetworkResolver.create();
      for (ServiceDocument d : docs) {
        Optional<VpcId> vpc;
        try {
          vpc = resolver.resolve(d.spec(), inv).vpcId();
        } catch (io.easnet.core.InvalidInputException e) {
          vpc = Optional.empty(); // a partial block: it names no VPC this load can place it in
        }
        if (vpc.filter(vpcs::contains).isPresent()) {
          b.addService(d);
        }
      }
    }
    return b.build();
  }

  private LoadSession newSession() {
    return new LoadSession(port.withRequestListener(listener), executor, retry);
  }

  private static <T> T await(CompletableFuture<T> future, Object question) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EasNetworkException("interrupted while loading " + question, e);
    } catch (ExecutionException e) {
      throw unwrap(e.getCause(), question);
    }
  }

  private static RuntimeException unwrap(Throwable t, Object question) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof RuntimeException r) {
      return r;
    }
    return new EasNetworkException("loading " + question + " failed: " + t, t);
  }

  /** Shuts down the executor the loader created for itself; an executor given to the builder is left alone. */
  @Override
  public void close() {
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
    }
  }

  @Override
  public String toString() {
    return "InventoryLoader[port=" + port.getClass().getSimpleName() + "]";
  }

  private static final class DaemonThreads implements ThreadFactory {
    private final AtomicInteger n = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "easnet-loader-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }

  /** Configures an {@link InventoryLoader}. */
  public static final class Builder {
    private CloudPort port;
    private Executor executor;
    private int parallelism = DEFAULT_PARALLELISM;
    private RequestListener listener = RequestListener.none();
    private Sleeper sleeper = Sleeper.system();

    private Builder() {}

    /** The port to read through (required). */
    public Builder port(CloudPort port) {
      this.port = Objects.requireNonNull(port, "port must not be null");
      return this;
    }

    /** Runs calls on this executor; the loader does not shut it down. Overrides {@link #parallelism(int)}. */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor must not be null");
      return this;
    }

    /**
     * Runs calls on a pool of this many threads owned by the loader; default
     * {@value InventoryLoader#DEFAULT_PARALLELISM}.
     */
    public Builder parallelism(int parallelism) {
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism must be greater than or equal to 1, was " + parallelism);
      }
      this.parallelism = parallelism;
      return this;
    }

    /**
     * Told about every HTTP request (action, page, request id, duration, outcome); default
     * {@link RequestListener#none()}. {@link CallStatistics} counts and times them.
     */
    public Builder listener(RequestListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener must not be null");
      return this;
    }

    /**
     * How the loader waits before retrying a read that failed transiently (throttled, a server error, a dropped
     * connection); default {@link Sleeper#system()}. Tests pass one that records the wait or advances a fake clock.
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper must not be null");
      return this;
    }

    /** Builds the loader. */
    public InventoryLoader build() {
      if (port == null) {
        throw new IllegalStateException("port is required: call port(CloudPort) before build()");
      }
      return new InventoryLoader(this);
    }
  }

  /**
   * What the analysis wants to know; the {@link InventoryLoader} fetches just the facts needed to answer it. A
   * question about a service starts from its {@link ServiceSpec}: the loader reads the resource group the spec names
   * (its VPC direct connection), resolves the effective network itself and then loads what the question needs.
   *
   * <ul>
   *   <li>{@link #privateTarget}: can the service reach an RDS, Redis or ECS instance (or an address) in its VPC?
   *       Needs the VPC, the service's vSwitches and security group, the target and the security groups bound to it
   *       &mdash; no NAT, SNAT, EIP or route.
   *   <li>{@link #internetEgress}: can the service reach the internet? Needs the service's vSwitches and security
   *       group, the VPC's NAT gateways with their SNAT entries and EIPs, and the VPC's route tables &mdash; no target.
   *   <li>{@link #clientToService}: can an ECS instance call the service directly? Needs the client, its security
   *       groups, the VPC and the service's vSwitches and security group.
   *   <li>{@link #everything}: the whole VPC, for a full audit.
   *   <li>{@link #services}: everything in each VPC the services need (and in the VPCs named besides), each VPC read
   *       once, for a lint of services that may sit in several VPCs.
   *   <li>{@link #region}: every VPC of the region with everything in it, and every resource group.
   * </ul>
   */
  public static final class Question {
    /** The kinds of question. */
    public enum Kind {
      /** The service to a private target. */
      PRIVATE_TARGET,
      /** The service to the internet. */
      INTERNET_EGRESS,
      /** An ECS client to the service. */
      CLIENT_TO_SERVICE,
      /** Everything in one VPC. */
      EVERYTHING,
      /** Everything in each VPC some services need. */
      SERVICES,
      /** Everything in every VPC of the region. */
      REGION
    }

    private final Kind kind;
    private final ServiceSpec service;
    private final Target target;
    private final EcsInstanceId client;
    private final VpcId vpc;
    private final List<ServiceSpec> services;
    private final List<VpcId> vpcs;

    private Question(Kind kind, ServiceSpec service, Target target, EcsInstanceId client, VpcId vpc) {
      this(kind, service, target, client, vpc, service == null ? List.of() : List.of(service),
          vpc == null ? List.of() : List.of(vpc));
    }

    private Question(Kind kind, ServiceSpec service, Target target, EcsInstanceId client, VpcId vpc,
        List<ServiceSpec> services, List<VpcId> vpcs) {
      this.kind = kind;
      this.service = service;
      this.target = target;
      this.client = client;
      this.vpc = vpc;
      this.services = services;
      this.vpcs = vpcs;
    }

    /** The service's private path to a target. */
    public static Question privateTarget(ServiceSpec service, Target target) {
      return new Question(Kind.PRIVATE_TARGET, Objects.requireNonNull(service, "service must not be null"),
          Objects.requireNonNull(target, "target must not be null"), null, null);
    }

    /** The service's path to the internet. */
    public static Question internetEgress(ServiceSpec service) {
      return new Question(Kind.INTERNET_EGRESS, Objects.requireNonNull(service, "service must not be null"), null, null,
          null);
    }

    /** A direct call from an ECS instance to the service. */
    public static Question clientToService(EcsInstanceId client, ServiceSpec service) {
      return new Question(Kind.CLIENT_TO_SERVICE, Objects.requireNonNull(service, "service must not be null"), null,
          Objects.requireNonNull(client, "client must not be null"), null);
    }

    /** Everything in one VPC. */
    public static Question everything(VpcId vpc) {
      return new Question(Kind.EVERYTHING, null, null, null, Objects.requireNonNull(vpc, "vpc must not be null"));
    }

    /**
     * Everything in each VPC the services need (the VPC their effective network names, found through the resource
     * groups the region lists) and in each of {@code vpcs}, each VPC read once; with the services' own vSwitches and
     * security groups even when they lie elsewhere, and every resource group that is not connected to another VPC. A
     * lint of services in several VPCs asks this.
     *
     * @throws IllegalArgumentException when both collections are empty
     */
    public static Question services(Collection<ServiceSpec> services, Collection<VpcId> vpcs) {
      List<ServiceSpec> s = List.copyOf(Objects.requireNonNull(services, "services must not be null"));
      List<VpcId> v = Objects.requireNonNull(vpcs, "vpcs must not be null").stream().distinct().toList();
      if (s.isEmpty() && v.isEmpty()) {
        throw new IllegalArgumentException("a services question needs a service or a VPC");
      }
      return new Question(Kind.SERVICES, null, null, null, null, s, v);
    }

    /** Every VPC of the port's region with everything in it, and every resource group: a snapshot of the region. */
    public static Question region() {
      return new Question(Kind.REGION, null, null, null, null);
    }

    /** The kind of question. */
    public Kind kind() {
      return kind;
    }

    /** The service asked about; empty for {@link Kind#EVERYTHING}, {@link Kind#SERVICES} and {@link Kind#REGION}. */
    public Optional<ServiceSpec> service() {
      return Optional.ofNullable(service);
    }

    /** Every service asked about: the one of {@link #service()}, or those of {@link Kind#SERVICES}. */
    public List<ServiceSpec> services() {
      return services;
    }

    /** Every VPC named by the question: the one of {@link #vpc()}, or those of {@link Kind#SERVICES}. */
    public List<VpcId> vpcs() {
      return vpcs;
    }

    /** The private target, for {@link Kind#PRIVATE_TARGET}. */
    public Optional<Target> target() {
      return Optional.ofNullable(target);
    }

    /** The ECS client, for {@link Kind#CLIENT_TO_SERVICE}. */
    public Optional<EcsInstanceId> client() {
      return Optional.ofNullable(client);
    }

    /** The VPC, for {@link Kind#EVERYTHING}. */
    public Optional<VpcId> vpc() {
      return Optional.ofNullable(vpc);
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("Question[").append(kind);
      if (service != null) {
        sb.append(", service ").append(service.name());
      }
      if (target != null) {
        sb.append(", ").append(target.resourceId().map(Object::toString).orElseGet(() -> target.toString()));
      }
      if (client != null) {
        sb.append(", client ").append(client);
      }
      if (vpc != null) {
        sb.append(", ").append(vpc);
      }
      if (kind == Kind.SERVICES) {
        sb.append(", services ").append(services.stream().map(ServiceSpec::name).toList()).append(", VPCs ")
            .append(vpcs);
      }
      return sb.append(']').toString();
    }
  }
}
