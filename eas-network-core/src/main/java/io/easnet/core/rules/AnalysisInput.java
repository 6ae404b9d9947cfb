package io.easnet.core.rules;

import io.easnet.core.model.Inventory;
import io.easnet.core.model.ServiceSpec;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Everything the rule catalogue checks: the inventory (with the name of the snapshot it came from), the services
 * with their intents, and the date used to expire suppressions. The date is injected, never read from the clock, so
 * that a run is reproducible; without it suppressions never expire.
 */
@Value.Immutable
public abstract class AnalysisInput {
  /** The source name used for inventory locations when none is given. */
  public static final String DEFAULT_INVENTORY_SOURCE = "snapshot";

  AnalysisInput() {}

  /** The network inventory. */
  public abstract Inventory inventory();

  /** The snapshot file the inventory came from; {@value #DEFAULT_INVENTORY_SOURCE} when not set. */
  @Value.Default
  public String inventorySource() {
    return DEFAULT_INVENTORY_SOURCE;
  }

  /** The services to check, in any order. */
  public abstract List<ServiceInput> services();

  /** Today's date, for suppression expiry. */
  public abstract Optional<LocalDate> today();

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AnalysisInput}. */
  public static final class Builder extends ImmutableAnalysisInput.Builder {
    Builder() {}

    /** Adds a service without intents. */
    public Builder addService(ServiceSpec spec) {
      return addService(ServiceInput.of(spec));
    }

    /** Adds a service built in place. */
    public Builder addService(ServiceInput.Builder service) {
      return addService(service.build());
    }
  }
}
