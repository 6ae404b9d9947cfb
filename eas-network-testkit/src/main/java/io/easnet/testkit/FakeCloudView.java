package io.easnet.testkit;

import io.easnet.core.spi.CloudPort;
import io.easnet.core.spi.EasApi;
import io.easnet.core.spi.EcsApi;
import io.easnet.core.spi.RdsApi;
import io.easnet.core.spi.RedisApi;
import io.easnet.core.spi.RequestListener.RequestEvent;
import io.easnet.core.spi.RequestListener;
import io.easnet.core.spi.VpcApi;

/** A view of a {@link FakeCloud} that reports each request to one more listener; the state is the fake's. */
final class FakeCloudView implements CloudPort {
  private final FakeCloud fake;
  private final RequestListener listener;
  private final VpcApi vpc;
  private final EcsApi ecs;
  private final RdsApi rds;
  private final RedisApi redis;
  private final EasApi eas;

  FakeCloudView(FakeCloud fake, RequestListener listener) {
    this.fake = fake;
    this.listener = listener;
    Requests requests = new Requests(fake, listener);
    this.vpc = new FakeVpcApi(requests);
    this.ecs = new FakeEcsApi(requests);
    this.rds = new FakeAllowlistApi.Rds(requests);
    this.redis = new FakeAllowlistApi.Redis(requests);
    this.eas = new FakeEasApi(requests);
  }

  @Override
  public VpcApi vpc() {
    return vpc;
  }

  @Override
  public EcsApi ecs() {
    return ecs;
  }

  @Override
  public RdsApi rds() {
    return rds;
  }

  @Override
  public RedisApi redis() {
    return redis;
  }

  @Override
  public EasApi eas() {
    return eas;
  }

  @Override
  public java.util.Optional<String> regionId() {
    return fake.regionId();
  }

  @Override
  public CloudPort withRequestListener(RequestListener more) {
    java.util.Objects.requireNonNull(more, "listener must not be null");
    RequestListener both = (RequestEvent e) -> {
      listener.onRequest(e);
      more.onRequest(e);
    };
    return new FakeCloudView(fake, both);
  }

  @Override
  public String toString() {
    return "FakeCloudView[" + fake + "]";
  }
}
