package io.easnet.testkit;

import static io.easnet.testkit.WireOperations.entries;
import static io.easnet.testkit.WireOperations.nested;
import static io.easnet.testkit.WireOperations.region;
import static io.easnet.testkit.WireOperations.serve;
import static io.easnet.testkit.WireOperations.text;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.AllowlistGroup.AllowlistTarget;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import io.easnet.core.model.ResourceId.VSwitchId;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.CloudActions;
import io.easnet.testkit.internal.wire.AlibabaError;
import io.easnet.testkit.internal.wire.Call;
import io.easnet.testkit.internal.wire.Operation;
import io.easnet.testkit.internal.wire.Pagination;
import io.easnet.testkit.internal.wire.Params;
import io.easnet.testkit.internal.wire.Reply;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RDS 2014-08-15 and R-KVStore 2015-01-01 ({@code docs/wire.md} §5): instances and their IP allowlists, with
 * {@code ModifySecurityIps} in all three modes ({@code Cover}, the API's default, {@code Append}, {@code Delete}).
 */
final class AllowlistOperations {
  private AllowlistOperations() {}

  static void register(FakeCloud cloud, Map<String, Operation> out) {
    out.put("rds:DescribeDBInstances", call -> rdsInstances(cloud, call));
    out.put("rds:DescribeDBInstanceAttribute", call -> rdsAttribute(cloud, call));
    out.put("rds:DescribeDBInstanceIPArrayList", call -> rdsAllowlists(cloud, call));
    out.put("rds:DescribeDBInstanceNetInfo", call -> rdsNetInfo(cloud, call));
    out.put("rds:DescribeSecurityGroupConfiguration", call -> rdsBoundGroups(cloud, call));
    out.put("rds:ModifySecurityIps", call -> modify(cloud, call, CloudActions.RDS_MODIFY_SECURITY_IPS));
    out.put("kvstore:DescribeInstances", call -> redisInstances(cloud, call));
    out.put("kvstore:DescribeInstanceAttribute", call -> redisAttribute(cloud, call));
    out.put("kvstore:DescribeSecurityIps", call -> redisAllowlists(cloud, call));
    out.put("kvstore:DescribeSecurityGroupConfiguration", call -> redisBoundGroups(cloud, call));
    out.put("kvstore:ModifySecurityIps", call -> modify(cloud, call, CloudActions.REDIS_MODIFY_SECURITY_IPS));
  }

  private static boolean in(AllowlistTarget t, Optional<VpcId> vpc, Optional<VSwitchId> vsw) {
    return (vpc.isEmpty() || t.vpcId().equals(vpc)) && (vsw.isEmpty() || t.vSwitchId().equals(vsw));
  }

  // ------------------------------------------------------------------------------------------------ RDS

  private static Reply rdsInstances(FakeCloud cloud, Call call) {
    List<RdsInstanceId> ids = Params.ids(call, "DBInstanceId", RdsInstanceId::of);
    Optional<VpcId> vpc = Params.optionalId(call, "VpcId", VpcId::of);
    Optional<VSwitchId> vsw = Params.optionalId(call, "VSwitchId", VSwitchId::of);
    Pagination.Request page = Pagination.request(call);
    return serve(cloud, CloudActions.RDS_DESCRIBE_INSTANCES, page.number(), st -> {
      List<RdsInstance> matching = st.rds.all().stream()
          .filter(i -> (ids.isEmpty() || ids.contains(i.id())) && in(i, vpc, vsw)).toList();
      Pagination.Page<RdsInstance> p = page.slice(matching);
      ObjectNode body = Call.newBody();
      ArrayNode out = nested(body, "Items", "DBInstance");
      p.items().forEach(i -> rds(out.addObject(), i, region(call, st)));
      // RDS names its paging fields its own way
      body.put("PageNumber", p.number()).put("PageRecordCount", p.items().size()).put("TotalRecordCount", p.total());
      return body;
    });
  }

  private static void rds(ObjectNode o, RdsInstance i, String region) {
    o.put("DBInstanceId", i.id().value()).put("DBInstanceDescription", text(i.name())).put("RegionId", region)
        .put("ZoneId", "").put("VpcId", text(i.vpcId())).put("VSwitchId", text(i.vSwitchId()))
        .put("Engine", "MySQL").put("EngineVersion", "8.0").put("DBInstanceStatus", "Running")
        .put("DBInstanceNetType", "Intranet").put("InstanceNetworkType", "VPC").put("DBInstanceType", "Primary")
        .put("ConnectionString", i.id().value() + ".mysql.rds.aliyuncs.com");
  }

  private static Reply rdsAttribute(FakeCloud cloud, Call call) {
    RdsInstanceId id = Params.id(call, "DBInstanceId", RdsInstanceId::of);
    return serve(cloud, CloudActions.RDS_DESCRIBE_INSTANCE, 1, st -> {
      RdsInstance i = st.rds.instance(id);
      ObjectNode body = Call.newBody();
      ObjectNode o = nested(body, "Items", "DBInstanceAttribute").addObject();
      rds(o, i, region(call, st));
      o.put("Port", Integer.toString(i.port()));
      return body;
    });
  }

  private static Reply rdsAllowlists(FakeCloud cloud, Call call) {
    RdsInstanceId id = Params.id(call, "DBInstanceId", RdsInstanceId::of);
    return serve(cloud, CloudActions.RDS_DESCRIBE_ALLOWLISTS, 1, st -> {
      ObjectNode body = Call.newBody();
      ArrayNode out = nested(body, "Items", "DBInstanceIPArray");
      for (AllowlistGroup g : st.rds.instance(id).allowlists()) {
        out.addObject().put("DBInstanceIPArrayName", g.name())
            .put("DBInstanceIPArrayAttribute", g.hidden() ? "hidden" : "")
            .put("SecurityIPList", entries(g.entries())).put("SecurityIPType", "IPv4")
            .put("WhitelistNetworkType", "MIX");
      }
      return body;
    });
  }

  /**
   * {@code DescribeDBInstanceNetInfo}: the instance's connections, {@code DBInstanceNetInfos.DBInstanceNetInfo[]}
   * (official SDK {@code rds20140815} {@code DescribeDBInstanceNetInfoResponseBody}): one VPC connection with
   * {@code IPType} {@code Private}, its {@code IPAddress} and its {@code Port} as a string.
   */
  private static Reply rdsNetInfo(FakeCloud cloud, Call call) {
    RdsInstanceId id = Params.id(call, "DBInstanceId", RdsInstanceId::of);
    return serve(cloud, CloudActions.RDS_DESCRIBE_NET_INFO, 1, st -> {
      RdsInstance i = st.rds.instance(id);
      ObjectNode body = Call.newBody().put("InstanceNetworkType", "VPC").put("SecurityIPMode", "normal");
      nested(body, "DBInstanceNetInfos", "DBInstanceNetInfo").addObject()
          .put("ConnectionString", i.id().value() + ".mysql.rds.aliyuncs.com").put("ConnectionStringType", "Normal")
          .put("IPAddress", text(i.privateIp())).put("IPType", "Private").put("Port", Integer.toString(i.port()))
          .put("VPCId", text(i.vpcId())).put("VSwitchId", text(i.vSwitchId())).put("Upgradeable", "Disabled");
      return body;
    });
  }

  /**
   * {@code DescribeSecurityGroupConfiguration} (RDS): the bound ECS security groups,
   * {@code Items.EcsSecurityGroupRelation[{SecurityGroupId, RegionId, NetworkType}]}, with {@code DBInstanceName}.
   */
  private static Reply rdsBoundGroups(FakeCloud cloud, Call call) {
    RdsInstanceId id = Params.id(call, "DBInstanceId", RdsInstanceId::of);
    return serve(cloud, CloudActions.RDS_DESCRIBE_SECURITY_GROUPS, 1, st -> {
      ObjectNode body = Call.newBody().put("DBInstanceName", id.value());
      ArrayNode out = nested(body, "Items", "EcsSecurityGroupRelation");
      for (SecurityGroupId g : st.rds.instance(id).securityGroupIds()) {
        out.addObject().put("SecurityGroupId", g.value()).put("RegionId", region(call, st))
            .put("NetworkType", "VPC");
      }
      return body;
    });
  }

  // ------------------------------------------------------------------------------------------------ Redis

  private static Reply redisInstances(FakeCloud cloud, Call call) {
    List<RedisInstanceId> ids = Params.ids(call, "InstanceIds", RedisInstanceId::of);
    Optional<VpcId> vpc = Params.optionalId(call, "VpcId", VpcId::of);
    Optional<VSwitchId> vsw = Params.optionalId(call, "VSwitchId", VSwitchId::of);
    Pagination.Request page = Pagination.request(call);
    return serve(cloud, CloudActions.REDIS_DESCRIBE_INSTANCES, page.number(), st -> {
      List<RedisInstance> matching = st.redis.all().stream()
          .filter(i -> (ids.isEmpty() || ids.contains(i.id())) && in(i, vpc, vsw)).toList();
      Pagination.Page<RedisInstance> p = page.slice(matching);
      ObjectNode body = Call.newBody();
      ArrayNode out = nested(body, "Instances", "KVStoreInstance");
      p.items().forEach(i -> redis(out.addObject(), i, region(call, st)));
      p.writeTo(body);
      return body;
    });
  }

  private static void redis(ObjectNode o, RedisInstance i, String region) {
    o.put("InstanceId", i.id().value()).put("InstanceName", text(i.name())).put("RegionId", region)
        .put("ZoneId", "").put("VpcId", text(i.vpcId())).put("VSwitchId", text(i.vSwitchId()))
        .put("PrivateIp", text(i.privateIp())).put("Port", i.port()).put("InstanceStatus", "Normal")
        .put("NetworkType", "VPC").put("InstanceType", "Redis").put("EngineVersion", "7.0")
        .put("ConnectionDomain", i.id().value() + ".redis.rds.aliyuncs.com");
  }

  private static Reply redisAttribute(FakeCloud cloud, Call call) {
    RedisInstanceId id = Params.id(call, "InstanceId", RedisInstanceId::of);
    return serve(cloud, CloudActions.REDIS_DESCRIBE_INSTANCE, 1, st -> {
      ObjectNode body = Call.newBody();
      redis(nested(body, "Instances", "DBInstanceAttribute").addObject(), st.redis.instance(id), region(call, st));
      return body;
    });
  }

  private static Reply redisAllowlists(FakeCloud cloud, Call call) {
    RedisInstanceId id = Params.id(call, "InstanceId", RedisInstanceId::of);
    return serve(cloud, CloudActions.REDIS_DESCRIBE_ALLOWLISTS, 1, st -> {
      ObjectNode body = Call.newBody();
      ArrayNode out = nested(body, "SecurityIpGroups", "SecurityIpGroup");
      for (AllowlistGroup g : st.redis.instance(id).allowlists()) {
        out.addObject().put("SecurityIpGroupName", g.name())
            .put("SecurityIpGroupAttribute", g.hidden() ? "hidden" : "").put("SecurityIpList", entries(g.entries()));
      }
      return body;
    });
  }

  /**
   * {@code DescribeSecurityGroupConfiguration} (R-KVStore): the bound ECS security groups,
   * {@code Items.EcsSecurityGroupRelation[{SecurityGroupId, RegionId, NetType}]} (R-KVStore says {@code NetType}
   * where RDS says {@code NetworkType}).
   */
  private static Reply redisBoundGroups(FakeCloud cloud, Call call) {
    RedisInstanceId id = Params.id(call, "InstanceId", RedisInstanceId::of);
    return serve(cloud, CloudActions.REDIS_DESCRIBE_SECURITY_GROUPS, 1, st -> {
      ObjectNode body = Call.newBody();
      ArrayNode out = nested(body, "Items", "EcsSecurityGroupRelation");
      for (SecurityGroupId g : st.redis.instance(id).securityGroupIds()) {
        out.addObject().put("SecurityGroupId", g.value()).put("RegionId", region(call, st)).put("NetType", "vpc");
      }
      return body;
    });
  }

  // ------------------------------------------------------------------------------------------------ writes

  /**
   * {@code ModifySecurityIps} of either product. Without a group name RDS writes its default group (the reference
   * calls it {@code Default}; the group named "default" in any case is that group) and Redis its {@code default}.
   */
  private static Reply modify(FakeCloud cloud, Call call, String action) {
    boolean rds = action.equals(CloudActions.RDS_MODIFY_SECURITY_IPS);
    String idName = rds ? "DBInstanceId" : "InstanceId";
    String groupName = rds ? "DBInstanceIPArrayName" : "SecurityIpGroupName";
    String id = Params.required(call, idName);
    RdsInstanceId rdsId = rds ? Params.parse(idName, id, RdsInstanceId::of) : null;
    RedisInstanceId redisId = rds ? null : Params.parse(idName, id, RedisInstanceId::of);
    List<Cidr> entries = Params.allowlistEntries(call, "SecurityIps");
    String modeText = call.parameter("ModifyMode");
    AllowlistMode mode = modeText.isEmpty() ? AllowlistMode.COVER : AllowlistMode.parse(modeText)
        .orElseThrow(() -> AlibabaError.invalidParameter("The specified parameter \"ModifyMode\" is not valid: \""
            + modeText + "\"; send Cover (the default), Append or Delete."));
    Optional<String> group = Params.optional(call, groupName);
    return serve(cloud, action, 1, st -> {
      if (rds) {
        String g = group.orElseGet(() -> defaultGroup(st.rds.instance(rdsId)));
        mode.apply(st.rds, rdsId, g, entries);
      } else {
        String g = group.orElseGet(() -> defaultGroup(st.redis.instance(redisId)));
        mode.apply(st.redis, redisId, g, entries);
      }
      return Call.newBody();
    });
  }

  private static String defaultGroup(AllowlistTarget t) {
    return t.allowlists().stream().map(AllowlistGroup::name).filter(n -> n.equalsIgnoreCase("default")).findFirst()
        .orElse("default");
  }
}
