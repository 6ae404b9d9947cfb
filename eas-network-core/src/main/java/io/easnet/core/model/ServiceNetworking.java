package io.easnet.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The service-level VPC block, {@code cloud.networking} in the service JSON. Each key is optional here so that a
 * partial block can be represented and reported; EAS needs all three ids. Beside the ids the block may carry
 * {@code default_route} and {@code destination_cidrs} (written by Alibaba's PAI Python SDK; docs/semantics.md,
 * "The inbound side of the service JSON"); they do not count towards {@link #isComplete()} or {@link #isEmpty()}.
 */
@Value.Immutable
public abstract class ServiceNetworking {
  /** The JSON keys, in the order EAS documents them. */
  public static final List<String> KEYS = List.of("vpc_id", "vswitch_id", "security_group_id");

  ServiceNetworking() {}

  public abstract Optional<VpcId> vpcId();

  public abstract Optional<VSwitchId> vSwitchId();

  public abstract Optional<SecurityGroupId> securityGroupId();

  /**
   * {@code default_route}: the network interface the instances' default route uses, {@code "eth1"} for the
   * interface in this VPC or {@code "eth0"} for EAS's own; as written, not checked.
   */
  public abstract Optional<String> defaultRoute();

  /**
   * {@code destination_cidrs}: the blocks routed through the interface in this VPC besides the vSwitch's own, the
   * service-level counterpart of a VPC direct connection's {@code DestinationCIDRs}; in the JSON a comma-separated
   * string ({@code "10.0.0.0/8,172.16.0.0/12"}) or an array of strings. Kept in the order written.
   */
  public abstract List<Cidr> destinationCidrs();

  /** The interface name of {@link #defaultRoute()} that sends every destination through this VPC. */
  public static final String VPC_DEFAULT_ROUTE = "eth1";

  /** True when {@code default_route} is {@value #VPC_DEFAULT_ROUTE}: every destination leaves through this VPC. */
  public final boolean defaultRouteThroughVpc() {
    return defaultRoute().map(VPC_DEFAULT_ROUTE::equals).orElse(false);
  }

  /** True when all three keys are set. */
  public final boolean isComplete() {
    return missingKeys().isEmpty();
  }

  /** True when none of the keys is set. */
  public final boolean isEmpty() {
    return missingKeys().size() == KEYS.size();
  }

  /** The JSON keys that are not set, e.g. {@code [vswitch_id, security_group_id]}. */
  public final List<String> missingKeys() {
    List<String> missing = new ArrayList<>(3);
    if (vpcId().isEmpty()) {
      missing.add("vpc_id");
    }
    if (vSwitchId().isEmpty()) {
      missing.add("vswitch_id");
    }
    if (securityGroupId().isEmpty()) {
      missing.add("security_group_id");
    }
    return List.copyOf(missing);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A complete block. */
  public static ServiceNetworking of(VpcId vpc, VSwitchId vSwitch, SecurityGroupId group) {
    return builder().vpcId(vpc).vSwitchId(vSwitch).securityGroupId(group).build();
  }

  /** A complete block from id strings. */
  public static ServiceNetworking of(String vpc, String vSwitch, String group) {
    return of(VpcId.of(vpc), VSwitchId.of(vSwitch), SecurityGroupId.of(group));
  }

  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link ServiceNetworking}. */
  public static final class Builder extends ImmutableServiceNetworking.Builder {
    Builder() {}

    public Builder vpcId(String id) {
      return vpcId(VpcId.of(id));
    }

    public Builder vSwitchId(String id) {
      return vSwitchId(VSwitchId.of(id));
    }

    public Builder securityGroupId(String id) {
      return securityGroupId(SecurityGroupId.of(id));
    }
  }
}
