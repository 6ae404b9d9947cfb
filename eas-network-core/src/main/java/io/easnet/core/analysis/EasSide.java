package io.easnet.core.analysis;

import io.easnet.core.analysis.Explanation.Missing;
import io.easnet.core.analysis.Explanation.Component;
import io.easnet.core.analysis.PathResult.Verdict;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import io.easnet.core.analysis.Assumption.AssumptionKey;
import io.easnet.core.change.SetServiceNetworking;
import io.easnet.core.change.UpdateDLink;
import io.easnet.core.analysis.internal.IntervalSet;
import io.easnet.core.internal.Suggestions;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.ResourceGroup.DLink;
import io.easnet.core.model.Inventory;
import io.easnet.core.model.ResourceGroup;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.resolve.EffectiveNetwork;
import io.easnet.core.resolve.EffectiveNetwork.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The checks of the EAS side that every path of a service shares: it has a network at all, its vSwitch and security
 * group exist and are in its VPC, the two ends share a VPC, and under a resource group's VPC direct connection the
 * other end is inside the return routes.
 */
final class EasSide {
  private final InventoryIndex index;
  private final Inventory inventory;

  EasSide(InventoryIndex index) {
    this.index = index;
    this.inventory = index.inventory();
  }

  /** The service's VPC: the configured one, or that of its vSwitch when the inventory holds it. */
  Optional<VpcId> vpcOf(EffectiveNetwork service) {
    if (service.vpcId().isPresent()) {
      return service.vpcId();
    }
    return service.vSwitchId().flatMap(inventory::vSwitch).map(VSwitch::vpcId);
  }

  /**
   * The result when the service has no network to analyse: {@link ExplanationCode#VPC_NONE} (unreachable), or
   * {@link ExplanationCode#RESOURCE_GROUP_UNKNOWN} (undetermined) when its resource group is not known; empty when it
   * has one.
   */
  Optional<PathResult> withoutNetwork(Intent intent, String description, EffectiveNetwork service) {
    if (service.provenance() == Provenance.UNKNOWN) {
      Component group = service.resourceGroupId().map(g -> Component.of(Component.Kind.RESOURCE_GROUP, g))
          .orElse(Component.service(service.serviceName()));
      Assumption a = Assumption.of(AssumptionKey.RESOURCE_GROUP_UNKNOWN, "resource group " + group.id()
          + " is not in the inventory; whether it has a VPC direct connection, and which, is unknown");
      Explanation e = Explanation.builder().code(ExplanationCode.RESOURCE_GROUP_UNKNOWN).component(group)
          .expected("the network of service " + service.serviceName() + " is known: its cloud.networking block, or"
              + " the VPC direct connection of resource group " + group.id())
          .actual("the service sets no cloud.networking block and resource group " + group.id()
              + " is not in the inventory")
          .missing(new Missing.FactUnknown(group, AssumptionKey.RESOURCE_GROUP_UNKNOWN))
          .advice("add resource group " + group.id() + " (with its VPC direct connection) to the snapshot, or fix"
              + " metadata.resource")
          .didYouMean(Suggestions.nearestId(group.id(), inventory.resourceGroups().stream()
              .map(g -> g.id().value()).toList()))
          .build();
      return Optional.of(PathRecorder.withoutPaths(intent, description, service, Verdict.UNDETERMINED, e, List.of(a)));
    }
    if (service.hasVpc() && service.vSwitchId().isPresent()) {
      return Optional.empty();
    }
    Explanation e = Explanation.builder().code(ExplanationCode.VPC_NONE)
        .component(Component.service(service.serviceName()))
        .expected("the service is connected to a VPC (cloud.networking or the resource group's VPC direct connection)")
        .actual("service " + service.serviceName() + " has no VPC configuration")
        .missing(new Missing.ResourceAbsent(Component.Kind.VPC))
        .advice("set cloud.networking {vpc_id, vswitch_id, security_group_id} in the service JSON, or configure the"
            + " resource group's VPC direct connection")
        .build();
    return Optional.of(PathRecorder.withoutPaths(intent, description, service, Verdict.UNREACHABLE, e, List.of()));
  }

