package io.easnet.aliyun.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.aliyun.AliyunProduct;
import io.easnet.core.ClientException;
import io.easnet.core.CloudServiceException;
import io.easnet.core.CloudServiceException.Kind;
import io.easnet.core.EasNetworkException;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.spi.EasApi.DLinkStatus;
import io.easnet.core.spi.EasApi;
import io.easnet.core.spi.EasApi.ServiceStatus;
import io.easnet.core.spi.EasApi.UpdateType;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * {@link EasApi} over the EAS API (2021-07-01, ROA): {@code /api/v2/services/{ClusterId}/{ServiceName}} and
 * {@code /api/v2/resources/{ClusterId}/{ResourceId}[/dlink]}, the cluster being the region id.
 *
 * <p>EAS writes carry no client token, so the transport never repeats them blindly (only a throttled write, which
 * did not act, is retried). When a write's answer is lost (an I/O error, a timeout, a server error) this class reads
 * the state the write would change and repeats the write only when it did not act, up to the retry policy's
 * attempts, waiting the policy's backoff on the transport's sleeper.
 */
public final class AliyunEasApi implements EasApi {
  /** ListResources documents no maximum page size; 100 is ListServices' example (UNCERTAIN). */
  static final int RESOURCE_PAGE = 100;
  /** ListServices' page size: its documented example is 100 (UNCERTAIN as a maximum). */
  static final int SERVICE_PAGE = 100;

  private final HttpTransport transport;

  public AliyunEasApi(HttpTransport transport) {
    this.transport = transport;
  }

  private String cluster() {
    return transport.options().regionId();
  }

  private ApiRequest.Builder roa(String action, String method, String... segments) {
    return ApiRequest.roa(AliyunProduct.EAS, action, method, List.of(segments));
  }

  // ---------------------------------------------------------------------------------------------------- services

  private ApiResponse service(String name, ApiRequest[] sent) {
    sent[0] = roa("DescribeService", "GET", "api", "v2", "services", cluster(), name).build();
    return transport.call(sent[0]);
  }

  @Override
  public String describeService(String name) {
    ApiRequest[] r = new ApiRequest[1];
    ApiResponse response = service(checkName(name), r);
    return Lists.one(r[0], response, "/ServiceConfig", response.json(), n -> WireJson.text(n, "ServiceConfig")
        .orElseThrow(() -> new IllegalArgumentException("the service " + name + " has no ServiceConfig")));
  }

  /**
   * Every service's configuration: {@code ListServices} pages ({@code Services} is a plain array of {@code Service}
   * objects); a listed service without {@code ServiceConfig} is read with {@code DescribeService}.
   */
  @Override
  public List<String> listServices() {
    List<JsonNode> listed = Lists.numbered(transport, (page, size) -> roa("ListServices", "GET", "api", "v2",
            "services").parameter("PageNumber", Integer.toString(page)).parameter("PageSize", Integer.toString(size))
        .page(page).build(), SERVICE_PAGE, new Lists.Shape("Services", "Service"), n -> n);
    // the services listed without their configuration are read together, in list order
    List<String> out = new java.util.ArrayList<>(listed.size());
    List<Integer> missing = new java.util.ArrayList<>();
    List<java.util.function.Supplier<String>> reads = new java.util.ArrayList<>();
    for (JsonNode n : listed) {
      Optional<String> config = WireJson.text(n, "ServiceConfig").filter(c -> !c.isBlank());
      if (config.isEmpty()) {
        missing.add(out.size());
        reads.add(() -> describeService(WireJson.required(n, "ServiceName")));
      }
      out.add(config.orElse(null));
    }
    List<String> read = transport.all("eas:DescribeService", reads);
    for (int i = 0; i < missing.size(); i++) {
      out.set(missing.get(i), read.get(i));
    }
    return out;
  }

