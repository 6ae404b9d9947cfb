package io.easnet.core.analysis;

import io.easnet.core.analysis.Assumption.AssumptionKey;
import io.easnet.core.model.SecurityGroupRule.Direction;
import io.easnet.core.model.PortRange;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.ResourceId;
import java.util.Objects;
import io.easnet.core.change.AppendAllowlistEntries;
import io.easnet.core.change.AuthorizeSecurityGroupRule;
import io.easnet.core.change.BindEip;
import io.easnet.core.change.CreateNatGateway;
import io.easnet.core.change.CreateSnatEntry;
import io.easnet.core.change.AddRouteEntry;
import io.easnet.core.change.SetServiceNetworking;
import io.easnet.core.change.UpdateDLink;
import io.easnet.core.analysis.SecurityGroupVerdict.DecidingRule;
import io.easnet.core.change.Change;
import java.util.Optional;
import org.immutables.value.Value;
import java.util.List;

/**
 * One reason a path is blocked or undetermined: a stable {@link ExplanationCode}, the {@link Component} it sits on,
 * the deciding rule where there is one, what was expected and what was found (sentences), what is {@link Missing}
 * (data), and the fix: a typed {@link Change} when a change can remove the blocker, advice otherwise.
 * {@link #fix()} is rendered from them.
 */
@Value.Immutable
public abstract class Explanation {
  Explanation() {}

  /** The stable code. */
  public abstract ExplanationCode code();

  /** The component the blocker sits on: security group {@code sg-eas}, allowlist group {@code eas} of {@code rm-1}, … */
  public abstract Component component();

  /** The rule, default, allowlist, route or SNAT entry that decided, when there is one. */
  public abstract Optional<DecidingRule> decidingRule();

  /** What the path needs, as a sentence. */
  public abstract String expected();

  /** What the inventory holds, as a sentence. */
  public abstract String actual();

  /** What is missing, as data, when it can be said as data. */
  public abstract Optional<Missing> missing();

  /** The change that removes this blocker, when a change can. */
  public abstract Optional<Change> remedy();

  /** What to do when no single change can (wait, check an id, decide between alternatives), or a note beside it. */
  public abstract Optional<String> advice();

  /** A near miss for an id that was not found: the inventory id closest to the one written. */
  public abstract Optional<String> didYouMean();

  /** What to change, as a sentence: the remedy's description, then the advice. */
  @Value.Derived
  public String fix() {
    String r = remedy().map(Change::describe).orElse("");
    String a = advice().orElse("");
    return r.isEmpty() ? a : a.isEmpty() ? r : r + "; " + a;
  }

  @Value.Check
  final void check() {
    if (remedy().isEmpty() && advice().isEmpty()) {
      throw new IllegalStateException("explanation " + code() + " on " + component() + " needs a remedy or advice");
    }
  }

  /** {@code CODE on component: actual (expected: …) Fix: …}. */
  @Override
  public String toString() {
    return code() + " on " + component() + ": " + actual() + " (expected: " + expected() + ") Fix: " + fix();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Explanation}. */
  public static final class Builder extends ImmutableExplanation.Builder {
    Builder() {}
  }

