package io.easnet.core.spi;

import io.easnet.core.model.RedisInstance;
import io.easnet.core.model.ResourceId.RedisInstanceId;

/**
 * Tair (Redis OSS-compatible) allowlists ({@code SecurityIpGroup}). Actions:
 * {@link CloudActions#REDIS_DESCRIBE_INSTANCES}, {@link CloudActions#REDIS_DESCRIBE_INSTANCE},
 * {@link CloudActions#REDIS_DESCRIBE_ALLOWLISTS}, {@link CloudActions#REDIS_MODIFY_SECURITY_IPS}.
 */
public interface RedisApi extends AllowlistApi<RedisInstanceId, RedisInstance> {}
