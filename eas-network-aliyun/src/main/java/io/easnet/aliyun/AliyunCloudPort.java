package io.easnet.aliyun;

import io.easnet.aliyun.internal.AliyunAllowlists;
import io.easnet.aliyun.internal.AliyunEasApi;
import io.easnet.aliyun.internal.AliyunEcsApi;
import io.easnet.aliyun.internal.AliyunVpcApi;
import io.easnet.aliyun.internal.HttpTransport;
import io.easnet.core.spi.CloudPort;
import io.easnet.core.spi.EasApi;
import io.easnet.core.spi.EcsApi;
import io.easnet.core.spi.RdsApi;
import io.easnet.core.spi.RedisApi;
import io.easnet.core.spi.RequestListener;
import io.easnet.core.spi.VpcApi;
import java.util.Objects;

/**
 * The {@link CloudPort} over Alibaba Cloud's APIs: VPC, ECS, RDS, R-KVStore (Redis) and EAS, signed with
 * ACS3-HMAC-SHA256, with retries, a circuit breaker per endpoint, a client-side rate limit and per-call timeouts as
 * {@link AliyunOptions} configures them. Thread safe.
 *
 * <pre>{@code
 * CloudPort port = AliyunCloudPort.create(AliyunOptions.builder("cn-hangzhou").build());
 * List<Vpc> vpcs = port.vpc().describeVpcs();
 * }</pre>
 *
 * <p>Failures the cloud reports are {@link io.easnet.core.CloudServiceException}s (request id, code, message,
 * {@code Recommend}, {@code HostId}); an unreachable endpoint or an open circuit breaker is a
 * {@link io.easnet.core.CloudIoException}, a timeout a {@link io.easnet.core.CloudTimeoutException}.
 */
public final class AliyunCloudPort implements CloudPort, AutoCloseable {
  private final HttpTransport transport;
  private final VpcApi vpc;
  private final EcsApi ecs;
  private final RdsApi rds;
  private final RedisApi redis;
  private final EasApi eas;

  private AliyunCloudPort(HttpTransport transport) {
    this.transport = transport;
    this.vpc = new AliyunVpcApi(transport);
    this.ecs = new AliyunEcsApi(transport);
    this.rds = new AliyunAllowlists.Rds(transport);
    this.redis = new AliyunAllowlists.Redis(transport);
    this.eas = new AliyunEasApi(transport);
  }

  /** A port with the options' region, credentials, endpoints, timeouts, retries and listener. */
  public static AliyunCloudPort create(AliyunOptions options) {
    return new AliyunCloudPort(HttpTransport.create(Objects.requireNonNull(options, "options must not be null")));
  }

  /** A port over a transport (tests: an injected sleeper, clock and signer). */
  static AliyunCloudPort over(HttpTransport transport) {
    return new AliyunCloudPort(Objects.requireNonNull(transport, "transport"));
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
    return java.util.Optional.of(transport.options().regionId());
  }

  @Override
  public AliyunCloudPort withRequestListener(RequestListener listener) {
    return new AliyunCloudPort(transport.withListener(listener));
  }

  /**
   * Ends the adapter's threads (the few that send the independent requests of one call together; running calls
   * finish first, bounded by the longest one attempt may take) and closes idle connections. The port stays usable:
   * its calls then send their requests one after the other. A view ({@link #withRequestListener}) shares them with
   * this port: closing a view closes nothing. Without close the threads, daemons, end after a few idle seconds.
   */
  @Override
  public void close() {
    transport.close();
  }

  /** The options, redacted (the credentials provider by its description, never a secret). */
  @Override
  public String toString() {
    return "AliyunCloudPort{" + transport.options() + "}";
  }
}
