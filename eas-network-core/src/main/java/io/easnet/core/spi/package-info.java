/**
 * The cloud port: the small interfaces through which the library reads and changes the cloud. The Aliyun adapter
 * implements them over HTTP, the testkit's {@code FakeCloud} in memory.
 *
 * <h2>Contract every implementation keeps</h2>
 *
 * <ul>
 *   <li><b>Thread safety.</b> Implementations MUST be safe to call from several threads at once; the inventory
 *       loader runs independent calls in parallel.
 *   <li><b>Idempotent writes.</b> Repeating a write that already took effect succeeds and changes nothing:
 *       authorizing an existing rule creates no duplicate, appending an entry that is present adds nothing,
 *       revoking or deleting what is gone succeeds. Every VPC and ECS write takes a request type that carries a
 *       {@link io.easnet.core.spi.CloudPort.ClientToken} (at most 64 ASCII characters): the same token twice acts once and
 *       answers as the first time; the same token with other parameters is refused
 *       ({@code IdempotentParameterMismatch}). EAS writes have no token; {@link io.easnet.core.spi.EasApi} says
 *       how to retry them.
 *   <li><b>Billed writes say so.</b> {@link io.easnet.core.spi.VpcApi#createNatGateway} and
 *       {@link io.easnet.core.spi.VpcApi#allocateEip} create resources that cost money.
 *   <li><b>Complete lists.</b> Every list method returns <b>all</b> pages; callers never page.
 *   <li><b>Observable requests.</b> {@link io.easnet.core.spi.CloudPort#withRequestListener} reports one
 *       {@link io.easnet.core.spi.RequestListener.RequestEvent} per HTTP request (action, page, request id, duration, outcome).
 *   <li><b>Asynchronous state is read through the port.</b> SNAT entries, NAT gateways, DLinks and services change
 *       state after the write returns; {@code describeSnatEntry}, {@code describeNatGateway},
 *       {@code describeResourceDLinkStatus} and {@code describeServiceStatus} let an applier poll to a deadline.
 *   <li><b>Typed failures.</b> Every failure the cloud reports is a {@link io.easnet.core.CloudServiceException}
 *       whose {@link io.easnet.core.CloudServiceException.Kind} says what happened: {@code NOT_FOUND},
 *       {@code ALREADY_EXISTS}, {@code QUOTA_EXCEEDED}, {@code THROTTLED}, {@code CONFLICT} (busy, retry),
 *       {@code FORBIDDEN}, {@code INVALID_PARAMETER} or {@code SERVER_ERROR}, classified from the error code and
 *       HTTP status as Alibaba documents them (docs/wire.md §8; each implementation keeps its own table, and the
 *       Aliyun adapter's tests prove it agrees with the testkit's). Its action is one of
 *       {@link io.easnet.core.spi.CloudActions}. Failures on the client's side (configuration, signing, I/O,
 *       timeouts) are {@link io.easnet.core.ClientException}s.
 *   <li><b>Null-free.</b> No argument may be {@code null}; absent results are {@link java.util.Optional} or empty
 *       lists.
 * </ul>
 *
 * <p>The testkit ships {@code io.easnet.testkit.CloudPortContractTest}, an abstract JUnit 5 suite every
 * implementation should extend.
 */
@ValueStyle
package io.easnet.core.spi;

import io.easnet.core.internal.ValueStyle;
