package io.easnet.core.analysis;

import io.easnet.core.analysis.Target.InternetTarget;
import io.easnet.core.analysis.PathResult.VSwitchPath;
import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.analysis.Assumption.AssumptionKey;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.resolve.EffectiveNetwork;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Analyses the paths of an EAS service: to a private target, to the internet, and from an ECS client. Every hop is
 * evaluated even after one fails, so every blocker is listed. One {@link VSwitchPath} for the vSwitch the instances
 * take addresses from; all pass → {@link Verdict#REACHABLE}, a blocker → {@link Verdict#UNREACHABLE}, a hop that
 * admits only part of the vSwitch → {@link Verdict#AMBIGUOUS}, a missing fact → {@link Verdict#UNDETERMINED}. A path
 * has explanations exactly when it is not reachable, and each explanation that a change can fix carries its
 * {@link io.easnet.core.change.Change}.
 *
 * <p>EAS instances take their addresses anywhere in their vSwitch, so a target must admit the whole vSwitch CIDR
 * block, and security-group checks use the vSwitch block as the EAS side's address with the effective security
 * group as its group. Under a resource group's VPC direct connection, the instances are in its primary vSwitch and
 * the other end must be inside its return routes. The semantics and their sources: {@code docs/semantics.md}.
 *
 * <p>An analyzer compiles security groups and builds its look-ups once, so analyse every path of an estate with one
 * analyzer. Instances are thread safe.
 */
public final class PathAnalyzer {
  /** The port assumed for the service when its containers declare none. */
  public static final int DEFAULT_SERVICE_PORT = 8000;

  /** The allowlist group remedies append the EAS vSwitch CIDR to. */
  public static final String EAS_ALLOWLIST_GROUP = "eas";

  private final InventoryIndex index;
  private final EasSide side;
  private final PrivatePath privatePath;
  private final InternetPath internetPath;
  private final ClientPath clientPath;

  private PathAnalyzer(Inventory inventory) {
    InventoryIndex index = new InventoryIndex(inventory);
    this.index = index;
    this.side = new EasSide(index);
    this.privatePath = new PrivatePath(index, side);
    this.internetPath = new InternetPath(index, side);
    this.clientPath = new ClientPath(index, side);
  }

  /** An analyzer over {@code inventory}. */
  public static PathAnalyzer of(Inventory inventory) {
    return new PathAnalyzer(Objects.requireNonNull(inventory, "inventory"));
  }

  /**
   * EAS instances to an RDS, Redis or ECS instance or a private address in a VPC. Per vSwitch: the vSwitch exists
   * and is in the service's VPC, the EAS security group exists and is in that VPC, the target is in the same VPC
   * (and, under a resource group's direct connection, inside its return routes), the EAS group's egress allows the
   * target address and port (peer groups: an ECS target's groups), the target's security groups (ECS, or an address
   * that belongs to a known ECS instance) allow ingress from the whole vSwitch block with the EAS group as peer group,
   * and an RDS or Redis allowlist admits the whole vSwitch block. Security groups bound to an RDS or Redis instance are
   * an allowlist, not the instance's own groups: egress rules naming them do not match the instance, and the
   * allowlist hop passes when the EAS group is bound (the instances in a bound group are admitted; its rules are not
   * evaluated).
   */
  public PathResult privateTarget(EffectiveNetwork service, Target target) {
    return privatePath.analyse(Objects.requireNonNull(service, "service"), Objects.requireNonNull(target, "target"));
  }

  /**
   * EAS instances to an internet destination. Per vSwitch: the vSwitch, the EAS group's egress to the destination
   * (every public IPv4 address for any destination: private ranges are not the internet), an internet NAT gateway
   * in the VPC that is Available and has an EIP, a SNAT entry of that gateway covering the vSwitch (by vSwitch id, or
   * the longest CIDR containing the vSwitch block; entries for a sub-range only cover some instances), the entry
   * Available, the vSwitch's route table sending the destination (longest match, or entries to that gateway that
   * together cover it) to that gateway, and the external allowlist, when given, admitting every SNAT IP of the entry.
   *
   * <p>The gateway analysed is the one the route points to, else the first internet gateway with a SNAT entry for
   * the vSwitch, else the first internet gateway of the VPC.
   */
  public PathResult internet(EffectiveNetwork service, InternetTarget target) {
    return internetPath.analyse(Objects.requireNonNull(service, "service"), Objects.requireNonNull(target, "target"));
  }

  /**
   * An ECS client connecting directly to the EAS instances on {@code servicePort} (the container port; use
   * {@link #DEFAULT_SERVICE_PORT} when the service declares none). Per EAS vSwitch: the client is in the service's
   * VPC (and, under a resource group's direct connection, inside its return routes), the client's groups allow egress
   * to the whole vSwitch block (peer group: the EAS group), and the EAS group allows ingress from the client's primary
   * address (peer groups: the client's groups).
   */
  public PathResult clientToService(EcsInstanceId client, EffectiveNetwork service, int servicePort) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(service, "service");
    if (servicePort < 1 || servicePort > 65535) {
      throw new IllegalArgumentException("service port must be 1 to 65535, was " + servicePort);
    }
    return clientPath.analyse(client, service, servicePort);
  }

  /**
   * As {@link #clientToService(EcsInstanceId, EffectiveNetwork, int)} on the service's port,
   * {@link ServiceSpec#port()}, or {@link #DEFAULT_SERVICE_PORT} (reported as an assumption) when it declares none.
   */
  public PathResult clientToService(EcsInstanceId client, EffectiveNetwork service, ServiceSpec spec) {
    Objects.requireNonNull(spec, "spec");
    OptionalInt port = spec.port();
    PathResult r = clientToService(client, service, port.orElse(DEFAULT_SERVICE_PORT));
    if (port.isPresent()) {
      return r;
    }
    Assumption a = Assumption.of(AssumptionKey.SERVICE_PORT_DEFAULT, "service " + spec.name()
        + " declares no container port; port " + DEFAULT_SERVICE_PORT + " is assumed");
    return PathResult.builder().from(r).addAssumption(a).build();
  }

  /** The path an intent of the service asks about. */
  public PathResult analyse(EffectiveNetwork service, ServiceSpec spec, Intent intent) {
    Objects.requireNonNull(intent, "intent");
    if (intent instanceof Intent.Reach r) {
      return privateTarget(service, r.target());
    }
    if (intent instanceof Intent.Internet i) {
      return internet(service, i.target());
    }
    return clientToService(((Intent.Client) intent).client(), service, spec);
  }

  /**
   * The blockers of the service's own network, which every path of it shares: each vSwitch found and in the VPC,
   * the security group configured, found and in the VPC. Empty when the service has no VPC or the network is sound.
   */
  public List<Explanation> networkBlockers(EffectiveNetwork service) {
    return side.networkBlockers(Objects.requireNonNull(service, "service"));
  }

  /**
   * The security-group evaluator of this analyzer, over the same inventory: use it for other questions about the
   * groups, so that each group set is compiled once.
   */
  public SecurityGroupEvaluator securityGroups() {
    return index.evaluator();
  }

}
