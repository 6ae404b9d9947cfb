package io.easnet.testkit;

import static io.easnet.testkit.WireOperations.serve;
import static io.easnet.testkit.WireOperations.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.spi.CloudActions;
import io.easnet.core.spi.EasApi.DLinkStatus;
import io.easnet.core.spi.EasApi.ServiceStatus;
import io.easnet.core.spi.EasApi.UpdateType;
import io.easnet.testkit.internal.wire.AlibabaError;
import io.easnet.testkit.internal.wire.Call;
import io.easnet.testkit.internal.wire.Operation;
import io.easnet.testkit.internal.wire.Pagination;
import io.easnet.testkit.internal.wire.Params;
import io.easnet.testkit.internal.wire.Reply;
import io.easnet.testkit.internal.wire.Responses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The EAS 2021-07-01 ROA operations ({@code docs/wire.md} §2): services (the configuration answered as the
 * {@code ServiceConfig} JSON string) and the VPC direct connection of resource groups. The {@code ClusterId} path
 * segment is the region; the fake keeps one estate, so any region names it.
 */
final class EasOperations {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EasOperations() {}

  static void register(FakeCloud cloud, Map<String, Operation> out) {
    out.put("eas:DescribeService", call -> describeService(cloud, call));
    out.put("eas:CreateService", call -> createService(cloud, call));
    out.put("eas:UpdateService", call -> updateService(cloud, call));
    out.put("eas:ListServices", call -> listServices(cloud, call));
    out.put("eas:ListResources", call -> listResources(cloud, call));
    out.put("eas:DescribeResource", call -> describeResource(cloud, call));
    out.put("eas:DescribeResourceDLink", call -> describeDLink(cloud, call));
    out.put("eas:UpdateResourceDLink", call -> updateDLink(cloud, call));
    out.put("eas:DeleteResourceDLink", call -> deleteDLink(cloud, call));
  }

