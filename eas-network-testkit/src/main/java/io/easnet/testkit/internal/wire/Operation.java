package io.easnet.testkit.internal.wire;

/**
 * What the emulator does for one operation of the table. It runs only after the signature verified, the request
 * routed and every required parameter was found. Implementations must be thread-safe: MockWebServer serves each
 * connection on its own thread.
 */
@FunctionalInterface
public interface Operation {
  /**
   * Answers one call: a success body (the dispatcher adds {@code RequestId}) or an Alibaba error. Throwing an
   * {@link AlibabaError} is the same as returning it as a {@link Reply.Failure}.
   */
  Reply handle(Call call);
}
