package io.easnet.core.analysis;

import io.easnet.core.analysis.Explanation.Missing;
import io.easnet.core.analysis.Explanation.Component;
import io.easnet.core.analysis.PathResult.VSwitchPath;
import io.easnet.core.analysis.Explanation.ExplanationCode;
import io.easnet.core.analysis.Assumption.AssumptionKey;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.SecurityGroupRule.Direction;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.VSwitch;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.resolve.EffectiveNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An ECS client to the EAS instances: the checks behind {@link PathAnalyzer#clientToService}. */
final class ClientPath {
  private final InventoryIndex index;
  private final EasSide side;

  ClientPath(InventoryIndex index, EasSide side) {
    this.index = index;
    this.side = side;
  }

  PathResult analyse(EcsInstanceId client, EffectiveNetwork service, int servicePort) {
    Intent intent = Intent.client(client);
    String description = "ECS " + client + " → EAS " + service.serviceName() + ":" + servicePort;
    Optional<PathResult> none = side.withoutNetwork(intent, description, service);
    if (none.isPresent()) {
      return none.get();
    }
    Optional<EcsInstance> ecs = index.inventory().ecsInstance(client);
    List<VSwitchPath> paths = new ArrayList<>();
    service.vSwitchId().ifPresent(id -> paths.add(path(client, ecs, service, id, servicePort)));
    return PathRecorder.result(intent, description, service, paths);
  }

  private VSwitchPath path(EcsInstanceId client, Optional<EcsInstance> ecs, EffectiveNetwork service, VSwitchId id,
      int port) {
    PathRecorder rec = new PathRecorder(id);
    Component clientComponent = Component.of(Component.Kind.ECS_INSTANCE, client);
    if (ecs.isEmpty()) {
      rec.unknown("ECS client " + client, client.value(), "not in the inventory",
          Explanation.builder().code(ExplanationCode.CLIENT_NOT_FOUND).component(clientComponent)
              .expected("ECS instance " + client + " is in the inventory").actual("it is not in the inventory")
              .missing(new Missing.FactUnknown(clientComponent, AssumptionKey.CLIENT_UNKNOWN))
              .advice("check the instance id, or add the instance to the snapshot").build());
      rec.assume(AssumptionKey.CLIENT_UNKNOWN, "ECS instance " + client
          + " is not in the inventory; its VPC, address and groups are unknown");
    } else {
      rec.pass("ECS client " + client, client.value(), ecs.get().privateIps().get(0).toString());
    }
    Optional<VSwitch> vsw = side.vSwitch(rec, service, id);
    Optional<SecurityGroupId> easSg = side.group(rec, service);
    if (ecs.isPresent()) {
      EcsInstance c = ecs.get();
      Cidr address = c.privateIps().get(0).asCidr();
      side.sameVpc(rec, service, Optional.of(c.vpcId()), clientComponent, "ECS " + client);
      side.returnRoute(rec, service, vsw, address, clientComponent, "ECS " + client, true,
          Optional.of(c.vSwitchId()));
      List<SecurityGroupId> clientGroups = c.securityGroupIds();
      String cg = clientGroups.isEmpty() ? "(none)" : PrivatePath.joined(clientGroups);
      Component clientGroup = clientGroups.isEmpty() ? clientComponent
          : Component.of(Component.Kind.SECURITY_GROUP, clientGroups.get(0));
      if (vsw.isPresent()) {
        Cidr block = vsw.get().cidrBlock();
        List<SecurityGroupId> peers = easSg.map(List::of).orElse(List.of());
        SecurityGroupVerdict out = index.evaluator().evaluate(clientGroups, Direction.EGRESS, Protocol.TCP, block,
            peers, port);
        SecurityGroupHop.Flow flow = new SecurityGroupHop.Flow(Direction.EGRESS, Protocol.TCP, port, block, peers);
        SecurityGroupHop.record(rec, "security group " + cg + " (egress)", clientGroup, out,
            ExplanationCode.SG_EGRESS_DENIES, "outbound tcp " + port + " to the EAS vSwitch block " + block, flow,
            clientGroups.stream().findFirst(), index.rulePeer(clientGroups.stream().findFirst(), easSg));
      } else {
        rec.skipped("security group " + cg + " (egress)", cg, "EAS vSwitch block unknown");
      }
      if (easSg.isPresent()) {
        SecurityGroupVerdict in = index.evaluator().evaluate(List.of(easSg.get()), Direction.INGRESS, Protocol.TCP,
            address, clientGroups, port);
        SecurityGroupHop.Flow flow = new SecurityGroupHop.Flow(Direction.INGRESS, Protocol.TCP, port, address,
            clientGroups);
        SecurityGroupHop.record(rec, "security group " + easSg.get() + " (ingress)",
            Component.of(Component.Kind.SECURITY_GROUP, easSg.get()), in, ExplanationCode.SG_INGRESS_DENIES,
            "inbound tcp " + port + " from " + c.privateIps().get(0)
                + (clientGroups.isEmpty() ? "" : " or group " + clientGroups.get(0)),
            flow, easSg, index.rulePeer(easSg, clientGroups.stream().findFirst()));
      }
    }
    rec.pass("EAS service " + service.serviceName() + ":" + port, service.serviceName(), null);
    return rec.build();
  }
}
