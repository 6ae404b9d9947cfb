package io.easnet.core.load;

import io.easnet.core.analysis.Target;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import io.easnet.core.model.ServiceSpec;
import io.easnet.core.model.ResourceId.VpcId;
import java.util.Collection;
import java.util.List;
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
 *   <li>{@link #services}: everything in each VPC the services need (and in the VPCs named besides), each VPC read
 *       once, for a lint of services that may sit in several VPCs.
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
    /** Everything in each VPC some services need. */
    SERVICES,
    /** Everything in every VPC of the region. */
    REGION
  }

  private final Kind kind;
  private final ServiceSpec service;
  private final Target target;
  private final EcsInstanceId client;
  private final VpcId vpc;
  private final List<ServiceSpec> services;
  private final List<VpcId> vpcs;

  private Question(Kind kind, ServiceSpec service, Target target, EcsInstanceId client, VpcId vpc) {
    this(kind, service, target, client, vpc, service == null ? List.of() : List.of(service),
        vpc == null ? List.of() : List.of(vpc));
  }

  private Question(Kind kind, ServiceSpec service, Target target, EcsInstanceId client, VpcId vpc,
      List<ServiceSpec> services, List<VpcId> vpcs) {
    this.kind = kind;
    this.service = service;
    this.target = target;
    this.client = client;
    this.vpc = vpc;
    this.services = services;
    this.vpcs = vpcs;
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

  /**
   * Everything in each VPC the services need (the VPC their effective network names, found through the resource
   * groups the region lists) and in each of {@code vpcs}, each VPC read once; with the services' own vSwitches and
   * security groups even when they lie elsewhere, and every resource group that is not connected to another VPC. A
   * lint of services in several VPCs asks this.
   *
   * @throws IllegalArgumentException when both collections are empty
   */
  public static Question services(Collection<ServiceSpec> services, Collection<VpcId> vpcs) {
    List<ServiceSpec> s = List.copyOf(Objects.requireNonNull(services, "services must not be null"));
    List<VpcId> v = Objects.requireNonNull(vpcs, "vpcs must not be null").stream().distinct().toList();
    if (s.isEmpty() && v.isEmpty()) {
      throw new IllegalArgumentException("a services question needs a service or a VPC");
    }
    return new Question(Kind.SERVICES, null, null, null, null, s, v);
  }

  /** Every VPC of the port's region with everything in it, and every resource group: a snapshot of the region. */
  public static Question region() {
    return new Question(Kind.REGION, null, null, null, null);
  }

  /** The kind of question. */
  public Kind kind() {
    return kind;
  }

  /** The service asked about; empty for {@link Kind#EVERYTHING}, {@link Kind#SERVICES} and {@link Kind#REGION}. */
  public Optional<ServiceSpec> service() {
    return Optional.ofNullable(service);
  }

  /** Every service asked about: the one of {@link #service()}, or those of {@link Kind#SERVICES}. */
  public List<ServiceSpec> services() {
    return services;
  }

  /** Every VPC named by the question: the one of {@link #vpc()}, or those of {@link Kind#SERVICES}. */
  public List<VpcId> vpcs() {
    return vpcs;
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
    if (kind == Kind.SERVICES) {
      sb.append(", services ").append(services.stream().map(ServiceSpec::name).toList()).append(", VPCs ")
          .append(vpcs);
    }
    return sb.append(']').toString();
  }
}
