/**
 * The emulator's protocol layer, no compatibility promise: request model ({@code WireRequest}), signature
 * verification ({@code SignatureVerifier}), operation table and router with near misses, Alibaba-shaped responses
 * and pagination, wire faults, the handlers that serve the fake cloud's state ({@code Handlers} and one class per
 * product, reaching the fake through {@code io.easnet.testkit.internal.WireCloud}), and the MockWebServer
 * {@code EmulatorDispatcher} that ties them together.
 */
package io.easnet.testkit.emulator.internal;
