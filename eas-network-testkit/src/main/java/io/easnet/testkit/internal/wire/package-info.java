/**
 * The emulator's protocol layer, no compatibility promise: request model ({@code WireRequest}), signature
 * verification ({@code SignatureVerifier}), operation table and router with near misses, Alibaba-shaped responses
 * and pagination, wire faults, and the MockWebServer {@code EmulatorDispatcher} that ties them together. It knows
 * nothing of the fake cloud: the handlers it dispatches to ({@link io.easnet.testkit.internal.wire.Operation}, given
 * a {@link io.easnet.testkit.internal.wire.Call}, answering a {@link io.easnet.testkit.internal.wire.Reply}) are the
 * fake's own wire face, {@code FakeCloud.wireOperations()}, which reads and changes the fake's state directly. The
 * types those handlers use are public for that reason only; this package depends on no other testkit package.
 */
package io.easnet.testkit.internal.wire;
