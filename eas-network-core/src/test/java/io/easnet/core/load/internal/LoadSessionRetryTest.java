package io.easnet.core.load.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.core.CloudIoException;
import io.easnet.core.CloudServiceException;
import io.easnet.core.CloudServiceException.Kind;
import io.easnet.core.InvalidInputException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A region snapshot survives a read that fails transiently more often than the adapter retries
 * (or whose throttle asks for more than the adapter waits): the session retries the failed read within a
 * documented budget, and the reads already done are not repeated.
 */
class LoadSessionRetryTest {
  private final List<Duration> pauses = new CopyOnWriteArrayList<>();

  private LoadSession session(LoadSession.Retry base) {
    return new LoadSession(null, Runnable::run, new LoadSession.Retry(base.retriesPerCall(), base.firstBackoff(),
        base.maxWait(), base.totalWait(), pauses::add));
  }

  private LoadSession session() {
    return session(LoadSession.Retry.DEFAULT);
  }

  private static CloudServiceException error(Kind kind, Integer retryAfterSeconds) {
    CloudServiceException.Builder b = CloudServiceException.builder("vpc:DescribeVSwitches",
        kind == Kind.THROTTLED ? "Throttling.User" : kind == Kind.SERVER_ERROR ? "ServiceUnavailable" : "Bad", kind)
        .httpStatus(kind == Kind.THROTTLED ? 400 : kind == Kind.SERVER_ERROR ? 503 : 400);
    if (retryAfterSeconds != null) {
      b.retryAfterSeconds(retryAfterSeconds);
    }
    return b.build();
  }

  private static CloudIoException refused() {
    return CloudIoException.of("vpc:DescribeVSwitches", "http://127.0.0.1:1", 3, "connection refused at 127.0.0.1:1",
        null);
  }

  /** A read that fails with the given failures in turn, then answers "ok"; counts its invocations. */
  private static java.util.function.Function<io.easnet.core.spi.CloudPort, String> failing(AtomicInteger count,
      List<Supplier<RuntimeException>> failures) {
    return port -> {
      int n = count.getAndIncrement();
      if (n < failures.size()) {
        throw failures.get(n).get();
      }
      return "ok";
    };
  }

