package io.easnet.core.load;

import io.easnet.core.analysis.Target;
import io.easnet.core.model.EcsInstanceId;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.VpcId;
import java.util.Objects;
import java.util.Optional;

/**
 * What the analysis wants to know; the {@link InventoryLoader} fetches just the facts needed to answer it. A
 * question about a service starts from its {@link ServiceSpec}: the loader reads the resource group the spec names
 * (its VPC direct connection), resolves the effective network itself and then loads what the question needs.
 *
 * <ul>
 *   <li>{@link #privateTarget}: can the service reach an RDS, Redis or ECS instance (or an address) in its VPC?
 *       Needs the VPC, the service's vSwitches and security group, the target and the security groups bound to it
 *       &mdash; no NAT, SNAT, EIP or route.
 *   <li>{@link #internetEgress}: can the service reach the internet? Needs the service's vSwitches and security
 *       group, the VPC's NAT gateways with their SNAT entries and EIPs, and the VPC's route tables &mdash; no target.
 *   <li>{@link #clientToService}: can an ECS instance call the service directly? Needs the client, its security
 *       groups, the VPC and the service's vSwitches and security group.
 *   <li>{@link #everything}: the whole VPC, for a full audit.
 *   <li>{@link #region}: every VPC of the region with everything in it, and every resource group.
 * </ul>
 */
public final class Question {
  /** The kinds of question. */
  public enum Kind {
    /** The service to a private target. */
    PRIVATE_TARGET,
    /** The service to the internet. */
    INTERNET_EGRESS,
    /** An ECS client to the service. */
    CLIENT_TO_SERVICE,
    /** Everything in one VPC. */
    EVERYTHING,
    /** Everything in every VPC of the region. */
    REGION
  }

  private final Kind kind;
  private final ServiceSpec service;
  private final Target target;
  private final EcsInstanceId client;
  private final VpcId vpc;

  private Question(Kind kind, ServiceSpec service, Target target, EcsInstanceId client, VpcId vpc) {
    this.kind = kind;
    this.service = service;
    this.target = target;
    this.client = client;
    this.vpc = vpc;
  }

  /** The service's private path to a target. */
  public static Question privateTarget(ServiceSpec service, Target target) {
    return new Question(Kind.PRIVATE_TARGET, Objects.requireNonNull(service, "service must not be null"),
        Objects.requireNonNull(target, "target must not be null"), null, null);
  }

  /** The service's path to the internet. */
  public static Question internetEgress(ServiceSpec service) {
    return new Question(Kind.INTERNET_EGRESS, Objects.requireNonNull(service, "service must not be null"), null, null,
        null);
  }

  /** A direct call from an ECS instance to the service. */
  public static Question clientToService(EcsInstanceId client, ServiceSpec service) {
    return new Question(Kind.CLIENT_TO_SERVICE, Objects.requireNonNull(service, "service must not be null"), null,
        Objects.requireNonNull(client, "client must not be null"), null);
  }

  /** Everything in one VPC. */
  public static Question everything(VpcId vpc) {
    return new Question(Kind.EVERYTHING, null, null, null, Objects.requireNonNull(vpc, "vpc must not be null"));
  }

  /** Every VPC of the port's region with everything in it, and every resource group: a snapshot of the region. */
  public static Question region() {
    return new Question(Kind.REGION, null, null, null, null);
  }

  /** The kind of question. */
  public Kind kind() {
    return kind;
  }

  /** The service asked about; empty for {@link Kind#EVERYTHING}. */
  public Optional<ServiceSpec> service() {
    return Optional.ofNullable(service);
  }

  /** The private target, for {@link Kind#PRIVATE_TARGET}. */
  public Optional<Target> target() {
    return Optional.ofNullable(target);
  }

  /** The ECS client, for {@link Kind#CLIENT_TO_SERVICE}. */
  public Optional<EcsInstanceId> client() {
    return Optional.ofNullable(client);
  }

  /** The VPC, for {@link Kind#EVERYTHING}. */
  public Optional<VpcId> vpc() {
    return Optional.ofNullable(vpc);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Question[").append(kind);
    if (service != null) {
      sb.append(", service ").append(service.name());
    }
    if (target != null) {
      sb.append(", ").append(target.resourceId().map(Object::toString).orElseGet(() -> target.toString()));
    }
    if (client != null) {
      sb.append(", client ").append(client);
    }
    if (vpc != null) {
      sb.append(", ").append(vpc);
    }
    return sb.append(']').toString();
  }
}
