package io.easnet.aliyun.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.easnet.aliyun.AliyunProduct;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.RdsInstanceId;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.RedisInstanceId;
import io.easnet.core.model.VpcId;
import io.easnet.core.spi.RdsApi;
import io.easnet.core.spi.RedisApi;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The RDS (2014-08-15) and Redis / R-KVStore (2015-01-01) allowlists. Entries change only through
 * {@code ModifySecurityIps} with {@code ModifyMode} {@code Append} or {@code Delete}, never {@code Cover}, so entries
 * written by others survive; the group is {@code DBInstanceIPArrayName} (RDS) or {@code SecurityIpGroupName}
 * (Redis). Lists page by {@code PageNumber} with {@code PageSize} 100 (DescribeDBInstances) and 50 (R-KVStore
 * DescribeInstances).
 */
public final class AliyunAllowlists {
  static final int RDS_PAGE = 100;
  static final int REDIS_PAGE = 50;

  private AliyunAllowlists() {}

  static String entries(List<Cidr> entries) {
    // a single address is written bare, as the consoles show it
    return entries.stream().map(c -> c.isSingleAddress() && c.isIpv4() ? c.address() : c.toString())
        .collect(Collectors.joining(","));
  }

  static AllowlistGroup group(JsonNode n, String name, String attribute, String list) {
    AllowlistGroup.Builder b = AllowlistGroup.builder().name(WireJson.required(n, name))
        .hidden(WireJson.text(n, attribute).filter("hidden"::equalsIgnoreCase).isPresent());
    WireJson.commaList(WireJson.text(n, list).orElse("")).forEach(e -> b.addEntries(Cidr.parseNormalizing(e)));
    return b.build();
  }

  /** {@link RdsApi} over the RDS API. */
  public static final class Rds implements RdsApi {
    private final HttpTransport transport;

    public Rds(HttpTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
    }

    private ApiRequest.Builder rpc(String action) {
      return ApiRequest.rpc(AliyunProduct.RDS, action).parameter("RegionId", transport.options().regionId());
    }

    @Override
    public List<RdsInstance> describeInstances(VpcId vpc) {
      List<RdsInstance.Builder> found = Lists.numbered(transport, (page, size) -> rpc("DescribeDBInstances")
          .parameter("VpcId", vpc.value()).parameter("PageNumber", Integer.toString(page))
          .parameter("PageSize", Integer.toString(size)).page(page).build(), RDS_PAGE,
          new Lists.Shape("Items", "DBInstance"), Rds::instance);
      return found.stream().map(b -> {
        RdsInstance partial = b.build();
        return b.allowlists(describeAllowlists(partial.id())).build();
      }).collect(Collectors.toList());
    }

    @Override
    public RdsInstance describeInstance(RdsInstanceId id) {
      ApiRequest r = rpc("DescribeDBInstanceAttribute").parameter("DBInstanceId", id.value()).build();
      ApiResponse response = transport.call(r);
      List<JsonNode> items = WireJson.items(response.json(), "Items", "DBInstanceAttribute");
      if (items.isEmpty()) {
        throw WireJson.notFound("rds:DescribeDBInstanceAttribute", "InvalidDBInstanceId.NotFound",
            "The RDS instance " + id);
      }
      RdsInstance.Builder b = Lists.one(r, response, "/Items/DBInstanceAttribute/0", items.get(0), Rds::instance);
      return b.allowlists(describeAllowlists(id)).build();
    }

    static RdsInstance.Builder instance(JsonNode n) {
      RdsInstance.Builder b = RdsInstance.builder().id(WireJson.required(n, "DBInstanceId"));
      WireJson.text(n, "VpcId").ifPresent(b::vpcId);
      WireJson.text(n, "VSwitchId").ifPresent(b::vSwitchId);
      WireJson.text(n, "DBInstanceDescription").ifPresent(b::name);
      WireJson.number(n, "Port").ifPresent(p -> b.port(Math.toIntExact(p)));
      return b;
    }

    @Override
    public List<AllowlistGroup> describeAllowlists(RdsInstanceId id) {
      ApiRequest r = rpc("DescribeDBInstanceIPArrayList").parameter("DBInstanceId", id.value()).build();
      ApiResponse response = transport.call(r);
      Lists.Shape shape = new Lists.Shape("Items", "DBInstanceIPArray");
      List<AllowlistGroup> out = new java.util.ArrayList<>();
      Lists.map(r, response, 1, shape, shape.items(response.json()),
          n -> group(n, "DBInstanceIPArrayName", "DBInstanceIPArrayAttribute", "SecurityIPList"), out);
      return out;
    }