  /**
   * The blockers of the service's own network, which every path of it shares: the vSwitch found and in the VPC, the
   * security group configured, found and in the VPC. Empty when the service has no network or it is sound.
   */
  List<Explanation> networkBlockers(EffectiveNetwork service) {
    if (!service.hasVpc() || service.vSwitchId().isEmpty()) {
      return List.of();
    }
    VSwitchId id = service.vSwitchId().get();
    PathRecorder rec = new PathRecorder(id);
    vSwitch(rec, service, id);
    group(rec, service);
    return rec.build().explanations().stream().distinct().toList();
  }

  Optional<VSwitch> vSwitch(PathRecorder rec, EffectiveNetwork service, VSwitchId id) {
    Optional<VSwitch> vsw = inventory.vSwitch(id);
    Optional<VpcId> vpc = vpcOf(service);
    String label = "EAS vSwitch " + id;
    Component c = Component.of(Component.Kind.VSWITCH, id);
    if (vsw.isEmpty()) {
      Explanation.Builder e = Explanation.builder().code(ExplanationCode.VSWITCH_NOT_FOUND).component(c)
          .expected("vSwitch " + id + " exists" + vpc.map(v -> " in " + v).orElse(""))
          .actual("vSwitch " + id + " is not in the inventory")
          .missing(new Missing.ResourceAbsent(Component.Kind.VSWITCH))
          .advice("use the id of an existing vSwitch of " + vpc.map(Object::toString).orElse("the service's VPC")
              + ", or refresh the snapshot"
              + (id.isPlaceholder() ? " (the configured id is a documentation placeholder)" : ""));
      Suggestions.nearestId(id.value(), index.vSwitchIds()).ifPresent(e::didYouMean);
      rec.block(label, id.value(), "not found", e.build());
      return vsw;
    }
    if (vpc.isPresent() && !vsw.get().vpcId().equals(vpc.get())) {
      Explanation.Builder e = Explanation.builder().code(ExplanationCode.VSWITCH_NOT_IN_VPC).component(c)
          .expected("vSwitch " + id + " belongs to " + vpc.get())
          .actual("vSwitch " + id + " is in VPC " + vsw.get().vpcId() + ", not in the configured VPC " + vpc.get());
      List<String> inVpc = inventory.vSwitchesIn(vpc.get()).stream().map(v -> v.id().value()).sorted().toList();
      if (inVpc.size() == 1) {
        e.didYouMean(inVpc.get(0));
      }
      Optional<SecurityGroup> group = service.securityGroupId().flatMap(inventory::securityGroup);
      if (service.provenance() == Provenance.SERVICE && group.isPresent()
          && group.get().vpcId().equals(vsw.get().vpcId())) {
        e.remedy(new SetServiceNetworking(service.serviceName(),
            ServiceNetworking.of(vsw.get().vpcId(), id, group.get().id())));
      } else {
        e.advice(inVpc.isEmpty() ? "create a vSwitch in " + vpc.get() + ", or set vpc_id to " + vsw.get().vpcId()
            : "use a vSwitch of " + vpc.get() + " (" + String.join(", ", inVpc) + "), or set vpc_id to "
                + vsw.get().vpcId());
      }
      rec.block(label, id.value(), "in " + vsw.get().vpcId() + ", not " + vpc.get(), e.build());
      return vsw;
    }
    rec.pass(label, id.value(), vsw.get().cidrBlock().toString());
    return vsw;
  }

