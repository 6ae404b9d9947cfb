package io.easnet.testkit;

import static io.easnet.testkit.WireOperations.nested;
import static io.easnet.testkit.WireOperations.nestedStrings;
import static io.easnet.testkit.WireOperations.region;
import static io.easnet.testkit.WireOperations.serve;
import static io.easnet.testkit.WireOperations.tags;
import static io.easnet.testkit.WireOperations.text;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.SecurityGroupRule.Direction;
import io.easnet.core.model.EcsInstance;
import io.easnet.core.model.ResourceId.EcsInstanceId;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.SecurityGroupRule.Policy;
import io.easnet.core.model.PortRange;
import io.easnet.core.model.ResourceId.PrefixListId;
import io.easnet.core.model.Protocol;
import io.easnet.core.model.SecurityGroupRule.RulePeer;
import io.easnet.core.model.SecurityGroup;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.SecurityGroupRule;
import io.easnet.core.model.SecurityGroup.SecurityGroupType;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.CloudActions;
import io.easnet.testkit.internal.wire.AlibabaError;
import io.easnet.testkit.internal.wire.Call;
import io.easnet.testkit.internal.wire.Operation;
import io.easnet.testkit.internal.wire.Pagination;
import io.easnet.testkit.internal.wire.Params;
import io.easnet.testkit.internal.wire.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The ECS 2014-05-26 operations ({@code docs/wire.md} §4): security groups, their rules, instances. */
final class EcsOperations {
  /** {@code Permissions.N}: 1 to 100 rules a request. */
  private static final int MAX_PERMISSIONS = 100;

  private EcsOperations() {}

  static void register(FakeCloud cloud, Map<String, Operation> out) {
    out.put("ecs:DescribeSecurityGroups", call -> describeSecurityGroups(cloud, call));
    out.put("ecs:DescribeSecurityGroupAttribute", call -> describeSecurityGroupAttribute(cloud, call));
    out.put("ecs:AuthorizeSecurityGroup", call -> rules(cloud, call, CloudActions.AUTHORIZE_SECURITY_GROUP,
        Direction.INGRESS, true));
    out.put("ecs:AuthorizeSecurityGroupEgress", call -> rules(cloud, call,
        CloudActions.AUTHORIZE_SECURITY_GROUP_EGRESS, Direction.EGRESS, true));
    out.put("ecs:RevokeSecurityGroup", call -> rules(cloud, call, CloudActions.REVOKE_SECURITY_GROUP,
        Direction.INGRESS, false));
    out.put("ecs:RevokeSecurityGroupEgress", call -> rules(cloud, call, CloudActions.REVOKE_SECURITY_GROUP_EGRESS,
        Direction.EGRESS, false));
    out.put("ecs:DescribeInstances", call -> describeInstances(cloud, call));
  }

  private static Reply describeSecurityGroups(FakeCloud cloud, Call call) {
    Optional<VpcId> vpc = Params.optionalId(call, "VpcId", VpcId::of);
    List<SecurityGroupId> ids = new ArrayList<>(Params.ids(call, "SecurityGroupIds", SecurityGroupId::of));
    Params.optionalId(call, "SecurityGroupId", SecurityGroupId::of).ifPresent(ids::add);
    Optional<String> name = Params.optional(call, "SecurityGroupName");
    Optional<SecurityGroupType> type = Params.optionalId(call, "SecurityGroupType", SecurityGroupType::parse);
    Pagination.Request page = Pagination.request(call);
    return serve(cloud, CloudActions.DESCRIBE_SECURITY_GROUPS, page.number(), st -> {
      List<SecurityGroup> matching = st.groups.all().stream().filter(g -> (vpc.isEmpty()
          || g.vpcId().equals(vpc.get())) && (ids.isEmpty() || ids.contains(g.id()))
          && (name.isEmpty() || g.name().equals(name)) && (type.isEmpty() || g.type() == type.get())).toList();
      Pagination.Page<SecurityGroup> p = page.slice(matching);
      ObjectNode body = Call.newBody().put("RegionId", region(call, st)).put("TotalCount", p.total());
      ArrayNode out = nested(body, "SecurityGroups", "SecurityGroup");
      for (SecurityGroup g : p.items()) {
        ObjectNode o = out.addObject();
        o.put("SecurityGroupId", g.id().value()).put("SecurityGroupName", text(g.name()))
            .put("SecurityGroupType", g.type().apiName()).put("VpcId", g.vpcId().value()).put("Description", "")
            .put("CreationTime", "").put("ResourceGroupId", "").put("EcsCount", 0).put("ServiceManaged", false)
            .put("RuleCount", g.rules().size());
        tags(o, g.tags(), "TagKey", "TagValue");
      }
      p.writeTo(body);
      return body;
    });
  }

