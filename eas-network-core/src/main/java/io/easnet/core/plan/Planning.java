package io.easnet.core.plan;

import io.easnet.core.analysis.Remedy;
import java.util.Optional;

/**
 * What a change kind needs from the {@link Planner} to turn the analysis' remedy into changes of a plan
 * ({@link ChangeKind#plan}): the estate with the changes found so far applied, those changes by key, and the service
 * files the intents name. A remedy names what to fix (an existing or a new NAT gateway, an EIP to bind or allocate);
 * the change names the ids or references that make it, or none when what it needs is not planned (yet).
 */
interface Planning {
  /** The estate in memory with every change found so far applied. */
  PlanState state();

  /** The change found so far under {@code key}. */
  Optional<Action> planned(String key);

  /** The service file of {@code service} as the intents name it, or null when they name none. */
  SetNetworking.ServiceFile serviceFile(String service);

  /** The gateway as a value: an existing id (or the reference of a planned one), or the planned new one. */
  default Optional<String> gateway(Remedy.Gateway g) {
    if (g instanceof Remedy.ExistingGateway e) {
      return Optional.of(state().symbolOf(e.natGatewayId().value()));
    }
    String key = CreateNat.keyOf(((Remedy.NewGateway) g).vpcId().value());
    return planned(key).map(nat -> Refs.ref(key, "natGatewayId"));
  }
}
