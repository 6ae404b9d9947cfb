package io.easnet.aliyun.internal;

import java.time.Duration;

/** Waits between attempts; tests inject one that records instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  static Sleeper system() {
    return d -> Thread.sleep(d.toMillis());
  }
}