  private static Reply describeSecurityGroupAttribute(FakeCloud cloud, Call call) {
    SecurityGroupId id = Params.id(call, "SecurityGroupId", SecurityGroupId::of);
    String direction = call.parameter("Direction").toLowerCase(Locale.ROOT);
    if (!List.of("", "all", "ingress", "egress").contains(direction)) {
      throw AlibabaError.invalidParameter("The specified parameter \"Direction\" is not valid: \""
          + call.parameter("Direction") + "\"; send egress, ingress or all.");
    }
    Pagination.Request page = Pagination.request(call);
    return serve(cloud, CloudActions.DESCRIBE_SECURITY_GROUP_ATTRIBUTE, page.number(), st -> {
      SecurityGroup g = st.groups.group(id);
      List<SecurityGroupRule> rules = g.rules().stream().filter(r -> direction.isEmpty() || direction.equals("all")
          || r.direction().name().toLowerCase(Locale.ROOT).equals(direction)).toList();
      Pagination.Page<SecurityGroupRule> p = page.slice(rules);
      ObjectNode body = Call.newBody().put("RegionId", region(call, st)).put("SecurityGroupId", g.id().value())
          .put("SecurityGroupName", text(g.name())).put("Description", "").put("VpcId", g.vpcId().value())
          .put("InnerAccessPolicy", g.innerAccessPolicy() == Policy.ACCEPT ? "Accept" : "Drop");
      ArrayNode out = nested(body, "Permissions", "Permission");
      p.items().forEach(r -> permission(out.addObject(), r));
      p.writeTo(body);
      return body;
    });
  }

  /** One rule as {@code Permissions.Permission[]} shows it; the peer fields it does not use are empty. */
  private static void permission(ObjectNode o, SecurityGroupRule r) {
    boolean in = r.direction() == Direction.INGRESS;
    o.put("SecurityGroupRuleId", text(r.ruleId())).put("Direction", in ? "ingress" : "egress")
        .put("IpProtocol", r.protocol().name()).put("PortRange", r.portRange().toString())
        .put("SourcePortRange", "").put("Policy", r.policy() == Policy.ACCEPT ? "Accept" : "Drop")
        .put("Priority", Integer.toString(r.priority())).put("NicType", "intranet")
        .put("Description", text(r.description())).put("CreateTime", "");
    for (String f : List.of("SourceCidrIp", "Ipv6SourceCidrIp", "SourceGroupId", "SourcePrefixListId", "DestCidrIp",
        "Ipv6DestCidrIp", "DestGroupId", "DestPrefixListId", "SourceGroupOwnerAccount", "DestGroupOwnerAccount")) {
      o.put(f, "");
    }
    String side = in ? "Source" : "Dest";
    if (r.peer() instanceof RulePeer.CidrPeer c) {
      o.put(c.cidr().isIpv4() ? side + "CidrIp" : "Ipv6" + side + "CidrIp", c.cidr().toString());
    } else if (r.peer() instanceof RulePeer.GroupPeer g) {
      o.put(side + "GroupId", g.groupId().value());
    } else if (r.peer() instanceof RulePeer.PrefixListPeer l) {
      o.put(side + "PrefixListId", l.prefixListId().value());
    }
  }

