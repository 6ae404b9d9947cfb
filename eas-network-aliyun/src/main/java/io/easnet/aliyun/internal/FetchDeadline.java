package io.easnet.aliyun.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One overall deadline for one credentials fetch, over all of its HTTP calls (the ECS metadata's token, role and
 * credentials; one STS or credentials-URI call): each call gets OkHttp's call timeout set to what is left, which
 * covers connecting, waiting and reading the whole body, so a server that trickles one byte every few seconds
 * cannot keep the chain waiting past the deadline. Not thread safe: one per fetch.
 */
final class FetchDeadline {
  /** The deadline of a credentials-URI fetch and of an STS call. */
  static final Duration REMOTE = Duration.ofSeconds(15);
  /** The deadline of an ECS metadata fetch (three calls; the metadata service is on the host's link). */
  static final Duration METADATA = Duration.ofSeconds(5);

  private final Duration budget;
  private final long end;

  private FetchDeadline(Duration budget) {
    this.budget = budget;
    this.end = System.nanoTime() + budget.toNanos();
  }

  static FetchDeadline start(Duration budget) {
    if (budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("a fetch deadline must be positive, was " + budget);
    }
    return new FetchDeadline(budget);
  }

  /** Executes {@code request} with what is left of the deadline as its call timeout. */
  Response execute(OkHttpClient http, Request request) throws IOException {
    long left = end - System.nanoTime();
    if (left <= 0) {
      throw new InterruptedIOException("the deadline passed before the request was sent");
    }
    Call call = http.newCall(request);
    call.timeout().timeout(left, TimeUnit.NANOSECONDS);
    return call.execute();
  }

  /** True when {@code e} is this deadline expiring. */
  boolean expired(IOException e) {
    return e instanceof InterruptedIOException && end - System.nanoTime() <= TimeUnit.MILLISECONDS.toNanos(50);
  }

  /** "no complete answer within 15000 ms (the deadline of one credentials fetch)". */
  String describe() {
    return "no complete answer within " + budget.toMillis() + " ms (the deadline of one credentials fetch)";
  }
}