    @Override
    public void appendAllowlistEntries(RdsInstanceId id, String group, List<Cidr> entries) {
      modify(id, group, entries, "Append");
    }

    @Override
    public void deleteAllowlistEntries(RdsInstanceId id, String group, List<Cidr> entries) {
      modify(id, group, entries, "Delete");
    }

    private void modify(RdsInstanceId id, String group, List<Cidr> entries, String mode) {
      transport.call(rpc("ModifySecurityIps").parameter("DBInstanceId", id.value())
          .parameter("DBInstanceIPArrayName", Objects.requireNonNull(group, "group"))
          .parameter("SecurityIps", entries(entries)).parameter("ModifyMode", mode).build());
    }

    @Override
    public String toString() {
      return "AliyunRdsApi{" + transport.options().regionId() + "}";
    }
  }

  /** {@link RedisApi} over the R-KVStore API. */
  public static final class Redis implements RedisApi {
    private final HttpTransport transport;

    public Redis(HttpTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
    }

    private ApiRequest.Builder rpc(String action) {
      return ApiRequest.rpc(AliyunProduct.REDIS, action).parameter("RegionId", transport.options().regionId());
    }

    @Override
    public List<RedisInstance> describeInstances(VpcId vpc) {
      List<RedisInstance.Builder> found = Lists.numbered(transport, (page, size) -> rpc("DescribeInstances")
          .parameter("VpcId", vpc.value()).parameter("PageNumber", Integer.toString(page))
          .parameter("PageSize", Integer.toString(size)).page(page).build(), REDIS_PAGE,
          new Lists.Shape("Instances", "KVStoreInstance"), Redis::instance);
      return found.stream().map(b -> {
        RedisInstance partial = b.build();
        return b.allowlists(describeAllowlists(partial.id())).build();
      }).collect(Collectors.toList());
    }

    @Override
    public RedisInstance describeInstance(RedisInstanceId id) {
      ApiRequest r = rpc("DescribeInstanceAttribute").parameter("InstanceId", id.value()).build();
      ApiResponse response = transport.call(r);
      List<JsonNode> items = WireJson.items(response.json(), "Instances", "DBInstanceAttribute");
      if (items.isEmpty()) {
        throw WireJson.notFound("kvstore:DescribeInstanceAttribute", "InvalidInstanceId.NotFound",
            "The Redis instance " + id);
      }
      RedisInstance.Builder b = Lists.one(r, response, "/Instances/DBInstanceAttribute/0", items.get(0),
          Redis::instance);
      return b.allowlists(describeAllowlists(id)).build();
    }

    static RedisInstance.Builder instance(JsonNode n) {
      RedisInstance.Builder b = RedisInstance.builder().id(WireJson.required(n, "InstanceId"));
      WireJson.text(n, "VpcId").ifPresent(b::vpcId);
      WireJson.text(n, "VSwitchId").ifPresent(b::vSwitchId);
      WireJson.text(n, "PrivateIp").ifPresent(b::privateIp);
      WireJson.text(n, "InstanceName").ifPresent(b::name);
      WireJson.number(n, "Port").ifPresent(p -> b.port(Math.toIntExact(p)));
      return b;
    }

    @Override
    public List<AllowlistGroup> describeAllowlists(RedisInstanceId id) {
      ApiRequest r = rpc("DescribeSecurityIps").parameter("InstanceId", id.value()).build();
      ApiResponse response = transport.call(r);
      Lists.Shape shape = new Lists.Shape("SecurityIpGroups", "SecurityIpGroup");
      List<AllowlistGroup> out = new java.util.ArrayList<>();
      Lists.map(r, response, 1, shape, shape.items(response.json()),
          n -> group(n, "SecurityIpGroupName", "SecurityIpGroupAttribute", "SecurityIpList"), out);
      return out;
    }

    @Override
    public void appendAllowlistEntries(RedisInstanceId id, String group, List<Cidr> entries) {
      modify(id, group, entries, "Append");
    }

    @Override
    public void deleteAllowlistEntries(RedisInstanceId id, String group, List<Cidr> entries) {
      modify(id, group, entries, "Delete");
    }

    private void modify(RedisInstanceId id, String group, List<Cidr> entries, String mode) {
      transport.call(rpc("ModifySecurityIps").parameter("InstanceId", id.value())
          .parameter("SecurityIpGroupName", Objects.requireNonNull(group, "group"))
          .parameter("SecurityIps", entries(entries)).parameter("ModifyMode", mode).build());
    }

    @Override
    public String toString() {
      return "AliyunRedisApi{" + transport.options().regionId() + "}";
    }
  }
}