  /** A service's id: the fake keeps none, so one is derived from its name, stably. */
  static String serviceId(String name) {
    return "eas-m-" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "")
        .substring(0, 12);
  }

  private static void endpoints(ObjectNode o, String name, String region) {
    o.put("InternetEndpoint", "http://1234567890." + region + ".pai-eas.aliyuncs.com/api/predict/" + name)
        .put("IntranetEndpoint", "http://1234567890.vpc." + region + ".pai-eas.aliyuncs.com/api/predict/" + name);
  }

  private static String region(Call call, CloudState st) {
    String cluster = call.pathParameters().getOrDefault("ClusterId", "");
    return cluster.isEmpty() ? st.regionId().orElse(WireOperations.DEFAULT_REGION) : cluster;
  }

  private static Reply describeService(FakeCloud cloud, Call call) {
    String name = call.pathParameter("ServiceName");
    return serve(cloud, CloudActions.DESCRIBE_SERVICE, 1, st -> {
      String config = st.services.describe(name);
      ServiceStatus status = st.services.status(name);
      JsonNode parsed = tree(config);
      ObjectNode body = Call.newBody().put("ServiceName", name).put("ServiceId", serviceId(name))
          .put("Region", region(call, st)).put("Status", status.status())
          .put("RunningInstance", status.runningInstances()).put("TotalInstance", status.totalInstances())
          .put("PendingInstance", status.totalInstances() - status.runningInstances())
          .put("Message", text(status.message())).put("Reason", status.status().toUpperCase(Locale.ROOT))
          .put("ServiceConfig", config).put("Resource", parsed.path("metadata").path("resource").asText(""))
          .put("Cpu", parsed.path("metadata").path("cpu").asInt(0))
          .put("Memory", parsed.path("metadata").path("memory").asInt(0))
          .put("Gpu", parsed.path("metadata").path("gpu").asInt(0))
          .put("Image", parsed.path("containers").path(0).path("image").asText(""))
          .put("CreateTime", "").put("UpdateTime", "");
      endpoints(body, name, region(call, st));
      return body;
    });
  }

  /** {@code ListServices}: {@code Services} is a plain array of {@code Service} objects with their ServiceConfig. */
  private static Reply listServices(FakeCloud cloud, Call call) {
    Optional<String> only = Params.optional(call, "ServiceName");
    Pagination.Request page = Pagination.request(call);
    return serve(cloud, CloudActions.LIST_SERVICES, page.number(), st -> {
      List<String> names = st.services.names().stream().filter(n -> only.isEmpty() || only.get().equals(n)).toList();
      Pagination.Page<String> p = page.slice(names);
      ObjectNode body = Call.newBody();
      ArrayNode out = body.putArray("Services");
      for (String name : p.items()) {
        ServiceStatus status = st.services.status(name);
        ObjectNode o = out.addObject().put("ServiceName", name).put("ServiceId", serviceId(name))
            .put("Region", region(call, st)).put("Status", status.status())
            .put("RunningInstance", status.runningInstances()).put("TotalInstance", status.totalInstances())
            .put("ServiceConfig", st.services.describe(name));
        endpoints(o, name, region(call, st));
      }
      p.writeTo(body);
      return body;
    });
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("the fake stores valid service JSON", e);
    }
  }

  private static Reply createService(FakeCloud cloud, Call call) {
    String json = call.bodyText();
    return serve(cloud, CloudActions.CREATE_SERVICE, 1, st -> {
      String name = st.services.create(json, false);
      ObjectNode body = Call.newBody().put("ServiceId", serviceId(name)).put("ServiceName", name)
          .put("Region", region(call, st)).put("Status", "Creating");
      endpoints(body, name, region(call, st));
      return body;
    });
  }

  private static Reply updateService(FakeCloud cloud, Call call) {
    String name = call.pathParameter("ServiceName");
    String typeText = call.parameter("UpdateType");
    UpdateType type;
    if (typeText.isEmpty() || typeText.equalsIgnoreCase("merge")) {
      type = UpdateType.MERGE;
    } else if (typeText.equalsIgnoreCase("replace")) {
      type = UpdateType.REPLACE;
    } else {
      throw AlibabaError.invalidParameter("The specified parameter \"UpdateType\" is not valid: \"" + typeText
          + "\"; send merge (the default) or replace.");
    }
    String json = call.bodyText();
    return serve(cloud, CloudActions.UPDATE_SERVICE, 1, st -> {
      st.services.update(name, json, type);
      return Call.newBody().put("Message", "Succeed");
    });
  }

  /** {@code Status} of a resource group: ready, or updating while its DLink's interfaces change (UNCERTAIN). */
  private static String status(DLinkStatus s) {
    return s == DLinkStatus.UPDATING ? "ResourceUpdating" : "ResourceReady";
  }

  /** The DLink as {@code ExtraData} holds it ({@code docs/wire.md} §2.5); {} without one. */
  private static ObjectNode extraData(ResourceGroup g) {
    ObjectNode o = Call.newBody();
    g.dlink().ifPresent(d -> {
      o.put("vpc_id", text(d.vpcId())).put("vswitch_id", d.vSwitchId().value());
      ArrayNode aux = o.putArray("aux_vswitch_id_list");
      d.auxVSwitchIds().forEach(v -> aux.add(v.value()));
      o.put("security_group_id", d.securityGroupId().value())
          .put("destination_cidr", String.join(",", d.destinationCidrs().stream().map(Cidr::toString).toList()));
    });
    return o;
  }

  private static ObjectNode resource(ObjectNode o, ResourceGroup g, DLinkStatus s, String region) {
    return o.put("ResourceId", g.id().value()).put("ResourceName", text(g.name())).put("ClusterId", region)
        .put("ResourceType", "Dedicated").put("Status", status(s))
        .put("Message", s == DLinkStatus.UPDATING ? "Network interfaces are updating" : "Resource is ready")
        .put("CreateTime", "").put("UpdateTime", "").put("InstanceCount", 0).put("CpuCount", 0)
        .put("GpuCount", 0).put("Memory", 0).put("UsageMode", "inference");
  }

  private static Reply listResources(FakeCloud cloud, Call call) {
    Optional<String> id = Params.optional(call, "ResourceId");
    Optional<String> name = Params.optional(call, "ResourceName");
    Pagination.Request page = Pagination.request(call);
    return serve(cloud, CloudActions.LIST_RESOURCES, page.number(), st -> {
      List<ResourceGroup> matching = st.dlinks.all().stream().filter(g -> (id.isEmpty()
          || g.id().value().equals(id.get())) && (name.isEmpty() || g.name().equals(name))).toList();
      Pagination.Page<ResourceGroup> p = page.slice(matching);
      ObjectNode body = Call.newBody();
      ArrayNode out = body.putArray("Resources");
      for (ResourceGroup g : p.items()) {
        ObjectNode o = resource(out.addObject(), g, st.dlinks.status(g.id()), region(call, st));
        o.put("ServiceCount", 0).put("Vendor", "ECS").set("ExtraData", extraData(g));
      }
      p.writeTo(body);
      return body;
    });
  }

  private static ResourceGroupId resourceId(Call call) {
    return Params.parse("ResourceId", call.pathParameter("ResourceId"), ResourceGroupId::of);
  }

  private static Reply describeResource(FakeCloud cloud, Call call) {
    ResourceGroupId id = resourceId(call);
    return serve(cloud, CloudActions.DESCRIBE_RESOURCE, 1, st -> {
      ResourceGroup g = st.dlinks.resourceGroup(id);
      ObjectNode body = resource(Call.newBody(), g, st.dlinks.status(id), region(call, st));
      // DescribeResource answers ExtraData as a JSON string (ListResources as an object)
      return body.put("ServiceCount", "0").put("ExtraData", Responses.write(extraData(g)));
    });
  }

  private static Reply describeDLink(FakeCloud cloud, Call call) {
    ResourceGroupId id = resourceId(call);
    return serve(cloud, CloudActions.DESCRIBE_RESOURCE_DLINK, 1, st -> {
      Optional<DLink> dlink = st.dlinks.resourceGroup(id).dlink();
      ObjectNode body = Call.newBody().put("VpcId", dlink.flatMap(DLink::vpcId).map(Object::toString).orElse(""))
          .put("VSwitchId", dlink.map(d -> d.vSwitchId().value()).orElse(""))
          .put("SecurityGroupId", dlink.map(d -> d.securityGroupId().value()).orElse(""));
      ArrayNode aux = body.putArray("AuxVSwitchList");
      dlink.ifPresent(d -> d.auxVSwitchIds().forEach(v -> aux.add(v.value())));
      body.put("DestinationCIDRs", dlink.map(d -> String.join(",", d.destinationCidrs().stream()
          .map(Cidr::toString).toList())).orElse(""));
      return body;
    });
  }

  private static Reply updateDLink(FakeCloud cloud, Call call) {
    ResourceGroupId id = resourceId(call);
    JsonNode body = call.jsonBody();
    DLink.Builder b = DLink.builder()
        .vSwitchId(Params.parse("VSwitchId", body.path("VSwitchId").asText(), VSwitchId::of))
        .securityGroupId(Params.parse("SecurityGroupId", body.path("SecurityGroupId").asText(), SecurityGroupId::of));
    JsonNode list = body.path("VSwitchIdList");
    List<String> aux = new ArrayList<>();
    if (list.isArray()) {
      list.forEach(n -> aux.add(n.asText()));
    } else if (list.isTextual()) {
      aux.addAll(List.of(list.asText().split(",")));
    } else if (!list.isMissingNode() && !list.isNull()) {
      throw AlibabaError.invalidParameter("The specified parameter \"VSwitchIdList\" is not valid: send a JSON array"
          + " of vSwitch ids, was " + list + ".");
    }
    aux.stream().map(String::trim).filter(s -> !s.isEmpty())
        .forEach(v -> b.addAuxVSwitchIds(Params.parse("VSwitchIdList", v, VSwitchId::of)));
    JsonNode cidrs = body.path("DestinationCIDRs");
    if (cidrs.isTextual()) {
      for (String c : cidrs.asText().split(",")) {
        if (!c.isBlank()) {
          b.addDestinationCidrs(Params.parse("DestinationCIDRs", c, Cidr::parse));
        }
      }
    } else if (!cidrs.isMissingNode() && !cidrs.isNull()) {
      throw AlibabaError.invalidParameter("The specified parameter \"DestinationCIDRs\" is not valid: send a comma"
          + " list of CIDR blocks as a string, was " + cidrs + ".");
    }
    DLink dlink = WireOperations.built("UpdateResourceDLink", b::build);
    return serve(cloud, CloudActions.UPDATE_RESOURCE_DLINK, 1, st -> {
      st.dlinks.update(id, dlink, false);
      return Call.newBody().put("Message", "Network interfaces are updating");
    });
  }

  private static Reply deleteDLink(FakeCloud cloud, Call call) {
    ResourceGroupId id = resourceId(call);
    return serve(cloud, CloudActions.DELETE_RESOURCE_DLINK, 1, st -> {
      st.dlinks.delete(id);
      return Call.newBody().put("Message", "The VPC direct connection of " + id + " is being disabled");
    });
  }
}
