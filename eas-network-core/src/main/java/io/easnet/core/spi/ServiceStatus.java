package io.easnet.core.spi;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The state of an EAS service as {@code DescribeService} reports it ({@code Status}, {@code RunningInstance},
 * {@code TotalInstance}, {@code Message}), for polling after a create or update.
 */
@Value.Immutable
public abstract class ServiceStatus {
  /** The {@code Status} of a service whose instances all run. */
  public static final String RUNNING = "Running";

  private static final Set<String> SETTLED = Set.of("running", "stopped", "failed", "deletefailed", "completed");

  ServiceStatus() {}

  /** {@code ServiceName}. */
  public abstract String name();

  /** {@code Status} as the API spells it: {@code Creating}, {@code Updating}, {@code Running}, {@code Failed}, … */
  public abstract String status();

  /** {@code RunningInstance}. */
  public abstract int runningInstances();

  /** {@code TotalInstance}. */
  public abstract int totalInstances();

  /** {@code Message}, e.g. {@code Service start successfully}. */
  public abstract Optional<String> message();

  /** True when the status is {@code Running} and every instance runs. */
  public final boolean isRunning() {
    return status().equalsIgnoreCase(RUNNING) && runningInstances() == totalInstances();
  }

  /** True when the service is no longer changing by itself: running, stopped, completed or failed. */
  public final boolean isSettled() {
    return SETTLED.contains(status().toLowerCase(Locale.ROOT)) && (!status().equalsIgnoreCase(RUNNING)
        || runningInstances() == totalInstances());
  }

  @Value.Check
  final void check() {
    if (runningInstances() < 0 || totalInstances() < 0) {
      throw new IllegalArgumentException("instance counts must be >= 0, were " + runningInstances() + " running of "
          + totalInstances());
    }
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ServiceStatus}. */
  public static final class Builder extends ImmutableServiceStatus.Builder {
    Builder() {}
  }
}
