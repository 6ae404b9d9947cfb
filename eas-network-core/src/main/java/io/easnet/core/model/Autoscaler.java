package io.easnet.core.model;

import org.immutables.value.Value;

/** The {@code autoscaler} section: the service scales between {@code min} and {@code max} instances. */
@Value.Immutable
public abstract class Autoscaler {
  Autoscaler() {}

  public abstract int min();

  public abstract int max();

  @Value.Check
  final void check() {
    if (min() < 0) {
      throw new IllegalArgumentException("autoscaler min must be >= 0, was " + min());
    }
    if (max() > ServiceSpec.MAX_INSTANCES) {
      throw new IllegalArgumentException("autoscaler max " + max() + " is above "
          + String.format(java.util.Locale.ROOT, "%,d", ServiceSpec.MAX_INSTANCES)
          + ", the most instances a service may have");
    }
    if (max() < min()) {
      throw new IllegalArgumentException("autoscaler max (" + max() + ") must be >= min (" + min() + ")");
    }
  }

  public static Autoscaler of(int min, int max) {
    return builder().min(min).max(max).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Autoscaler}. */
  public static final class Builder extends ImmutableAutoscaler.Builder {
    Builder() {}
  }
}