  @Override
  public ServiceStatus describeServiceStatus(String name) {
    ApiRequest[] r = new ApiRequest[1];
    ApiResponse response = service(checkName(name), r);
    return Lists.one(r[0], response, "/", response.json(), n -> {
      ServiceStatus.Builder b = ServiceStatus.builder()
          .name(WireJson.text(n, "ServiceName").orElse(name))
          .status(WireJson.text(n, "Status").orElse("Unknown"))
          .runningInstances(Math.toIntExact(WireJson.number(n, "RunningInstance").orElse(0L)))
          .totalInstances(Math.toIntExact(WireJson.number(n, "TotalInstance").orElse(0L)));
      WireJson.text(n, "Message").ifPresent(b::message);
      return b.build();
    });
  }

  @Override
  public void createService(String json) {
    JsonNode wanted = WireJson.parse(json, "the service JSON");
    Optional<String> name = WireJson.text(wanted.path("metadata"), "name").or(() -> WireJson.text(wanted, "name"));
    ApiRequest request = roa("CreateService", "POST", "api", "v2", "services")
        .jsonBody(json.getBytes(StandardCharsets.UTF_8)).build();
    if (name.isEmpty()) {
      transport.call(request); // the cloud refuses a service without a name; nothing to re-read
      return;
    }
    writeAndConfirm(request, () -> configured(name.get(), wanted), true);
  }

  /** True when the service exists with (at least) the wanted configuration; false when it does not exist. */
  private boolean configured(String name, JsonNode wanted) {
    Optional<JsonNode> current = currentConfig(name);
    return current.isPresent() && WireJson.contains(current.get(), wanted);
  }

