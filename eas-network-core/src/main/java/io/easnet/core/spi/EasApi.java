package io.easnet.core.spi;

import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The EAS product: service configurations (as the JSON text {@code eascmd} takes) and the VPC direct connection
 * ("DLink") of dedicated resource groups. Thread-safe; lists return every page.
 *
 * <p><b>No client token.</b> EAS writes carry none, so a write whose answer was lost may or may not have acted. An
 * implementation that retries a write first reads the state it would change and retries only when the write did not
 * act: {@link #createService} after a lost answer reads the service ({@code ALREADY_EXISTS} with the same
 * configuration is success); {@link #updateService} and {@link #updateResourceDLink} compare the current
 * configuration with the wanted one; {@link #deleteResourceDLink} checks whether a connection is still configured.
 */
public interface EasApi {
  /**
   * The configuration of a service as JSON text ({@link CloudActions#DESCRIBE_SERVICE}, field {@code ServiceConfig}).
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} when there is no such service
   */
  String describeService(String name);

  /**
   * The configuration of every EAS service of the region as JSON text, as {@link #describeService} returns it, in
   * the order the cloud lists them ({@link CloudActions#LIST_SERVICES}, every page). An implementation whose list
   * answer lacks a service's {@code ServiceConfig} reads it with {@link #describeService}.
   */
  List<String> listServices();

  /**
   * Creates a service from its JSON configuration ({@link CloudActions#CREATE_SERVICE}). Each instance takes one
   * private IP from the configured vSwitch.
   *
   * @throws io.easnet.core.CloudServiceException {@code ALREADY_EXISTS} when a service of that name exists,
   *     {@code INVALID_PARAMETER} for JSON without a name, {@code NOT_FOUND} for an unknown vSwitch or security
   *     group, {@code QUOTA_EXCEEDED} when the vSwitch has too few free addresses
   */
  void createService(String json);

  /**
   * The state of a service ({@link CloudActions#DESCRIBE_SERVICE}, fields {@code Status}, {@code RunningInstance},
   * {@code TotalInstance}), for polling after {@link #createService} or {@link #updateService} until
   * {@link ServiceStatus#isRunning()}.
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} when there is no such service
   */
  ServiceStatus describeServiceStatus(String name);

  /**
   * Updates a service ({@link CloudActions#UPDATE_SERVICE}), merging or replacing per {@link UpdateType}.
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} when there is no such service, and the failures
   *     of {@link #createService(String)} for the resulting configuration
   */
  void updateService(String name, String json, UpdateType type);

  /** The dedicated resource groups with their VPC direct connections ({@link CloudActions#LIST_RESOURCES}). */
  List<ResourceGroup> describeResourceGroups();

  /**
   * The VPC direct connection of a resource group; empty when none is enabled
   * ({@link CloudActions#DESCRIBE_RESOURCE_DLINK}).
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} for an unknown resource group
   */
  Optional<DLink> describeResourceDLink(ResourceGroupId id);

  /**
   * Enables or changes the VPC direct connection ({@link CloudActions#UPDATE_RESOURCE_DLINK}); the network
   * interfaces are updated asynchronously: poll {@link #describeResourceDLinkStatus}. Updating to the configuration
   * in place succeeds and changes nothing.
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} for an unknown resource group, vSwitch or
   *     security group
   */
  void updateResourceDLink(ResourceGroupId id, DLink dlink);

  /**
   * Where the VPC direct connection of a resource group stands, for polling after {@link #updateResourceDLink}
   * ({@link CloudActions#DESCRIBE_RESOURCE}). The API reference documents no DLink-specific status field; an HTTP
   * implementation reads {@code DescribeResource}'s {@code Status} (UNCERTAIN: {@code ResourceReady} once the
   * interfaces are in place) together with {@code DescribeResourceDLink}.
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} for an unknown resource group
   */
  DLinkStatus describeResourceDLinkStatus(ResourceGroupId id);

  /**
   * Disables the VPC direct connection ({@link CloudActions#DELETE_RESOURCE_DLINK}); succeeds when none is enabled.
   *
   * @throws io.easnet.core.CloudServiceException {@code NOT_FOUND} for an unknown resource group
   */
  void deleteResourceDLink(ResourceGroupId id);

  /**
   * Where the VPC direct connection of a resource group stands ({@link EasApi#describeResourceDLinkStatus}).
   * {@code UpdateResourceDLink} answers "Network interfaces are updating": the connection is {@link #UPDATING} until
   * every instance's network interface is in place, then {@link #READY}.
   */
  public enum DLinkStatus {
    /** No VPC direct connection is configured. */
    NONE,
    /** The network interfaces are being created or changed. */
    UPDATING,
    /** The network interfaces are in place. */
    READY
  }

  /**
   * The state of an EAS service as {@code DescribeService} reports it ({@code Status}, {@code RunningInstance},
   * {@code TotalInstance}, {@code Message}), for polling after a create or update.
   */
  @Value.Immutable
  public static abstract class ServiceStatus {
    /** The {@code Status} of a service whose instances all run. */
    public static final String RUNNING = "Running";

    private static final Set<String> SETTLED = Set.of("running", "stopped", "failed", "deletefailed", "completed");

    ServiceStatus() {}

    /** {@code ServiceName}. */
    public abstract String name();

    /** {@code Status} as the API spells it: {@code Creating}, {@code Updating}, {@code Running}, {@code Failed}, … */
    public abstract String status();

    /** {@code RunningInstance}. */
    public abstract int runningInstances();

    /** {@code TotalInstance}. */
    public abstract int totalInstances();

    /** {@code Message}, e.g. {@code Service start successfully}. */
    public abstract Optional<String> message();

    /** True when the status is {@code Running} and every instance runs. */
    public final boolean isRunning() {
      return status().equalsIgnoreCase(RUNNING) && runningInstances() == totalInstances();
    }

    /** True when the service is no longer changing by itself: running, stopped, completed or failed. */
    public final boolean isSettled() {
      return SETTLED.contains(status().toLowerCase(Locale.ROOT)) && (!status().equalsIgnoreCase(RUNNING)
          || runningInstances() == totalInstances());
    }

    @Value.Check
    final void check() {
      if (runningInstances() < 0 || totalInstances() < 0) {
        throw new IllegalArgumentException("instance counts must be >= 0, were " + runningInstances() + " running of "
            + totalInstances());
      }
    }

    /** A new builder. */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link ServiceStatus}. */
    public static final class Builder extends ImmutableServiceStatus.Builder {
      Builder() {}
    }
  }

  /** How {@link EasApi#updateService} combines the new JSON with the service's current configuration. */
  public enum UpdateType {
    /**
     * Deep merge: objects are merged key by key, recursively; any other value (arrays included) in the new JSON
     * replaces the old one. {@code {"a":"b"}} updated with {@code {"c":"d"}} becomes {@code {"a":"b","c":"d"}}.
     */
    MERGE,
    /** The new JSON replaces the configuration as a whole. */
    REPLACE;

    /** The API's spelling: {@code merge} or {@code replace}. */
    public String apiName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
