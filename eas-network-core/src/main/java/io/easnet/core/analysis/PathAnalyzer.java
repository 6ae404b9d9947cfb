package io.easnet.core.analysis;

import io.easnet.core.model.EcsInstanceId;
import io.easnet.core.model.Inventory;
import io.easnet.core.resolve.EffectiveNetwork;
import java.util.Objects;

/**
 * Analyses the paths of an EAS service: to a private target, to the internet, and from an ECS client. Every hop is
 * evaluated even after one fails, so every blocker is listed. One {@link VSwitchPath} per vSwitch of the effective
 * network (DLink auxiliary vSwitches included); all pass → {@link Verdict#REACHABLE}, all fail →
 * {@link Verdict#UNREACHABLE}, mixed → {@link Verdict#AMBIGUOUS}, a missing fact → {@link Verdict#UNDETERMINED}.
 *
 * <p>EAS instances take their addresses anywhere in their vSwitch, so a target must admit the whole vSwitch CIDR
 * block, and security-group checks use the vSwitch block as the EAS side's address with the effective security
 * group as its group. Instances are thread safe.
 */
public final class PathAnalyzer {
  /** The port assumed for the service when its containers declare none. */
  public static final int DEFAULT_SERVICE_PORT = 8000;

  private final Inventory inventory;
  private final SecurityGroupEvaluator evaluator;

  private PathAnalyzer(Inventory inventory) {
    this.inventory = inventory;
    this.evaluator = SecurityGroupEvaluator.of(inventory);
  }

  /** An analyzer over {@code inventory}. */
  public static PathAnalyzer of(Inventory inventory) {
    return new PathAnalyzer(Objects.requireNonNull(inventory, "inventory"));
  }

  /** EAS instances to an RDS, Redis or ECS instance or a private address in a VPC. */
  public PathResult privateTarget(EffectiveNetwork service, Target target) {
    throw new UnsupportedOperationException("not yet");
  }

  /** EAS instances to an internet destination through an internet NAT gateway, SNAT entry and route. */
  public PathResult internet(EffectiveNetwork service, InternetTarget target) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * An ECS client connecting directly to the EAS instances on {@code servicePort} (the container port; use
   * {@link #DEFAULT_SERVICE_PORT} when the service declares none).
   */
  public PathResult clientToService(EcsInstanceId client, EffectiveNetwork service, int servicePort) {
    throw new UnsupportedOperationException("not yet");
  }
}
