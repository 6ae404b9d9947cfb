package io.easnet.core.analysis;

import io.easnet.core.model.Inventory;
import io.easnet.core.model.ServiceSpec;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.immutables.value.Value;

/**
 * Everything the rule catalogue checks: the inventory (with the name of the snapshot it came from), the services
 * with their intents, and the {@link Clock} whose date expires suppressions: the system clock (UTC) by default;
 * inject a fixed clock for a reproducible run.
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

  /** The clock whose date expires suppressions; the system clock in UTC by default. */
  @Value.Default
  public Clock clock() {
    return Clock.systemUTC();
  }

  /** Today's date on {@link #clock()}. */
  public final LocalDate today() {
    return LocalDate.now(clock());
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AnalysisInput}. */
  public static final class Builder extends ImmutableAnalysisInput.Builder {
    Builder() {}

    /** Sets the clock to a fixed date (start of day, UTC), for reproducible suppression expiry. */
    public Builder today(LocalDate date) {
      return clock(Clock.fixed(date.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC));
    }

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
