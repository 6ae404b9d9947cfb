package io.easnet.core.spi;

import java.time.Duration;

/**
 * How the library waits: between the applier's polls and retries, between the loader's read retries, between the
 * Aliyun adapter's attempts, and, in the testkit's emulator, for injected latency. The one type every tier takes, so
 * a test passes one that records the wait or advances a fake clock ({@code fake::advance}) and no test sleeps.
 */
@FunctionalInterface
public interface Sleeper {
  /**
   * Waits {@code duration}; a zero or negative duration returns at once.
   *
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /** The real thing: {@link Thread#sleep(long)} for the duration's milliseconds (nothing when not positive). */
  static Sleeper system() {
    return SystemSleeper.INSTANCE;
  }
}
