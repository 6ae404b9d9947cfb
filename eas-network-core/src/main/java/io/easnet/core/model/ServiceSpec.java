package io.easnet.core.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

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
}
