/**
 * The Alibaba Cloud adapter: signing (ACS3-HMAC-SHA256), endpoints, credentials and the HTTP transport behind the
 * cloud port. The public surface is small: {@link io.easnet.aliyun.Credentials},
 * {@link io.easnet.aliyun.CredentialsProvider}, {@link io.easnet.aliyun.CredentialsProviders},
 * {@link io.easnet.aliyun.AliyunOptions}, {@link io.easnet.aliyun.RetryPolicy} and the per-request
 * {@link io.easnet.aliyun.RequestEvent}. Everything in {@code io.easnet.aliyun.internal} carries no compatibility
 * promise.
 */
package io.easnet.aliyun;