  private static <T> T join(java.util.concurrent.CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      throw (RuntimeException) e.getCause();
    }
  }

  @Test
  void aReadFailingThreeTimesIsRetriedWithDoublingWaitsAndTheOthersAreNotRepeated() {
    LoadSession s = session();
    AtomicInteger vpcs = new AtomicInteger();
    assertThat(join(s.call("vpc:DescribeVpcs", "", failing(vpcs, List.of())))).isEqualTo("ok");
    AtomicInteger vswitches = new AtomicInteger();
    Supplier<RuntimeException> unavailable = () -> error(Kind.SERVER_ERROR, null);
    assertThat(join(s.call("vpc:DescribeVSwitches", "vpc-a", failing(vswitches,
        List.of(unavailable, unavailable, unavailable))))).isEqualTo("ok");
    assertThat(vswitches.get()).isEqualTo(4);
    assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    // the read already done is cached: asking again calls nothing
    assertThat(join(s.call("vpc:DescribeVpcs", "", failing(vpcs, List.of())))).isEqualTo("ok");
    assertThat(vpcs.get()).isEqualTo(1);
  }

  @Test
  void aThrottleAskingForMoreThanTheAdapterWaitsIsWaitedForUpToTheDocumentedMaximum() {
    LoadSession s = session();
    AtomicInteger n = new AtomicInteger();
    assertThat(join(s.call("a", "", failing(n, List.of(() -> error(Kind.THROTTLED, 15)))))).isEqualTo("ok");
    assertThat(pauses).containsExactly(Duration.ofSeconds(15));

    AtomicInteger m = new AtomicInteger();
    CloudServiceException tooLong = error(Kind.THROTTLED, 45);
    assertThatThrownBy(() -> join(s.call("b", "", failing(m, List.of(() -> tooLong))))).isSameAs(tooLong);
    assertThat(m.get()).isEqualTo(1);
  }

  @Test
  void anIoFailureIsRetriedOnlyOnceTheEndpointHasAnswered() {
    LoadSession s = session();
    AtomicInteger first = new AtomicInteger();
    // nothing answered yet: a refused connection is a wrong endpoint, not a spell, and fails at once
    assertThatThrownBy(() -> join(s.call("a", "", failing(first, List.of(LoadSessionRetryTest::refused)))))
        .isInstanceOf(CloudIoException.class).hasMessageContaining("connection refused");
    assertThat(first.get()).isEqualTo(1);
    assertThat(pauses).isEmpty();

    AtomicInteger ok = new AtomicInteger();
    join(s.call("b", "", failing(ok, List.of())));
    AtomicInteger later = new AtomicInteger();
    assertThat(join(s.call("c", "", failing(later, List.of(LoadSessionRetryTest::refused,
        LoadSessionRetryTest::refused))))).isEqualTo("ok");
    assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void aFailureThatIsNotTransientIsThrownAtOnce() {
    LoadSession s = session();
    AtomicInteger n = new AtomicInteger();
    CloudServiceException notFound = error(Kind.NOT_FOUND, null);
    assertThatThrownBy(() -> join(s.call("a", "", failing(n, List.of(() -> notFound))))).isSameAs(notFound);
    InvalidInputException bad = InvalidInputException.of("svc.json", "/x", "bad", "fix it");
    AtomicInteger m = new AtomicInteger();
    assertThatThrownBy(() -> join(s.call("b", "", failing(m, List.of(() -> bad))))).isSameAs(bad);
    assertThat(n.get() + m.get()).isEqualTo(2);
    assertThat(pauses).isEmpty();
  }

  @Test
  void theBudgetBoundsEachReadAndTheWholeSessionAndTheFirstFailureIsThrown() {
    LoadSession s = session();
    // one read that never recovers: 4 retries (1 + 2 + 4 + 8 s), then its first failure with the others attached
    AtomicInteger n = new AtomicInteger();
    CloudServiceException firstFailure = error(Kind.SERVER_ERROR, null);
    List<Supplier<RuntimeException>> always = new java.util.ArrayList<>();
    always.add(() -> firstFailure);
    for (int i = 0; i < 20; i++) {
      always.add(() -> error(Kind.SERVER_ERROR, null));
    }
    assertThatThrownBy(() -> join(s.call("a", "", failing(n, always)))).isSameAs(firstFailure)
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(4));
    assertThat(n.get()).isEqualTo(5);
    // four such reads would wait 60 s; the session's 60 s budget is spent after the fourth and the fifth gets none
    for (String key : List.of("b", "c", "d")) {
      assertThatThrownBy(() -> join(s.call(key, "", failing(new AtomicInteger(), always))))
          .isInstanceOf(CloudServiceException.class);
    }
    assertThat(s.waited()).isEqualTo(Duration.ofSeconds(60));
    AtomicInteger last = new AtomicInteger();
    assertThatThrownBy(() -> join(s.call("e", "", failing(last, always)))).isInstanceOf(CloudServiceException.class);
    assertThat(last.get()).isEqualTo(1);
    assertThat(pauses.stream().mapToLong(Duration::toSeconds).sum()).isEqualTo(60);
  }

  @Test
  void theDefaultSessionRetriesAThrottledReadWithRealWaiting() {
    // the session InventoryLoader makes: before, one throttled read aborted the whole load
    LoadSession s = new LoadSession(null, Runnable::run);
    AtomicInteger n = new AtomicInteger();
    assertThat(join(s.call("a", "", failing(n, List.of(() -> error(Kind.THROTTLED, 1)))))).isEqualTo("ok");
    assertThat(n.get()).isEqualTo(2);
    assertThat(s.waited()).isEqualTo(Duration.ofSeconds(1));
  }
}
