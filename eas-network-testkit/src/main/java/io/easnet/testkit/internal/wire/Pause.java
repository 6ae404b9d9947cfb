package io.easnet.testkit.internal.wire;

import java.time.Duration;

/** How the dispatcher waits out injected latency (the emulator passes its {@code Sleeper}; tests record it). */
@FunctionalInterface
public interface Pause {
  void sleep(Duration duration) throws InterruptedException;

  /** Sleeps the thread. */
  static Pause system() {
    return d -> Thread.sleep(d.toMillis());
  }
}
