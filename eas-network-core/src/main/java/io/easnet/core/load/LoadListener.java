package io.easnet.core.load;

import java.time.Duration;

/**
 * Told about every cloud call the {@link InventoryLoader} makes, so that calls can be counted, timed and logged.
 * Called from the loader's worker threads: implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface LoadListener {
  /**
   * One call to the cloud port finished.
   *
   * @param action the action name, one of {@link io.easnet.core.spi.CloudActions}
   * @param elapsed how long the call took on the loader's clock
   * @param succeeded false when the call threw
   */
  void onCall(String action, Duration elapsed, boolean succeeded);

  /** A listener that ignores every call. */
  static LoadListener none() {
    return (action, elapsed, succeeded) -> {};
  }
}
