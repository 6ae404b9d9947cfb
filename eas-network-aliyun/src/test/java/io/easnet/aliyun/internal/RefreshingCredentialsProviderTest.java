package io.easnet.aliyun.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easnet.aliyun.Credentials;
import io.easnet.core.EasNetworkException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RefreshingCredentialsProviderTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private final MutableClock clock = new MutableClock(T0);
  private final AtomicInteger fetches = new AtomicInteger();
  private volatile boolean failing;
  private volatile Duration lifetime = Duration.ofHours(1);

  private final Supplier<Credentials> fetch = () -> {
    if (failing) {
      throw new CredentialsUnavailableException("STS is down");
    }
    int n = fetches.incrementAndGet();
    return Credentials.builder().accessKeyId("STS.id" + n).accessKeySecret("secret" + n).securityToken("token" + n)
        .expiration(clock.instant().plus(lifetime)).build();
  };

  private final RefreshingCredentialsProvider provider =
      new RefreshingCredentialsProvider("test", fetch, clock, Duration.ofMinutes(15));

  @Test
  void cachedUntilFifteenMinutesBeforeExpiryThenRefreshed() {
    assertThat(provider.credentials().accessKeyId()).isEqualTo("STS.id1");
    clock.advance(Duration.ofMinutes(44).plusSeconds(59));
    assertThat(provider.credentials().accessKeyId()).isEqualTo("STS.id1");
    clock.advance(Duration.ofSeconds(1)); // 10:45, expiry 11:00
    assertThat(provider.credentials().accessKeyId()).isEqualTo("STS.id2");
    assertThat(fetches).hasValue(2);
  }

  @Test
  void shortLivedCredentialsRefreshAtHalfTheirLifetimeNotOnEveryCall() {
    lifetime = Duration.ofMinutes(15); // STS minimum: 900 s
    provider.credentials();
    clock.advance(Duration.ofMinutes(7));
    provider.credentials();
    assertThat(fetches).hasValue(1);
    clock.advance(Duration.ofSeconds(30)); // 7.5 minutes: half the lifetime
    assertThat(provider.credentials().accessKeyId()).isEqualTo("STS.id2");
  }

  @Test
  void aFailedRefreshKeepsValidCredentialsAndThrowsOnceTheyExpired() {
    provider.credentials();
    failing = true;
    clock.advance(Duration.ofMinutes(50));
    assertThat(provider.credentials().accessKeyId()).isEqualTo("STS.id1");
    clock.advance(Duration.ofMinutes(10)); // 11:00, expired
    assertThatThrownBy(provider::credentials).isInstanceOf(EasNetworkException.class).hasMessage("STS is down");
    failing = false;
    assertThat(provider.credentials().accessKeyId()).isEqualTo("STS.id2");
  }

  @Test
  void credentialsWithoutExpiryAreFetchedOnce() {
    RefreshingCredentialsProvider p = new RefreshingCredentialsProvider("static", () -> {
      fetches.incrementAndGet();
      return Credentials.of("id", "secret");
    }, clock, Duration.ofMinutes(15));
    p.credentials();
    clock.advance(Duration.ofDays(365));
    p.credentials();
    assertThat(fetches).hasValue(1);
  }

  @Test
  void concurrentCallersShareOneFetch() throws Exception {
    int threads = 8;
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      java.util.List<java.util.concurrent.Future<Credentials>> results = new java.util.ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return provider.credentials();
        }));
      }
      for (java.util.concurrent.Future<Credentials> f : results) {
        assertThat(f.get().accessKeyId()).isEqualTo("STS.id1");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(fetches).hasValue(1);
  }

  @Test
  void negativeRefreshAheadIsRejected() {
    assertThatThrownBy(() -> new RefreshingCredentialsProvider("x", fetch, clock, Duration.ofSeconds(-1)))
        .hasMessageContaining("refreshAhead must not be negative");
  }
}
