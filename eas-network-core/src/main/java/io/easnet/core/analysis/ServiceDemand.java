package io.easnet.core.analysis;

import io.easnet.core.model.ServiceSpec;
import io.easnet.core.resolve.EffectiveNetwork;
import org.immutables.value.Value;

/** A service and the network it resolved to: the input of {@link CapacityAnalyzer}. */
@Value.Immutable
public abstract class ServiceDemand {
  ServiceDemand() {}

  /** The service: instances, autoscaler and rolling strategy. */
  @Value.Parameter
  public abstract ServiceSpec spec();

  /** The network the service resolved to: its vSwitches. */
  @Value.Parameter
  public abstract EffectiveNetwork network();

  /** A service with its effective network. */
  public static ServiceDemand of(ServiceSpec spec, EffectiveNetwork network) {
    return ImmutableServiceDemand.of(spec, network);
  }
}
