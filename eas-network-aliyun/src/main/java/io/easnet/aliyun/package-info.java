/**
 * The Alibaba Cloud adapter: {@link io.easnet.aliyun.AliyunCloudPort} implements core's cloud port over the VPC,
 * ECS, RDS, R-KVStore and EAS APIs (ACS3-HMAC-SHA256 signing, endpoints, credentials, retries, circuit breakers,
 * rate limit, timeouts). The public surface is small: {@link io.easnet.aliyun.AliyunCloudPort},
 * {@link io.easnet.aliyun.AliyunOptions}, {@link io.easnet.aliyun.AliyunProduct},
 * {@link io.easnet.aliyun.Credentials}, {@link io.easnet.aliyun.CredentialsProvider},
 * {@link io.easnet.aliyun.CredentialsProviders} and {@link io.easnet.aliyun.RetryPolicy}; request events are core's
 * {@link io.easnet.core.spi.RequestListener.RequestEvent}. Everything in {@code io.easnet.aliyun.internal} carries no compatibility
 * promise.
 */
package io.easnet.aliyun;
