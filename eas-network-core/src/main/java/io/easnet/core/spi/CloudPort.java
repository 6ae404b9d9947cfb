package io.easnet.core.spi;

import java.util.Optional;

/**
 * Everything the library reads from and writes to Alibaba Cloud, grouped by product. See the package documentation
 * for the contract: thread-safe, idempotent writes, every list complete, typed
 * {@link io.easnet.core.CloudServiceException} failures.
 */
public interface CloudPort {
  /**
   * The region this port reads and writes (for example {@code cn-hangzhou}); empty when it has none (a fake built
   * without one). A loaded inventory carries it as {@link io.easnet.core.model.Inventory#regionId()}.
   */
  Optional<String> regionId();

  /** VPC, vSwitches, NAT gateways, SNAT entries, EIPs and route tables. */
  VpcApi vpc();

  /** Security groups and their rules, ECS instances. */
  EcsApi ecs();

  /** ApsaraDB RDS instances and their IP allowlists. */
  RdsApi rds();

  /** Tair (Redis OSS-compatible) instances and their IP allowlists. */
  RedisApi redis();

  /** EAS services and the VPC direct connection of resource groups. */
  EasApi eas();

  /**
   * A view of this port that tells {@code listener} about every HTTP request made through the view: one event per
   * page of a list, one per attempt of a retried call. The view shares everything else (connections, credentials,
   * state) with this port; this port's own listeners, if any, are told too. Cheap: create one per unit of work.
   */
  CloudPort withRequestListener(RequestListener listener);
}
