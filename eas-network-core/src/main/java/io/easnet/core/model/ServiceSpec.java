package io.easnet.core.model;

import io.easnet.core.model.ResourceId.ResourceGroupId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import java.util.ArrayList;
import java.util.Locale;

/**
 * The typed view of an EAS service JSON: the parts of it that matter to the network. The lossless document (with
 * every field we do not model) is {@code io.easnet.core.json.ServiceDocument}.
 */
@Value.Immutable
public abstract class ServiceSpec {
  /**
   * The most instances (and the largest surge or autoscaler maximum) a service may declare: 1,000,000. EAS documents
   * no limit; this bound is far above any real service (one ENI, hence one vSwitch address, per instance, and a
   * vSwitch holds at most 65,532 usable addresses) and keeps every capacity sum exact.
   */
  public static final int MAX_INSTANCES = 1_000_000;

  ServiceSpec() {}

  /** {@code metadata.name}, or the legacy top-level {@code name}. */
  public abstract String name();

  /** {@code metadata.instance}. */
  public abstract OptionalInt instanceCount();

  public abstract Optional<String> workspaceId();

  /** {@code metadata.resource}: the dedicated resource group the service runs in. */
  public abstract Optional<ResourceGroupId> resourceGroupId();

  public abstract OptionalInt cpu();

  /** {@code metadata.memory}, in MB. */
  public abstract OptionalInt memoryMb();

  public abstract OptionalInt gpu();

  /** {@code cloud.networking}, when present (possibly partial). */
  public abstract Optional<ServiceNetworking> networking();

  /**
   * The top-level {@code networking} block: how callers reach the service (the service invocation configuration),
   * when present. Not to be confused with {@link #networking()}, the VPC the instances live in.
   */
  public abstract Optional<Invocation> invocation();

  /**
   * The keys of the top-level {@code networking} block the library models (docs/semantics.md, "The inbound side of
   * the service JSON"); every other key of the block is kept by {@code ServiceDocument} but not modelled.
   *
   * @param gateway {@code networking.gateway}: the id of the dedicated gateway the service is reached through; empty
   *     for the shared gateway (the default)
   * @param disableInternetEndpoint {@code networking.disable_internet_endpoint}: true when the service has no
   *     internet endpoint, only its VPC endpoint; empty when not set (the internet endpoint is on)
   */
  public record Invocation(Optional<String> gateway, Optional<Boolean> disableInternetEndpoint) {
    /** Checks the parts. */
    public Invocation {
      java.util.Objects.requireNonNull(gateway, "gateway");
      java.util.Objects.requireNonNull(disableInternetEndpoint, "disableInternetEndpoint");
      if (gateway.isPresent() && gateway.get().isBlank()) {
        throw new IllegalArgumentException("networking.gateway must not be blank; leave it out for the shared"
            + " gateway");
      }
    }

    /** True when the service is reached through a dedicated gateway. */
    public boolean dedicatedGateway() {
      return gateway.isPresent();
    }

    /** True unless {@code disable_internet_endpoint} is {@code true}: the internet endpoint is on by default. */
    public boolean internetEndpointOn() {
      return !disableInternetEndpoint.orElse(false);
    }
  }

  /** {@code cloud.computing.instances[*].type} and {@code cloud.computing.instance_type}. */
  public abstract List<String> instanceTypes();

  public abstract List<Container> containers();

  public abstract Optional<Autoscaler> autoscaler();

  public abstract Optional<RollingStrategy> rollingStrategy();

  public abstract List<StorageMount> storage();

  /**
   * The most instances the service runs outside an update: max(instance, autoscaler max), at least 1, at most
   * {@link #MAX_INSTANCES}; adding a surge to it cannot overflow an {@code int}.
   */
  /** The port the service listens on: the first container port it declares, if any. */
  public final OptionalInt port() {
    for (Container c : containers()) {
      if (c.port().isPresent()) {
        return c.port();
      }
    }
    return OptionalInt.empty();
  }

  public final int peakInstances() {
    int n = instanceCount().orElse(1);
    if (autoscaler().isPresent()) {
      n = Math.max(n, autoscaler().get().max());
    }
    return Math.max(1, n);
  }

