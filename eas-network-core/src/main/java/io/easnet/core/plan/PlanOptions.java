package io.easnet.core.plan;

/**
 * How the {@link Planner} plans. By default it plans no billed change: an intent that needs a new NAT gateway or a
 * new EIP is reported as not fixable, with the reason "allow billed changes".
 *
 * <pre>{@code
 * PlanOptions.defaults().allowBilled(true);
 * }</pre>
 */
public final class PlanOptions {
  private static final PlanOptions DEFAULTS = new PlanOptions(false);

  private final boolean allowBilled;

  private PlanOptions(boolean allowBilled) {
    this.allowBilled = allowBilled;
  }

  /** No billed changes. */
  public static PlanOptions defaults() {
    return DEFAULTS;
  }

  /** These options, with billed changes (NAT gateways, EIPs) allowed or not. */
  public PlanOptions allowBilled(boolean allow) {
    return new PlanOptions(allow);
  }

  /** True when billed changes may be planned. */
  public boolean allowsBilled() {
    return allowBilled;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PlanOptions p && p.allowBilled == allowBilled;
  }

  @Override
  public int hashCode() {
    return Boolean.hashCode(allowBilled);
  }

  @Override
  public String toString() {
    return "PlanOptions{allowBilled=" + allowBilled + "}";
  }
}
