package io.easnet.aliyun.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.easnet.aliyun.AliyunProduct;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.AllowlistTarget;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.RdsInstanceId;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.RedisInstanceId;
import io.easnet.core.model.ResourceId;
import io.easnet.core.model.VpcId;
import io.easnet.core.spi.AllowlistApi;
import io.easnet.core.spi.RdsApi;
import io.easnet.core.spi.RedisApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
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

  /**
   * One product's wire names: the list, attribute and allowlist actions with their answer shapes, the instance id
   * and allowlist group parameters, and the fields of a group.
   */
  record Wire(AliyunProduct product, String prefix, String kind, int pageSize, String idParameter,
      String listAction, Lists.Shape listShape, String attributeAction, Lists.Shape attributeShape,
      String notFoundCode, String allowlistAction, Lists.Shape allowlistShape, String groupName,
      String groupAttribute, String groupList, String groupParameter) {}

  /**
   * The allowlist API of one product over its {@link Wire} names: RDS and Redis differ in names only.
   *
   * @param <I> the instance id type
   * @param <T> the instance type
   * @param <B> the instance's builder, which the answer fills before the allowlists are read
   */
  abstract static class Product<I extends ResourceId, T extends AllowlistTarget, B> implements AllowlistApi<I, T> {
    private final HttpTransport transport;
    private final Wire wire;
    private final Function<JsonNode, B> instance;
    private final Function<B, I> idOf;
    private final BiFunction<B, List<AllowlistGroup>, T> withAllowlists;

    Product(HttpTransport transport, Wire wire, Function<JsonNode, B> instance, Function<B, I> idOf,
        BiFunction<B, List<AllowlistGroup>, T> withAllowlists) {
      this.transport = Objects.requireNonNull(transport, "transport");
      this.wire = wire;
      this.instance = instance;
      this.idOf = idOf;
      this.withAllowlists = withAllowlists;
    }

    private ApiRequest.Builder rpc(String action) {
      return ApiRequest.rpc(wire.product(), action).parameter("RegionId", transport.options().regionId());
    }

    @Override
    public List<T> describeInstances(VpcId vpc) {
      List<B> found = Lists.numbered(transport, (page, size) -> rpc(wire.listAction())
          .parameter("VpcId", vpc.value()).parameter("PageNumber", Integer.toString(page))
          .parameter("PageSize", Integer.toString(size)).page(page).build(), wire.pageSize(), wire.listShape(),
          instance);
      return found.stream().map(b -> withAllowlists.apply(b, describeAllowlists(idOf.apply(b))))
          .collect(Collectors.toList());
    }

    @Override
    public T describeInstance(I id) {
      ApiRequest r = rpc(wire.attributeAction()).parameter(wire.idParameter(), id.value()).build();
      ApiResponse response = transport.call(r);
      Lists.Shape shape = wire.attributeShape();
      List<JsonNode> items = shape.items(response);
      if (items.isEmpty()) {
        throw WireJson.notFound(wire.prefix() + ":" + wire.attributeAction(), wire.notFoundCode(),
            "The " + wire.kind() + " " + id);
      }
      B b = Lists.one(r, response, "/" + shape.container() + "/" + shape.element() + "/0", items.get(0), instance);
      return withAllowlists.apply(b, describeAllowlists(id));
    }

    @Override
    public List<AllowlistGroup> describeAllowlists(I id) {
      ApiRequest r = rpc(wire.allowlistAction()).parameter(wire.idParameter(), id.value()).build();
      ApiResponse response = transport.call(r);
      Lists.Shape shape = wire.allowlistShape();
      List<AllowlistGroup> out = new ArrayList<>();
      Lists.map(r, response, 1, shape, shape.items(response),
          n -> group(n, wire.groupName(), wire.groupAttribute(), wire.groupList()), out);
      return out;
    }

    @Override
    public void appendAllowlistEntries(I id, String group, List<Cidr> entries) {
      modify(id, group, entries, "Append");
    }

    @Override
    public void deleteAllowlistEntries(I id, String group, List<Cidr> entries) {
      modify(id, group, entries, "Delete");
    }

    private void modify(I id, String group, List<Cidr> entries, String mode) {
      transport.call(rpc("ModifySecurityIps").parameter(wire.idParameter(), id.value())
          .parameter(wire.groupParameter(), Objects.requireNonNull(group, "group"))
          .parameter("SecurityIps", entries(entries)).parameter("ModifyMode", mode).build());
    }

    String regionId() {
      return transport.options().regionId();
    }
  }

  /** {@link RdsApi} over the RDS API. */
  public static final class Rds extends Product<RdsInstanceId, RdsInstance, RdsInstance.Builder> implements RdsApi {
    static final Wire WIRE = new Wire(AliyunProduct.RDS, "rds", "RDS instance", RDS_PAGE, "DBInstanceId",
        "DescribeDBInstances", new Lists.Shape("Items", "DBInstance"),
        "DescribeDBInstanceAttribute", new Lists.Shape("Items", "DBInstanceAttribute"), "InvalidDBInstanceId.NotFound",
        "DescribeDBInstanceIPArrayList", new Lists.Shape("Items", "DBInstanceIPArray"),
        "DBInstanceIPArrayName", "DBInstanceIPArrayAttribute", "SecurityIPList", "DBInstanceIPArrayName");

    public Rds(HttpTransport transport) {
      super(transport, WIRE, Rds::instance, b -> b.build().id(), (b, groups) -> b.allowlists(groups).build());
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
    public String toString() {
      return "AliyunRdsApi{" + regionId() + "}";
    }
  }

  /** {@link RedisApi} over the R-KVStore API. */
  public static final class Redis extends Product<RedisInstanceId, RedisInstance, RedisInstance.Builder>
      implements RedisApi {
    static final Wire WIRE = new Wire(AliyunProduct.REDIS, "kvstore", "Redis instance", REDIS_PAGE, "InstanceId",
        "DescribeInstances", new Lists.Shape("Instances", "KVStoreInstance"),
        "DescribeInstanceAttribute", new Lists.Shape("Instances", "DBInstanceAttribute"), "InvalidInstanceId.NotFound",
        "DescribeSecurityIps", new Lists.Shape("SecurityIpGroups", "SecurityIpGroup"),
        "SecurityIpGroupName", "SecurityIpGroupAttribute", "SecurityIpList", "SecurityIpGroupName");

    public Redis(HttpTransport transport) {
      super(transport, WIRE, Redis::instance, b -> b.build().id(), (b, groups) -> b.allowlists(groups).build());
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
    public String toString() {
      return "AliyunRedisApi{" + regionId() + "}";
    }
  }
}
