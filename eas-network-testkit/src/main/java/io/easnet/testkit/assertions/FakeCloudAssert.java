package io.easnet.testkit.assertions;

import io.easnet.testkit.FakeCloud;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link FakeCloud}: the calls it answered and its current state. */
public final class FakeCloudAssert extends AbstractAssert<FakeCloudAssert, FakeCloud> {
  FakeCloudAssert(FakeCloud actual) {
    super(actual, FakeCloudAssert.class);
  }

  /** The fake answered exactly these calls, in any order (a repeated action must be listed as often as it was made). */
  public FakeCloudAssert madeExactlyCalls(String... actions) {
    isNotNull();
    List<String> remaining = new ArrayList<>(actual.calls());
    List<String> missing = new ArrayList<>();
    for (String a : actions) {
      if (!remaining.remove(a)) {
        missing.add(a);
      }
    }
    if (!missing.isEmpty() || !remaining.isEmpty()) {
      failWithMessage(
          "Expected exactly the calls %s (in any order), but the fake answered %s; missing %s, unexpected %s",
          Arrays.asList(actions), actual.calls(), missing, remaining);
    }
    return this;
  }

  /** The fake answered this action exactly {@code times} times. */
  public FakeCloudAssert madeCall(String action, int times) {
    isNotNull();
    int n = actual.callCount(action);
    if (n != times) {
      failWithMessage("Expected %d call(s) of %s, but there were %d; all calls: %s", times, action, n, actual.calls());
    }
    return this;
  }

  /** The fake answered none of these actions. */
  public FakeCloudAssert madeNoCallTo(String... actions) {
    isNotNull();
    List<String> made = Arrays.stream(actions).filter(a -> actual.callCount(a) > 0).toList();
    if (!made.isEmpty()) {
      failWithMessage("Expected no call to %s, but the fake answered %s", made, actual.calls());
    }
    return this;
  }

  /** Assertions on the fake's current state. */
  public InventoryAssert inventory() {
    isNotNull();
    return new InventoryAssert(actual.inventory());
  }
}