  Optional<SecurityGroupId> group(PathRecorder rec, EffectiveNetwork service) {
    Optional<VpcId> vpc = vpcOf(service);
    if (service.securityGroupId().isEmpty()) {
      rec.block("EAS security group", service.serviceName(), "none configured",
          Explanation.builder().code(ExplanationCode.SECURITY_GROUP_NOT_FOUND)
              .component(Component.service(service.serviceName()))
              .expected("the service's network names a security group").actual("no security group is configured")
              .missing(new Missing.ResourceAbsent(Component.Kind.SECURITY_GROUP))
              .advice("set security_group_id to a security group of " + vpc.map(Object::toString).orElse("the VPC"))
              .build());
      return Optional.empty();
    }
    SecurityGroupId id = service.securityGroupId().get();
    Component c = Component.of(Component.Kind.SECURITY_GROUP, id);
    Optional<SecurityGroup> g = inventory.securityGroup(id);
    if (g.isEmpty()) {
      Explanation.Builder e = Explanation.builder().code(ExplanationCode.SECURITY_GROUP_NOT_FOUND).component(c)
          .expected("security group " + id + " exists" + vpc.map(v -> " in " + v).orElse(""))
          .actual("security group " + id + " is not in the inventory")
          .missing(new Missing.ResourceAbsent(Component.Kind.SECURITY_GROUP))
          .advice("use the id of an existing security group of "
              + vpc.map(Object::toString).orElse("the service's VPC") + ", or refresh the snapshot"
              + (id.isPlaceholder() ? " (the configured id is a documentation placeholder)" : ""));
      Suggestions.nearestId(id.value(), index.securityGroupIds()).ifPresent(e::didYouMean);
      rec.block("EAS security group " + id, id.value(), "not found", e.build());
      return Optional.empty();
    }
    if (vpc.isPresent() && !g.get().vpcId().equals(vpc.get())) {
      List<String> inVpc = index.securityGroupsIn(vpc.get());
      Explanation.Builder e = Explanation.builder().code(ExplanationCode.SECURITY_GROUP_NOT_IN_VPC).component(c)
          .expected("security group " + id + " belongs to " + vpc.get())
          .actual("security group " + id + " is in VPC " + g.get().vpcId() + ", not in the configured VPC "
              + vpc.get() + "; EAS cannot attach it to the instances' network interfaces")
          .advice(inVpc.isEmpty() ? "create a security group in " + vpc.get()
              : "use a security group of " + vpc.get() + " (" + String.join(", ", inVpc) + ")");
      if (inVpc.size() == 1) {
        e.didYouMean(inVpc.get(0));
      }
      rec.block("EAS security group " + id, id.value(), "in " + g.get().vpcId(), e.build());
    } else {
      rec.pass("EAS security group " + id, id.value(), g.get().type().name().toLowerCase(Locale.ROOT));
    }
    return Optional.of(id);
  }

  void sameVpc(PathRecorder rec, EffectiveNetwork service, Optional<VpcId> otherVpc, Component other, String label) {
    Optional<VpcId> vpc = vpcOf(service);
    if (vpc.isEmpty() || otherVpc.isEmpty()) {
      Component about = vpc.isEmpty() ? Component.service(service.serviceName()) : other;
      rec.unknown("VPC", vpc.map(Object::toString).orElse("VPC"), "VPC of " + label + " unknown",
          Explanation.builder().code(ExplanationCode.TARGET_ADDRESS_UNKNOWN).component(about)
              .expected("the VPCs of service " + service.serviceName() + " and " + label + " are known")
              .actual("the VPC of " + (vpc.isEmpty() ? "the service" : label) + " is unknown")
              .missing(new Missing.FactUnknown(about, AssumptionKey.VPC_UNKNOWN))
              .advice("add the VPC (or vSwitch) of " + (vpc.isEmpty() ? "the service" : label) + " to the snapshot")
              .build());
      rec.assume(AssumptionKey.VPC_UNKNOWN, "the VPC of " + (vpc.isEmpty() ? "the service" : label)
          + " is unknown, so whether both ends share a VPC cannot be checked");
      return;
    }
    if (vpc.get().equals(otherVpc.get())) {
      rec.pass("VPC " + vpc.get(), vpc.get().value(), null);
      return;
    }
    rec.block("VPC " + vpc.get(), vpc.get().value(), label + " is in " + otherVpc.get(),
        Explanation.builder().code(ExplanationCode.VPC_MISMATCH).component(other)
            .expected(label + " is in the service's VPC " + vpc.get())
            .actual(label + " is in " + otherVpc.get())
            .advice("deploy the service in " + otherVpc.get() + " (cloud.networking), or connect " + vpc.get()
                + " and " + otherVpc.get() + " with a VPC peering connection or Cloud Enterprise Network")
            .build());
    rec.assume(AssumptionKey.NO_PEERING_EVIDENCE, "VPCs " + vpc.get() + " and " + otherVpc.get()
        + " differ and the inventory holds no peering or CEN evidence; a peering connection or CEN could make"
        + " the path reachable");
  }

