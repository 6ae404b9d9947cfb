package io.easnet.testkit.internal;

import io.easnet.testkit.FakeCloud;
import java.util.function.Function;

/**
 * A {@link FakeCloud} as the wire emulator serves it: every HTTP request the emulator routes becomes exactly one
 * {@link #serve} (one recorded call, one fault draw, one request id), the same call path the fake's port face takes.
 * Obtain one with {@link #of(FakeCloud)}. Thread-safe: requests are serialized by the fake.
 */
public interface WireCloud {
  /** The fake whose state this serves. */
  FakeCloud fake();

  /**
   * One request of {@code action} ({@code CloudActions} spelling, e.g. {@code vpc:DescribeVSwitches}): the fake's
   * seeded faults and latency, then {@code body} on the state under the fake's lock, then the call log. A refusal of
   * the state (or an injected fault) comes back as a refused {@link Served}, never as an exception.
   *
   * @param page the page of a list request, from 1; 1 for other requests
   * @param body reads or changes the state; it must not keep the {@link WireState} beyond the call
   */
  <T> Served<T> serve(String action, int page, Function<WireState, T> body);

  /** The wire face of {@code fake}. */
  static WireCloud of(FakeCloud fake) {
    return WireClouds.of(fake);
  }
}
