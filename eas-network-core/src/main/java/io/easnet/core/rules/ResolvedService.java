package io.easnet.core.rules;

import io.easnet.core.model.ServiceSpec;
import io.easnet.core.resolve.EffectiveNetwork;
import java.util.Optional;

/**
 * A service of the input together with the network the resolver found in effect for it, or the reason it could
 * not be resolved (a partial {@code cloud.networking} block, for example): resolution problems are findings, never
 * crashes.
 */
public final class ResolvedService {
  private final ServiceInput input;
  private final EffectiveNetwork network;
  private final String problem;

  ResolvedService(ServiceInput input, EffectiveNetwork network, String problem) {
    this.input = input;
    this.network = network;
    this.problem = problem;
  }

  /** The service as given. */
  public ServiceInput input() {
    return input;
  }

  /** The service spec. */
  public ServiceSpec spec() {
    return input.spec();
  }

  /** The service name. */
  public String name() {
    return input.spec().name();
  }

  /** The file the service came from, when known. */
  public Optional<String> source() {
    return input.sourceName();
  }

  /** The effective network; empty when the service could not be resolved. */
  public Optional<EffectiveNetwork> network() {
    return Optional.ofNullable(network);
  }

  /** Why the service could not be resolved, when it could not. */
  public Optional<String> resolutionProblem() {
    return Optional.ofNullable(problem);
  }

  @Override
  public String toString() {
    return "ResolvedService{" + name() + "}";
  }
}
