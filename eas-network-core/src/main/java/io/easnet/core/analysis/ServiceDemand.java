package io.easnet.core.analysis;

import io.easnet.core.model.ServiceSpec;
import io.easnet.core.resolve.EffectiveNetwork;
import org.immutables.value.Value;

/** A service and the network it resolved to: the input of {@link CapacityPlanner}. */
@Value.Immutable
public abstract class ServiceDemand {
  ServiceDemand() {}

  @Value.Parameter
  public abstract ServiceSpec spec();

  @Value.Parameter
  public abstract EffectiveNetwork network();

  public static ServiceDemand of(ServiceSpec spec, EffectiveNetwork network) {
    return ImmutableServiceDemand.of(spec, network);
  }
}
