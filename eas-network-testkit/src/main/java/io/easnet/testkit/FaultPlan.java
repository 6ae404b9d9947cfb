package io.easnet.testkit;

import io.easnet.core.CloudServiceException.Kind;
import io.easnet.core.spi.CloudErrorCodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Declarative, seeded faults for a {@link FakeCloud}, per action: an error code with a probability, and a latency.
 * Whether call number <i>k</i> of an action fails depends only on the fake's seed, the action and <i>k</i>, so the
 * same seed replays the same run.
 *
 * <pre>{@code
 * FaultPlan plan = FaultPlan.builder()
 *     .fail(CloudActions.DESCRIBE_VSWITCHES, "Throttling", 0.3)
 *     .fail(FaultPlan.ANY_ACTION, "ServiceUnavailable", 0.01)
 *     .latency(CloudActions.DESCRIBE_VPCS, Duration.ofMillis(250))
 *     .build();
 * }</pre>
 *
 * <p>Latency is not slept: the fake's clock moves forward by it. Error codes map to a {@link Kind} with
 * {@link CloudErrorCodes#kindOf(String, int)}, as the Aliyun adapter maps the real cloud's codes.
 */
public final class FaultPlan {
  /** Matches every action. */
  public static final String ANY_ACTION = "*";

  /** The code of {@link Builder#throttle}: user flow control, as Alibaba answers it. */
  static final String THROTTLING_CODE = "Throttling.User";

  private static final FaultPlan NONE = new FaultPlan(List.of());

  private final List<Fault> faults;

  /** One declared fault. */
  record Fault(String action, Optional<String> code, double probability, Duration latency, Duration retryAfter) {
    boolean matches(String a) {
      return action.equals(ANY_ACTION) || action.equals(a);
    }
  }

  private FaultPlan(List<Fault> faults) {
    this.faults = List.copyOf(faults);
  }

  /** No faults: every call succeeds at once. */
  public static FaultPlan none() {
    return NONE;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  List<Fault> faults() {
    return faults;
  }

  /** True when the plan declares nothing. */
  public boolean isEmpty() {
    return faults.isEmpty();
  }

  /**
   * The kind of failure an error code means when no HTTP status is known; the same as
   * {@link CloudErrorCodes#kindOf(String, int) CloudErrorCodes.kindOf(code, 0)}, which holds the rules.
   */
  public static Kind kindOf(String code) {
    return CloudErrorCodes.kindOf(code, 0);
  }

  @Override
  public String toString() {
    return "FaultPlan" + faults;
  }

  /** Builds a {@link FaultPlan}; each setter checks its arguments. */
  public static final class Builder {
    private final List<Fault> faults = new ArrayList<>();

    private Builder() {}

    /**
     * Fails calls of {@code action} (or {@link #ANY_ACTION}) with {@code code} with the given probability.
     *
     * @throws IllegalArgumentException for a probability outside 0 to 1 or an empty action or code
     */
    public Builder fail(String action, String code, double probability) {
      checkAction(action);
      if (code == null || code.isBlank()) {
        throw new IllegalArgumentException("code must not be blank, e.g. \"Throttling\" or \"InternalError\"");
      }
      if (!(probability >= 0.0 && probability <= 1.0)) {
        throw new IllegalArgumentException("probability must be between 0 and 1, was " + probability);
      }
      faults.add(new Fault(action, Optional.of(code), probability, Duration.ZERO, Duration.ZERO));
      return this;
    }

    /**
     * Throttles calls of {@code action} (or {@link #ANY_ACTION}) with the given probability: code
     * {@code Throttling.User}, HTTP 400, and a retry-after that the port face reports as
     * {@code CloudServiceException.retryAfterSeconds()} (rounded up) and the wire emulator sends as
     * {@code x-acs-retry-after} in milliseconds.
     *
     * @throws IllegalArgumentException for a probability outside 0 to 1 or a retry-after that is not positive
     */
    public Builder throttle(String action, double probability, Duration retryAfter) {
      checkAction(action);
      Objects.requireNonNull(retryAfter, "retryAfter must not be null");
      if (retryAfter.isNegative() || retryAfter.isZero() || retryAfter.toMillis() == 0) {
        throw new IllegalArgumentException("retryAfter must be at least 1 ms, was " + retryAfter);
      }
      if (!(probability >= 0.0 && probability <= 1.0)) {
        throw new IllegalArgumentException("probability must be between 0 and 1, was " + probability);
      }
      faults.add(new Fault(action, Optional.of(THROTTLING_CODE), probability, Duration.ZERO, retryAfter));
      return this;
    }

    /** Fails every call of {@code action} with {@code code}. */
    public Builder fail(String action, String code) {
      return fail(action, code, 1.0);
    }

    /**
     * Makes each call of {@code action} (or {@link #ANY_ACTION}) take {@code latency} on the fake's clock.
     *
     * @throws IllegalArgumentException for a negative latency
     */
    public Builder latency(String action, Duration latency) {
      checkAction(action);
      Objects.requireNonNull(latency, "latency must not be null");
      if (latency.isNegative()) {
        throw new IllegalArgumentException("latency must be >= 0, was " + latency);
      }
      faults.add(new Fault(action, Optional.empty(), 0.0, latency, Duration.ZERO));
      return this;
    }

    private static void checkAction(String action) {
      if (action == null || action.isBlank()) {
        throw new IllegalArgumentException(
            "action must not be blank: use a CloudActions constant or FaultPlan.ANY_ACTION");
      }
    }

    /** The plan. */
    public FaultPlan build() {
      return new FaultPlan(faults);
    }
  }
}
