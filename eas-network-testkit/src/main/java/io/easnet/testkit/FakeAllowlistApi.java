package io.easnet.testkit;

import static io.easnet.testkit.Requests.req;

import io.easnet.core.model.AllowlistGroup;
import io.easnet.core.model.AllowlistGroup.AllowlistTarget;
import io.easnet.core.model.Cidr;
import io.easnet.core.model.RdsInstance;
import io.easnet.core.model.ResourceId.RdsInstanceId;
import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.ResourceId.RedisInstanceId;
import io.easnet.core.model.ResourceId;
import io.easnet.core.model.ResourceId.VpcId;
import io.easnet.core.spi.AllowlistApi;
import io.easnet.core.spi.CloudActions;
import io.easnet.core.spi.RdsApi;
import io.easnet.core.spi.RedisApi;
import java.util.List;
import java.util.function.Function;

/**
 * RDS and Redis alike: the same allowlist semantics under each product's action names.
 *
 * @param <I> the instance id type
 * @param <T> the instance type
 */
class FakeAllowlistApi<I extends ResourceId, T extends AllowlistTarget> implements AllowlistApi<I, T> {
  private final Requests requests;
  private final AllowlistState<I, T> store;
  private final String describeInstances;
  private final String describeInstance;
  private final String describeAllowlists;
  private final String modifySecurityIps;

  FakeAllowlistApi(Requests requests, Function<CloudState, AllowlistState<I, T>> store, String describeInstances,
      String describeInstance, String describeAllowlists, String modifySecurityIps) {
    this.requests = requests;
    this.store = store.apply(requests.fake().state());
    this.describeInstances = describeInstances;
    this.describeInstance = describeInstance;
    this.describeAllowlists = describeAllowlists;
    this.modifySecurityIps = modifySecurityIps;
  }

  @Override
  public List<T> describeInstances(VpcId vpc) {
    req(vpc, "vpc");
    return requests.list(describeInstances, () -> store.inVpc(vpc));
  }

  @Override
  public T describeInstance(I id) {
    req(id, "id");
    return requests.call(describeInstance, () -> store.instance(id));
  }

  @Override
  public List<AllowlistGroup> describeAllowlists(I id) {
    req(id, "id");
    return requests.call(describeAllowlists, () -> store.instance(id).allowlists());
  }

  @Override
  public void appendAllowlistEntries(I id, String group, List<Cidr> entries) {
    List<Cidr> copy = checked(id, group, entries);
    requests.run(modifySecurityIps, () -> store.append(id, group, copy));
  }

  @Override
  public void deleteAllowlistEntries(I id, String group, List<Cidr> entries) {
    List<Cidr> copy = checked(id, group, entries);
    requests.run(modifySecurityIps, () -> store.delete(id, group, copy));
  }

  private List<Cidr> checked(I id, String group, List<Cidr> entries) {
    req(id, "id");
    req(group, "group");
    return List.copyOf(req(entries, "entries"));
  }

  /** The fake's RDS product. */
  static final class Rds extends FakeAllowlistApi<RdsInstanceId, RdsInstance> implements RdsApi {
    Rds(Requests requests) {
      super(requests, s -> s.rds, CloudActions.RDS_DESCRIBE_INSTANCES, CloudActions.RDS_DESCRIBE_INSTANCE,
          CloudActions.RDS_DESCRIBE_ALLOWLISTS, CloudActions.RDS_MODIFY_SECURITY_IPS);
    }
  }

  /** The fake's Redis product. */
  static final class Redis extends FakeAllowlistApi<RedisInstanceId, RedisInstance> implements RedisApi {
    Redis(Requests requests) {
      super(requests, s -> s.redis, CloudActions.REDIS_DESCRIBE_INSTANCES, CloudActions.REDIS_DESCRIBE_INSTANCE,
          CloudActions.REDIS_DESCRIBE_ALLOWLISTS, CloudActions.REDIS_MODIFY_SECURITY_IPS);
    }
  }
}
