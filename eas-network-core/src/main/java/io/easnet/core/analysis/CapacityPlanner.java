package io.easnet.core.analysis;

import io.easnet.core.model.Inventory;
import io.easnet.core.model.ServiceSpec;
import java.util.List;
import java.util.Objects;

/**
 * Plans private-IP capacity: for every vSwitch the given services use, the peak demand against the free addresses,
 * and a free block for a new vSwitch when short.
 *
 * <p>Demand of a service = max(instances, autoscaler max) + rolling-update surge. When {@code max_surge} is not set,
 * {@link #DEFAULT_MAX_SURGE_PERCENT} of the peak instances (rounded up, at least one) is assumed and reported as an
 * assumption. A service whose effective network has several vSwitches (DLink auxiliary vSwitches) has its demand
 * split evenly over them, rounded up per vSwitch (an assumption: EAS spreads instances over zones); this is also
 * reported. Utilisation above 100 % is a shortfall ({@link ExplanationCode#VSWITCH_IP_EXHAUSTED_AT_SCALE}).
 */
public final class CapacityPlanner {
  /** The surge assumed when a service sets no {@code max_surge}: 25 % of its peak instances, at least one. */
  public static final int DEFAULT_MAX_SURGE_PERCENT = 25;

  private final Inventory inventory;

  private CapacityPlanner(Inventory inventory) {
    this.inventory = inventory;
  }

  /** A planner over {@code inventory}. */
  public static CapacityPlanner of(Inventory inventory) {
    return new CapacityPlanner(Objects.requireNonNull(inventory, "inventory"));
  }

  /**
   * The peak private IPs one service needs in total: max(instances, autoscaler max) + surge (its
   * {@code max_surge}, or {@link #DEFAULT_MAX_SURGE_PERCENT} of the peak rounded up, at least one).
   */
  public static int demandOf(ServiceSpec spec) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Plans the capacity of every vSwitch the services use. */
  public CapacityReport plan(List<ServiceDemand> services) {
    throw new UnsupportedOperationException("not yet");
  }
}
