package io.easnet.core.load.internal;

import io.easnet.core.spi.RequestListener.RequestEvent;
import io.easnet.core.spi.RequestListener;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link RequestListener} that counts and times requests per action (one per HTTP request: a list of three pages
 * counts three), for a {@code --stats} line or a test. Thread-safe.
 *
 * <pre>{@code
 * CallStatistics stats = CallStatistics.create();
 * InventoryLoader loader = InventoryLoader.builder().port(port).listener(stats).build();
 * loader.load(question);
 * System.out.println(stats); // 5 requests (0 failed) in 412 ms: ecs:DescribeSecurityGroupAttribute=2, …
 * }</pre>
 */
public final class CallStatistics implements RequestListener {
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final LongAdder failures = new LongAdder();
  private final AtomicLong nanos = new AtomicLong();

  private CallStatistics() {}

  /** Empty statistics. */
  public static CallStatistics create() {
    return new CallStatistics();
  }

  @Override
  public void onRequest(RequestEvent event) {
    counts.computeIfAbsent(event.action(), a -> new LongAdder()).increment();
    if (!event.succeeded()) {
      failures.increment();
    }
    nanos.addAndGet(event.duration().toNanos());
  }

  /** Requests of every action so far. */
  public long total() {
    return counts.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Requests of one action so far. */
  public long count(String action) {
    LongAdder n = counts.get(action);
    return n == null ? 0 : n.sum();
  }

  /** Requests that failed so far. */
  public long failures() {
    return failures.sum();
  }

  /** The summed time of all requests (parallel requests overlap, so this may exceed the wall time). */
  public Duration totalTime() {
    return Duration.ofNanos(nanos.get());
  }

  /** Requests per action, sorted by action. */
  public Map<String, Long> byAction() {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((a, n) -> out.put(a, n.sum()));
    return out;
  }

  /** A one-line summary, e.g. {@code 5 requests (0 failed) in 412 ms: vpc:DescribeVpcs=1, …}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder().append(total()).append(" requests (").append(failures())
        .append(" failed) in ")
        .append(totalTime().toMillis()).append(" ms");
    Map<String, Long> by = byAction();
    if (!by.isEmpty()) {
      sb.append(": ");
      by.forEach((a, n) -> sb.append(a).append('=').append(n).append(", "));
      sb.setLength(sb.length() - 2);
    }
    return sb.toString();
  }
}