  private Optional<JsonNode> currentConfig(String name) {
    try {
      return Optional.of(WireJson.parse(describeService(name), "ServiceConfig of " + name));
    } catch (CloudServiceException e) {
      if (e.kind() == Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Updates a service. Whether a write whose answer was lost acted is decided by the service's
   * {@code LatestVersion} (read before the write; an update that acted makes a new version), and, when the answers
   * carry no version, by the configuration: it holds what was sent (merge), and for a replace holds nothing more
   * under the keys that were sent. The cloud adds defaults there, so that check errs towards sending the replace
   * again, which ends in the wanted configuration.
   */
  @Override
  public void updateService(String name, String json, UpdateType type) {
    checkName(name);
    JsonNode wanted = WireJson.parse(json, "the service JSON");
    ApiRequest request = roa("UpdateService", "PUT", "api", "v2", "services", cluster(), name)
        .parameter("UpdateType", type.apiName()).jsonBody(json.getBytes(StandardCharsets.UTF_8)).build();
    Optional<Long> before = latestVersion(name);
    writeAndConfirm(request, () -> {
      JsonNode service = currentService(name).orElseThrow(() -> new EasNetworkException("eas:UpdateService of "
          + name + " lost its answer and the service is gone now"));
      Optional<Long> after = WireJson.number(service, "LatestVersion");
      if (before.isPresent() && after.isPresent()) {
        return after.get() > before.get();
      }
      JsonNode current = WireJson.parse(WireJson.text(service, "ServiceConfig").orElse("{}"),
          "ServiceConfig of " + name);
      return type == UpdateType.REPLACE ? WireJson.contains(current, wanted) && WireJson.contains(wanted,
          withoutAdded(current, wanted)) : WireJson.contains(current, wanted);
    }, false);
  }

  /** The service's {@code LatestVersion}; empty when the answer has none or the service does not exist. */
  private Optional<Long> latestVersion(String name) {
    return currentService(name).flatMap(n -> {
      try {
        return WireJson.number(n, "LatestVersion");
      } catch (IllegalArgumentException notANumber) {
        return Optional.empty();
      }
    });
  }

  /** DescribeService's answer; empty when there is no such service. */
  private Optional<JsonNode> currentService(String name) {
    try {
      return Optional.of(service(name, new ApiRequest[1]).json());
    } catch (CloudServiceException e) {
      if (e.kind() == Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** For a replace: the current configuration restricted to the keys that were sent. */
  private static JsonNode withoutAdded(JsonNode current, JsonNode wanted) {
    ObjectNode out = WireJson.object();
    wanted.fieldNames().forEachRemaining(k -> {
      if (current.has(k)) {
        out.set(k, current.get(k));
      }
    });
    return out;
  }

  private static String checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("service name must not be blank");
    }
    return name;
  }

  // ------------------------------------------------------------------------------------------ resource groups

  @Override
  public List<ResourceGroup> describeResourceGroups() {
    return Lists.numbered(transport, (page, size) -> roa("ListResources", "GET", "api", "v2", "resources")
        .parameter("PageNumber", Integer.toString(page)).parameter("PageSize", Integer.toString(size)).page(page)
        .build(), RESOURCE_PAGE, new Lists.Shape("Resources", "Resource"), AliyunEasApi::resourceGroup);
  }

  static ResourceGroup resourceGroup(JsonNode n) {
    ResourceGroup.Builder b = ResourceGroup.builder().id(WireJson.required(n, "ResourceId"));
    WireJson.text(n, "ResourceName").ifPresent(b::name);
    dlinkOfExtraData(WireJson.embedded(n, "ExtraData")).ifPresent(b::dlink);
    return b.build();
  }

  /** The DLink in a resource's snake_case {@code ExtraData}; empty without a vSwitch and a security group. */
  static Optional<DLink> dlinkOfExtraData(JsonNode extra) {
    Optional<String> vSwitch = WireJson.text(extra, "vswitch_id");
    Optional<String> group = WireJson.text(extra, "security_group_id");
    if (vSwitch.isEmpty() || group.isEmpty()) {
      return Optional.empty();
    }
    DLink.Builder d = DLink.builder().vSwitchId(vSwitch.get()).securityGroupId(group.get());
    WireJson.text(extra, "vpc_id").ifPresent(d::vpcId);
    for (JsonNode aux : WireJson.list(extra.path("aux_vswitch_id_list"))) {
      WireJson.commaList(aux.asText()).forEach(d::addAuxVSwitchId);
    }
    WireJson.commaList(WireJson.text(extra, "destination_cidr").orElse(""))
        .forEach(c -> d.addDestinationCidrs(Cidr.parseNormalizing(c)));
    return Optional.of(d.build());
  }

  @Override
  public Optional<DLink> describeResourceDLink(ResourceGroupId id) {
    ApiRequest r = roa("DescribeResourceDLink", "GET", "api", "v2", "resources", cluster(), id.value(), "dlink")
        .build();
    ApiResponse response = transport.call(r);
    return Lists.one(r, response, "/", response.json(), AliyunEasApi::dlink);
  }

  static Optional<DLink> dlink(JsonNode n) {
    Optional<String> vSwitch = WireJson.text(n, "VSwitchId");
    Optional<String> group = WireJson.text(n, "SecurityGroupId");
    if (vSwitch.isEmpty() || group.isEmpty()) {
      return Optional.empty();
    }
    DLink.Builder d = DLink.builder().vSwitchId(vSwitch.get()).securityGroupId(group.get());
    WireJson.text(n, "VpcId").ifPresent(d::vpcId);
    for (JsonNode aux : WireJson.list(n.path("AuxVSwitchList"))) {
      WireJson.commaList(aux.asText()).forEach(d::addAuxVSwitchId);
    }
    WireJson.commaList(WireJson.text(n, "DestinationCIDRs").orElse(""))
        .forEach(c -> d.addDestinationCidrs(Cidr.parseNormalizing(c)));
    return Optional.of(d.build());
  }

  @Override
  public void updateResourceDLink(ResourceGroupId id, DLink dlink) {
    ObjectNode body = WireJson.object();
    body.put("VSwitchId", dlink.vSwitchId().value());
    body.put("SecurityGroupId", dlink.securityGroupId().value());
    if (!dlink.auxVSwitchIds().isEmpty()) {
      ArrayNode list = body.putArray("VSwitchIdList");
      dlink.auxVSwitchIds().forEach(v -> list.add(v.value()));
    }
    if (!dlink.destinationCidrs().isEmpty()) {
      body.put("DestinationCIDRs", String.join(",", dlink.destinationCidrs().stream().map(Cidr::toString)
          .toList()));
    }
    ApiRequest request = roa("UpdateResourceDLink", "PUT", "api", "v2", "resources", cluster(), id.value(), "dlink")
        .jsonBody(body.toString().getBytes(StandardCharsets.UTF_8)).build();
    writeAndConfirm(request, () -> describeResourceDLink(id).filter(current -> same(current, dlink)).isPresent(),
        false);
  }

  private static boolean same(DLink a, DLink b) {
    return a.vSwitchId().equals(b.vSwitchId()) && a.securityGroupId().equals(b.securityGroupId())
        && new HashSet<VSwitchId>(a.auxVSwitchIds()).equals(new HashSet<>(b.auxVSwitchIds()))
        && new HashSet<>(a.destinationCidrs()).equals(new HashSet<>(b.destinationCidrs()));
  }

  @Override
  public DLinkStatus describeResourceDLinkStatus(ResourceGroupId id) {
    ApiRequest r = roa("DescribeResource", "GET", "api", "v2", "resources", cluster(), id.value()).build();
    ApiResponse response = transport.call(r);
    String status = WireJson.text(response.json(), "Status").orElse("");
    if (describeResourceDLink(id).isEmpty()) {
      return DLinkStatus.NONE;
    }
    return status.equalsIgnoreCase("ResourceReady") ? DLinkStatus.READY : DLinkStatus.UPDATING;
  }

  @Override
  public void deleteResourceDLink(ResourceGroupId id) {
    ApiRequest request = roa("DeleteResourceDLink", "DELETE", "api", "v2", "resources", cluster(), id.value(),
        "dlink").build();
    try {
      writeAndConfirm(request, () -> describeResourceDLink(id).isEmpty(), false);
    } catch (CloudServiceException e) {
      // disabling a connection that is not enabled succeeds; an unknown resource group stays NOT_FOUND
      if (e.kind() == Kind.THROTTLED || e.kind() == Kind.FORBIDDEN || describeResourceDLink(id).isPresent()) {
        throw e;
      }
    }
  }

  // ------------------------------------------------------------------------------------- writes without a token

  /**
   * Sends a write that has no client token. When its answer is lost (I/O error, timeout, server error) the state is
   * read: if {@code acted} says the write took effect, that is success; otherwise the write is sent again, up to
   * the retry policy's attempts. With {@code alreadyExistsAfterLoss}, an {@code ALREADY_EXISTS} answer to a repeat
   * is success when {@code acted} (the lost first attempt created it).
   */
  private void writeAndConfirm(ApiRequest request, BooleanSupplier acted, boolean alreadyExistsAfterLoss) {
    int maxAttempts = transport.options().retryPolicy().maxAttempts();
    boolean lost = false;
    for (int attempt = 1; ; attempt++) {
      RuntimeException failure;
      try {
        transport.call(request, attempt);
        return;
      } catch (CloudServiceException e) {
        if (lost && alreadyExistsAfterLoss && e.kind() == Kind.ALREADY_EXISTS && acted.getAsBoolean()) {
          return;
        }
        if (e.kind() != Kind.SERVER_ERROR) {
          throw e;
        }
        failure = e;
      } catch (ClientException e) {
        // an I/O error or timeout on the wire carries its IOException; one without a cause (an open circuit
        // breaker, the rate limit) sent nothing, so there is nothing to re-read
        boolean onTheWire = e.getCause() instanceof java.io.IOException;
        if (!onTheWire || !(e instanceof io.easnet.core.CloudIoException
            || e instanceof io.easnet.core.CloudTimeoutException)) {
          throw e;
        }
        failure = e;
      }
      lost = true;
      if (acted.getAsBoolean()) {
        return; // the write acted although its answer was lost: sending it again would act twice
      }
      if (attempt >= maxAttempts) {
        throw failure;
      }
      transport.pause(request.qualifiedAction(), transport.backoff(attempt));
    }
  }

  @Override
  public String toString() {
    return "AliyunEasApi{" + cluster() + "}";
  }
}
