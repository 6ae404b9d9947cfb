package io.easnet.aliyun.internal;

import io.easnet.core.CloudTimeoutException;
import io.easnet.core.EasNetworkException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The independent requests of one port call, sent together (docs/adapter-concurrency.md): the four reads of an RDS
 * instance, a security group's rule pages and its list entry, the entries of each route table, the configurations of
 * listed EAS services.
 *
 * <p>{@link #all} runs its tasks on a small pool owned by the adapter ({@link #threads()} threads, daemon, named
 * {@value #THREAD_PREFIX}&lt;n&gt;, idle ones end after {@link #KEEP_ALIVE}) while the calling thread runs the first
 * task and any task still queued when it is reached; the results come back in the tasks' order. The first failure
 * <i>in that order</i> is thrown, as the one-after-the-other order would have thrown it: the later tasks are
 * cancelled when they have not started and awaited when they have (their failures added as suppressed), so nothing
 * of the call is still in flight when it returns. Every wait is bounded: a wait during which no request of the
 * adapter finished for {@link #stallAfter()} (the longest one attempt can take) ends with a
 * {@link CloudTimeoutException} naming the call.
 *
 * <p>With a concurrency of 1, in a pool thread (a task that fans out again runs its tasks itself: the pool never
 * waits on itself) and after {@link #close()}, the tasks run one after the other on the calling thread and the first
 * failure stops them: exactly the sequential order. Each request still goes through the transport, so the rate
 * limits, circuit breakers and retries see every one of them.
 */
final class FanOut implements AutoCloseable {
  /** The name of the adapter's threads, before their number: never a region, key or other configuration. */
  static final String THREAD_PREFIX = "eas-network-aliyun-";

  /** How long an idle thread of the pool lives. */
  static final Duration KEEP_ALIVE = Duration.ofSeconds(10);

  /** The most tasks waiting for a thread; beyond it the calling thread runs them itself. */
  static final int MAX_QUEUED = 256;

  /** How many calls at once the pool serves with their full concurrency. */
  static final int CALLS_AT_ONCE = 4;

  private static final AtomicInteger POOLS = new AtomicInteger();

  private final int concurrency;
  private final Duration stallAfter;
  private final ThreadPoolExecutor pool;
  /** Requests (attempts) finished by the adapter: what tells a slow wait from a stalled one. */
  private final AtomicLong progress = new AtomicLong();

  /**
   * @param concurrency the most requests of one call in flight together (1: one after the other)
   * @param stallAfter how long a wait may go without any request finishing before it fails
   */
  FanOut(int concurrency, Duration stallAfter) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
    }
    this.concurrency = concurrency;
    this.stallAfter = Objects.requireNonNull(stallAfter, "stallAfter");
    if (concurrency == 1) {
      this.pool = null;
    } else {
      // the calling thread is one of a call's concurrent requests: the pool holds the others, for a few calls at once
      // (a loader asks several port calls together: InventoryLoader's default parallelism is 4)
      int threads = (concurrency - 1) * CALLS_AT_ONCE;
      this.pool = new ThreadPoolExecutor(threads, threads, KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS,
          new ArrayBlockingQueue<>(MAX_QUEUED), new Factory(POOLS.incrementAndGet()),
          new ThreadPoolExecutor.AbortPolicy());
      this.pool.allowCoreThreadTimeOut(true);
    }
  }

  /** The most requests of one call in flight together. */
  int concurrency() {
    return concurrency;
  }

  /** The pool's threads (0 when the calls are sequential). */
  int threads() {
    return (concurrency - 1) * CALLS_AT_ONCE;
  }

  Duration stallAfter() {
    return stallAfter;
  }

  /** One request (attempt) of the adapter finished, on any thread. */
  void progressed() {
    progress.incrementAndGet();
  }

  /**
   * The tasks' results in their order; the first failure in that order is thrown.
   *
   * @param what the call, for the message of a stalled wait (e.g. {@code rds:DescribeDBInstanceAttribute})
   */
  <T> List<T> all(String what, List<? extends Supplier<? extends T>> tasks) {
    int n = tasks.size();
    if (pool == null || n < 2 || Thread.currentThread() instanceof Worker || pool.isShutdown()) {
      List<T> out = new ArrayList<>(n);
      for (Supplier<? extends T> task : tasks) {
        out.add(task.get());
      }
      return out;
    }
    List<Task<T>> started = new ArrayList<>(n);
    for (Supplier<? extends T> body : tasks) {
      started.add(new Task<>(body));
    }
    // a window of concurrency - 1 tasks in the pool: the call never has more requests in flight than its concurrency
    int window = concurrency - 1;
    for (int i = 1; i < n && i <= window; i++) {
      submit(started.get(i));
    }
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Task<T> task = started.get(i);
      if (i + window < n && i > 0) {
        submit(started.get(i + window)); // task i is done or about to be run here: the next one may start
      }
      // a task no thread has taken yet runs here rather than waiting for one; on a taken task this does nothing
      pool.remove(task);
      task.run();
      try {
        out.add(await(what, task));
      } catch (RuntimeException | Error failure) {
        settle(what, started.subList(i + 1, n), failure);
        throw failure;
      }
    }
    return out;
  }

  private void submit(Runnable task) {
    try {
      pool.execute(task);
    } catch (RejectedExecutionException full) {
      // a full queue or a pool closed meanwhile: the calling thread runs the task when it reaches it
    }
  }

  /** The tasks after a failure: those not started never run, the others are awaited; their failures suppressed. */
  private void settle(String what, List<? extends Task<?>> rest, Throwable failure) {
    List<Task<?>> running = new ArrayList<>();
    for (Task<?> task : rest) {
      pool.remove(task);
      if (!task.cancel()) {
        running.add(task);
      }
    }
    for (Task<?> task : running) {
      try {
        await(what, task);
      } catch (RuntimeException | Error other) {
        if (other != failure) {
          failure.addSuppressed(other);
        }
      }
    }
  }

  /** The task's result, waiting while the adapter's requests make progress. */
  private <T> T await(String what, Task<T> task) {
    long start = System.nanoTime();
    long seen = progress.get();
    try {
      while (!task.done.await(stallAfter.toNanos(), TimeUnit.NANOSECONDS)) {
        long now = progress.get();
        if (now == seen) {
          task.interrupt();
          throw CloudTimeoutException.of(what, "any request of the adapter to finish (none did for "
              + stallAfter.toMillis() + " ms, the longest one attempt may take: the call timeout for a rate-limit "
              + "permit, for credentials and for the exchange, and the longest backoff)",
              Duration.ofNanos(System.nanoTime() - start), null);
        }
        seen = now;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      task.interrupt();
      throw new EasNetworkException(what + " was interrupted while waiting for its requests", e);
    }
    Throwable failure = task.failure;
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error err) {
      throw err;
    }
    if (failure != null) {
      throw new EasNetworkException(what + " failed: " + failure, failure); // a Supplier throws nothing checked
    }
    return task.result;
  }

  /** One task: run once, by whichever thread claims it first (a pool thread or the calling thread). */
  private static final class Task<T> implements Runnable {
    private final Supplier<? extends T> body;
    private final AtomicBoolean claimed = new AtomicBoolean();
    final CountDownLatch done = new CountDownLatch(1);
    private volatile Thread runner;
    volatile T result;
    volatile Throwable failure;

    Task(Supplier<? extends T> body) {
      this.body = body;
    }

    @Override
    public void run() {
      if (!claimed.compareAndSet(false, true)) {
        return;
      }
      runner = Thread.currentThread();
      try {
        result = body.get();
      } catch (Throwable t) { // handed to the waiting thread, which throws it
        failure = t;
      } finally {
        runner = null;
        done.countDown();
      }
    }

    /** True when the task had not started: it never will. */
    boolean cancel() {
      return claimed.compareAndSet(false, true);
    }

    void interrupt() {
      Thread t = runner;
      if (t != null && t != Thread.currentThread()) {
        t.interrupt();
      }
    }
  }

  /** Lets the running tasks finish (bounded by {@link #stallAfter()}), then ends the pool's threads. */
  @Override
  public void close() {
    if (pool == null) {
      return;
    }
    pool.shutdown();
    try {
      if (!pool.awaitTermination(stallAfter.toMillis(), TimeUnit.MILLISECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  boolean isClosed() {
    return pool == null || pool.isShutdown();
  }

  @Override
  public String toString() {
    return "FanOut{concurrency=" + concurrency + "}";
  }

  /** A thread of the pool: a task that fans out again in one of these runs its tasks itself. */
  private static final class Worker extends Thread {
    Worker(Runnable r, String name) {
      super(r, name);
      setDaemon(true);
    }
  }

  private static final class Factory implements ThreadFactory {
    private final int pool;
    private final AtomicInteger threads = new AtomicInteger();

    Factory(int pool) {
      this.pool = pool;
    }

    @Override
    public Thread newThread(Runnable r) {
      return new Worker(r, THREAD_PREFIX + pool + "-" + threads.incrementAndGet());
    }
  }
}
