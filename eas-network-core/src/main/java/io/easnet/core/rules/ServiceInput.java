package io.easnet.core.rules;

import io.easnet.core.model.ServiceSpec;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One service to check: its spec, the file it came from (for locations) and what it is meant to do (its intents:
 * internet egress, private targets it must reach).
 *
 * <pre>{@code
 * ServiceInput.builder().spec(spec).sourceName("service.json").wantsInternetEgress(true)
 *     .addPrivateTarget("rm-bp1abc").build();
 * }</pre>
 */
@Value.Immutable
public abstract class ServiceInput {
  ServiceInput() {}

  /** The service. */
  public abstract ServiceSpec spec();

  /** The file (or other source) the service JSON came from, e.g. {@code service.json}. */
  public abstract Optional<String> sourceName();

  /** True when the service must reach the internet (downloads, external APIs). */
  @Value.Default
  public boolean wantsInternetEgress() {
    return false;
  }

  /** Ids of private targets the service must reach: RDS ({@code rm-…}), Redis ({@code r-…}) or ECS ({@code i-…}). */
  public abstract List<String> privateTargets();

  /**
   * The environment ({@code dev}, {@code test}, {@code staging}, {@code prod}) when known; otherwise rules infer it
   * from the service name.
   */
  public abstract Optional<String> environment();

  /** The service's name. */
  public final String name() {
    return spec().name();
  }

  /** A service with no intents and no source name. */
  public static ServiceInput of(ServiceSpec spec) {
    return builder().spec(spec).build();
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ServiceInput}. */
  public static final class Builder extends ImmutableServiceInput.Builder {
    Builder() {}
  }
}
