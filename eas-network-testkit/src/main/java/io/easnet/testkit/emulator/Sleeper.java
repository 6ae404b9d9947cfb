package io.easnet.testkit.emulator;

import java.time.Duration;

/**
 * How the emulator waits out injected latency. The default sleeps the serving thread; a test passes one that
 * records the duration or advances a fake clock, so latency faults cost no real time.
 */
@FunctionalInterface
public interface Sleeper {
  /** Waits {@code duration}, which is positive. */
  void sleep(Duration duration) throws InterruptedException;

  /** The real thing: {@link Thread#sleep(long)}. */
  static Sleeper system() {
    return d -> Thread.sleep(d.toMillis());
  }
}
