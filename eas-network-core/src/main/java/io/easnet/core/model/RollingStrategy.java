package io.easnet.core.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The rolling-update strategy ({@code metadata.rolling_strategy}): how many extra instances ({@code max_surge}) a
 * rolling update may start, as a count ({@code 2}) or a percentage of the instances ({@code "20%"}).
 */
@Value.Immutable
public abstract class RollingStrategy {
  RollingStrategy() {}

  /** {@code max_surge} as written: {@code "2"} or {@code "20%"}. */
  public abstract Optional<String> maxSurge();

  /** {@code max_unavailable} as written. */
  public abstract Optional<String> maxUnavailable();

  /**
   * The number of surge instances for {@code instances} instances: the count, or the percentage rounded up.
   * Empty when {@code max_surge} is not set.
   */
  public final Optional<Integer> surgeFor(int instances) {
    return maxSurge().map(s -> resolve(s, instances));
  }

  static int resolve(String value, int instances) {
    String v = value.trim();
    if (v.endsWith("%")) {
      int pct = Integer.parseInt(v.substring(0, v.length() - 1).trim());
      return (int) Math.ceil(instances * pct / 100.0);
    }
    return Integer.parseInt(v);
  }

  @Value.Check
  final void check() {
    for (Optional<String> o : java.util.List.of(maxSurge(), maxUnavailable())) {
      o.ifPresent(s -> {
        try {
          if (resolve(s, 100) < 0) {
            throw new IllegalArgumentException("rolling strategy value must not be negative: " + s);
          }
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "rolling strategy value \"" + s + "\" is neither a count (2) nor a percentage (20%)", e);
        }
      });
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RollingStrategy}. */
  public static final class Builder extends ImmutableRollingStrategy.Builder {
    Builder() {}
  }
}
