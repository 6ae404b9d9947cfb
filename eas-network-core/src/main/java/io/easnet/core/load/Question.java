package io.easnet.core.load;

import io.easnet.core.model.EcsInstanceId;
import io.easnet.core.model.RdsInstanceId;
import io.easnet.core.model.RedisInstanceId;
import io.easnet.core.model.ResourceId;
import io.easnet.core.model.VpcId;
import io.easnet.core.resolve.EffectiveNetwork;
import java.util.Objects;
import java.util.Optional;

/**
 * What the analysis wants to know; the {@link InventoryLoader} fetches just the facts needed to answer it.
 *
 * <ul>
 *   <li>{@link #privatePath}: can the service reach an RDS, Redis or ECS instance in its VPC? Needs the VPC, the
 *       service's vSwitches and security group, the target and the security groups bound to it &mdash; no NAT, SNAT,
 *       EIP or route.
 *   <li>{@link #internetEgress}: can the service reach the internet? Needs the service's vSwitches and security
 *       group, the VPC's NAT gateways with their SNAT entries and EIPs, and the VPC's route tables &mdash; no target.
 *   <li>{@link #clientToService}: can an ECS instance call the service directly? Needs the client, its security
 *       groups, the VPC and the service's vSwitches and security group.
 *   <li>{@link #everything}: the whole VPC, for a full audit.
 * </ul>
 */
public final class Question {
  /** The kinds of question. */
  public enum Kind {
    /** The service to a private target. */
    PRIVATE_PATH,
    /** The service to the internet. */
    INTERNET_EGRESS,
    /** An ECS client to the service. */
    CLIENT_TO_SERVICE,
    /** Everything in one VPC. */
    EVERYTHING
  }

  private final Kind kind;
  private final EffectiveNetwork network;
  private final ResourceId subject;

  private Question(Kind kind, EffectiveNetwork network, ResourceId subject) {
    this.kind = kind;
    this.network = network;
    this.subject = subject;
  }

  /** The service's private path to an RDS instance. */
  public static Question privatePath(EffectiveNetwork network, RdsInstanceId target) {
    return new Question(Kind.PRIVATE_PATH, requireVpc(network), Objects.requireNonNull(target, "target"));
  }

  /** The service's private path to a Redis instance. */
  public static Question privatePath(EffectiveNetwork network, RedisInstanceId target) {
    return new Question(Kind.PRIVATE_PATH, requireVpc(network), Objects.requireNonNull(target, "target"));
  }

  /** The service's private path to an ECS instance. */
  public static Question privatePath(EffectiveNetwork network, EcsInstanceId target) {
    return new Question(Kind.PRIVATE_PATH, requireVpc(network), Objects.requireNonNull(target, "target"));
  }

  /** The service's path to the internet. */
  public static Question internetEgress(EffectiveNetwork network) {
    return new Question(Kind.INTERNET_EGRESS, requireVpc(network), null);
  }

  /** A direct call from an ECS instance to the service. */
  public static Question clientToService(EcsInstanceId client, EffectiveNetwork network) {
    return new Question(Kind.CLIENT_TO_SERVICE, requireVpc(network), Objects.requireNonNull(client, "client"));
  }

  /** Everything in one VPC. */
  public static Question everything(VpcId vpc) {
    return new Question(Kind.EVERYTHING, null, Objects.requireNonNull(vpc, "vpc"));
  }

  private static EffectiveNetwork requireVpc(EffectiveNetwork network) {
    Objects.requireNonNull(network, "network");
    if (!network.hasVpc() || network.vSwitchIds().isEmpty()) {
      throw new IllegalArgumentException(
          "service " + network.serviceName() + " has no VPC configuration (provenance " + network.provenance()
              + "): there is nothing to load. Set cloud.networking or the resource group's VPC direct connection.");
    }
    return network;
  }

  /** The kind of question. */
  public Kind kind() {
    return kind;
  }

  /** The service's effective network; empty for {@link Kind#EVERYTHING}. */
  public Optional<EffectiveNetwork> network() {
    return Optional.ofNullable(network);
  }

  /** The target, the client, or the VPC, depending on the kind; empty for {@link Kind#INTERNET_EGRESS}. */
  public Optional<ResourceId> subject() {
    return Optional.ofNullable(subject);
  }

  @Override
  public String toString() {
    return "Question[" + kind + (network == null ? "" : ", service " + network.serviceName())
        + (subject == null ? "" : ", " + subject) + "]";
  }
}
