package io.easnet.testkit;

import static io.easnet.testkit.Requests.req;

import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.spi.CloudActions;
import io.easnet.core.spi.EasApi.DLinkStatus;
import io.easnet.core.spi.EasApi;
import io.easnet.core.spi.EasApi.ServiceStatus;
import io.easnet.core.spi.EasApi.UpdateType;
import java.util.List;
import java.util.Optional;

/** The fake's EAS product: services and the VPC direct connection of resource groups. No client tokens. */
final class FakeEasApi implements EasApi {
  private final Requests requests;
  private final CloudState state;

  FakeEasApi(Requests requests) {
    this.requests = requests;
    this.state = requests.fake().state();
  }

  @Override
  public String describeService(String name) {
    req(name, "name");
    return requests.call(CloudActions.DESCRIBE_SERVICE, () -> state.services.describe(name));
  }

  @Override
  public List<String> listServices() {
    return requests.list(CloudActions.LIST_SERVICES, () -> List.copyOf(state.services.configurations().values()));
  }

  @Override
  public void createService(String json) {
    req(json, "json");
    requests.run(CloudActions.CREATE_SERVICE, () -> state.services.create(json, false));
  }

  @Override
  public ServiceStatus describeServiceStatus(String name) {
    req(name, "name");
    return requests.call(CloudActions.DESCRIBE_SERVICE, () -> state.services.status(name));
  }

  @Override
  public void updateService(String name, String json, UpdateType type) {
    req(name, "name");
    req(json, "json");
    req(type, "type");
    requests.run(CloudActions.UPDATE_SERVICE, () -> state.services.update(name, json, type));
  }

  @Override
  public List<ResourceGroup> describeResourceGroups() {
    return requests.list(CloudActions.LIST_RESOURCES, state.dlinks::all);
  }

  @Override
  public Optional<DLink> describeResourceDLink(ResourceGroupId id) {
    req(id, "id");
    return requests.call(CloudActions.DESCRIBE_RESOURCE_DLINK, () -> state.dlinks.resourceGroup(id).dlink());
  }

  @Override
  public void updateResourceDLink(ResourceGroupId id, DLink dlink) {
    req(id, "id");
    req(dlink, "dlink");
    requests.run(CloudActions.UPDATE_RESOURCE_DLINK, () -> state.dlinks.update(id, dlink, false));
  }

  @Override
  public DLinkStatus describeResourceDLinkStatus(ResourceGroupId id) {
    req(id, "id");
    return requests.call(CloudActions.DESCRIBE_RESOURCE, () -> state.dlinks.status(id));
  }

  @Override
  public void deleteResourceDLink(ResourceGroupId id) {
    req(id, "id");
    requests.run(CloudActions.DELETE_RESOURCE_DLINK, () -> state.dlinks.delete(id));
  }
}