  @Value.Check
  final void check() {
    if (name().isBlank()) {
      throw new IllegalArgumentException("service name must not be blank");
    }
    if (instanceCount().isPresent()
        && (instanceCount().getAsInt() < 0 || instanceCount().getAsInt() > MAX_INSTANCES)) {
      throw new IllegalArgumentException("metadata.instance must be 0 to "
          + String.format(java.util.Locale.ROOT, "%,d", MAX_INSTANCES) + ", was " + instanceCount().getAsInt());
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Builds a {@link ServiceSpec}. */
  public static final class Builder extends ImmutableServiceSpec.Builder {
    Builder() {}

    public Builder resourceGroupId(String id) {
      return resourceGroupId(ResourceGroupId.of(id));
    }

    public Builder networking(ServiceNetworking.Builder networking) {
      return networking(networking.build());
    }
  }

  /**
   * The service-level VPC block, {@code cloud.networking} in the service JSON. Each key is optional here so that a
   * partial block can be represented and reported; EAS needs all three ids. Beside the ids the block may carry
   * {@code default_route} and {@code destination_cidrs} (written by Alibaba's PAI Python SDK; docs/semantics.md,
   * "The inbound side of the service JSON"); they do not count towards {@link #isComplete()} or {@link #isEmpty()}.
   */
  @Value.Immutable
  public static abstract class ServiceNetworking {
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

  /** One entry of {@code containers}: the image, how it starts and the port it serves on. */
  @Value.Immutable
  public static abstract class Container {
    Container() {}

    public abstract Optional<String> image();

    public abstract Optional<String> script();

    public abstract Optional<String> command();

    public abstract OptionalInt port();

    public static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link Container}. */
    public static final class Builder extends ImmutableContainer.Builder {
      Builder() {}
    }
  }

  /** The {@code autoscaler} section: the service scales between {@code min} and {@code max} instances. */
  @Value.Immutable
  public static abstract class Autoscaler {
    Autoscaler() {}

    public abstract int min();

    public abstract int max();

    @Value.Check
    final void check() {
      if (min() < 0) {
        throw new IllegalArgumentException("autoscaler min must be >= 0, was " + min());
      }
      if (max() > ServiceSpec.MAX_INSTANCES) {
        throw new IllegalArgumentException("autoscaler max " + max() + " is above "
            + String.format(java.util.Locale.ROOT, "%,d", ServiceSpec.MAX_INSTANCES)
            + ", the most instances a service may have");
      }
      if (max() < min()) {
        throw new IllegalArgumentException("autoscaler max (" + max() + ") must be >= min (" + min() + ")");
      }
    }

    public static Autoscaler of(int min, int max) {
      return builder().min(min).max(max).build();
    }

    public static Builder builder() {
      return new Builder();
    }

    /** Builds an {@link Autoscaler}. */
    public static final class Builder extends ImmutableAutoscaler.Builder {
      Builder() {}
    }
  }

  /**
   * The rolling-update strategy ({@code metadata.rolling_strategy}): how many extra instances ({@code max_surge}) a
   * rolling update may start, as a count ({@code 2}) or a percentage of the instances ({@code "20%"}).
   */
  @Value.Immutable
  public static abstract class RollingStrategy {
    RollingStrategy() {}

    /** {@code max_surge} as written: {@code "2"} or {@code "20%"}. */
    public abstract Optional<String> maxSurge();

    /** {@code max_unavailable} as written. */
    public abstract Optional<String> maxUnavailable();

    /**
     * The number of surge instances for {@code instances} instances: the count, or the percentage rounded up, computed
     * exactly (never more than {@code instances} for a percentage, as percentages are at most 100 %). Empty when
     * {@code max_surge} is not set.
     */
    public final Optional<Integer> surgeFor(int instances) {
      if (instances < 0) {
        throw new IllegalArgumentException("instances must be >= 0, was " + instances);
      }
      return maxSurge().map(s -> Math.toIntExact(resolve(s, instances)));
    }

    /** The count {@code value} stands for with {@code instances} instances; exact for every int. */
    static long resolve(String value, long instances) {
      String v = value.trim();
      boolean percent = v.endsWith("%");
      long n = parse(percent ? v.substring(0, v.length() - 1).trim() : v, value);
      if (percent) {
        if (n > 100) {
          throw new IllegalArgumentException("rolling strategy value \"" + value + "\" is above 100%; a rolling"
              + " update never replaces more than all instances, so write at most 100%");
        }
        return (instances * n + 99) / 100;
      }
      if (n > ServiceSpec.MAX_INSTANCES) {
        throw new IllegalArgumentException("rolling strategy count " + value + " is outside 0 to "
            + String.format(Locale.ROOT, "%,d", ServiceSpec.MAX_INSTANCES) + " (the most instances a service may have)");
      }
      return n;
    }

    private static long parse(String digits, String value) {
      if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException(digits.length() > 18 && digits.chars().allMatch(c -> c >= '0' && c <= '9')
            ? "rolling strategy value \"" + value + "\" is outside 0 to "
                + String.format(Locale.ROOT, "%,d", ServiceSpec.MAX_INSTANCES)
            : "rolling strategy value \"" + value + "\" is neither a count (2) nor a percentage (20%)");
      }
      return Long.parseLong(digits);
    }

    @Value.Check
    final void check() {
      maxSurge().ifPresent(s -> resolve(s, 100));
      maxUnavailable().ifPresent(s -> resolve(s, 100));
    }

    public static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link RollingStrategy}. */
    public static final class Builder extends ImmutableRollingStrategy.Builder {
      Builder() {}
    }
  }

  /** One entry of {@code storage}: an OSS path or an NFS server mounted into the containers. */
  @Value.Immutable
  public static abstract class StorageMount {
    StorageMount() {}

    public abstract Optional<String> mountPath();

    /** {@code oss.path}, e.g. {@code oss://bucket/models/}. */
    public abstract Optional<String> ossPath();

    /** {@code oss.endpoint} when given, e.g. {@code oss-cn-hangzhou-internal.aliyuncs.com}. */
    public abstract Optional<String> ossEndpoint();

    /** {@code nfs.server}, e.g. a NAS mount target {@code 0c9a....cn-hangzhou.nas.aliyuncs.com}. */
    public abstract Optional<String> nfsServer();

    public abstract Optional<String> nfsPath();

    public static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link StorageMount}. */
    public static final class Builder extends ImmutableStorageMount.Builder {
      Builder() {}
    }
  }
}
