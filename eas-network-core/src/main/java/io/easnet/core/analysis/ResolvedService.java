package io.easnet.core.analysis;

import io.easnet.core.model.ServiceSpec;
import io.easnet.core.resolve.EffectiveNetwork;
import java.util.List;
import java.util.Optional;

/**
 * A service of the input together with what the run computed for it once: the network the resolver found in effect
 * (or the reason it could not be resolved: resolution problems are findings, never crashes), the blockers of that
 * network itself, and the path result of each of its {@link ServiceInput#intents() intents}. Rules read these; they
 * never analyse again.
 */
public final class ResolvedService {
  private final ServiceInput input;
  private final EffectiveNetwork network;
  private final String problem;
  private final List<Explanation> networkBlockers;
  private final List<PathResult> paths;
  private final PathResult internetEgress;

  ResolvedService(ServiceInput input, EffectiveNetwork network, String problem, List<Explanation> networkBlockers,
      List<PathResult> paths, PathResult internetEgress) {
    this.input = input;
    this.network = network;
    this.problem = problem;
    this.networkBlockers = List.copyOf(networkBlockers);
    this.paths = List.copyOf(paths);
    this.internetEgress = internetEgress;
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

  /** The blockers of the service's own network (vSwitch, security group, VPC), which all its paths share. */
  public List<Explanation> networkBlockers() {
    return networkBlockers;
  }

  /** The path result of each intent, in the order of {@link ServiceInput#intents()}; empty when unresolved. */
  public List<PathResult> paths() {
    return paths;
  }

  /** The path result of one intent, when the service has it. */
  public Optional<PathResult> path(Intent intent) {
    return paths.stream().filter(p -> p.intent().equals(intent)).findFirst();
  }

  /**
   * Internet egress (TCP {@value ServiceInput#INTERNET_PORT} to any address), when the run analysed it: the service
   * wants it, or pulls an image from outside Alibaba Cloud.
   */
  public Optional<PathResult> internetEgress() {
    return Optional.ofNullable(internetEgress);
  }

  @Override
  public String toString() {
    return "ResolvedService{" + name() + "}";
  }
}