  /**
   * Under a resource group's VPC direct connection, checks that {@code address} is inside the return routes: the
   * primary vSwitch, the listed client vSwitches and the destination CIDRs. Nothing for other provenances.
   *
   * @param clientSide true when {@code address} is a client's (the replies must reach it), false for a destination
   *     the instances send to
   * @param addressVSwitch the vSwitch {@code address} is in, when known: the remedy lists it
   */
  void returnRoute(PathRecorder rec, EffectiveNetwork service, Optional<VSwitch> primary, Cidr address,
      Component other, String label, boolean clientSide, Optional<VSwitchId> addressVSwitch) {
    if (service.provenance() == Provenance.SERVICE && clientSide) {
      serviceReturnRoute(rec, service, primary, address, label, addressVSwitch);
      return;
    }
    if (service.provenance() != Provenance.RESOURCE_GROUP) {
      return;
    }
    String groupText = service.resourceGroupId().map(Object::toString).orElse("the resource group");
    String hop = "return route of " + groupText;
    List<Cidr> known = new ArrayList<>();
    primary.ifPresent(v -> known.add(v.cidrBlock()));
    List<VSwitchId> unknown = new ArrayList<>();
    for (VSwitchId id : service.returnRouteVSwitchIds()) {
      inventory.vSwitch(id).ifPresentOrElse(v -> known.add(v.cidrBlock()), () -> unknown.add(id));
    }
    known.addAll(service.destinationCidrs());
    IntervalSet rest = IntervalSet.of(address);
    known.forEach(rest::subtract);
    if (rest.isEmpty()) {
      rec.pass(hop, groupText, "covers " + address);
      return;
    }
    Component group = service.resourceGroupId().map(g -> Component.of(Component.Kind.RESOURCE_GROUP, g))
        .orElse(Component.service(service.serviceName()));
    String expected = (clientSide ? "the client address " : "the destination ") + address + " of " + label
        + " is inside the return routes of " + groupText + " (primary vSwitch, VSwitchIdList, DestinationCIDRs)";
    if (primary.isPresent() && !unknown.isEmpty()) {
      rec.unknown(hop, groupText, "client vSwitches " + unknown + " unknown",
          Explanation.builder().code(ExplanationCode.DLINK_ROUTE_VSWITCH_NOT_FOUND).component(group)
              .expected(expected).actual("the return-route vSwitches " + unknown + " are not in the inventory")
              .missing(new Missing.FactUnknown(group, AssumptionKey.RETURN_ROUTE_VSWITCH_UNKNOWN))
              .advice("add " + unknown + " to the snapshot").build());
      rec.assume(AssumptionKey.RETURN_ROUTE_VSWITCH_UNKNOWN, "the return-route vSwitches " + unknown + " of "
          + groupText + " are not in the inventory; whether they cover " + address + " is unknown");
      return;
    }
    if (primary.isEmpty()) {
      rec.skipped(hop, groupText, "primary vSwitch unknown");
      return;
    }
    Explanation.Builder e = Explanation.builder()
        .code(clientSide ? ExplanationCode.DLINK_CLIENT_OUTSIDE_RETURN_ROUTES
            : ExplanationCode.DLINK_DESTINATION_OUTSIDE_RETURN_ROUTES)
        .component(group).expected(expected)
        .actual(address + " is outside " + known.stream().map(Object::toString).toList()
            + (clientSide ? ": replies to it do not return through the direct connection"
                : ": traffic to it does not leave through the instances' network interfaces"))
        .missing(new Missing.AddressesNotAdmitted(List.of(address)));
    Optional<DLink> dlink = service.resourceGroupId().flatMap(inventory::resourceGroup).flatMap(ResourceGroup::dlink);
    if (dlink.isPresent() && addressVSwitch.isPresent() && address.isIpv4()) {
      e.remedy(new UpdateDLink(service.resourceGroupId().get(),
          dlink.get().toBuilder().addAuxVSwitchId(addressVSwitch.get()).build()));
    } else if (dlink.isPresent() && !clientSide && address.isIpv4() && !address.isAny()
        && !PublicIpv4.isPublic(address)) {
      e.remedy(new UpdateDLink(service.resourceGroupId().get(),
          dlink.get().toBuilder().addDestinationCidr(address).build()));
    } else if (!clientSide && vpcOf(service).isPresent() && service.securityGroupId().isPresent()) {
      e.remedy(new SetServiceNetworking(service.serviceName(), ServiceNetworking.of(vpcOf(service).get(),
          primary.get().id(), service.securityGroupId().get())));
    } else {
      e.advice((clientSide ? "add the client's vSwitch to VSwitchIdList" : "add the destination to DestinationCIDRs")
          + " of the VPC direct connection of " + groupText + " (UpdateResourceDLink)");
    }
    rec.block(hop, groupText, "does not cover " + address, e.build());
    rec.assume(AssumptionKey.DLINK_RETURN_ROUTE_INFERRED, "under the VPC direct connection of " + groupText
        + ", the instances' network interfaces carry only traffic whose peer is inside the return routes (primary"
        + " vSwitch, VSwitchIdList, DestinationCIDRs); inferred from the documented return-route behaviour of"
        + " UpdateResourceDLink");
  }

