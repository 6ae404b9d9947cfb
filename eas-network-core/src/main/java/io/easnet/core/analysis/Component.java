package io.easnet.core.analysis;

import io.easnet.core.model.Cidr;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.ResourceId;
import java.util.Objects;
import java.util.Optional;

/**
 * The component a blocker or a hop sits on, as data: a {@link Kind} and the id of the resource (a typed
 * {@link ResourceId} where the cloud has one), e.g. security group {@code sg-eas}, allowlist group {@code eas} of
 * {@code rm-1} ({@link #parent()} is the instance), SNAT table {@code stb-1}, route table {@code vtb-1}, the service
 * {@code chat}, or a plain address.
 *
 * <pre>{@code
 * Component c = explanation.component();
 * if (c.kind() == Component.Kind.SECURITY_GROUP) { SecurityGroupId id = (SecurityGroupId) c.resourceId().orElseThrow(); }
 * }</pre>
 */
public final class Component {
  /** What kind of component. */
  public enum Kind {
    /** An EAS service, by name. */
    SERVICE,
    /** A dedicated resource group ({@code eas-r-…}). */
    RESOURCE_GROUP,
    /** A VPC. */
    VPC,
    /** A vSwitch. */
    VSWITCH,
    /** A security group. */
    SECURITY_GROUP,
    /** An ECS instance. */
    ECS_INSTANCE,
    /** An RDS instance. */
    RDS_INSTANCE,
    /** A Redis (Tair) instance. */
    REDIS_INSTANCE,
    /** A named allowlist group of an RDS or Redis instance; {@link #parent()} is the instance. */
    ALLOWLIST_GROUP,
    /** A NAT gateway. */
    NAT_GATEWAY,
    /** A SNAT table. */
    SNAT_TABLE,
    /** A SNAT entry. */
    SNAT_ENTRY,
    /** A route table. */
    ROUTE_TABLE,
    /** An elastic IP address. */
    EIP,
    /** A private address or block that is not a known resource. */
    ADDRESS,
    /** The external (internet) target of an internet path, with its own allowlist. */
    EXTERNAL_TARGET
  }

  private final Kind kind;
  private final String id;
  private final ResourceId resourceId;
  private final Component parent;

  private Component(Kind kind, String id, ResourceId resourceId, Component parent) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.id = Objects.requireNonNull(id, "id");
    this.resourceId = resourceId;
    this.parent = parent;
  }

  /** A cloud resource by its typed id; the kind follows from the id's type. */
  public static Component of(Kind kind, ResourceId id) {
    Objects.requireNonNull(id, "id");
    return new Component(kind, id.value(), id, null);
  }

  /** An EAS service by name. */
  public static Component service(String name) {
    return new Component(Kind.SERVICE, name, null, null);
  }

  /** The allowlist group {@code name} of an RDS or Redis instance. */
  public static Component allowlistGroup(Component instance, String name) {
    if (instance.kind != Kind.RDS_INSTANCE && instance.kind != Kind.REDIS_INSTANCE) {
      throw new IllegalArgumentException("an allowlist group belongs to an RDS or Redis instance, not " + instance);
    }
    return new Component(Kind.ALLOWLIST_GROUP, name, null, instance);
  }

  /** A plain address. */
  public static Component address(IpAddress address) {
    return new Component(Kind.ADDRESS, address.toString(), null, null);
  }

  /** A plain block. */
  public static Component address(Cidr block) {
    return new Component(Kind.ADDRESS, block.toString(), null, null);
  }

  /** The external target of an internet path ({@code internet} for any address). */
  public static Component externalTarget(String destination) {
    return new Component(Kind.EXTERNAL_TARGET, destination, null, null);
  }

  /** The kind. */
  public Kind kind() {
    return kind;
  }

  /** The id as the cloud spells it, the service name, the allowlist group name or the address. */
  public String id() {
    return id;
  }

  /** The typed id, for cloud resources. */
  public Optional<ResourceId> resourceId() {
    return Optional.ofNullable(resourceId);
  }

  /** The resource this one belongs to: the instance of an allowlist group. */
  public Optional<Component> parent() {
    return Optional.ofNullable(parent);
  }

  /** e.g. {@code security group sg-eas}, {@code allowlist group eas of RDS instance rm-1}. */
  public String describe() {
    return label(kind) + " " + id + (parent == null ? "" : " of " + parent.describe());
  }

  private static String label(Kind kind) {
    return switch (kind) {
      case SERVICE -> "service";
      case RESOURCE_GROUP -> "resource group";
      case VPC -> "VPC";
      case VSWITCH -> "vSwitch";
      case SECURITY_GROUP -> "security group";
      case ECS_INSTANCE -> "ECS instance";
      case RDS_INSTANCE -> "RDS instance";
      case REDIS_INSTANCE -> "Redis instance";
      case ALLOWLIST_GROUP -> "allowlist group";
      case NAT_GATEWAY -> "NAT gateway";
      case SNAT_TABLE -> "SNAT table";
      case SNAT_ENTRY -> "SNAT entry";
      case ROUTE_TABLE -> "route table";
      case EIP -> "EIP";
      case ADDRESS -> "address";
      case EXTERNAL_TARGET -> "external target";
    };
  }

  /** The id, e.g. {@code sg-eas}; for an allowlist group {@code rm-1/eas}. */
  @Override
  public String toString() {
    return parent == null ? id : parent.id + "/" + id;
  }

  /** Equal when kind, id and parent are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Component c && c.kind == kind && c.id.equals(id) && Objects.equals(c.parent, parent);
  }

  /** Consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    return Objects.hash(kind, id, parent);
  }
}
