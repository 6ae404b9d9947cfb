package io.easnet.aliyun.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.easnet.aliyun.AliyunProduct;
import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.AllowlistGroup.AllowlistTarget;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.IpAddress;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import io.easnet.core.model.ResourceId;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.AllowlistApi;
import io.easnet.core.spi.RdsApi;
import io.easnet.core.spi.RedisApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import io.easnet.core.model.ResourceId.SecurityGroupId;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
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
   * {@code DescribeSecurityGroupConfiguration} of either product (RDS 2014-08-15, R-KVStore 2015-01-01): the ECS
   * security groups bound to an instance, {@code Items.EcsSecurityGroupRelation[].SecurityGroupId}.
   */
  static final String BOUND_GROUPS_ACTION = "DescribeSecurityGroupConfiguration";

  static final Lists.Shape BOUND_GROUPS = new Lists.Shape("Items", "EcsSecurityGroupRelation");

  /** What the instance's answers, its allowlist groups and its bound security groups make. */
  interface Finisher<B, T> {
    T finish(B instance, List<AllowlistGroup> allowlists, List<SecurityGroupId> boundGroups);
  }

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
    private final Finisher<B, T> withAllowlists;

    Product(HttpTransport transport, Wire wire, Function<JsonNode, B> instance, Function<B, I> idOf,
        Finisher<B, T> withAllowlists) {
      this.transport = Objects.requireNonNull(transport, "transport");
      this.wire = wire;
      this.instance = instance;
      this.idOf = idOf;
      this.withAllowlists = withAllowlists;
    }

    private ApiRequest.Builder rpc(String action) {
      return ApiRequest.rpc(wire.product(), action).parameter("RegionId", transport.options().regionId());
    }

    /**
     * Every instance of the VPC: the list, then for each instance its {@link #completion} reads, all of them
     * together (in the order one after the other would send them: instance by instance).
     */
    @Override
    public List<T> describeInstances(VpcId vpc) {
      List<B> found = Lists.numbered(transport, (page, size) -> rpc(wire.listAction())
          .parameter("VpcId", vpc.value()).parameter("PageNumber", Integer.toString(page))
          .parameter("PageSize", Integer.toString(size)).page(page).build(), wire.pageSize(), wire.listShape(),
          instance);
      List<Supplier<Object>> reads = new ArrayList<>();
      for (B b : found) {
        reads.addAll(completion(idOf.apply(b)));
      }
      List<Object> answers = transport.all(wire.prefix() + ":" + wire.listAction(), reads);
      int per = answers.size() / Math.max(1, found.size());
      List<T> out = new ArrayList<>(found.size());
      for (int i = 0; i < found.size(); i++) {
        out.add(complete(found.get(i), answers.subList(i * per, (i + 1) * per)));
      }
      return out;
    }

    /**
     * One instance: its attribute answer and the reads of {@link #completion}, all together; the attribute's
     * failure (NOT_FOUND for an unknown id) is the one reported, as when they went one after the other.
     */
    @Override
    public T describeInstance(I id) {
      List<Supplier<Object>> reads = new ArrayList<>();
      reads.add(() -> attribute(id));
      reads.addAll(completion(id));
      List<Object> answers = transport.all(wire.prefix() + ":" + wire.attributeAction(), reads);
      @SuppressWarnings("unchecked") // the first task is attribute(id)
      B b = (B) answers.get(0);
      return complete(b, answers.subList(1, answers.size()));
    }

    private B attribute(I id) {
      ApiRequest r = rpc(wire.attributeAction()).parameter(wire.idParameter(), id.value()).build();
      ApiResponse response = transport.call(r);
      Lists.Shape shape = wire.attributeShape();
      List<JsonNode> items = shape.items(response);
      if (items.isEmpty()) {
        throw WireJson.notFound(wire.prefix() + ":" + wire.attributeAction(), wire.notFoundCode(),
            "The " + wire.kind() + " " + id);
      }
      return Lists.one(r, response, "/" + shape.container() + "/" + shape.element() + "/0", items.get(0), instance);
    }

    /**
     * The reads that complete an instance's list or attribute answer, in the order they were sent one after the
     * other: the product's details (addresses), the allowlists, the bound groups. Each needs only the id.
     */
    private static final int COMPLETION_WITH_DETAILS = 3;

    private List<Supplier<Object>> completion(I id) {
      List<Supplier<Object>> reads = new ArrayList<>(3);
      Supplier<Consumer<B>> details = details(id);
      if (details != null) {
        reads.add(details::get);
      }
      reads.add(() -> describeAllowlists(id));
      reads.add(() -> boundGroups(id));
      return reads;
    }

    /** The instance with the answers of its {@link #completion} reads. */
    @SuppressWarnings("unchecked") // the answers are the completion's, in its order
    private T complete(B b, List<Object> answers) {
      int i = 0;
      if (answers.size() == COMPLETION_WITH_DETAILS) {
        ((Consumer<B>) answers.get(i++)).accept(b);
      }
      List<AllowlistGroup> allowlists = (List<AllowlistGroup>) answers.get(i++);
      List<SecurityGroupId> bound = (List<SecurityGroupId>) answers.get(i);
      return withAllowlists.finish(b, allowlists, bound);
    }

    /**
     * A read of what the product's list and attribute answers lack, giving what it writes into the builder; null
     * when the product has none.
     */
    Supplier<Consumer<B>> details(I id) {
      return null;
    }

    /** The ECS security groups bound to the instance ({@code DescribeSecurityGroupConfiguration}). */
    List<SecurityGroupId> boundGroups(I id) {
      ApiRequest r = rpc(BOUND_GROUPS_ACTION).parameter(wire.idParameter(), id.value()).build();
      ApiResponse response = transport.call(r);
      List<SecurityGroupId> out = new ArrayList<>();
      Lists.map(r, response, 1, BOUND_GROUPS, BOUND_GROUPS.items(response.json()),
          n -> SecurityGroupId.of(WireJson.required(n, "SecurityGroupId")), out);
      return out.stream().distinct().collect(Collectors.toList());
    }

    /** One call of this product's API. */
    ApiResponse call(ApiRequest request) {
      return transport.call(request);
    }

    ApiRequest.Builder request(String action) {
      return rpc(action);
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

    /** {@code DescribeDBInstanceNetInfo}: the instance's addresses, {@code DBInstanceNetInfos.DBInstanceNetInfo[]}. */
    static final String NET_INFO_ACTION = "DescribeDBInstanceNetInfo";

    static final Lists.Shape NET_INFO = new Lists.Shape("DBInstanceNetInfos", "DBInstanceNetInfo");

    public Rds(HttpTransport transport) {
      super(transport, WIRE, Rds::instance, b -> b.build().id(),
          (b, groups, bound) -> b.allowlists(groups).securityGroupIds(bound).build());
    }

    /**
     * The private address and port: neither {@code DescribeDBInstances} nor {@code DescribeDBInstanceAttribute}
     * answers the address, so it is read from {@code DescribeDBInstanceNetInfo}, the connection whose
     * {@code IPType} is {@code Private} (a VPC instance; {@code Inner} for the classic network), its
     * {@code IPAddress} and {@code Port} (a string).
     */
    @Override
    Supplier<Consumer<RdsInstance.Builder>> details(RdsInstanceId id) {
      return () -> {
        ApiRequest r = request(NET_INFO_ACTION).parameter("DBInstanceId", id.value()).build();
        ApiResponse response = call(r);
        List<JsonNode> infos = new ArrayList<>();
        Lists.map(r, response, 1, NET_INFO, NET_INFO.items(response.json()), n -> n, infos);
        Optional<JsonNode> info = infos.stream().filter(n -> WireJson.text(n, "IPType")
            .filter(t -> t.equalsIgnoreCase("Private") || t.equalsIgnoreCase("Inner")).isPresent()).findFirst();
        // parsed here, so that a bad answer fails this read (in its place in the order), not the assembly
        Optional<IpAddress> address = info.flatMap(n -> WireJson.text(n, "IPAddress")).map(IpAddress::parse);
        Optional<Integer> port = info.flatMap(n -> WireJson.number(n, "Port")).map(Math::toIntExact);
        return b -> {
          address.ifPresent(b::privateIp);
          port.ifPresent(b::port);
        };
      };
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
      super(transport, WIRE, Redis::instance, b -> b.build().id(),
          (b, groups, bound) -> b.allowlists(groups).securityGroupIds(bound).build());
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
