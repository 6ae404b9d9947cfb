package io.easnet.testkit.internal;

import io.easnet.testkit.FakeCloud;
import java.util.Objects;
import java.util.function.Function;

/**
 * The bridge from this package to the fake's package-private state: {@code FakeCloud} installs the factory of its
 * wire face when its class initializes (before any instance exists), so {@link #of(FakeCloud)} always finds it.
 */
public final class WireClouds {
  private static volatile Function<FakeCloud, WireCloud> factory;

  private WireClouds() {}

  /**
   * Called once by {@code FakeCloud}'s class initializer; later calls are ignored, so nothing else can replace the
   * fake's own wire face.
   */
  public static synchronized void install(Function<FakeCloud, WireCloud> wireFace) {
    Objects.requireNonNull(wireFace, "wireFace");
    if (!wireFace.getClass().getPackageName().equals(FakeCloud.class.getPackageName())) {
      throw new IllegalArgumentException("only FakeCloud installs its wire face");
    }
    if (factory == null) {
      factory = wireFace;
    }
  }

  static WireCloud of(FakeCloud fake) {
    Objects.requireNonNull(fake, "fake");
    Function<FakeCloud, WireCloud> f = factory;
    if (f == null) {
      throw new IllegalStateException("FakeCloud did not install its wire face; this is a bug of the testkit");
    }
    return f.apply(fake);
  }
}
