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
 *       revoking or deleting what is gone succeeds.
 *   <li><b>Typed failures.</b> Every failure the cloud reports is a {@link io.easnet.core.CloudServiceException}
 *       whose {@link io.easnet.core.CloudServiceException.Kind} says what happened: {@code NOT_FOUND},
 *       {@code ALREADY_EXISTS}, {@code QUOTA_EXCEEDED}, {@code THROTTLED}, {@code FORBIDDEN},
 *       {@code INVALID_PARAMETER} or {@code SERVER_ERROR}. Its action is one of
 *       {@link io.easnet.core.spi.CloudActions}.
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