  /**
   * Stable codes for the reasons a path is blocked or cannot be decided. Codes are never renamed or reused; new codes
   * may be added. Each code lists the kinds of {@link Change} its explanations may carry ({@link #remedies()}); a code
   * with none is fixed by a decision or a fact, never by one change, and its explanations carry advice.
   */
  public enum ExplanationCode {
    VPC_NONE("The service has no VPC configuration, so it has no private access and no internet egress."),
    VPC_MISMATCH("The two ends are in different VPCs and the inventory holds no peering or CEN evidence."),
    VSWITCH_NOT_FOUND("A configured vSwitch is not in the inventory."),
    VSWITCH_NOT_IN_VPC("A configured vSwitch belongs to another VPC than the one configured.",
        SetServiceNetworking.class),
    SECURITY_GROUP_NOT_FOUND("The configured security group is missing from the configuration or the inventory."),
    SECURITY_GROUP_NOT_IN_VPC("The configured security group belongs to another VPC than the one configured."),
    SG_EGRESS_DENIES("The outbound rules of the sending side's security groups deny the flow.",
        AuthorizeSecurityGroupRule.class),
    SG_INGRESS_DENIES("The inbound rules of the receiving side's security groups deny the flow.",
        AuthorizeSecurityGroupRule.class),
    PREFIX_LIST_UNKNOWN("A deciding rule refers to a prefix list whose entries the inventory does not hold."),
    TARGET_NOT_FOUND("The target (RDS, Redis or ECS instance) is not in the inventory."),
    TARGET_ADDRESS_UNKNOWN("The target's private address or VPC is not known, so the flow cannot be evaluated."),
    TARGET_ALLOWLIST_MISSING_SOURCE("The target's IP allowlist does not admit the whole EAS vSwitch CIDR block.",
        AppendAllowlistEntries.class),
    TARGET_ALLOWLIST_SINGLE_INSTANCE_IP(
        "The target's allowlist admits single addresses inside the EAS vSwitch; instances change IP on restart.",
        AppendAllowlistEntries.class),
    CLIENT_NOT_FOUND("The client ECS instance is not in the inventory."),
    NAT_MISSING("The VPC has no internet NAT gateway.", CreateNatGateway.class),
    NAT_NOT_INTERNET("The VPC's NAT gateways are VPC (private) NAT gateways, which give no internet egress.",
        CreateNatGateway.class),
    NAT_NOT_AVAILABLE("The NAT gateway is not in the Available state."),
    NAT_NO_EIP("The NAT gateway has no elastic IP address bound.", BindEip.class),
    SNAT_NO_ENTRY_FOR_SOURCE("No SNAT entry covers the EAS vSwitch, neither by vSwitch id nor by a CIDR block.",
        CreateSnatEntry.class),
    SNAT_PARTIAL_COVERAGE("SNAT entries cover only part of the EAS vSwitch CIDR block.", CreateSnatEntry.class),
    SNAT_ENTRY_NOT_AVAILABLE("The SNAT entry covering the EAS vSwitch is not in the Available state."),
    ROUTE_TABLE_NOT_FOUND("The route table the vSwitch uses is not in the inventory."),
    ROUTE_NO_NAT("The vSwitch's route table does not send the destination (0.0.0.0/0) to the NAT gateway.",
        AddRouteEntry.class),
    EXTERNAL_ALLOWLIST_MISSING_EIP("The external target's allowlist holds none of the SNAT entry's EIPs."),
    VSWITCH_IP_EXHAUSTED_AT_SCALE(
        "The vSwitch has fewer free private IPs than the services need at peak, including rolling-update surge."),
    RESOURCE_GROUP_UNKNOWN(
        "The service names a resource group the inventory does not hold and sets no networking block, so the network"
            + " in effect is unknown."),
    DLINK_CLIENT_OUTSIDE_RETURN_ROUTES(
        "Under the resource group's VPC direct connection, the client's address is outside the return routes (primary"
            + " vSwitch, listed client vSwitches, destination CIDRs), so replies never reach it.",
        UpdateDLink.class),
    DLINK_DESTINATION_OUTSIDE_RETURN_ROUTES(
        "Under the resource group's VPC direct connection, the destination is outside the return routes, so the"
            + " instances' traffic to it does not leave through their network interface.",
        UpdateDLink.class, SetServiceNetworking.class),
    SERVICE_CLIENT_OUTSIDE_DESTINATION_CIDRS(
        "The service's cloud.networking sets destination_cidrs and the client's address is outside them and outside"
            + " the service's vSwitch, so replies to the client do not return through the direct connection."),
    DLINK_ROUTE_VSWITCH_NOT_FOUND(
        "A client vSwitch of the resource group's return routes is not in the inventory, so whether it covers an"
            + " address is unknown.");

    private final String description;
    private final List<Class<? extends Change>> remedies;

    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only copied into an immutable List, never stored or exposed
    ExplanationCode(String description, Class<? extends Change>... remedies) {
      this.description = description;
      this.remedies = List.of(remedies);
    }

    /** One sentence saying what the code means. */
    public String description() {
      return description;
    }

    /** The kinds of remedy an explanation with this code may carry; empty when no single change fixes it. */
    public List<Class<? extends Change>> remedies() {
      return remedies;
    }
  }

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
  public static final class Component {
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

  /**
   * What a blocker lacks, as data: the flow a security-group rule must allow, the addresses an allowlist or route does
   * not admit, the resource that is absent, the status that is not ready, the fact the inventory does not hold, or the
   * addresses a vSwitch is short of. A program reads this instead of parsing {@link Explanation#actual()}.
   */
  public sealed interface Missing {
    /** A flow the security groups of {@link Explanation#component()} must allow and do not. */
    record FlowNotAllowed(Direction direction, Protocol protocol, PortRange ports, Cidr peerBlock,
        List<SecurityGroupId> peerGroups) implements Missing {
      /** Checks the arguments and copies the list. */
      public FlowNotAllowed {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(peerBlock, "peerBlock");
        peerGroups = List.copyOf(peerGroups);
      }
    }

    /** Addresses (blocks, or EIPs as {@code /32}) that an allowlist or a set of routes does not admit. */
    record AddressesNotAdmitted(List<Cidr> addresses) implements Missing {
      /** Copies the list, which must not be empty. */
      public AddressesNotAdmitted {
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty()) {
          throw new IllegalArgumentException("at least one address is not admitted");
        }
      }
    }

    /** A resource of this kind is absent where the path needs one (a NAT gateway, an EIP, a SNAT entry, a route). */
    record ResourceAbsent(Component.Kind kind) implements Missing {
      /** Checks the argument. */
      public ResourceAbsent {
        Objects.requireNonNull(kind, "kind");
      }
    }

    /** The component exists but is not in the {@code Available} state; its status is {@code status}. */
    record NotAvailable(String status) implements Missing {
      /** Checks the argument. */
      public NotAvailable {
        Objects.requireNonNull(status, "status");
      }
    }

    /** The inventory lacks a fact about {@code about} that the analysis needs (its entries, address, rules, …). */
    record FactUnknown(Component about, AssumptionKey assumption) implements Missing {
      /** Checks the arguments. */
      public FactUnknown {
        Objects.requireNonNull(about, "about");
        Objects.requireNonNull(assumption, "assumption");
      }
    }

    /** The vSwitch is short of {@code count} free private addresses at peak. */
    record AddressesShort(long count) implements Missing {
      /** Checks the argument. */
      public AddressesShort {
        if (count <= 0) {
          throw new IllegalArgumentException("a shortfall is at least one address, was " + count);
        }
      }
    }
  }
}
