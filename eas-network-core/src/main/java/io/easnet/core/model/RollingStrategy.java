package io.easnet.core.model;

import java.util.Locale;
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
   * The number of surge instances for {@code instances} instances: the count, or the percentage rounded up, computed
   * exactly (never more than {@code instances} for a percentage, as percentages are at most 100 %). Empty when
   * {@code max_surge} is not set.
   */
  public final Optional<Integer> surgeFor(int instances) {
    if (instances < 0) {
      throw new IllegalArgumentException("instances must be >= 0, was " + instances);
    }
    return maxSurge().map(s -> Math.toIntExact(resolve(s, instances)));
  }

  /** The count {@code value} stands for with {@code instances} instances; exact for every int. */
  static long resolve(String value, long instances) {
    String v = value.trim();
    boolean percent = v.endsWith("%");
    long n = parse(percent ? v.substring(0, v.length() - 1).trim() : v, value);
    if (percent) {
      if (n > 100) {
        throw new IllegalArgumentException("rolling strategy value \"" + value + "\" is above 100%; a rolling"
            + " update never replaces more than all instances, so write at most 100%");
      }
      return (instances * n + 99) / 100;
    }
    if (n > ServiceSpec.MAX_INSTANCES) {
      throw new IllegalArgumentException("rolling strategy count " + value + " is outside 0 to "
          + String.format(Locale.ROOT, "%,d", ServiceSpec.MAX_INSTANCES) + " (the most instances a service may have)");
    }
    return n;
  }

  private static long parse(String digits, String value) {
    if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException(digits.length() > 18 && digits.chars().allMatch(c -> c >= '0' && c <= '9')
          ? "rolling strategy value \"" + value + "\" is outside 0 to "
              + String.format(Locale.ROOT, "%,d", ServiceSpec.MAX_INSTANCES)
          : "rolling strategy value \"" + value + "\" is neither a count (2) nor a percentage (20%)");
    }
    return Long.parseLong(digits);
  }

  @Value.Check
  final void check() {
    maxSurge().ifPresent(s -> resolve(s, 100));
    maxUnavailable().ifPresent(s -> resolve(s, 100));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RollingStrategy}. */
  public static final class Builder extends ImmutableRollingStrategy.Builder {
    Builder() {}
  }
}
