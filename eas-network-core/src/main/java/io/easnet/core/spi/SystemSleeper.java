package io.easnet.core.spi;

import java.time.Duration;

/** {@link Sleeper#system()}. */
enum SystemSleeper implements Sleeper {
  INSTANCE;

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    long millis = duration.isNegative() ? 0
        : duration.toSeconds() >= Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : duration.toMillis();
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }

  @Override
  public String toString() {
    return "Sleeper.system()";
  }
}
