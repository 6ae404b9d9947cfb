package io.easnet.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** What every product's state shares: the fake clock, the seeded ids and the asynchronous delay. */
final class StateContext {
  static final String PENDING = "Pending";
  static final String AVAILABLE = "Available";
  static final String DELETING = "Deleting";

  final FakeClock clock;
  final Ids ids;
  final Duration asyncDelay;

  StateContext(FakeClock clock, Ids ids, Duration asyncDelay) {
    this.clock = clock;
    this.ids = ids;
    this.asyncDelay = asyncDelay;
  }

  /** The instant an asynchronous change started now completes. */
  Instant readyAt() {
    return clock.instant().plus(asyncDelay);
  }

  /**
   * The value under {@code id}.
   *
   * @throws Refusal {@code code} (a not-found code) with "The specified {what} {id} does not exist."
   */
  static <K, V> V existing(Map<K, V> map, K id, String code, String what) {
    V v = map.get(id);
    if (v == null) {
      throw Refusal.of(code, "The specified " + what + " " + id + " does not exist.");
    }
    return v;
  }
}
