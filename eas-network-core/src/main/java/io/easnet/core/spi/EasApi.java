package io.easnet.core.spi;

import io.easnet.core.model.DLink;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import java.util.List;
import java.util.Optional;

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
}
