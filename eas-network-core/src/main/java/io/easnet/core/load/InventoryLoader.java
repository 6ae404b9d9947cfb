package io.easnet.core.load;

import io.easnet.core.CloudServiceException;
import io.easnet.core.EasNetworkException;
import io.easnet.core.load.internal.LoadPlan;
import io.easnet.core.load.internal.LoadSession;
import io.easnet.core.json.ServiceDocument;
import io.easnet.core.json.Snapshot;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.VpcId;
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
}