  /** Authorize or revoke the rules of {@code Permissions.N.*} (or the deprecated top-level fields). */
  private static Reply rules(FakeCloud cloud, Call call, String action, Direction direction, boolean authorize) {
    SecurityGroupId group = Params.id(call, "SecurityGroupId", SecurityGroupId::of);
    List<SecurityGroupRule> rules = new ArrayList<>();
    for (int n = 1; n <= MAX_PERMISSIONS; n++) {
      String prefix = "Permissions." + n + ".";
      if (call.hasParameterStartingWith(prefix)) {
        rules.add(rule(call, prefix, direction, action));
      }
    }
    boolean legacy = !call.parameter("IpProtocol").isEmpty();
    if (legacy && !rules.isEmpty()) {
      throw AlibabaError.invalidParameter("The specified parameter \"IpProtocol\" is not valid: Permissions.N.*"
          + " and the deprecated top-level rule parameters cannot be specified together.");
    }
    if (legacy) {
      rules.add(rule(call, "", direction, action));
    }
    List<String> ruleIds = new ArrayList<>();
    for (int n = 1; n <= MAX_PERMISSIONS; n++) {
      Params.optional(call, "SecurityGroupRuleId." + n).ifPresent(ruleIds::add);
    }
    if (rules.isEmpty() && (authorize || ruleIds.isEmpty())) {
      throw AlibabaError.missingParameter("Permissions.1.IpProtocol");
    }
    Params.clientToken(call);
    List<String> byId = List.copyOf(ruleIds);
    return serve(cloud, action, 1, st -> {
      WireOperations.run(st, call, action, () -> {
        for (SecurityGroupRule rule : rules) {
          if (authorize) {
            st.groups.authorize(group, rule);
          } else {
            st.groups.revoke(group, rule);
          }
        }
        if (!byId.isEmpty()) {
          for (SecurityGroupRule r : st.groups.group(group).rules()) {
            if (r.direction() == direction && r.ruleId().map(byId::contains).orElse(false)) {
              st.groups.revoke(group, r);
            }
          }
        }
      });
      return Call.newBody();
    });
  }

  private static SecurityGroupRule rule(Call call, String prefix, Direction direction, String action) {
    String protocolName = prefix + "IpProtocol";
    Protocol protocol = Params.id(call, protocolName, Protocol::parse);
    String portName = prefix + "PortRange";
    PortRange ports = Params.optionalId(call, portName, PortRange::parse).orElse(PortRange.ALL);
    if (protocol.hasPorts() && ports.isAll() && call.parameter(portName).isEmpty()) {
      throw AlibabaError.missingParameter(portName);
    }
    String side = direction == Direction.INGRESS ? "Source" : "Dest";
    RulePeer peer;
    Optional<Cidr> v4 = Params.optionalId(call, prefix + side + "CidrIp", Cidr::parse);
    Optional<Cidr> v6 = Params.optionalId(call, prefix + "Ipv6" + side + "CidrIp", Cidr::parse);
    Optional<SecurityGroupId> peerGroup = Params.optionalId(call, prefix + side + "GroupId", SecurityGroupId::of);
    Optional<PrefixListId> list = Params.optionalId(call, prefix + side + "PrefixListId", PrefixListId::of);
    if (v4.isPresent()) {
      peer = RulePeer.cidr(v4.get());
    } else if (v6.isPresent()) {
      peer = RulePeer.cidr(v6.get());
    } else if (peerGroup.isPresent()) {
      peer = RulePeer.group(peerGroup.get());
    } else if (list.isPresent()) {
      peer = RulePeer.prefixList(list.get().value());
    } else {
      throw AlibabaError.of(400, "MissingParameter", "The input parameter \"" + prefix + side + "CidrIp\" that is"
          + " mandatory for processing this request is not supplied: a rule needs one of " + side + "CidrIp, Ipv6"
          + side + "CidrIp, " + side + "GroupId or " + side + "PrefixListId.");
    }
    String nic = call.parameter(prefix + "NicType");
    if (!nic.isEmpty() && !nic.equalsIgnoreCase("intranet")) {
      throw AlibabaError.invalidParameter("The specified parameter \"" + prefix + "NicType\" is not valid: VPC"
          + " security group rules are intranet only, the request sent " + nic + ".");
    }
    SecurityGroupRule.Builder b = SecurityGroupRule.builder().direction(direction).protocol(protocol)
        .portRange(ports).peer(peer)
        .policy(Params.optionalId(call, prefix + "Policy", Policy::parse).orElse(Policy.ACCEPT))
        .priority(Params.integer(call, prefix + "Priority", 1, 1, 100));
    Params.optional(call, prefix + "Description").ifPresent(b::description);
    return WireOperations.built(action.substring(action.indexOf(':') + 1) + " (" + (prefix.isEmpty() ? "rule"
        : prefix.substring(0, prefix.length() - 1)) + ")", b::build);
  }

