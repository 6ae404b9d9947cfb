package io.easnet.aliyun.internal;

import io.easnet.aliyun.Credentials;
import io.easnet.aliyun.CredentialsProvider;
import io.easnet.core.EasNetworkException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Caches the credentials a fetch returns and fetches again before they expire: at
 * {@code expiration − min(refreshAhead, lifetime / 2)}, so short-lived credentials (STS allows 900 s) are not
 * refetched on every call. Credentials without an expiry are fetched once. When a refresh fails while the cached
 * credentials are still valid, the cached ones are used and the next call tries again; once they have expired, the
 * failure is thrown. Thread safe; the clock is the instance's.
 */
public final class RefreshingCredentialsProvider implements CredentialsProvider {
  private final String description;
  private final Supplier<Credentials> fetch;
  private final Clock clock;
  private final Duration refreshAhead;
  private Credentials cached;
  private Instant refreshAt = Instant.MIN;

  public RefreshingCredentialsProvider(String description, Supplier<Credentials> fetch, Clock clock,
      Duration refreshAhead) {
    this.description = Objects.requireNonNull(description, "description");
    this.fetch = Objects.requireNonNull(fetch, "fetch");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (refreshAhead.isNegative()) {
      throw new IllegalArgumentException("refreshAhead must not be negative, was " + refreshAhead);
    }
    this.refreshAhead = refreshAhead;
  }

  @Override
  public synchronized Credentials credentials() {
    Instant now = clock.instant();
    if (cached != null && now.isBefore(refreshAt)) {
      return cached;
    }
    Credentials fresh;
    try {
      fresh = Objects.requireNonNull(fetch.get(), () -> description + " returned no credentials");
    } catch (EasNetworkException e) {
      if (cached != null && cached.expiration().map(now::isBefore).orElse(true)) {
        return cached;
      }
      throw e;
    }
    cached = fresh;
    refreshAt = fresh.expiration().map(expiry -> {
      Duration lifetime = Duration.between(now, expiry);
      Duration ahead = lifetime.isNegative() ? Duration.ZERO : min(refreshAhead, lifetime.dividedBy(2));
      return expiry.minus(ahead);
    }).orElse(Instant.MAX);
    return fresh;
  }

  @Override
  public String description() {
    return description;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  @Override
  public String toString() {
    return "RefreshingCredentialsProvider{" + description + "}";
  }
}