  /**
   * Under a service-level VPC block that sets {@code destination_cidrs}, checks that a direct client's address is
   * inside the return routes: the service's vSwitch and {@code destination_cidrs}, or anywhere when
   * {@code default_route} is {@code "eth1"}. Nothing when the block sets neither key (docs/semantics.md, "The inbound
   * side of the service JSON").
   */
  private void serviceReturnRoute(PathRecorder rec, EffectiveNetwork service, Optional<VSwitch> primary,
      Cidr address, String label, Optional<VSwitchId> addressVSwitch) {
    boolean viaVpc = service.defaultRoute().map(ServiceNetworking.VPC_DEFAULT_ROUTE::equals).orElse(false);
    if (service.destinationCidrs().isEmpty() && !viaVpc) {
      return;
    }
    String owner = "cloud.networking of " + service.serviceName();
    String hop = "return route of service " + service.serviceName();
    String assumption = "the service-level destination_cidrs of " + service.serviceName() + " are taken to be the"
        + " return route of its instances' network interfaces, as a VPC direct connection's DestinationCIDRs are"
        + " documented to be, and default_route eth1 to send every reply through the VPC";
    if (viaVpc) {
      rec.pass(hop, owner, "default_route eth1 covers " + address);
      rec.assume(AssumptionKey.SERVICE_RETURN_ROUTE_INFERRED, assumption);
      return;
    }
    if (primary.isEmpty()) {
      rec.skipped(hop, owner, "vSwitch block unknown");
      return;
    }
    List<Cidr> routes = new ArrayList<>();
    routes.add(primary.get().cidrBlock());
    routes.addAll(service.destinationCidrs());
    IntervalSet rest = IntervalSet.of(address);
    routes.forEach(rest::subtract);
    rec.assume(AssumptionKey.SERVICE_RETURN_ROUTE_INFERRED, assumption);
    if (rest.isEmpty()) {
      rec.pass(hop, owner, "covers " + address);
      return;
    }
    Cidr add = addressVSwitch.flatMap(inventory::vSwitch).map(VSwitch::cidrBlock).orElse(address);
    rec.block(hop, owner, "does not cover " + address, Explanation.builder()
        .code(ExplanationCode.SERVICE_CLIENT_OUTSIDE_DESTINATION_CIDRS)
        .component(Component.service(service.serviceName()))
        .expected("the client address " + address + " of " + label + " is inside the return routes of service "
            + service.serviceName() + " (its vSwitch and cloud.networking.destination_cidrs)")
        .actual(address + " is outside " + routes.stream().map(Object::toString).toList()
            + ": replies to it do not return through the direct connection")
        .missing(new Missing.AddressesNotAdmitted(List.of(address)))
        .advice("add " + add + " to cloud.networking.destination_cidrs of service " + service.serviceName()
            + " (a comma-separated string), or set default_route to eth1")
        .build());
  }
}
