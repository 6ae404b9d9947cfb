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

  /** {@code cloud.computing.instances[*].type} and {@code cloud.computing.instance_type}. */
  public abstract List<String> instanceTypes();

  public abstract List<Container> containers();

  public abstract Optional<Autoscaler> autoscaler();

  public abstract Optional<RollingStrategy> rollingStrategy();

  public abstract List<StorageMount> storage();

  /** The most instances the service runs outside an update: max(instance, autoscaler max), at least 1. */
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
    if (instanceCount().isPresent() && instanceCount().getAsInt() < 0) {
      throw new IllegalArgumentException("metadata.instance must be >= 0, was " + instanceCount().getAsInt());
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