  private static Reply describeInstances(FakeCloud cloud, Call call) {
    List<EcsInstanceId> ids = Params.ids(call, "InstanceIds", EcsInstanceId::of);
    Optional<VpcId> vpc = Params.optionalId(call, "VpcId", VpcId::of);
    Optional<VSwitchId> vsw = Params.optionalId(call, "VSwitchId", VSwitchId::of);
    Optional<SecurityGroupId> group = Params.optionalId(call, "SecurityGroupId", SecurityGroupId::of);
    Optional<String> name = Params.optional(call, "InstanceName");
    Pagination.Request page = Pagination.request(call);
    return serve(cloud, CloudActions.DESCRIBE_INSTANCES, page.number(), st -> {
      List<EcsInstance> all = ids.size() == 1 ? List.of(st.network.ecsInstance(ids.get(0))) : st.network.ecs();
      List<EcsInstance> matching = all.stream().filter(i -> (ids.isEmpty() || ids.contains(i.id()))
          && (vpc.isEmpty() || i.vpcId().equals(vpc.get())) && (vsw.isEmpty() || i.vSwitchId().equals(vsw.get()))
          && (group.isEmpty() || i.securityGroupIds().contains(group.get()))
          && (name.isEmpty() || i.name().equals(name))).toList();
      Pagination.Page<EcsInstance> p = page.slice(matching);
      ObjectNode body = Call.newBody().put("TotalCount", p.total());
      ArrayNode out = nested(body, "Instances", "Instance");
      for (EcsInstance i : p.items()) {
        ObjectNode o = out.addObject();
        o.put("InstanceId", i.id().value()).put("InstanceName", text(i.name())).put("RegionId", region(call, st))
            .put("ZoneId", "").put("Status", "Running").put("InstanceNetworkType", "vpc");
        ObjectNode vpcAttributes = o.putObject("VpcAttributes").put("VpcId", i.vpcId().value())
            .put("VSwitchId", i.vSwitchId().value()).put("NatIpAddress", "");
        nestedStrings(vpcAttributes, "PrivateIpAddress", "IpAddress",
            i.privateIps().stream().map(IpAddress::toString).toList());
        nestedStrings(o, "PublicIpAddress", "IpAddress", i.publicIp().stream().map(IpAddress::toString).toList());
        o.putObject("EipAddress").put("IpAddress", "").put("AllocationId", "").put("InternetChargeType", "");
        nestedStrings(o, "SecurityGroupIds", "SecurityGroupId", i.securityGroupIds());
        tags(o, i.tags(), "TagKey", "TagValue");
      }
      p.writeTo(body);
      return body;
    });
  }
}
