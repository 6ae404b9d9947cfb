/**
 * The fake cloud as the wire emulator reaches it, no compatibility promise: {@link io.easnet.testkit.internal.WireCloud}
 * is {@code FakeCloud}'s one call path (seeded faults, latency, call log, state) and
 * {@link io.easnet.testkit.internal.WireState} its state, so the emulator serves exactly what the port face serves.
 */
package io.easnet.testkit.internal;
