package io.easnet.core.analysis;

import io.easnet.core.internal.ChangeSentences;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.DLink;
import io.easnet.core.model.SecurityGroupRule.Direction;
import io.easnet.core.model.ResourceId.EipAllocationId;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.ResourceId.NatGatewayId;
import io.easnet.core.model.SecurityGroupRule.Policy;
import io.easnet.core.model.ResourceId.ResourceGroupId;
import io.easnet.core.model.ResourceId.RouteTableId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.ServiceSpec.ServiceNetworking;
import io.easnet.core.model.ResourceId.SnatTableId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A change that removes a blocker, as data: what a planner turns into cloud calls. The prose fix of an
 * {@link Explanation} is rendered from it ({@link #describe()}), never written beside it.
 *
 * <pre>{@code
 * Remedy remedy = explanation.remedy().orElseThrow();
 * if (remedy instanceof Remedy.AuthorizeSecurityGroupRule r) {
 *   authorize(r.securityGroupId(), r.rule());
 * } else if (remedy instanceof Remedy.AppendAllowlistEntries r) {
 *   append(r.instance(), r.groupName(), r.entries());
 * }
 * }</pre>
 *
 * <p>Changes that cost money ({@link CreateNatGateway}, {@link BindEip} with {@link Eip.Allocate}) say so in
 * {@link #billed()}; a planner plans them only when the user allows it.
 */
public sealed interface Remedy {
  /** The change as one sentence, naming the API call. */
  String describe();

  /** The component the change is made on. */
  Component component();

  /** True when the change creates a billed resource (a NAT gateway, an EIP). */
  default boolean billed() {
    return false;
  }

  /** The NAT gateway a change refers to: one that exists, or the one a {@link CreateNatGateway} creates. */
  sealed interface Gateway {
    /** e.g. {@code ngw-1} or {@code the new internet NAT gateway of vpc-1}. */
    String describe();
  }

  /** An existing NAT gateway with its SNAT tables (possibly none known). */
  record ExistingGateway(NatGatewayId natGatewayId, List<SnatTableId> snatTableIds) implements Gateway {
    /** Checks the arguments and copies the list. */
    public ExistingGateway {
      Objects.requireNonNull(natGatewayId, "natGatewayId");
      snatTableIds = List.copyOf(snatTableIds);
    }

    @Override
    public String describe() {
      return natGatewayId.value();
    }
  }

  /** The internet NAT gateway that a {@link CreateNatGateway} remedy creates in the VPC. */
  record NewGateway(VpcId vpcId) implements Gateway {
    /** Checks the argument. */
    public NewGateway {
      Objects.requireNonNull(vpcId, "vpcId");
    }

    @Override
    public String describe() {
      return "the new internet NAT gateway of " + vpcId;
    }
  }

  /** The EIP a {@link BindEip} binds: one the account holds, unbound, or a new one. */
  sealed interface Eip {
    /** An allocated, unbound EIP. */
    record Existing(EipAllocationId eipId, IpAddress ipAddress) implements Eip {
      /** Checks the arguments. */
      public Existing {
        Objects.requireNonNull(eipId, "eipId");
        Objects.requireNonNull(ipAddress, "ipAddress");
      }
    }

    /** A new EIP (AllocateEipAddress): billed. */
    record Allocate() implements Eip {}
  }

  /** Authorize a security-group rule (AuthorizeSecurityGroup or AuthorizeSecurityGroupEgress). */
  record AuthorizeSecurityGroupRule(SecurityGroupId securityGroupId, SecurityGroupRule rule) implements Remedy {
    /** Checks the arguments: the rule must accept. */
    public AuthorizeSecurityGroupRule {
      Objects.requireNonNull(securityGroupId, "securityGroupId");
      Objects.requireNonNull(rule, "rule");
      if (rule.policy() != Policy.ACCEPT) {
        throw new IllegalArgumentException("a remedy authorizes an accept rule, not " + rule.policy());
      }
    }

    @Override
    public String describe() {
      return ChangeSentences.authorizeRule(rule.direction() == Direction.EGRESS, securityGroupId.value(),
          rule.protocol().name(), rule.portRange().toString(), rule.peer().toString(), rule.priority());
    }


    @Override
    public Component component() {
      return Component.of(Component.Kind.SECURITY_GROUP, securityGroupId);
    }
  }

  /** Append entries to a named allowlist group of an RDS or Redis instance (ModifySecurityIps, Append). */
  record AppendAllowlistEntries(Component instance, String groupName, List<Cidr> entries) implements Remedy {
    /** Checks the arguments and copies the list. */
    public AppendAllowlistEntries {
      Objects.requireNonNull(instance, "instance");
      Objects.requireNonNull(groupName, "groupName");
      if (instance.kind() != Component.Kind.RDS_INSTANCE && instance.kind() != Component.Kind.REDIS_INSTANCE) {
        throw new IllegalArgumentException("allowlists belong to RDS or Redis instances, not " + instance.describe());
      }
      entries = List.copyOf(entries);
      if (entries.isEmpty()) {
        throw new IllegalArgumentException("an allowlist append needs at least one entry");
      }
    }

    @Override
    public String describe() {
      return ChangeSentences.appendAllowlist(entries.stream().map(Object::toString).toList(), groupName,
          instance.id());
    }

    @Override
    public Component component() {
      return Component.allowlistGroup(instance, groupName);
    }
  }

  /**
   * Create a SNAT entry whose source is a vSwitch (CreateSnatEntry with SourceVSwitchId). {@code snatIps} empty means
   * the EIPs a {@link BindEip} of the same plan binds to the gateway.
   */
  record CreateSnatEntry(Gateway gateway, VSwitchId sourceVSwitchId, List<IpAddress> snatIps) implements Remedy {
    /** Checks the arguments and copies the list. */
    public CreateSnatEntry {
      Objects.requireNonNull(gateway, "gateway");
      Objects.requireNonNull(sourceVSwitchId, "sourceVSwitchId");
      snatIps = List.copyOf(snatIps);
    }

    @Override
    public String describe() {
      return ChangeSentences.createSnatEntry(gateway.describe(), null, sourceVSwitchId.value(), snatIps.isEmpty()
          ? "the gateway's EIP" : snatIps.stream().map(Object::toString).collect(Collectors.joining(",")));
    }

    @Override
    public Component component() {
      return Component.of(Component.Kind.VSWITCH, sourceVSwitchId);
    }
  }

  /** Add a route entry to a NAT gateway (CreateRouteEntry, NextHopType NatGateway). */
  record AddRouteEntry(RouteTableId routeTableId, Cidr destination, Gateway nextHop) implements Remedy {
    /** Checks the arguments. */
    public AddRouteEntry {
      Objects.requireNonNull(routeTableId, "routeTableId");
      Objects.requireNonNull(destination, "destination");
      Objects.requireNonNull(nextHop, "nextHop");
    }

    @Override
    public String describe() {
      return ChangeSentences.addRouteEntry(destination.toString(), nextHop.describe(), routeTableId.value());
    }

    @Override
    public Component component() {
      return Component.of(Component.Kind.ROUTE_TABLE, routeTableId);
    }
  }

  /** Bind an EIP to a NAT gateway (AssociateEipAddress, InstanceType Nat); billed when a new EIP is allocated. */
  record BindEip(Gateway gateway, Eip eip) implements Remedy {
    /** Checks the arguments. */
    public BindEip {
      Objects.requireNonNull(gateway, "gateway");
      Objects.requireNonNull(eip, "eip");
    }

    @Override
    public String describe() {
      String which = eip instanceof Eip.Existing e ? "EIP " + e.eipId() + " (" + e.ipAddress() + ")"
          : "a new EIP (AllocateEipAddress, billed)";
      return ChangeSentences.bindEip(which, gateway.describe());
    }

    @Override
    public boolean billed() {
      return eip instanceof Eip.Allocate;
    }

    @Override
    public Component component() {
      return gateway instanceof ExistingGateway g ? Component.of(Component.Kind.NAT_GATEWAY, g.natGatewayId())
          : Component.of(Component.Kind.VPC, ((NewGateway) gateway).vpcId());
    }
  }

  /** Create an internet NAT gateway in a VPC (CreateNatGateway, NetworkType internet): billed. */
  record CreateNatGateway(VpcId vpcId, VSwitchId vSwitchId) implements Remedy {
    /** Checks the arguments. */
    public CreateNatGateway {
      Objects.requireNonNull(vpcId, "vpcId");
      Objects.requireNonNull(vSwitchId, "vSwitchId");
    }

    @Override
    public String describe() {
      return ChangeSentences.createNatGateway(vpcId.value(), vSwitchId.value());
    }

    @Override
    public boolean billed() {
      return true;
    }

    @Override
    public Component component() {
      return Component.of(Component.Kind.VPC, vpcId);
    }
  }

  /** Set the service's {@code cloud.networking} block (edit the service JSON, then UpdateService). */
  record SetServiceNetworking(String serviceName, ServiceNetworking networking) implements Remedy {
    /** Checks the arguments: the block must be complete. */
    public SetServiceNetworking {
      Objects.requireNonNull(serviceName, "serviceName");
      Objects.requireNonNull(networking, "networking");
      if (!networking.isComplete()) {
        throw new IllegalArgumentException("a networking remedy sets a complete block; missing "
            + String.join(", ", networking.missingKeys()));
      }
    }

    @Override
    public String describe() {
      return ChangeSentences.setServiceNetworking(serviceName, null, networking.vpcId().orElseThrow().value(),
          networking.vSwitchId().orElseThrow().value(), networking.securityGroupId().orElseThrow().value(),
          ChangeSentences.NETWORKING_BY_UPDATE_SERVICE);
    }

    @Override
    public Component component() {
      return Component.service(serviceName);
    }
  }

  /** Update a resource group's VPC direct connection (UpdateResourceDLink) to {@code dlink}. */
  record UpdateDLink(ResourceGroupId resourceGroupId, DLink dlink) implements Remedy {
    /** Checks the arguments. */
    public UpdateDLink {
      Objects.requireNonNull(resourceGroupId, "resourceGroupId");
      Objects.requireNonNull(dlink, "dlink");
    }

    @Override
    public String describe() {
      return ChangeSentences.updateDLink(resourceGroupId.value(), dlink.vSwitchId().value(),
          dlink.securityGroupId().value(), dlink.auxVSwitchIds().stream().map(Object::toString).toList(),
          dlink.destinationCidrs().stream().map(Object::toString).toList());
    }

    @Override
    public Component component() {
      return Component.of(Component.Kind.RESOURCE_GROUP, resourceGroupId);
    }
  }
}
