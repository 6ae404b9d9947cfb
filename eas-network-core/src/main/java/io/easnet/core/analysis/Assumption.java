package io.easnet.core.analysis;

import org.immutables.value.Value;

/** An assumption the analysis had to make, reported next to the verdict: a stable {@link AssumptionKey} and a sentence. */
@Value.Immutable
public abstract class Assumption {
  Assumption() {}

  /** The stable key, such as {@link AssumptionKey#PREFIX_LIST_UNKNOWN}. */
  @Value.Parameter
  public abstract AssumptionKey key();

  /** The assumption as a sentence. */
  @Value.Parameter
  public abstract String sentence();

  /** An assumption from a key and a sentence. */
  public static Assumption of(AssumptionKey key, String sentence) {
    return ImmutableAssumption.of(key, sentence);
  }

  /** {@code KEY: sentence}. */
  @Override
  public String toString() {
    return key() + ": " + sentence();
  }

  /**
   * The stable keys of the assumptions an analysis may report next to its verdict. Keys are never renamed or reused;
   * new keys may be added.
   */
  public enum AssumptionKey {
    /** A private target is not in the inventory: its address, VPC and allowlist are unknown. */
    TARGET_UNKNOWN,
    /** No ECS instance has the target address, so only the EAS side's security group is checked. */
    TARGET_GROUPS_UNKNOWN,
    /** The VPC of one end is unknown, so whether both ends share a VPC cannot be checked. */
    VPC_UNKNOWN,
    /** The VPCs differ and the inventory holds no peering or CEN evidence. */
    NO_PEERING_EVIDENCE,
    /** The route table of a vSwitch is not in the inventory. */
    ROUTE_TABLE_UNKNOWN,
    /** The client ECS instance is not in the inventory. */
    CLIENT_UNKNOWN,
    /** The service declares no container port; the default port is assumed. */
    SERVICE_PORT_DEFAULT,
    /** A deciding rule refers to a prefix list whose entries the inventory does not hold. */
    PREFIX_LIST_UNKNOWN,
    /** No security group is known for a network interface. */
    SECURITY_GROUP_NONE,
    /** A security group on a network interface is not in the inventory. */
    SECURITY_GROUP_UNKNOWN,
    /** A network interface is in both basic and enterprise groups, which Alibaba Cloud does not allow. */
    MIXED_GROUP_TYPES,
    /** A service has no VPC configuration, so it takes no vSwitch addresses. */
    NO_VPC,
    /** A service sets no {@code rolling_strategy.max_surge}; the default surge is assumed. */
    DEFAULT_SURGE,
    /** Demand is counted on top of the addresses in use now. */
    DEMAND_ON_TOP_OF_IN_USE,
    /** The demand exceeds the largest vSwitch, so no block is proposed. */
    DEMAND_TOO_LARGE,
    /** The service names a resource group the inventory does not hold, so its network is unknown. */
    RESOURCE_GROUP_UNKNOWN,
    /**
     * Under a resource group's VPC direct connection, traffic to an address outside the return routes is assumed not to
     * leave through the instance's network interface (inferred from the documented return-route behaviour).
     */
    DLINK_RETURN_ROUTE_INFERRED,
    /**
     * A security group bound to an RDS or Redis instance is assumed to admit the EAS instances whose network interfaces
     * are in that group, as it admits the ECS instances in it.
     */
    BOUND_GROUP_MEMBERSHIP,
    /** A vSwitch of a resource group's return routes is not in the inventory, so its CIDR block is unknown. */
    RETURN_ROUTE_VSWITCH_UNKNOWN,
    /** The addresses of a SNAT entry are not known yet (a Terraform plan allocates its EIP: known after apply). */
    SNAT_IP_UNKNOWN,
    /**
     * A service-level {@code cloud.networking.destination_cidrs} is taken to be the service's return route, as a VPC
     * direct connection's {@code DestinationCIDRs} is documented to be, and {@code default_route} {@code "eth1"} to
     * send every destination, hence every reply, through the interface in the VPC (docs/semantics.md).
     */
    SERVICE_RETURN_ROUTE_INFERRED
  }
}
