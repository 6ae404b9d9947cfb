/**
 * The adapter's implementation, no compatibility promise: the V3 signature ({@link
 * io.easnet.aliyun.internal.CanonicalRequest}, {@link io.easnet.aliyun.internal.Acs3Signer}), endpoint resolution
 * ({@link io.easnet.aliyun.internal.EndpointResolver}), the credentials providers and their chain ({@link
 * io.easnet.aliyun.internal.DefaultCredentialsChain}) and the HTTP transport ({@link
 * io.easnet.aliyun.internal.HttpTransport}). The testkit's wire emulator is an independent implementation of the same
 * protocol and shares none of this code.
 */
package io.easnet.aliyun.internal;
