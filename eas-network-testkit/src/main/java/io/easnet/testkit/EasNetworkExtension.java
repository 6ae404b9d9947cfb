package io.easnet.testkit;

import io.easnet.core.spi.CloudPort;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link EasNetworkTest}, also usable programmatically:
 *
 * <pre>{@code
 * @RegisterExtension
 * static EasNetworkExtension cloud = EasNetworkExtension.builder()
 *     .seed(7)
 *     .estate(e -> e.vpc("prod", "192.168.0.0/16").vSwitch("eas", "192.168.1.0/24"))
 *     .build();
 * }</pre>
 *
 * <p>Registered in a {@code static} field, one fake serves the whole class; in an instance field, each test gets a
 * fresh one. The fake is injected into parameters of type {@link FakeCloud} or {@link CloudPort}, is available as
 * {@link #fake()}, and is closed through the {@link ExtensionContext.Store} when its scope ends.
 */
public final class EasNetworkExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
  private static final String KEY = "fake-cloud";

  private final Settings settings;
  private volatile FakeCloud current;

  /** The declarative form, configured by {@link EasNetworkTest} on the test class. */
  public EasNetworkExtension() {
    this.settings = null;
  }

  private EasNetworkExtension(Builder b) {
    this.settings = new Settings(b.seed, false, b.faults, b.estate);
  }

  /** A builder for the programmatic form. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The fake of the running test (or class).
   *
   * @throws IllegalStateException outside a test
   */
  public FakeCloud fake() {
    FakeCloud f = current;
    if (f == null) {
      throw new IllegalStateException("no FakeCloud yet: fake() is available once a test or @BeforeAll runs");
    }
    return f;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Settings s = settings(context);
    if (settings != null || s.perClass) {
      current = obtain(context, s);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    current = obtain(context, settings(context));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == FakeCloud.class || type == CloudPort.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    try {
      return obtain(context, settings(context));
    } catch (RuntimeException e) {
      throw new ParameterResolutionException("could not create the FakeCloud: " + e.getMessage(), e);
    }
  }

  private FakeCloud obtain(ExtensionContext context, Settings s) {
    ExtensionContext.Store store = context.getStore(ExtensionContext.Namespace.create(EasNetworkExtension.class, this));
    Holder existing = store.get(KEY, Holder.class);
    if (existing != null) {
      return existing.fake;
    }
    return store.getOrComputeIfAbsent(KEY, k -> new Holder(s.create()), Holder.class).fake;
  }

  private Settings settings(ExtensionContext context) {
    if (settings != null) {
      return settings;
    }
    Optional<EasNetworkTest> a = Optional.empty();
    for (Optional<Class<?>> c = context.getTestClass(); c.isPresent() && a.isEmpty();
        c = Optional.ofNullable(c.get().getEnclosingClass())) {
      a = AnnotationSupport.findAnnotation(c.get(), EasNetworkTest.class);
    }
    return a.map(x -> new Settings(x.seed(), x.perClass(), FaultPlan.none(), e -> {}))
        .orElseGet(() -> new Settings(FakeCloud.DEFAULT_SEED, false, FaultPlan.none(), e -> {}));
  }

  private record Settings(long seed, boolean perClass, FaultPlan faults, Consumer<Estate> estate) {
    FakeCloud create() {
      FakeCloud fake = FakeCloud.builder().seed(seed).faults(faults).build();
      estate.accept(fake.estate());
      return fake;
    }
  }

  @SuppressWarnings("deprecation")
  private static final class Holder implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final FakeCloud fake;

    Holder(FakeCloud fake) {
      this.fake = fake;
    }

    @Override
    public void close() {
      fake.close();
    }
  }

  /** Configures an {@link EasNetworkExtension}. */
  public static final class Builder {
    private long seed = FakeCloud.DEFAULT_SEED;
    private FaultPlan faults = FaultPlan.none();
    private Consumer<Estate> estate = e -> {};

    private Builder() {}

    /** The seed of ids and faults. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The fault plan each fake starts with. */
    public Builder faults(FaultPlan faults) {
      this.faults = Objects.requireNonNull(faults, "faults must not be null");
      return this;
    }

    /** Plants this estate in each fake before it is handed out. */
    public Builder estate(Consumer<Estate> estate) {
      this.estate = Objects.requireNonNull(estate, "estate must not be null");
      return this;
    }

    /** Builds the extension. */
    public EasNetworkExtension build() {
      return new EasNetworkExtension(this);
    }
  }
}
